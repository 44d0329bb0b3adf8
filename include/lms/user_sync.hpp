// SPDX-License-Identifier: Apache-2.0
//
// HR sync: a batch of user records from an HR system applied as a diff.
// The parsers are pure functions, safe to call from any thread.

#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "lms/export.hpp"
#include "lms/user.hpp"

namespace lms {

enum class SyncMode : std::int32_t {
  incremental = 0,  // users missing from the batch are left alone
  full = 1,         // the batch is the whole tenant: see MissingPolicy
};

// What a full sync does to users of the tenant that the batch omits.
enum class MissingPolicy : std::int32_t {
  keep = 0,
  suspend = 1,
  deprovision = 2
};

struct SyncOptions {
  SyncMode mode = SyncMode::incremental;        // Default: incremental.
  MissingPolicy missing = MissingPolicy::keep;  // Default: keep.
  // Compute and return the diff, write nothing. Default: false.
  bool dry_run = false;
};

struct SyncResult {
  std::int64_t created = 0;
  std::int64_t updated = 0;
  std::int64_t unchanged = 0;
  std::int64_t suspended = 0;      // by the missing policy
  std::int64_t deprovisioned = 0;  // by the missing policy

  friend bool operator==(const SyncResult&, const SyncResult&) = default;
};

// Parses CSV (RFC 4180, a header row first) into records. Columns: key,
// display_name, email, org_unit, manager_key, hire_date, status, and
// "attributes.<name>" for a string attribute; "key" and "display_name" are
// required, any other column is refused. Throws Error{invalid_argument}
// naming the row (1 = the header) and the column.
LMS_API std::vector<UserRecord> parse_users_csv(std::string_view text);

// Parses JSON Lines: one user record object (the shape of
// user_record_from_json) per non-empty line. Errors name the line.
LMS_API std::vector<UserRecord> parse_users_jsonl(std::string_view text);

}  // namespace lms
