// SPDX-License-Identifier: Apache-2.0
//
// Bad input to the access-control calls, table-driven: each case names the
// call, the ErrorCode it must get and the start of the message (the field
// at fault), and writes nothing -- every tenant's events, roles,
// assignments and overrides compare equal before and after. Runs on every
// backend. Single-threaded.

#include <functional>
#include <string>
#include <vector>

#include "lms/json.hpp"
#include "unit/access_fixture.hpp"

namespace lms::testing {
namespace {

struct Case {
  const char* name;
  ErrorCode code;
  const char* message;
  std::function<void(AccessWorld&)> call;
};

const Actor kSystem = Actor::system();

AssignmentSpec spec(std::string user, std::string role, Scope scope = {}) {
  return {std::move(user), std::move(role), std::move(scope), std::nullopt,
          std::nullopt};
}

const std::vector<Case>& cases() {
  using W = AccessWorld;
  const auto bad_permission = static_cast<Permission>(99);
  static const std::vector<Case> table = {
      {"UnknownRole", ErrorCode::not_found, "role_key: no role 'nope'",
       [](W& w) {
         w.engine.assign_role(kSystem, w.tenant, spec("emp", "nope"));
       }},
      {"UnknownRoleInOverride", ErrorCode::not_found,
       "role_key: no role 'nope'",
       [](W& w) {
         w.engine.set_override(
             kSystem, w.tenant,
             {"nope", Scope::tenant(), Permission::course_view,
              PermissionValue::allow});
       }},
      {"UnknownRoleToUpdate", ErrorCode::not_found, "key: no role 'nope'",
       [](W& w) { w.engine.update_role(kSystem, w.tenant, "nope", {}); }},
      {"UnknownRoleToGet", ErrorCode::not_found, "key: no role 'nope'",
       [](W& w) { w.engine.get_role(kSystem, w.tenant, "nope"); }},
      {"UnknownPermissionInRole", ErrorCode::invalid_argument,
       "permissions: must be a permission of the catalogue, got '99'",
       [bad_permission](W& w) {
         w.engine.create_role(
             kSystem, w.tenant,
             {"r", "R", {{bad_permission, PermissionValue::allow}}});
       }},
      {"UnknownPermissionInOverride", ErrorCode::invalid_argument,
       "permission: must be a permission of the catalogue",
       [bad_permission](W& w) {
         w.engine.set_override(kSystem, w.tenant,
                               {std::string{kRoleLearner}, Scope::tenant(),
                                bad_permission, PermissionValue::allow});
       }},
      {"UnknownPermissionInCheck", ErrorCode::invalid_argument,
       "permission: must be a permission of the catalogue",
       [bad_permission](W& w) {
         w.engine.check(Actor::user("emp"), w.tenant, bad_permission,
                        Resource::tenant());
       }},
      {"PreventInRoleDefinition", ErrorCode::invalid_argument,
       "permissions.course.view: must be allow or prohibit",
       [](W& w) {
         w.engine.create_role(
             kSystem, w.tenant,
             {"r", "R", {{Permission::course_view, PermissionValue::prevent}}});
       }},
      {"ScopeCourseInAnotherTenant", ErrorCode::not_found,
       "scope.key: no course 'c1'",
       [](W& w) {
         w.engine.assign_role(kSystem, w.other,
                              spec("admin2", "learner", Scope::course("c1")));
       }},
      {"ScopeOrgUnitInAnotherTenant", ErrorCode::not_found,
       "scope.key: no org unit 'sales'",
       [](W& w) {
         w.engine.set_override(
             kSystem, w.other,
             {std::string{kRoleLearner}, Scope::org_unit("sales"),
              Permission::course_view, PermissionValue::allow});
       }},
      {"UserOfAnotherTenant", ErrorCode::not_found,
       "user_key: no user 'admin2'",
       [](W& w) {
         w.engine.assign_role(kSystem, w.tenant, spec("admin2", "learner"));
       }},
      {"DeprovisionedUser", ErrorCode::invalid_argument,
       "user_key: user 'peer' is deprovisioned",
       [](W& w) {
         w.engine.assign_role(kSystem, w.tenant, spec("peer", "learner"));
       }},
      {"OverlongRoleKey", ErrorCode::invalid_argument,
       "key: must be at most 128 bytes",
       [](W& w) {
         w.engine.create_role(kSystem, w.tenant,
                              {std::string(129, 'k'), "R", {}});
       }},
      {"OverlongRoleName", ErrorCode::invalid_argument,
       "name: must be at most 256 bytes",
       [](W& w) {
         w.engine.create_role(kSystem, w.tenant,
                              {"r", std::string(257, 'n'), {}});
       }},
      {"InvalidUtf8RoleName", ErrorCode::invalid_argument,
       "name: must be valid UTF-8",
       [](W& w) {
         w.engine.create_role(kSystem, w.tenant, {"r", "\xff", {}});
       }},
      {"InvalidUtf8ScopeKey", ErrorCode::invalid_argument,
       "scope.key: must be valid UTF-8",
       [](W& w) {
         w.engine.assign_role(kSystem, w.tenant,
                              spec("emp", "learner", Scope::course("\xc3")));
       }},
      {"TenantScopeWithKey", ErrorCode::invalid_argument,
       "scope.key: must be empty for the tenant",
       [](W& w) {
         w.engine.assign_role(kSystem, w.tenant,
                              spec("emp", "learner", {ScopeKind::tenant, "x"}));
       }},
      {"EmptyValidityWindow", ErrorCode::invalid_argument,
       "valid_until: must be after valid_from",
       [](W& w) {
         AssignmentSpec s = spec("emp", "learner");
         s.valid_from = w.clock->now();
         s.valid_until = w.clock->now();
         w.engine.assign_role(kSystem, w.tenant, s);
       }},
      {"UnassignAnotherTenantsAssignment", ErrorCode::not_found,
       "assignment_id: no assignment",
       [](W& w) {
         const auto theirs = w.engine.list_assignments(kSystem, w.other, {});
         w.engine.unassign_role(kSystem, w.tenant, theirs.at(0).id);
       }},
      {"UnassignUnknownId", ErrorCode::not_found,
       "assignment_id: no assignment 999999",
       [](W& w) { w.engine.unassign_role(kSystem, w.tenant, 999999); }},
      {"BuiltinRoleKeyTaken", ErrorCode::already_exists,
       "key: role 'learner' already exists",
       [](W& w) {
         w.engine.create_role(kSystem, w.tenant, {"learner", "L", {}});
       }},
      {"BuiltinRoleUpdated", ErrorCode::conflict,
       "key: role 'learner' is built-in",
       [](W& w) { w.engine.update_role(kSystem, w.tenant, "learner", {}); }},
      {"IdenticalAssignment", ErrorCode::already_exists,
       "user_key: user 'learner' already has role 'learner' at course 'c1'",
       [](W& w) {
         w.engine.assign_role(kSystem, w.tenant,
                              spec("learner", "learner", Scope::course("c1")));
       }},
      {"ClearMissingOverride", ErrorCode::not_found,
       "permission: no override of role 'learner'",
       [](W& w) {
         w.engine.clear_override(kSystem, w.tenant, kRoleLearner,
                                 Scope::tenant(), Permission::course_view);
       }},
      {"ResourceTenantWithKey", ErrorCode::invalid_argument,
       "resource.key: must be empty for the tenant",
       [](W& w) {
         w.engine.explain(Actor::user("emp"), w.tenant, Permission::user_view,
                          {ResourceKind::tenant, "x"});
       }},
      {"UnknownTenant", ErrorCode::not_found, "tenant: no tenant with id 999",
       [](W& w) { w.engine.list_roles(kSystem, 999); }},
  };
  return table;
}

// Everything the access calls could write, in every tenant.
std::string snapshot(AccessWorld& w) {
  Json all = Json::array();
  for (const TenantId t : {w.tenant, w.other}) {
    Json tenant = Json::object();
    for (const Event& e : w.events(t)) tenant["events"].push_back(to_json(e));
    for (const Role& r : w.engine.list_roles(kSystem, t))
      tenant["roles"].push_back(to_json(r));
    for (const Assignment& a : w.engine.list_assignments(kSystem, t, {}))
      tenant["assignments"].push_back(to_json(a));
    for (const Override& o : w.engine.list_overrides(kSystem, t))
      tenant["overrides"].push_back(to_json(o));
    all.push_back(std::move(tenant));
  }
  return all.dump();
}

class AccessBadInputTest : public ::testing::TestWithParam<EngineBackend> {};

TEST_P(AccessBadInputTest, EachCaseGetsItsCodeAndWritesNothing) {
  AccessWorld world(GetParam());
  UserUpdate deprovision;
  deprovision.status = UserStatus::deprovisioned;
  world.engine.update_user(kSystem, world.tenant, "peer", deprovision);
  for (const Case& c : cases()) {
    SCOPED_TRACE(c.name);
    const std::string before = snapshot(world);
    EXPECT_TRUE(fails_with([&] { c.call(world); }, c.code, c.message));
    EXPECT_EQ(snapshot(world), before);
  }
}

INSTANTIATE_TEST_SUITE_P(Engine, AccessBadInputTest,
                         ::testing::Values(EngineBackend::memory,
                                           EngineBackend::sqlite),
                         backend_name);

}  // namespace
}  // namespace lms::testing
