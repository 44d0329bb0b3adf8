// SPDX-License-Identifier: Apache-2.0
//
// A thin RAII layer over the SQLite C API: a Connection owns one database
// handle and a cache of its prepared statements, keyed by SQL text; a
// Statement borrows one cached statement for one execution and resets it
// when it goes out of scope. Every SQLite failure becomes an lms::Error.
//
// Thread safety: none. A Connection (and every Statement taken from it) is
// used by one thread at a time; the storage guarantees that by holding a
// mutex or a pool lease for it. Handles are opened with SQLITE_OPEN_NOMUTEX
// because of that.

#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace lms::sqlite {

// Throws the lms::Error for result code `rc` of `db`: already_exists for a
// UNIQUE or PRIMARY KEY violation, storage for anything else, with
// sqlite3_errmsg() in the message.
[[noreturn]] void throw_error(sqlite3* db, int rc);

class Statement;

class Connection {
 public:
  // Opens `path` with the sqlite3_open_v2() `flags` (SQLITE_OPEN_NOMUTEX is
  // added) and sets the busy timeout. Throws Error{storage}.
  Connection(const std::string& path, int flags, int busy_timeout_ms);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs one or more statements that return nothing of interest.
  void exec(const char* sql);
  // The cached statement for `sql`, prepared on first use.
  Statement prepare(std::string_view sql);

  sqlite3* handle() { return db_; }

 private:
  sqlite3* db_ = nullptr;
  std::map<std::string, sqlite3_stmt*, std::less<>> cache_;
};

// One execution of a cached statement. Parameters are bound in order by
// bind(); the destructor resets the statement and clears its bindings so
// the next user finds it fresh.
class Statement {
 public:
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Binds the next parameter. Text is copied by SQLite, so temporaries
  // are fine.
  Statement& bind(std::int64_t value);
  Statement& bind(double value);
  Statement& bind(std::string_view value);
  Statement& bind_null();
  // NULL when `value` is empty: optional columns store absence as NULL.
  Statement& bind_or_null(std::string_view value);
  Statement& bind(std::optional<std::int64_t> value);
  Statement& bind(std::optional<double> value);

  // Advances to the next row; false when there is none.
  bool step();
  // Runs a statement that returns no rows.
  void run();

  bool is_null(int column);
  std::int64_t int64(int column);
  double real(int column);
  std::string text(int column);  // "" for NULL

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
  int next_ = 1;
};

}  // namespace lms::sqlite
