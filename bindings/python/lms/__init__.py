# SPDX-License-Identifier: Apache-2.0
"""LMS Engine: embeddable learning management, from Python.

Open an :class:`Engine` over an SQLite file, ``":memory:"`` or the in-memory
backend, and call it with an actor first: :data:`SYSTEM` (the host acting on
its own authority) or ``Actor.user(key)``::

    import lms

    with lms.Engine(backend="memory") as engine:
        acme = engine.create_tenant(lms.SYSTEM, key="acme", name="Acme")
        engine.create_user(lms.SYSTEM, acme.id, key="e1", display_name="Ann")

Results are small read-only objects (:class:`Tenant`, :class:`User`, ...);
timestamps are timezone-aware UTC datetimes. Every failure raises a subclass
of :class:`Error` whose message names the field at fault, and a failed call
writes nothing.

Access control follows Moodle's roles and contexts: give a user a
:class:`Role` at a :class:`Scope` with ``engine.assign_role``, and ask
``engine.check`` / ``engine.explain`` whether (and why) they may do a
permission (a name from :data:`PERMISSIONS`) on a :class:`Resource`::

    engine.assign_role(lms.SYSTEM, acme.id, user_key="e1", role_key="instructor",
                       scope=lms.Scope.course("safety"))
    engine.check(lms.Actor.user("e1"), acme.id, "course.author",
                 lms.Resource.course("safety"))

Enrolment and progress: ``engine.enrol`` puts a user in a published course
(an :class:`Enrolment`, locked until its prerequisites are completed), and
``engine.record_progress`` reports an activity's progress, score and time,
moving the enrolment on to completed or failed by the course's
:class:`CompletionRule`::

    engine.enrol(lms.SYSTEM, acme.id, user_key="e1", course_key="safety")
    engine.record_progress(lms.SYSTEM, acme.id, user_key="e1",
                           course_key="safety", activity_key="quiz",
                           completed=True, score=0.9, passed=True)
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from lms._errors import (
    AlreadyExistsError,
    ConflictError,
    Error,
    InternalError,
    InvalidArgumentError,
    LimitExceededError,
    NotFoundError,
    NotSupportedError,
    PermissionDeniedError,
    StorageError,
)
from lms._lms import (
    BUILTIN_ROLES,
    PERMISSIONS,
    SYSTEM,
    Activity,
    ActivityProgress,
    Actor,
    Assignment,
    BulkEnrolResult,
    CompletionRule,
    Course,
    CoursePage,
    Decision,
    Enrolment,
    EnrolmentPage,
    Event,
    ManualClock,
    OrgUnit,
    Override,
    RecordedProgress,
    Resource,
    Role,
    RoleVerdict,
    Scope,
    SyncResult,
    Tenant,
    User,
    UserPage,
)
from lms._lms import Engine as _NativeEngine

__all__ = [
    "BUILTIN_ROLES",
    "PERMISSIONS",
    "SYSTEM",
    "Activity",
    "ActivityProgress",
    "Actor",
    "AlreadyExistsError",
    "Assignment",
    "BulkEnrolResult",
    "CompletionRule",
    "ConflictError",
    "Course",
    "CoursePage",
    "Decision",
    "Engine",
    "Enrolment",
    "EnrolmentPage",
    "Error",
    "Event",
    "InternalError",
    "InvalidArgumentError",
    "LimitExceededError",
    "ManualClock",
    "NotFoundError",
    "NotSupportedError",
    "OrgUnit",
    "Override",
    "PermissionDeniedError",
    "RecordedProgress",
    "Resource",
    "Role",
    "RoleVerdict",
    "Scope",
    "StorageError",
    "SyncResult",
    "Tenant",
    "User",
    "UserPage",
]


class Engine(_NativeEngine):
    """The learning engine over one database.

    ``Engine(path=None, *, backend="sqlite", clock=None)``: with the sqlite
    backend ``path`` is a database file (created when missing) or
    ``":memory:"``; with ``backend="memory"`` everything stays in process
    memory and ``path`` is ignored. ``clock`` (a :class:`ManualClock`)
    replaces the system clock. Every method takes the actor first; the
    engine is a context manager that closes on exit.
    """

    def iter_users(
        self,
        actor: Actor,
        tenant_id: int,
        *,
        org_unit: str | None = None,
        status: str | None = None,
        attributes: Mapping[str, str | int | float | bool] | None = None,
        page_size: int = 100,
    ) -> Iterator[User]:
        """Every user matching the filters of :meth:`list_users`, by key,
        fetched ``page_size`` at a time."""
        return _every(
            lambda after: self.list_users(
                actor,
                tenant_id,
                org_unit=org_unit,
                status=status,
                attributes=attributes,
                after=after,
                limit=page_size,
            ),
            lambda page: page.users,
            "",
        )

    def iter_courses(
        self,
        actor: Actor,
        tenant_id: int,
        *,
        status: str | None = None,
        page_size: int = 100,
    ) -> Iterator[Course]:
        """Every course (with ``status`` if given), by key, fetched
        ``page_size`` at a time."""
        return _every(
            lambda after: self.list_courses(
                actor, tenant_id, status=status, after=after, limit=page_size
            ),
            lambda page: page.courses,
            "",
        )

    def iter_enrolments(
        self,
        actor: Actor,
        tenant_id: int,
        *,
        user_key: str | None = None,
        course_key: str | None = None,
        status: str | None = None,
        page_size: int = 100,
    ) -> Iterator[Enrolment]:
        """Every enrolment matching the filters of :meth:`list_enrolments`
        that the actor may view, by id, fetched ``page_size`` at a time."""
        return _every(
            lambda after: self.list_enrolments(
                actor,
                tenant_id,
                user_key=user_key,
                course_key=course_key,
                status=status,
                after=after,
                limit=page_size,
            ),
            lambda page: page.enrolments,
            0,
        )


def _every(fetch, items, first):
    """The items of every page, in order: ``fetch(after)`` gives the page
    after ``after`` (``first`` for the first page), ``items(page)`` its
    records; paging stops at an empty ``next_after``."""
    after = first
    while True:
        page = fetch(after)
        yield from items(page)
        if not page.next_after:
            return
        after = page.next_after


# Show the public classes as lms.X (not lms._lms.X or lms._errors.X) in
# reprs, tracebacks and help().
for _name in __all__:
    _value = globals()[_name]
    if isinstance(_value, type):
        _value.__module__ = __name__
del _name, _value
