// SPDX-License-Identifier: Apache-2.0
//
// What only the SQLite backend promises, beyond the conformance suite:
// durability across reopening, the schema version check, WAL mode, and
// readers running beside a writer. Raw sqlite3 calls inspect and tamper
// with the file. Each test owns its files; the concurrency test runs two
// threads of its own.

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <fstream>
#include <string>
#include <thread>

#include "conformance/storage_test_support.hpp"
#include "lms/error.hpp"
#include "lms/storage.hpp"

namespace lms::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// Runs one statement on the file through a raw connection; returns the
// first column of the first row as text ("" when there is none).
std::string RawQuery(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK)
      << sqlite3_errmsg(db);
  std::string result;
  if (sqlite3_step(stmt) == SQLITE_ROW &&
      sqlite3_column_type(stmt, 0) != SQLITE_NULL) {
    result = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return result;
}

class SqliteStorageTest : public ::testing::Test {
 protected:
  std::string Path() const { return (dir_.path() / "lms.db").string(); }

  TempDir dir_;
};

TEST_F(SqliteStorageTest, ReopenedFileKeepsCommittedData) {
  {
    auto storage = open_sqlite(Path());
    auto tx = storage->begin(TransactionMode::write);
    const TenantId t =
        tx->directory().insert_tenant({"acme", "Acme"}, Time(kT0));
    tx->directory().insert_user(t, MakeUser("u1"));
    tx->commit();
  }
  auto storage = open_sqlite(Path());
  auto tx = storage->begin(TransactionMode::read);
  EXPECT_EQ(tx->directory().find_tenant_by_key("acme")->id, 1);
  EXPECT_EQ(Describe(tx->directory().find_user(1, "u1")),
            Describe(MakeUser("u1")));
}

TEST_F(SqliteStorageTest, FreshDatabaseHasTheCurrentSchemaVersion) {
  open_sqlite(Path());
  EXPECT_EQ(RawQuery(Path(), "PRAGMA user_version"),
            std::to_string(sqlite_schema_version()));
  EXPECT_GE(sqlite_schema_version(), 1);
}

TEST_F(SqliteStorageTest, NewerSchemaVersionIsRefused) {
  open_sqlite(Path());
  const int newer = sqlite_schema_version() + 1;
  RawQuery(Path(), "PRAGMA user_version = " + std::to_string(newer));
  try {
    open_sqlite(Path());
    FAIL() << "opened a newer database";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::storage);
    EXPECT_THAT(e.what(), HasSubstr(std::to_string(newer)));
    EXPECT_THAT(e.what(),
                HasSubstr("(" + std::to_string(sqlite_schema_version()) + ")"));
  }
  // Refusing changed nothing.
  EXPECT_EQ(RawQuery(Path(), "PRAGMA user_version"), std::to_string(newer));
}

TEST_F(SqliteStorageTest, FileThatIsNotADatabaseIsAStorageError) {
  std::ofstream(Path()) << "this is not an SQLite database, not at all....";
  try {
    open_sqlite(Path());
    FAIL() << "opened a text file";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::storage);
  }
}

TEST_F(SqliteStorageTest, MissingDirectoryIsAStorageError) {
  try {
    open_sqlite((dir_.path() / "no" / "such" / "dir.db").string());
    FAIL() << "opened a file in a missing directory";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::storage);
  }
}

TEST_F(SqliteStorageTest, FileUsesWriteAheadLogging) {
  open_sqlite(Path());
  EXPECT_EQ(RawQuery(Path(), "PRAGMA journal_mode"), "wal");
}

TEST_F(SqliteStorageTest, CapabilitiesOfFileAndMemoryDatabases) {
  EXPECT_EQ(open_sqlite(Path())->capabilities(),
            kStorageDurable | kStorageConcurrentReads);
  EXPECT_EQ(open_sqlite(":memory:")->capabilities(), 0u);
}

TEST_F(SqliteStorageTest, ReaderDoesNotSeeAnOpenWriteTransaction) {
  auto storage = open_sqlite(Path());
  {
    auto tx = storage->begin(TransactionMode::write);
    tx->directory().insert_tenant({"acme", "Acme"}, Time(kT0));
    tx->commit();
  }
  auto writer = storage->begin(TransactionMode::write);
  writer->directory().insert_user(1, MakeUser("pending"));
  {
    auto reader = storage->begin(TransactionMode::read);
    EXPECT_FALSE(reader->directory().find_user(1, "pending"));
  }
  writer->commit();
  auto reader = storage->begin(TransactionMode::read);
  EXPECT_TRUE(reader->directory().find_user(1, "pending"));
}

TEST_F(SqliteStorageTest, ReadersRunWhileAWriterCommits) {
  SqliteOptions options;
  options.read_connections = 2;
  auto storage = open_sqlite(Path(), options);
  {
    auto tx = storage->begin(TransactionMode::write);
    tx->directory().insert_tenant({"acme", "Acme"}, Time(kT0));
    tx->commit();
  }
  constexpr int kUsers = 100;
  std::atomic<bool> writing{true};
  std::atomic<int> failures{0};
  std::thread writer([&] {
    try {
      for (int i = 0; i < kUsers; ++i) {
        auto tx = storage->begin(TransactionMode::write);
        // Plain digits: "u" + std::to_string(...) trips a false -Wrestrict
        // in GCC 12 at -O3 (GCC bug 105329).
        const std::string key = std::to_string(1000 + i);
        tx->directory().insert_user(1, MakeUser(key));
        tx->events().append_event(MakeEvent(1, key));
        tx->commit();
      }
    } catch (const std::exception& e) {
      ADD_FAILURE() << "writer: " << e.what();
      ++failures;
    }
    writing = false;
  });
  const auto read_loop = [&] {
    try {
      std::size_t seen = 0;
      while (writing) {
        auto tx = storage->begin(TransactionMode::read);
        const auto keys = tx->directory().list_user_keys(1);
        // One snapshot: as many events as users, and never fewer than
        // an earlier snapshot saw.
        const auto events = tx->events().events_after(1, 0, kUsers);
        if (keys.size() < seen || events.size() != keys.size()) ++failures;
        seen = keys.size();
      }
    } catch (const std::exception& e) {
      ADD_FAILURE() << "reader: " << e.what();
      ++failures;
    }
  };
  std::thread reader(read_loop);
  read_loop();
  writer.join();
  reader.join();
  EXPECT_EQ(failures, 0);
  auto tx = storage->begin(TransactionMode::read);
  EXPECT_EQ(tx->directory().list_user_keys(1).size(),
            static_cast<std::size_t>(kUsers));
}

TEST_F(SqliteStorageTest, MemoryDatabasesArePrivateToTheirStorage) {
  auto first = open_sqlite(":memory:");
  auto second = open_sqlite(":memory:");
  {
    auto tx = first->begin(TransactionMode::write);
    tx->directory().insert_tenant({"acme", "Acme"}, Time(kT0));
    tx->commit();
  }
  auto tx = second->begin(TransactionMode::read);
  EXPECT_TRUE(tx->directory().list_tenants().empty());
}

}  // namespace
}  // namespace lms::testing
