// SPDX-License-Identifier: Apache-2.0
//
// Permission resolution, Moodle's rules, as a pure function: given the roles
// an actor holds for a resource, the role definitions, the overrides and the
// resource's scope path, the decision and its reasons. No storage, no clock:
// the caller gathers the inputs. Pure; thread-safe.
//
// The rules (README.md, "Access control"):
// - For each held role, walk the path from the resource's own scope up to
//   the tenant; the nearest override of (role, permission) that says allow
//   or prevent decides for that role; when none does, the role's definition
//   decides (allow, or nothing).
// - A prohibit anywhere -- an override on the path or a definition -- in any
//   held role denies outright.
// - Otherwise the actor is allowed when any role allows. No grant means no.

#pragma once

#include <map>
#include <span>
#include <string>
#include <tuple>
#include <vector>

#include "lms/access.hpp"

namespace lms::rbac {

// A role the actor holds for the resource, and how.
struct HeldRole {
  GrantSource source = GrantSource::assignment;
  std::int64_t assignment_id = 0;
  std::string role_key;
  Scope assigned_at;
};

// role key -> its permissions (built-in and custom roles alike).
using RoleDefinitions =
    std::map<std::string, std::map<Permission, PermissionValue>, std::less<>>;

// (role key, scope, permission) -> value.
using OverrideIndex =
    std::map<std::tuple<std::string, Scope, Permission>, PermissionValue>;

// REQUIRES: `path` runs from the resource's own scope to the tenant scope
// (the last element); every held role's key is in `roles` (an unknown key
// grants nothing).
Decision resolve(Permission permission, const Resource& resource,
                 std::span<const Scope> path, std::span<const HeldRole> held,
                 const RoleDefinitions& roles, const OverrideIndex& overrides);

// The built-in roles, in the order of access.hpp, with their permissions
// (the table in README.md).
const std::vector<RoleSpec>& builtin_roles();

// True for the key of a built-in role.
bool is_builtin_role(std::string_view key);

}  // namespace lms::rbac
