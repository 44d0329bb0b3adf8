// SPDX-License-Identifier: Apache-2.0
//
// open_sqlite(): the SQLite backend's connections. A file database has one
// writer connection, guarded by a mutex so that write transactions run one
// after another (a second writer would only add busy-waiting), and a small
// pool of read connections that run beside it in WAL mode. A private
// database (":memory:", or "" for SQLite's temporary one) exists only on
// its one connection, so reads and writes share it under the same mutex.
// Thread safety: the storage is safe for concurrent use; each transaction
// belongs to the thread that began it.

#include <algorithm>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "lms/storage.hpp"
#include "sqlite/connection.hpp"
#include "sqlite/schema.hpp"
#include "sqlite/sqlite_transaction.hpp"

namespace lms {
namespace {

using sqlite::Connection;
using sqlite::ConnectionLease;

// A connection held under its mutex for the life of a transaction.
class LockedConnection final : public ConnectionLease {
 public:
  LockedConnection(std::mutex& mutex, Connection& connection)
      : lock_(mutex), connection_(connection) {}
  Connection& connection() override { return connection_; }

 private:
  std::unique_lock<std::mutex> lock_;
  Connection& connection_;
};

// Read connections of a file database, opened on demand up to a maximum;
// a reader waits when all of them are in use.
class ReadPool {
 public:
  ReadPool(std::string path, const SqliteOptions& options)
      : path_(std::move(path)),
        busy_timeout_ms_(options.busy_timeout_ms),
        max_open_(std::max(options.read_connections, 1)) {}

  std::unique_ptr<Connection> acquire() {
    std::unique_lock lock(mutex_);
    available_.wait(lock, [&] { return !idle_.empty() || open_ < max_open_; });
    if (!idle_.empty()) {
      std::unique_ptr<Connection> connection = std::move(idle_.back());
      idle_.pop_back();
      return connection;
    }
    ++open_;
    lock.unlock();
    try {
      auto connection = std::make_unique<Connection>(
          path_, SQLITE_OPEN_READWRITE, busy_timeout_ms_);
      // A reader never writes; should a bug try, SQLite refuses.
      connection->exec("PRAGMA query_only = ON");
      return connection;
    } catch (...) {
      lock.lock();
      --open_;
      available_.notify_one();
      throw;
    }
  }

  void release(std::unique_ptr<Connection> connection) {
    {
      std::lock_guard lock(mutex_);
      idle_.push_back(std::move(connection));
    }
    available_.notify_one();
  }

 private:
  const std::string path_;
  const int busy_timeout_ms_;
  const int max_open_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Connection>> idle_;
  int open_ = 0;
};

// A read connection borrowed from the pool for the life of a transaction.
class PooledConnection final : public ConnectionLease {
 public:
  explicit PooledConnection(ReadPool& pool)
      : pool_(pool), connection_(pool.acquire()) {}
  ~PooledConnection() override { pool_.release(std::move(connection_)); }
  Connection& connection() override { return *connection_; }

 private:
  ReadPool& pool_;
  std::unique_ptr<Connection> connection_;
};

class SqliteStorage final : public Storage {
 public:
  SqliteStorage(const std::string& path, const SqliteOptions& options)
      : writer_(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                options.busy_timeout_ms) {
    const bool is_private = path.empty() || path == ":memory:";
    if (!is_private) {
      writer_.exec("PRAGMA journal_mode = WAL");
      writer_.exec("PRAGMA synchronous = NORMAL");
      readers_ = std::make_unique<ReadPool>(path, options);
    }
    writer_.exec("PRAGMA foreign_keys = ON");
    sqlite::migrate(writer_);
  }

  std::unique_ptr<Transaction> begin(TransactionMode mode) override {
    std::unique_ptr<ConnectionLease> lease;
    if (mode == TransactionMode::read && readers_) {
      lease = std::make_unique<PooledConnection>(*readers_);
    } else {
      lease = std::make_unique<LockedConnection>(writer_mutex_, writer_);
    }
    return std::make_unique<sqlite::SqliteTransaction>(std::move(lease), mode);
  }

  std::uint64_t capabilities() const override {
    return readers_ ? (kStorageDurable | kStorageConcurrentReads) : 0;
  }

 private:
  std::mutex writer_mutex_;
  Connection writer_;
  // Null for a private database.
  std::unique_ptr<ReadPool> readers_;
};

}  // namespace

std::unique_ptr<Storage> open_sqlite(const std::string& path,
                                     const SqliteOptions& options) {
  return std::make_unique<SqliteStorage>(path, options);
}

}  // namespace lms
