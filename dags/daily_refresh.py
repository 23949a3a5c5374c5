"""
### daily_refresh

Every day at 02:00 Asia/Shanghai: recompute the monthly pass-rate row sets the bulletin and dashboards read, then
the aberration detection (warnings) on the refreshed data. Same launcher and Variables as `monthly_bulletin`
(`agrisafe_launcher`, `agrisafe_conf_args`). Ingest itself is event-driven (uploads) and not part of this DAG.
"""
from __future__ import annotations

from airflow.providers.standard.operators.bash import BashOperator
from airflow.sdk import DAG

from agrisafe_common import START_DATE, agrisafe

with DAG(
    dag_id="daily_refresh",
    schedule="0 2 * * *",
    start_date=START_DATE,
    catchup=False,
    doc_md=__doc__,
    max_active_runs=1,
    tags=["agrisafe"],
) as dag:
    rates = BashOperator(task_id="pass_rates", bash_command=agrisafe("run bulletin-rates --period-type MONTH"))
    warnings = BashOperator(task_id="warnings", bash_command=agrisafe("run warnings"))
    rates >> warnings
