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
// Stateless but for the access cache; thread-safe (a Call belongs to its
// caller's thread).

#pragma once

#include <map>
#include <memory>
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
#include "rbac/access_cache.hpp"
#include "rbac/resolve.hpp"

namespace lms {

// What an actor brings to every decision in one tenant: whether they hold
// anything at all, their assignments, and the tenant's policy.
// gather_access() is the one place these are read, through the access
// cache when the call has one.
struct AccessContext {
  Actor actor = Actor::system();
  TenantId tenant = 0;
  // False for a user who is unknown in the tenant, suspended or
  // deprovisioned; `inactive_reason` then says which ("actor 'k' is
  // suspended"), and nothing else is gathered.
  bool active = false;
  std::string inactive_reason;
  std::shared_ptr<const std::vector<Assignment>> assignments;
  std::shared_ptr<const AccessPolicy> policy;
  // When what was gathered may be served from the cache.
  Validity validity;
};

// The context of `call`'s actor in `call.tenant` (0 for the tenant-level
// calls). REQUIRES: the tenant exists.
AccessContext gather_access(const Call& call);

// The decision for `ctx`'s actor on a resource at `path` (see
// rbac::resolve), holding the roles of the assignments that cover the path
// and are valid at `now`, then `relationships` (self, manager).
Decision decide(const AccessContext& ctx, Permission permission,
                const Resource& resource, std::span<const Scope> path,
                std::span<const rbac::HeldRole> relationships, Timestamp now);

// The decision for `call`'s actor on `resource`, served from and kept in
// the call's cache. Throws Error{not_found} for an unknown tenant, or for a
// resource that does not exist (naming `field`).
Decision decide(const Call& call, Permission permission,
                const Resource& resource, std::string_view field = "key");

// decide(), throwing Error{permission_denied} "actor 'k' lacks <permission>
// on <kind> '<key>' in tenant N" when denied. `call.tenant` 0 addresses the
// tenant-level calls (tenant.manage), which the system principal alone may
// make.
void authorize(const Call& call, Permission permission,
               const Resource& resource, std::string_view field = "key");

// The decision for `call`'s actor on the enrolment of `user_key` in
// `course_key`, and on its progress. An enrolment sits under both: its path
// is the course, then the user's org units up to the tenant -- so an
// assignment at the course (an instructor), at a unit above the user or at
// the tenant covers it, the user's relationships hold (the learner on their
// own, their managers), and an override at the course is the nearest.
// Throws Error{not_found} for an unknown tenant, and naming "user_key" or
// "course_key" for an unknown user or course unless the actor is the
// system principal (the services check those for every call).
Decision decide_enrolment(const Call& call, Permission permission,
                          std::string_view user_key,
                          std::string_view course_key);

// decide_enrolment(), throwing Error{permission_denied} "actor 'k' lacks
// <permission> on the enrolment of user 'u' in course 'c' in tenant N".
void authorize_enrolment(const Call& call, Permission permission,
                         std::string_view user_key,
                         std::string_view course_key);

// No escalation: throws Error{permission_denied} unless `call`'s actor
// holds on `resource` every permission `permissions` allows ("... which
// <what> would grant"). Prohibits may be handed out freely.
void authorize_grant(const Call& call,
                     const std::map<Permission, PermissionValue>& permissions,
                     const Resource& resource, std::string_view what);

// The keys of every record of `kind` (user, org_unit, course) on which
// `call`'s actor holds `permission`, ascending: the same answer as decide() on
// each record, for users from one set-based storage query. Throws
// Error{invalid_argument} naming "kind" for any other kind (the tenant).
// REQUIRES: `tenant` exists.
std::vector<std::string> visible_keys(const Call& call, Permission permission,
                                      ResourceKind kind);

}  // namespace lms
