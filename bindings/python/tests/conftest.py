# SPDX-License-Identifier: Apache-2.0
"""Shared fixtures of the lms tests: a manual clock, an engine on each
backend, a tenant, and a snapshot of a tenant's state (records, roles,
assignments, overrides, enrolments and their progress, events) to prove
that a rejected call wrote nothing."""

from __future__ import annotations

import datetime

import pytest

import lms

START = datetime.datetime(2026, 1, 5, 9, 30, tzinfo=datetime.timezone.utc)


@pytest.fixture
def clock() -> lms.ManualClock:
    return lms.ManualClock(START)


@pytest.fixture(params=["memory", "sqlite"])
def engine(request, clock):
    if request.param == "memory":
        opened = lms.Engine(backend="memory", clock=clock)
    else:
        opened = lms.Engine(":memory:", clock=clock)
    with opened:
        yield opened


@pytest.fixture
def tenant(engine) -> int:
    return engine.create_tenant(lms.SYSTEM, key="acme", name="Acme Corp").id


def snapshot(engine: lms.Engine, tenant_id: int):
    """Everything a rejected call could have changed in `tenant_id`."""
    enrolments = list(engine.iter_enrolments(lms.SYSTEM, tenant_id))
    return (
        [e.seq for e in engine.events_after(lms.SYSTEM, tenant_id, 0, 1000)],
        list(engine.iter_users(lms.SYSTEM, tenant_id)),
        engine.list_org_units(lms.SYSTEM, tenant_id),
        list(engine.iter_courses(lms.SYSTEM, tenant_id)),
        engine.list_roles(lms.SYSTEM, tenant_id),
        engine.list_assignments(lms.SYSTEM, tenant_id),
        engine.list_overrides(lms.SYSTEM, tenant_id),
        enrolments,
        [engine.get_progress(lms.SYSTEM, tenant_id, e.id) for e in enrolments],
    )
