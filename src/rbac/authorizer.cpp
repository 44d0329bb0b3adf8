// SPDX-License-Identifier: Apache-2.0
//
// The skeleton authorization policy (see authorizer.hpp). Stateless;
// thread-safe.

#include "rbac/authorizer.hpp"

#include <string>

#include "core/field_error.hpp"
#include "directory/directory_service.hpp"
#include "lms/error.hpp"

namespace lms {
namespace {

bool is_view(Permission permission) {
  return permission == Permission::user_view ||
         permission == Permission::orgunit_view ||
         permission == Permission::course_view;
}

// An active user of `tenant` holds the read-only permissions; a suspended
// or deprovisioned one holds nothing.
bool user_holds(Transaction& tx, const Actor& actor, TenantId tenant,
                Permission permission) {
  if (tenant == 0 || !is_view(permission)) return false;
  const auto user = tx.directory().find_user(tenant, actor.user_key());
  return user && user->status == UserStatus::active;
}

}  // namespace

std::string_view permission_name(Permission permission) {
  switch (permission) {
    case Permission::tenant_manage:
      return "tenant.manage";
    case Permission::user_view:
      return "user.view";
    case Permission::user_manage:
      return "user.manage";
    case Permission::orgunit_view:
      return "orgunit.view";
    case Permission::orgunit_manage:
      return "orgunit.manage";
    case Permission::course_view:
      return "course.view";
    case Permission::course_author:
      return "course.author";
    case Permission::course_publish:
      return "course.publish";
    case Permission::events_consume:
      return "events.consume";
  }
  return "unknown";
}

void authorize(Transaction& tx, const Actor& actor, TenantId tenant,
               Permission permission) {
  // An unknown tenant is reported as such to everyone, so that the answer
  // does not depend on who asks.
  if (tenant != 0) require_tenant(tx, tenant);
  if (actor.is_system()) return;
  if (user_holds(tx, actor, tenant, permission)) return;
  std::string message = "actor " + detail::quote_value(actor.user_key()) +
                        " lacks " + std::string{permission_name(permission)};
  if (tenant != 0) message += " in tenant " + std::to_string(tenant);
  throw Error(ErrorCode::permission_denied, message);
}

}  // namespace lms
