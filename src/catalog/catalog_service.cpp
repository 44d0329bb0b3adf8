// SPDX-License-Identifier: Apache-2.0
//
// The catalog's rules (see catalog_service.hpp). Stateless; thread-safe.

#include "catalog/catalog_service.hpp"

#include <algorithm>
#include <deque>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/course_update.hpp"
#include "core/field_error.hpp"
#include "core/validate.hpp"
#include "lms/error.hpp"
#include "lms/json.hpp"

namespace lms {

std::string course_label(std::string_view key) {
  return "course " + detail::quote_value(key);
}

namespace {

void require_prerequisites(const Call& call,
                           const std::vector<std::string>& prerequisites) {
  for (std::size_t i = 0; i < prerequisites.size(); ++i)
    if (!call.tx.catalog().find_course(call.tenant, prerequisites[i]))
      detail::throw_field_error(ErrorCode::not_found,
                                "prerequisites[" + std::to_string(i) + "]",
                                "no " + course_label(prerequisites[i]));
}

// Throws invalid_argument, spelling out the cycle, when course `key` is
// reachable from `prerequisites` through the stored prerequisites.
// Breadth first, so the cycle reported is a shortest one.
void check_acyclic(const Call& call, const std::string& key,
                   const std::vector<std::string>& prerequisites) {
  // Each course reached, with the course that requires it.
  std::unordered_map<std::string, std::string> required_by;
  std::deque<std::string> queue;
  for (const auto& prerequisite : prerequisites)
    if (required_by.emplace(prerequisite, key).second)
      queue.push_back(prerequisite);
  while (!queue.empty()) {
    const std::string node = std::move(queue.front());
    queue.pop_front();
    const auto course = call.tx.catalog().find_course(call.tenant, node);
    if (!course) continue;
    for (const auto& next : course->prerequisites) {
      if (next == key) {
        std::vector<std::string> path{key};
        for (std::string at = node; at != key; at = required_by.at(at))
          path.push_back(at);
        std::reverse(path.begin() + 1, path.end());
        std::string text;
        for (const auto& step : path)
          text += detail::quote_value(step) + " -> ";
        text += detail::quote_value(key) + " would make a cycle";
        detail::throw_field_error(ErrorCode::invalid_argument, "prerequisites",
                                  text);
      }
      if (required_by.emplace(next, node).second) queue.push_back(next);
    }
  }
}

Json version_payload(const Course& course) {
  return Json{{"version", course.version}};
}

}  // namespace

Course CatalogService::create_course(const Call& call, const CourseSpec& spec) {
  detail::validate_course_spec(spec);
  if (call.tx.catalog().find_course(call.tenant, spec.key))
    detail::throw_field_error(ErrorCode::already_exists, "key",
                              course_label(spec.key) + " already exists");
  // Prerequisites that exist cannot lead back to a course not yet created,
  // so a new course never closes a cycle.
  require_prerequisites(call, spec.prerequisites);
  Course course;
  static_cast<CourseSpec&>(course) = spec;
  course.created_at = call.now;
  course.updated_at = call.now;
  call.tx.catalog().insert_course(call.tenant, course);
  append_event(call, kCourseCreated, course.key,
               record_payload(to_json(course)));
  return course;
}

Course require_course(Transaction& tx, TenantId tenant, std::string_view field,
                      std::string_view key) {
  auto course = tx.catalog().find_course(tenant, key);
  if (!course)
    detail::throw_field_error(ErrorCode::not_found, field,
                              "no " + course_label(key));
  return *std::move(course);
}

Course CatalogService::get_course(const Call& call, std::string_view key) {
  return require_course(call.tx, call.tenant, "key", key);
}

Course CatalogService::update_course(const Call& call, std::string_view key,
                                     const CourseUpdate& update) {
  const Course current = get_course(call, key);
  if (current.status == CourseStatus::archived)
    detail::throw_field_error(ErrorCode::conflict, "status",
                              course_label(key) + " is archived");
  Course wanted = current;
  detail::apply_update(wanted, update);
  detail::validate_course_spec(wanted);
  if (static_cast<const CourseSpec&>(wanted) ==
      static_cast<const CourseSpec&>(current))
    return current;
  if (wanted.prerequisites != current.prerequisites) {
    require_prerequisites(call, wanted.prerequisites);
    check_acyclic(call, wanted.key, wanted.prerequisites);
  }
  // Named: items() refers to its Json, which a temporary would not outlive.
  const Json changes = field_changes(to_json(current), to_json(wanted));
  Json changed = Json::array();
  for (const auto& item : changes.items()) changed.push_back(item.key());
  wanted.version = current.version + 1;
  wanted.updated_at = call.now;
  call.tx.catalog().update_course(call.tenant, wanted);
  append_event(call, kCourseUpdated, wanted.key,
               Json{{"version", wanted.version}, {"changes", changed}});
  return wanted;
}

Course CatalogService::publish_course(const Call& call, std::string_view key) {
  Course course = get_course(call, key);
  if (course.status != CourseStatus::draft)
    detail::throw_field_error(ErrorCode::conflict, "status",
                              course_label(key) + " is " +
                                  std::string{to_string(course.status)} +
                                  ", only a draft can be published");
  course.status = CourseStatus::published;
  course.updated_at = call.now;
  call.tx.catalog().update_course(call.tenant, course);
  append_event(call, kCoursePublished, course.key, version_payload(course));
  return course;
}

Course CatalogService::archive_course(const Call& call, std::string_view key) {
  Course course = get_course(call, key);
  if (course.status == CourseStatus::archived)
    detail::throw_field_error(ErrorCode::conflict, "status",
                              course_label(key) + " is already archived");
  course.status = CourseStatus::archived;
  course.updated_at = call.now;
  call.tx.catalog().update_course(call.tenant, course);
  append_event(call, kCourseArchived, course.key, version_payload(course));
  return course;
}

CoursePage CatalogService::list_courses(const Call& call,
                                        const CourseQuery& query) {
  detail::validate_course_query(query);
  return call.tx.catalog().list_courses(call.tenant, query);
}

}  // namespace lms
