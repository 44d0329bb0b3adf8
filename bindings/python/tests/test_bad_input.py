# SPDX-License-Identifier: Apache-2.0
"""Bad input, table-driven: every case raises the documented lms.Error
subclass, names the field at fault, and leaves the tenant's data (roles,
assignments and overrides included) exactly as it was. Hostile-looking but valid text (SQL metacharacters, quotes,
non-ASCII) is accepted and round-trips."""

from __future__ import annotations

import datetime
import tempfile
from pathlib import Path

import pytest

import lms
from conftest import snapshot

S = lms.SYSTEM


def create_user(**fields):
    def call(engine, tenant):
        record = {"key": "new", "display_name": "New"}
        record.update(fields)
        engine.create_user(S, tenant, **record)

    return call


def update_user(**changes):
    return lambda engine, tenant: engine.update_user(S, tenant, "ann", **changes)


def create_course(**fields):
    def call(engine, tenant):
        spec = {"key": "new", "title": "New"}
        spec.update(fields)
        engine.create_course(S, tenant, **spec)

    return call


def sync(records, **options):
    return lambda engine, tenant: engine.sync_users(S, tenant, records, **options)


def sync_csv(data: bytes):
    def call(engine, tenant):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "hr.csv"
            path.write_bytes(data)
            engine.sync_users(S, tenant, csv_path=path)

    return call


def other_tenant(call):
    def run(engine, tenant):
        other = engine.create_tenant(S, key="globex", name="Globex").id
        engine.create_user(S, other, key="mallory", display_name="Mallory")
        call(engine, tenant)

    return run


def create_role(**fields):
    def call(engine, tenant):
        spec = {"key": "coach", "name": "Coach"}
        spec.update(fields)
        engine.create_role(S, tenant, **spec)

    return call


def assign(**fields):
    def call(engine, tenant):
        spec = {"user_key": "ann", "role_key": "learner"}
        spec.update(fields)
        engine.assign_role(S, tenant, **spec)

    return call


def override(**fields):
    def call(engine, tenant):
        spec = {"role_key": "learner", "scope": lms.Scope.tenant(),
                "permission": "user.view", "value": "prevent"}
        spec.update(fields)
        engine.set_override(S, tenant, **spec)

    return call


def check(permission="user.view", resource=None):
    def call(engine, tenant):
        target = lms.Resource.user("ann") if resource is None else resource
        engine.check(S, tenant, permission, target)

    return call


def other_tenant_unit(call):
    def run(engine, tenant):
        other = engine.create_tenant(S, key="globex", name="Globex").id
        engine.create_org_unit(S, other, key="labs", name="Labs")
        engine.create_course(S, other, key="secret", title="Secret")
        call(engine, tenant)

    return run


INVALID = lms.InvalidArgumentError
LATER = datetime.datetime(2026, 2, 1, tzinfo=datetime.timezone.utc)

CASES = [
    # malformed
    ("date not a calendar day", create_user(hire_date="2024-02-30"), INVALID, "hire_date"),
    ("date in prose", create_user(hire_date="yesterday"), INVALID, "hire_date"),
    ("datetime for a date", create_user(hire_date=datetime.datetime(2024, 1, 1)),
     INVALID, "hire_date"),
    ("unknown status", create_user(status="retired"), INVALID, "status"),
    ("unknown activity kind",
     create_course(activities=[{"key": "a", "kind": "lecture", "title": "A"}]), INVALID, "kind"),
    ("unknown sync mode", sync([], mode="sideways"), INVALID, "mode"),
    ("unknown missing policy", sync([], mode="full", missing="delete"), INVALID, "missing"),
    ("key starting with @", create_user(key="@admin"), INVALID, "key"),
    ("control character in key", create_user(key="a\x00b"), INVALID, "key"),
    ("bad attribute name", create_user(attributes={"first name": "x"}), INVALID, "attributes"),
    # unknown fields
    ("unknown update field", update_user(shoe_size=44), INVALID, "shoe_size"),
    ("unknown sync field", sync([{"key": "x", "display_name": "X", "nickname": "Xy"}]),
     INVALID, "nickname"),
    ("unknown activity field",
     create_course(activities=[{"key": "a", "kind": "lesson", "title": "A", "weight": 2}]),
     INVALID, "weight"),
    ("unknown CSV column", sync_csv(b"key,display_name,shoe_size\nx,X,44\n"), INVALID, "shoe_size"),
    # missing
    ("sync record without display_name", sync([{"key": "x"}]), INVALID, "display_name"),
    ("sync record without key", sync([{"display_name": "X"}]), INVALID, "key"),
    ("activity without title", create_course(activities=[{"key": "a", "kind": "lesson"}]),
     INVALID, "title"),
    ("CSV without display_name column", sync_csv(b"key\nx\n"), INVALID, "display_name"),
    # wrong type
    ("number for a name", create_user(display_name=42), INVALID, "display_name"),
    ("list as attribute value", create_user(attributes={"a": [1]}), INVALID, "attributes.a"),
    ("str for attributes", create_user(attributes="dept=sales"), INVALID, "attributes"),
    ("NaN attribute", create_user(attributes={"x": float("nan")}), INVALID, "attributes.x"),
    ("huge int attribute", create_user(attributes={"n": 2**70}), INVALID, "attributes.n"),
    ("bytes for a name", create_user(display_name=b"Ann"), INVALID, "display_name"),
    ("str for days", create_course(recertification_days="30"), INVALID, "recertification_days"),
    ("bool for days", create_course(default_due_days=True), INVALID, "default_due_days"),
    ("str for required",
     create_course(activities=[{"key": "a", "kind": "lesson", "title": "A", "required": "yes"}]),
     INVALID, "required"),
    ("str for prerequisites", create_course(prerequisites="abc"), INVALID, "prerequisites"),
    ("str for dry_run", sync([], dry_run="no"), INVALID, "dry_run"),
    ("str for limit", lambda e, t: e.list_users(S, t, limit="10"), INVALID, "limit"),
    ("sync record not a dict", sync(["ann"]), INVALID, "records[0]"),
    ("number for a key", lambda e, t: e.get_user(S, t, 7), INVALID, "key"),
    # empty
    ("empty key", create_user(key=""), INVALID, "key"),
    ("empty display_name", create_user(display_name=""), INVALID, "display_name"),
    ("empty title", create_course(title=""), INVALID, "title"),
    ("empty update name", update_user(display_name=""), INVALID, "display_name"),
    # oversized
    ("key over 128 bytes", create_user(key="k" * 129), INVALID, "key"),
    ("key over 128 bytes in UTF-8", create_user(key="é" * 65), INVALID, "key"),
    ("name over 256 bytes", create_user(display_name="n" * 257), INVALID, "display_name"),
    ("email over 254 bytes", create_user(email="e" * 255), INVALID, "email"),
    ("attribute value over 1024 bytes", create_user(attributes={"bio": "b" * 1025}),
     INVALID, "attributes"),
    ("too many attributes", create_user(attributes={f"a{i}": i for i in range(65)}),
     lms.LimitExceededError, "attributes"),
    ("days past the limit", create_course(default_due_days=36501), INVALID, "default_due_days"),
    ("page over 1000", lambda e, t: e.list_users(S, t, limit=1001), INVALID, "limit"),
    ("page of 0", lambda e, t: e.list_courses(S, t, limit=0), INVALID, "limit"),
    # invalid UTF-8
    ("lone surrogate in key", create_user(key="\udcff"), INVALID, "key"),
    ("lone surrogate in name", create_user(display_name="An\ud800n"), INVALID, "display_name"),
    ("lone surrogate in attribute", create_user(attributes={"dept": "\udcff"}),
     INVALID, "attributes.dept"),
    ("lone surrogate in attribute name", create_user(attributes={"\udcff": "x"}),
     INVALID, "attributes"),
    ("lone surrogate in lookup key", lambda e, t: e.get_user(S, t, "\udcff"), INVALID, "key"),
    ("lone surrogate in sync record", sync([{"key": "x", "display_name": "\udcff"}]),
     INVALID, "display_name"),
    ("invalid UTF-8 in CSV", sync_csv(b"key,display_name\nx,Ann\xff\n"), INVALID, "display_name"),
    # duplicate keys in one batch
    ("duplicate keys in sync", sync([{"key": "x", "display_name": "X"},
                                     {"key": "x", "display_name": "Y"}]), INVALID, "key"),
    ("duplicate keys in CSV", sync_csv(b"key,display_name\nx,X\nx,Y\n"), INVALID, "key"),
    ("duplicate activity keys", create_course(activities=[
        {"key": "a", "kind": "lesson", "title": "A"},
        {"key": "a", "kind": "lesson", "title": "B"}]), INVALID, "activities"),
    ("valid then invalid record", sync([{"key": "ok", "display_name": "Ok"},
                                        {"key": "bad", "display_name": ""}]),
     INVALID, "display_name"),
    # cycles
    ("org unit under its own child", lambda e, t: e.move_org_unit(S, t, "hq", "sales"),
     INVALID, "parent"),
    ("course requiring itself",
     lambda e, t: e.update_course(S, t, "basics", prerequisites=["basics"]),
     INVALID, "prerequisites"),
    # another tenant's records
    ("other tenant's user", other_tenant(lambda e, t: e.get_user(S, t, "mallory")),
     lms.NotFoundError, "mallory"),
    ("other tenant's user updated",
     other_tenant(lambda e, t: e.update_user(S, t, "mallory", display_name="M")),
     lms.NotFoundError, "mallory"),
    ("other tenant's org unit", lambda e, t: e.create_user(
        S, e.create_tenant(S, key="initech", name="Initech").id, key="x", display_name="X",
        org_unit="sales"), lms.NotFoundError, "org_unit"),
    ("unknown tenant", lambda e, t: e.get_user(S, 9999, "ann"), lms.NotFoundError, "tenant"),
    # access control: unknown names
    ("unknown permission in a role", create_role(permissions={"user.fly": "allow"}),
     INVALID, "user.fly"),
    ("unknown permission in a role update",
     lambda e, t: e.update_role(S, t, "custom", {"course.burn": "allow"}), INVALID, "course.burn"),
    ("unknown value in a role", create_role(permissions={"user.view": "maybe"}),
     INVALID, "user.view"),
    ("prevent in a role definition", create_role(permissions={"user.view": "prevent"}),
     INVALID, "user.view"),
    ("unknown permission to check", check(permission="user.fly"), INVALID, "permission"),
    ("unknown permission to override", override(permission="user.fly"), INVALID, "permission"),
    ("unknown permission to clear", lambda e, t: e.clear_override(
        S, t, role_key="learner", scope=lms.Scope.tenant(), permission="nope"),
     INVALID, "permission"),
    ("unknown override value", override(value="deny"), INVALID, "value"),
    ("unknown kind to list", lambda e, t: e.visible(S, t, "user.view", "planet"), INVALID, "kind"),
    ("tenant kind to list", lambda e, t: e.visible(S, t, "user.view", "tenant"), INVALID, "kind"),
    ("unknown role assigned", assign(role_key="wizard"), lms.NotFoundError, "wizard"),
    ("unknown role overridden", override(role_key="wizard"), lms.NotFoundError, "wizard"),
    ("unknown user assigned", assign(user_key="ghost"), lms.NotFoundError, "ghost"),
    ("unknown scope kind", assign(scope={"kind": "galaxy", "key": "x"}), INVALID, "scope.kind"),
    ("unknown assignment", lambda e, t: e.unassign_role(S, t, 424242), lms.NotFoundError,
     "424242"),
    # access control: another tenant's scope, user or resource
    ("scope in another tenant", other_tenant_unit(assign(scope=lms.Scope.org_unit("labs"))),
     lms.NotFoundError, "scope.key: no org unit 'labs'"),
    ("course scope in another tenant",
     other_tenant_unit(override(scope=lms.Scope.course("secret"))), lms.NotFoundError, "secret"),
    ("user of another tenant assigned", other_tenant(assign(user_key="mallory")),
     lms.NotFoundError, "mallory"),
    ("resource in another tenant", other_tenant(check(resource=lms.Resource.user("mallory"))),
     lms.NotFoundError, "mallory"),
    # access control: content
    ("assignment to a deprovisioned user", assign(user_key="gone"), INVALID,
     "user_key: user 'gone' is deprovisioned"),
    ("empty validity window", assign(valid_from=LATER, valid_until=LATER), INVALID,
     "valid_until"),
    ("validity window backwards",
     assign(valid_from=LATER, valid_until=LATER - datetime.timedelta(days=1)), INVALID,
     "valid_until"),
    ("role name over 256 bytes", create_role(name="n" * 257), INVALID, "name"),
    ("role key over 128 bytes", create_role(key="r" * 129), INVALID, "key"),
    ("empty role name", create_role(name=""), INVALID, "name"),
    ("role key starting with @", create_role(key="@root"), INVALID, "key"),
    ("lone surrogate in role key", create_role(key="\udcff"), INVALID, "key"),
    ("lone surrogate in role name", create_role(name="Co\ud800ach"), INVALID, "name"),
    ("lone surrogate in scope key", assign(scope={"kind": "course", "key": "\udcff"}),
     INVALID, "scope.key"),
    ("lone surrogate in permission", check(permission="user.\udcff"), INVALID, "permission"),
    # access control: shape
    ("unknown scope field", assign(scope={"kind": "course", "key": "basics", "colour": "red"}),
     INVALID, "scope.colour"),
    ("unknown resource field",
     check(resource={"kind": "user", "key": "ann", "tenant": 2}), INVALID, "resource.tenant"),
    ("scope without a key", assign(scope={"kind": "org_unit"}), INVALID, "scope.key"),
    ("str for a scope", assign(scope="course:basics"), INVALID, "scope"),
    ("str for a resource", check(resource="ann"), INVALID, "resource"),
    ("list for permissions", create_role(permissions=["user.view"]), INVALID, "permissions"),
    ("bool for a permission value", create_role(permissions={"user.view": True}),
     INVALID, "user.view"),
    ("number for a role key", create_role(key=7), INVALID, "key"),
    ("date for valid_from", assign(valid_from=datetime.date(2026, 2, 1)), INVALID, "valid_from"),
    ("prose for valid_until", assign(valid_until="next week"), INVALID, "valid_until"),
]


@pytest.fixture
def populated(engine, tenant):
    engine.create_org_unit(S, tenant, key="hq", name="HQ")
    engine.create_org_unit(S, tenant, key="sales", name="Sales", parent="hq")
    engine.create_user(S, tenant, key="ann", display_name="Ann", org_unit="sales")
    engine.create_course(S, tenant, key="basics", title="Basics")
    engine.create_user(S, tenant, key="gone", display_name="Gone", status="deprovisioned")
    engine.create_role(S, tenant, key="custom", name="Custom")
    return tenant


@pytest.mark.parametrize(
    ("call", "error", "field"),
    [pytest.param(call, error, field, id=name) for name, call, error, field in CASES],
)
def test_bad_input_is_refused_and_writes_nothing(engine, populated, call, error, field):
    before = snapshot(engine, populated)
    with pytest.raises(error) as caught:
        call(engine, populated)
    assert field in str(caught.value)
    assert caught.value.code == error.code
    assert snapshot(engine, populated) == before


HOSTILE_TEXT = [
    "x'; DROP TABLE users; --",
    'Robert"); DELETE FROM events; --',
    "50% off_ \\ %s {0} ${x}",
    "Zoë Ünal — 日本語 🎓",
]


@pytest.mark.parametrize("text", HOSTILE_TEXT)
def test_metacharacters_are_plain_text(engine, tenant, text):
    user = engine.create_user(S, tenant, key=text, display_name=text, attributes={"note": text})
    assert engine.get_user(S, tenant, text) == user
    assert (user.key, user.display_name, user.attributes) == (text, text, {"note": text})
    assert [u.key for u in engine.list_users(S, tenant, attributes={"note": text}).users] == [text]
    record = {"key": text, "display_name": text, "attributes": {"note": text}}
    assert engine.sync_users(S, tenant, [record]).unchanged == 1


def test_quote_in_email_round_trips(engine, tenant):
    user = engine.create_user(S, tenant, key="ob", display_name="O'Brien",
                              email="o'brien@example.com")
    assert engine.get_user(S, tenant, "ob").email == "o'brien@example.com" == user.email
