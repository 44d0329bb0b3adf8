// SPDX-License-Identifier: Apache-2.0
//
// The engine's one authorization point: every API call passes through
// authorize() before it reads or writes anything else, so that role-based
// access control can replace the policy here without touching a caller.
// Stateless; thread-safe (a Transaction belongs to its caller's thread).

#pragma once

#include <string_view>

#include "lms/actor.hpp"
#include "lms/storage.hpp"
#include "lms/tenant.hpp"

namespace lms {

// The actions the engine checks, named in messages as "tenant.manage",
// "user.view", ...
enum class Permission {
  tenant_manage,
  user_view,
  user_manage,
  orgunit_view,
  orgunit_manage,
  course_view,
  course_author,
  course_publish,
  events_consume,
};

std::string_view permission_name(Permission permission);

// Throws unless `actor` may do `permission` in `tenant` (0 for the
// tenant-level calls): Error{not_found} when the tenant does not exist,
// Error{permission_denied} when the actor lacks the permission.
//
// Policy until RBAC lands: the system principal may do everything;
// tenant.manage belongs to it alone; an active user of the tenant holds
// the *.view permissions; everyone else is denied.
void authorize(Transaction& tx, const Actor& actor, TenantId tenant,
               Permission permission);

}  // namespace lms
