# SPDX-License-Identifier: Apache-2.0
"""The event log: one event per change, in order, with time and actor."""

from __future__ import annotations

import datetime

import pytest

import lms
from conftest import START


def test_every_change_appends_an_event(engine, tenant, clock):
    clock.advance(seconds=5)
    engine.create_user(lms.SYSTEM, tenant, key="ann", display_name="Ann")
    engine.create_course(lms.SYSTEM, tenant, key="c", title="C")
    engine.publish_course(lms.SYSTEM, tenant, "c")
    events = engine.events_after(lms.SYSTEM, tenant)
    assert [e.type for e in events] == [
        "tenant.created", "user.created", "course.created", "course.published"]
    assert [e.subject for e in events] == ["acme", "ann", "c", "c"]
    assert all(e.actor == "@system" and e.tenant_id == tenant for e in events)
    assert events[0].time == START
    assert events[1].time == START + datetime.timedelta(seconds=5)
    assert isinstance(events[1].payload, dict)
    seqs = [e.seq for e in events]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)


def test_after_and_limit(engine, tenant):
    for i in range(5):
        engine.create_user(lms.SYSTEM, tenant, key=f"u{i}", display_name="U")
    everything = engine.events_after(lms.SYSTEM, tenant)
    page = engine.events_after(lms.SYSTEM, tenant, after=everything[1].seq, limit=2)
    assert page == everything[2:4]


def test_events_are_per_tenant(engine, tenant):
    other = engine.create_tenant(lms.SYSTEM, key="globex", name="Globex").id
    engine.create_user(lms.SYSTEM, other, key="x", display_name="X")
    assert [e.type for e in engine.events_after(lms.SYSTEM, tenant)] == ["tenant.created"]


@pytest.mark.parametrize("limit", [0, -1, 1001])
def test_limit_out_of_range(engine, tenant, limit):
    with pytest.raises(lms.InvalidArgumentError, match="limit"):
        engine.events_after(lms.SYSTEM, tenant, 0, limit)


def test_users_cannot_read_events(engine, tenant):
    engine.create_user(lms.SYSTEM, tenant, key="ann", display_name="Ann")
    with pytest.raises(lms.PermissionDeniedError):
        engine.events_after(lms.Actor.user("ann"), tenant)
