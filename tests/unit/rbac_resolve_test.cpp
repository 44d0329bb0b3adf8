// SPDX-License-Identifier: Apache-2.0
//
// Tests of permission resolution (src/rbac/resolve.hpp) in Moodle's terms:
// prohibit against allow across roles, prevent against allow, nearer
// against farther overrides and definitions, the whole path above the
// assignment, unknown roles, the verdicts and reasons of a Decision, and
// randomized invariants seeded from GoogleTest's random seed.

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "rbac/resolve.hpp"

namespace lms::rbac {
namespace {

using PV = PermissionValue;

const Scope kTenant = Scope::tenant();
const Scope kEng = Scope::org_unit("eng");
const Scope kBackend = Scope::org_unit("backend");
const Scope kC1 = Scope::course("c1");
const Scope kC2 = Scope::course("c2");

// Course c1 sits in org unit backend, which sits in eng.
const std::vector<Scope> kC1Path{kC1, kBackend, kEng, kTenant};

HeldRole Assigned(std::int64_t id, std::string role, Scope at) {
  return {GrantSource::assignment, id, std::move(role), std::move(at)};
}

HeldRole Related(GrantSource source, std::string role) {
  return {source, 0, std::move(role), kTenant};
}

// Every field of a verdict, printed, so that a mismatch shows all of them.
std::string Show(const Scope& scope) {
  return std::string{to_string(scope.kind)} + ":" + scope.key;
}

std::string Show(const RoleVerdict& v) {
  return std::string{to_string(v.source)} + " #" +
         std::to_string(v.assignment_id) + " " + v.role_key + " at " +
         Show(v.assigned_at) + " decided_at " +
         (v.decided_at ? Show(*v.decided_at) : "definition") + " value " +
         (v.value ? std::string{to_string(*v.value)} : "none");
}

RoleVerdict Verdict(const HeldRole& h, std::optional<Scope> decided_at,
                    std::optional<PV> value) {
  return {h.source,      h.assignment_id, h.role_key,
          h.assigned_at, decided_at,      value};
}

std::vector<std::string> ShowAll(const std::vector<RoleVerdict>& verdicts) {
  std::vector<std::string> out;
  for (const auto& v : verdicts) out.push_back(Show(v));
  return out;
}

class RbacResolveTest : public testing::Test {
 protected:
  Decision Resolve(Permission permission, const std::vector<HeldRole>& held,
                   const Resource& resource = Resource::course("c1"),
                   const std::vector<Scope>& path = kC1Path) const {
    return resolve(permission, resource, path, held, roles_, overrides_);
  }

  void Override(const std::string& role, const Scope& scope,
                Permission permission, PV value) {
    overrides_[{role, scope, permission}] = value;
  }

  RoleDefinitions roles_{
      {"viewer", {{Permission::course_view, PV::allow}}},
      {"reporter", {{Permission::report_view, PV::allow}}},
      {"banned", {{Permission::course_view, PV::prohibit}}},
      {"silent", {}},
  };
  OverrideIndex overrides_;
};

TEST_F(RbacResolveTest, ProhibitAtTheTenantBeatsAllowAtACourse) {
  Override("silent", kTenant, Permission::report_view, PV::prohibit);
  const HeldRole teacher = Assigned(7, "reporter", kC1);
  const HeldRole learner = Assigned(3, "silent", kTenant);
  const Decision d = Resolve(Permission::report_view, {teacher, learner});
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(ShowAll(d.roles),
            ShowAll({Verdict(teacher, std::nullopt, PV::allow),
                     Verdict(learner, kTenant, PV::prohibit)}));
  ASSERT_TRUE(d.prohibited_by);
  EXPECT_EQ(Show(*d.prohibited_by),
            Show(Verdict(learner, kTenant, PV::prohibit)));
  EXPECT_EQ(d.reason,
            "denied: role 'silent' (assignment 3 at the tenant) prohibits "
            "report.view at the tenant");
}

TEST_F(RbacResolveTest, PreventInOneRoleDoesNotCancelAllowFromAnother) {
  roles_["viewer2"] = roles_["viewer"];
  Override("viewer2", kC1, Permission::course_view, PV::prevent);
  const HeldRole prevented = Assigned(1, "viewer2", kTenant);
  const HeldRole allowed = Assigned(2, "viewer", kEng);
  const Decision d = Resolve(Permission::course_view, {prevented, allowed});
  EXPECT_TRUE(d.allowed);
  EXPECT_EQ(ShowAll(d.roles),
            ShowAll({Verdict(prevented, kC1, PV::prevent),
                     Verdict(allowed, std::nullopt, PV::allow)}));
  EXPECT_FALSE(d.prohibited_by);
  EXPECT_EQ(d.reason,
            "allowed: role 'viewer' (assignment 2 at org unit 'eng') allows "
            "course.view");
}

TEST_F(RbacResolveTest, NearerPreventOverrideBeatsFartherAllowDefinition) {
  Override("viewer", kBackend, Permission::course_view, PV::prevent);
  const HeldRole h = Assigned(4, "viewer", kTenant);
  const Decision d = Resolve(Permission::course_view, {h});
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(ShowAll(d.roles), ShowAll({Verdict(h, kBackend, PV::prevent)}));
  EXPECT_EQ(d.reason,
            "denied: no role of the actor grants course.view on course 'c1'");
}

TEST_F(RbacResolveTest, NearerAllowOverrideGrantsWhatTheDefinitionDoesNot) {
  Override("silent", kEng, Permission::course_view, PV::allow);
  const HeldRole h = Assigned(5, "silent", kEng);
  const Decision d = Resolve(Permission::course_view, {h});
  EXPECT_TRUE(d.allowed);
  EXPECT_EQ(ShowAll(d.roles), ShowAll({Verdict(h, kEng, PV::allow)}));
  EXPECT_EQ(d.reason,
            "allowed: role 'silent' (assignment 5 at org unit 'eng') allows "
            "course.view by an override at org unit 'eng'");
}

TEST_F(RbacResolveTest, NearerAllowOverrideBeatsFartherPreventOverride) {
  Override("viewer", kTenant, Permission::course_view, PV::prevent);
  Override("viewer", kC1, Permission::course_view, PV::allow);
  const HeldRole h = Assigned(6, "viewer", kTenant);
  const Decision d = Resolve(Permission::course_view, {h});
  EXPECT_TRUE(d.allowed);
  EXPECT_EQ(ShowAll(d.roles), ShowAll({Verdict(h, kC1, PV::allow)}));
}

TEST_F(RbacResolveTest, NearerPreventOverrideBeatsFartherAllowOverride) {
  Override("silent", kTenant, Permission::course_view, PV::allow);
  Override("silent", kEng, Permission::course_view, PV::prevent);
  const HeldRole h = Assigned(6, "silent", kTenant);
  const Decision d = Resolve(Permission::course_view, {h});
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(ShowAll(d.roles), ShowAll({Verdict(h, kEng, PV::prevent)}));
}

TEST_F(RbacResolveTest, DefinitionProhibitDeniesEvenIfAnotherRoleAllows) {
  const HeldRole viewer = Assigned(1, "viewer", kC1);
  const HeldRole banned = Assigned(2, "banned", kTenant);
  const Decision d = Resolve(Permission::course_view, {viewer, banned});
  EXPECT_FALSE(d.allowed);
  ASSERT_TRUE(d.prohibited_by);
  EXPECT_EQ(Show(*d.prohibited_by),
            Show(Verdict(banned, std::nullopt, PV::prohibit)));
  EXPECT_EQ(d.reason,
            "denied: role 'banned' (assignment 2 at the tenant) prohibits "
            "course.view");
}

TEST_F(RbacResolveTest, DefinitionProhibitCannotBeOverriddenByAnAllow) {
  Override("banned", kC1, Permission::course_view, PV::allow);
  const HeldRole h = Assigned(2, "banned", kC1);
  const Decision d = Resolve(Permission::course_view, {h});
  EXPECT_FALSE(d.allowed);
  // The role's own verdict is the override that decided for it; the
  // prohibit is reported beside it.
  EXPECT_EQ(ShowAll(d.roles), ShowAll({Verdict(h, kC1, PV::allow)}));
  ASSERT_TRUE(d.prohibited_by);
  EXPECT_EQ(Show(*d.prohibited_by),
            Show(Verdict(h, std::nullopt, PV::prohibit)));
}

TEST_F(RbacResolveTest, OverrideAboveTheAssignmentScopeStillApplies) {
  Override("viewer", kEng, Permission::course_view, PV::prevent);
  const HeldRole h = Assigned(8, "viewer", kC1);
  const Decision d = Resolve(Permission::course_view, {h});
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(ShowAll(d.roles), ShowAll({Verdict(h, kEng, PV::prevent)}));
}

TEST_F(RbacResolveTest, ProhibitAboveTheAssignmentScopeStillDenies) {
  Override("viewer", kTenant, Permission::course_view, PV::prohibit);
  const HeldRole h = Assigned(8, "viewer", kC1);
  const Decision d = Resolve(Permission::course_view, {h});
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(ShowAll(d.roles), ShowAll({Verdict(h, std::nullopt, PV::allow)}));
  ASSERT_TRUE(d.prohibited_by);
  EXPECT_EQ(Show(*d.prohibited_by), Show(Verdict(h, kTenant, PV::prohibit)));
}

TEST_F(RbacResolveTest, OverridesOffThePathOrOfOtherPermissionsDoNotApply) {
  Override("viewer", kC2, Permission::course_view, PV::prohibit);
  Override("viewer", kC1, Permission::report_view, PV::prohibit);
  Override("reporter", kC1, Permission::course_view, PV::prohibit);
  const HeldRole h = Assigned(9, "viewer", kTenant);
  const Decision d = Resolve(Permission::course_view, {h});
  EXPECT_TRUE(d.allowed);
  EXPECT_FALSE(d.prohibited_by);
}

TEST_F(RbacResolveTest, NoHeldRoleIsDeniedWithTheNoRoleReason) {
  const Decision d =
      Resolve(Permission::user_manage, {}, Resource::user("E2"), {kTenant});
  EXPECT_FALSE(d.allowed);
  EXPECT_TRUE(d.roles.empty());
  EXPECT_FALSE(d.prohibited_by);
  EXPECT_EQ(d.permission, Permission::user_manage);
  EXPECT_EQ(d.resource, Resource::user("E2"));
  EXPECT_EQ(d.reason,
            "denied: no role of the actor grants user.manage on user 'E2'");
}

TEST_F(RbacResolveTest, RoleSayingNothingGrantsNothing) {
  const HeldRole h = Assigned(1, "reporter", kTenant);
  const Decision d = Resolve(Permission::course_view, {h});
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(ShowAll(d.roles),
            ShowAll({Verdict(h, std::nullopt, std::nullopt)}));
}

TEST_F(RbacResolveTest, UnknownRoleKeyGrantsNothing) {
  // An override of a role that no longer exists grants nothing either.
  Override("ghost", kTenant, Permission::course_view, PV::allow);
  const HeldRole h = Assigned(1, "ghost", kTenant);
  const Decision d = Resolve(Permission::course_view, {h});
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(ShowAll(d.roles),
            ShowAll({Verdict(h, std::nullopt, std::nullopt)}));
  EXPECT_EQ(d.reason,
            "denied: no role of the actor grants course.view on course 'c1'");
}

TEST_F(RbacResolveTest, VerdictsFollowTheHeldOrderWithEveryDetail) {
  Override("viewer", kBackend, Permission::course_view, PV::allow);
  Override("silent", kEng, Permission::course_view, PV::prohibit);
  Override("reporter", kC1, Permission::course_view, PV::prevent);
  Override("reporter", kTenant, Permission::course_view, PV::prohibit);
  const HeldRole viewer = Assigned(11, "viewer", kEng);
  const HeldRole reporter = Assigned(12, "reporter", kC1);
  const HeldRole silent = Related(GrantSource::self, "silent");
  const HeldRole banned = Related(GrantSource::manager, "banned");
  const Decision d =
      Resolve(Permission::course_view, {viewer, reporter, silent, banned});
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.permission, Permission::course_view);
  EXPECT_EQ(d.resource, Resource::course("c1"));
  EXPECT_EQ(ShowAll(d.roles),
            ShowAll({Verdict(viewer, kBackend, PV::allow),
                     Verdict(reporter, kC1, PV::prevent),
                     Verdict(silent, kEng, PV::prohibit),
                     Verdict(banned, std::nullopt, PV::prohibit)}));
  // The first prohibit in held order: reporter's, at the tenant.
  ASSERT_TRUE(d.prohibited_by);
  EXPECT_EQ(Show(*d.prohibited_by),
            Show(Verdict(reporter, kTenant, PV::prohibit)));
  EXPECT_EQ(d.prohibited_by->assignment_id, 12);
  EXPECT_EQ(d.reason,
            "denied: role 'reporter' (assignment 12 at course 'c1') prohibits "
            "course.view at the tenant");
}

TEST_F(RbacResolveTest, FirstProhibitOfARoleIsTheNearestThenTheDefinition) {
  Override("banned", kEng, Permission::course_view, PV::prohibit);
  Override("banned", kTenant, Permission::course_view, PV::prohibit);
  const HeldRole h = Assigned(3, "banned", kTenant);
  const Decision d = Resolve(Permission::course_view, {h});
  ASSERT_TRUE(d.prohibited_by);
  EXPECT_EQ(Show(*d.prohibited_by), Show(Verdict(h, kEng, PV::prohibit)));
  EXPECT_EQ(ShowAll(d.roles), ShowAll({Verdict(h, kEng, PV::prohibit)}));
}

TEST_F(RbacResolveTest, ManagerRelationshipReason) {
  roles_["manager"] = {{Permission::user_view, PV::allow}};
  const HeldRole h = Related(GrantSource::manager, "manager");
  const Decision d = Resolve(Permission::user_view, {h}, Resource::user("E2"),
                             {kBackend, kEng, kTenant});
  EXPECT_TRUE(d.allowed);
  EXPECT_EQ(ShowAll(d.roles), ShowAll({Verdict(h, std::nullopt, PV::allow)}));
  EXPECT_EQ(d.reason,
            "allowed: role 'manager' (manager of the subject) allows "
            "user.view");
}

TEST_F(RbacResolveTest, SelfRelationshipReason) {
  roles_["learner"] = {{Permission::progress_view, PV::allow}};
  const HeldRole h = Related(GrantSource::self, "learner");
  const Decision d = Resolve(Permission::progress_view, {h},
                             Resource::user("E1"), {kEng, kTenant});
  EXPECT_TRUE(d.allowed);
  EXPECT_EQ(d.reason,
            "allowed: role 'learner' (the actor's own record) allows "
            "progress.view");
}

TEST_F(RbacResolveTest, ReasonQuotesHostileKeys) {
  const HeldRole h = Assigned(1, "viewer", Scope::course("c\n1"));
  const Decision d =
      Resolve(Permission::course_view, {h}, Resource::course("c\n1"),
              {Scope::course("c\n1"), kTenant});
  EXPECT_EQ(d.reason,
            "allowed: role 'viewer' (assignment 1 at course 'c\\x0A1') "
            "allows course.view");
}

// Random inputs over a small world: a fixed path with one scope of each
// kind, scopes off the path, a few roles with random definitions and random
// overrides, and random held roles (some unknown).
class RandomWorld {
 public:
  explicit RandomWorld(std::uint32_t seed) : rng_(seed) {}

  void Generate() {
    roles_.clear();
    overrides_.clear();
    held_.clear();
    for (const char* key : kRoleKeys) {
      auto& definition = roles_[key];
      for (const Permission p : kPermissions) {
        const int pick = Pick(6);
        if (pick == 0) definition[p] = PV::prohibit;
        if (pick >= 3) definition[p] = PV::allow;
      }
    }
    for (int n = Pick(8); n > 0; --n) {
      overrides_[{AnyRoleKey(), AnyScope(), AnyPermission()}] = AnyValue();
    }
    for (int n = Pick(4); n > 0; --n) held_.push_back(AnyHeld());
  }

  Decision Resolve(Permission permission) const {
    return resolve(permission, Resource::course("c1"), kC1Path, held_, roles_,
                   overrides_);
  }

  Permission AnyPermission() { return kPermissions[Pick(2)]; }
  std::string AnyRoleKey() { return kAllRoleKeys[Pick(4)]; }
  Scope AnyScope() { return kScopes[Pick(kScopes.size())]; }
  Scope AnyPathScope() { return kC1Path[Pick(kC1Path.size())]; }
  PV AnyValue() { return static_cast<PV>(Pick(3)); }
  HeldRole AnyHeld() {
    return Assigned(Pick(100) + 1, AnyRoleKey(), AnyPathScope());
  }

  RoleDefinitions roles_;
  OverrideIndex overrides_;
  std::vector<HeldRole> held_;

 private:
  static constexpr const char* kRoleKeys[] = {"r1", "r2", "r3"};
  // "r4" is held and overridden but never defined.
  static constexpr const char* kAllRoleKeys[] = {"r1", "r2", "r3", "r4"};
  static constexpr Permission kPermissions[] = {Permission::course_view,
                                                Permission::report_view};
  inline static const std::vector<Scope> kScopes{
      kC1, kBackend, kEng, kTenant, kC2, Scope::org_unit("ops")};

  int Pick(std::size_t n) {
    return static_cast<int>(
        std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_));
  }

  std::mt19937 rng_;
};

TEST(RbacResolveRandomTest, InvariantsHoldForRandomInputs) {
  const auto seed = static_cast<std::uint32_t>(
      testing::UnitTest::GetInstance()->random_seed());
  SCOPED_TRACE("replay with --gtest_random_seed=" + std::to_string(seed));
  RandomWorld world(seed);
  constexpr int kRounds = 3000;
  // How often each outcome came up: the inputs must reach all three for the
  // invariants to mean anything.
  int allowed = 0;
  int prohibited = 0;
  int not_granted = 0;
  for (int round = 0; round < kRounds; ++round) {
    world.Generate();
    const Permission permission = world.AnyPermission();
    const Decision before = world.Resolve(permission);
    SCOPED_TRACE("round " + std::to_string(round) + ": " + before.reason);

    // Without a prohibit, allowed exactly when some verdict allows.
    if (!before.prohibited_by) {
      bool any_allow = false;
      for (const auto& v : before.roles) {
        any_allow = any_allow || v.value == PV::allow;
      }
      ASSERT_EQ(before.allowed, any_allow);
    } else {
      ASSERT_FALSE(before.allowed);
      ASSERT_EQ(before.prohibited_by->value, PV::prohibit);
    }
    ASSERT_EQ(before.roles.size(), world.held_.size());
    if (before.allowed) {
      ++allowed;
    } else if (before.prohibited_by) {
      ++prohibited;
    } else {
      ++not_granted;
    }

    // Adding a prohibit anywhere never turns a deny into an allow...
    RandomWorld after = world;
    after.overrides_[{world.AnyRoleKey(), world.AnyScope(), permission}] =
        PV::prohibit;
    const Decision more = after.Resolve(permission);
    if (!before.allowed) {
      ASSERT_FALSE(more.allowed) << more.reason;
    }

    // ...and on the path of a held, defined role it always denies.
    if (!world.held_.empty() && world.held_[0].role_key != "r4") {
      RandomWorld on_path = world;
      on_path.overrides_[{world.held_[0].role_key, world.AnyPathScope(),
                          permission}] = PV::prohibit;
      const Decision denied = on_path.Resolve(permission);
      ASSERT_FALSE(denied.allowed) << denied.reason;
      ASSERT_TRUE(denied.prohibited_by);
    }

    // Removing every held role always denies.
    RandomWorld nobody = world;
    nobody.held_.clear();
    const Decision none = nobody.Resolve(permission);
    ASSERT_FALSE(none.allowed);
    ASSERT_TRUE(none.roles.empty());
  }
  EXPECT_GT(allowed, kRounds / 20);
  EXPECT_GT(prohibited, kRounds / 20);
  EXPECT_GT(not_granted, kRounds / 20);
}

}  // namespace
}  // namespace lms::rbac
