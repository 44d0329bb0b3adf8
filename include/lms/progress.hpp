// SPDX-License-Identifier: Apache-2.0
//
// Progress of an enrolment on the activities of its course: what a learner's
// activity reports (ProgressUpdate) and what the engine keeps of it
// (ActivityProgress). Recording is monotonic -- a completion never regresses,
// progress never falls, time accumulates, and the course's score policy
// picks the score. Plain value types; see engine.hpp for the calls.

#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "lms/enrolment.hpp"
#include "lms/export.hpp"
#include "lms/time.hpp"

namespace lms {

// Persisted by name; never renumbered.
enum class ActivityState : std::int32_t {
  not_started = 0,
  in_progress = 1,
  completed = 2,
};

LMS_API std::string_view to_string(ActivityState state);
// Throws Error{invalid_argument} naming `field` for an unknown name.
LMS_API ActivityState parse_activity_state(std::string_view text,
                                           std::string_view field);

// One report from an activity of the user's current enrolment in the
// course. Every field is optional but the keys; recording any update
// starts the activity.
struct ProgressUpdate {
  std::string user_key;
  std::string course_key;
  std::string activity_key;
  // 0..1; lower than the kept progress changes nothing.
  std::optional<double> progress;
  // true completes the activity (and sets progress to 1); false says
  // nothing.
  bool completed = false;
  // 0..1.
  std::optional<double> score;
  // Whether the learner passed the activity (an assessment's verdict).
  std::optional<bool> passed;
  // Time spent since the last report, added to the total. >= 0.
  std::chrono::milliseconds time_spent{0};

  friend bool operator==(const ProgressUpdate&,
                         const ProgressUpdate&) = default;
};

// What the engine keeps of one activity of one enrolment.
struct ActivityProgress {
  std::int64_t enrolment_id = 0;
  std::string activity_key;
  ActivityState state = ActivityState::not_started;
  double progress = 0;  // 0..1, never falls
  // By the course's score policy: the highest or the latest reported.
  std::optional<double> score;
  // Goes with the score the policy picked; under `highest`, true once any
  // report passed.
  std::optional<bool> passed;
  std::chrono::milliseconds time_spent{0};  // the sum of every report
  Timestamp started_at{};
  std::optional<Timestamp> completed_at;  // the first completion
  Timestamp updated_at{};

  friend bool operator==(const ActivityProgress&,
                         const ActivityProgress&) = default;
};

// What recording one update did: the activity as now kept, and the
// enrolment after any status change it caused (started, completed, failed).
struct RecordedProgress {
  ActivityProgress activity;
  Enrolment enrolment;
};

}  // namespace lms
