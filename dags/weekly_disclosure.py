"""
### weekly_disclosure

Every Monday at 07:00 Asia/Shanghai: the open-data export (凡检必公开, CSV + JSON with a documented schema) of every
result sampled in the previous ISO week, for `params.source`. No personal data; producers are never named unless
the run passes `--disclose-producers` (confirmed failures only), which this DAG does not.
"""
from __future__ import annotations

from airflow.providers.standard.operators.bash import BashOperator
from airflow.sdk import DAG, Param

from agrisafe_common import MACROS, START_DATE, agrisafe

with DAG(
    dag_id="weekly_disclosure",
    schedule="0 7 * * 1",
    start_date=START_DATE,
    catchup=False,
    doc_md=__doc__,
    user_defined_macros=MACROS,
    params={"source": Param("UK_PRIF", type="string")},
    tags=["agrisafe", "open-data"],
) as dag:
    BashOperator(
        task_id="disclosure",
        bash_command=agrisafe(
            "run disclosure --week-of {{ monday_of_previous_week(logical_date) }} --source {{ params.source }}"),
    )
