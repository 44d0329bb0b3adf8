# SPDX-License-Identifier: Apache-2.0
"""Users: create, get, update (only the fields passed), list with filters
and paging."""

from __future__ import annotations

import datetime

import pytest

import lms
from conftest import START


def add(engine, tenant, key, **fields):
    return engine.create_user(lms.SYSTEM, tenant, key=key, display_name=key.title(), **fields)


def test_create_with_every_field(engine, tenant):
    engine.create_org_unit(lms.SYSTEM, tenant, key="sales", name="Sales")
    user = engine.create_user(
        lms.SYSTEM,
        tenant,
        key="e100",
        display_name="Ann Lee",
        email="ann@example.com",
        org_unit="sales",
        manager_key="e001",
        hire_date=datetime.date(2021, 3, 1),
        attributes={"title": "Rep", "level": 3, "remote": True, "fte": 0.5},
        status="suspended",
    )
    assert user.key == "e100"
    assert user.display_name == "Ann Lee"
    assert user.email == "ann@example.com"
    assert user.org_unit == "sales"
    assert user.manager_key == "e001"
    assert user.hire_date == datetime.date(2021, 3, 1)
    assert user.attributes == {"title": "Rep", "level": 3, "remote": True, "fte": 0.5}
    assert user.status == "suspended"
    assert user.created_at == user.updated_at == START
    assert engine.get_user(lms.SYSTEM, tenant, "e100") == user


def test_defaults(engine, tenant):
    user = add(engine, tenant, "bob")
    assert (user.email, user.org_unit, user.manager_key) == ("", "", "")
    assert user.hire_date is None
    assert user.attributes == {}
    assert user.status == "active"


def test_hire_date_as_text(engine, tenant):
    user = add(engine, tenant, "bob", hire_date="2020-02-29")
    assert user.hire_date == datetime.date(2020, 2, 29)


def test_taken_key(engine, tenant):
    add(engine, tenant, "bob")
    with pytest.raises(lms.AlreadyExistsError):
        add(engine, tenant, "bob")


def test_unknown_user(engine, tenant):
    with pytest.raises(lms.NotFoundError, match="ghost"):
        engine.get_user(lms.SYSTEM, tenant, "ghost")


def test_update_changes_only_what_is_passed(engine, tenant, clock):
    add(engine, tenant, "bob", email="bob@example.com", hire_date="2019-01-01",
        attributes={"title": "Rep"})
    clock.advance(seconds=60)
    user = engine.update_user(lms.SYSTEM, tenant, "bob", display_name="Robert")
    assert user.display_name == "Robert"
    assert user.email == "bob@example.com"
    assert user.hire_date == datetime.date(2019, 1, 1)
    assert user.attributes == {"title": "Rep"}
    assert user.updated_at == START + datetime.timedelta(seconds=60)
    assert user.created_at == START


def test_update_clears_hire_date_and_replaces_attributes(engine, tenant):
    add(engine, tenant, "bob", hire_date="2019-01-01", attributes={"a": 1, "b": 2})
    user = engine.update_user(lms.SYSTEM, tenant, "bob", hire_date=None, attributes={"c": "x"})
    assert user.hire_date is None
    assert user.attributes == {"c": "x"}


def test_update_that_changes_nothing_appends_no_event(engine, tenant):
    add(engine, tenant, "bob", email="b@example.com")
    before = engine.events_after(lms.SYSTEM, tenant)
    engine.update_user(lms.SYSTEM, tenant, "bob", email="b@example.com")
    assert engine.events_after(lms.SYSTEM, tenant) == before


def test_update_unknown_field_is_named(engine, tenant):
    add(engine, tenant, "bob")
    with pytest.raises(lms.InvalidArgumentError, match="shoe_size"):
        engine.update_user(lms.SYSTEM, tenant, "bob", shoe_size=44)


def test_list_filters(engine, tenant):
    engine.create_org_unit(lms.SYSTEM, tenant, key="emea", name="EMEA")
    engine.create_org_unit(lms.SYSTEM, tenant, key="de", name="Germany", parent="emea")
    add(engine, tenant, "a1", org_unit="emea", attributes={"role": "rep"})
    add(engine, tenant, "a2", org_unit="de", attributes={"role": "rep", "level": 2})
    add(engine, tenant, "a3", org_unit="de", attributes={"role": "mgr"}, status="suspended")
    add(engine, tenant, "a4")

    def keys(**filters):
        return [u.key for u in engine.list_users(lms.SYSTEM, tenant, **filters).users]

    assert keys() == ["a1", "a2", "a3", "a4"]
    assert keys(org_unit="emea") == ["a1", "a2", "a3"]
    assert keys(org_unit="de") == ["a2", "a3"]
    assert keys(status="suspended") == ["a3"]
    assert keys(attributes={"role": "rep"}) == ["a1", "a2"]
    assert keys(attributes={"role": "rep", "level": 2}) == ["a2"]
    assert keys(org_unit="de", status="active") == ["a2"]


def test_list_pages(engine, tenant):
    for i in range(7):
        add(engine, tenant, f"u{i}")
    first = engine.list_users(lms.SYSTEM, tenant, limit=3)
    assert [u.key for u in first.users] == ["u0", "u1", "u2"]
    assert first.next_after == "u2"
    second = engine.list_users(lms.SYSTEM, tenant, after=first.next_after, limit=3)
    assert [u.key for u in second.users] == ["u3", "u4", "u5"]
    last = engine.list_users(lms.SYSTEM, tenant, after=second.next_after, limit=3)
    assert [u.key for u in last.users] == ["u6"]
    assert last.next_after == ""


def test_iter_users_pages_through_all(engine, tenant):
    for i in range(25):
        add(engine, tenant, f"u{i:02}")
    keys = [u.key for u in engine.iter_users(lms.SYSTEM, tenant, page_size=4)]
    assert keys == [f"u{i:02}" for i in range(25)]


def test_users_of_another_tenant_are_not_found(engine, tenant):
    add(engine, tenant, "bob")
    other = engine.create_tenant(lms.SYSTEM, key="globex", name="Globex").id
    with pytest.raises(lms.NotFoundError):
        engine.get_user(lms.SYSTEM, other, "bob")
    with pytest.raises(lms.NotFoundError):
        engine.update_user(lms.SYSTEM, other, "bob", display_name="Mallory")
    assert engine.list_users(lms.SYSTEM, other).users == []
    assert engine.get_user(lms.SYSTEM, tenant, "bob").display_name == "Bob"


def test_plain_user_reads_only_their_own_record(engine, tenant):
    add(engine, tenant, "reader")
    add(engine, tenant, "other")
    reader = lms.Actor.user("reader")
    assert engine.get_user(reader, tenant, "reader").key == "reader"
    with pytest.raises(lms.PermissionDeniedError, match="user.view"):
        engine.get_user(reader, tenant, "other")
    assert [u.key for u in engine.list_users(reader, tenant).users] == ["reader"]
    with pytest.raises(lms.PermissionDeniedError):
        engine.create_user(reader, tenant, key="new", display_name="New")
    with pytest.raises(lms.PermissionDeniedError):
        engine.update_user(reader, tenant, "reader", display_name="Boss")
    with pytest.raises(lms.NotFoundError):
        engine.get_user(lms.SYSTEM, tenant, "new")


def test_auditor_reads_everyone_but_writes_nothing(engine, tenant):
    add(engine, tenant, "reader")
    add(engine, tenant, "other")
    engine.assign_role(lms.SYSTEM, tenant, user_key="reader", role_key="auditor")
    reader = lms.Actor.user("reader")
    assert engine.get_user(reader, tenant, "other").key == "other"
    assert [u.key for u in engine.list_users(reader, tenant).users] == ["other", "reader"]
    with pytest.raises(lms.PermissionDeniedError, match="user.manage"):
        engine.update_user(reader, tenant, "other", display_name="Boss")


def test_manager_lists_their_chain(engine, tenant):
    add(engine, tenant, "boss")
    add(engine, tenant, "lead", manager_key="boss")
    add(engine, tenant, "dev", manager_key="lead")
    add(engine, tenant, "peer")
    lead = lms.Actor.user("lead")
    assert [u.key for u in engine.list_users(lead, tenant).users] == ["dev", "lead"]
    assert engine.get_user(lead, tenant, "dev").manager_key == "lead"
    with pytest.raises(lms.PermissionDeniedError):
        engine.get_user(lead, tenant, "boss")


def test_unknown_actor_sees_nothing(engine, tenant):
    add(engine, tenant, "bob")
    stranger = lms.Actor.user("stranger")
    assert engine.list_users(stranger, tenant).users == []
    with pytest.raises(lms.PermissionDeniedError, match="stranger"):
        engine.get_user(stranger, tenant, "bob")
