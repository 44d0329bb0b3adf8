// SPDX-License-Identifier: Apache-2.0
//
// Roles, assignments and overrides, with their rules: keys valid and
// unique (built-in roles included), references existing in the tenant,
// deprovisioned users assigned nothing, validity windows not empty -- and
// no escalation: whoever creates or changes a role, assigns one or allows a
// permission by override must hold what they hand out (authorize_grant).
// Every function works inside the Call's transaction and appends the
// events of its changes there; the caller has checked role.manage or
// role.assign at the scope. Stateless; thread-safe.

#pragma once

#include <cstdint>
#include <map>
#include <string_view>
#include <vector>

#include "events/event_log.hpp"
#include "lms/access.hpp"

namespace lms {

// Role `key` of `tenant`, built-in or custom; Error{not_found} naming
// `field` when there is none.
Role require_role(Transaction& tx, TenantId tenant, std::string_view field,
                  std::string_view key);

class AccessService {
 public:
  // Throws already_exists for a taken key (a built-in role's included),
  // permission_denied when the actor lacks a permission the role allows.
  Role create_role(const Call& call, const RoleSpec& spec);
  // Throws not_found for an unknown role, conflict for a built-in one. An
  // update that changes nothing writes nothing.
  Role update_role(const Call& call, std::string_view key,
                   const std::map<Permission, PermissionValue>& permissions);
  Role get_role(const Call& call, std::string_view key);
  // Built-in roles in the order of access.hpp, then custom ones by key.
  std::vector<Role> list_roles(const Call& call);

  // REQUIRES: the scope exists. Throws not_found for an unknown user or
  // role, invalid_argument for a deprovisioned user or an empty window,
  // already_exists for an identical assignment, permission_denied when the
  // actor lacks at the scope a permission the role allows.
  Assignment assign_role(const Call& call, const AssignmentSpec& spec);
  // Assignment `id` of the tenant; not_found naming "assignment_id".
  Assignment get_assignment(const Call& call, std::int64_t id);
  // Removes `assignment` (from get_assignment); permission_denied when the
  // actor lacks at its scope a permission its role allows.
  void unassign_role(const Call& call, const Assignment& assignment);
  std::vector<Assignment> list_assignments(const Call& call,
                                           const AssignmentQuery& query);

  // REQUIRES: the scope exists. Throws not_found for an unknown role,
  // permission_denied for allowing a permission the actor lacks there.
  void set_override(const Call& call, const Override& override);
  // Throws not_found when there is no such override.
  void clear_override(const Call& call, std::string_view role_key,
                      const Scope& scope, Permission permission);
  std::vector<Override> list_overrides(const Call& call);
};

}  // namespace lms
