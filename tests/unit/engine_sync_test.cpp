// SPDX-License-Identifier: Apache-2.0
//
// HR sync through the engine on every backend: creates, updates, unchanged
// records, the missing policies of a full sync, dry runs, idempotence and
// the all-or-nothing rejection of a bad batch. Single-threaded.

#include <string>
#include <vector>

#include "unit/engine_fixture.hpp"

namespace lms::testing {
namespace {

class SyncTest : public EngineTest {
 protected:
  std::vector<UserRecord> batch(const std::vector<std::string>& keys) {
    std::vector<UserRecord> records;
    for (const auto& key : keys) records.push_back(user_record(key));
    return records;
  }

  UserStatus status_of(const std::string& key) {
    return engine_.get_user(system_, tenant_, key).status;
  }

  void set_status(const std::string& key, UserStatus status) {
    UserUpdate update;
    update.status = status;
    engine_.update_user(system_, tenant_, key, update);
  }

  static SyncOptions full(MissingPolicy missing, bool dry_run = false) {
    SyncOptions options;
    options.mode = SyncMode::full;
    options.missing = missing;
    options.dry_run = dry_run;
    return options;
  }
};

TEST_P(SyncTest, CreatesNewUsersInKeyOrder) {
  const auto records = batch({"c", "a", "b"});
  const SyncResult result = engine_.sync_users(system_, tenant_, records);
  EXPECT_EQ(result, (SyncResult{.created = 3}));
  EXPECT_EQ(engine_.list_users(system_, tenant_, {}).users.size(), 3u);
  std::vector<std::string> subjects;
  for (const auto& event : events()) {
    EXPECT_EQ(event.type, "user.created");
    subjects.push_back(event.subject);
  }
  EXPECT_EQ(subjects, (std::vector<std::string>{"a", "b", "c"}));
}

TEST_P(SyncTest, UpdatesChangedAndCountsUnchanged) {
  engine_.sync_users(system_, tenant_, batch({"a", "b", "c"}));
  auto records = batch({"a", "b", "c", "d"});
  records[1].display_name = "Bee";
  records[2].attributes = {{"title", "Lead"}};
  clock_->advance(std::chrono::hours{1});
  const SyncResult result = engine_.sync_users(system_, tenant_, records);
  EXPECT_EQ(result, (SyncResult{.created = 1, .updated = 2, .unchanged = 1}));
  EXPECT_EQ(engine_.get_user(system_, tenant_, "b").display_name, "Bee");
  EXPECT_EQ(engine_.get_user(system_, tenant_, "b").updated_at, clock_->now());
  EXPECT_EQ(engine_.get_user(system_, tenant_, "a").updated_at,
            clock_->now() - std::chrono::hours{1});

  const auto log = events();
  ASSERT_EQ(log.size(), 6u);
  EXPECT_EQ(log[3].type, "user.updated");
  EXPECT_EQ(log[3].subject, "b");
  EXPECT_EQ(log[3].payload,
            (Json{{"changes",
                   {{"display_name", {{"from", "User b"}, {"to", "Bee"}}}}},
                  {"source", "sync"}}));
  EXPECT_EQ(log[4].subject, "c");
  EXPECT_EQ(log[5].type, "user.created");
}

TEST_P(SyncTest, SameBatchTwiceChangesNothingTheSecondTime) {
  auto records = batch({"a", "b"});
  records[0].attributes = {{"level", 2}, {"ratio", 0.5}, {"remote", true}};
  engine_.sync_users(system_, tenant_, records);
  const auto before = events().size();
  const SyncResult again = engine_.sync_users(system_, tenant_, records);
  EXPECT_EQ(again, (SyncResult{.unchanged = 2}));
  EXPECT_EQ(events().size(), before);
}

TEST_P(SyncTest, FullSyncSuspendsActiveUsersMissingFromTheBatch) {
  engine_.sync_users(system_, tenant_,
                     batch({"keep", "gone", "was-suspended", "was-gone"}));
  set_status("was-suspended", UserStatus::suspended);
  set_status("was-gone", UserStatus::deprovisioned);
  const auto before = events().size();

  const SyncResult result = engine_.sync_users(
      system_, tenant_, batch({"keep"}), full(MissingPolicy::suspend));
  EXPECT_EQ(result, (SyncResult{.unchanged = 1, .suspended = 1}));
  EXPECT_EQ(status_of("gone"), UserStatus::suspended);
  EXPECT_EQ(status_of("was-suspended"), UserStatus::suspended);
  EXPECT_EQ(status_of("was-gone"), UserStatus::deprovisioned);
  EXPECT_EQ(status_of("keep"), UserStatus::active);
  const auto log = events();
  ASSERT_EQ(log.size(), before + 1);
  EXPECT_EQ(log.back().subject, "gone");
  EXPECT_EQ(log.back().payload.at("source"), "sync");
}

TEST_P(SyncTest, FullSyncDeprovisionsActiveAndSuspendedUsers) {
  engine_.sync_users(system_, tenant_,
                     batch({"keep", "gone", "was-suspended", "was-gone"}));
  set_status("was-suspended", UserStatus::suspended);
  set_status("was-gone", UserStatus::deprovisioned);
  const SyncResult result = engine_.sync_users(
      system_, tenant_, batch({"keep"}), full(MissingPolicy::deprovision));
  EXPECT_EQ(result, (SyncResult{.unchanged = 1, .deprovisioned = 2}));
  EXPECT_EQ(status_of("gone"), UserStatus::deprovisioned);
  EXPECT_EQ(status_of("was-suspended"), UserStatus::deprovisioned);
  EXPECT_EQ(status_of("keep"), UserStatus::active);
}

TEST_P(SyncTest, FullSyncKeepAndIncrementalSyncLeaveMissingUsersAlone) {
  engine_.sync_users(system_, tenant_, batch({"a", "b"}));
  const auto before = events().size();
  EXPECT_EQ(engine_.sync_users(system_, tenant_, batch({"a"}),
                               full(MissingPolicy::keep)),
            (SyncResult{.unchanged = 1}));
  SyncOptions incremental;
  incremental.missing = MissingPolicy::deprovision;
  EXPECT_EQ(engine_.sync_users(system_, tenant_, batch({"a"}), incremental),
            (SyncResult{.unchanged = 1}));
  EXPECT_EQ(status_of("b"), UserStatus::active);
  EXPECT_EQ(events().size(), before);
}

TEST_P(SyncTest, SyncReactivatesAUserTheBatchListsAsActive) {
  engine_.sync_users(system_, tenant_, batch({"a"}));
  set_status("a", UserStatus::suspended);
  EXPECT_EQ(engine_.sync_users(system_, tenant_, batch({"a"})),
            (SyncResult{.updated = 1}));
  EXPECT_EQ(status_of("a"), UserStatus::active);
}

TEST_P(SyncTest, DryRunWritesNothingAndCountsTheSame) {
  engine_.sync_users(system_, tenant_, batch({"a", "b", "c"}));
  auto records = batch({"a", "b", "new"});
  records[0].email = "changed@example.com";
  const auto events_before = events().size();
  const auto users_before = engine_.list_users(system_, tenant_, {}).users;

  const SyncResult dry = engine_.sync_users(system_, tenant_, records,
                                            full(MissingPolicy::suspend, true));
  EXPECT_EQ(
      dry,
      (SyncResult{.created = 1, .updated = 1, .unchanged = 1, .suspended = 1}));
  EXPECT_EQ(events().size(), events_before);
  const auto users_after = engine_.list_users(system_, tenant_, {}).users;
  ASSERT_EQ(users_after.size(), users_before.size());
  for (std::size_t i = 0; i < users_after.size(); ++i)
    EXPECT_EQ(static_cast<const UserRecord&>(users_after[i]),
              static_cast<const UserRecord&>(users_before[i]));

  const SyncResult real = engine_.sync_users(system_, tenant_, records,
                                             full(MissingPolicy::suspend));
  EXPECT_EQ(real, dry);
}

TEST_P(SyncTest, BatchesLargerThanOneChunkAreDiffedCompletely) {
  std::vector<std::string> keys;
  for (int i = 0; i < 1500; ++i) keys.push_back("user" + std::to_string(i));
  EXPECT_EQ(engine_.sync_users(system_, tenant_, batch(keys)).created, 1500);
  // Every third user is omitted; every fifth changed.
  std::vector<UserRecord> records;
  for (int i = 0; i < 1500; ++i) {
    if (i % 3 == 0) continue;
    records.push_back(user_record(keys[static_cast<std::size_t>(i)]));
    if (i % 5 == 0) records.back().display_name = "Changed";
  }
  const SyncResult result = engine_.sync_users(system_, tenant_, records,
                                               full(MissingPolicy::suspend));
  EXPECT_EQ(result.created, 0);
  EXPECT_EQ(result.updated, 200);  // i % 5 == 0 and i % 3 != 0
  EXPECT_EQ(result.unchanged, 800);
  EXPECT_EQ(result.suspended, 500);
  EXPECT_EQ(status_of("user3"), UserStatus::suspended);
  EXPECT_EQ(status_of("user4"), UserStatus::active);
}

TEST_P(SyncTest, InvalidRecordRejectsTheWholeBatch) {
  auto records = batch({"a", "b", "c"});
  records[2].email = "not an address";
  EXPECT_TRUE(fails_with([&] { engine_.sync_users(system_, tenant_, records); },
                         ErrorCode::invalid_argument,
                         "records[2] (key 'c'): email: must be"));
  EXPECT_TRUE(engine_.list_users(system_, tenant_, {}).users.empty());
  EXPECT_TRUE(events().empty());
}

TEST_P(SyncTest, DuplicateKeysNameBothPositions) {
  const auto records = batch({"a", "b", "c", "a"});
  EXPECT_TRUE(fails_with(
      [&] { engine_.sync_users(system_, tenant_, records); },
      ErrorCode::invalid_argument,
      "records[3] (key 'a'): key: duplicates the key of records[0]"));
  EXPECT_TRUE(events().empty());
}

TEST_P(SyncTest, UnknownOrgUnitNamesTheRecord) {
  auto records = batch({"a", "b"});
  records[1].org_unit = "nowhere";
  EXPECT_TRUE(
      fails_with([&] { engine_.sync_users(system_, tenant_, records); },
                 ErrorCode::not_found,
                 "records[1] (key 'b'): org_unit: no org unit 'nowhere'"));
  EXPECT_TRUE(events().empty());
}

TEST_P(SyncTest, NeedsUserManage) {
  const Actor user = reader();
  EXPECT_TRUE(fails_with(
      [&] { engine_.sync_users(user, tenant_, batch({"x"})); },
      ErrorCode::permission_denied, "actor 'reader' lacks user.manage"));
  SyncOptions dry;
  dry.dry_run = true;
  EXPECT_TRUE(
      fails_with([&] { engine_.sync_users(user, tenant_, batch({"x"}), dry); },
                 ErrorCode::permission_denied, "lacks user.manage"));
  EXPECT_TRUE(
      fails_with([&] { engine_.sync_users(system_, 999, batch({"x"})); },
                 ErrorCode::not_found, "tenant: no tenant with id 999"));
}

INSTANTIATE_TEST_SUITE_P(Engine, SyncTest,
                         ::testing::Values(EngineBackend::memory,
                                           EngineBackend::sqlite),
                         backend_name);

}  // namespace
}  // namespace lms::testing
