"""
### monthly_bulletin

The bureau's monthly bulletin of agricultural product quality-safety monitoring.

* **When**: on the configured day of each month (Variable-free: `AGRISAFE_BULLETIN_DAY`, default the 5th) at 06:00
  Asia/Shanghai, for **the previous month**, computed from the logical date (Airflow 3 cron schedules have a
  zero-length data interval).
* **What**, in dependency order: monthly pass-rate row sets, risk ranking, warnings (aberration detection), maps,
  then the bulletin (JSON of every figure, HTML, PDF, DOCX, with the Iceberg snapshot of every table read) and the
  open-data export of the month's weeks.
* **Where**: every task calls the project's launcher with the same jar; local vs cluster is the Variable
  `agrisafe_launcher`, extra options (`--config`, `--conf`) the Variable `agrisafe_conf_args`.
* **Scope**: `params.source` (default `UK_PRIF`; `CN_*` sources give a Chinese bulletin).

A failed task fails the run; a month with no data gives a bulletin that says so.
"""
from __future__ import annotations

import os

from airflow.providers.standard.operators.bash import BashOperator
from airflow.sdk import DAG, Param

from agrisafe_common import MACROS, START_DATE, ZONE, agrisafe

BULLETIN_DAY = int(os.environ.get("AGRISAFE_BULLETIN_DAY", "5"))
if not 1 <= BULLETIN_DAY <= 28:
    raise ValueError(f"AGRISAFE_BULLETIN_DAY={BULLETIN_DAY}: expected a day 1-28 (every month has it)")

with DAG(
    dag_id="monthly_bulletin",
    schedule=f"0 6 {BULLETIN_DAY} * *",
    start_date=START_DATE,
    catchup=False,
    doc_md=__doc__,
    user_defined_macros=MACROS,
    params={"source": Param("UK_PRIF", type="string", description="Source system (region scope)")},
    max_active_runs=1,
    tags=["agrisafe", "bulletin"],
) as dag:
    period = "{{ previous_month(logical_date) }}"
    pass_rates = BashOperator(
        task_id="pass_rates", bash_command=agrisafe("run bulletin-rates --period-type MONTH"))
    risk = BashOperator(task_id="risk", bash_command=agrisafe("run risk --period-type YEAR --no-report"))
    warnings = BashOperator(task_id="warnings", bash_command=agrisafe("run warnings"))
    maps = BashOperator(task_id="maps", bash_command=agrisafe("run maps"))
    bulletin = BashOperator(
        task_id="bulletin",
        bash_command=agrisafe("run bulletin --period-type MONTH --period " + period + " --source {{ params.source }}"),
    )
    disclosure = BashOperator(
        task_id="disclosure",
        bash_command=agrisafe("run disclosure-month --month " + period + " --source {{ params.source }}"),
    )
    pass_rates >> risk >> warnings >> maps >> bulletin >> disclosure
