// SPDX-License-Identifier: Apache-2.0
//
// Time values of the domain and their one text form. Timestamps are UTC
// milliseconds; dates are calendar days without a time zone. All functions
// are pure and thread-safe.

#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "lms/export.hpp"

namespace lms {

using Timestamp = std::chrono::sys_time<std::chrono::milliseconds>;
using Date = std::chrono::sys_days;

// "2026-11-23T12:00:00.000Z".
LMS_API std::string format_timestamp(Timestamp t);
// "2026-11-23".
LMS_API std::string format_date(Date d);

// Parses "YYYY-MM-DD" (a real calendar day, years 1900..9999). Throws
// Error{invalid_argument} naming `field` when `text` is anything else.
LMS_API Date parse_date(std::string_view text, std::string_view field);

// Parses "YYYY-MM-DDTHH:MM:SS[.mmm]Z". Throws Error{invalid_argument} naming
// `field` otherwise.
LMS_API Timestamp parse_timestamp(std::string_view text,
                                  std::string_view field);

inline std::int64_t to_unix_ms(Timestamp t) {
  return t.time_since_epoch().count();
}
inline Timestamp from_unix_ms(std::int64_t ms) {
  return Timestamp{std::chrono::milliseconds{ms}};
}

}  // namespace lms
