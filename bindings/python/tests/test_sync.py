# SPDX-License-Identifier: Apache-2.0
"""HR sync from a list of dicts and from a CSV file: diffs, dry runs,
idempotence and the full-mode missing policies."""

from __future__ import annotations

import datetime

import pytest

import lms

RECORDS = [
    {"key": "e1", "display_name": "Ann", "email": "ann@example.com",
     "hire_date": "2020-01-01", "attributes": {"dept": "sales"}},
    {"key": "e2", "display_name": "Bob", "hire_date": datetime.date(2021, 5, 17)},
    {"key": "e3", "display_name": "Cy", "manager_key": "e1"},
]

CSV = (
    "key,display_name,email,hire_date,attributes.dept\n"
    "e1,Ann,ann@example.com,2020-01-01,sales\n"
    'e2,"Bob, Jr.",,2021-05-17,it\n'
)


def event_count(engine, tenant):
    return len(engine.events_after(lms.SYSTEM, tenant, 0, 1000))


def test_sync_creates_then_is_idempotent(engine, tenant):
    result = engine.sync_users(lms.SYSTEM, tenant, RECORDS)
    assert (result.created, result.updated, result.unchanged) == (3, 0, 0)
    events = event_count(engine, tenant)
    again = engine.sync_users(lms.SYSTEM, tenant, RECORDS)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    assert event_count(engine, tenant) == events
    assert engine.get_user(lms.SYSTEM, tenant, "e2").hire_date == datetime.date(2021, 5, 17)


def test_sync_updates_changed_records(engine, tenant):
    engine.sync_users(lms.SYSTEM, tenant, RECORDS)
    changed = [dict(RECORDS[0], display_name="Ann Lee"), RECORDS[1]]
    result = engine.sync_users(lms.SYSTEM, tenant, changed)
    assert (result.created, result.updated, result.unchanged) == (0, 1, 1)
    assert engine.get_user(lms.SYSTEM, tenant, "e1").display_name == "Ann Lee"


def test_dry_run_writes_nothing(engine, tenant):
    before = event_count(engine, tenant)
    result = engine.sync_users(lms.SYSTEM, tenant, RECORDS, dry_run=True)
    assert result.created == 3
    assert engine.list_users(lms.SYSTEM, tenant).users == []
    assert event_count(engine, tenant) == before


def test_sync_from_csv_file(engine, tenant, tmp_path):
    path = tmp_path / "hr.csv"
    path.write_text(CSV, encoding="utf-8")
    result = engine.sync_users(lms.SYSTEM, tenant, csv_path=path)
    assert result.created == 2
    bob = engine.get_user(lms.SYSTEM, tenant, "e2")
    assert bob.display_name == "Bob, Jr."
    assert bob.attributes == {"dept": "it"}
    assert engine.sync_users(lms.SYSTEM, tenant, csv_path=str(path)).unchanged == 2


def test_missing_csv_file(engine, tenant, tmp_path):
    with pytest.raises(FileNotFoundError):
        engine.sync_users(lms.SYSTEM, tenant, csv_path=tmp_path / "absent.csv")


def test_records_or_csv_path_not_both(engine, tenant, tmp_path):
    with pytest.raises(lms.InvalidArgumentError, match="records"):
        engine.sync_users(lms.SYSTEM, tenant)
    with pytest.raises(lms.InvalidArgumentError, match="records"):
        engine.sync_users(lms.SYSTEM, tenant, RECORDS, csv_path=tmp_path / "x.csv")


@pytest.mark.parametrize(
    ("missing", "status", "suspended", "deprovisioned"),
    [
        ("keep", "active", 0, 0),
        ("suspend", "suspended", 1, 0),
        ("deprovision", "deprovisioned", 0, 1),
    ],
)
def test_full_mode_missing_policy(engine, tenant, missing, status, suspended, deprovisioned):
    engine.sync_users(lms.SYSTEM, tenant, RECORDS)
    result = engine.sync_users(lms.SYSTEM, tenant, RECORDS[:2], mode="full", missing=missing)
    counts = (result.unchanged, result.suspended, result.deprovisioned)
    assert counts == (2, suspended, deprovisioned)
    assert engine.get_user(lms.SYSTEM, tenant, "e3").status == status


def test_incremental_mode_leaves_missing_users(engine, tenant):
    engine.sync_users(lms.SYSTEM, tenant, RECORDS)
    result = engine.sync_users(lms.SYSTEM, tenant, RECORDS[:1], missing="deprovision")
    assert result.deprovisioned == 0
    assert engine.get_user(lms.SYSTEM, tenant, "e3").status == "active"


def test_sync_accepts_any_iterable(engine, tenant):
    result = engine.sync_users(lms.SYSTEM, tenant, (dict(r) for r in RECORDS))
    assert result.created == 3


def test_read_only_user_cannot_sync(engine, tenant):
    engine.create_user(lms.SYSTEM, tenant, key="ann", display_name="Ann")
    with pytest.raises(lms.PermissionDeniedError):
        engine.sync_users(lms.Actor.user("ann"), tenant, RECORDS)
    assert len(engine.list_users(lms.SYSTEM, tenant).users) == 1
