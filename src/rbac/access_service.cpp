// SPDX-License-Identifier: Apache-2.0
//
// The rules of roles, assignments and overrides (see access_service.hpp).
// Stateless; thread-safe.

#include "rbac/access_service.hpp"

#include <algorithm>
#include <string>
#include <utility>

#include "core/field_error.hpp"
#include "core/validate.hpp"
#include "directory/directory_service.hpp"
#include "lms/error.hpp"
#include "lms/json.hpp"
#include "rbac/authorizer.hpp"
#include "rbac/resolve.hpp"
#include "rbac/scope_path.hpp"

namespace lms {
namespace {

std::string role_label(std::string_view key) {
  return "role " + detail::quote_value(key);
}

Role builtin_role(const RoleSpec& spec) {
  Role role;
  static_cast<RoleSpec&>(role) = spec;
  role.builtin = true;
  return role;
}

std::string scope_label(const Scope& scope) {
  if (scope.kind == ScopeKind::tenant) return "the tenant";
  return std::string{to_string(scope.kind)} + " " +
         detail::quote_value(scope.key);
}

}  // namespace

Role require_role(Transaction& tx, TenantId tenant, std::string_view field,
                  std::string_view key) {
  for (const RoleSpec& spec : rbac::builtin_roles())
    if (spec.key == key) return builtin_role(spec);
  auto role = tx.access().find_role(tenant, key);
  if (!role)
    detail::throw_field_error(ErrorCode::not_found, field,
                              "no " + role_label(key));
  return *std::move(role);
}

Role AccessService::create_role(const Call& call, const RoleSpec& spec) {
  detail::validate_role_spec(spec);
  if (rbac::is_builtin_role(spec.key) ||
      call.tx.access().find_role(call.tenant, spec.key))
    detail::throw_field_error(ErrorCode::already_exists, "key",
                              role_label(spec.key) + " already exists");
  authorize_grant(call, spec.permissions, Resource::tenant(),
                  role_label(spec.key));
  Role role;
  static_cast<RoleSpec&>(role) = spec;
  role.created_at = call.now;
  role.updated_at = call.now;
  call.tx.access().insert_role(call.tenant, role);
  append_event(call, kRoleCreated, role.key, record_payload(to_json(role)));
  return role;
}

Role AccessService::update_role(
    const Call& call, std::string_view key,
    const std::map<Permission, PermissionValue>& permissions) {
  const Role current = require_role(call.tx, call.tenant, "key", key);
  if (current.builtin)
    detail::throw_field_error(ErrorCode::conflict, "key",
                              role_label(key) +
                                  " is built-in; override it at a scope "
                                  "instead");
  detail::validate_role_permissions("permissions", permissions);
  if (current.permissions == permissions) return current;
  authorize_grant(call, permissions, Resource::tenant(), role_label(key));
  Role role = current;
  role.permissions = permissions;
  role.updated_at = call.now;
  call.tx.access().update_role(call.tenant, role);
  append_event(
      call, kRoleUpdated, role.key,
      Json{{"changes", field_changes(to_json(current), to_json(role))}});
  return role;
}

Role AccessService::get_role(const Call& call, std::string_view key) {
  return require_role(call.tx, call.tenant, "key", key);
}

std::vector<Role> AccessService::list_roles(const Call& call) {
  std::vector<Role> roles;
  for (const RoleSpec& spec : rbac::builtin_roles())
    roles.push_back(builtin_role(spec));
  for (Role& role : call.tx.access().list_roles(call.tenant))
    roles.push_back(std::move(role));
  return roles;
}

Assignment AccessService::assign_role(const Call& call,
                                      const AssignmentSpec& spec) {
  detail::validate_assignment_spec(spec);
  const User user =
      require_user(call.tx, call.tenant, "user_key", spec.user_key);
  if (user.status == UserStatus::deprovisioned)
    detail::throw_field_error(
        ErrorCode::invalid_argument, "user_key",
        "user " + detail::quote_value(user.key) + " is deprovisioned");
  const Role role =
      require_role(call.tx, call.tenant, "role_key", spec.role_key);
  authorize_grant(call, role.permissions, rbac::scope_resource(spec.scope),
                  role_label(role.key));
  AssignmentQuery same;
  same.user_key = spec.user_key;
  same.role_key = spec.role_key;
  same.scope = spec.scope;
  for (const Assignment& existing :
       call.tx.access().list_assignments(call.tenant, same))
    if (static_cast<const AssignmentSpec&>(existing) == spec)
      detail::throw_field_error(
          ErrorCode::already_exists, "user_key",
          "user " + detail::quote_value(spec.user_key) + " already has " +
              role_label(spec.role_key) + " at " + scope_label(spec.scope) +
              " (assignment " + std::to_string(existing.id) + ")");
  Assignment assignment;
  static_cast<AssignmentSpec&>(assignment) = spec;
  assignment.created_at = call.now;
  assignment.id = call.tx.access().insert_assignment(call.tenant, assignment);
  append_event(call, kRoleAssigned, assignment.user_key,
               record_payload(to_json(assignment)));
  return assignment;
}

Assignment AccessService::get_assignment(const Call& call, std::int64_t id) {
  auto assignment = call.tx.access().find_assignment(call.tenant, id);
  if (!assignment)
    detail::throw_field_error(ErrorCode::not_found, "assignment_id",
                              "no assignment " + std::to_string(id));
  return *std::move(assignment);
}

void AccessService::unassign_role(const Call& call,
                                  const Assignment& assignment) {
  const Role role =
      require_role(call.tx, call.tenant, "role_key", assignment.role_key);
  authorize_grant(call, role.permissions,
                  rbac::scope_resource(assignment.scope), role_label(role.key));
  call.tx.access().delete_assignment(call.tenant, assignment.id);
  append_event(call, kRoleUnassigned, assignment.user_key,
               record_payload(to_json(assignment)));
}

std::vector<Assignment> AccessService::list_assignments(
    const Call& call, const AssignmentQuery& query) {
  detail::validate_assignment_query(query);
  return call.tx.access().list_assignments(call.tenant, query);
}

void AccessService::set_override(const Call& call, const Override& override) {
  detail::validate_override(override);
  require_role(call.tx, call.tenant, "role_key", override.role_key);
  if (override.value == PermissionValue::allow)
    authorize_grant(call, {{override.permission, override.value}},
                    rbac::scope_resource(override.scope), "the override");
  call.tx.access().put_override(call.tenant, override);
  append_event(call, kOverrideSet, override.role_key, to_json(override));
}

void AccessService::clear_override(const Call& call, std::string_view role_key,
                                   const Scope& scope, Permission permission) {
  detail::validate_key("role_key", role_key);
  detail::validate_scope("scope", scope);
  detail::validate_permission("permission", permission);
  const auto overrides = call.tx.access().list_overrides(call.tenant);
  const auto found =
      std::find_if(overrides.begin(), overrides.end(), [&](const Override& o) {
        return o.role_key == role_key && o.scope == scope &&
               o.permission == permission;
      });
  if (found == overrides.end())
    detail::throw_field_error(ErrorCode::not_found, "permission",
                              "no override of " + role_label(role_key) +
                                  " for " + std::string{to_string(permission)} +
                                  " at " + scope_label(scope));
  call.tx.access().delete_override(call.tenant, role_key, scope, permission);
  append_event(call, kOverrideCleared, found->role_key, to_json(*found));
}

std::vector<Override> AccessService::list_overrides(const Call& call) {
  return call.tx.access().list_overrides(call.tenant);
}

}  // namespace lms
