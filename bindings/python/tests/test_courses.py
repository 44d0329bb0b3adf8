# SPDX-License-Identifier: Apache-2.0
"""Courses: activities, versions, publish/archive states, prerequisites,
enrolment settings and completion rules."""

from __future__ import annotations

import datetime

import pytest

import lms


def test_create_with_activities(engine, tenant):
    course = engine.create_course(
        lms.SYSTEM,
        tenant,
        key="safety",
        title="Safety",
        description="Stay safe.",
        activities=[
            lms.Activity("intro", "lesson", "Intro"),
            {"key": "quiz", "kind": "assessment", "title": "Quiz", "required": False},
        ],
        recertification_days=365,
        default_due_days=30,
    )
    assert course.version == 1
    assert course.status == "draft"
    assert course.activities == [
        lms.Activity("intro", "lesson", "Intro"),
        lms.Activity("quiz", "assessment", "Quiz", required=False),
    ]
    assert course.activities[1].kind == "assessment"
    assert (course.recertification_days, course.default_due_days) == (365, 30)
    assert engine.get_course(lms.SYSTEM, tenant, "safety") == course


def test_enrolment_settings_default(engine, tenant):
    course = engine.create_course(lms.SYSTEM, tenant, key="c", title="C")
    assert (course.due_from, course.self_enrolment, course.score_policy) == (
        "enrolment", False, "highest")
    assert course.enrolment_opens is course.enrolment_closes is None
    assert course.completion == lms.CompletionRule()
    rule = course.completion
    assert (rule.required_count, rule.min_score, rule.must_pass) == (None, None, [])


def test_enrolment_settings_round_trip(engine, tenant):
    opens = datetime.datetime(2026, 2, 1, tzinfo=datetime.timezone.utc)
    course = engine.create_course(
        lms.SYSTEM, tenant, key="c", title="C",
        activities=[lms.Activity("a", "lesson", "A"), lms.Activity("q", "assessment", "Q")],
        default_due_days=14, due_from="hire_date", self_enrolment=True,
        enrolment_opens=opens, enrolment_closes=opens + datetime.timedelta(days=30),
        completion={"required_count": 1, "min_score": 0.75, "must_pass": ["q"]},
        score_policy="latest")
    assert (course.due_from, course.self_enrolment, course.score_policy) == (
        "hire_date", True, "latest")
    assert course.enrolment_opens == opens
    assert course.enrolment_closes == opens + datetime.timedelta(days=30)
    assert course.completion == lms.CompletionRule(required_count=1, min_score=0.75,
                                                   must_pass=["q"])
    assert "min_score=0.75" in repr(course.completion)
    assert engine.get_course(lms.SYSTEM, tenant, "c") == course


def test_update_enrolment_settings(engine, tenant):
    engine.create_course(lms.SYSTEM, tenant, key="c", title="C",
                         activities=[lms.Activity("q", "assessment", "Q")],
                         enrolment_opens=datetime.datetime(2026, 2, 1))
    course = engine.update_course(
        lms.SYSTEM, tenant, "c", enrolment_opens=None, self_enrolment=True,
        completion=lms.CompletionRule(must_pass=["q"]), score_policy="latest")
    assert course.version == 2
    assert course.enrolment_opens is None
    assert (course.self_enrolment, course.score_policy) == (True, "latest")
    assert course.completion.must_pass == ["q"]


def test_completion_rule_fields_are_typed():
    with pytest.raises(lms.InvalidArgumentError, match="min_score"):
        lms.CompletionRule(min_score="high")
    with pytest.raises(lms.InvalidArgumentError, match="must_pass"):
        lms.CompletionRule(must_pass="q")


def test_activity_kind_is_checked():
    with pytest.raises(lms.InvalidArgumentError, match="kind"):
        lms.Activity("a", "lecture", "A")


def test_update_bumps_version(engine, tenant):
    engine.create_course(lms.SYSTEM, tenant, key="c", title="Old", recertification_days=90)
    course = engine.update_course(lms.SYSTEM, tenant, "c", title="New", recertification_days=None)
    assert course.version == 2
    assert course.title == "New"
    assert course.recertification_days is None


def test_publish_then_archive(engine, tenant):
    engine.create_course(lms.SYSTEM, tenant, key="c", title="C")
    assert engine.publish_course(lms.SYSTEM, tenant, "c").status == "published"
    with pytest.raises(lms.ConflictError):
        engine.publish_course(lms.SYSTEM, tenant, "c")
    assert engine.archive_course(lms.SYSTEM, tenant, "c").status == "archived"
    with pytest.raises(lms.ConflictError):
        engine.archive_course(lms.SYSTEM, tenant, "c")
    with pytest.raises(lms.ConflictError):
        engine.update_course(lms.SYSTEM, tenant, "c", title="Revived")


def test_unknown_prerequisite(engine, tenant):
    with pytest.raises(lms.NotFoundError, match="prerequisites"):
        engine.create_course(lms.SYSTEM, tenant, key="c", title="C", prerequisites=["nope"])


def test_prerequisite_cycle(engine, tenant):
    engine.create_course(lms.SYSTEM, tenant, key="a", title="A")
    engine.create_course(lms.SYSTEM, tenant, key="b", title="B", prerequisites=["a"])
    with pytest.raises(lms.InvalidArgumentError, match="prerequisites"):
        engine.update_course(lms.SYSTEM, tenant, "a", prerequisites=["b"])
    assert engine.get_course(lms.SYSTEM, tenant, "a").version == 1


def test_list_by_status_and_pages(engine, tenant):
    for key in ["c1", "c2", "c3", "c4"]:
        engine.create_course(lms.SYSTEM, tenant, key=key, title=key)
    engine.publish_course(lms.SYSTEM, tenant, "c2")
    engine.publish_course(lms.SYSTEM, tenant, "c4")
    published = engine.list_courses(lms.SYSTEM, tenant, status="published")
    assert [c.key for c in published.courses] == ["c2", "c4"]
    page = engine.list_courses(lms.SYSTEM, tenant, limit=3)
    assert [c.key for c in page.courses] == ["c1", "c2", "c3"]
    rest = engine.list_courses(lms.SYSTEM, tenant, after=page.next_after)
    assert [c.key for c in rest.courses] == ["c4"]
    assert [c.key for c in engine.iter_courses(lms.SYSTEM, tenant, page_size=1)] == [
        "c1", "c2", "c3", "c4"]


def test_user_without_a_role_cannot_see_or_author(engine, tenant):
    engine.create_user(lms.SYSTEM, tenant, key="ann", display_name="Ann")
    engine.create_course(lms.SYSTEM, tenant, key="c", title="C")
    ann = lms.Actor.user("ann")
    with pytest.raises(lms.PermissionDeniedError):
        engine.create_course(ann, tenant, key="d", title="D")
    with pytest.raises(lms.PermissionDeniedError, match="course.view"):
        engine.get_course(ann, tenant, "c")
    assert engine.list_courses(ann, tenant).courses == []


def test_learner_sees_but_author_writes(engine, tenant):
    engine.create_user(lms.SYSTEM, tenant, key="ann", display_name="Ann")
    engine.create_user(lms.SYSTEM, tenant, key="ada", display_name="Ada")
    engine.create_course(lms.SYSTEM, tenant, key="c", title="C")
    engine.assign_role(lms.SYSTEM, tenant, user_key="ann", role_key="learner")
    engine.assign_role(lms.SYSTEM, tenant, user_key="ada", role_key="author")
    ann, ada = lms.Actor.user("ann"), lms.Actor.user("ada")
    assert [c.key for c in engine.list_courses(ann, tenant).courses] == ["c"]
    with pytest.raises(lms.PermissionDeniedError, match="course.author"):
        engine.update_course(ann, tenant, "c", title="Mine")
    assert engine.update_course(ada, tenant, "c", title="New").version == 2
    assert engine.publish_course(ada, tenant, "c").status == "published"
