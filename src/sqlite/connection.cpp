// SPDX-License-Identifier: Apache-2.0
//
// Connection and Statement: see connection.hpp. Not thread-safe; one
// thread at a time per connection.

#include "sqlite/connection.hpp"

#include <string>
#include <utility>

#include "lms/error.hpp"

namespace lms::sqlite {

void throw_error(sqlite3* db, int rc) {
  const int extended = db != nullptr ? sqlite3_extended_errcode(db) : rc;
  const bool duplicate = extended == SQLITE_CONSTRAINT_UNIQUE ||
                         extended == SQLITE_CONSTRAINT_PRIMARYKEY;
  const char* message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  throw Error(duplicate ? ErrorCode::already_exists : ErrorCode::storage,
              std::string{"sqlite: "} + message);
}

Connection::Connection(const std::string& path, int flags,
                       int busy_timeout_ms) {
  const int rc =
      sqlite3_open_v2(path.c_str(), &db_, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    // sqlite3_open_v2 hands out a handle even on failure, for its message.
    std::string message =
        db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    throw Error(ErrorCode::storage,
                "sqlite: cannot open '" + path + "': " + message);
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, busy_timeout_ms);
}

Connection::~Connection() {
  for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
  sqlite3_close(db_);
}

void Connection::exec(const char* sql) {
  const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) throw_error(db_, rc);
}

Statement Connection::prepare(std::string_view sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    sqlite3_stmt* stmt = nullptr;
    const int rc =
        sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                           SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) throw_error(db_, rc);
    it = cache_.emplace(std::string{sql}, stmt).first;
  }
  return Statement{db_, it->second};
}

Statement::~Statement() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

Statement& Statement::bind(std::int64_t value) {
  const int rc = sqlite3_bind_int64(stmt_, next_++, value);
  if (rc != SQLITE_OK) throw_error(db_, rc);
  return *this;
}

Statement& Statement::bind(double value) {
  const int rc = sqlite3_bind_double(stmt_, next_++, value);
  if (rc != SQLITE_OK) throw_error(db_, rc);
  return *this;
}

Statement& Statement::bind(std::string_view value) {
  const int rc = sqlite3_bind_text64(stmt_, next_++, value.data(), value.size(),
                                     SQLITE_TRANSIENT, SQLITE_UTF8);
  if (rc != SQLITE_OK) throw_error(db_, rc);
  return *this;
}

Statement& Statement::bind_null() {
  const int rc = sqlite3_bind_null(stmt_, next_++);
  if (rc != SQLITE_OK) throw_error(db_, rc);
  return *this;
}

Statement& Statement::bind_or_null(std::string_view value) {
  return value.empty() ? bind_null() : bind(value);
}

Statement& Statement::bind(std::optional<std::int64_t> value) {
  return value ? bind(*value) : bind_null();
}

Statement& Statement::bind(std::optional<double> value) {
  return value ? bind(*value) : bind_null();
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  throw_error(db_, rc);
}

void Statement::run() {
  while (step()) {
  }
}

bool Statement::is_null(int column) {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::int64_t Statement::int64(int column) {
  return sqlite3_column_int64(stmt_, column);
}

double Statement::real(int column) {
  return sqlite3_column_double(stmt_, column);
}

std::string Statement::text(int column) {
  const auto* data =
      reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  const int size = sqlite3_column_bytes(stmt_, column);
  return data != nullptr ? std::string(data, static_cast<std::size_t>(size))
                         : std::string{};
}

}  // namespace lms::sqlite
