// SPDX-License-Identifier: Apache-2.0
//
// The names of the domain's persisted enums. The tables are indexed by the
// enumerators' values, which are never renumbered. Pure functions;
// thread-safe.

#include <array>
#include <cstddef>
#include <span>

#include "core/enum_names.hpp"
#include "lms/access.hpp"
#include "lms/course.hpp"
#include "lms/enrolment.hpp"
#include "lms/permission.hpp"
#include "lms/progress.hpp"
#include "lms/user.hpp"

namespace lms {
namespace {

constexpr detail::EnumNames<3> kUserStatusNames{"active", "suspended",
                                                "deprovisioned"};
constexpr detail::EnumNames<3> kCourseStatusNames{"draft", "published",
                                                  "archived"};
constexpr detail::EnumNames<5> kActivityKindNames{"lesson", "assessment",
                                                  "scorm", "xapi", "external"};
constexpr detail::EnumNames<2> kDueFromNames{"enrolment", "hire_date"};
constexpr detail::EnumNames<2> kScorePolicyNames{"highest", "latest"};
constexpr detail::EnumNames<7> kEnrolmentStatusNames{
    "locked", "enrolled",  "in_progress", "completed",
    "failed", "withdrawn", "expired"};
constexpr detail::EnumNames<5> kEnrolmentSourceNames{"manual", "self", "import",
                                                     "audience", "path"};
constexpr detail::EnumNames<3> kActivityStateNames{"not_started", "in_progress",
                                                   "completed"};
constexpr detail::EnumNames<kPermissionCount> kPermissionNames{
    "tenant.manage",   "user.view",        "user.manage",    "orgunit.view",
    "orgunit.manage",  "course.view",      "course.author",  "course.publish",
    "enrolment.view",  "enrolment.manage", "enrolment.self", "progress.view",
    "progress.record", "attempt.take",     "attempt.grade",  "grade.override",
    "report.view",     "role.manage",      "role.assign",    "audit.view",
    "events.consume"};
constexpr detail::EnumNames<3> kScopeKindNames{"tenant", "org_unit", "course"};
constexpr detail::EnumNames<3> kPermissionValueNames{"allow", "prevent",
                                                     "prohibit"};
constexpr detail::EnumNames<4> kResourceKindNames{"tenant", "user", "org_unit",
                                                  "course"};
constexpr detail::EnumNames<3> kGrantSourceNames{"assignment", "self",
                                                 "manager"};

// Every permission in enum order: the enumerators are 0..kPermissionCount-1
// with no gaps, as kPermissionNames is.
constexpr auto kAllPermissions = [] {
  std::array<Permission, kPermissionCount> all{};
  for (std::size_t i = 0; i < kPermissionCount; ++i) {
    all[i] = static_cast<Permission>(i);
  }
  return all;
}();

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

std::string_view to_string(DueFrom from) {
  return detail::enum_name(from, kDueFromNames, "DueFrom");
}

std::string_view to_string(ScorePolicy policy) {
  return detail::enum_name(policy, kScorePolicyNames, "ScorePolicy");
}

DueFrom parse_due_from(std::string_view text, std::string_view field) {
  return detail::parse_enum<DueFrom>(text, field, kDueFromNames,
                                     "unknown due_from");
}

ScorePolicy parse_score_policy(std::string_view text, std::string_view field) {
  return detail::parse_enum<ScorePolicy>(text, field, kScorePolicyNames,
                                         "unknown score policy");
}

std::string_view to_string(EnrolmentStatus status) {
  return detail::enum_name(status, kEnrolmentStatusNames, "EnrolmentStatus");
}

std::string_view to_string(EnrolmentSource source) {
  return detail::enum_name(source, kEnrolmentSourceNames, "EnrolmentSource");
}

EnrolmentStatus parse_enrolment_status(std::string_view text,
                                       std::string_view field) {
  return detail::parse_enum<EnrolmentStatus>(text, field, kEnrolmentStatusNames,
                                             "unknown enrolment status");
}

EnrolmentSource parse_enrolment_source(std::string_view text,
                                       std::string_view field) {
  return detail::parse_enum<EnrolmentSource>(text, field, kEnrolmentSourceNames,
                                             "unknown enrolment source");
}

bool is_active(EnrolmentStatus status) {
  return status == EnrolmentStatus::locked ||
         status == EnrolmentStatus::enrolled ||
         status == EnrolmentStatus::in_progress;
}

std::string_view to_string(ActivityState state) {
  return detail::enum_name(state, kActivityStateNames, "ActivityState");
}

ActivityState parse_activity_state(std::string_view text,
                                   std::string_view field) {
  return detail::parse_enum<ActivityState>(text, field, kActivityStateNames,
                                           "unknown activity state");
}

std::span<const Permission> all_permissions() { return kAllPermissions; }

std::string_view to_string(Permission permission) {
  return detail::enum_name(permission, kPermissionNames, "Permission");
}

Permission parse_permission(std::string_view text, std::string_view field) {
  return detail::parse_enum<Permission>(text, field, kPermissionNames,
                                        "unknown permission");
}

std::string_view to_string(ScopeKind kind) {
  return detail::enum_name(kind, kScopeKindNames, "ScopeKind");
}

ScopeKind parse_scope_kind(std::string_view text, std::string_view field) {
  return detail::parse_enum<ScopeKind>(text, field, kScopeKindNames,
                                       "unknown scope kind");
}

std::string_view to_string(PermissionValue value) {
  return detail::enum_name(value, kPermissionValueNames, "PermissionValue");
}

PermissionValue parse_permission_value(std::string_view text,
                                       std::string_view field) {
  return detail::parse_enum<PermissionValue>(text, field, kPermissionValueNames,
                                             "unknown permission value");
}

std::string_view to_string(ResourceKind kind) {
  return detail::enum_name(kind, kResourceKindNames, "ResourceKind");
}

ResourceKind parse_resource_kind(std::string_view text,
                                 std::string_view field) {
  return detail::parse_enum<ResourceKind>(text, field, kResourceKindNames,
                                          "unknown resource kind");
}

std::string_view to_string(GrantSource source) {
  return detail::enum_name(source, kGrantSourceNames, "GrantSource");
}

}  // namespace lms
