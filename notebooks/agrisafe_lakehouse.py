"""Connection to the AgriSafe lakehouse for notebooks: the same Iceberg JDBC catalog ('agrisafe', schema V1) that
Spark, Trino and the jobs use, read through PyIceberg's SQL catalog. Reading only: notebooks never write tables.

Configuration (environment):
  AGRISAFE_PYICEBERG_URI   SQLAlchemy URL of the catalog database. Default: the embedded lakehouse
                           sqlite:///<repo>/lakehouse/catalog.db (built by ./agrisafe demo). The PostgreSQL
                           catalog: postgresql+psycopg2://iceberg:iceberg@127.0.0.1:5433/iceberg
  AGRISAFE_WAREHOUSE       warehouse URI. Default file://<repo>/lakehouse/warehouse
  AGRISAFE_REPO            repository root. Default: the parent of this folder.

PyIceberg applies position deletes (what Spark's merge-on-read MERGE writes for lab corrections) but, as of
0.12, does not apply equality deletes (what a Flink upsert writes) until the table is compacted; see the README.
"""
from __future__ import annotations

import os
from pathlib import Path

from pyiceberg.catalog.sql import SqlCatalog

CATALOG_NAME = "agrisafe"  # the catalog's name in every engine (jdbc catalog_name column)

REPO = Path(os.environ.get("AGRISAFE_REPO", Path(__file__).resolve().parent.parent))


def catalog() -> SqlCatalog:
    """The lakehouse catalog. Raises FileNotFoundError when the embedded catalog has not been built."""
    uri = os.environ.get("AGRISAFE_PYICEBERG_URI")
    warehouse = os.environ.get("AGRISAFE_WAREHOUSE")
    if uri is None:
        db = REPO / "lakehouse" / "catalog.db"
        if not db.is_file():
            raise FileNotFoundError(f"No embedded lakehouse at {db}: run ./agrisafe demo first "
                                    "(or set AGRISAFE_PYICEBERG_URI to the PostgreSQL catalog)")
        uri = f"sqlite:///{db}"
    if warehouse is None:
        warehouse = (REPO / "lakehouse" / "warehouse").as_uri()
    # init_catalog_tables=false: the Java engines own the catalog's tables (schema V1); never create or alter them.
    return SqlCatalog(CATALOG_NAME, uri=uri, warehouse=warehouse, init_catalog_tables="false")


def table(name: str, row_filter=None, columns: tuple[str, ...] | None = None):
    """A lakehouse table as a pandas DataFrame.

    row_filter: a PyIceberg filter string ("period_type = 'YEAR'") or expression (EqualTo('result_id', x));
    columns: the columns to read (default all). Example: table('analytics.pass_rates', "period_type = 'YEAR'").
    """
    t = catalog().load_table(name)
    kwargs = {}
    if row_filter:
        kwargs["row_filter"] = row_filter
    if columns:
        kwargs["selected_fields"] = columns
    return t.scan(**kwargs).to_pandas()
