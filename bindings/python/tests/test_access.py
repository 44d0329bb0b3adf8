# SPDX-License-Identifier: Apache-2.0
"""Access control from Python: roles, assignments and overrides; check,
explain and visible on a representative slice of the access matrix, both
asked and enforced; escalation refused with nothing written."""

from __future__ import annotations

import datetime
from concurrent.futures import ThreadPoolExecutor

import pytest

import lms
from conftest import START, snapshot

S = lms.SYSTEM
DAY = datetime.timedelta(days=1)


def user(key: str) -> lms.Actor:
    return lms.Actor.user(key)


@pytest.fixture
def org(engine, tenant):
    """Acme: hq > eng, sales; boss > lead > dev in eng (the manager chain),
    rep in sales; an admin, an author, an instructor of c1 and one of c2, a
    suspended former admin. Globex: its own admin."""
    engine.create_org_unit(S, tenant, key="hq", name="HQ")
    engine.create_org_unit(S, tenant, key="eng", name="Engineering", parent="hq")
    engine.create_org_unit(S, tenant, key="sales", name="Sales", parent="hq")
    people = [
        ("admin", "hq", ""),
        ("author", "hq", ""),
        ("boss", "eng", ""),
        ("lead", "eng", "boss"),
        ("dev", "eng", "lead"),
        ("rep", "sales", ""),
        ("teacher", "hq", ""),
        ("tutor", "hq", ""),
        ("gone", "hq", ""),
    ]
    for key, unit, manager in people:
        engine.create_user(S, tenant, key=key, display_name=key.title(), org_unit=unit,
                           manager_key=manager)
    engine.create_course(S, tenant, key="c1", title="Course 1")
    engine.create_course(S, tenant, key="c2", title="Course 2")
    for key, role, scope in [
        ("admin", "tenant_admin", lms.Scope.tenant()),
        ("gone", "tenant_admin", lms.Scope.tenant()),
        ("author", "author", lms.Scope.tenant()),
        ("teacher", "instructor", lms.Scope.course("c1")),
        ("tutor", "instructor", lms.Scope.course("c2")),
    ]:
        engine.assign_role(S, tenant, user_key=key, role_key=role, scope=scope)
    engine.update_user(S, tenant, "gone", status="suspended")

    globex = engine.create_tenant(S, key="globex", name="Globex").id
    engine.create_user(S, globex, key="outsider", display_name="Outsider")
    engine.assign_role(S, globex, user_key="outsider", role_key="tenant_admin")
    return tenant


# --- Roles -------------------------------------------------------------------


def test_builtin_roles_are_listed_first(engine, tenant):
    roles = engine.list_roles(S, tenant)
    assert tuple(r.key for r in roles) == lms.BUILTIN_ROLES
    assert all(r.builtin for r in roles)
    learner = engine.get_role(S, tenant, "learner")
    assert learner == roles[lms.BUILTIN_ROLES.index("learner")]
    assert learner.permissions["user.view"] == "allow"
    assert "user.manage" not in learner.permissions
    admin = engine.get_role(S, tenant, "tenant_admin")
    assert set(admin.permissions) == set(lms.PERMISSIONS) - {"tenant.manage"}


def test_permission_catalogue():
    assert len(lms.PERMISSIONS) == len(set(lms.PERMISSIONS)) == 21
    assert lms.PERMISSIONS[0] == "tenant.manage"
    assert "role.assign" in lms.PERMISSIONS


def test_create_get_update_custom_role(engine, tenant, clock):
    coach = engine.create_role(S, tenant, key="coach", name="Coach",
                               permissions={"user.view": "allow", "report.view": "allow",
                                            "user.manage": "prohibit"})
    assert (coach.key, coach.name, coach.builtin) == ("coach", "Coach", False)
    assert coach.permissions == {"user.view": "allow", "user.manage": "prohibit",
                                 "report.view": "allow"}
    assert coach.created_at == coach.updated_at == START
    assert engine.get_role(S, tenant, "coach") == coach
    assert [r.key for r in engine.list_roles(S, tenant)][-1] == "coach"
    assert "coach" in repr(coach)

    clock.advance(seconds=30)
    updated = engine.update_role(S, tenant, "coach", {"progress.view": "allow"})
    assert updated.permissions == {"progress.view": "allow"}
    assert updated.updated_at == START + datetime.timedelta(seconds=30)
    assert updated.created_at == START
    assert engine.get_role(S, tenant, "coach") == updated


def test_role_without_permissions(engine, tenant):
    assert engine.create_role(S, tenant, key="empty", name="Empty").permissions == {}


def test_builtin_roles_cannot_change(engine, tenant):
    before = snapshot(engine, tenant)
    with pytest.raises(lms.ConflictError, match="learner"):
        engine.update_role(S, tenant, "learner", {"user.manage": "allow"})
    assert snapshot(engine, tenant) == before


@pytest.mark.parametrize("key", ["coach", "instructor"])
def test_role_key_taken(engine, tenant, key):
    engine.create_role(S, tenant, key="coach", name="Coach")
    with pytest.raises(lms.AlreadyExistsError):
        engine.create_role(S, tenant, key=key, name="Again")


def test_unknown_role(engine, tenant):
    with pytest.raises(lms.NotFoundError, match="ghost"):
        engine.get_role(S, tenant, "ghost")
    with pytest.raises(lms.NotFoundError, match="ghost"):
        engine.update_role(S, tenant, "ghost", {})


def test_roles_are_per_tenant(engine, tenant):
    engine.create_role(S, tenant, key="coach", name="Coach")
    other = engine.create_tenant(S, key="globex", name="Globex").id
    with pytest.raises(lms.NotFoundError):
        engine.get_role(S, other, "coach")
    assert [r.key for r in engine.list_roles(S, other)] == list(lms.BUILTIN_ROLES)


def test_role_changes_are_events(engine, tenant):
    before = len(engine.events_after(S, tenant, 0, 1000))
    engine.create_role(S, tenant, key="coach", name="Coach")
    engine.update_role(S, tenant, "coach", {"user.view": "allow"})
    events = engine.events_after(S, tenant, 0, 1000)[before:]
    assert [(e.type, e.subject) for e in events] == [
        ("role.created", "coach"), ("role.updated", "coach")]


# --- Assignments -------------------------------------------------------------


def test_assign_list_unassign(engine, org):
    extra = engine.assign_role(S, org, user_key="dev", role_key="auditor",
                               scope=lms.Scope.org_unit("eng"))
    assert (extra.user_key, extra.role_key) == ("dev", "auditor")
    assert extra.scope == lms.Scope.org_unit("eng")
    assert extra.scope.kind == "org_unit" and extra.scope.key == "eng"
    assert (extra.valid_from, extra.valid_until) == (None, None)
    assert extra.created_at == START
    assert "auditor" in repr(extra)

    everything = engine.list_assignments(S, org)
    assert [a.id for a in everything] == sorted(a.id for a in everything)
    assert extra in everything
    assert engine.list_assignments(S, org, user_key="dev") == [extra]
    assert engine.list_assignments(S, org, role_key="auditor") == [extra]
    assert engine.list_assignments(S, org, scope=lms.Scope.org_unit("eng")) == [extra]
    instructors = engine.list_assignments(S, org, role_key="instructor")
    assert [(a.user_key, a.scope) for a in instructors] == [
        ("teacher", lms.Scope.course("c1")), ("tutor", lms.Scope.course("c2"))]

    engine.unassign_role(S, org, extra.id)
    assert engine.list_assignments(S, org, user_key="dev") == []
    with pytest.raises(lms.NotFoundError):
        engine.unassign_role(S, org, extra.id)


def test_default_scope_is_the_tenant(engine, org):
    assignment = engine.assign_role(S, org, user_key="rep", role_key="auditor")
    assert assignment.scope == lms.Scope.tenant()
    assert assignment.scope.kind == "tenant" and assignment.scope.key == ""


def test_scope_as_a_dict(engine, org):
    assignment = engine.assign_role(S, org, user_key="rep", role_key="auditor",
                                    scope={"kind": "course", "key": "c2"})
    assert assignment.scope == lms.Scope.course("c2")
    assert engine.check(user("rep"), org, "course.view", {"kind": "course", "key": "c2"})
    assert not engine.check(user("rep"), org, "course.view", {"kind": "course", "key": "c1"})


def test_validity_window(engine, org, clock):
    naive_end = (START + 2 * DAY).replace(tzinfo=None)
    assignment = engine.assign_role(S, org, user_key="rep", role_key="auditor",
                                    valid_from=START + DAY, valid_until=naive_end)
    assert assignment.valid_from == START + DAY
    assert assignment.valid_until == START + 2 * DAY
    rep, target = user("rep"), lms.Resource.user("dev")
    assert not engine.check(rep, org, "user.view", target)
    clock.advance(DAY)
    assert engine.check(rep, org, "user.view", target)
    clock.advance(DAY)
    assert not engine.check(rep, org, "user.view", target)


def test_assignment_and_override_changes_are_events(engine, org):
    before = len(engine.events_after(S, org, 0, 1000))
    assignment = engine.assign_role(S, org, user_key="rep", role_key="auditor")
    engine.unassign_role(S, org, assignment.id)
    engine.set_override(S, org, role_key="auditor", scope=lms.Scope.org_unit("eng"),
                        permission="report.view", value="prevent")
    engine.clear_override(S, org, role_key="auditor", scope=lms.Scope.org_unit("eng"),
                          permission="report.view")
    events = engine.events_after(S, org, 0, 1000)[before:]
    assert [e.type for e in events] == [
        "role.assigned", "role.unassigned", "override.set", "override.cleared"]
    assert events[0].payload["id"] == assignment.id


# --- Overrides ---------------------------------------------------------------


def test_set_list_clear_overrides(engine, org):
    assert engine.list_overrides(S, org) == []
    engine.set_override(S, org, role_key="instructor", scope=lms.Scope.course("c1"),
                        permission="grade.override", value="prevent")
    engine.set_override(S, org, role_key="auditor", scope=lms.Scope.tenant(),
                        permission="audit.view", value="prohibit")
    overrides = engine.list_overrides(S, org)
    assert [(o.role_key, o.scope, o.permission, o.value) for o in overrides] == [
        ("auditor", lms.Scope.tenant(), "audit.view", "prohibit"),
        ("instructor", lms.Scope.course("c1"), "grade.override", "prevent"),
    ]
    assert "grade.override" in repr(overrides[1])

    engine.set_override(S, org, role_key="instructor", scope=lms.Scope.course("c1"),
                        permission="grade.override", value="allow")
    assert [o.value for o in engine.list_overrides(S, org)] == ["prohibit", "allow"]

    engine.clear_override(S, org, role_key="auditor", scope=lms.Scope.tenant(),
                          permission="audit.view")
    assert [o.role_key for o in engine.list_overrides(S, org)] == ["instructor"]
    with pytest.raises(lms.NotFoundError):
        engine.clear_override(S, org, role_key="auditor", scope=lms.Scope.tenant(),
                              permission="audit.view")


def test_override_on_unknown_scope(engine, org):
    with pytest.raises(lms.NotFoundError):
        engine.set_override(S, org, role_key="instructor", scope=lms.Scope.course("c9"),
                            permission="course.view", value="prevent")


# --- The matrix --------------------------------------------------------------

# operation: (call(engine, tenant, actor), permission, resource)
OPERATIONS = {
    "get_user": (lambda e, t, a: e.get_user(a, t, "dev"),
                 "user.view", lms.Resource.user("dev")),
    "get_other_user": (lambda e, t, a: e.get_user(a, t, "rep"),
                       "user.view", lms.Resource.user("rep")),
    "update_user": (lambda e, t, a: e.update_user(a, t, "dev", display_name="Dev 2"),
                    "user.manage", lms.Resource.user("dev")),
    "create_user": (lambda e, t, a: e.create_user(a, t, key="new", display_name="New"),
                    "user.manage", lms.Resource.tenant()),
    "get_course": (lambda e, t, a: e.get_course(a, t, "c1"),
                   "course.view", lms.Resource.course("c1")),
    "update_course": (lambda e, t, a: e.update_course(a, t, "c1", title="Course 1 v2"),
                      "course.author", lms.Resource.course("c1")),
    "publish_course": (lambda e, t, a: e.publish_course(a, t, "c1"),
                       "course.publish", lms.Resource.course("c1")),
}

# (who, operation, allowed). dev is the subject of the user operations; c1
# the course of the course operations.
MATRIX = [
    # tenant admin: everything
    ("admin", "get_user", True),
    ("admin", "update_user", True),
    ("admin", "create_user", True),
    ("admin", "update_course", True),
    ("admin", "publish_course", True),
    # author: courses, not people
    ("author", "update_course", True),
    ("author", "publish_course", True),
    ("author", "create_user", False),
    ("author", "update_user", False),
    # instructor of c1 vs instructor of c2
    ("teacher", "get_course", True),
    ("teacher", "update_course", False),
    ("teacher", "publish_course", False),
    ("tutor", "get_course", False),
    # manager of the subject (direct and up the chain) vs not
    ("lead", "get_user", True),
    ("boss", "get_user", True),
    ("lead", "update_user", False),
    ("rep", "get_user", False),
    ("lead", "get_other_user", False),
    # learner on self vs on another
    ("dev", "get_user", True),
    ("dev", "update_user", False),
    ("dev", "get_other_user", False),
    ("dev", "create_user", False),
    ("dev", "update_course", False),
    # suspended: holds nothing, not even on self
    ("gone", "get_user", False),
    ("gone", "create_user", False),
    ("gone", "update_course", False),
    # admin of another tenant
    ("outsider", "get_user", False),
    ("outsider", "create_user", False),
    ("outsider", "publish_course", False),
]


@pytest.mark.parametrize(
    ("who", "operation", "allowed"),
    [pytest.param(*row, id=f"{row[0]}-{row[1]}") for row in MATRIX],
)
def test_access_matrix(engine, org, who, operation, allowed):
    call, permission, resource = OPERATIONS[operation]
    actor = user(who)
    assert engine.check(actor, org, permission, resource) is allowed
    assert engine.explain(actor, org, permission, resource).allowed is allowed
    if allowed:
        call(engine, org, actor)
        return
    before = snapshot(engine, org)
    with pytest.raises(lms.PermissionDeniedError) as caught:
        call(engine, org, actor)
    assert who in str(caught.value)
    assert permission in str(caught.value)
    assert snapshot(engine, org) == before


def test_instructor_manages_enrolments_of_their_course_only(engine, org):
    c1, c2 = lms.Resource.course("c1"), lms.Resource.course("c2")
    assert engine.check(user("teacher"), org, "enrolment.manage", c1)
    assert not engine.check(user("teacher"), org, "enrolment.manage", c2)
    assert engine.check(user("tutor"), org, "enrolment.manage", c2)
    assert not engine.check(user("tutor"), org, "enrolment.manage", c1)


def test_a_plain_user_needs_a_role_to_read_others(engine, org):
    with pytest.raises(lms.PermissionDeniedError):
        engine.get_user(user("rep"), org, "dev")
    engine.assign_role(S, org, user_key="rep", role_key="auditor",
                       scope=lms.Scope.org_unit("eng"))
    assert engine.get_user(user("rep"), org, "dev").key == "dev"
    with pytest.raises(lms.PermissionDeniedError):
        engine.get_user(user("rep"), org, "admin")


def test_check_on_an_unknown_resource(engine, org):
    with pytest.raises(lms.NotFoundError, match="nobody"):
        engine.check(user("admin"), org, "user.view", lms.Resource.user("nobody"))
    with pytest.raises(lms.NotFoundError):
        engine.check(user("outsider"), org, "user.view", lms.Resource.user("outsider"))


def test_system_may_do_everything(engine, org):
    for permission in lms.PERMISSIONS:
        assert engine.check(S, org, permission, lms.Resource.tenant())


# --- explain -----------------------------------------------------------------


def test_explain_names_the_assignment(engine, org):
    [assignment] = engine.list_assignments(S, org, user_key="teacher")
    decision = engine.explain(user("teacher"), org, "enrolment.manage",
                              lms.Resource.course("c1"))
    assert decision.allowed
    assert decision.permission == "enrolment.manage"
    assert decision.resource == lms.Resource.course("c1")
    assert decision.prohibited_by is None
    [verdict] = decision.roles
    assert verdict.source == "assignment"
    assert verdict.assignment_id == assignment.id
    assert verdict.role_key == "instructor"
    assert verdict.assigned_at == lms.Scope.course("c1")
    assert verdict.decided_at is None
    assert verdict.value == "allow"
    assert "instructor" in decision.reason
    assert "instructor" in repr(decision)


def test_explain_names_the_relationship(engine, org):
    as_manager = engine.explain(user("boss"), org, "user.view", lms.Resource.user("dev"))
    assert as_manager.allowed
    assert [(v.source, v.role_key, v.assignment_id) for v in as_manager.roles] == [
        ("manager", "manager", None)]
    assert as_manager.roles[0].assigned_at == lms.Scope.tenant()

    as_self = engine.explain(user("dev"), org, "user.view", lms.Resource.user("dev"))
    assert [(v.source, v.role_key) for v in as_self.roles] == [("self", "learner")]


def test_explain_a_denial(engine, org):
    decision = engine.explain(user("rep"), org, "user.view", lms.Resource.user("dev"))
    assert not decision.allowed
    assert decision.roles == []
    assert decision.reason


def test_explain_a_nearer_override(engine, org):
    engine.set_override(S, org, role_key="instructor", scope=lms.Scope.course("c1"),
                        permission="grade.override", value="prevent")
    decision = engine.explain(user("teacher"), org, "grade.override",
                              lms.Resource.course("c1"))
    assert not decision.allowed
    [verdict] = decision.roles
    assert (verdict.value, verdict.decided_at) == ("prevent", lms.Scope.course("c1"))
    assert decision.prohibited_by is None
    assert engine.check(user("tutor"), org, "grade.override", lms.Resource.course("c2"))


def test_a_prevent_does_not_cancel_another_roles_allow(engine, org):
    engine.set_override(S, org, role_key="manager", scope=lms.Scope.tenant(),
                        permission="user.view", value="prevent")
    assert not engine.check(user("lead"), org, "user.view", lms.Resource.user("dev"))
    engine.assign_role(S, org, user_key="lead", role_key="auditor",
                       scope=lms.Scope.org_unit("eng"))
    decision = engine.explain(user("lead"), org, "user.view", lms.Resource.user("dev"))
    assert decision.allowed
    assert [(v.source, v.role_key, v.value) for v in decision.roles] == [
        ("assignment", "auditor", "allow"), ("manager", "manager", "prevent")]
    assert decision.roles[1].decided_at == lms.Scope.tenant()


def test_explain_a_prohibit(engine, org):
    engine.set_override(S, org, role_key="manager", scope=lms.Scope.tenant(),
                        permission="user.view", value="prohibit")
    decision = engine.explain(user("lead"), org, "user.view", lms.Resource.user("dev"))
    assert not decision.allowed
    assert decision.prohibited_by is not None
    assert decision.prohibited_by.role_key == "manager"
    assert decision.prohibited_by.value == "prohibit"
    with pytest.raises(lms.PermissionDeniedError):
        engine.get_user(user("lead"), org, "dev")


def test_a_decision_has_no_truth_value(engine, org):
    decision = engine.explain(user("rep"), org, "user.view", lms.Resource.user("dev"))
    with pytest.raises(TypeError, match="allowed"):
        bool(decision)


# --- visible -----------------------------------------------------------------


def test_visible_for_a_manager_is_the_chain(engine, org):
    assert engine.visible(user("boss"), org, "user.view", "user") == ["boss", "dev", "lead"]
    assert engine.visible(user("lead"), org, "user.view", "user") == ["dev", "lead"]
    assert engine.visible(user("dev"), org, "user.view", "user") == ["dev"]
    assert engine.visible(user("gone"), org, "user.view", "user") == []
    assert [u.key for u in engine.list_users(user("boss"), org).users] == ["boss", "dev", "lead"]


def test_visible_for_an_admin_is_everyone(engine, org):
    everyone = [u.key for u in engine.iter_users(S, org)]
    assert engine.visible(user("admin"), org, "user.view", "user") == everyone
    assert engine.visible(user("admin"), org, "course.view", "course") == ["c1", "c2"]


def test_visible_courses_of_an_instructor(engine, org):
    assert engine.visible(user("teacher"), org, "enrolment.manage", "course") == ["c1"]


# --- Escalation --------------------------------------------------------------


@pytest.fixture
def coordinator(engine, org):
    """coord may assign roles at the tenant and holds the learner's
    permissions, nothing more."""
    learner = engine.get_role(S, org, "learner").permissions
    engine.create_role(S, org, key="coordinator", name="Coordinator",
                       permissions={**learner, "role.assign": "allow"})
    engine.create_user(S, org, key="coord", display_name="Coord", org_unit="hq")
    engine.assign_role(S, org, user_key="coord", role_key="coordinator")
    return user("coord")


def test_coordinator_may_hand_out_what_it_holds(engine, org, coordinator):
    assignment = engine.assign_role(coordinator, org, user_key="rep", role_key="learner")
    engine.unassign_role(coordinator, org, assignment.id)


ESCALATIONS = {
    "instructor assigns tenant_admin": lambda e, t, coord: e.assign_role(
        user("teacher"), t, user_key="teacher", role_key="tenant_admin"),
    "instructor assigns at their course": lambda e, t, coord: e.assign_role(
        user("teacher"), t, user_key="dev", role_key="instructor", scope=lms.Scope.course("c1")),
    "coordinator assigns tenant_admin": lambda e, t, coord: e.assign_role(
        coord, t, user_key="coord", role_key="tenant_admin"),
    "coordinator assigns author": lambda e, t, coord: e.assign_role(
        coord, t, user_key="dev", role_key="author", scope=lms.Scope.org_unit("eng")),
    "coordinator unassigns an admin": lambda e, t, coord: e.unassign_role(
        coord, t, e.list_assignments(S, t, user_key="admin")[0].id),
    "coordinator creates a role": lambda e, t, coord: e.create_role(
        coord, t, key="mine", name="Mine", permissions={"user.view": "allow"}),
    "coordinator widens its role": lambda e, t, coord: e.update_role(
        coord, t, "coordinator", {"user.manage": "allow", "role.assign": "allow"}),
    "coordinator overrides": lambda e, t, coord: e.set_override(
        coord, t, role_key="learner", scope=lms.Scope.tenant(), permission="user.manage",
        value="allow"),
    "admin creates a role with tenant.manage": lambda e, t, coord: e.create_role(
        user("admin"), t, key="root", name="Root", permissions={"tenant.manage": "allow"}),
    "admin allows tenant.manage by override": lambda e, t, coord: e.set_override(
        user("admin"), t, role_key="author", scope=lms.Scope.tenant(),
        permission="tenant.manage", value="allow"),
    "suspended admin assigns": lambda e, t, coord: e.assign_role(
        user("gone"), t, user_key="dev", role_key="learner"),
    "other tenant's admin assigns": lambda e, t, coord: e.assign_role(
        user("outsider"), t, user_key="dev", role_key="learner"),
}


@pytest.mark.parametrize("attempt", list(ESCALATIONS), ids=list(ESCALATIONS))
def test_escalation_is_refused_and_writes_nothing(engine, org, coordinator, attempt):
    before = snapshot(engine, org)
    with pytest.raises(lms.PermissionDeniedError):
        ESCALATIONS[attempt](engine, org, coordinator)
    assert snapshot(engine, org) == before


def test_checks_from_many_threads(engine, org):
    cases = [(who, op, allowed) for who, op, allowed in MATRIX]

    def work(offset: int) -> bool:
        for who, operation, allowed in cases[offset:] + cases[:offset]:
            _, permission, resource = OPERATIONS[operation]
            if engine.check(user(who), org, permission, resource) is not allowed:
                return False
        return True

    with ThreadPoolExecutor(max_workers=4) as pool:
        assert all(pool.map(work, range(8)))


def test_checks_see_every_change_at_once(engine, org):
    """Decisions are cached; each change through the engine is seen by the
    very next check."""
    may = lambda: engine.check(user("rep"), org, "course.view", lms.Resource.course("c2"))
    assert may() is False and may() is False
    a = engine.assign_role(S, org, user_key="rep", role_key="instructor",
                           scope=lms.Scope.course("c2"))
    assert may() is True
    engine.set_override(S, org, role_key="instructor", scope=lms.Scope.course("c2"),
                        permission="course.view", value="prohibit")
    assert may() is False
    engine.clear_override(S, org, role_key="instructor", scope=lms.Scope.course("c2"),
                          permission="course.view")
    assert may() is True
    engine.update_user(S, org, "rep", status="suspended")
    assert may() is False
    engine.update_user(S, org, "rep", status="active")
    engine.unassign_role(S, org, a.id)
    assert may() is False


def test_access_cache_ttl_bounds_writes_by_another_engine(tmp_path, clock):
    path = tmp_path / "shared.db"
    with lms.Engine(path, clock=clock) as writer, \
            lms.Engine(path, clock=clock, access_cache_ttl=datetime.timedelta(minutes=1)) \
            as reader, lms.Engine(path, clock=clock, access_cache_ttl=0) as fresh:
        t = writer.create_tenant(S, key="acme", name="Acme").id
        writer.create_user(S, t, key="u", display_name="U")
        writer.create_course(S, t, key="c", title="C")
        course = lms.Resource.course("c")
        assert not reader.check(user("u"), t, "course.view", course)
        assert not fresh.check(user("u"), t, "course.view", course)
        writer.assign_role(S, t, user_key="u", role_key="instructor",
                           scope=lms.Scope.course("c"))
        assert fresh.check(user("u"), t, "course.view", course)
        # As documented: another engine's write is unseen within the TTL...
        clock.advance(seconds=59)
        assert not reader.check(user("u"), t, "course.view", course)
        # ...and seen once what was read is older than it.
        clock.advance(seconds=1)
        assert reader.check(user("u"), t, "course.view", course)


# --- Values ------------------------------------------------------------------


def test_scope_and_resource_values():
    assert lms.Scope.course("c1") == lms.Scope.course("c1")
    assert lms.Scope.course("c1") != lms.Scope.org_unit("c1")
    assert len({lms.Scope.tenant(), lms.Scope.tenant(), lms.Scope.course("c1")}) == 2
    assert repr(lms.Scope.org_unit("eng")) == "lms.Scope.org_unit('eng')"
    assert repr(lms.Scope.tenant()) == "lms.Scope.tenant()"
    assert repr(lms.Resource.user("dev")) == "lms.Resource.user('dev')"
    assert lms.Resource.user("dev") != lms.Resource.course("dev")
    assert (lms.Resource.tenant().kind, lms.Resource.tenant().key) == ("tenant", "")
    assert len({lms.Resource.user("a"), lms.Resource.user("a")}) == 1


def test_scope_key_must_be_text():
    with pytest.raises(lms.InvalidArgumentError, match="key"):
        lms.Scope.course(7)
    with pytest.raises(lms.InvalidArgumentError, match="key"):
        lms.Resource.user("\udcff")
