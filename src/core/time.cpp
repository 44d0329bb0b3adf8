// SPDX-License-Identifier: Apache-2.0
//
// The one text form of timestamps ("2026-11-23T12:00:00.000Z") and dates
// ("2026-11-23"). Parsing is strict: exactly these forms, real calendar
// days, years 1900..9999. Pure functions; thread-safe.

#include "lms/time.hpp"

#include <cstdio>
#include <optional>

#include "core/field_error.hpp"

namespace lms {
namespace {

using std::chrono::days;
using std::chrono::year_month_day;

constexpr int kMinYear = 1900;
constexpr int kMaxYear = 9999;

// The value of the `count` decimal digits at text[pos], or nullopt when any
// of them is not a digit. REQUIRES: pos + count <= text.size().
std::optional<int> read_digits(std::string_view text, std::size_t pos,
                               std::size_t count) {
  int value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    const char c = text[i];
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

// The date in the first 10 bytes of `text` ("YYYY-MM-DD"), or nullopt.
// REQUIRES: text.size() >= 10.
std::optional<Date> read_date(std::string_view text) {
  if (text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto y = read_digits(text, 0, 4);
  const auto m = read_digits(text, 5, 2);
  const auto d = read_digits(text, 8, 2);
  if (!y || !m || !d || *y < kMinYear || *y > kMaxYear) return std::nullopt;
  const year_month_day ymd{std::chrono::year{*y},
                           std::chrono::month{static_cast<unsigned>(*m)},
                           std::chrono::day{static_cast<unsigned>(*d)}};
  // ok() rejects months outside 1..12 and days the month does not have.
  if (!ymd.ok()) return std::nullopt;
  return Date{ymd};
}

// The timestamp `text` names, or nullopt.
std::optional<Timestamp> read_timestamp(std::string_view text) {
  // "YYYY-MM-DDTHH:MM:SSZ" or "YYYY-MM-DDTHH:MM:SS.mmmZ".
  constexpr std::size_t kShort = 20;
  constexpr std::size_t kLong = 24;
  if (text.size() != kShort && text.size() != kLong) return std::nullopt;
  if (text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
      text.back() != 'Z') {
    return std::nullopt;
  }
  const auto date = read_date(text);
  const auto hh = read_digits(text, 11, 2);
  const auto mm = read_digits(text, 14, 2);
  const auto ss = read_digits(text, 17, 2);
  if (!date || !hh || !mm || !ss || *hh > 23 || *mm > 59 || *ss > 59) {
    return std::nullopt;
  }
  int ms = 0;
  if (text.size() == kLong) {
    const auto fraction = read_digits(text, 20, 3);
    if (text[19] != '.' || !fraction) return std::nullopt;
    ms = *fraction;
  }
  return Timestamp{*date} + std::chrono::hours{*hh} +
         std::chrono::minutes{*mm} + std::chrono::seconds{*ss} +
         std::chrono::milliseconds{ms};
}

}  // namespace

std::string format_timestamp(Timestamp t) {
  // floor, so that instants before 1970 land on the day they belong to.
  const auto day = std::chrono::floor<days>(t);
  const year_month_day ymd{day};
  const std::chrono::hh_mm_ss tod{t - day};
  char buffer[48];
  std::snprintf(
      buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ",
      static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
      static_cast<unsigned>(ymd.day()), static_cast<int>(tod.hours().count()),
      static_cast<int>(tod.minutes().count()),
      static_cast<int>(tod.seconds().count()),
      static_cast<int>(tod.subseconds().count()));
  return buffer;
}

std::string format_date(Date d) {
  const year_month_day ymd{d};
  char buffer[32];
  std::snprintf(
      buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
      static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buffer;
}

Date parse_date(std::string_view text, std::string_view field) {
  if (text.size() == 10) {
    if (const auto date = read_date(text)) return *date;
  }
  detail::throw_field_error(ErrorCode::invalid_argument, field,
                            "must be a date YYYY-MM-DD", text);
}

Timestamp parse_timestamp(std::string_view text, std::string_view field) {
  if (const auto t = read_timestamp(text)) return *t;
  detail::throw_field_error(ErrorCode::invalid_argument, field,
                            "must be a timestamp YYYY-MM-DDTHH:MM:SS.mmmZ",
                            text);
}

}  // namespace lms
