"""monthly_bulletin end to end with dag.test() against an embedded lakehouse built from the bundled data.

Needs AGRISAFE_TEST_LAKEHOUSE: a lakehouse folder that `./agrisafe demo` built (`.ci/run` passes the demo's; the
jobs replace their own rows, so re-running them changes no figure; the DAG's outputs go to a temporary folder). The DAG runs for logical date 2022-07-05 Asia/Shanghai, i.e. the
bulletin of 2022-06, the latest month of the bundled UK data.
"""
import json
import os
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from conftest import DAGS_DIR

LAKEHOUSE = os.environ.get("AGRISAFE_TEST_LAKEHOUSE")


@pytest.mark.skipif(not LAKEHOUSE, reason="AGRISAFE_TEST_LAKEHOUSE not set (set by .ci/run)")
def test_monthly_bulletin_writes_the_bulletin_files(tmp_path, airflow_db):
    out = tmp_path / "out"
    os.environ["AIRFLOW_VAR_AGRISAFE_CONF_ARGS"] = (
        f"--conf lakehouse-dir={LAKEHOUSE} --conf output-dir={out}")
    from airflow.models import DagBag
    dag = DagBag(dag_folder=DAGS_DIR, include_examples=False).dags["monthly_bulletin"]
    run = dag.test(logical_date=datetime(2022, 7, 5, 6, 0, tzinfo=ZoneInfo("Asia/Shanghai")))
    assert str(run.state) in ("success", "DagRunState.SUCCESS"), run.state
    folder = out / "bulletins" / "UK_PRIF-2022-06"
    for name in ("bulletin.json", "bulletin.html", "bulletin.pdf", "bulletin.docx", "trend.png"):
        assert (folder / name).stat().st_size > 0, name
    doc = json.loads((folder / "bulletin.json").read_text())
    assert doc["figures"]["meta"]["period"] == "2022-06"
    assert doc["figures"]["headline"]["has_data"] is True
    assert all(v is not None for k, v in doc["figures"]["meta"]["snapshots"].items()
               if k in ("monitoring.samples", "analytics.pass_rates"))
    assert (folder / "bulletin.pdf").read_bytes().startswith(b"%PDF")
    assert list((out / "disclosure" / "UK_PRIF").glob("2022-W2*.csv"))


@pytest.mark.skipif(not LAKEHOUSE, reason="AGRISAFE_TEST_LAKEHOUSE not set (set by .ci/run)")
def test_a_failed_task_fails_the_dag_run(tmp_path, airflow_db):
    os.environ["AIRFLOW_VAR_AGRISAFE_CONF_ARGS"] = f"--conf lakehouse-dir={tmp_path}/missing --conf output-dir={tmp_path}"
    from airflow.models import DagBag
    dag = DagBag(dag_folder=DAGS_DIR, include_examples=False).dags["daily_refresh"]
    run = dag.test(logical_date=datetime(2022, 7, 5, 2, 0, tzinfo=ZoneInfo("Asia/Shanghai")))
    assert "failed" in str(run.state).lower(), run.state
