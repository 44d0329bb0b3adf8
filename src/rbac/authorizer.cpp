// SPDX-License-Identifier: Apache-2.0
//
// The authorization point (see authorizer.hpp): gathering the inputs of
// rbac::resolve, turning a denial into Error{permission_denied}, and
// computing visibility sets that agree with decide() record by record.
// Stateless but for the access cache; thread-safe.

#include "rbac/authorizer.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <tuple>
#include <utility>

#include "core/field_error.hpp"
#include "directory/directory_service.hpp"
#include "lms/error.hpp"
#include "lms/limits.hpp"
#include "rbac/directory_facts.hpp"
#include "rbac/scope_path.hpp"

namespace lms {
namespace {

rbac::HeldRole relationship(GrantSource source, std::string_view role_key) {
  return {source, 0, std::string{role_key}, Scope::tenant()};
}

// The roles `ctx`'s actor holds for user `subject` without an assignment:
// the learner role on their own record, the manager role over everyone
// below them in the manager chain.
std::vector<rbac::HeldRole> relationships(rbac::DirectoryFacts& facts,
                                          const AccessContext& ctx,
                                          const Resource& resource) {
  if (resource.kind != ResourceKind::user || !ctx.active ||
      ctx.actor.is_system())
    return {};
  const std::string& me = ctx.actor.user_key();
  if (resource.key == me)
    return {relationship(GrantSource::self, kRoleLearner)};
  const auto chain = facts.manager_chain(resource.key);
  if (std::find(chain.begin(), chain.end(), me) != chain.end())
    return {relationship(GrantSource::manager, kRoleManager)};
  return {};
}

std::string describe(const Resource& resource) {
  if (resource.kind == ResourceKind::tenant) return "the tenant";
  return std::string{to_string(resource.kind)} + " " +
         detail::quote_value(resource.key);
}

std::string denial(const Actor& actor, TenantId tenant, Permission permission,
                   const Resource& resource) {
  std::string message = "actor " + detail::quote_value(actor.user_key()) +
                        " lacks " + std::string{to_string(permission)};
  if (tenant != 0)
    message +=
        " on " + describe(resource) + " in tenant " + std::to_string(tenant);
  return message;
}

std::vector<Scope> path_of(rbac::DirectoryFacts& facts, TenantId tenant,
                           const Resource& resource, std::string_view field) {
  if (tenant == 0) return {Scope::tenant()};
  facts.require_tenant();
  return facts.path(resource, field);
}

std::vector<std::string> all_course_keys(Transaction& tx, TenantId tenant) {
  std::vector<std::string> keys;
  CourseQuery query;
  query.limit = limits::kPageSize;
  do {
    CoursePage page = tx.catalog().list_courses(tenant, query);
    for (Course& course : page.courses) keys.push_back(std::move(course.key));
    query.after = std::move(page.next_after);
  } while (!query.after.empty());
  return keys;
}

// Users: decide() per place a user can sit (no org unit, or each unit),
// once for the roles of the actor's assignments alone and once with the
// manager role added, then one storage query matching the union of the
// clauses that result. A few configurations the clauses cannot express --
// an override prohibiting for the manager or learner role where
// assignments allow -- fall back to deciding user by user, so the answer
// is always the same as decide() on each record.
std::vector<std::string> visible_users(Transaction& tx,
                                       const AccessContext& ctx,
                                       Permission permission, Timestamp now) {
  auto& directory = tx.directory();
  const std::string& me = ctx.actor.user_key();
  const auto subject = directory.find_user(ctx.tenant, me);
  if (!subject)
    throw Error(ErrorCode::internal, "actor " + detail::quote_value(me) +
                                         " vanished within a transaction");
  const rbac::OrgTree tree(directory.list_org_subtree(ctx.tenant, ""));
  const rbac::HeldRole manager[] = {
      relationship(GrantSource::manager, kRoleManager)};
  const rbac::HeldRole self[] = {relationship(GrantSource::self, kRoleLearner)};
  const auto allows = [&](std::string_view unit,
                          std::span<const rbac::HeldRole> held) {
    return decide(ctx, permission, Resource::user(me), tree.path(unit), held,
                  now)
        .allowed;
  };

  UserVisibility visibility;
  bool exact = true;
  bool everyone = true;
  bool any_report = false;
  std::vector<std::string> places{""};
  for (const OrgUnit& unit : tree.units()) places.push_back(unit.key);
  for (const std::string& place : places) {
    const bool assigned = allows(place, {});
    const bool as_manager = allows(place, manager);
    // A report there would be visible through the org-unit clause although
    // the manager role prohibits.
    if (assigned && !as_manager) exact = false;
    everyone = everyone && assigned;
    any_report = any_report || as_manager;
    if (!as_manager) visibility.reports_excluded_org_units.push_back(place);
    if (assigned && place.empty()) visibility.without_org_unit = true;
    if (assigned && !place.empty()) visibility.org_units.push_back(place);
  }
  const bool self_allowed = allows(subject->org_unit, self);
  if (everyone) {
    visibility = UserVisibility{};
    visibility.everyone = true;
    if (!self_allowed) exact = false;
  } else {
    if (any_report) {
      visibility.reports_of = me;
    } else {
      visibility.reports_excluded_org_units.clear();
    }
    std::sort(visibility.org_units.begin(), visibility.org_units.end());
    std::sort(visibility.reports_excluded_org_units.begin(),
              visibility.reports_excluded_org_units.end());
    const bool own_unit_allowed =
        subject->org_unit.empty()
            ? visibility.without_org_unit
            : std::binary_search(visibility.org_units.begin(),
                                 visibility.org_units.end(), subject->org_unit);
    if (self_allowed) {
      visibility.self = me;
    } else if (own_unit_allowed) {
      exact = false;
    }
  }
  if (exact) return directory.visible_user_keys(ctx.tenant, visibility);

  UserVisibility reports_only;
  reports_only.reports_of = me;
  const auto report_keys =
      directory.visible_user_keys(ctx.tenant, reports_only);
  const std::set<std::string, std::less<>> reports(report_keys.begin(),
                                                   report_keys.end());
  std::vector<std::string> keys;
  const auto all_keys = directory.list_user_keys(ctx.tenant);
  for (const User& user : directory.find_users(ctx.tenant, all_keys)) {
    std::span<const rbac::HeldRole> held;
    if (user.key == me) held = self;
    if (reports.contains(user.key)) held = manager;
    if (decide(ctx, permission, Resource::user(user.key),
               tree.path(user.org_unit), held, now)
            .allowed)
      keys.push_back(user.key);
  }
  return keys;
}

// The tenant's role definitions, built-in and custom, and its overrides.
AccessPolicy read_policy(Transaction& tx, TenantId tenant) {
  AccessPolicy policy;
  auto& access = tx.access();
  for (const RoleSpec& role : rbac::builtin_roles())
    policy.roles.emplace(role.key, role.permissions);
  for (Role& role : access.list_roles(tenant))
    policy.roles.emplace(std::move(role.key), std::move(role.permissions));
  for (Override& o : access.list_overrides(tenant))
    policy.overrides.emplace(
        std::tuple{std::move(o.role_key), std::move(o.scope), o.permission},
        o.value);
  return policy;
}

}  // namespace

AccessContext gather_access(const Call& call) {
  AccessContext ctx;
  ctx.actor = call.actor;
  ctx.tenant = call.tenant;
  if (call.actor.is_system()) {
    ctx.active = true;
    return ctx;
  }
  const std::string& key = call.actor.user_key();
  const std::string who = "actor " + detail::quote_value(key);
  if (call.tenant == 0) {
    ctx.inactive_reason = "only the system principal may act across tenants";
    return ctx;
  }
  rbac::DirectoryFacts facts(call, ctx.validity);
  const auto user = facts.find_user(key);
  if (!user) {
    ctx.inactive_reason =
        who + " is not a user of tenant " + std::to_string(call.tenant);
    return ctx;
  }
  if (user->status != UserStatus::active) {
    ctx.inactive_reason = who + " is " + std::string{to_string(user->status)};
    return ctx;
  }
  ctx.active = true;
  ctx.assignments = read_through(
      call, ctx.validity,
      [&](const AccessCache& cache) {
        return cache.assignments(call.tenant, key, call.now);
      },
      [&] {
        AssignmentQuery mine;
        mine.user_key = key;
        return call.tx.access().list_assignments(call.tenant, mine);
      },
      [&](AccessCache& cache, std::uint64_t generation, auto entry) {
        cache.store_assignments(generation, call.tenant, key, std::move(entry));
      });
  ctx.policy = read_through(
      call, ctx.validity,
      [&](const AccessCache& cache) {
        return cache.policy(call.tenant, call.now);
      },
      [&] { return read_policy(call.tx, call.tenant); },
      [&](AccessCache& cache, std::uint64_t generation, auto entry) {
        cache.store_policy(generation, call.tenant, std::move(entry));
      });
  return ctx;
}

Decision decide(const AccessContext& ctx, Permission permission,
                const Resource& resource, std::span<const Scope> path,
                std::span<const rbac::HeldRole> relationships, Timestamp now) {
  if (ctx.actor.is_system() || !ctx.active) {
    Decision decision;
    decision.allowed = ctx.actor.is_system();
    decision.permission = permission;
    decision.resource = resource;
    decision.reason = decision.allowed
                          ? "allowed: the system principal may do everything"
                          : "denied: " + ctx.inactive_reason;
    return decision;
  }
  std::vector<rbac::HeldRole> held;
  for (const Assignment& a : *ctx.assignments) {
    if (validity_of(a).contains(now) &&
        std::find(path.begin(), path.end(), a.scope) != path.end())
      held.push_back({GrantSource::assignment, a.id, a.role_key, a.scope});
  }
  held.insert(held.end(), relationships.begin(), relationships.end());
  return rbac::resolve(permission, resource, path, held, ctx.policy->roles,
                       ctx.policy->overrides);
}

Decision decide(const Call& call, Permission permission,
                const Resource& resource, std::string_view field) {
  AccessCache* cache = usable_cache(call);
  const std::string& user = call.actor.user_key();
  if (cache) {
    if (const auto cached =
            cache->decision(call.tenant, user, permission, resource, call.now))
      return *cached;
  }
  Validity validity;
  rbac::DirectoryFacts facts(call, validity);
  const auto path = path_of(facts, call.tenant, resource, field);
  const AccessContext ctx = gather_access(call);
  Decision decision = decide(ctx, permission, resource, path,
                             relationships(facts, ctx, resource), call.now);
  if (cache) {
    // What was found missing is not cached, so the TTL bounds too.
    validity = validity & ctx.validity & cache->fresh(call.now);
    if (ctx.assignments)
      validity = validity & assignment_validity(*ctx.assignments, call.now);
    cache->store_decision(call.cache->generation(), call.tenant, user, validity,
                          decision);
  }
  return decision;
}

void authorize(const Call& call, Permission permission,
               const Resource& resource, std::string_view field) {
  if (!decide(call, permission, resource, field).allowed)
    throw Error(ErrorCode::permission_denied,
                denial(call.actor, call.tenant, permission, resource));
}

Decision decide_enrolment(const Call& call, Permission permission,
                          std::string_view user_key,
                          std::string_view course_key) {
  Validity validity;
  rbac::DirectoryFacts facts(call, validity);
  facts.require_tenant();
  const Resource user = Resource::user(std::string{user_key});
  // The system principal may do everything, and the services find (or
  // miss) the user and course themselves: its calls skip the lookups.
  if (call.actor.is_system())
    return decide(gather_access(call), permission, user, {}, {}, call.now);
  const auto user_path = facts.path(user, "user_key");
  facts.path(Resource::course(std::string{course_key}), "course_key");
  std::vector<Scope> path{Scope::course(std::string{course_key})};
  path.insert(path.end(), user_path.begin(), user_path.end());
  const AccessContext ctx = gather_access(call);
  return decide(ctx, permission, user, path, relationships(facts, ctx, user),
                call.now);
}

void authorize_enrolment(const Call& call, Permission permission,
                         std::string_view user_key,
                         std::string_view course_key) {
  if (!decide_enrolment(call, permission, user_key, course_key).allowed)
    throw Error(ErrorCode::permission_denied,
                "actor " + detail::quote_value(call.actor.user_key()) +
                    " lacks " + std::string{to_string(permission)} +
                    " on the enrolment of user " +
                    detail::quote_value(user_key) + " in course " +
                    detail::quote_value(course_key) + " in tenant " +
                    std::to_string(call.tenant));
}

void authorize_grant(const Call& call,
                     const std::map<Permission, PermissionValue>& permissions,
                     const Resource& resource, std::string_view what) {
  if (call.actor.is_system()) return;
  Validity validity;
  rbac::DirectoryFacts facts(call, validity);
  const auto path = path_of(facts, call.tenant, resource, "key");
  const AccessContext ctx = gather_access(call);
  const auto held = relationships(facts, ctx, resource);
  for (const auto& [permission, value] : permissions) {
    if (value != PermissionValue::allow) continue;
    if (!decide(ctx, permission, resource, path, held, call.now).allowed)
      throw Error(ErrorCode::permission_denied,
                  denial(call.actor, call.tenant, permission, resource) +
                      ", which " + std::string{what} + " would grant");
  }
}

std::vector<std::string> visible_keys(const Call& call, Permission permission,
                                      ResourceKind kind) {
  if (kind != ResourceKind::user && kind != ResourceKind::org_unit &&
      kind != ResourceKind::course)
    detail::throw_field_error(
        ErrorCode::invalid_argument, "kind", "must be user, org_unit or course",
        kind == ResourceKind::tenant
            ? std::string{"tenant"}
            : std::to_string(static_cast<std::int32_t>(kind)));
  const AccessContext ctx = gather_access(call);
  if (!ctx.active) return {};
  Transaction& tx = call.tx;
  const TenantId tenant = call.tenant;
  const Timestamp now = call.now;
  if (kind == ResourceKind::user) {
    if (call.actor.is_system()) return tx.directory().list_user_keys(tenant);
    return visible_users(tx, ctx, permission, now);
  }
  std::vector<std::string> keys;
  if (kind == ResourceKind::org_unit) {
    const rbac::OrgTree tree(tx.directory().list_org_subtree(tenant, ""));
    for (const OrgUnit& unit : tree.units()) {
      if (decide(ctx, permission, Resource::org_unit(unit.key),
                 tree.path(unit.key), {}, now)
              .allowed)
        keys.push_back(unit.key);
    }
    std::sort(keys.begin(), keys.end());
    return keys;
  }
  for (std::string& key : all_course_keys(tx, tenant)) {
    const Scope path[] = {Scope::course(key), Scope::tenant()};
    if (decide(ctx, permission, Resource::course(key), path, {}, now).allowed)
      keys.push_back(std::move(key));
  }
  return keys;
}

}  // namespace lms
