// SPDX-License-Identifier: Apache-2.0
//
// The scope paths of resources (see scope_path.hpp).

#include "rbac/scope_path.hpp"

#include <utility>

#include "catalog/catalog_service.hpp"
#include "core/field_error.hpp"
#include "directory/directory_service.hpp"
#include "lms/error.hpp"
#include "lms/limits.hpp"

namespace lms::rbac {
namespace {

// The org tree is bounded (limits::kOrgUnitDepth), so a longer walk can only
// mean a corrupt parent link; stopping keeps a bad database from hanging a
// check.
[[noreturn]] void throw_too_deep(std::string_view unit) {
  throw Error(ErrorCode::internal, "org unit " + detail::quote_value(unit) +
                                       " has more ancestors than the org "
                                       "tree may be deep");
}

}  // namespace

std::vector<Scope> org_unit_path(Transaction& tx, TenantId tenant,
                                 std::string_view unit) {
  std::vector<Scope> path;
  std::string current{unit};
  while (!current.empty()) {
    if (path.size() > limits::kOrgUnitDepth) throw_too_deep(unit);
    std::string parent =
        require_org_unit(tx, tenant, "org_unit", current).parent;
    path.push_back(Scope::org_unit(std::move(current)));
    current = std::move(parent);
  }
  path.push_back(Scope::tenant());
  return path;
}

std::vector<Scope> resource_path(Transaction& tx, TenantId tenant,
                                 const Resource& resource,
                                 std::string_view field) {
  switch (resource.kind) {
    case ResourceKind::tenant:
      return {Scope::tenant()};
    case ResourceKind::user:
      return org_unit_path(
          tx, tenant, require_user(tx, tenant, field, resource.key).org_unit);
    case ResourceKind::org_unit:
      require_org_unit(tx, tenant, field, resource.key);
      return org_unit_path(tx, tenant, resource.key);
    case ResourceKind::course:
      require_course(tx, tenant, field, resource.key);
      return {Scope::course(resource.key), Scope::tenant()};
  }
  throw Error(ErrorCode::invalid_argument,
              std::string{field} + ": unknown resource kind");
}

OrgTree::OrgTree(std::vector<OrgUnit> units) : units_(std::move(units)) {
  for (const OrgUnit& unit : units_) parent_of_.emplace(unit.key, unit.parent);
}

std::vector<Scope> OrgTree::path(std::string_view unit) const {
  std::vector<Scope> path;
  std::string_view current = unit;
  while (!current.empty()) {
    if (path.size() > limits::kOrgUnitDepth) throw_too_deep(unit);
    const auto it = parent_of_.find(current);
    if (it == parent_of_.end())
      throw Error(
          ErrorCode::internal,
          "org unit " + detail::quote_value(current) + " is not in the tree");
    path.push_back(Scope::org_unit(it->first));
    current = it->second;
  }
  path.push_back(Scope::tenant());
  return path;
}

Resource scope_resource(const Scope& scope) {
  switch (scope.kind) {
    case ScopeKind::tenant:
      return Resource::tenant();
    case ScopeKind::org_unit:
      return Resource::org_unit(scope.key);
    case ScopeKind::course:
      return Resource::course(scope.key);
  }
  throw Error(ErrorCode::invalid_argument, "scope.kind: unknown scope kind");
}

}  // namespace lms::rbac
