// SPDX-License-Identifier: Apache-2.0
//
// The enrolment state table (see enrolment_state.hpp). Pure; thread-safe.

#include "enrolment/enrolment_state.hpp"

#include <array>
#include <string>

#include "lms/error.hpp"

namespace lms {
namespace {

using S = EnrolmentStatus;
using E = EnrolmentEvent;

struct Transition {
  S from;
  E event;
  S to;
};

// Every transition there is; README.md's table says the same. A failed
// enrolment completes when a retake meets the rule; withdrawn and expired
// are final (a new enrolment starts the next cycle).
constexpr std::array kTransitions{
    Transition{S::locked, E::unlock, S::enrolled},
    Transition{S::locked, E::withdraw, S::withdrawn},
    Transition{S::enrolled, E::start, S::in_progress},
    Transition{S::enrolled, E::complete, S::completed},
    Transition{S::enrolled, E::fail, S::failed},
    Transition{S::enrolled, E::withdraw, S::withdrawn},
    Transition{S::in_progress, E::complete, S::completed},
    Transition{S::in_progress, E::fail, S::failed},
    Transition{S::in_progress, E::withdraw, S::withdrawn},
    Transition{S::failed, E::complete, S::completed},
    Transition{S::failed, E::withdraw, S::withdrawn},
    Transition{S::completed, E::expire, S::expired},
};

}  // namespace

std::string_view to_string(EnrolmentEvent event) {
  switch (event) {
    case E::unlock:
      return "unlock";
    case E::start:
      return "start";
    case E::complete:
      return "complete";
    case E::fail:
      return "fail";
    case E::withdraw:
      return "withdraw";
    case E::expire:
      return "expire";
  }
  return "?";
}

std::optional<EnrolmentStatus> next_status(EnrolmentStatus status,
                                           EnrolmentEvent event) {
  for (const Transition& t : kTransitions)
    if (t.from == status && t.event == event) return t.to;
  return std::nullopt;
}

EnrolmentStatus require_transition(std::int64_t enrolment_id,
                                   EnrolmentStatus status,
                                   EnrolmentEvent event) {
  if (const auto next = next_status(status, event)) return *next;
  throw Error(ErrorCode::conflict, "enrolment " + std::to_string(enrolment_id) +
                                       " is " + std::string{to_string(status)} +
                                       ": cannot " +
                                       std::string{to_string(event)});
}

}  // namespace lms
