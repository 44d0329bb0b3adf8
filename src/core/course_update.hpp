// SPDX-License-Identifier: Apache-2.0
//
// Applying a CourseUpdate: the one place that knows which field of an
// update changes which field of a course, shared by the catalog (updates)
// and the JSON codec (a new course is the defaults with its fields applied).
// Pure; thread-safe.

#pragma once

#include "lms/course.hpp"

namespace lms::detail {

// Sets every field of `spec` that `update` sets.
void apply_update(CourseSpec& spec, const CourseUpdate& update);

}  // namespace lms::detail
