"""Every DAG imports without error and follows the DAG rules (docs/conventions.md §20.14)."""
import ast
import os
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from conftest import DAGS_DIR

DAG_FILES = sorted(f[:-3] for f in os.listdir(DAGS_DIR)
                   if f.endswith(".py") and not f.startswith("agrisafe_common"))


def test_the_expected_dags_exist():
    assert {"monthly_bulletin", "daily_refresh", "lakehouse_maintenance", "weekly_disclosure"} <= set(DAG_FILES)


@pytest.fixture(scope="module")
def dagbag():
    from airflow.models import DagBag
    return DagBag(dag_folder=DAGS_DIR, include_examples=False)


def test_every_dag_imports(dagbag):
    assert dagbag.import_errors == {}, dagbag.import_errors
    assert sorted(dagbag.dag_ids) == DAG_FILES


@pytest.mark.parametrize("name", DAG_FILES)
def test_dag_rules(dagbag, name):
    dag = dagbag.dags[name]
    assert dag is not None and dag.dag_id == name, "dag_id must equal the file name"
    assert dag.schedule is not None and dag.timetable.summary, "explicit schedule"
    assert dag.start_date.tzinfo is not None, "time-zone-aware start_date"
    assert dag.catchup is False
    assert dag.doc_md and dag.doc_md.strip().startswith("###"), "Markdown doc"


@pytest.mark.parametrize("name", DAG_FILES)
def test_nothing_connects_at_import_time(name):
    """No Variable.get / Connection / hook call at module level: only inside templates or task code."""
    tree = ast.parse(open(os.path.join(DAGS_DIR, name + ".py")).read())
    for node in tree.body:
        src = ast.unparse(node)
        for bad in ("Variable.get", "BaseHook", "get_connection", "Connection("):
            assert bad not in src, f"{name}: {bad} at import time"


def test_monthly_bulletin_runs_upstream_jobs_in_dependency_order(dagbag):
    dag = dagbag.dags["monthly_bulletin"]
    order = [t.task_id for t in dag.topological_sort()]
    assert order == ["pass_rates", "risk", "warnings", "maps", "bulletin", "disclosure"]
    assert dag.timetable.summary == "0 6 5 * *"
    assert str(dag.timezone.name) == "Asia/Shanghai"


def test_previous_month_across_a_year_boundary():
    from agrisafe_common import previous_month
    sh = ZoneInfo("Asia/Shanghai")
    assert previous_month(datetime(2023, 1, 5, 6, 0, tzinfo=sh)) == "2022-12"
    assert previous_month(datetime(2022, 7, 5, 6, 0, tzinfo=sh)) == "2022-06"
    assert previous_month(datetime(2024, 3, 1, 0, 30, tzinfo=sh)) == "2024-02"
    # 2023-01-01 00:30 in Shanghai is 2022-12-31 16:30 UTC: the local month decides.
    assert previous_month(datetime(2022, 12, 31, 16, 30, tzinfo=timezone.utc)) == "2022-12"
    with pytest.raises(ValueError, match="no time zone"):
        previous_month(datetime(2023, 1, 5))


def test_monday_of_previous_week():
    from agrisafe_common import monday_of_previous_week
    sh = ZoneInfo("Asia/Shanghai")
    assert monday_of_previous_week(datetime(2023, 1, 2, 7, 0, tzinfo=sh)) == "2022-12-26"
