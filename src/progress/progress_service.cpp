// SPDX-License-Identifier: Apache-2.0
//
// Recording progress (see progress_service.hpp). Stateless; thread-safe.

#include "progress/progress_service.hpp"

#include <algorithm>
#include <string>

#include "catalog/catalog_service.hpp"
#include "core/field_error.hpp"
#include "enrolment/enrolment_state.hpp"
#include "lms/error.hpp"
#include "lms/json.hpp"
#include "progress/progress_rules.hpp"

namespace lms {
namespace {

using detail::quote_value;
using detail::throw_field_error;

// The enrolment progress is recorded on: the user's latest in the course,
// which must be open to progress.
Enrolment current_enrolment(const Call& call, const ProgressUpdate& update) {
  const std::string user[] = {update.user_key};
  auto latest = call.tx.enrolments().latest_enrolments(call.tenant,
                                                       update.course_key, user);
  if (latest.empty())
    throw_field_error(ErrorCode::not_found, "user_key",
                      "user " + quote_value(update.user_key) +
                          " is not enrolled in course " +
                          quote_value(update.course_key));
  Enrolment& enrolment = latest.front();
  const auto status = enrolment.status;
  if (status == EnrolmentStatus::locked ||
      status == EnrolmentStatus::withdrawn ||
      status == EnrolmentStatus::expired)
    throw_field_error(
        ErrorCode::conflict, "user_key",
        "enrolment " + std::to_string(enrolment.id) + " of user " +
            quote_value(update.user_key) + " is " +
            std::string{to_string(status)} +
            (status == EnrolmentStatus::locked
                 ? ": the prerequisites of the course are not completed"
                 : ""));
  return std::move(enrolment);
}

Json status_payload(const Enrolment& e) {
  return Json{
      {"id", e.id},
      {"course_key", e.course_key},
      {"cycle", e.cycle},
      {"score", e.score ? Json(*e.score) : Json(nullptr)},
      {"expires_at",
       e.expires_at ? Json(format_timestamp(*e.expires_at)) : Json(nullptr)}};
}

}  // namespace

RecordedProgress ProgressService::record(const Call& call,
                                         const ProgressUpdate& update) {
  const Course course =
      require_course(call.tx, call.tenant, "course_key", update.course_key);
  if (std::ranges::none_of(course.activities, [&](const Activity& a) {
        return a.key == update.activity_key;
      }))
    throw_field_error(ErrorCode::not_found, "activity_key",
                      "no activity " + quote_value(update.activity_key) +
                          " in course " + quote_value(course.key));
  Enrolment enrolment = current_enrolment(call, update);

  auto& store = call.tx.enrolments();
  std::vector<ActivityProgress> all =
      store.list_progress(call.tenant, enrolment.id);
  const auto kept = std::ranges::find(all, update.activity_key,
                                      &ActivityProgress::activity_key);
  const std::optional<ActivityProgress> before =
      kept == all.end() ? std::nullopt : std::optional{*kept};
  ActivityProgress merged = merge_progress(before, enrolment.id, update,
                                           course.score_policy, call.now);
  if (before) {
    ActivityProgress unchanged = merged;
    unchanged.updated_at = before->updated_at;
    if (unchanged == *before) return {*before, enrolment};
    *kept = merged;
  } else {
    all.push_back(merged);
  }
  store.put_progress(call.tenant, merged);
  Json payload = to_json(merged);
  payload.erase("updated_at");
  payload["course_key"] = course.key;
  append_event(call, kProgressRecorded, enrolment.user_key, std::move(payload));

  const EnrolmentStatus was = enrolment.status;
  if (enrolment.status == EnrolmentStatus::enrolled) {
    enrolment.status = require_transition(enrolment.id, enrolment.status,
                                          EnrolmentEvent::start);
    append_event(call, kEnrolmentStarted, enrolment.user_key,
                 status_payload(enrolment));
  }
  const CourseResult result = evaluate_completion(course, all);
  const bool completes = result.outcome == CourseOutcome::completed &&
                         enrolment.status != EnrolmentStatus::completed;
  const bool fails = result.outcome == CourseOutcome::failed &&
                     enrolment.status != EnrolmentStatus::failed &&
                     enrolment.status != EnrolmentStatus::completed;
  if (completes || fails) {
    enrolment.status = require_transition(
        enrolment.id, enrolment.status,
        completes ? EnrolmentEvent::complete : EnrolmentEvent::fail);
    enrolment.completed_at = call.now;
    enrolment.score = result.score;
    if (completes && course.recertification_days)
      enrolment.expires_at =
          call.now + std::chrono::days{*course.recertification_days};
    append_event(call, completes ? kEnrolmentCompleted : kEnrolmentFailed,
                 enrolment.user_key, status_payload(enrolment));
  }
  if (enrolment.status != was) {
    enrolment.updated_at = call.now;
    store.update_enrolment(call.tenant, enrolment);
  }
  if (completes)
    enrolments_.unlock_dependants(call, enrolment.user_key, course.key);
  return {std::move(merged), std::move(enrolment)};
}

std::vector<ActivityProgress> ProgressService::list(const Call& call,
                                                    std::int64_t enrolment_id) {
  return call.tx.enrolments().list_progress(call.tenant, enrolment_id);
}

}  // namespace lms
