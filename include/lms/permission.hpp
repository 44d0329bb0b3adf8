// SPDX-License-Identifier: Apache-2.0
//
// The fixed catalogue of permissions: one named action for every operation
// of the API. The table of what each guards and which built-in roles hold
// it is in README.md ("Access control"). Pure functions; thread-safe.

#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "lms/export.hpp"

namespace lms {

// Persisted by name ("user.view"); the numbers are never renumbered.
enum class Permission : std::int32_t {
  tenant_manage = 0,     // create, read and list tenants (system only)
  user_view = 1,         // read users
  user_manage = 2,       // create, update and sync users
  orgunit_view = 3,      // read org units
  orgunit_manage = 4,    // create and move org units
  course_view = 5,       // read courses
  course_author = 6,     // create and change courses
  course_publish = 7,    // publish and archive courses
  enrolment_view = 8,    // read enrolments
  enrolment_manage = 9,  // enrol others, withdraw
  enrolment_self = 10,   // enrol oneself where the course allows it
  progress_view = 11,    // read progress and completions
  progress_record = 12,  // record progress
  attempt_take = 13,     // start and submit assessment attempts
  attempt_grade = 14,    // grade attempts
  grade_override = 15,   // override gradebook results
  report_view = 16,      // run reports
  role_manage = 17,      // create and change roles and overrides
  role_assign = 18,      // assign and unassign roles
  audit_view = 19,       // read the audit trail
  events_consume = 20,   // read the event feed
};

inline constexpr std::size_t kPermissionCount = 21;

// Every permission, in enum order.
LMS_API std::span<const Permission> all_permissions();

// "user.view".
LMS_API std::string_view to_string(Permission permission);
// Throws Error{invalid_argument} naming `field` for an unknown name.
LMS_API Permission parse_permission(std::string_view text,
                                    std::string_view field);

}  // namespace lms
