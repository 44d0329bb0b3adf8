// SPDX-License-Identifier: Apache-2.0
//
// Enrolment's rules (see enrolment_service.hpp). Stateless; thread-safe.

#include "enrolment/enrolment_service.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "catalog/catalog_service.hpp"
#include "core/field_error.hpp"
#include "core/validate.hpp"
#include "enrolment/enrolment_state.hpp"
#include "lms/error.hpp"
#include "lms/json.hpp"
#include "lms/limits.hpp"

namespace lms {
namespace {

using detail::quote_value;
using detail::throw_field_error;

// "<prefix>.<name>", or `name` alone for a request that is the whole call.
std::string field_of(std::string_view prefix, std::string_view name) {
  if (prefix.empty()) return std::string{name};
  return std::string{prefix} + "." + std::string{name};
}

// A new enrolment needs a published course within its enrolment window.
void require_open(const Course& course, Timestamp now, std::string_view field) {
  if (course.status != CourseStatus::published)
    throw_field_error(ErrorCode::conflict, field,
                      course_label(course.key) + " is " +
                          std::string{to_string(course.status)} +
                          ": only published courses take enrolments");
  if (course.enrolment_opens && now < *course.enrolment_opens)
    throw_field_error(ErrorCode::conflict, field,
                      course_label(course.key) + " takes enrolments from " +
                          format_timestamp(*course.enrolment_opens));
  if (course.enrolment_closes && now >= *course.enrolment_closes)
    throw_field_error(ErrorCode::conflict, field,
                      course_label(course.key) +
                          " stopped taking enrolments at " +
                          format_timestamp(*course.enrolment_closes));
}

// The due date of a new enrolment: the explicit one, not before `now`, or
// the course's default period from enrolment or from the hire date.
std::optional<Timestamp> due_date(const Course& course, const User& user,
                                  const EnrolmentSpec& spec, Timestamp now,
                                  std::string_view prefix) {
  if (spec.due_at) {
    if (*spec.due_at < now)
      throw_field_error(
          ErrorCode::invalid_argument, field_of(prefix, "due_at"),
          "must not be before the enrolment (" + format_timestamp(now) + ")",
          format_timestamp(*spec.due_at));
    return spec.due_at;
  }
  if (!course.default_due_days) return std::nullopt;
  Timestamp from = now;
  if (course.due_from == DueFrom::hire_date && user.hire_date)
    from = Timestamp{*user.hire_date};
  return from + std::chrono::days{*course.default_due_days};
}

// The users among `user_keys` (sorted, unique) whose latest enrolment in
// every prerequisite of `course` is completed.
std::set<std::string, std::less<>> meeting_prerequisites(
    const Call& call, const Course& course,
    std::span<const std::string> user_keys) {
  std::set<std::string, std::less<>> met(user_keys.begin(), user_keys.end());
  for (const std::string& prerequisite : course.prerequisites) {
    std::set<std::string, std::less<>> completed;
    for (Enrolment& e : call.tx.enrolments().latest_enrolments(
             call.tenant, prerequisite, user_keys))
      if (e.status == EnrolmentStatus::completed)
        completed.insert(std::move(e.user_key));
    std::erase_if(
        met, [&](const std::string& key) { return !completed.contains(key); });
  }
  return met;
}

struct Request {
  std::string prefix;  // "" or "enrolments[i]"
  const EnrolmentSpec* spec;
  EnrolmentSource source;
};

// What one course's requests turn into: new enrolments, in user order, and
// the count of requests for users already active.
struct Planned {
  std::vector<Enrolment> enrolments;
  std::size_t already_active = 0;
};

// `strict`: a request for a user already active is refused instead of
// counted.
Planned plan_course(const Call& call, std::string_view course_key,
                    std::vector<Request>& requests, std::string_view source_key,
                    bool strict, const EnrolmentService::Authorize& authorize) {
  std::ranges::stable_sort(requests, {}, [](const Request& r) {
    return std::string_view{r.spec->user_key};
  });
  const Request& first = requests.front();
  const Course course = require_course(
      call.tx, call.tenant, field_of(first.prefix, "course_key"), course_key);
  require_open(course, call.now, field_of(first.prefix, "course_key"));
  if (first.source == EnrolmentSource::self && !course.self_enrolment)
    throw_field_error(
        ErrorCode::conflict, field_of(first.prefix, "course_key"),
        course_label(course.key) + " does not allow self-enrolment");

  std::vector<std::string> user_keys;
  for (const Request& r : requests)
    if (user_keys.empty() || user_keys.back() != r.spec->user_key)
      user_keys.push_back(r.spec->user_key);
  std::map<std::string, User, std::less<>> users;
  for (User& user : call.tx.directory().find_users(call.tenant, user_keys))
    users.emplace(user.key, std::move(user));
  std::map<std::string, Enrolment, std::less<>> latest;
  for (Enrolment& e : call.tx.enrolments().latest_enrolments(
           call.tenant, course_key, user_keys))
    latest.emplace(e.user_key, std::move(e));
  const auto unlocked = meeting_prerequisites(call, course, user_keys);

  Planned planned;
  const std::string* previous_user = nullptr;
  for (const Request& r : requests) {
    const EnrolmentSpec& spec = *r.spec;
    const auto user = users.find(spec.user_key);
    if (user == users.end())
      throw_field_error(ErrorCode::not_found, field_of(r.prefix, "user_key"),
                        "no user " + quote_value(spec.user_key));
    if (user->second.status == UserStatus::deprovisioned)
      throw_field_error(
          ErrorCode::invalid_argument, field_of(r.prefix, "user_key"),
          "user " + quote_value(spec.user_key) + " is deprovisioned");
    if (authorize) authorize(spec);
    const auto last = latest.find(spec.user_key);
    const bool repeated = previous_user && *previous_user == spec.user_key;
    previous_user = &spec.user_key;
    if (repeated || (last != latest.end() && is_active(last->second.status))) {
      if (strict)
        throw_field_error(ErrorCode::already_exists,
                          field_of(r.prefix, "user_key"),
                          "user " + quote_value(spec.user_key) +
                              " already has active enrolment " +
                              std::to_string(last->second.id) + " in " +
                              course_label(course_key));
      ++planned.already_active;
      continue;
    }
    Enrolment e;
    e.user_key = spec.user_key;
    e.course_key = course.key;
    e.cycle = last == latest.end() ? 1 : last->second.cycle + 1;
    e.status = unlocked.contains(spec.user_key) ? EnrolmentStatus::enrolled
                                                : EnrolmentStatus::locked;
    e.source = r.source;
    e.source_key = std::string{source_key};
    e.enrolled_at = call.now;
    e.due_at = due_date(course, user->second, spec, call.now, r.prefix);
    e.updated_at = call.now;
    planned.enrolments.push_back(std::move(e));
  }
  return planned;
}

// Inserts the planned enrolments and appends an enrolment.created event
// for each, in order.
void insert_with_events(const Call& call, std::vector<Enrolment>& enrolments) {
  const auto ids =
      call.tx.enrolments().insert_enrolments(call.tenant, enrolments);
  for (std::size_t i = 0; i < enrolments.size(); ++i) {
    enrolments[i].id = ids[i];
    append_event(call, kEnrolmentCreated, enrolments[i].user_key,
                 record_payload(to_json(enrolments[i])));
  }
}

}  // namespace

Enrolment EnrolmentService::enrol(const Call& call, const EnrolmentSpec& spec,
                                  EnrolmentSource source,
                                  std::string_view source_key) {
  std::vector<Request> requests{{"", &spec, source}};
  Planned planned =
      plan_course(call, spec.course_key, requests, source_key, true, nullptr);
  insert_with_events(call, planned.enrolments);
  return std::move(planned.enrolments.front());
}

BulkEnrolResult EnrolmentService::enrol_many(
    const Call& call, std::span<const EnrolmentSpec> specs,
    const Authorize& authorize) {
  detail::validate_count("enrolments", specs.size(), limits::kBulkEnrolments);
  std::map<std::string, std::vector<Request>, std::less<>> by_course;
  for (std::size_t i = 0; i < specs.size(); ++i) {
    std::string prefix = "enrolments[" + std::to_string(i) + "]";
    detail::validate_enrolment_spec(prefix, specs[i]);
    by_course[specs[i].course_key].push_back(
        {std::move(prefix), &specs[i], specs[i].source});
  }
  BulkEnrolResult result;
  for (auto& [course_key, requests] : by_course) {
    Planned planned =
        plan_course(call, course_key, requests, "", false, authorize);
    insert_with_events(call, planned.enrolments);
    result.enrolled += planned.enrolments.size();
    result.already_enrolled += planned.already_active;
  }
  return result;
}

Enrolment EnrolmentService::get(const Call& call, std::int64_t enrolment_id,
                                std::string_view field) {
  auto enrolment =
      call.tx.enrolments().find_enrolment(call.tenant, enrolment_id);
  if (!enrolment)
    throw_field_error(ErrorCode::not_found, field,
                      "no enrolment " + std::to_string(enrolment_id));
  return *std::move(enrolment);
}

Enrolment EnrolmentService::withdraw(const Call& call,
                                     std::int64_t enrolment_id) {
  Enrolment enrolment = get(call, enrolment_id);
  const EnrolmentStatus from = enrolment.status;
  enrolment.status =
      require_transition(enrolment.id, from, EnrolmentEvent::withdraw);
  enrolment.updated_at = call.now;
  call.tx.enrolments().update_enrolment(call.tenant, enrolment);
  append_event(call, kEnrolmentWithdrawn, enrolment.user_key,
               Json{{"id", enrolment.id},
                    {"course_key", enrolment.course_key},
                    {"cycle", enrolment.cycle},
                    {"from", to_string(from)}});
  return enrolment;
}

void EnrolmentService::unlock_dependants(const Call& call,
                                         std::string_view user_key,
                                         std::string_view completed_course) {
  EnrolmentQuery query;
  query.user_key = std::string{user_key};
  query.status = EnrolmentStatus::locked;
  query.limit = limits::kPageSize;
  const std::string user[] = {std::string{user_key}};
  do {
    EnrolmentPage page =
        call.tx.enrolments().list_enrolments(call.tenant, query);
    for (Enrolment& enrolment : page.enrolments) {
      const Course course = require_course(call.tx, call.tenant, "course_key",
                                           enrolment.course_key);
      if (std::ranges::find(course.prerequisites, completed_course) ==
              course.prerequisites.end() ||
          meeting_prerequisites(call, course, user).empty())
        continue;
      enrolment.status = require_transition(enrolment.id, enrolment.status,
                                            EnrolmentEvent::unlock);
      enrolment.updated_at = call.now;
      call.tx.enrolments().update_enrolment(call.tenant, enrolment);
      append_event(call, kEnrolmentUnlocked, enrolment.user_key,
                   Json{{"id", enrolment.id},
                        {"course_key", enrolment.course_key},
                        {"completed", completed_course}});
    }
    query.after = page.next_after;
  } while (query.after != 0);
}

}  // namespace lms
