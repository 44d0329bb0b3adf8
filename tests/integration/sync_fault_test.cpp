// SPDX-License-Identifier: Apache-2.0
//
// Fault injection and concurrency through the engine, on every backend: a
// storage failure at any write of an HR sync, or at its commit, leaves no
// trace of the batch and does not stop the next sync; two threads racing to
// create one user key get exactly one success. The fault-injecting wrapper
// is safe for concurrent use (atomics); each test owns its engine.

#include <atomic>
#include <barrier>
#include <string>
#include <thread>
#include <vector>

#include "lms/storage_wrapper.hpp"
#include "unit/engine_fixture.hpp"

namespace lms::testing {
namespace {

// Fails the `fail_at`-th write call (commit included) with Error{storage};
// 0 fails nothing. Owns the storage it wraps.
class FaultyStorage final : public StorageWrapper {
 public:
  explicit FaultyStorage(std::unique_ptr<Storage> target)
      : StorageWrapper(*target), owned_(std::move(target)) {}

  // Arms the fault: counting starts afresh.
  void fail_write(int n) {
    writes_ = 0;
    fail_at_ = n;
  }
  void fail_commit() { fail_commit_ = true; }
  void heal() {
    fail_at_ = 0;
    fail_commit_ = false;
  }
  int writes() const { return writes_; }

  void on_call(std::string_view method, bool writes) override {
    if (!writes) return;
    const int n = ++writes_;
    if (n == fail_at_ || (fail_commit_ && method == "commit"))
      throw Error(ErrorCode::storage,
                  "injected failure at " + std::string{method});
  }

 private:
  std::unique_ptr<Storage> owned_;
  std::atomic<int> writes_{0};
  std::atomic<int> fail_at_{0};
  std::atomic<bool> fail_commit_{false};
};

constexpr int kBatchUsers = 50;

class SyncFaultTest : public ::testing::TestWithParam<EngineBackend> {
 protected:
  SyncFaultTest() {
    auto storage = std::make_unique<FaultyStorage>(make_storage(GetParam()));
    storage_ = storage.get();
    engine_ = std::make_unique<Engine>(std::move(storage));
    tenant_ = engine_->create_tenant(system_, {"acme", "Acme"}).id;
    engine_->create_org_unit(system_, tenant_, {"ops", "Ops", ""});
  }

  static std::vector<UserRecord> batch(const std::string& name) {
    std::vector<UserRecord> records;
    for (int i = 0; i < kBatchUsers; ++i) {
      records.push_back(user_record("user" + std::to_string(i), "ops"));
      records.back().display_name = name;
    }
    return records;
  }

  // Users and events of the tenant, as text.
  std::string snapshot() {
    UserQuery query;
    query.limit = 1000;
    Json state = to_json(engine_->list_users(system_, tenant_, query));
    for (const auto& event : engine_->events_after(system_, tenant_, 0, 1000))
      state["events"].push_back(to_json(event));
    return state.dump();
  }

  const Actor system_ = Actor::system();
  FaultyStorage* storage_ = nullptr;  // owned by engine_
  std::unique_ptr<Engine> engine_;
  TenantId tenant_ = 0;
};

// The writes of a 50-user creating sync: 50 inserts, 50 events, a commit.
constexpr int kCommitWrite = 2 * kBatchUsers + 1;

TEST_P(SyncFaultTest, FailedCreatingSyncWritesNothing) {
  for (const int n : {1, 2, 5, 20, kCommitWrite}) {
    SCOPED_TRACE("failing write " + std::to_string(n));
    const std::string before = snapshot();
    storage_->fail_write(n);
    EXPECT_TRUE(fails_with(
        [&] { engine_->sync_users(system_, tenant_, batch("First")); },
        ErrorCode::storage, "injected failure"));
    storage_->heal();
    EXPECT_EQ(snapshot(), before);
    EXPECT_TRUE(engine_->list_users(system_, tenant_, {}).users.empty());
  }
  // A dry run writes nothing at all; the real sync's last write is the
  // commit.
  storage_->fail_write(0);
  engine_->sync_users(system_, tenant_, batch("First"),
                      SyncOptions{.dry_run = true});
  EXPECT_EQ(storage_->writes(), 0);
  const SyncResult result =
      engine_->sync_users(system_, tenant_, batch("First"));
  EXPECT_EQ(result.created, kBatchUsers);
  EXPECT_EQ(storage_->writes(), kCommitWrite);
  EXPECT_EQ(engine_->list_users(system_, tenant_, {}).users.size(),
            static_cast<std::size_t>(kBatchUsers));
}

TEST_P(SyncFaultTest, FailedCommitWritesNothing) {
  const std::string before = snapshot();
  storage_->fail_commit();
  EXPECT_TRUE(
      fails_with([&] { engine_->sync_users(system_, tenant_, batch("First")); },
                 ErrorCode::storage, "injected failure at commit"));
  storage_->heal();
  EXPECT_EQ(snapshot(), before);
  EXPECT_EQ(engine_->sync_users(system_, tenant_, batch("First")).created,
            kBatchUsers);
}

TEST_P(SyncFaultTest, FailedUpdatingSyncLeavesUsersAsTheyWere) {
  engine_->sync_users(system_, tenant_, batch("First"));
  engine_->create_user(system_, tenant_, user_record("leaver", "ops"));
  SyncOptions full;
  full.mode = SyncMode::full;
  full.missing = MissingPolicy::suspend;
  // 50 updates and the leaver's suspension, each with its event, a commit.
  for (const int n : {1, 2, 5, 20, kCommitWrite + 2}) {
    SCOPED_TRACE("failing write " + std::to_string(n));
    const std::string before = snapshot();
    storage_->fail_write(n);
    EXPECT_TRUE(fails_with(
        [&] { engine_->sync_users(system_, tenant_, batch("Second"), full); },
        ErrorCode::storage, "injected failure"));
    storage_->heal();
    EXPECT_EQ(snapshot(), before);
  }
  storage_->fail_write(0);
  const SyncResult result =
      engine_->sync_users(system_, tenant_, batch("Second"), full);
  EXPECT_EQ(storage_->writes(), kCommitWrite + 2);
  EXPECT_EQ(result, (SyncResult{.updated = kBatchUsers, .suspended = 1}));
  EXPECT_EQ(engine_->get_user(system_, tenant_, "user7").display_name,
            "Second");
}

INSTANTIATE_TEST_SUITE_P(Engine, SyncFaultTest,
                         ::testing::Values(EngineBackend::memory,
                                           EngineBackend::sqlite),
                         backend_name);

class ConcurrencyTest : public ::testing::TestWithParam<EngineBackend> {};

TEST_P(ConcurrencyTest, RacingCreatesOfOneKeyHaveOneWinner) {
  Engine engine(make_storage(GetParam()));
  const Actor system = Actor::system();
  const TenantId tenant = engine.create_tenant(system, {"acme", "Acme"}).id;
  constexpr int kRounds = 50;
  std::atomic<int> created{0};
  std::atomic<int> already_exists{0};
  std::atomic<int> other_errors{0};
  std::barrier start(2);
  const auto racer = [&] {
    for (int round = 0; round < kRounds; ++round) {
      start.arrive_and_wait();
      try {
        engine.create_user(system, tenant,
                           user_record("key" + std::to_string(round)));
        ++created;
      } catch (const Error& e) {
        ++(e.code() == ErrorCode::already_exists ? already_exists
                                                 : other_errors);
      }
    }
  };
  std::thread first(racer);
  std::thread second(racer);
  first.join();
  second.join();
  EXPECT_EQ(created, kRounds);
  EXPECT_EQ(already_exists, kRounds);
  EXPECT_EQ(other_errors, 0);
  // One user and one event per key.
  UserQuery query;
  query.limit = 1000;
  EXPECT_EQ(engine.list_users(system, tenant, query).users.size(),
            static_cast<std::size_t>(kRounds));
  EXPECT_EQ(engine.events_after(system, tenant, 0, 1000).size(),
            static_cast<std::size_t>(kRounds + 1));
}

INSTANTIATE_TEST_SUITE_P(Engine, ConcurrencyTest,
                         ::testing::Values(EngineBackend::memory,
                                           EngineBackend::sqlite),
                         backend_name);

}  // namespace
}  // namespace lms::testing
