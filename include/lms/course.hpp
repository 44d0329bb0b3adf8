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

LMS_API std::string_view to_string(CourseStatus status);
LMS_API std::string_view to_string(ActivityKind kind);
// Throw Error{invalid_argument} naming `field` for an unknown name.
LMS_API CourseStatus parse_course_status(std::string_view text,
                                         std::string_view field);
LMS_API ActivityKind parse_activity_kind(std::string_view text,
                                         std::string_view field);

struct Activity {
  std::string key;  // unique within the course
  ActivityKind kind = ActivityKind::lesson;
  std::string title;
  bool required = true;  // counts towards completion

  friend bool operator==(const Activity&, const Activity&) = default;
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
  // Days from enrolment to the due date; nullopt: no default due date.
  std::optional<std::int32_t> default_due_days;

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
