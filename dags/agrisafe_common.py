"""Shared helpers of the AgriSafe DAGs (not a DAG itself).

Every task runs the project's one jar, either through the local launcher (``./agrisafe``) or through
``spark-submit`` on a cluster. Which one is an Airflow Variable read when the task runs, never at import time:

* ``agrisafe_launcher``: the command prefix. Default: ``<repo>/agrisafe`` (local mode, embedded lakehouse).
  On a cluster, e.g. ``spark-submit --class org.agrisafe.jobs.cli.AgriSafe --jars ... jobs/target/jobs-0.1.0-SNAPSHOT.jar``.
* ``agrisafe_conf_args``: options appended to every command, e.g. ``--config /etc/agrisafe/prod.properties`` or
  ``--conf lakehouse-dir=/data/lakehouse --conf output-dir=/data/out``. Default: empty.

Both can also come from the environment (``AIRFLOW_VAR_AGRISAFE_LAUNCHER``...), as Airflow does for Variables.
"""
from __future__ import annotations

import os
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pendulum

REPO_DIR = os.environ.get("AGRISAFE_HOME", os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ZONE = "Asia/Shanghai"
START_DATE = pendulum.datetime(2022, 1, 1, tz=ZONE)


def previous_month(logical_date: datetime, zone: str = ZONE) -> str:
    """The month before the one containing ``logical_date`` in ``zone``, as ``yyyy-MM``.

    Airflow 3 gives a cron schedule a zero-length data interval (data_interval_start == logical_date), so "the
    previous month" is computed from the logical date explicitly: a run on 2023-01-05 Asia/Shanghai reports 2022-12.
    ``logical_date`` must be time-zone aware (Airflow's always is); a naive one raises ValueError.
    """
    if logical_date.tzinfo is None:
        raise ValueError(f"logical_date {logical_date!r} has no time zone: expected an aware datetime")
    local = logical_date.astimezone(ZoneInfo(zone))
    last_of_previous = local.replace(day=1) - timedelta(days=1)
    return f"{last_of_previous.year:04d}-{last_of_previous.month:02d}"


def monday_of_previous_week(logical_date: datetime, zone: str = ZONE) -> str:
    """Monday (yyyy-MM-dd) of the ISO week before the one containing ``logical_date`` in ``zone``."""
    if logical_date.tzinfo is None:
        raise ValueError(f"logical_date {logical_date!r} has no time zone: expected an aware datetime")
    local = logical_date.astimezone(ZoneInfo(zone)).date()
    return (local - timedelta(days=local.weekday() + 7)).isoformat()


MACROS = {"previous_month": previous_month, "monday_of_previous_week": monday_of_previous_week}


def agrisafe(args: str) -> str:
    """A templated bash command running ``agrisafe <args>`` with the launcher and options from the Variables."""
    default = os.path.join(REPO_DIR, "agrisafe")
    return (
        "set -euo pipefail; cd " + REPO_DIR + "; "
        "{{ var.value.get('agrisafe_launcher', '" + default + "') }} " + args
        + " {{ var.value.get('agrisafe_conf_args', '') }}"
    )
