// SPDX-License-Identifier: Apache-2.0
//
// No escalation: nobody hands out what they do not hold. Each attempt is
// refused with permission_denied and writes nothing -- no event, no role,
// no assignment, no override. A positive control beside each shows the
// refusal is about the permission handed out, not the call. Runs on every
// backend. Single-threaded.

#include <string>
#include <vector>

#include "unit/access_fixture.hpp"

namespace lms::testing {
namespace {

class EscalationTest : public ::testing::TestWithParam<EngineBackend> {
 protected:
  void SetUp() override {
    // A delegate who may manage and assign roles at org unit sales and
    // see courses, but holds nothing else.
    world_.engine.create_role(
        world_.system, world_.tenant,
        {"delegate",
         "Delegate",
         {{Permission::role_assign, PermissionValue::allow},
          {Permission::role_manage, PermissionValue::allow},
          {Permission::course_view, PermissionValue::allow},
          {Permission::user_view, PermissionValue::allow}}});
    world_.assign("boss", "delegate", Scope::tenant());
    world_.assign("mgr", "delegate", Scope::org_unit("sales"));
    // The instructor of c1 may assign roles in their course.
    world_.engine.set_override(
        world_.system, world_.tenant,
        {std::string{kRoleInstructor}, Scope::course("c1"),
         Permission::role_assign, PermissionValue::allow});
  }

  // Passes when `call` is refused with permission_denied and the tenant's
  // events, roles, assignments and overrides are what they were.
  template <typename Call>
  ::testing::AssertionResult refused(Call&& call) {
    Engine& engine = world_.engine;
    const auto events = world_.events(world_.tenant).size();
    const auto roles = engine.list_roles(world_.system, world_.tenant);
    const auto assignments =
        engine.list_assignments(world_.system, world_.tenant, {});
    const auto overrides = engine.list_overrides(world_.system, world_.tenant);
    auto result = fails_with(call, ErrorCode::permission_denied, "lacks");
    if (!result) return result;
    if (world_.events(world_.tenant).size() != events)
      return ::testing::AssertionFailure() << "an event was appended";
    if (engine.list_roles(world_.system, world_.tenant).size() !=
            roles.size() ||
        engine.list_assignments(world_.system, world_.tenant, {}).size() !=
            assignments.size() ||
        engine.list_overrides(world_.system, world_.tenant) != overrides)
      return ::testing::AssertionFailure() << "access data changed";
    return ::testing::AssertionSuccess();
  }

  AssignmentSpec spec(std::string_view role, const Scope& scope) {
    return {"emp", std::string{role}, scope, std::nullopt, std::nullopt};
  }

  AccessWorld world_{GetParam()};
  Engine& engine_ = world_.engine;
  const TenantId tenant_ = world_.tenant;
  const Actor boss_ = Actor::user("boss");
};

TEST_P(EscalationTest, AssigningARoleWithAPermissionTheActorLacks) {
  EXPECT_TRUE(refused([&] {
    engine_.assign_role(boss_, tenant_,
                        spec(kRoleTenantAdmin, Scope::tenant()));
  }));
  EXPECT_TRUE(fails_with(
      [&] {
        engine_.assign_role(boss_, tenant_, spec(kRoleAuthor, Scope::tenant()));
      },
      ErrorCode::permission_denied,
      "on the tenant in tenant 1, which role 'author' would grant"));
  // The custom role grants only what boss holds.
  EXPECT_NO_THROW(
      engine_.assign_role(boss_, tenant_, spec("custom", Scope::tenant())));
}

TEST_P(EscalationTest, CreatingARoleWithAPermissionTheActorLacks) {
  EXPECT_TRUE(refused([&] {
    engine_.create_role(boss_, tenant_,
                        {"power",
                         "Power",
                         {{Permission::user_manage, PermissionValue::allow}}});
  }));
  // Prohibits may be handed out freely.
  EXPECT_NO_THROW(engine_.create_role(
      boss_, tenant_,
      {"limit",
       "Limit",
       {{Permission::user_manage, PermissionValue::prohibit},
        {Permission::course_view, PermissionValue::allow}}}));
}

TEST_P(EscalationTest, UpdatingARoleToAddAPermissionTheActorLacks) {
  EXPECT_TRUE(refused([&] {
    engine_.update_role(boss_, tenant_, "custom",
                        {{Permission::course_view, PermissionValue::allow},
                         {Permission::course_publish, PermissionValue::allow}});
  }));
  EXPECT_NO_THROW(engine_.update_role(
      boss_, tenant_, "custom",
      {{Permission::course_view, PermissionValue::allow},
       {Permission::course_publish, PermissionValue::prohibit}}));
}

TEST_P(EscalationTest, AllowingByOverrideAPermissionTheActorLacks) {
  EXPECT_TRUE(refused([&] {
    engine_.set_override(boss_, tenant_,
                         {std::string{kRoleLearner}, Scope::course("c1"),
                          Permission::course_publish, PermissionValue::allow});
  }));
  EXPECT_NO_THROW(engine_.set_override(
      boss_, tenant_,
      {std::string{kRoleLearner}, Scope::course("c1"),
       Permission::course_publish, PermissionValue::prohibit}));
  EXPECT_NO_THROW(
      engine_.set_override(boss_, tenant_,
                           {std::string{kRoleLearner}, Scope::course("c1"),
                            Permission::course_view, PermissionValue::allow}));
}

TEST_P(EscalationTest, InstructorAssigningTenantAdmin) {
  const Actor instructor = Actor::user("inst1");
  EXPECT_TRUE(refused([&] {
    engine_.assign_role(instructor, tenant_,
                        spec(kRoleTenantAdmin, Scope::course("c1")));
  }));
  EXPECT_TRUE(refused([&] {
    engine_.assign_role(instructor, tenant_,
                        spec(kRoleTenantAdmin, Scope::tenant()));
  }));
  // A fellow instructor of their own course is within what they hold.
  EXPECT_NO_THROW(engine_.assign_role(
      instructor, tenant_, spec(kRoleInstructor, Scope::course("c1"))));
}

TEST_P(EscalationTest, AssigningWhereTheActorLacksRoleAssign) {
  const Actor mgr = Actor::user("mgr");
  EXPECT_TRUE(refused([&] {
    engine_.assign_role(mgr, tenant_, spec("custom", Scope::org_unit("eng")));
  }));
  EXPECT_TRUE(refused([&] {
    engine_.assign_role(mgr, tenant_, spec("custom", Scope::tenant()));
  }));
  EXPECT_TRUE(refused(
      [&] { engine_.unassign_role(mgr, tenant_, world_.learner_assignment); }));
  EXPECT_NO_THROW(engine_.assign_role(
      Actor::user("mgr"), tenant_, spec("custom", Scope::org_unit("sales"))));
}

INSTANTIATE_TEST_SUITE_P(Engine, EscalationTest,
                         ::testing::Values(EngineBackend::memory,
                                           EngineBackend::sqlite),
                         backend_name);

}  // namespace
}  // namespace lms::testing
