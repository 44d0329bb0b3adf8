// SPDX-License-Identifier: Apache-2.0
//
// The SQLite schema and its forward migrations. The schema version lives in
// PRAGMA user_version; version N is the result of the first N migrations.
// Thread safety: migrate() uses the connection it is given, which the
// caller holds exclusively.

#pragma once

#include "sqlite/connection.hpp"

namespace lms::sqlite {

// Brings the database on `connection` to sqlite_schema_version() in one
// write transaction, applying the migrations it lacks. Throws
// Error{storage} naming both versions when the database is newer than this
// library, and for any SQLite failure; then nothing changes.
void migrate(Connection& connection);

}  // namespace lms::sqlite
