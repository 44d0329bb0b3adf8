// SPDX-License-Identifier: Apache-2.0
//
// The engine reads time only through a Clock, so that course logic is
// testable: production uses SystemClock, tests a ManualClock they move by
// hand. Both are safe for concurrent use from multiple threads.

#pragma once

#include <atomic>
#include <memory>

#include "lms/export.hpp"
#include "lms/time.hpp"

namespace lms {

class LMS_API Clock {
 public:
  virtual ~Clock() = default;
  virtual Timestamp now() const = 0;
};

// The wall clock, in UTC milliseconds.
class LMS_API SystemClock final : public Clock {
 public:
  Timestamp now() const override;
};

// A clock that stands still until told otherwise.
class LMS_API ManualClock final : public Clock {
 public:
  explicit ManualClock(Timestamp start) : now_ms_(to_unix_ms(start)) {}

  Timestamp now() const override { return from_unix_ms(now_ms_.load()); }
  void set(Timestamp t) { now_ms_.store(to_unix_ms(t)); }
  void advance(std::chrono::milliseconds by) { now_ms_ += by.count(); }

 private:
  std::atomic<std::int64_t> now_ms_;
};

// A lazily created, shared SystemClock: the engine's default.
LMS_API std::shared_ptr<Clock> system_clock();

}  // namespace lms
