// SPDX-License-Identifier: Apache-2.0
//
// Permission resolution through the Engine, in Moodle's terms: roles,
// assignments and overrides set through the API, decisions read back with
// check() and explain(); and visible() agreeing with check() on every
// record of random organisations. Runs on every backend. Single-threaded.

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "unit/engine_fixture.hpp"

namespace lms::testing {
namespace {

class ResolutionTest : public EngineTest {
 protected:
  void SetUp() override {
    engine_.create_org_unit(system_, tenant_, {"corp", "Corp", ""});
    engine_.create_org_unit(system_, tenant_, {"sales", "Sales", "corp"});
    engine_.create_course(system_, tenant_, course_spec("c1"));
    engine_.create_course(system_, tenant_, course_spec("c2"));
    engine_.create_user(system_, tenant_, user_record("u", "sales"));
  }

  Assignment assign(std::string_view role, const Scope& scope,
                    std::optional<Timestamp> from = {},
                    std::optional<Timestamp> until = {}) {
    return engine_.assign_role(system_, tenant_,
                               {"u", std::string{role}, scope, from, until});
  }

  void override(std::string_view role, const Scope& scope,
                Permission permission, PermissionValue value) {
    engine_.set_override(system_, tenant_,
                         {std::string{role}, scope, permission, value});
  }

  bool may(Permission permission, const Resource& resource) {
    return engine_.check(Actor::user("u"), tenant_, permission, resource);
  }

  const Resource c1_ = Resource::course("c1");
};

TEST_P(ResolutionTest, ProhibitAtTheTenantBeatsAllowAtACourse) {
  assign(kRoleInstructor, Scope::course("c1"));
  EXPECT_TRUE(may(Permission::course_view, c1_));
  engine_.create_role(system_, tenant_,
                      {"blocked",
                       "Blocked",
                       {{Permission::course_view, PermissionValue::prohibit}}});
  const Assignment blocked = assign("blocked", Scope::tenant());
  EXPECT_FALSE(may(Permission::course_view, c1_));
  const Decision decision =
      engine_.explain(Actor::user("u"), tenant_, Permission::course_view, c1_);
  ASSERT_TRUE(decision.prohibited_by);
  EXPECT_EQ(decision.prohibited_by->role_key, "blocked");
  EXPECT_EQ(decision.prohibited_by->assignment_id, blocked.id);
  EXPECT_EQ(decision.prohibited_by->assigned_at, Scope::tenant());
}

TEST_P(ResolutionTest, ProhibitOverrideAtTheTenantBeatsAllowAtACourse) {
  assign(kRoleInstructor, Scope::course("c1"));
  override(kRoleInstructor, Scope::tenant(), Permission::course_view,
           PermissionValue::prohibit);
  EXPECT_FALSE(may(Permission::course_view, c1_));
  const Decision decision =
      engine_.explain(Actor::user("u"), tenant_, Permission::course_view, c1_);
  ASSERT_TRUE(decision.prohibited_by);
  EXPECT_EQ(decision.prohibited_by->decided_at, Scope::tenant());
  // An allow nearer the course does not lift a prohibit.
  override(kRoleInstructor, Scope::course("c1"), Permission::course_view,
           PermissionValue::allow);
  EXPECT_FALSE(may(Permission::course_view, c1_));
}

TEST_P(ResolutionTest, PreventInOneRoleDoesNotCancelAllowFromAnother) {
  assign(kRoleLearner, Scope::course("c1"));
  override(kRoleLearner, Scope::course("c1"), Permission::course_view,
           PermissionValue::prevent);
  EXPECT_FALSE(may(Permission::course_view, c1_));
  assign(kRoleInstructor, Scope::course("c1"));
  EXPECT_TRUE(may(Permission::course_view, c1_));
  const Decision decision =
      engine_.explain(Actor::user("u"), tenant_, Permission::course_view, c1_);
  EXPECT_FALSE(decision.prohibited_by);
  ASSERT_EQ(decision.roles.size(), 2u);
  EXPECT_EQ(decision.roles[0].role_key, kRoleLearner);
  EXPECT_EQ(decision.roles[0].value, PermissionValue::prevent);
  EXPECT_EQ(decision.roles[0].decided_at, Scope::course("c1"));
  EXPECT_EQ(decision.roles[1].role_key, kRoleInstructor);
  EXPECT_EQ(decision.roles[1].value, PermissionValue::allow);
}

TEST_P(ResolutionTest, NearerOverrideBeatsFartherDefinition) {
  assign(kRoleLearner, Scope::tenant());
  override(kRoleLearner, Scope::tenant(), Permission::course_view,
           PermissionValue::prevent);
  override(kRoleLearner, Scope::course("c1"), Permission::course_view,
           PermissionValue::allow);
  EXPECT_TRUE(may(Permission::course_view, c1_));
  EXPECT_FALSE(may(Permission::course_view, Resource::course("c2")));
  const Decision decision =
      engine_.explain(Actor::user("u"), tenant_, Permission::course_view, c1_);
  ASSERT_EQ(decision.roles.size(), 1u);
  EXPECT_EQ(decision.roles[0].decided_at, Scope::course("c1"));
  // The same along an org tree: an override on the unit nearer the user
  // beats one further up.
  override(kRoleLearner, Scope::org_unit("corp"), Permission::user_manage,
           PermissionValue::allow);
  override(kRoleLearner, Scope::org_unit("sales"), Permission::user_manage,
           PermissionValue::prevent);
  EXPECT_TRUE(may(Permission::user_manage, Resource::org_unit("corp")));
  EXPECT_FALSE(may(Permission::user_manage, Resource::org_unit("sales")));
}

TEST_P(ResolutionTest, ExpiredOrNotYetValidAssignmentGrantsNothing) {
  const Timestamp now = clock_->now();
  assign(kRoleInstructor, Scope::course("c1"), now - std::chrono::hours(48),
         now);
  EXPECT_FALSE(may(Permission::course_view, c1_));
  assign(kRoleInstructor, Scope::course("c2"), now + std::chrono::hours(1),
         now + std::chrono::hours(2));
  EXPECT_FALSE(may(Permission::course_view, Resource::course("c2")));
  clock_->advance(std::chrono::hours(1));
  EXPECT_TRUE(may(Permission::course_view, Resource::course("c2")));
  clock_->advance(std::chrono::hours(1));
  EXPECT_FALSE(may(Permission::course_view, Resource::course("c2")));
}

TEST_P(ResolutionTest, ExplainNamesTheDecidingAssignmentAndRole) {
  const Assignment a = assign(kRoleInstructor, Scope::course("c1"));
  const Decision decision =
      engine_.explain(Actor::user("u"), tenant_, Permission::course_view, c1_);
  EXPECT_TRUE(decision.allowed);
  EXPECT_EQ(decision.permission, Permission::course_view);
  EXPECT_EQ(decision.resource, c1_);
  ASSERT_EQ(decision.roles.size(), 1u);
  EXPECT_EQ(decision.roles[0].source, GrantSource::assignment);
  EXPECT_EQ(decision.roles[0].assignment_id, a.id);
  EXPECT_EQ(decision.roles[0].role_key, kRoleInstructor);
  EXPECT_EQ(decision.roles[0].assigned_at, Scope::course("c1"));
  EXPECT_FALSE(decision.roles[0].decided_at);
  EXPECT_NE(decision.reason.find("instructor"), std::string::npos)
      << decision.reason;
}

TEST_P(ResolutionTest, ExplainNamesRelationships) {
  UserRecord report = user_record("r", "sales");
  report.manager_key = "u";
  engine_.create_user(system_, tenant_, report);
  const Decision managed = engine_.explain(
      Actor::user("u"), tenant_, Permission::user_view, Resource::user("r"));
  EXPECT_TRUE(managed.allowed);
  ASSERT_EQ(managed.roles.size(), 1u);
  EXPECT_EQ(managed.roles[0].source, GrantSource::manager);
  EXPECT_EQ(managed.roles[0].role_key, kRoleManager);
  const Decision own = engine_.explain(
      Actor::user("u"), tenant_, Permission::user_view, Resource::user("u"));
  EXPECT_TRUE(own.allowed);
  ASSERT_EQ(own.roles.size(), 1u);
  EXPECT_EQ(own.roles[0].source, GrantSource::self);
  // The report holds nothing over their manager.
  EXPECT_FALSE(engine_.check(Actor::user("r"), tenant_, Permission::user_view,
                             Resource::user("u")));
}

TEST_P(ResolutionTest, SystemPrincipalIsAllowedWithItsReason) {
  const Decision decision =
      engine_.explain(system_, tenant_, Permission::role_manage, c1_);
  EXPECT_TRUE(decision.allowed);
  EXPECT_EQ(decision.reason, "allowed: the system principal may do everything");
}

TEST_P(ResolutionTest, CheckOfUnknownTenantOrResourceIsNotFound) {
  EXPECT_TRUE(fails_with(
      [&] {
        engine_.check(Actor::user("u"), 999, Permission::course_view, c1_);
      },
      ErrorCode::not_found, "tenant: no tenant with id 999"));
  EXPECT_TRUE(fails_with(
      [&] {
        engine_.check(Actor::user("u"), tenant_, Permission::course_view,
                      Resource::course("nope"));
      },
      ErrorCode::not_found, "resource.key: no course 'nope'"));
  EXPECT_TRUE(fails_with(
      [&] {
        engine_.visible(Actor::user("u"), tenant_, Permission::course_view,
                        ResourceKind::tenant);
      },
      ErrorCode::invalid_argument, "kind:"));
}

// A random organisation: org tree, users with managers and statuses,
// courses, a custom role, assignments with windows and overrides of every
// value. visible() must be exactly the records on which check() allows,
// and list calls must return exactly the visible records.
TEST_P(ResolutionTest, VisibleEqualsCheckOnEveryRecord) {
  std::mt19937 rng(::testing::UnitTest::GetInstance()->random_seed());
  const auto pick = [&](std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
  };
  std::vector<std::string> units{"corp", "sales"};
  for (int i = 0; i < 5; ++i) {
    const std::string key = "ou" + std::to_string(i);
    engine_.create_org_unit(system_, tenant_,
                            {key, key, units[pick(units.size())]});
    units.push_back(key);
  }
  std::vector<std::string> users{"u"};
  for (int i = 0; i < 20; ++i) {
    UserRecord record = user_record("p" + std::to_string(i));
    if (pick(4) != 0) record.org_unit = units[pick(units.size())];
    if (pick(3) != 0) record.manager_key = users[pick(users.size())];
    if (pick(8) == 0) record.status = UserStatus::suspended;
    engine_.create_user(system_, tenant_, record);
    users.push_back(record.key);
  }
  const std::vector<std::string> courses{"c1", "c2"};
  const std::vector<Permission> permissions{
      Permission::user_view, Permission::orgunit_view, Permission::course_view,
      Permission::user_manage};
  RoleSpec custom{"custom", "Custom", {}};
  for (const Permission p : permissions)
    if (pick(2) == 0)
      custom.permissions[p] =
          pick(3) == 0 ? PermissionValue::prohibit : PermissionValue::allow;
  engine_.create_role(system_, tenant_, custom);
  std::vector<std::string> roles{"custom"};
  for (std::string_view role : {kRoleTenantAdmin, kRoleAuthor, kRoleInstructor,
                                kRoleManager, kRoleLearner, kRoleAuditor})
    roles.emplace_back(role);
  const auto random_scope = [&] {
    switch (pick(3)) {
      case 0:
        return Scope::tenant();
      case 1:
        return Scope::org_unit(units[pick(units.size())]);
      default:
        return Scope::course(courses[pick(courses.size())]);
    }
  };
  const Timestamp now = clock_->now();
  for (int i = 0; i < 25; ++i) {
    AssignmentSpec spec{users[pick(users.size())], roles[pick(roles.size())],
                        random_scope(), std::nullopt, std::nullopt};
    if (pick(5) == 0) spec.valid_until = now - std::chrono::hours(1);
    if (pick(5) == 0) spec.valid_from = now + std::chrono::hours(1);
    if (spec.valid_from && spec.valid_until) spec.valid_until.reset();
    try {
      engine_.assign_role(system_, tenant_, spec);
    } catch (const Error& e) {
      ASSERT_EQ(e.code(), ErrorCode::already_exists) << e.what();
    }
  }
  for (int i = 0; i < 8; ++i)
    engine_.set_override(system_, tenant_,
                         {roles[pick(roles.size())], random_scope(),
                          permissions[pick(permissions.size())],
                          static_cast<PermissionValue>(pick(3))});

  std::vector<std::string> actors = users;
  actors.push_back("stranger");
  for (const std::string& key : actors) {
    const Actor actor = Actor::user(key);
    for (const Permission p : permissions) {
      SCOPED_TRACE(key + " " + std::string{to_string(p)});
      std::vector<std::string> expected;
      for (const std::string& user : users)
        if (engine_.check(actor, tenant_, p, Resource::user(user)))
          expected.push_back(user);
      std::sort(expected.begin(), expected.end());
      EXPECT_EQ(engine_.visible(actor, tenant_, p, ResourceKind::user),
                expected);
      expected.clear();
      for (const std::string& unit : units)
        if (engine_.check(actor, tenant_, p, Resource::org_unit(unit)))
          expected.push_back(unit);
      std::sort(expected.begin(), expected.end());
      EXPECT_EQ(engine_.visible(actor, tenant_, p, ResourceKind::org_unit),
                expected);
      expected.clear();
      for (const std::string& course : courses)
        if (engine_.check(actor, tenant_, p, Resource::course(course)))
          expected.push_back(course);
      EXPECT_EQ(engine_.visible(actor, tenant_, p, ResourceKind::course),
                expected);
    }
    std::vector<std::string> listed;
    for (const User& user : engine_.list_users(actor, tenant_, {}).users)
      listed.push_back(user.key);
    EXPECT_EQ(listed, engine_.visible(actor, tenant_, Permission::user_view,
                                      ResourceKind::user));
  }
}

INSTANTIATE_TEST_SUITE_P(Engine, ResolutionTest,
                         ::testing::Values(EngineBackend::memory,
                                           EngineBackend::sqlite),
                         backend_name);

}  // namespace
}  // namespace lms::testing
