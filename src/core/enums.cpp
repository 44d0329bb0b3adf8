// SPDX-License-Identifier: Apache-2.0
//
// The names of the domain's persisted enums. The tables are indexed by the
// enumerators' values, which are never renumbered. Pure functions;
// thread-safe.

#include "core/enum_names.hpp"
#include "lms/course.hpp"
#include "lms/user.hpp"

namespace lms {
namespace {

constexpr detail::EnumNames<3> kUserStatusNames{"active", "suspended",
                                                "deprovisioned"};
constexpr detail::EnumNames<3> kCourseStatusNames{"draft", "published",
                                                  "archived"};
constexpr detail::EnumNames<5> kActivityKindNames{"lesson", "assessment",
                                                  "scorm", "xapi", "external"};

}  // namespace

std::string_view to_string(UserStatus status) {
  return detail::enum_name(status, kUserStatusNames, "UserStatus");
}

UserStatus parse_user_status(std::string_view text, std::string_view field) {
  return detail::parse_enum<UserStatus>(text, field, kUserStatusNames,
                                        "unknown status");
}

std::string_view to_string(CourseStatus status) {
  return detail::enum_name(status, kCourseStatusNames, "CourseStatus");
}

std::string_view to_string(ActivityKind kind) {
  return detail::enum_name(kind, kActivityKindNames, "ActivityKind");
}

CourseStatus parse_course_status(std::string_view text,
                                 std::string_view field) {
  return detail::parse_enum<CourseStatus>(text, field, kCourseStatusNames,
                                          "unknown status");
}

ActivityKind parse_activity_kind(std::string_view text,
                                 std::string_view field) {
  return detail::parse_enum<ActivityKind>(text, field, kActivityKindNames,
                                          "unknown activity kind");
}

}  // namespace lms
