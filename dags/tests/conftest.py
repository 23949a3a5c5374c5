"""Test setup: a throw-away AIRFLOW_HOME with a SQLite metadata DB, and the dags/ folder on the path."""
import os
import sys
import tempfile

_HOME = tempfile.mkdtemp(prefix="agrisafe-airflow-")
os.environ.setdefault("AIRFLOW_HOME", _HOME)
os.environ.setdefault("AIRFLOW__CORE__LOAD_EXAMPLES", "False")
os.environ.setdefault("AIRFLOW__CORE__UNIT_TEST_MODE", "True")
os.environ.setdefault("AIRFLOW__DATABASE__SQL_ALCHEMY_CONN", f"sqlite:///{_HOME}/airflow.db")
DAGS_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
os.environ.setdefault("AIRFLOW__CORE__DAGS_FOLDER", DAGS_DIR)
sys.path.insert(0, DAGS_DIR)

import subprocess  # noqa: E402

import pytest  # noqa: E402


@pytest.fixture(scope="session")
def airflow_db():
    """The metadata DB that dag.test() needs, migrated once per session in the throw-away AIRFLOW_HOME."""
    subprocess.run([sys.executable, "-m", "airflow", "db", "migrate"], check=True, env=dict(os.environ),
                   stdout=subprocess.DEVNULL)
    return os.environ["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"]
