// SPDX-License-Identifier: Apache-2.0
//
// What only the SQLite backend promises, beyond the conformance suite:
// durability across reopening, the schema version check and forward
// migration, WAL mode, and readers running beside a writer. Raw sqlite3 calls
// inspect and tamper with the file. Each test owns its files; the concurrency
// test runs two threads of its own.

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

// Runs `sql` (any number of statements) on the file through a raw
// connection.
void RawExec(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  char* error = nullptr;
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK)
      << (error != nullptr ? error : "");
  sqlite3_free(error);
  sqlite3_close(db);
}

// The schema exactly as the first release created it, kept here frozen: a
// database that release wrote is what a migration starts from, whatever
// the library's own migrations turn into later.
constexpr const char* kSchemaVersion1 = R"sql(
CREATE TABLE tenants (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE TABLE org_units (
  tenant_id INTEGER NOT NULL,
  key TEXT NOT NULL,
  name TEXT NOT NULL,
  parent TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, key),
  FOREIGN KEY (tenant_id, parent) REFERENCES org_units (tenant_id, key)
) WITHOUT ROWID;
CREATE INDEX org_units_by_parent ON org_units (tenant_id, parent);

CREATE TABLE users (
  tenant_id INTEGER NOT NULL,
  key TEXT NOT NULL,
  display_name TEXT NOT NULL,
  email TEXT NOT NULL,
  org_unit TEXT,
  manager_key TEXT NOT NULL,
  hire_date INTEGER,
  attributes TEXT NOT NULL,
  status TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, key),
  FOREIGN KEY (tenant_id, org_unit) REFERENCES org_units (tenant_id, key)
) WITHOUT ROWID;
CREATE INDEX users_by_org_unit ON users (tenant_id, org_unit);
CREATE INDEX users_by_manager ON users (tenant_id, manager_key);

CREATE TABLE courses (
  tenant_id INTEGER NOT NULL,
  key TEXT NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  version INTEGER NOT NULL,
  status TEXT NOT NULL,
  activities TEXT NOT NULL,
  recertification_days INTEGER,
  default_due_days INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, key)
) WITHOUT ROWID;

CREATE TABLE course_prerequisites (
  tenant_id INTEGER NOT NULL,
  course_key TEXT NOT NULL,
  position INTEGER NOT NULL,
  prerequisite_key TEXT NOT NULL,
  PRIMARY KEY (tenant_id, course_key, position),
  FOREIGN KEY (tenant_id, course_key) REFERENCES courses (tenant_id, key)
) WITHOUT ROWID;

CREATE TABLE events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  tenant_id INTEGER NOT NULL,
  time INTEGER NOT NULL,
  actor TEXT NOT NULL,
  type TEXT NOT NULL,
  subject TEXT NOT NULL,
  payload TEXT NOT NULL
);
CREATE INDEX events_by_tenant ON events (tenant_id, seq);
)sql";

// A version-1 database with a few rows in it.
void WriteVersionOneDatabase(const std::string& path) {
  RawExec(path, std::string{kSchemaVersion1} + R"sql(
INSERT INTO tenants (id, key, name, created_at)
  VALUES (1, 'acme', 'Acme', 1767225600000);
INSERT INTO org_units (tenant_id, key, name, parent, created_at, updated_at)
  VALUES (1, 'eng', 'Engineering', NULL, 1767225600000, 1767225600001);
INSERT INTO users (tenant_id, key, display_name, email, org_unit,
                   manager_key, hire_date, attributes, status, created_at,
                   updated_at)
  VALUES (1, 'boss', 'Boss', '', 'eng', '', NULL, '{}', 'active',
          1767225600000, 1767225600001),
         (1, 'u1', 'User One', 'u1@example.com', 'eng', 'boss', 20000,
          '{"level":3}', 'suspended', 1767225600000, 1767225600001);
INSERT INTO courses (tenant_id, key, title, description, version, status,
                     activities, recertification_days, default_due_days,
                     created_at, updated_at)
  VALUES (1, 'safety', 'Safety', '', 1, 'published', '[]', NULL, 30,
          1767225600000, 1767225600001);
INSERT INTO events (tenant_id, time, actor, type, subject, payload)
  VALUES (1, 1767225600005, '@system', 'user.created', 'u1', '{}');
PRAGMA user_version = 1;
)sql");
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

TEST_F(SqliteStorageTest, VersionOneDatabaseMigratesForward) {
  WriteVersionOneDatabase(Path());
  auto storage = open_sqlite(Path());
  EXPECT_EQ(RawQuery(Path(), "PRAGMA user_version"),
            std::to_string(sqlite_schema_version()));
  EXPECT_EQ(sqlite_schema_version(), 3);
  std::int64_t id = 0;
  {
    auto tx = storage->begin(TransactionMode::write);
    EXPECT_EQ(tx->directory().find_tenant_by_key("acme")->id, 1);
    tx->access().insert_role(
        1,
        MakeRole("coach", {{Permission::user_view, PermissionValue::allow}}));
    id = tx->access().insert_assignment(
        1, MakeAssignment("u1", "coach", Scope::org_unit("eng")));
    tx->access().put_override(
        1, {"coach", Scope::org_unit("eng"), Permission::user_view,
            PermissionValue::prevent});
    Enrolment enrolment;
    enrolment.user_key = "u1";
    enrolment.course_key = "safety";
    tx->enrolments().insert_enrolment(1, enrolment);
    tx->commit();
  }
  auto tx = storage->begin(TransactionMode::read);
  const auto user = tx->directory().find_user(1, "u1");
  ASSERT_TRUE(user);
  EXPECT_EQ(user->display_name, "User One");
  EXPECT_EQ(user->manager_key, "boss");
  EXPECT_EQ(user->attributes, Json({{"level", 3}}));
  EXPECT_EQ(user->status, UserStatus::suspended);
  EXPECT_THAT(tx->directory().manager_chain(1, "u1"), ElementsAre("boss"));
  const auto course = tx->catalog().find_course(1, "safety");
  EXPECT_EQ(course->default_due_days, 30);
  // Columns added later take their defaults.
  EXPECT_EQ(course->due_from, DueFrom::enrolment);
  EXPECT_FALSE(course->self_enrolment);
  EXPECT_EQ(course->completion, CompletionRule{});
  EXPECT_EQ(course->score_policy, ScorePolicy::highest);
  EXPECT_EQ(tx->events().events_after(1, 0, 10).size(), 1u);
  EXPECT_EQ(Describe(tx->access().find_role(1, "coach")),
            Describe(MakeRole(
                "coach", {{Permission::user_view, PermissionValue::allow}})));
  EXPECT_EQ(tx->access().find_assignment(1, id)->user_key, "u1");
  EXPECT_EQ(tx->access().list_overrides(1).size(), 1u);
  EXPECT_EQ(tx->enrolments().list_enrolments(1, {}).enrolments.size(), 1u);
}

TEST_F(SqliteStorageTest, FailedMigrationChangesNothing) {
  WriteVersionOneDatabase(Path());
  // A table in the way of version 2 makes its migration fail half-way.
  RawExec(Path(), "CREATE TABLE overrides (x INTEGER)");
  try {
    open_sqlite(Path());
    FAIL() << "migrated over a conflicting table";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::storage);
  }
  EXPECT_EQ(RawQuery(Path(), "PRAGMA user_version"), "1");
  EXPECT_EQ(RawQuery(Path(),
                     "SELECT count(*) FROM sqlite_schema WHERE name "
                     "IN ('roles', 'assignments')"),
            "0");
  EXPECT_EQ(RawQuery(Path(), "SELECT display_name FROM users WHERE key = 'u1'"),
            "User One");
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
