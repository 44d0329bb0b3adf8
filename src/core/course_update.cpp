// SPDX-License-Identifier: Apache-2.0
//
// See course_update.hpp. Pure; thread-safe.

#include "core/course_update.hpp"

namespace lms::detail {
namespace {

template <typename T>
void set_if(T& field, const std::optional<T>& value) {
  if (value) field = *value;
}

}  // namespace

void apply_update(CourseSpec& spec, const CourseUpdate& update) {
  set_if(spec.title, update.title);
  set_if(spec.description, update.description);
  set_if(spec.activities, update.activities);
  set_if(spec.prerequisites, update.prerequisites);
  set_if(spec.recertification_days, update.recertification_days);
  set_if(spec.default_due_days, update.default_due_days);
  set_if(spec.due_from, update.due_from);
  set_if(spec.self_enrolment, update.self_enrolment);
  set_if(spec.enrolment_opens, update.enrolment_opens);
  set_if(spec.enrolment_closes, update.enrolment_closes);
  set_if(spec.completion, update.completion);
  set_if(spec.score_policy, update.score_policy);
}

}  // namespace lms::detail
