// SPDX-License-Identifier: Apache-2.0
//
// The pure rules of enrolment and progress: the state table (every pair of
// status and event), merging progress reports, and the completion rule at
// its edges.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "enrolment/enrolment_state.hpp"
#include "lms/error.hpp"
#include "progress/progress_rules.hpp"

namespace lms {
namespace {

using S = EnrolmentStatus;
using E = EnrolmentEvent;
using std::chrono::milliseconds;

constexpr S kStatuses[] = {S::locked,    S::enrolled, S::in_progress,
                           S::completed, S::failed,   S::withdrawn,
                           S::expired};
constexpr E kEvents[] = {E::unlock, E::start,    E::complete,
                         E::fail,   E::withdraw, E::expire};

// The table as README.md states it, written out independently of the code.
const std::map<std::pair<S, E>, S>& Documented() {
  static const std::map<std::pair<S, E>, S> table{
      {{S::locked, E::unlock}, S::enrolled},
      {{S::locked, E::withdraw}, S::withdrawn},
      {{S::enrolled, E::start}, S::in_progress},
      {{S::enrolled, E::complete}, S::completed},
      {{S::enrolled, E::fail}, S::failed},
      {{S::enrolled, E::withdraw}, S::withdrawn},
      {{S::in_progress, E::complete}, S::completed},
      {{S::in_progress, E::fail}, S::failed},
      {{S::in_progress, E::withdraw}, S::withdrawn},
      {{S::failed, E::complete}, S::completed},
      {{S::failed, E::withdraw}, S::withdrawn},
      {{S::completed, E::expire}, S::expired},
  };
  return table;
}

TEST(EnrolmentStateTest, EveryPairFollowsTheDocumentedTable) {
  for (const S status : kStatuses) {
    for (const E event : kEvents) {
      const auto it = Documented().find({status, event});
      const auto next = next_status(status, event);
      SCOPED_TRACE(std::string{to_string(status)} + " + " +
                   std::string{to_string(event)});
      if (it == Documented().end()) {
        EXPECT_FALSE(next);
      } else {
        EXPECT_EQ(next, it->second);
      }
    }
  }
}

TEST(EnrolmentStateTest, RefusedTransitionIsAConflictNamingBoth) {
  try {
    require_transition(42, S::completed, E::withdraw);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::conflict);
    EXPECT_STREQ(e.what(), "enrolment 42 is completed: cannot withdraw");
  }
  EXPECT_EQ(require_transition(1, S::locked, E::unlock), S::enrolled);
}

TEST(EnrolmentStateTest, ActiveStatusesAreTheOnesBeforeAnOutcome) {
  std::vector<S> active;
  for (const S status : kStatuses)
    if (is_active(status)) active.push_back(status);
  EXPECT_THAT(active,
              ::testing::ElementsAre(S::locked, S::enrolled, S::in_progress));
}

// --- Merging progress
// ---------------------------------------------------------

const Timestamp kT1 = from_unix_ms(1'000);
const Timestamp kT2 = from_unix_ms(2'000);

ProgressUpdate Update() {
  ProgressUpdate u;
  u.user_key = "u";
  u.course_key = "c";
  u.activity_key = "quiz";
  return u;
}

TEST(MergeProgressTest, FirstReportStartsTheActivity) {
  ProgressUpdate u = Update();
  u.progress = 0.25;
  u.time_spent = milliseconds{500};
  const auto p = merge_progress(std::nullopt, 7, u, ScorePolicy::highest, kT1);
  EXPECT_EQ(p.enrolment_id, 7);
  EXPECT_EQ(p.activity_key, "quiz");
  EXPECT_EQ(p.state, ActivityState::in_progress);
  EXPECT_EQ(p.progress, 0.25);
  EXPECT_EQ(p.time_spent, milliseconds{500});
  EXPECT_EQ(p.started_at, kT1);
  EXPECT_EQ(p.updated_at, kT1);
  EXPECT_FALSE(p.completed_at);
}

TEST(MergeProgressTest, ProgressNeverFallsAndTimeAccumulates) {
  ProgressUpdate u = Update();
  u.progress = 0.6;
  u.time_spent = milliseconds{100};
  auto p = merge_progress(std::nullopt, 1, u, ScorePolicy::highest, kT1);
  u.progress = 0.2;
  u.time_spent = milliseconds{50};
  p = merge_progress(p, 1, u, ScorePolicy::highest, kT2);
  EXPECT_EQ(p.progress, 0.6);
  EXPECT_EQ(p.time_spent, milliseconds{150});
  EXPECT_EQ(p.started_at, kT1);
  EXPECT_EQ(p.updated_at, kT2);
}

TEST(MergeProgressTest, CompletionNeverRegressesAndKeepsItsFirstDate) {
  ProgressUpdate u = Update();
  u.completed = true;
  auto p = merge_progress(std::nullopt, 1, u, ScorePolicy::highest, kT1);
  EXPECT_EQ(p.state, ActivityState::completed);
  EXPECT_EQ(p.progress, 1);
  EXPECT_EQ(p.completed_at, kT1);
  ProgressUpdate later = Update();
  later.progress = 0.1;
  p = merge_progress(p, 1, later, ScorePolicy::highest, kT2);
  EXPECT_EQ(p.state, ActivityState::completed);
  EXPECT_EQ(p.progress, 1);
  p = merge_progress(p, 1, u, ScorePolicy::highest, kT2);
  EXPECT_EQ(p.completed_at, kT1);
}

TEST(MergeProgressTest, HighestPolicyKeepsTheBestScoreAndAnyPass) {
  ProgressUpdate u = Update();
  u.score = 0.8;
  u.passed = true;
  auto p = merge_progress(std::nullopt, 1, u, ScorePolicy::highest, kT1);
  u.score = 0.4;
  u.passed = false;
  p = merge_progress(p, 1, u, ScorePolicy::highest, kT2);
  EXPECT_EQ(p.score, 0.8);
  EXPECT_EQ(p.passed, true);
  u.score = 0.9;
  p = merge_progress(p, 1, u, ScorePolicy::highest, kT2);
  EXPECT_EQ(p.score, 0.9);
}

TEST(MergeProgressTest, LatestPolicyTakesTheLastScoreAndVerdict) {
  ProgressUpdate u = Update();
  u.score = 0.8;
  u.passed = true;
  auto p = merge_progress(std::nullopt, 1, u, ScorePolicy::latest, kT1);
  u.score = 0.4;
  u.passed = false;
  p = merge_progress(p, 1, u, ScorePolicy::latest, kT2);
  EXPECT_EQ(p.score, 0.4);
  EXPECT_EQ(p.passed, false);
  // A report without a score leaves it as it is.
  p = merge_progress(p, 1, Update(), ScorePolicy::latest, kT2);
  EXPECT_EQ(p.score, 0.4);
}

// --- The completion rule ---------------------------------------------------

CourseSpec Course(std::vector<Activity> activities, CompletionRule rule = {}) {
  CourseSpec course;
  course.key = "c";
  course.title = "C";
  course.activities = std::move(activities);
  course.completion = std::move(rule);
  return course;
}

Activity A(std::string key, bool required = true) {
  return {std::move(key), ActivityKind::lesson, "T", required};
}

ActivityProgress Done(std::string key, std::optional<double> score = {},
                      std::optional<bool> passed = {}) {
  ActivityProgress p;
  p.activity_key = std::move(key);
  p.state = ActivityState::completed;
  p.progress = 1;
  p.score = score;
  p.passed = passed;
  return p;
}

ActivityProgress Started(std::string key) {
  ActivityProgress p;
  p.activity_key = std::move(key);
  p.state = ActivityState::in_progress;
  p.score = 1.0;
  return p;
}

CourseOutcome Outcome(const CourseSpec& course,
                      const std::vector<ActivityProgress>& progress) {
  return evaluate_completion(course, progress).outcome;
}

TEST(CompletionRuleTest, AllRequiredActivitiesByDefault) {
  const auto course = Course({A("a"), A("b"), A("optional", false)});
  EXPECT_EQ(Outcome(course, {Done("a")}), CourseOutcome::incomplete);
  EXPECT_EQ(Outcome(course, {Done("a"), Started("b")}),
            CourseOutcome::incomplete);
  EXPECT_EQ(Outcome(course, {Done("a"), Done("b")}), CourseOutcome::completed);
  // An optional activity counts for nothing.
  EXPECT_EQ(Outcome(course, {Done("a"), Done("optional")}),
            CourseOutcome::incomplete);
}

TEST(CompletionRuleTest, WithoutRequiredActivitiesEveryActivityCounts) {
  const auto course = Course({A("a", false), A("b", false)});
  EXPECT_EQ(Outcome(course, {Done("a")}), CourseOutcome::incomplete);
  EXPECT_EQ(Outcome(course, {Done("a"), Done("b")}), CourseOutcome::completed);
}

TEST(CompletionRuleTest, ACourseWithoutActivitiesNeverCompletesByProgress) {
  EXPECT_EQ(Outcome(Course({}), {Done("ghost")}), CourseOutcome::incomplete);
}

TEST(CompletionRuleTest, AnyNOfTheRequiredActivities) {
  CompletionRule rule;
  rule.required_count = 2;
  const auto course = Course({A("a"), A("b"), A("c"), A("x", false)}, rule);
  EXPECT_EQ(Outcome(course, {Done("a"), Done("x")}), CourseOutcome::incomplete);
  EXPECT_EQ(Outcome(course, {Done("c"), Done("a")}), CourseOutcome::completed);
}

TEST(CompletionRuleTest, MinScoreAtItsEdge) {
  CompletionRule rule;
  rule.min_score = 0.7;
  const auto course = Course({A("a"), A("b"), A("c")}, rule);
  // The mean of the scored activities: (0.6 + 0.8) / 2 = 0.7 exactly.
  const auto at_edge = evaluate_completion(
      course, std::vector{Done("a", 0.6), Done("b", 0.8), Done("c")});
  EXPECT_EQ(at_edge.outcome, CourseOutcome::completed);
  EXPECT_DOUBLE_EQ(*at_edge.score, 0.7);
  EXPECT_EQ(Outcome(course, {Done("a", 0.6), Done("b", 0.79), Done("c")}),
            CourseOutcome::failed);
  // No score at all cannot meet a minimum.
  EXPECT_EQ(Outcome(course, {Done("a"), Done("b"), Done("c")}),
            CourseOutcome::failed);
  // Not everything done yet: neither completed nor failed.
  EXPECT_EQ(Outcome(course, {Done("a", 0.1), Done("b", 0.1)}),
            CourseOutcome::incomplete);
}

TEST(CompletionRuleTest, MustPassNamesActivitiesThatNeedAPass) {
  CompletionRule rule;
  rule.must_pass = {"exam"};
  const auto course = Course({A("a"), A("exam", false)}, rule);
  EXPECT_EQ(Outcome(course, {Done("a")}), CourseOutcome::incomplete);
  EXPECT_EQ(Outcome(course, {Done("a"), Done("exam", 0.3, false)}),
            CourseOutcome::failed);
  EXPECT_EQ(Outcome(course, {Done("a"), Done("exam")}), CourseOutcome::failed);
  EXPECT_EQ(Outcome(course, {Done("a"), Done("exam", 0.9, true)}),
            CourseOutcome::completed);
}

TEST(CompletionRuleTest, ProgressOfUnknownActivitiesIsIgnored) {
  const auto course = Course({A("a")});
  EXPECT_EQ(Outcome(course, {Done("removed"), Started("a")}),
            CourseOutcome::incomplete);
  EXPECT_EQ(
      evaluate_completion(course, std::vector{Done("a"), Done("removed", 0.0)})
          .score,
      std::nullopt);
}

}  // namespace
}  // namespace lms
