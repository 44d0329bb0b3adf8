// SPDX-License-Identifier: Apache-2.0
//
// Where a resource sits: the scopes that cover it, from its own scope up to
// the tenant -- the path Moodle's resolution walks (rbac/resolve.hpp). An
// org unit is covered by itself and its ancestors, a user by their org unit
// and its ancestors, a course by itself; the tenant covers everything.
// Functions work inside the caller's transaction; OrgTree is an immutable
// value, safe to share once built.

#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "lms/access.hpp"
#include "lms/org_unit.hpp"
#include "lms/storage.hpp"
#include "lms/tenant.hpp"

namespace lms::rbac {

// The scopes covering a user in org unit `unit` ("" for none): the unit,
// its ancestors nearest first, then the tenant. Walks the parents one
// lookup at a time. REQUIRES: `unit` is empty or exists.
std::vector<Scope> org_unit_path(Transaction& tx, TenantId tenant,
                                 std::string_view unit);

// The scopes covering `resource`, nearest first, ending with the tenant.
// Throws Error{not_found} naming `field` ("<field>: no user 'x'", the
// wording of the services) when the resource does not exist in `tenant`.
std::vector<Scope> resource_path(Transaction& tx, TenantId tenant,
                                 const Resource& resource,
                                 std::string_view field);

// A tenant's whole org tree in memory, for computing the paths of many
// units without a query per step.
class OrgTree {
 public:
  // `units` as list_org_subtree returns them: parents before children.
  explicit OrgTree(std::vector<OrgUnit> units);

  const std::vector<OrgUnit>& units() const { return units_; }
  bool contains(std::string_view unit) const {
    return parent_of_.find(unit) != parent_of_.end();
  }
  // org_unit_path() for `unit`. REQUIRES: `unit` is empty or in the tree.
  std::vector<Scope> path(std::string_view unit) const;

 private:
  std::vector<OrgUnit> units_;
  std::map<std::string, std::string, std::less<>> parent_of_;
};

// The resource a scope stands for: an assignment or override at `scope` is
// checked against it.
Resource scope_resource(const Scope& scope);

}  // namespace lms::rbac
