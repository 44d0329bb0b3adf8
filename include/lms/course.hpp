// SPDX-License-Identifier: Apache-2.0
//
// Courses of a tenant's catalog, keyed by the host: a versioned, ordered list
// of activities with prerequisites (a DAG) and compliance periods. Plain
// value types.

#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lms/export.hpp"
#include "lms/time.hpp"

namespace lms {

// Persisted by name; never renumbered.
enum class CourseStatus : std::int32_t {
  draft = 0,
  published = 1,
  archived = 2
};
enum class ActivityKind : std::int32_t {
  lesson = 0,
  assessment = 1,
  scorm = 2,
  xapi = 3,
  external = 4,
};

// What a course's default due period counts from.
enum class DueFrom : std::int32_t {
  enrolment = 0,  // the moment of enrolment
  hire_date = 1,  // the start (UTC) of the user's hire date; users without
                  // one count from enrolment
};
// Which of several scores of one activity counts.
enum class ScorePolicy : std::int32_t { highest = 0, latest = 1 };

LMS_API std::string_view to_string(CourseStatus status);
LMS_API std::string_view to_string(ActivityKind kind);
LMS_API std::string_view to_string(DueFrom from);
LMS_API std::string_view to_string(ScorePolicy policy);
// Throw Error{invalid_argument} naming `field` for an unknown name.
LMS_API CourseStatus parse_course_status(std::string_view text,
                                         std::string_view field);
LMS_API ActivityKind parse_activity_kind(std::string_view text,
                                         std::string_view field);
LMS_API DueFrom parse_due_from(std::string_view text, std::string_view field);
LMS_API ScorePolicy parse_score_policy(std::string_view text,
                                       std::string_view field);

struct Activity {
  std::string key;  // unique within the course
  ActivityKind kind = ActivityKind::lesson;
  std::string title;
  bool required = true;  // counts towards completion

  friend bool operator==(const Activity&, const Activity&) = default;
};

// When an enrolment of the course is complete (README.md, "Enrolment and
// progress"): every required activity completed -- or any
// `required_count` of them -- and then, when set, a mean score of the
// scored required activities of at least `min_score` and a pass on each
// activity of `must_pass`. An enrolment that has every needed activity
// completed but misses the score or a pass has failed.
struct CompletionRule {
  // nullopt: all required activities. 1..their number otherwise.
  std::optional<std::int32_t> required_count;
  // nullopt: no score needed. 0..1 otherwise.
  std::optional<double> min_score;
  // Keys of activities (of any kind) that must be passed.
  std::vector<std::string> must_pass;

  friend bool operator==(const CompletionRule&,
                         const CompletionRule&) = default;
};

struct CourseSpec {
  std::string key;
  std::string title;
  std::string description;
  std::vector<Activity> activities;  // in the order learners meet them
  // Keys of courses that must be completed first. Cycles are refused.
  std::vector<std::string> prerequisites;
  // Days a completion stays valid; nullopt: forever.
  std::optional<std::int32_t> recertification_days;
  // Days from `due_from` to the due date; nullopt: no default due date.
  std::optional<std::int32_t> default_due_days;
  DueFrom due_from = DueFrom::enrolment;
  // Whether learners may enrol themselves (with enrolment.self).
  bool self_enrolment = false;
  // The window for new enrolments, [opens, closes); nullopt: unbounded.
  std::optional<Timestamp> enrolment_opens;
  std::optional<Timestamp> enrolment_closes;
  CompletionRule completion;
  ScorePolicy score_policy = ScorePolicy::highest;

  friend bool operator==(const CourseSpec&, const CourseSpec&) = default;
};

struct Course : CourseSpec {
  std::int32_t version = 1;  // 1 at creation, +1 on every update
  CourseStatus status = CourseStatus::draft;
  Timestamp created_at{};
  Timestamp updated_at{};
};

// A change to some fields of a course; absent fields keep their value.
struct CourseUpdate {
  std::optional<std::string> title;
  std::optional<std::string> description;
  std::optional<std::vector<Activity>> activities;
  std::optional<std::vector<std::string>> prerequisites;
  std::optional<std::optional<std::int32_t>> recertification_days;
  std::optional<std::optional<std::int32_t>> default_due_days;
  std::optional<DueFrom> due_from;
  std::optional<bool> self_enrolment;
  std::optional<std::optional<Timestamp>> enrolment_opens;
  std::optional<std::optional<Timestamp>> enrolment_closes;
  std::optional<CompletionRule> completion;
  std::optional<ScorePolicy> score_policy;
};

// Filters and keyset paging of list_courses, ordered by key.
struct CourseQuery {
  std::optional<CourseStatus> status;
  std::string after;        // Default: from the start.
  std::size_t limit = 100;  // Default: 100. 1..limits::kPageSize.
};

struct CoursePage {
  std::vector<Course> courses;
  std::string next_after;  // empty on the last page
};

}  // namespace lms
