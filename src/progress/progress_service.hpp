// SPDX-License-Identifier: Apache-2.0
//
// Recording progress on the user's current enrolment in a course, and the
// status changes it brings: started on the first report, completed or
// failed when the course's completion rule says so (progress_rules.hpp),
// with the completion's expiry, and the user's locked enrolments that
// this completion unlocks. Works inside the Call's transaction and appends
// the events of its changes there; the caller has authorized the call.
// Stateless; thread-safe.

#pragma once

#include <cstdint>
#include <vector>

#include "enrolment/enrolment_service.hpp"
#include "events/event_log.hpp"
#include "lms/progress.hpp"

namespace lms {

class ProgressService {
 public:
  explicit ProgressService(EnrolmentService& enrolments)
      : enrolments_(enrolments) {}

  // REQUIRES: `update` is valid (validate_progress_update; the engine
  // checks it before it authorizes).
  // Merges `update` into the activity's progress on the user's latest
  // enrolment in the course. An update that changes nothing writes
  // nothing. Throws not_found for an unknown course or activity or a user
  // never enrolled in the course, conflict when that enrolment is locked,
  // withdrawn or expired.
  RecordedProgress record(const Call& call, const ProgressUpdate& update);
  // What is kept of each activity of the enrolment, by activity key.
  std::vector<ActivityProgress> list(const Call& call,
                                     std::int64_t enrolment_id);

 private:
  EnrolmentService& enrolments_;
};

}  // namespace lms
