# SPDX-License-Identifier: Apache-2.0
"""Type stubs of the lms package (kept in step with src/*.cpp and
__init__.py)."""

import datetime
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Literal, NoReturn, Self

AttributeValue = str | int | float | bool
DateLike = datetime.date | str
UserStatus = Literal["active", "suspended", "deprovisioned"]
CourseStatus = Literal["draft", "published", "archived"]
ActivityKind = Literal["lesson", "assessment", "scorm", "xapi", "external"]
DueFrom = Literal["enrolment", "hire_date"]
ScorePolicy = Literal["highest", "latest"]
EnrolmentStatus = Literal[
    "locked", "enrolled", "in_progress", "completed", "failed", "withdrawn", "expired"
]
EnrolmentSource = Literal["manual", "self", "import", "audience", "path"]
ActivityState = Literal["not_started", "in_progress", "completed"]
PermissionName = Literal[
    "tenant.manage",
    "user.view",
    "user.manage",
    "orgunit.view",
    "orgunit.manage",
    "course.view",
    "course.author",
    "course.publish",
    "enrolment.view",
    "enrolment.manage",
    "enrolment.self",
    "progress.view",
    "progress.record",
    "attempt.take",
    "attempt.grade",
    "grade.override",
    "report.view",
    "role.manage",
    "role.assign",
    "audit.view",
    "events.consume",
]
RoleValue = Literal["allow", "prohibit"]
OverrideValue = Literal["allow", "prevent", "prohibit"]
ScopeKind = Literal["tenant", "org_unit", "course"]
ResourceKind = Literal["tenant", "user", "org_unit", "course"]
GrantSource = Literal["assignment", "self", "manager"]

class Error(Exception):
    code: str

class NotFoundError(Error): ...
class AlreadyExistsError(Error): ...
class InvalidArgumentError(Error): ...
class PermissionDeniedError(Error): ...
class ConflictError(Error): ...
class LimitExceededError(Error): ...
class StorageError(Error): ...
class InternalError(Error): ...
class NotSupportedError(Error): ...

class Actor:
    @staticmethod
    def user(key: str) -> Actor: ...
    @property
    def is_system(self) -> bool: ...
    @property
    def user_key(self) -> str: ...
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

SYSTEM: Actor

class ManualClock:
    def __init__(self, start: datetime.datetime) -> None: ...
    def now(self) -> datetime.datetime: ...
    def set(self, when: datetime.datetime) -> None: ...
    def advance(
        self, by: datetime.timedelta | float | None = None, *, seconds: float = 0
    ) -> None: ...

class Tenant:
    @property
    def id(self) -> int: ...
    @property
    def key(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def created_at(self) -> datetime.datetime: ...

class User:
    @property
    def key(self) -> str: ...
    @property
    def display_name(self) -> str: ...
    @property
    def email(self) -> str: ...
    @property
    def org_unit(self) -> str: ...
    @property
    def manager_key(self) -> str: ...
    @property
    def hire_date(self) -> datetime.date | None: ...
    @property
    def attributes(self) -> dict[str, AttributeValue]: ...
    @property
    def status(self) -> UserStatus: ...
    @property
    def created_at(self) -> datetime.datetime: ...
    @property
    def updated_at(self) -> datetime.datetime: ...

class UserPage:
    @property
    def users(self) -> list[User]: ...
    @property
    def next_after(self) -> str: ...

class OrgUnit:
    @property
    def key(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def parent(self) -> str: ...
    @property
    def created_at(self) -> datetime.datetime: ...
    @property
    def updated_at(self) -> datetime.datetime: ...

class Activity:
    def __init__(
        self, key: str, kind: ActivityKind, title: str, required: bool = True
    ) -> None: ...
    @property
    def key(self) -> str: ...
    @property
    def kind(self) -> ActivityKind: ...
    @property
    def title(self) -> str: ...
    @property
    def required(self) -> bool: ...

ActivityLike = Activity | Mapping[str, Any]

class CompletionRule:
    def __init__(
        self,
        *,
        required_count: int | None = None,
        min_score: float | None = None,
        must_pass: Sequence[str] = (),
    ) -> None: ...
    @property
    def required_count(self) -> int | None: ...
    @property
    def min_score(self) -> float | None: ...
    @property
    def must_pass(self) -> list[str]: ...

CompletionLike = CompletionRule | Mapping[str, Any]

class Course:
    @property
    def key(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def description(self) -> str: ...
    @property
    def activities(self) -> list[Activity]: ...
    @property
    def prerequisites(self) -> list[str]: ...
    @property
    def recertification_days(self) -> int | None: ...
    @property
    def default_due_days(self) -> int | None: ...
    @property
    def due_from(self) -> DueFrom: ...
    @property
    def self_enrolment(self) -> bool: ...
    @property
    def enrolment_opens(self) -> datetime.datetime | None: ...
    @property
    def enrolment_closes(self) -> datetime.datetime | None: ...
    @property
    def completion(self) -> CompletionRule: ...
    @property
    def score_policy(self) -> ScorePolicy: ...
    @property
    def version(self) -> int: ...
    @property
    def status(self) -> CourseStatus: ...
    @property
    def created_at(self) -> datetime.datetime: ...
    @property
    def updated_at(self) -> datetime.datetime: ...

class CoursePage:
    @property
    def courses(self) -> list[Course]: ...
    @property
    def next_after(self) -> str: ...

class Enrolment:
    @property
    def id(self) -> int: ...
    @property
    def user_key(self) -> str: ...
    @property
    def course_key(self) -> str: ...
    @property
    def cycle(self) -> int: ...
    @property
    def status(self) -> EnrolmentStatus: ...
    @property
    def source(self) -> EnrolmentSource: ...
    @property
    def source_key(self) -> str: ...
    @property
    def enrolled_at(self) -> datetime.datetime: ...
    @property
    def due_at(self) -> datetime.datetime | None: ...
    @property
    def completed_at(self) -> datetime.datetime | None: ...
    @property
    def expires_at(self) -> datetime.datetime | None: ...
    @property
    def score(self) -> float | None: ...
    @property
    def updated_at(self) -> datetime.datetime: ...

class EnrolmentPage:
    @property
    def enrolments(self) -> list[Enrolment]: ...
    @property
    def next_after(self) -> int: ...

class BulkEnrolResult:
    @property
    def enrolled(self) -> int: ...
    @property
    def already_enrolled(self) -> int: ...

class ActivityProgress:
    @property
    def enrolment_id(self) -> int: ...
    @property
    def activity_key(self) -> str: ...
    @property
    def state(self) -> ActivityState: ...
    @property
    def progress(self) -> float: ...
    @property
    def score(self) -> float | None: ...
    @property
    def passed(self) -> bool | None: ...
    @property
    def time_spent(self) -> datetime.timedelta: ...
    @property
    def started_at(self) -> datetime.datetime: ...
    @property
    def completed_at(self) -> datetime.datetime | None: ...
    @property
    def updated_at(self) -> datetime.datetime: ...

class RecordedProgress:
    @property
    def activity(self) -> ActivityProgress: ...
    @property
    def enrolment(self) -> Enrolment: ...

class Event:
    @property
    def seq(self) -> int: ...
    @property
    def tenant_id(self) -> int: ...
    @property
    def time(self) -> datetime.datetime: ...
    @property
    def actor(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def subject(self) -> str: ...
    @property
    def payload(self) -> dict[str, Any]: ...

class SyncResult:
    @property
    def created(self) -> int: ...
    @property
    def updated(self) -> int: ...
    @property
    def unchanged(self) -> int: ...
    @property
    def suspended(self) -> int: ...
    @property
    def deprovisioned(self) -> int: ...

PERMISSIONS: tuple[PermissionName, ...]
BUILTIN_ROLES: tuple[str, ...]

class Scope:
    @staticmethod
    def tenant() -> Scope: ...
    @staticmethod
    def org_unit(key: str) -> Scope: ...
    @staticmethod
    def course(key: str) -> Scope: ...
    @property
    def kind(self) -> ScopeKind: ...
    @property
    def key(self) -> str: ...
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

class Resource:
    @staticmethod
    def tenant() -> Resource: ...
    @staticmethod
    def user(key: str) -> Resource: ...
    @staticmethod
    def org_unit(key: str) -> Resource: ...
    @staticmethod
    def course(key: str) -> Resource: ...
    @property
    def kind(self) -> ResourceKind: ...
    @property
    def key(self) -> str: ...
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

# A scope or resource argument: the object, or its JSON form as a dict.
ScopeLike = Scope | Mapping[str, str]
ResourceLike = Resource | Mapping[str, str]
TimestampLike = datetime.datetime | str

class Role:
    @property
    def key(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def permissions(self) -> dict[PermissionName, RoleValue]: ...
    @property
    def builtin(self) -> bool: ...
    @property
    def created_at(self) -> datetime.datetime: ...
    @property
    def updated_at(self) -> datetime.datetime: ...

class Assignment:
    @property
    def id(self) -> int: ...
    @property
    def user_key(self) -> str: ...
    @property
    def role_key(self) -> str: ...
    @property
    def scope(self) -> Scope: ...
    @property
    def valid_from(self) -> datetime.datetime | None: ...
    @property
    def valid_until(self) -> datetime.datetime | None: ...
    @property
    def created_at(self) -> datetime.datetime: ...

class Override:
    @property
    def role_key(self) -> str: ...
    @property
    def scope(self) -> Scope: ...
    @property
    def permission(self) -> PermissionName: ...
    @property
    def value(self) -> OverrideValue: ...

class RoleVerdict:
    @property
    def source(self) -> GrantSource: ...
    @property
    def assignment_id(self) -> int | None: ...
    @property
    def role_key(self) -> str: ...
    @property
    def assigned_at(self) -> Scope: ...
    @property
    def decided_at(self) -> Scope | None: ...
    @property
    def value(self) -> OverrideValue | None: ...

class Decision:
    @property
    def allowed(self) -> bool: ...
    @property
    def permission(self) -> PermissionName: ...
    @property
    def resource(self) -> Resource: ...
    @property
    def roles(self) -> list[RoleVerdict]: ...
    @property
    def prohibited_by(self) -> RoleVerdict | None: ...
    @property
    def reason(self) -> str: ...
    def __bool__(self) -> NoReturn: ...

class Engine:
    def __init__(
        self,
        path: str | os.PathLike[str] | None = None,
        *,
        backend: Literal["sqlite", "memory"] = "sqlite",
        clock: ManualClock | None = None,
        access_cache_ttl: datetime.timedelta | float | None = None,
    ) -> None: ...
    def close(self) -> None: ...
    @property
    def closed(self) -> bool: ...
    def __enter__(self) -> Self: ...
    def __exit__(self, *exc_info: object) -> Literal[False]: ...
    # Tenants
    def create_tenant(self, actor: Actor, *, key: str, name: str) -> Tenant: ...
    def get_tenant(self, actor: Actor, tenant_id: int) -> Tenant: ...
    def list_tenants(self, actor: Actor) -> list[Tenant]: ...
    # Users
    def create_user(
        self,
        actor: Actor,
        tenant_id: int,
        *,
        key: str,
        display_name: str,
        email: str = "",
        org_unit: str = "",
        manager_key: str = "",
        hire_date: DateLike | None = None,
        attributes: Mapping[str, AttributeValue] | None = None,
        status: UserStatus = "active",
    ) -> User: ...
    def get_user(self, actor: Actor, tenant_id: int, key: str) -> User: ...
    def update_user(
        self,
        actor: Actor,
        tenant_id: int,
        key: str,
        *,
        display_name: str = ...,
        email: str = ...,
        org_unit: str = ...,
        manager_key: str = ...,
        hire_date: DateLike | None = ...,
        attributes: Mapping[str, AttributeValue] = ...,
        status: UserStatus = ...,
    ) -> User: ...
    def list_users(
        self,
        actor: Actor,
        tenant_id: int,
        *,
        org_unit: str | None = None,
        status: UserStatus | None = None,
        attributes: Mapping[str, AttributeValue] | None = None,
        after: str = "",
        limit: int = 100,
    ) -> UserPage: ...
    def iter_users(
        self,
        actor: Actor,
        tenant_id: int,
        *,
        org_unit: str | None = None,
        status: UserStatus | None = None,
        attributes: Mapping[str, AttributeValue] | None = None,
        page_size: int = 100,
    ) -> Iterator[User]: ...
    def sync_users(
        self,
        actor: Actor,
        tenant_id: int,
        records: Iterable[Mapping[str, Any]] | None = None,
        *,
        csv_path: str | os.PathLike[str] | None = None,
        mode: Literal["incremental", "full"] = "incremental",
        missing: Literal["keep", "suspend", "deprovision"] = "keep",
        dry_run: bool = False,
    ) -> SyncResult: ...
    # Org units
    def create_org_unit(
        self, actor: Actor, tenant_id: int, *, key: str, name: str, parent: str = ""
    ) -> OrgUnit: ...
    def get_org_unit(self, actor: Actor, tenant_id: int, key: str) -> OrgUnit: ...
    def move_org_unit(
        self, actor: Actor, tenant_id: int, key: str, new_parent: str | None
    ) -> OrgUnit: ...
    def list_org_units(
        self, actor: Actor, tenant_id: int, root: str = ""
    ) -> list[OrgUnit]: ...
    # Courses
    def create_course(
        self,
        actor: Actor,
        tenant_id: int,
        *,
        key: str,
        title: str,
        description: str = "",
        activities: Sequence[ActivityLike] = (),
        prerequisites: Sequence[str] = (),
        recertification_days: int | None = None,
        default_due_days: int | None = None,
        due_from: DueFrom = "enrolment",
        self_enrolment: bool = False,
        enrolment_opens: TimestampLike | None = None,
        enrolment_closes: TimestampLike | None = None,
        completion: CompletionLike | None = None,
        score_policy: ScorePolicy = "highest",
    ) -> Course: ...
    def get_course(self, actor: Actor, tenant_id: int, key: str) -> Course: ...
    def update_course(
        self,
        actor: Actor,
        tenant_id: int,
        key: str,
        *,
        title: str = ...,
        description: str = ...,
        activities: Sequence[ActivityLike] = ...,
        prerequisites: Sequence[str] = ...,
        recertification_days: int | None = ...,
        default_due_days: int | None = ...,
        due_from: DueFrom = ...,
        self_enrolment: bool = ...,
        enrolment_opens: TimestampLike | None = ...,
        enrolment_closes: TimestampLike | None = ...,
        completion: CompletionLike = ...,
        score_policy: ScorePolicy = ...,
    ) -> Course: ...
    def publish_course(self, actor: Actor, tenant_id: int, key: str) -> Course: ...
    def archive_course(self, actor: Actor, tenant_id: int, key: str) -> Course: ...
    def list_courses(
        self,
        actor: Actor,
        tenant_id: int,
        *,
        status: CourseStatus | None = None,
        after: str = "",
        limit: int = 100,
    ) -> CoursePage: ...
    def iter_courses(
        self,
        actor: Actor,
        tenant_id: int,
        *,
        status: CourseStatus | None = None,
        page_size: int = 100,
    ) -> Iterator[Course]: ...
    # Enrolments
    def enrol(
        self,
        actor: Actor,
        tenant_id: int,
        *,
        user_key: str,
        course_key: str,
        due_at: TimestampLike | None = None,
        source: Literal["manual", "import"] = "manual",
    ) -> Enrolment: ...
    def enrol_self(self, actor: Actor, tenant_id: int, course_key: str) -> Enrolment: ...
    def enrol_many(
        self, actor: Actor, tenant_id: int, enrolments: Iterable[Mapping[str, Any]]
    ) -> BulkEnrolResult: ...
    def withdraw(self, actor: Actor, tenant_id: int, enrolment_id: int) -> Enrolment: ...
    def get_enrolment(
        self, actor: Actor, tenant_id: int, enrolment_id: int
    ) -> Enrolment: ...
    def list_enrolments(
        self,
        actor: Actor,
        tenant_id: int,
        *,
        user_key: str | None = None,
        course_key: str | None = None,
        status: EnrolmentStatus | None = None,
        after: int = 0,
        limit: int = 100,
    ) -> EnrolmentPage: ...
    def iter_enrolments(
        self,
        actor: Actor,
        tenant_id: int,
        *,
        user_key: str | None = None,
        course_key: str | None = None,
        status: EnrolmentStatus | None = None,
        page_size: int = 100,
    ) -> Iterator[Enrolment]: ...
    # Progress
    def record_progress(
        self,
        actor: Actor,
        tenant_id: int,
        *,
        user_key: str,
        course_key: str,
        activity_key: str,
        progress: float | None = None,
        completed: bool = False,
        score: float | None = None,
        passed: bool | None = None,
        time_spent: datetime.timedelta = ...,
    ) -> RecordedProgress: ...
    def get_progress(
        self, actor: Actor, tenant_id: int, enrolment_id: int
    ) -> list[ActivityProgress]: ...
    # Roles
    def create_role(
        self,
        actor: Actor,
        tenant_id: int,
        *,
        key: str,
        name: str,
        permissions: Mapping[PermissionName, RoleValue] = ...,
    ) -> Role: ...
    def update_role(
        self,
        actor: Actor,
        tenant_id: int,
        key: str,
        permissions: Mapping[PermissionName, RoleValue],
    ) -> Role: ...
    def get_role(self, actor: Actor, tenant_id: int, key: str) -> Role: ...
    def list_roles(self, actor: Actor, tenant_id: int) -> list[Role]: ...
    # Assignments
    def assign_role(
        self,
        actor: Actor,
        tenant_id: int,
        *,
        user_key: str,
        role_key: str,
        scope: ScopeLike = ...,
        valid_from: TimestampLike | None = None,
        valid_until: TimestampLike | None = None,
    ) -> Assignment: ...
    def unassign_role(self, actor: Actor, tenant_id: int, assignment_id: int) -> None: ...
    def list_assignments(
        self,
        actor: Actor,
        tenant_id: int,
        *,
        user_key: str | None = None,
        role_key: str | None = None,
        scope: ScopeLike | None = None,
    ) -> list[Assignment]: ...
    # Overrides
    def set_override(
        self,
        actor: Actor,
        tenant_id: int,
        *,
        role_key: str,
        scope: ScopeLike,
        permission: PermissionName,
        value: OverrideValue,
    ) -> None: ...
    def clear_override(
        self,
        actor: Actor,
        tenant_id: int,
        *,
        role_key: str,
        scope: ScopeLike,
        permission: PermissionName,
    ) -> None: ...
    def list_overrides(self, actor: Actor, tenant_id: int) -> list[Override]: ...
    # Answers
    def check(
        self,
        subject: Actor,
        tenant_id: int,
        permission: PermissionName,
        resource: ResourceLike,
    ) -> bool: ...
    def explain(
        self,
        subject: Actor,
        tenant_id: int,
        permission: PermissionName,
        resource: ResourceLike,
    ) -> Decision: ...
    def visible(
        self,
        subject: Actor,
        tenant_id: int,
        permission: PermissionName,
        kind: Literal["user", "org_unit", "course"],
    ) -> list[str]: ...
    # Events
    def events_after(
        self, actor: Actor, tenant_id: int, after: int = 0, limit: int = 100
    ) -> list[Event]: ...

__all__: list[str]
