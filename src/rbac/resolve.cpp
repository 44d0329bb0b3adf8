// SPDX-License-Identifier: Apache-2.0
//
// Permission resolution in Moodle's terms (see resolve.hpp for the rules)
// and the one-sentence reason a Decision carries. Pure functions over the
// caller's inputs; thread-safe.

#include "rbac/resolve.hpp"

#include <algorithm>
#include <utility>

#include "core/field_error.hpp"

namespace lms::rbac {
namespace {

// "the tenant", "org unit 'eng'", "course 'c1'". Keys come from callers, so
// they are quoted the way error messages quote values.
std::string describe(const Scope& scope) {
  switch (scope.kind) {
    case ScopeKind::tenant:
      return "the tenant";
    case ScopeKind::org_unit:
      return "org unit " + detail::quote_value(scope.key);
    case ScopeKind::course:
      return "course " + detail::quote_value(scope.key);
  }
  return "scope " + detail::quote_value(scope.key);
}

std::string describe(const Resource& resource) {
  switch (resource.kind) {
    case ResourceKind::tenant:
      return "the tenant";
    case ResourceKind::user:
      return "user " + detail::quote_value(resource.key);
    case ResourceKind::org_unit:
      return "org unit " + detail::quote_value(resource.key);
    case ResourceKind::course:
      return "course " + detail::quote_value(resource.key);
  }
  return "resource " + detail::quote_value(resource.key);
}

// "role 'instructor' (assignment 7 at course 'c1')".
std::string describe(const RoleVerdict& verdict) {
  std::string how;
  switch (verdict.source) {
    case GrantSource::assignment:
      how = "assignment " + std::to_string(verdict.assignment_id) + " at " +
            describe(verdict.assigned_at);
      break;
    case GrantSource::self:
      how = "the actor's own record";
      break;
    case GrantSource::manager:
      how = "manager of the subject";
      break;
  }
  return "role " + detail::quote_value(verdict.role_key) + " (" + how + ")";
}

std::string reason(const Decision& decision) {
  const std::string permission{to_string(decision.permission)};
  if (const auto& p = decision.prohibited_by) {
    std::string text = "denied: " + describe(*p) + " prohibits " + permission;
    if (p->decided_at) text += " at " + describe(*p->decided_at);
    return text;
  }
  const auto allow = std::ranges::find(decision.roles, PermissionValue::allow,
                                       &RoleVerdict::value);
  if (allow != decision.roles.end()) {
    std::string text = "allowed: " + describe(*allow) + " allows " + permission;
    if (allow->decided_at) {
      text += " by an override at " + describe(*allow->decided_at);
    }
    return text;
  }
  return "denied: no role of the actor grants " + permission + " on " +
         describe(decision.resource);
}

}  // namespace

Decision resolve(Permission permission, const Resource& resource,
                 std::span<const Scope> path, std::span<const HeldRole> held,
                 const RoleDefinitions& roles, const OverrideIndex& overrides) {
  Decision decision;
  decision.permission = permission;
  decision.resource = resource;
  decision.roles.reserve(held.size());
  // One lookup key, refilled per role and scope: assigning into its strings
  // reuses their buffers, where building a key per lookup would allocate.
  OverrideIndex::key_type key{std::string{}, Scope{}, permission};
  for (const HeldRole& h : held) {
    RoleVerdict verdict{h.source,      h.assignment_id, h.role_key,
                        h.assigned_at, std::nullopt,    std::nullopt};
    const auto definition = roles.find(h.role_key);
    if (definition == roles.end()) {
      // An unknown role (deleted since it was gathered) says nothing.
      decision.roles.push_back(std::move(verdict));
      continue;
    }
    // This role's first prohibit, as the verdict that reports it.
    std::optional<RoleVerdict> prohibit;
    const auto note_prohibit = [&](std::optional<Scope> at) {
      if (prohibit) return;
      prohibit = verdict;
      prohibit->decided_at = std::move(at);
      prohibit->value = PermissionValue::prohibit;
    };
    // The whole path counts, above the assignment's scope too: an override
    // higher up still applies, as in Moodle.
    std::get<0>(key) = h.role_key;
    for (const Scope& scope : path) {
      std::get<1>(key) = scope;
      const auto o = overrides.find(key);
      if (o == overrides.end()) continue;
      if (o->second == PermissionValue::prohibit) {
        note_prohibit(scope);
      } else if (!verdict.value) {
        verdict.decided_at = scope;
        verdict.value = o->second;
      }
    }
    const auto& granted = definition->second;
    if (const auto d = granted.find(permission); d != granted.end()) {
      if (d->second == PermissionValue::prohibit) {
        note_prohibit(std::nullopt);
      } else if (!verdict.value) {
        verdict.value = d->second;
      }
    }
    // A role whose only say is a prohibit reports it as its verdict.
    if (prohibit && !verdict.value) verdict = *prohibit;
    if (prohibit && !decision.prohibited_by) {
      decision.prohibited_by = std::move(prohibit);
    }
    decision.roles.push_back(std::move(verdict));
  }
  decision.allowed =
      !decision.prohibited_by &&
      std::ranges::any_of(decision.roles, [](const RoleVerdict& v) {
        return v.value == PermissionValue::allow;
      });
  decision.reason = reason(decision);
  return decision;
}

}  // namespace lms::rbac
