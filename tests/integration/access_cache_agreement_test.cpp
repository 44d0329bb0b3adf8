// SPDX-License-Identifier: Apache-2.0
//
// Cached decisions agree with uncached ones under random change. Two
// engines share one storage: `cached_` with the access cache, `fresh_`
// with it off (a zero TTL). The cached engine makes thousands of random
// changes -- assignments with validity dates, custom roles, overrides,
// users' status, org unit and manager, org unit moves, attempts by users
// that may be refused -- while the shared clock moves forwards and back;
// after each, sampled explain() calls by random actors on random resources
// must give the same answer, or the same error, from both. A missing
// invalidation shows up as a disagreement. Every fifth change, visible()
// must name exactly the users (or org units) check() allows. Seeded from
// GoogleTest's random seed: replay a failure with --gtest_random_seed. Runs on
// every backend. Single-threaded.

#include <algorithm>
#include <chrono>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "lms/storage_wrapper.hpp"
#include "unit/engine_fixture.hpp"

namespace lms::testing {
namespace {

using std::chrono::hours;

// What explain() answered: the decision's gist, or the error's code.
std::string answer(Engine& engine, const Actor& actor, TenantId tenant,
                   Permission permission, const Resource& resource) {
  try {
    const Decision d = engine.explain(actor, tenant, permission, resource);
    return (d.allowed ? "1 " : "0 ") + d.reason;
  } catch (const Error& e) {
    return "error " + std::string{error_code_name(e.code())};
  }
}

class AccessCacheAgreementTest
    : public ::testing::TestWithParam<EngineBackend> {
 protected:
  void SetUp() override {
    tenant_ = cached_.create_tenant(system_, {"acme", "Acme"}).id;
    cached_.create_org_unit(system_, tenant_, {"corp", "Corp", ""});
    cached_.create_org_unit(system_, tenant_, {"sales", "Sales", "corp"});
    cached_.create_org_unit(system_, tenant_, {"eng", "Eng", "corp"});
    cached_.create_org_unit(system_, tenant_, {"ops", "Ops", "eng"});
    for (int i = 0; i < kUsers; ++i) {
      UserRecord record = user_record(user_key(i), units_[i % units_.size()]);
      if (i > 0) record.manager_key = user_key((i - 1) / 2);
      cached_.create_user(system_, tenant_, record);
    }
    for (const std::string& course : courses_)
      cached_.create_course(system_, tenant_, course_spec(course));
    for (const char* role : {"r0", "r1"})
      cached_.create_role(system_, tenant_, {role, role, {}});
  }

  static constexpr int kUsers = 10;
  static std::string user_key(int i) { return "u" + std::to_string(i); }

  std::shared_ptr<Storage> shared_ = make_storage(GetParam());
  std::shared_ptr<ManualClock> clock_ =
      std::make_shared<ManualClock>(from_unix_ms(1'767'225'600'000));
  Engine cached_{std::make_unique<StorageWrapper>(*shared_),
                 EngineOptions{.clock = clock_}};
  Engine fresh_{
      std::make_unique<StorageWrapper>(*shared_),
      EngineOptions{.clock = clock_,
                    .access_cache_ttl = std::chrono::milliseconds{0}}};
  const Actor system_ = Actor::system();
  TenantId tenant_ = 0;
  const std::vector<std::string> units_{"", "corp", "sales", "eng", "ops"};
  const std::vector<std::string> courses_{"c0", "c1", "c2"};
  const std::vector<std::string> roles_{"tenant_admin", "author",  "instructor",
                                        "manager",      "learner", "auditor",
                                        "r0",           "r1"};
};

TEST_P(AccessCacheAgreementTest, CachedDecisionsAgreeWithUncachedOnes) {
  const unsigned seed = ::testing::UnitTest::GetInstance()->random_seed();
  std::mt19937 rng(seed);
  const auto pick = [&](std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
  };
  const auto permissions = all_permissions();
  const auto random_user = [&] {
    return user_key(static_cast<int>(pick(kUsers)));
  };
  const auto random_unit = [&] { return units_[1 + pick(units_.size() - 1)]; };
  const auto random_scope = [&] {
    switch (pick(3)) {
      case 0:
        return Scope::tenant();
      case 1:
        return Scope::org_unit(random_unit());
      default:
        return Scope::course(courses_[pick(courses_.size())]);
    }
  };
  const auto random_resource = [&] {
    switch (pick(4)) {
      case 0:
        return Resource::tenant();
      case 1:
        return Resource::org_unit(random_unit());
      case 2:
        return Resource::course(courses_[pick(courses_.size())]);
      default:
        return Resource::user(random_user());
    }
  };
  const auto random_value = [&] {
    const PermissionValue values[] = {PermissionValue::allow,
                                      PermissionValue::prevent,
                                      PermissionValue::prohibit};
    return values[pick(3)];
  };
  const auto sometime = [&] {
    return clock_->now() + hours(static_cast<int>(pick(7)) - 3);
  };
  std::vector<std::int64_t> assignments;
  const int operations = GetParam() == EngineBackend::memory ? 2000 : 1000;
  for (int n = 0; n < operations; ++n) {
    // Mostly the system principal; sometimes a user, who may be refused.
    const Actor actor = pick(5) == 0 ? Actor::user(random_user()) : system_;
    const int op = static_cast<int>(pick(10));
    SCOPED_TRACE("seed " + std::to_string(seed) + " op " + std::to_string(n) +
                 " kind " + std::to_string(op) + " by " + actor.to_string());
    try {
      switch (op) {
        case 0: {
          AssignmentSpec spec{random_user(), roles_[pick(roles_.size())],
                              random_scope(), std::nullopt, std::nullopt};
          if (pick(3) == 0) spec.valid_from = sometime();
          if (pick(3) == 0) spec.valid_until = sometime();
          assignments.push_back(cached_.assign_role(actor, tenant_, spec).id);
          break;
        }
        case 1:
          if (!assignments.empty())
            cached_.unassign_role(actor, tenant_,
                                  assignments[pick(assignments.size())]);
          break;
        case 2: {
          std::map<Permission, PermissionValue> granted;
          for (int i = 0; i < 4; ++i)
            granted[permissions[pick(permissions.size())]] = random_value();
          granted.erase(Permission::tenant_manage);
          cached_.update_role(actor, tenant_, pick(2) == 0 ? "r0" : "r1",
                              granted);
          break;
        }
        case 3:
          cached_.set_override(
              actor, tenant_,
              {roles_[pick(roles_.size())], random_scope(),
               permissions[pick(permissions.size())], random_value()});
          break;
        case 4:
          cached_.clear_override(actor, tenant_, roles_[pick(roles_.size())],
                                 random_scope(),
                                 permissions[pick(permissions.size())]);
          break;
        case 5: {
          UserUpdate update;
          switch (pick(3)) {
            case 0:
              update.status =
                  pick(3) == 0 ? UserStatus::suspended : UserStatus::active;
              break;
            case 1:
              update.org_unit = units_[pick(units_.size())];
              break;
            default:
              update.manager_key = pick(4) == 0 ? "" : random_user();
          }
          cached_.update_user(actor, tenant_, random_user(), update);
          break;
        }
        case 6: {
          const std::string unit = random_unit();
          cached_.move_org_unit(actor, tenant_, unit,
                                pick(2) == 0 ? "" : random_unit());
          break;
        }
        case 7:
          clock_->advance(hours(static_cast<int>(pick(5)) - 2));
          break;
        default:
          break;  // only samples: repeated questions hit the cache
      }
    } catch (const Error&) {
      // Refused or invalid: the point is what the engines answer next.
    }
    if (n % 5 == 0) {
      // visible() is one query where it can be: it must name exactly the
      // records check() allows, one by one.
      const Actor subject = Actor::user(random_user());
      const Permission permission = permissions[pick(permissions.size())];
      const ResourceKind kind =
          pick(2) == 0 ? ResourceKind::user : ResourceKind::org_unit;
      std::vector<std::string> expected;
      std::vector<std::string> keys;
      if (kind == ResourceKind::user) {
        for (int i = 0; i < kUsers; ++i) keys.push_back(user_key(i));
      } else {
        keys.assign(units_.begin() + 1, units_.end());
      }
      std::sort(keys.begin(), keys.end());
      for (const std::string& key : keys) {
        const Resource resource = kind == ResourceKind::user
                                      ? Resource::user(key)
                                      : Resource::org_unit(key);
        if (fresh_.check(subject, tenant_, permission, resource))
          expected.push_back(key);
      }
      ASSERT_EQ(cached_.visible(subject, tenant_, permission, kind), expected)
          << subject.to_string() << " " << to_string(permission);
    }
    for (int sample = 0; sample < 6; ++sample) {
      const Actor subject =
          Actor::user(pick(12) == 0 ? "ghost" : random_user());
      const Permission permission = permissions[pick(permissions.size())];
      const Resource resource = random_resource();
      ASSERT_EQ(answer(cached_, subject, tenant_, permission, resource),
                answer(fresh_, subject, tenant_, permission, resource))
          << subject.to_string() << " " << to_string(permission) << " on "
          << to_string(resource.kind) << " '" << resource.key << "'";
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Engine, AccessCacheAgreementTest,
                         ::testing::Values(EngineBackend::memory,
                                           EngineBackend::sqlite),
                         backend_name);

}  // namespace
}  // namespace lms::testing
