// SPDX-License-Identifier: Apache-2.0
//
// The one state table of enrolments (README.md, "Enrolment and progress"):
// every status change of an enrolment goes through next_status(), so a
// transition the table does not have cannot happen anywhere. Pure
// functions; thread-safe.

#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "lms/enrolment.hpp"

namespace lms {

// What happens to an enrolment.
enum class EnrolmentEvent : std::int32_t {
  unlock,    // its prerequisites are completed
  start,     // progress is recorded for the first time
  complete,  // the completion rule holds
  fail,      // every needed activity is done, the score or a pass missed
  withdraw,  // someone takes the user out of the course
  expire,    // the completion's validity runs out
};

std::string_view to_string(EnrolmentEvent event);

// The status `event` takes an enrolment in `status` to; nullopt when the
// table has no such transition.
std::optional<EnrolmentStatus> next_status(EnrolmentStatus status,
                                           EnrolmentEvent event);

// next_status(), throwing Error{conflict} "enrolment <id> is <status>:
// cannot <event>" when the table has no such transition.
EnrolmentStatus require_transition(std::int64_t enrolment_id,
                                   EnrolmentStatus status,
                                   EnrolmentEvent event);

}  // namespace lms
