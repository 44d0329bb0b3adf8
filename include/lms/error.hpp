// SPDX-License-Identifier: Apache-2.0
//
// lms::Error is the one exception type the C++ API throws. Its code says what
// kind of failure it is; its message names the field and the value at fault.
// Error values are immutable and safe to share between threads.

#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "lms/export.hpp"

namespace lms {

// The kinds of failure. The numbers are part of the C ABI (lms_status) and
// are never renumbered or reused.
enum class ErrorCode : std::int32_t {
  not_found = 1,          // the tenant, user, org unit or course does not exist
                          // (or belongs to another tenant)
  already_exists = 2,     // a record with that key exists already
  invalid_argument = 3,   // malformed, missing, oversized or out-of-range input
  permission_denied = 4,  // the actor may not do this
  conflict = 5,           // the request contradicts the record's state
  limit_exceeded = 6,     // a documented size or count limit was hit
  storage = 7,            // the backend failed or the database is unusable
  internal = 8,           // a bug in the library
  not_supported = 9,      // the backend does not offer this operation
};

// Returns the code's snake_case name ("not_found"), or "unknown".
LMS_API std::string_view error_code_name(ErrorCode code) noexcept;

class LMS_API Error : public std::runtime_error {
 public:
  Error(ErrorCode code, const std::string& message);

  ErrorCode code() const noexcept { return code_; }

 private:
  ErrorCode code_;
};

}  // namespace lms
