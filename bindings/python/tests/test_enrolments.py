# SPDX-License-Identifier: Apache-2.0
"""Enrolments and progress from Python: due dates, self-enrolment, bulk
enrolment, progress to completion and failure, score policies, prerequisites
unlocking, withdrawal and cycles, who may enrol whom; and bad input,
table-driven, refused by name with nothing written."""

from __future__ import annotations

import datetime

import pytest

import lms
from conftest import START, snapshot

S = lms.SYSTEM
DAY = datetime.timedelta(days=1)
UTC = datetime.timezone.utc


def user(key: str) -> lms.Actor:
    return lms.Actor.user(key)


def events(engine, tenant) -> list[lms.Event]:
    return engine.events_after(S, tenant, 0, 1000)


@pytest.fixture
def school(engine, tenant):
    """Users ann (hired 2025-12-01), bob, cat, a teacher (instructor of
    safety) and a deprovisioned former employee; published courses safety
    (a lesson and a quiz, due in 30 days, valid for a year) and advanced
    (needs safety), and a draft."""
    engine.create_org_unit(S, tenant, key="hq", name="HQ")
    engine.create_user(S, tenant, key="ann", display_name="Ann", org_unit="hq",
                       hire_date="2025-12-01")
    for key in ["bob", "cat", "teacher"]:
        engine.create_user(S, tenant, key=key, display_name=key.title(), org_unit="hq")
    engine.create_user(S, tenant, key="gone", display_name="Gone", status="deprovisioned")
    engine.create_course(
        S, tenant, key="safety", title="Safety",
        activities=[lms.Activity("intro", "lesson", "Intro"),
                    lms.Activity("quiz", "assessment", "Quiz")],
        default_due_days=30, recertification_days=365)
    engine.create_course(S, tenant, key="advanced", title="Advanced",
                         activities=[lms.Activity("deep", "lesson", "Deep")],
                         prerequisites=["safety"])
    engine.create_course(S, tenant, key="draft", title="Draft")
    engine.publish_course(S, tenant, "safety")
    engine.publish_course(S, tenant, "advanced")
    engine.assign_role(S, tenant, user_key="teacher", role_key="instructor",
                       scope=lms.Scope.course("safety"))
    return tenant


def published(engine, tenant, key, **fields):
    fields.setdefault("activities", [lms.Activity("quiz", "assessment", "Quiz")])
    engine.create_course(S, tenant, key=key, title=key.title(), **fields)
    return engine.publish_course(S, tenant, key)


def record(engine, tenant, activity, *, user_key="ann", course_key="safety", **report):
    return engine.record_progress(S, tenant, user_key=user_key, course_key=course_key,
                                  activity_key=activity, **report)


# --- Enrolling -----------------------------------------------------------------


def test_enrol_takes_the_default_due_date(engine, school):
    enrolment = engine.enrol(S, school, user_key="bob", course_key="safety")
    assert (enrolment.user_key, enrolment.course_key) == ("bob", "safety")
    assert (enrolment.cycle, enrolment.status, enrolment.source) == (1, "enrolled", "manual")
    assert enrolment.source_key == ""
    assert enrolment.enrolled_at == enrolment.updated_at == START
    assert enrolment.due_at == START + 30 * DAY
    assert enrolment.completed_at is enrolment.expires_at is enrolment.score is None
    assert engine.get_enrolment(S, school, enrolment.id) == enrolment
    assert "'bob'" in repr(enrolment)
    assert [e.type for e in events(engine, school)][-1] == "enrolment.created"


def test_due_date_from_hire_date(engine, school):
    published(engine, school, "onboarding", default_due_days=60, due_from="hire_date")
    ann = engine.enrol(S, school, user_key="ann", course_key="onboarding")
    assert ann.due_at == datetime.datetime(2025, 12, 1, tzinfo=UTC) + 60 * DAY
    # Without a hire date the period counts from enrolment.
    bob = engine.enrol(S, school, user_key="bob", course_key="onboarding")
    assert bob.due_at == START + 60 * DAY


def test_explicit_due_date(engine, school):
    due = START + 7 * DAY
    assert engine.enrol(S, school, user_key="bob", course_key="safety", due_at=due).due_at == due
    # A naive datetime is taken as UTC.
    naive = datetime.datetime(2026, 3, 1)
    cat = engine.enrol(S, school, user_key="cat", course_key="safety", due_at=naive)
    assert cat.due_at == naive.replace(tzinfo=UTC)


def test_no_default_due_date(engine, school):
    assert engine.enrol(S, school, user_key="bob", course_key="advanced").due_at is None


def test_enrol_twice_is_refused(engine, school):
    engine.enrol(S, school, user_key="bob", course_key="safety")
    before = snapshot(engine, school)
    with pytest.raises(lms.AlreadyExistsError, match="bob"):
        engine.enrol(S, school, user_key="bob", course_key="safety")
    assert snapshot(engine, school) == before


@pytest.mark.parametrize("course", ["draft", "closed", "not_yet"])
def test_enrol_needs_an_open_published_course(engine, school, clock, course):
    published(engine, school, "closed", enrolment_closes=START)
    published(engine, school, "not_yet", enrolment_opens=START + DAY)
    before = snapshot(engine, school)
    with pytest.raises(lms.ConflictError, match=course):
        engine.enrol(S, school, user_key="bob", course_key=course)
    assert snapshot(engine, school) == before


def test_enrolment_window_opens(engine, school, clock):
    published(engine, school, "later", enrolment_opens=START + DAY,
              enrolment_closes=START + 2 * DAY)
    clock.advance(DAY)
    assert engine.enrol(S, school, user_key="bob", course_key="later").status == "enrolled"


def test_self_enrolment_allowed(engine, school):
    published(engine, school, "open", self_enrolment=True)
    enrolment = engine.enrol_self(user("bob"), school, "open")
    assert (enrolment.user_key, enrolment.source, enrolment.status) == ("bob", "self", "enrolled")


def test_self_enrolment_not_allowed(engine, school):
    before = snapshot(engine, school)
    with pytest.raises(lms.ConflictError, match="self-enrolment"):
        engine.enrol_self(user("bob"), school, "safety")
    assert snapshot(engine, school) == before


def test_system_cannot_enrol_itself(engine, school):
    with pytest.raises(lms.InvalidArgumentError, match="actor"):
        engine.enrol_self(S, school, "safety")


def test_enrol_many_counts_the_already_enrolled(engine, school):
    engine.enrol(S, school, user_key="ann", course_key="safety")
    result = engine.enrol_many(S, school, [
        {"user_key": "ann", "course_key": "safety"},
        {"user_key": "bob", "course_key": "safety", "source": "import"},
        {"user_key": "cat", "course_key": "safety", "due_at": START + 10 * DAY},
        {"user_key": "bob", "course_key": "advanced"},
    ])
    assert (result.enrolled, result.already_enrolled) == (3, 1)
    assert "already_enrolled=1" in repr(result)
    page = engine.list_enrolments(S, school, course_key="safety")
    assert [(e.user_key, e.source) for e in page.enrolments] == [
        ("ann", "manual"), ("bob", "import"), ("cat", "manual")]
    assert page.enrolments[2].due_at == START + 10 * DAY
    assert engine.list_enrolments(S, school, user_key="bob",
                                  course_key="advanced").enrolments[0].status == "locked"
    # The same batch again enrols nobody.
    again = engine.enrol_many(S, school, ({"user_key": k, "course_key": "safety"}
                                          for k in ["ann", "bob", "cat"]))
    assert (again.enrolled, again.already_enrolled) == (0, 3)


def test_enrol_many_is_all_or_nothing(engine, school):
    before = snapshot(engine, school)
    with pytest.raises(lms.NotFoundError, match=r"enrolments\[1\]\.user_key"):
        engine.enrol_many(S, school, [{"user_key": "bob", "course_key": "safety"},
                                      {"user_key": "ghost", "course_key": "safety"}])
    assert snapshot(engine, school) == before


# --- Listing -------------------------------------------------------------------


def test_list_filters_and_pages(engine, school):
    for key in ["ann", "bob", "cat"]:
        engine.enrol(S, school, user_key=key, course_key="safety")
    engine.enrol(S, school, user_key="ann", course_key="advanced")
    first = engine.list_enrolments(S, school, limit=2)
    assert [e.user_key for e in first.enrolments] == ["ann", "bob"]
    assert first.next_after == first.enrolments[1].id
    second = engine.list_enrolments(S, school, after=first.next_after, limit=2)
    assert [(e.user_key, e.course_key) for e in second.enrolments] == [
        ("cat", "safety"), ("ann", "advanced")]
    assert second.next_after == 0
    assert [e.course_key for e in engine.list_enrolments(S, school, status="locked").enrolments] \
        == ["advanced"]
    assert len(list(engine.iter_enrolments(S, school, page_size=1))) == 4


def test_learner_lists_only_their_own(engine, school):
    for key in ["ann", "bob"]:
        engine.enrol(S, school, user_key=key, course_key="safety")
    assert [e.user_key for e in engine.list_enrolments(user("ann"), school).enrolments] == ["ann"]


# --- Progress --------------------------------------------------------------------


def test_progress_to_completion(engine, school, clock):
    enrolment = engine.enrol(S, school, user_key="ann", course_key="safety")
    started = record(engine, school, "intro", progress=0.5,
                     time_spent=datetime.timedelta(minutes=5))
    assert started.enrolment.status == "in_progress"
    assert (started.activity.state, started.activity.progress) == ("in_progress", 0.5)
    assert started.activity.time_spent == datetime.timedelta(minutes=5)
    assert started.activity.started_at == START
    assert started.activity.enrolment_id == enrolment.id

    clock.advance(seconds=60)
    intro = record(engine, school, "intro", completed=True,
                   time_spent=datetime.timedelta(minutes=3)).activity
    assert (intro.state, intro.progress) == ("completed", 1.0)
    assert intro.time_spent == datetime.timedelta(minutes=8)
    assert intro.completed_at == START + datetime.timedelta(seconds=60)

    clock.advance(DAY)
    done = record(engine, school, "quiz", completed=True, score=0.8, passed=True)
    completed_at = START + DAY + datetime.timedelta(seconds=60)
    assert done.enrolment.status == "completed"
    assert done.enrolment.completed_at == completed_at
    assert done.enrolment.expires_at == completed_at + 365 * DAY
    assert done.enrolment.score == pytest.approx(0.8)
    assert engine.get_enrolment(S, school, enrolment.id) == done.enrolment
    progress = engine.get_progress(S, school, enrolment.id)
    assert [p.activity_key for p in progress] == ["intro", "quiz"]
    assert progress[1] == done.activity
    assert (done.activity.score, done.activity.passed) == (0.8, True)
    types = [e.type for e in events(engine, school)]
    assert "enrolment.started" in types
    assert types[-1] == "enrolment.completed"


def test_completion_unlocks_a_waiting_enrolment(engine, school):
    engine.enrol(S, school, user_key="ann", course_key="safety")
    waiting = engine.enrol(S, school, user_key="ann", course_key="advanced")
    assert waiting.status == "locked"
    with pytest.raises(lms.ConflictError, match="locked"):
        record(engine, school, "deep", course_key="advanced", progress=0.1)
    record(engine, school, "intro", completed=True)
    record(engine, school, "quiz", completed=True)
    assert engine.get_enrolment(S, school, waiting.id).status == "enrolled"
    assert record(engine, school, "deep", course_key="advanced",
                  completed=True).enrolment.status == "completed"


def test_a_prerequisite_already_completed_leaves_it_unlocked(engine, school):
    engine.enrol(S, school, user_key="ann", course_key="safety")
    record(engine, school, "intro", completed=True)
    record(engine, school, "quiz", completed=True)
    assert engine.enrol(S, school, user_key="ann", course_key="advanced").status == "enrolled"


def test_missing_the_min_score_fails_then_a_retake_completes(engine, school, clock):
    published(engine, school, "exam", completion={"min_score": 0.7}, recertification_days=90)
    engine.enrol(S, school, user_key="ann", course_key="exam")
    failed = record(engine, school, "quiz", course_key="exam", completed=True, score=0.5)
    assert failed.enrolment.status == "failed"
    assert failed.enrolment.score == pytest.approx(0.5)
    assert failed.enrolment.completed_at == START
    assert failed.enrolment.expires_at is None

    clock.advance(DAY)
    retake = record(engine, school, "quiz", course_key="exam", score=0.9)
    assert retake.enrolment.status == "completed"
    assert retake.enrolment.score == pytest.approx(0.9)
    assert retake.enrolment.completed_at == START + DAY
    assert retake.enrolment.expires_at == START + DAY + 90 * DAY


def test_must_pass(engine, school):
    published(engine, school, "cert", completion=lms.CompletionRule(must_pass=["quiz"]))
    engine.enrol(S, school, user_key="ann", course_key="cert")
    assert record(engine, school, "quiz", course_key="cert", completed=True,
                  passed=False).enrolment.status == "failed"
    assert record(engine, school, "quiz", course_key="cert",
                  passed=True).enrolment.status == "completed"


@pytest.mark.parametrize(("policy", "kept"), [("highest", (0.9, True)), ("latest", (0.6, False))])
def test_score_policy(engine, school, policy, kept):
    published(engine, school, "graded", score_policy=policy)
    engine.enrol(S, school, user_key="ann", course_key="graded")
    record(engine, school, "quiz", course_key="graded", score=0.9, passed=True)
    activity = record(engine, school, "quiz", course_key="graded", score=0.6,
                      passed=False).activity
    assert (activity.score, activity.passed) == kept


def test_progress_never_falls(engine, school):
    engine.enrol(S, school, user_key="ann", course_key="safety")
    record(engine, school, "intro", progress=0.7)
    assert record(engine, school, "intro", progress=0.2).activity.progress == 0.7


def test_a_repeated_completion_writes_nothing(engine, school, clock):
    engine.enrol(S, school, user_key="ann", course_key="safety")
    first = record(engine, school, "intro", completed=True)
    count = len(events(engine, school))
    clock.advance(seconds=30)
    again = record(engine, school, "intro", completed=True)
    assert len(events(engine, school)) == count
    assert again == first
    assert again.activity.updated_at == START


def test_progress_needs_an_enrolment(engine, school):
    with pytest.raises(lms.NotFoundError, match="user_key"):
        record(engine, school, "intro", progress=0.5)


# --- Withdrawal and cycles -------------------------------------------------------------


def test_withdraw_then_enrol_again_starts_cycle_2(engine, school, clock):
    first = engine.enrol(S, school, user_key="ann", course_key="safety")
    clock.advance(DAY)
    withdrawn = engine.withdraw(S, school, first.id)
    assert (withdrawn.status, withdrawn.updated_at) == ("withdrawn", START + DAY)
    with pytest.raises(lms.ConflictError, match="withdrawn"):
        engine.withdraw(S, school, first.id)
    with pytest.raises(lms.ConflictError, match="withdrawn"):
        record(engine, school, "intro", progress=0.5)
    second = engine.enrol(S, school, user_key="ann", course_key="safety")
    assert (second.cycle, second.status) == (2, "enrolled")
    assert second.id != first.id
    history = engine.list_enrolments(S, school, user_key="ann", course_key="safety")
    assert [(e.cycle, e.status) for e in history.enrolments] == [
        (1, "withdrawn"), (2, "enrolled")]
    assert record(engine, school, "intro", progress=0.5).enrolment.id == second.id


def test_a_completed_enrolment_cannot_be_withdrawn(engine, school):
    enrolment = engine.enrol(S, school, user_key="ann", course_key="safety")
    record(engine, school, "intro", completed=True)
    record(engine, school, "quiz", completed=True)
    with pytest.raises(lms.ConflictError, match="completed"):
        engine.withdraw(S, school, enrolment.id)


# --- Who may --------------------------------------------------------------------


def test_a_learner_cannot_enrol_others(engine, school):
    before = snapshot(engine, school)
    with pytest.raises(lms.PermissionDeniedError, match="enrolment.manage"):
        engine.enrol(user("ann"), school, user_key="bob", course_key="safety")
    with pytest.raises(lms.PermissionDeniedError):
        engine.enrol_many(user("ann"), school, [{"user_key": "bob", "course_key": "safety"}])
    assert snapshot(engine, school) == before


def test_an_instructor_enrols_in_their_course_only(engine, school):
    enrolment = engine.enrol(user("teacher"), school, user_key="bob", course_key="safety")
    assert enrolment.status == "enrolled"
    assert engine.get_enrolment(user("teacher"), school, enrolment.id) == enrolment
    assert record(engine, school, "intro", user_key="bob",
                  progress=0.5).activity.progress == 0.5
    with pytest.raises(lms.PermissionDeniedError):
        engine.enrol(user("teacher"), school, user_key="bob", course_key="advanced")


def test_a_learner_records_and_views_their_own_progress(engine, school):
    enrolment = engine.enrol(S, school, user_key="ann", course_key="safety")
    other = engine.enrol(S, school, user_key="bob", course_key="safety")
    engine.record_progress(user("ann"), school, user_key="ann", course_key="safety",
                           activity_key="intro", progress=0.3)
    assert engine.get_progress(user("ann"), school, enrolment.id)[0].progress == 0.3
    with pytest.raises(lms.PermissionDeniedError):
        engine.record_progress(user("ann"), school, user_key="bob", course_key="safety",
                               activity_key="intro", progress=0.3)
    with pytest.raises(lms.PermissionDeniedError):
        engine.get_progress(user("ann"), school, other.id)
    with pytest.raises(lms.PermissionDeniedError):
        engine.withdraw(user("ann"), school, enrolment.id)


# --- Hostile text and ids ---------------------------------------------------------


@pytest.mark.parametrize("text", ["x'; DROP TABLE enrolments; --", 'a"); DELETE FROM events; --',
                                  "50%_\\ {0}", "Zoë — 日本語 🎓"])
def test_metacharacters_are_plain_text(engine, tenant, text):
    engine.create_user(S, tenant, key=text, display_name=text)
    published(engine, tenant, "c", activities=[lms.Activity(text, "lesson", text)])
    enrolment = engine.enrol(S, tenant, user_key=text, course_key="c")
    assert engine.list_enrolments(S, tenant, user_key=text).enrolments == [enrolment]
    done = engine.record_progress(S, tenant, user_key=text, course_key="c", activity_key=text,
                                  completed=True)
    assert done.activity.activity_key == text
    assert done.enrolment.status == "completed"


@pytest.mark.parametrize("call", ["get_enrolment", "withdraw", "get_progress"])
def test_an_id_must_be_an_int(engine, school, call):
    with pytest.raises(TypeError):
        getattr(engine, call)(S, school, "1")


@pytest.mark.parametrize("call", ["get_enrolment", "withdraw", "get_progress"])
def test_unknown_id(engine, school, call):
    with pytest.raises(lms.NotFoundError, match="424242"):
        getattr(engine, call)(S, school, 424242)


def test_another_tenants_enrolment_is_not_found(engine, school):
    enrolment = engine.enrol(S, school, user_key="ann", course_key="safety")
    other = engine.create_tenant(S, key="globex", name="Globex").id
    with pytest.raises(lms.NotFoundError):
        engine.get_enrolment(S, other, enrolment.id)


# --- Bad input ---------------------------------------------------------------------


INVALID = lms.InvalidArgumentError


def enrol(**fields):
    def call(engine, tenant):
        spec = {"user_key": "bob", "course_key": "safety"}
        spec.update(fields)
        engine.enrol(S, tenant, **spec)

    return call


def progress(**fields):
    def call(engine, tenant):
        report = {"user_key": "ann", "course_key": "safety", "activity_key": "intro"}
        report.update(fields)
        engine.record_progress(S, tenant, **report)

    return call


def enrol_many(enrolments):
    return lambda engine, tenant: engine.enrol_many(S, tenant, enrolments)


def list_enrolments(**query):
    return lambda engine, tenant: engine.list_enrolments(S, tenant, **query)


def create_course(**fields):
    def call(engine, tenant):
        spec = {"key": "new", "title": "New",
                "activities": [lms.Activity("quiz", "assessment", "Quiz")]}
        spec.update(fields)
        engine.create_course(S, tenant, **spec)

    return call


def update_course(**changes):
    return lambda engine, tenant: engine.update_course(S, tenant, "safety", **changes)


HOSTILE = "x'; DROP TABLE enrolments; --"

CASES = [
    # progress reports
    ("progress above 1", progress(progress=1.5), INVALID, "progress"),
    ("negative progress", progress(progress=-0.1), INVALID, "progress"),
    ("NaN progress", progress(progress=float("nan")), INVALID, "progress"),
    ("str for progress", progress(progress="0.5"), INVALID, "progress"),
    ("NaN score", progress(score=float("nan")), INVALID, "score"),
    ("score above 1", progress(score=2), INVALID, "score"),
    ("infinite score", progress(score=float("inf")), INVALID, "score"),
    ("negative time", progress(time_spent=datetime.timedelta(seconds=-1)), INVALID,
     "time_spent"),
    ("time over a day", progress(time_spent=datetime.timedelta(days=2)), INVALID, "time_spent"),
    ("number for time", progress(time_spent=60), INVALID, "time_spent"),
    ("str for completed", progress(completed="yes"), INVALID, "completed"),
    ("int for passed", progress(passed=1), INVALID, "passed"),
    ("unknown activity", progress(activity_key="nope"), lms.NotFoundError, "activity_key"),
    ("unknown course for progress", progress(course_key="nope"), lms.NotFoundError,
     "course_key"),
    ("user not enrolled", progress(user_key="cat"), lms.NotFoundError, "user_key"),
    ("number for activity_key", progress(activity_key=7), INVALID, "activity_key"),
    ("lone surrogate in activity_key", progress(activity_key="\udcff"), INVALID,
     "activity_key"),
    ("empty activity_key", progress(activity_key=""), INVALID, "activity_key"),
    ("SQL in activity_key", progress(activity_key=HOSTILE), lms.NotFoundError, "activity_key"),
    # enrol
    ("due date in the past", enrol(due_at=START - DAY), INVALID, "due_at"),
    ("date for due_at", enrol(due_at=datetime.date(2026, 3, 1)), INVALID, "due_at"),
    ("prose for due_at", enrol(due_at="next week"), INVALID, "due_at"),
    ("deprovisioned user", enrol(user_key="gone"), INVALID, "user_key"),
    ("unknown user", enrol(user_key="ghost"), lms.NotFoundError, "user_key"),
    ("SQL in user_key", enrol(user_key=HOSTILE), lms.NotFoundError, "user_key"),
    ("unknown course", enrol(course_key="nope"), lms.NotFoundError, "course_key"),
    ("SQL in course_key", enrol(course_key=HOSTILE), lms.NotFoundError, "course_key"),
    ("number for user_key", enrol(user_key=7), INVALID, "user_key"),
    ("bytes for course_key", enrol(course_key=b"safety"), INVALID, "course_key"),
    ("empty user_key", enrol(user_key=""), INVALID, "user_key"),
    ("key over 128 bytes", enrol(user_key="k" * 129), INVALID, "user_key"),
    ("lone surrogate in user_key", enrol(user_key="\udcff"), INVALID, "user_key"),
    ("source self", enrol(source="self"), INVALID, "source"),
    ("source audience", enrol(source="audience"), INVALID, "source"),
    ("unknown source", enrol(source="magic"), INVALID, "source"),
    ("number for self-enrol course_key",
     lambda e, t: e.enrol_self(user("bob"), t, 7), INVALID, "course_key"),
    # enrol_many
    ("str for enrolments", enrol_many("bob"), INVALID, "enrolments"),
    ("dict for enrolments", enrol_many({"user_key": "bob", "course_key": "safety"}), INVALID,
     "enrolments"),
    ("str in enrolments", enrol_many(["bob"]), INVALID, "enrolments[0]"),
    ("unknown request field",
     enrol_many([{"user_key": "bob", "course_key": "safety", "colour": "red"}]), INVALID,
     "colour"),
    ("request without course_key", enrol_many([{"user_key": "bob"}]), INVALID,
     "enrolments[0].course_key"),
    ("past due date in a request",
     enrol_many([{"user_key": "bob", "course_key": "safety"},
                 {"user_key": "cat", "course_key": "safety", "due_at": START - DAY}]),
     INVALID, "enrolments[1].due_at"),
    ("deprovisioned user in a request",
     enrol_many([{"user_key": "bob", "course_key": "safety"},
                 {"user_key": "gone", "course_key": "safety"}]),
     INVALID, "enrolments[1].user_key"),
    ("unknown course in a request",
     enrol_many([{"user_key": "bob", "course_key": "nope"}]), lms.NotFoundError,
     "enrolments[0].course_key"),
    # list_enrolments
    ("unknown status", list_enrolments(status="done"), INVALID, "status"),
    ("page of 0", list_enrolments(limit=0), INVALID, "limit"),
    ("page over 1000", list_enrolments(limit=1001), INVALID, "limit"),
    ("negative after", list_enrolments(after=-1), INVALID, "after"),
    ("str for after", list_enrolments(after="5"), INVALID, "after"),
    # course fields
    ("unknown due_from", create_course(due_from="birthday"), INVALID, "due_from"),
    ("unknown score policy", create_course(score_policy="average"), INVALID, "score_policy"),
    ("str for self_enrolment", create_course(self_enrolment="yes"), INVALID, "self_enrolment"),
    ("prose for enrolment_opens", create_course(enrolment_opens="soon"), INVALID,
     "enrolment_opens"),
    ("window closing before it opens",
     create_course(enrolment_opens=START + DAY, enrolment_closes=START), INVALID,
     "enrolment_closes"),
    ("min_score above 1", create_course(completion={"min_score": 1.5}), INVALID,
     "completion.min_score"),
    ("required_count of 0", create_course(completion={"required_count": 0}), INVALID,
     "completion.required_count"),
    ("must_pass naming no activity", create_course(completion={"must_pass": ["nope"]}),
     INVALID, "completion.must_pass[0]"),
    ("unknown completion field", create_course(completion={"pass_mark": 0.5}), INVALID,
     "completion.pass_mark"),
    ("str for completion", create_course(completion="all"), INVALID, "completion"),
    ("bad completion in an update", update_course(completion={"min_score": -1}), INVALID,
     "completion.min_score"),
    ("bad score policy in an update", update_course(score_policy="best"), INVALID,
     "score_policy"),
]


@pytest.mark.parametrize(
    ("call", "error", "field"),
    [pytest.param(call, error, field, id=name) for name, call, error, field in CASES],
)
def test_bad_input_is_refused_and_writes_nothing(engine, school, call, error, field):
    engine.enrol(S, school, user_key="ann", course_key="safety")
    before = snapshot(engine, school)
    with pytest.raises(error) as caught:
        call(engine, school)
    assert field in str(caught.value)
    assert caught.value.code == error.code
    assert snapshot(engine, school) == before
