// SPDX-License-Identifier: Apache-2.0
//
// The HR sync algorithm (see user_sync.hpp). Stateless; thread-safe.

#include "directory/user_sync.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <string>
#include <string_view>
#include <vector>

#include "core/field_error.hpp"
#include "core/validate.hpp"
#include "lms/error.hpp"
#include "lms/limits.hpp"

namespace lms {
namespace {

// Keys looked up per find_users call: large enough to amortise the query,
// small enough that a chunk of users costs little memory.
constexpr std::size_t kChunkKeys = 512;

constexpr std::string_view kSource = "sync";

std::string record_label(std::size_t index, const UserRecord& record) {
  return "records[" + std::to_string(index) + "] (key " +
         detail::quote_value(record.key) + ")";
}

// Runs `check`; an Error it throws gets the record's label in front, so the
// message names position, key and field.
template <typename Check>
void check_record(std::size_t index, const UserRecord& record, Check check) {
  try {
    check();
  } catch (const Error& e) {
    throw Error(e.code(), record_label(index, record) + ": " + e.what());
  }
}

// Indices of `batch` ordered by key: the order of the writes (SQLite inserts
// several times faster in key order) and of the duplicate check.
// Throws when a key appears twice.
std::vector<std::size_t> key_order(std::span<const UserRecord> batch) {
  std::vector<std::size_t> order(batch.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) {
                     return batch[a].key < batch[b].key;
                   });
  for (std::size_t k = 1; k < order.size(); ++k) {
    const UserRecord& record = batch[order[k]];
    if (record.key == batch[order[k - 1]].key)
      throw Error(ErrorCode::invalid_argument,
                  record_label(order[k], record) +
                      ": key: duplicates the key of records[" +
                      std::to_string(order[k - 1]) + "]");
  }
  return order;
}

void validate_batch(const Call& call, DirectoryService& directory,
                    std::span<const UserRecord> batch) {
  if (batch.size() > limits::kSyncBatchRecords)
    detail::throw_field_error(ErrorCode::limit_exceeded, "records",
                              "must have at most " +
                                  std::to_string(limits::kSyncBatchRecords) +
                                  " entries",
                              std::to_string(batch.size()));
  // Each org unit is looked up once, on behalf of the first record naming
  // it.
  std::map<std::string_view, std::size_t> org_units;
  for (std::size_t i = 0; i < batch.size(); ++i) {
    check_record(i, batch[i], [&] { detail::validate_user_record(batch[i]); });
    if (!batch[i].org_unit.empty()) org_units.emplace(batch[i].org_unit, i);
  }
  for (const auto& [org_unit, i] : org_units)
    check_record(i, batch[i], [&, &unit = org_unit] {
      directory.require_org_unit(call, "org_unit", unit);
    });
}

class Diff {
 public:
  Diff(const Call& call, DirectoryService& directory, bool dry_run)
      : call_(call), directory_(directory), dry_run_(dry_run) {}

  // Creates or updates the records of `chunk` (sorted by key, unique).
  void apply(const std::vector<const UserRecord*>& chunk) {
    std::vector<std::string> keys;
    keys.reserve(chunk.size());
    for (const UserRecord* record : chunk) keys.push_back(record->key);
    const auto existing = call_.tx.directory().find_users(call_.tenant, keys);
    auto current = existing.begin();
    for (const UserRecord* record : chunk) {
      if (current != existing.end() && current->key == record->key) {
        change(*current, *record);
        ++current;
      } else {
        ++result_.created;
        if (!dry_run_) directory_.insert_user(call_, *record);
      }
    }
  }

  // Applies `policy` to the users `keys` (sorted, unique), which the batch
  // omits.
  void apply_missing(const std::vector<std::string>& keys,
                     MissingPolicy policy) {
    for (const User& user :
         call_.tx.directory().find_users(call_.tenant, keys)) {
      UserRecord wanted = user;
      if (policy == MissingPolicy::suspend && user.status == UserStatus::active)
        wanted.status = UserStatus::suspended;
      if (policy == MissingPolicy::deprovision)
        wanted.status = UserStatus::deprovisioned;
      if (wanted.status == user.status) continue;
      ++(policy == MissingPolicy::suspend ? result_.suspended
                                          : result_.deprovisioned);
      if (!dry_run_) directory_.replace_user(call_, user, wanted, kSource);
    }
  }

  const SyncResult& result() const { return result_; }

 private:
  void change(const User& current, const UserRecord& record) {
    if (static_cast<const UserRecord&>(current) == record) {
      ++result_.unchanged;
      return;
    }
    ++result_.updated;
    if (!dry_run_) directory_.replace_user(call_, current, record, kSource);
  }

  const Call& call_;
  DirectoryService& directory_;
  const bool dry_run_;
  SyncResult result_;
};

}  // namespace

SyncResult sync_users(const Call& call, DirectoryService& directory,
                      std::span<const UserRecord> batch,
                      const SyncOptions& options) {
  detail::validate_sync_options(options);
  validate_batch(call, directory, batch);
  const std::vector<std::size_t> order = key_order(batch);

  Diff diff(call, directory, options.dry_run);
  std::vector<const UserRecord*> chunk;
  chunk.reserve(kChunkKeys);
  for (const std::size_t i : order) {
    chunk.push_back(&batch[i]);
    if (chunk.size() == kChunkKeys) {
      diff.apply(chunk);
      chunk.clear();
    }
  }
  if (!chunk.empty()) diff.apply(chunk);

  if (options.mode == SyncMode::full &&
      options.missing != MissingPolicy::keep) {
    // Both lists are in key order: one merge pass finds the users the batch
    // omits.
    const std::vector<std::string> stored =
        call.tx.directory().list_user_keys(call.tenant);
    std::vector<std::string> missing;
    missing.reserve(kChunkKeys);
    auto next = order.begin();
    for (const std::string& key : stored) {
      while (next != order.end() && batch[*next].key < key) ++next;
      if (next != order.end() && batch[*next].key == key) continue;
      missing.push_back(key);
      if (missing.size() == kChunkKeys) {
        diff.apply_missing(missing, options.missing);
        missing.clear();
      }
    }
    if (!missing.empty()) diff.apply_missing(missing, options.missing);
  }
  return diff.result();
}

}  // namespace lms
