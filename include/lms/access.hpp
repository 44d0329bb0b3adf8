// SPDX-License-Identifier: Apache-2.0
//
// The value types of access control, in Moodle's terms: roles map
// permissions to allow or prohibit; assignments give a user a role at a
// scope (the tenant, an org-unit subtree, a course); overrides change a
// role's permission at a scope to allow, prevent or prohibit; a Decision
// says what was decided and why. Plain value types; see engine.hpp for the
// calls and README.md ("Access control") for the resolution rules.

#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lms/export.hpp"
#include "lms/permission.hpp"
#include "lms/time.hpp"

namespace lms {

// Persisted by name; never renumbered.
enum class ScopeKind : std::int32_t { tenant = 0, org_unit = 1, course = 2 };

// Where an assignment or override applies. The tenant covers everything;
// an org unit covers its subtree and the users in it; a course covers its
// enrolments, attempts and progress.
struct Scope {
  ScopeKind kind = ScopeKind::tenant;
  std::string key;  // the org unit's or course's key; empty for the tenant

  static Scope tenant() { return {}; }
  static Scope org_unit(std::string key) {
    return {ScopeKind::org_unit, std::move(key)};
  }
  static Scope course(std::string key) {
    return {ScopeKind::course, std::move(key)};
  }
  friend bool operator==(const Scope&, const Scope&) = default;
  friend auto operator<=>(const Scope&, const Scope&) = default;
};

// What a role definition or an override says of a permission. Persisted by
// name; never renumbered.
enum class PermissionValue : std::int32_t {
  allow = 0,
  prevent = 1,   // overrides only: cancels this role's allow here and below
  prohibit = 2,  // denies outright, whatever any other role says
};

LMS_API std::string_view to_string(ScopeKind kind);
LMS_API std::string_view to_string(PermissionValue value);
// Throw Error{invalid_argument} naming `field` for an unknown name.
LMS_API ScopeKind parse_scope_kind(std::string_view text,
                                   std::string_view field);
LMS_API PermissionValue parse_permission_value(std::string_view text,
                                               std::string_view field);

// Keys of the built-in roles. Every tenant has them; they cannot be
// changed, only overridden at a scope.
inline constexpr std::string_view kRoleTenantAdmin = "tenant_admin";
inline constexpr std::string_view kRoleAuthor = "author";
inline constexpr std::string_view kRoleInstructor = "instructor";
inline constexpr std::string_view kRoleManager = "manager";
inline constexpr std::string_view kRoleLearner = "learner";
inline constexpr std::string_view kRoleAuditor = "auditor";

struct RoleSpec {
  std::string key;
  std::string name;
  // allow or prohibit for each permission the role mentions; a permission
  // it does not mention is not granted. (prevent is for overrides.)
  std::map<Permission, PermissionValue> permissions;

  friend bool operator==(const RoleSpec&, const RoleSpec&) = default;
};

struct Role : RoleSpec {
  bool builtin = false;
  Timestamp created_at{};  // the epoch for built-in roles
  Timestamp updated_at{};
};

// Gives `user_key` the role `role_key` at `scope`, optionally only within
// [valid_from, valid_until).
struct AssignmentSpec {
  std::string user_key;
  std::string role_key;
  Scope scope;
  std::optional<Timestamp> valid_from;
  std::optional<Timestamp> valid_until;

  friend bool operator==(const AssignmentSpec&,
                         const AssignmentSpec&) = default;
};

struct Assignment : AssignmentSpec {
  std::int64_t id = 0;  // assigned by the engine, unique per storage
  Timestamp created_at{};
};

// Filters of list_assignments; every field that is set must match.
struct AssignmentQuery {
  std::optional<std::string> user_key;
  std::optional<std::string> role_key;
  std::optional<Scope> scope;
};

// Role `role_key`'s `permission` is `value` at `scope` and below.
struct Override {
  std::string role_key;
  Scope scope;
  Permission permission = Permission::user_view;
  PermissionValue value = PermissionValue::allow;

  friend bool operator==(const Override&, const Override&) = default;
};

// What a permission is checked against.
enum class ResourceKind : std::int32_t {
  tenant = 0,
  user = 1,
  org_unit = 2,
  course = 3,
};

struct Resource {
  ResourceKind kind = ResourceKind::tenant;
  std::string key;  // empty for the tenant

  static Resource tenant() { return {}; }
  static Resource user(std::string key) {
    return {ResourceKind::user, std::move(key)};
  }
  static Resource org_unit(std::string key) {
    return {ResourceKind::org_unit, std::move(key)};
  }
  static Resource course(std::string key) {
    return {ResourceKind::course, std::move(key)};
  }
  friend bool operator==(const Resource&, const Resource&) = default;
};

LMS_API std::string_view to_string(ResourceKind kind);
LMS_API ResourceKind parse_resource_kind(std::string_view text,
                                         std::string_view field);

// How the actor came to hold a role for the resource.
enum class GrantSource : std::int32_t {
  assignment = 0,  // an explicit assignment
  self = 1,        // the resource is the actor's own record: learner role
  manager = 2,     // the actor is above the subject in the manager chain
};

LMS_API std::string_view to_string(GrantSource source);

// One role's verdict in a decision.
struct RoleVerdict {
  GrantSource source = GrantSource::assignment;
  std::int64_t assignment_id = 0;  // 0 unless source is assignment
  std::string role_key;
  Scope assigned_at;  // the assignment's scope (relationships: the tenant)
  // The scope of the override that decided, or nullopt when the role's
  // definition decided.
  std::optional<Scope> decided_at;
  // allow, prevent or prohibit; nullopt when the role says nothing of the
  // permission.
  std::optional<PermissionValue> value;
};

struct Decision {
  bool allowed = false;
  Permission permission = Permission::user_view;
  Resource resource;
  // Every role the actor holds that covers the resource, in the order
  // assignments, self, manager.
  std::vector<RoleVerdict> roles;
  // The first prohibit found, which denied outright.
  std::optional<RoleVerdict> prohibited_by;
  // One sentence: "allowed: role 'instructor' (assignment 7 at course
  // 'c1') allows course.view", "denied: no role grants user.manage", ...
  std::string reason;
};

}  // namespace lms
