// SPDX-License-Identifier: Apache-2.0
//
// The wall clock and the engine's shared default instance of it. Both are
// safe for concurrent use from multiple threads.

#include "lms/clock.hpp"

namespace lms {

Timestamp SystemClock::now() const {
  // floor, not time_point_cast: the latter rounds towards zero, which would
  // be wrong for a clock set before 1970.
  return std::chrono::floor<std::chrono::milliseconds>(
      std::chrono::system_clock::now());
}

std::shared_ptr<Clock> system_clock() {
  // A function-local static: created on first use, initialised exactly once
  // even when several threads race to it.
  static const std::shared_ptr<Clock> clock = std::make_shared<SystemClock>();
  return clock;
}

}  // namespace lms
