// SPDX-License-Identifier: Apache-2.0
//
// The course catalog: courses with their rules (prerequisites existing and
// acyclic, versions bumped on change, draft -> published -> archived).
// Every function works inside the Call's transaction and appends the events
// of its changes there; the caller has authorized the call. Stateless;
// thread-safe.

#pragma once

#include <string>
#include <string_view>

#include "events/event_log.hpp"
#include "lms/course.hpp"

namespace lms {

// "course 'key'", quoted as every message names a course.
std::string course_label(std::string_view key);

// Course `key` of `tenant`; Error{not_found} naming `field` when there is
// none (the services and the authorization point word it the same way).
Course require_course(Transaction& tx, TenantId tenant, std::string_view field,
                      std::string_view key);

class CatalogService {
 public:
  // A draft at version 1. Throws already_exists for a taken key, not_found
  // for an unknown prerequisite.
  Course create_course(const Call& call, const CourseSpec& spec);
  Course get_course(const Call& call, std::string_view key);
  // Bumps the version when anything changes; an update that changes
  // nothing writes nothing. Throws conflict for an archived course,
  // invalid_argument when the prerequisites would make a cycle.
  Course update_course(const Call& call, std::string_view key,
                       const CourseUpdate& update);
  // draft -> published; conflict from any other status.
  Course publish_course(const Call& call, std::string_view key);
  // draft or published -> archived; conflict when already archived.
  Course archive_course(const Call& call, std::string_view key);
  CoursePage list_courses(const Call& call, const CourseQuery& query);
};

}  // namespace lms
