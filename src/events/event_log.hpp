// SPDX-License-Identifier: Apache-2.0
//
// The context every service works in for one API call, and the one place
// that appends the call's events: the audit trail records who did what, to
// which record, when. Thread safety: a Call belongs to the thread running
// the API call, like its Transaction; the functions are otherwise pure.

#pragma once

#include <string_view>

#include "lms/actor.hpp"
#include "lms/json.hpp"
#include "lms/storage.hpp"
#include "lms/tenant.hpp"
#include "lms/time.hpp"

namespace lms {

// One API call: its transaction, who makes it, the tenant it addresses (0
// for tenant-level calls) and the moment it happens, read once from the
// engine's clock so that a record's timestamps and its event agree.
struct Call {
  Transaction& tx;
  const Actor& actor;
  TenantId tenant;
  Timestamp now;
};

// Event types. Consumers match on these strings; never rename one.
inline constexpr std::string_view kTenantCreated = "tenant.created";
inline constexpr std::string_view kUserCreated = "user.created";
inline constexpr std::string_view kUserUpdated = "user.updated";
inline constexpr std::string_view kOrgUnitCreated = "orgunit.created";
inline constexpr std::string_view kOrgUnitMoved = "orgunit.moved";
inline constexpr std::string_view kCourseCreated = "course.created";
inline constexpr std::string_view kCourseUpdated = "course.updated";
inline constexpr std::string_view kCoursePublished = "course.published";
inline constexpr std::string_view kCourseArchived = "course.archived";
inline constexpr std::string_view kRoleCreated = "role.created";
inline constexpr std::string_view kRoleUpdated = "role.updated";
inline constexpr std::string_view kRoleAssigned = "role.assigned";
inline constexpr std::string_view kRoleUnassigned = "role.unassigned";
inline constexpr std::string_view kOverrideSet = "override.set";
inline constexpr std::string_view kOverrideCleared = "override.cleared";

// Appends an event of `call.tenant` through call.tx.
void append_event(const Call& call, std::string_view type,
                  std::string_view subject, Json payload);

// A record's JSON without created_at/updated_at: the payload of a
// "*.created" event, since the event carries its own time.
Json record_payload(Json record);

// {field: {"from": old, "to": new}} for every field whose value differs
// between two JSON forms of one record, timestamps left out.
Json field_changes(const Json& before, const Json& after);

}  // namespace lms
