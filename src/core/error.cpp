// SPDX-License-Identifier: Apache-2.0
//
// lms::Error and the names of its codes. Immutable values; thread-safe.

#include "lms/error.hpp"

namespace lms {

Error::Error(ErrorCode code, const std::string& message)
    : std::runtime_error(message), code_(code) {}

std::string_view error_code_name(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::not_found:
      return "not_found";
    case ErrorCode::already_exists:
      return "already_exists";
    case ErrorCode::invalid_argument:
      return "invalid_argument";
    case ErrorCode::permission_denied:
      return "permission_denied";
    case ErrorCode::conflict:
      return "conflict";
    case ErrorCode::limit_exceeded:
      return "limit_exceeded";
    case ErrorCode::storage:
      return "storage";
    case ErrorCode::internal:
      return "internal";
    case ErrorCode::not_supported:
      return "not_supported";
  }
  // A code cast from an integer the enum does not name.
  return "unknown";
}

}  // namespace lms
