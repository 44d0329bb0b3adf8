// SPDX-License-Identifier: Apache-2.0
//
// Enrolment's rules: who may be enrolled where (a published course within
// its enrolment window, a user who is not deprovisioned, one active
// enrolment per user and course), the due date (explicit, or the course's
// default period from enrolment or from the hire date), locked enrolments
// while prerequisites are not completed, cycles, withdrawal. Every status
// change goes through the state table (enrolment_state.hpp). Every function
// works inside the Call's transaction and appends the events of its
// changes there; the caller has authorized the call. Stateless;
// thread-safe.

#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string_view>

#include "events/event_log.hpp"
#include "lms/course.hpp"
#include "lms/enrolment.hpp"

namespace lms {

class EnrolmentService {
 public:
  // Called for each request of a bulk enrolment once its user and course
  // are known to exist: the engine's authorization of that pair.
  using Authorize = std::function<void(const EnrolmentSpec&)>;

  // Enrols one user. Throws not_found for an unknown user or course,
  // invalid_argument for a deprovisioned user or a due date before now,
  // conflict for a course that is not published or outside its enrolment
  // window, already_exists when the user is active in the course.
  Enrolment enrol(const Call& call, const EnrolmentSpec& spec,
                  EnrolmentSource source, std::string_view source_key = {});
  // Enrols each request as enrol() does, all or nothing; a request for a
  // user already active in the course (or repeated in the batch) is
  // counted, not refused. Errors name the request ("enrolments[3].user_key").
  // Writes in (course, user) order. Throws limit_exceeded beyond
  // limits::kBulkEnrolments requests.
  BulkEnrolResult enrol_many(const Call& call,
                             std::span<const EnrolmentSpec> specs,
                             const Authorize& authorize);
  // Takes the user out of the course. Throws not_found for an unknown id,
  // conflict unless the enrolment is active or failed.
  Enrolment withdraw(const Call& call, std::int64_t enrolment_id);
  // Throws not_found (naming `field`) for an unknown id.
  Enrolment get(const Call& call, std::int64_t enrolment_id,
                std::string_view field = "enrolment_id");

  // After `user_key` completed `completed_course`: every locked enrolment
  // of theirs whose prerequisites are now all completed is unlocked.
  void unlock_dependants(const Call& call, std::string_view user_key,
                         std::string_view completed_course);
};

}  // namespace lms
