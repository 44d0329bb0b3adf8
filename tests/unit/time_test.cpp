// SPDX-License-Identifier: Apache-2.0
//
// Tests of the text forms of timestamps and dates (lms/time.hpp) and of
// the clocks (lms/clock.hpp).

#include "lms/time.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "lms/clock.hpp"
#include "lms/error.hpp"

namespace lms {
namespace {

using namespace std::chrono_literals;
using std::chrono::April;
using std::chrono::February;
using std::chrono::November;

Error CaptureError(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "no lms::Error thrown";
  return Error(ErrorCode::internal, "no error");
}

TEST(TimeTest, FormatsTheEpoch) {
  EXPECT_EQ(format_timestamp(from_unix_ms(0)), "1970-01-01T00:00:00.000Z");
}

TEST(TimeTest, FormatsMilliseconds) {
  const Timestamp t = Timestamp{Date{2026y / November / 23}} +
                      std::chrono::hours{12} + std::chrono::milliseconds{7};
  EXPECT_EQ(format_timestamp(t), "2026-11-23T12:00:00.007Z");
}

TEST(TimeTest, FormatsInstantsBeforeTheEpoch) {
  EXPECT_EQ(format_timestamp(from_unix_ms(-1)), "1969-12-31T23:59:59.999Z");
}

TEST(TimeTest, FormatsDates) {
  EXPECT_EQ(format_date(Date{2026y / April / 5}), "2026-04-05");
  EXPECT_EQ(format_date(Date{1900y / February / 28}), "1900-02-28");
}

TEST(TimeTest, ParsesDates) {
  EXPECT_EQ(parse_date("2026-04-05", "d"), Date{2026y / April / 5});
  EXPECT_EQ(parse_date("2024-02-29", "d"), Date{2024y / February / 29});
  EXPECT_EQ(parse_date("2000-02-29", "d"), Date{2000y / February / 29});
  EXPECT_EQ(parse_date("1900-01-01", "d"), Date{1900y / 1 / 1});
  EXPECT_EQ(parse_date("9999-12-31", "d"), Date{9999y / 12 / 31});
}

TEST(TimeTest, DateRoundTrips) {
  const Date d{2031y / 7 / 14};
  EXPECT_EQ(parse_date(format_date(d), "d"), d);
}

TEST(TimeTest, RefusesMalformedDates) {
  for (const char* text :
       {"", "2023-02-29", "1900-02-29", "2026-04-31", "2026-13-01",
        "2026-00-10", "2026-01-00", "1899-12-31", "2026-1-05", "2026-01-5",
        " 2026-01-05", "2026-01-05 ", "2026/01/05", "2026-01-05T00:00:00Z",
        "+026-01-05", "2026-0a-05", "20260105"}) {
    const Error e = CaptureError([&] { parse_date(text, "hire_date"); });
    EXPECT_EQ(e.code(), ErrorCode::invalid_argument) << text;
    EXPECT_EQ(std::string{e.what()},
              "hire_date: must be a date YYYY-MM-DD, got '" +
                  std::string{text} + "'");
  }
}

TEST(TimeTest, ParsesTimestampsWithAndWithoutMilliseconds) {
  const Timestamp noon =
      Timestamp{Date{2026y / November / 23}} + std::chrono::hours{12};
  EXPECT_EQ(parse_timestamp("2026-11-23T12:00:00Z", "t"), noon);
  EXPECT_EQ(parse_timestamp("2026-11-23T12:00:00.250Z", "t"),
            noon + std::chrono::milliseconds{250});
  EXPECT_EQ(parse_timestamp("2026-11-23T23:59:59.999Z", "t"),
            noon + std::chrono::hours{12} - std::chrono::milliseconds{1});
}

TEST(TimeTest, TimestampRoundTrips) {
  const Timestamp t = from_unix_ms(1'795'000'123'456);
  EXPECT_EQ(parse_timestamp(format_timestamp(t), "t"), t);
}

TEST(TimeTest, RefusesMalformedTimestamps) {
  for (const char* text :
       {"", "2026-11-23", "2026-11-23T12:00:00", "2026-11-23T12:00:00z",
        "2026-11-23 12:00:00Z", "2026-11-23T24:00:00Z", "2026-11-23T12:60:00Z",
        "2026-11-23T12:00:60Z", "2026-11-23T12:00:00.5Z",
        "2026-11-23T12:00:00.1234Z", "2026-11-23T12:00:00+00:00",
        "2026-02-30T12:00:00Z", "2026-11-23T12:00:00,000Z"}) {
    const Error e = CaptureError([&] { parse_timestamp(text, "start"); });
    EXPECT_EQ(e.code(), ErrorCode::invalid_argument) << text;
    EXPECT_EQ(std::string{e.what()},
              "start: must be a timestamp YYYY-MM-DDTHH:MM:SS.mmmZ, got '" +
                  std::string{text} + "'");
  }
}

TEST(ClockTest, SystemClockIsShared) {
  EXPECT_EQ(system_clock(), system_clock());
}

TEST(ClockTest, SystemClockReadsTheWallClock) {
  const auto before = std::chrono::floor<std::chrono::milliseconds>(
      std::chrono::system_clock::now());
  const Timestamp now = system_clock()->now();
  const auto after = std::chrono::system_clock::now();
  EXPECT_LE(before, now);
  EXPECT_LE(now, after);
}

TEST(ClockTest, ManualClockMovesOnlyWhenTold) {
  ManualClock clock(from_unix_ms(1000));
  EXPECT_EQ(clock.now(), from_unix_ms(1000));
  clock.advance(std::chrono::seconds{2});
  EXPECT_EQ(clock.now(), from_unix_ms(3000));
  clock.set(from_unix_ms(5));
  EXPECT_EQ(clock.now(), from_unix_ms(5));
}

}  // namespace
}  // namespace lms
