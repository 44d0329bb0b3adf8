// SPDX-License-Identifier: Apache-2.0
//
// Progress merging and the completion rule (see progress_rules.hpp). Pure;
// thread-safe.

#include "progress/progress_rules.hpp"

#include <algorithm>
#include <cstddef>
#include <map>
#include <string>

namespace lms {

ActivityProgress merge_progress(const std::optional<ActivityProgress>& kept,
                                std::int64_t enrolment_id,
                                const ProgressUpdate& update,
                                ScorePolicy policy, Timestamp now) {
  ActivityProgress result;
  if (kept) {
    result = *kept;
  } else {
    result.enrolment_id = enrolment_id;
    result.activity_key = update.activity_key;
    result.started_at = now;
  }
  result.updated_at = now;
  result.time_spent += update.time_spent;
  if (update.progress)
    result.progress = std::max(result.progress, *update.progress);
  if (update.completed) {
    result.progress = 1;
    if (result.state != ActivityState::completed) result.completed_at = now;
    result.state = ActivityState::completed;
  } else if (result.state == ActivityState::not_started) {
    result.state = ActivityState::in_progress;
  }
  if (update.score) {
    const bool take = policy == ScorePolicy::latest || !result.score ||
                      *update.score >= *result.score;
    if (take) result.score = update.score;
  }
  if (update.passed) {
    if (policy == ScorePolicy::latest || !result.passed) {
      result.passed = update.passed;
    } else {
      result.passed = *result.passed || *update.passed;
    }
  }
  return result;
}

CourseResult evaluate_completion(const CourseSpec& course,
                                 std::span<const ActivityProgress> progress) {
  std::map<std::string, const ActivityProgress*, std::less<>> by_key;
  for (const ActivityProgress& p : progress) by_key.emplace(p.activity_key, &p);
  const auto completed =
      [&](const std::string& key) -> const ActivityProgress* {
    const auto it = by_key.find(key);
    if (it == by_key.end() || it->second->state != ActivityState::completed)
      return nullptr;
    return it->second;
  };

  const bool any_required =
      std::ranges::any_of(course.activities, &Activity::required);
  std::size_t counted = 0;
  std::size_t done = 0;
  double score_sum = 0;
  std::size_t scored = 0;
  for (const Activity& activity : course.activities) {
    if (any_required && !activity.required) continue;
    ++counted;
    const ActivityProgress* p = completed(activity.key);
    if (!p) continue;
    ++done;
    if (p->score) {
      score_sum += *p->score;
      ++scored;
    }
  }
  CourseResult result;
  if (scored > 0) result.score = score_sum / static_cast<double>(scored);

  const CompletionRule& rule = course.completion;
  const std::size_t needed =
      rule.required_count ? static_cast<std::size_t>(*rule.required_count)
                          : counted;
  if (counted == 0 || done < needed) return result;
  bool passed_all = true;
  for (const std::string& key : rule.must_pass) {
    const ActivityProgress* p = completed(key);
    if (!p) return result;
    passed_all = passed_all && p->passed.value_or(false);
  }
  const bool score_met =
      !rule.min_score || (result.score && *result.score >= *rule.min_score);
  result.outcome = passed_all && score_met ? CourseOutcome::completed
                                           : CourseOutcome::failed;
  return result;
}

}  // namespace lms
