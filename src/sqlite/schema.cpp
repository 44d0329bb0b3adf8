// SPDX-License-Identifier: Apache-2.0
//
// The schema, one forward migration per version. A migration, once
// released, is never edited: a change to the schema is a new entry at the
// end of kMigrations. Pure data and a function over a connection the
// caller holds exclusively.

#include "sqlite/schema.hpp"

#include <array>
#include <string>

#include "lms/error.hpp"
#include "lms/storage.hpp"

namespace lms {
namespace sqlite {
namespace {

// Every table carries tenant_id (tenants aside) and every query filters on
// it. Keys are the host's text keys; timestamps INTEGER unix milliseconds;
// dates INTEGER days since 1970-01-01; enums TEXT by name; absent optional
// references NULL so that the foreign keys hold.
constexpr const char* kVersion1 = R"sql(
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

// Access control. Permission maps are JSON objects of names
// ({"user.view":"allow"}); the tenant scope's key is ''. Assignments and
// overrides may name a built-in role, which is not stored, so role_key
// refers to no table.
constexpr const char* kVersion2 = R"sql(
CREATE TABLE roles (
  tenant_id INTEGER NOT NULL,
  key TEXT NOT NULL,
  name TEXT NOT NULL,
  permissions TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, key)
) WITHOUT ROWID;

CREATE TABLE assignments (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  tenant_id INTEGER NOT NULL,
  user_key TEXT NOT NULL,
  role_key TEXT NOT NULL,
  scope_kind TEXT NOT NULL,
  scope_key TEXT NOT NULL,
  valid_from INTEGER,
  valid_until INTEGER,
  created_at INTEGER NOT NULL,
  FOREIGN KEY (tenant_id, user_key) REFERENCES users (tenant_id, key)
);
CREATE INDEX assignments_by_user ON assignments (tenant_id, user_key);
CREATE INDEX assignments_by_role ON assignments (tenant_id, role_key);
CREATE INDEX assignments_by_scope
  ON assignments (tenant_id, scope_kind, scope_key);

CREATE TABLE overrides (
  tenant_id INTEGER NOT NULL,
  role_key TEXT NOT NULL,
  scope_kind TEXT NOT NULL,
  scope_key TEXT NOT NULL,
  permission TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (tenant_id, role_key, scope_kind, scope_key, permission)
) WITHOUT ROWID;
)sql";

// Enrolments and progress, and the course settings they follow. The
// completion rule is a JSON object ({"required_count", "min_score",
// "must_pass"}). A user has one enrolment per cycle and at most one active
// one per course: the partial unique index is what keeps two racing
// writers from both enrolling.
constexpr const char* kVersion3 = R"sql(
ALTER TABLE courses ADD COLUMN due_from TEXT NOT NULL DEFAULT 'enrolment';
ALTER TABLE courses ADD COLUMN self_enrolment INTEGER NOT NULL DEFAULT 0;
ALTER TABLE courses ADD COLUMN enrolment_opens INTEGER;
ALTER TABLE courses ADD COLUMN enrolment_closes INTEGER;
ALTER TABLE courses ADD COLUMN completion TEXT NOT NULL
  DEFAULT '{"required_count":null,"min_score":null,"must_pass":[]}';
ALTER TABLE courses ADD COLUMN score_policy TEXT NOT NULL DEFAULT 'highest';

CREATE TABLE enrolments (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  tenant_id INTEGER NOT NULL,
  user_key TEXT NOT NULL,
  course_key TEXT NOT NULL,
  cycle INTEGER NOT NULL,
  status TEXT NOT NULL,
  source TEXT NOT NULL,
  source_key TEXT NOT NULL,
  enrolled_at INTEGER NOT NULL,
  due_at INTEGER,
  completed_at INTEGER,
  expires_at INTEGER,
  score REAL,
  updated_at INTEGER NOT NULL,
  FOREIGN KEY (tenant_id, user_key) REFERENCES users (tenant_id, key),
  FOREIGN KEY (tenant_id, course_key) REFERENCES courses (tenant_id, key)
);
CREATE UNIQUE INDEX enrolments_by_user_course
  ON enrolments (tenant_id, course_key, user_key, cycle);
CREATE UNIQUE INDEX enrolments_one_active
  ON enrolments (tenant_id, course_key, user_key)
  WHERE status IN ('locked', 'enrolled', 'in_progress');
CREATE INDEX enrolments_by_user ON enrolments (tenant_id, user_key);

CREATE TABLE progress (
  tenant_id INTEGER NOT NULL,
  enrolment_id INTEGER NOT NULL REFERENCES enrolments (id),
  activity_key TEXT NOT NULL,
  state TEXT NOT NULL,
  progress REAL NOT NULL,
  score REAL,
  passed INTEGER,
  time_spent_ms INTEGER NOT NULL,
  started_at INTEGER NOT NULL,
  completed_at INTEGER,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (enrolment_id, activity_key)
) WITHOUT ROWID;
)sql";

// kMigrations[i] takes a database from version i to version i + 1.
constexpr std::array kMigrations = {kVersion1, kVersion2, kVersion3};

int user_version(Connection& connection) {
  Statement stmt = connection.prepare("PRAGMA user_version");
  stmt.step();
  return static_cast<int>(stmt.int64(0));
}

}  // namespace

void migrate(Connection& connection) {
  const int target = sqlite_schema_version();
  // IMMEDIATE: two processes opening the same new file must not both
  // create the schema; the second waits, then sees the first one's version.
  connection.exec("BEGIN IMMEDIATE");
  try {
    const int current = user_version(connection);
    if (current > target) {
      throw Error(ErrorCode::storage,
                  "database schema version " + std::to_string(current) +
                      " is newer than this library supports (" +
                      std::to_string(target) + ")");
    }
    for (int version = current; version < target; ++version) {
      connection.exec(kMigrations[static_cast<std::size_t>(version)]);
    }
    if (current != target) {
      // PRAGMA takes no parameters; `target` is our own integer.
      connection.exec(
          ("PRAGMA user_version = " + std::to_string(target)).c_str());
    }
    connection.exec("COMMIT");
  } catch (...) {
    sqlite3_exec(connection.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

}  // namespace sqlite

int sqlite_schema_version() {
  return static_cast<int>(sqlite::kMigrations.size());
}

}  // namespace lms
