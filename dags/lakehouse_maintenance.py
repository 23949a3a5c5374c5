"""
### lakehouse_maintenance

Every Sunday at 03:00 Asia/Shanghai, table by table: compaction (bin-pack rewrite of small data files), snapshot
expiry (older than the retention, keeping the last few and every snapshot a **published bulletin tagged**: Iceberg
keeps tagged snapshots), then orphan-file clean-up (files no snapshot references, older than three days).
Same launcher and Variables as the other DAGs.
"""
from __future__ import annotations

from airflow.providers.standard.operators.bash import BashOperator
from airflow.sdk import DAG

from agrisafe_common import START_DATE, agrisafe

with DAG(
    dag_id="lakehouse_maintenance",
    schedule="0 3 * * 0",
    start_date=START_DATE,
    catchup=False,
    doc_md=__doc__,
    max_active_runs=1,
    tags=["agrisafe", "maintenance"],
) as dag:
    compact = BashOperator(task_id="compact", bash_command=agrisafe("maintain --compact"))
    expire = BashOperator(task_id="expire_snapshots", bash_command=agrisafe("maintain --expire-snapshots"))
    orphans = BashOperator(task_id="remove_orphans", bash_command=agrisafe("maintain --remove-orphans"))
    compact >> expire >> orphans
