// SPDX-License-Identifier: Apache-2.0
//
// The cached form of access decisions (src/rbac/access_cache.hpp), seen
// from outside: a warm check reads no storage, the first check after an
// assignment change re-reads only that actor's assignments, every kind of
// change is seen by the next check, time moves decisions both ways, a
// failed commit leaves nothing stale, the TTL bounds staleness for writers
// that bypass the engine, and concurrent readers never keep a decision a
// commit made stale.

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

#include "lms/storage_wrapper.hpp"
#include "unit/access_fixture.hpp"

namespace lms::testing {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

// Counts transactions begun and the calls on them by method; fails
// commits while `fail_commit` is set.
class CountingStorage final : public StorageWrapper {
 public:
  explicit CountingStorage(std::unique_ptr<Storage> target)
      : StorageWrapper(*target), owned_(std::move(target)) {}

  std::unique_ptr<Transaction> begin(TransactionMode mode) override {
    ++begun;
    return StorageWrapper::begin(mode);
  }
  void on_call(std::string_view method, bool) override {
    {
      std::lock_guard lock(mutex_);
      ++calls_[std::string{method}];
    }
    if (fail_commit && method == "commit")
      throw Error(ErrorCode::storage, "injected failure at commit");
  }

  int calls(const std::string& method) {
    std::lock_guard lock(mutex_);
    return calls_[method];
  }
  void reset() {
    std::lock_guard lock(mutex_);
    calls_.clear();
    begun = 0;
  }

  std::atomic<int> begun{0};
  std::atomic<bool> fail_commit{false};

 private:
  std::unique_ptr<Storage> owned_;
  std::mutex mutex_;
  std::map<std::string, int> calls_;
};

class AccessCacheTest : public ::testing::TestWithParam<EngineBackend> {
 protected:
  AccessCacheTest() {
    auto storage = std::make_unique<CountingStorage>(make_storage(GetParam()));
    storage_ = storage.get();
    world_ = std::make_unique<AccessWorld>(std::move(storage));
  }

  bool may(const std::string& actor, Permission permission,
           const Resource& resource) {
    return world_->engine.check(Actor::user(actor), world_->tenant, permission,
                                resource);
  }

  CountingStorage* storage_ = nullptr;
  std::unique_ptr<AccessWorld> world_;
};

TEST_P(AccessCacheTest, WarmCheckAndExplainReadNoStorage) {
  const Resource c1 = Resource::course("c1");
  ASSERT_TRUE(may("inst1", Permission::course_view, c1));
  storage_->reset();
  EXPECT_TRUE(may("inst1", Permission::course_view, c1));
  const Decision decision = world_->engine.explain(
      Actor::user("inst1"), world_->tenant, Permission::course_view, c1);
  EXPECT_TRUE(decision.allowed);
  EXPECT_NE(decision.reason.find("instructor"), std::string::npos)
      << decision.reason;
  EXPECT_EQ(storage_->begun, 0);
}

TEST_P(AccessCacheTest, WarmAuthorizationReadsOnlyWhatTheCallNeeds) {
  AccessWorld& w = *world_;
  w.engine.get_course(Actor::user("inst1"), w.tenant, "c1");
  storage_->reset();
  w.engine.get_course(Actor::user("inst1"), w.tenant, "c1");
  EXPECT_EQ(storage_->begun, 1);
  EXPECT_EQ(storage_->calls("find_course"), 1);  // the call's own read
  EXPECT_EQ(storage_->calls("find_user"), 0);
  EXPECT_EQ(storage_->calls("list_assignments"), 0);
  EXPECT_EQ(storage_->calls("list_roles"), 0);
}

TEST_P(AccessCacheTest, FirstCheckAfterAnAssignmentRereadsOnlyThoseOfTheActor) {
  AccessWorld& w = *world_;
  const Resource c2 = Resource::course("c2");
  ASSERT_FALSE(may("emp", Permission::course_view, c2));
  ASSERT_TRUE(may("inst1", Permission::course_view, Resource::course("c1")));
  w.assign("emp", kRoleInstructor, Scope::course("c2"));
  storage_->reset();
  EXPECT_TRUE(may("emp", Permission::course_view, c2));
  EXPECT_EQ(storage_->begun, 1);
  EXPECT_EQ(storage_->calls("list_assignments"), 1);
  for (const char* method :
       {"find_tenant", "find_user", "find_course", "list_org_subtree",
        "list_roles", "list_overrides", "manager_chain"})
    EXPECT_EQ(storage_->calls(method), 0) << method;
  // Another actor's decisions were kept.
  storage_->reset();
  EXPECT_TRUE(may("inst1", Permission::course_view, Resource::course("c1")));
  EXPECT_EQ(storage_->begun, 0);
}

// One kind of change: `setup` runs first, then the check must answer
// `before`; after `change` it must answer `after`.
struct ChangeCase {
  const char* name;
  std::function<void(AccessWorld&)> setup;
  std::function<void(AccessWorld&)> change;
  const char* actor;
  Permission permission;
  Resource resource;
  bool before;
  bool after;
};

// Names the case in GoogleTest's messages.
void PrintTo(const ChangeCase& c, std::ostream* os) { *os << c.name; }

void nothing(AccessWorld&) {}

UserUpdate status_update(UserStatus status) {
  UserUpdate update;
  update.status = status;
  return update;
}

const ChangeCase kChanges[] = {
    {"AssignRole", nothing,
     [](AccessWorld& w) {
       w.assign("emp", kRoleInstructor, Scope::course("c2"));
     },
     "emp", Permission::course_view, Resource::course("c2"), false, true},
    {"UnassignRole", nothing,
     [](AccessWorld& w) {
       w.engine.unassign_role(w.system, w.tenant, w.learner_assignment);
     },
     "learner", Permission::attempt_take, Resource::course("c1"), true, false},
    {"UpdateRole",
     [](AccessWorld& w) { w.assign("emp", "custom", Scope::tenant()); },
     [](AccessWorld& w) {
       w.engine.update_role(w.system, w.tenant, "custom", {});
     },
     "emp", Permission::course_view, Resource::course("c2"), true, false},
    {"SetOverride", nothing,
     [](AccessWorld& w) {
       w.engine.set_override(
           w.system, w.tenant,
           {std::string{kRoleInstructor}, Scope::course("c1"),
            Permission::course_view, PermissionValue::prohibit});
     },
     "inst1", Permission::course_view, Resource::course("c1"), true, false},
    {"ClearOverride",
     [](AccessWorld& w) {
       w.engine.set_override(
           w.system, w.tenant,
           {std::string{kRoleInstructor}, Scope::course("c1"),
            Permission::course_view, PermissionValue::prohibit});
     },
     [](AccessWorld& w) {
       w.engine.clear_override(w.system, w.tenant, std::string{kRoleInstructor},
                               Scope::course("c1"), Permission::course_view);
     },
     "inst1", Permission::course_view, Resource::course("c1"), false, true},
    {"SuspendActor", nothing,
     [](AccessWorld& w) {
       w.engine.update_user(w.system, w.tenant, "inst1",
                            status_update(UserStatus::suspended));
     },
     "inst1", Permission::course_view, Resource::course("c1"), true, false},
    {"ReactivateActor", nothing,
     [](AccessWorld& w) {
       w.engine.update_user(w.system, w.tenant, "susp",
                            status_update(UserStatus::active));
     },
     "susp", Permission::course_view, Resource::course("c1"), false, true},
    {"MoveSubjectToAnotherUnit",
     [](AccessWorld& w) {
       w.assign("inst2", kRoleAuditor, Scope::org_unit("eng"));
     },
     [](AccessWorld& w) {
       UserUpdate update;
       update.org_unit = "eng";
       w.engine.update_user(w.system, w.tenant, "emp", update);
     },
     "inst2", Permission::user_view, Resource::user("emp"), false, true},
    {"ChangeSubjectsManager", nothing,
     [](AccessWorld& w) {
       UserUpdate update;
       update.manager_key = "mgr2";
       w.engine.update_user(w.system, w.tenant, "emp", update);
     },
     "mgr2", Permission::user_view, Resource::user("emp"), false, true},
    {"ChangeManagerHigherUp", nothing,
     [](AccessWorld& w) {
       UserUpdate update;
       update.manager_key = "mgr2";
       w.engine.update_user(w.system, w.tenant, "mgr", update);
     },
     "boss", Permission::user_view, Resource::user("emp"), true, false},
    {"MoveOrgUnit",
     [](AccessWorld& w) {
       w.assign("inst2", kRoleAuditor, Scope::org_unit("eng"));
     },
     [](AccessWorld& w) {
       w.engine.move_org_unit(w.system, w.tenant, "sales", "eng");
     },
     "inst2", Permission::user_view, Resource::user("emp"), false, true},
};

class AccessCacheChangeTest
    : public ::testing::TestWithParam<std::tuple<EngineBackend, ChangeCase>> {};

TEST_P(AccessCacheChangeTest, IsSeenByTheNextCheck) {
  const auto& [backend, c] = GetParam();
  AccessWorld world(backend);
  c.setup(world);
  const auto may = [&] {
    return world.engine.check(Actor::user(c.actor), world.tenant, c.permission,
                              c.resource);
  };
  ASSERT_EQ(may(), c.before);
  ASSERT_EQ(may(), c.before);  // now served from the cache
  c.change(world);
  EXPECT_EQ(may(), c.after);
  EXPECT_EQ(
      world.engine
          .explain(Actor::user(c.actor), world.tenant, c.permission, c.resource)
          .allowed,
      c.after);
}

INSTANTIATE_TEST_SUITE_P(
    Engine, AccessCacheChangeTest,
    ::testing::Combine(::testing::Values(EngineBackend::memory,
                                         EngineBackend::sqlite),
                       ::testing::ValuesIn(kChanges)),
    [](const auto& info) {
      return std::string{std::get<1>(info.param).name} +
             (std::get<0>(info.param) == EngineBackend::memory ? "_Memory"
                                                               : "_Sqlite");
    });

TEST_P(AccessCacheTest, TimeMovesCachedDecisionsBothWays) {
  AccessWorld& w = *world_;
  const Timestamp start = w.clock->now();
  w.engine.assign_role(
      w.system, w.tenant,
      {"emp", std::string{kRoleInstructor}, Scope::course("c2"),
       start + hours(1), start + hours(2)});
  const Resource c2 = Resource::course("c2");
  EXPECT_FALSE(may("emp", Permission::course_view, c2));
  w.clock->advance(hours(1));
  EXPECT_TRUE(may("emp", Permission::course_view, c2));
  w.clock->set(start);
  EXPECT_FALSE(may("emp", Permission::course_view, c2));
  w.clock->set(start + hours(1) + minutes(59));
  EXPECT_TRUE(may("emp", Permission::course_view, c2));
  w.clock->advance(minutes(1));
  EXPECT_FALSE(may("emp", Permission::course_view, c2));
}

TEST_P(AccessCacheTest, FailedCommitLeavesNoStaleDecision) {
  AccessWorld& w = *world_;
  const Resource c2 = Resource::course("c2");
  const Resource c1 = Resource::course("c1");
  ASSERT_FALSE(may("emp", Permission::course_view, c2));
  ASSERT_TRUE(may("learner", Permission::attempt_take, c1));
  storage_->fail_commit = true;
  EXPECT_TRUE(
      fails_with([&] { w.assign("emp", kRoleInstructor, Scope::course("c2")); },
                 ErrorCode::storage, "injected"));
  EXPECT_TRUE(fails_with(
      [&] { w.engine.unassign_role(w.system, w.tenant, w.learner_assignment); },
      ErrorCode::storage, "injected"));
  storage_->fail_commit = false;
  EXPECT_FALSE(may("emp", Permission::course_view, c2));
  EXPECT_TRUE(may("learner", Permission::attempt_take, c1));
}

TEST_P(AccessCacheTest, ConcurrentReadersNeverKeepAStaleDecision) {
  AccessWorld& w = *world_;
  const Resource c2 = Resource::course("c2");
  std::atomic<bool> done{false};
  std::vector<std::thread> readers;
  for (int r = 0; r < 2; ++r) {
    readers.emplace_back([&] {
      while (!done) may("emp", Permission::course_view, c2);
    });
  }
  std::int64_t id = 0;
  for (int round = 0; round < 60; ++round) {
    id = w.engine
             .assign_role(w.system, w.tenant,
                          {"emp", std::string{kRoleInstructor},
                           Scope::course("c2"), std::nullopt, std::nullopt})
             .id;
    EXPECT_TRUE(may("emp", Permission::course_view, c2)) << round;
    if (round + 1 < 60) {
      w.engine.unassign_role(w.system, w.tenant, id);
      EXPECT_FALSE(may("emp", Permission::course_view, c2)) << round;
    }
  }
  done = true;
  for (std::thread& reader : readers) reader.join();
  EXPECT_TRUE(may("emp", Permission::course_view, c2));
}

INSTANTIATE_TEST_SUITE_P(Engine, AccessCacheTest,
                         ::testing::Values(EngineBackend::memory,
                                           EngineBackend::sqlite),
                         backend_name);

// Two engines over one SQLite file: `writer` changes, `reader` answers.
class AccessCacheTtlTest : public ::testing::Test {
 protected:
  ~AccessCacheTtlTest() override {
    for (const char* suffix : {"", "-wal", "-shm"})
      std::filesystem::remove(path_ + suffix);
  }

  Engine open(std::optional<std::chrono::milliseconds> ttl) {
    return Engine::open(
        path_, EngineOptions{.clock = clock_, .access_cache_ttl = ttl});
  }

  const std::string path_ =
      (std::filesystem::temp_directory_path() /
       ("lms-access-cache-" + std::to_string(::getpid()) + ".db"))
          .string();
  std::shared_ptr<ManualClock> clock_ =
      std::make_shared<ManualClock>(from_unix_ms(1'767'225'600'000));
};

TEST_F(AccessCacheTtlTest, BoundsHowLongWritesThatBypassTheEngineGoUnseen) {
  const Actor system = Actor::system();
  Engine writer = open(std::nullopt);
  const TenantId tenant = writer.create_tenant(system, {"acme", "Acme"}).id;
  writer.create_user(system, tenant, user_record("u"));
  writer.create_course(system, tenant, course_spec("c"));
  Engine cached = open(minutes(5));
  Engine uncached = open(std::chrono::milliseconds{0});
  const auto may = [&](Engine& engine) {
    return engine.check(Actor::user("u"), tenant, Permission::course_view,
                        Resource::course("c"));
  };
  ASSERT_FALSE(may(cached));
  ASSERT_FALSE(may(uncached));
  writer.assign_role(system, tenant,
                     {"u", std::string{kRoleInstructor}, Scope::course("c"),
                      std::nullopt, std::nullopt});
  EXPECT_TRUE(may(uncached));
  // As documented: another engine's write is not seen before the TTL...
  clock_->advance(minutes(4));
  EXPECT_FALSE(may(cached));
  // ...and is once what was read is older than it.
  clock_->advance(minutes(1));
  EXPECT_TRUE(may(cached));
}

TEST(AccessCacheOptionsTest, NegativeTtlIsRefusedNamingTheField) {
  EXPECT_TRUE(fails_with(
      [] {
        Engine(
            make_memory_storage(),
            EngineOptions{.access_cache_ttl = std::chrono::milliseconds{-1}});
      },
      ErrorCode::invalid_argument, "access_cache_ttl"));
}

}  // namespace
}  // namespace lms::testing
