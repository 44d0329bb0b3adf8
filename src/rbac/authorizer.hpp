// SPDX-License-Identifier: Apache-2.0
//
// The engine's one authorization point. Every API call passes through
// authorize() (or, for list calls, filters through visible_keys()) before it
// reads or writes anything else; check(), explain() and visible() answer
// from the same decide(). This file gathers the inputs -- where the
// resource sits, which roles the actor holds for it, the tenant's role
// definitions and overrides -- and rbac::resolve() decides.
//
// Order of answers, the same whoever asks: an unknown tenant is not_found;
// a resource that does not exist in the tenant is not_found; the system
// principal may do everything; a user who is unknown in the tenant,
// suspended or deprovisioned holds nothing; otherwise Moodle's resolution.
//
// Stateless; thread-safe (a Transaction belongs to its caller's thread).

#pragma once

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "events/event_log.hpp"
#include "lms/access.hpp"
#include "lms/actor.hpp"
#include "lms/permission.hpp"
#include "lms/storage.hpp"
#include "lms/tenant.hpp"
#include "lms/time.hpp"
#include "rbac/resolve.hpp"

namespace lms {

// What an actor brings to every decision in one tenant: whether they hold
// anything at all, their assignments, and the tenant's role definitions and
// overrides. gather_access() is the one place these are read, so that a
// cache can replace it.
struct AccessContext {
  Actor actor = Actor::system();
  TenantId tenant = 0;
  // False for a user who is unknown in the tenant, suspended or
  // deprovisioned; `inactive_reason` then says which ("actor 'k' is
  // suspended").
  bool active = false;
  std::string inactive_reason;
  std::vector<Assignment> assignments;
  rbac::RoleDefinitions roles;
  rbac::OverrideIndex overrides;
};

// REQUIRES: `tenant` exists (or is 0 for the tenant-level calls).
AccessContext gather_access(Transaction& tx, const Actor& actor,
                            TenantId tenant);

// The decision for `ctx`'s actor on a resource at `path` (see
// rbac::resolve), holding the roles of the assignments that cover the path
// and are valid at `now`, then `relationships` (self, manager).
Decision decide(const AccessContext& ctx, Permission permission,
                const Resource& resource, std::span<const Scope> path,
                std::span<const rbac::HeldRole> relationships, Timestamp now);

// The decision on `resource` in `tenant`, gathering everything. Throws
// Error{not_found} for an unknown tenant, or for a resource that does not
// exist (naming `field`).
Decision decide(Transaction& tx, const Actor& actor, TenantId tenant,
                Permission permission, const Resource& resource, Timestamp now,
                std::string_view field = "key");

// decide(), throwing Error{permission_denied} "actor 'k' lacks <permission>
// on <kind> '<key>' in tenant N" when denied. `tenant` 0 addresses the
// tenant-level calls (tenant.manage), which the system principal alone may
// make.
void authorize(Transaction& tx, const Actor& actor, TenantId tenant,
               Permission permission, const Resource& resource, Timestamp now,
               std::string_view field = "key");
// authorize() for `call`'s actor, tenant and time.
void authorize(const Call& call, Permission permission,
               const Resource& resource, std::string_view field = "key");

// No escalation: throws Error{permission_denied} unless `call`'s actor
// holds on `resource` every permission `permissions` allows ("... which
// <what> would grant"). Prohibits may be handed out freely.
void authorize_grant(const Call& call,
                     const std::map<Permission, PermissionValue>& permissions,
                     const Resource& resource, std::string_view what);

// The keys of every record of `kind` (user, org_unit, course) on which
// `actor` holds `permission`, ascending: the same answer as decide() on
// each record, for users from one set-based storage query. Throws
// Error{invalid_argument} naming "kind" for any other kind (the tenant).
// REQUIRES: `tenant` exists.
std::vector<std::string> visible_keys(Transaction& tx, const Actor& actor,
                                      TenantId tenant, Permission permission,
                                      ResourceKind kind, Timestamp now);

}  // namespace lms
