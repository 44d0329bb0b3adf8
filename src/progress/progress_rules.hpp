// SPDX-License-Identifier: Apache-2.0
//
// The pure rules of progress and completion: how a report merges into what
// is kept of an activity (monotonic: a completion never regresses,
// progress never falls, time accumulates, the course's score policy picks
// the score), and whether a course's completion rule holds over the kept
// progress. No storage, no clock; thread-safe.

#pragma once

#include <optional>
#include <span>

#include "lms/course.hpp"
#include "lms/progress.hpp"

namespace lms {

// `kept` (nullopt: nothing recorded yet for the activity of `enrolment_id`)
// with `update` applied at `now` under `policy`. REQUIRES: `update` is
// valid (validate_progress_update).
ActivityProgress merge_progress(const std::optional<ActivityProgress>& kept,
                                std::int64_t enrolment_id,
                                const ProgressUpdate& update,
                                ScorePolicy policy, Timestamp now);

enum class CourseOutcome { incomplete, completed, failed };

struct CourseResult {
  CourseOutcome outcome = CourseOutcome::incomplete;
  // The mean score of the counted activities that have one; nullopt when
  // none has.
  std::optional<double> score;

  friend bool operator==(const CourseResult&, const CourseResult&) = default;
};

// Whether `course`'s completion rule holds over `progress` (the enrolment's
// activities; those of unknown keys are ignored). The counted activities
// are the required ones -- every activity when none is required; a course
// without activities never completes by progress. Incomplete until
// `required_count` of them (default: all) and every must_pass activity are
// completed; then completed when the mean score of the completed counted
// activities reaches min_score and every must_pass activity passed, failed
// otherwise.
CourseResult evaluate_completion(const CourseSpec& course,
                                 std::span<const ActivityProgress> progress);

}  // namespace lms
