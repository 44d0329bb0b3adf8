// SPDX-License-Identifier: Apache-2.0
//
// Helpers of the storage tests: a temporary directory per test, records
// with every field set (access-control records too), and a full-field text form
// of each record for exact comparison (the records' own operator== skip the
// timestamps, and Json's treats 1 and 1.0 as equal). Test code;
// single-threaded.

#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "lms/storage.hpp"

namespace lms::testing {

// A fresh directory under the system's temporary directory, removed with
// everything in it when the object goes.
class TempDir {
 public:
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "lms-storage-XXXXXX")
            .string();
    if (mkdtemp(pattern.data()) == nullptr) {
      ADD_FAILURE() << "mkdtemp failed for " << pattern;
    }
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

inline Timestamp Time(std::int64_t unix_ms) { return from_unix_ms(unix_ms); }

// 2026-01-01T00:00:00Z.
inline constexpr std::int64_t kT0 = 1767225600000;

inline OrgUnit MakeOrgUnit(std::string key, std::string parent = {}) {
  OrgUnit unit;
  unit.name = "Unit " + key;
  unit.key = std::move(key);
  unit.parent = std::move(parent);
  unit.created_at = Time(kT0);
  unit.updated_at = Time(kT0 + 1);
  return unit;
}

inline User MakeUser(std::string key, std::string org_unit = {},
                     Json attributes = Json::object(),
                     UserStatus status = UserStatus::active) {
  User user;
  user.display_name = "User " + key;
  user.email = key + "@example.com";
  user.key = std::move(key);
  user.org_unit = std::move(org_unit);
  user.attributes = std::move(attributes);
  user.status = status;
  user.created_at = Time(kT0);
  user.updated_at = Time(kT0 + 1);
  return user;
}

inline Course MakeCourse(std::string key,
                         CourseStatus status = CourseStatus::draft) {
  Course course;
  course.title = "Course " + key;
  course.key = std::move(key);
  course.status = status;
  course.created_at = Time(kT0);
  course.updated_at = Time(kT0 + 1);
  return course;
}

inline Event MakeEvent(TenantId tenant, std::string subject) {
  Event event;
  event.tenant_id = tenant;
  event.time = Time(kT0 + 5);
  event.actor = "@system";
  event.type = "user.created";
  event.subject = std::move(subject);
  event.payload = Json{{"subject", event.subject}};
  return event;
}

inline std::string Describe(const Tenant& t) {
  return Json{{"id", t.id},
              {"key", t.key},
              {"name", t.name},
              {"created_at", to_unix_ms(t.created_at)}}
      .dump();
}

inline std::string Describe(const OrgUnit& u) {
  return Json{{"key", u.key},
              {"name", u.name},
              {"parent", u.parent},
              {"created_at", to_unix_ms(u.created_at)},
              {"updated_at", to_unix_ms(u.updated_at)}}
      .dump();
}

inline std::string Describe(const User& u) {
  return Json{
      {"key", u.key},
      {"display_name", u.display_name},
      {"email", u.email},
      {"org_unit", u.org_unit},
      {"manager_key", u.manager_key},
      {"hire_date",
       u.hire_date ? Json(u.hire_date->time_since_epoch().count()) : Json()},
      {"attributes", u.attributes},
      {"status", static_cast<int>(u.status)},
      {"created_at", to_unix_ms(u.created_at)},
      {"updated_at", to_unix_ms(u.updated_at)}}
      .dump();
}

inline std::string Describe(const Course& c) {
  Json activities = Json::array();
  for (const Activity& a : c.activities) {
    activities.push_back({{"key", a.key},
                          {"kind", static_cast<int>(a.kind)},
                          {"title", a.title},
                          {"required", a.required}});
  }
  const auto optional = [](const std::optional<std::int32_t>& v) {
    return v ? Json(*v) : Json();
  };
  return Json{
      {"key", c.key},
      {"title", c.title},
      {"description", c.description},
      {"activities", activities},
      {"prerequisites", c.prerequisites},
      {"recertification_days", optional(c.recertification_days)},
      {"default_due_days", optional(c.default_due_days)},
      {"due_from", static_cast<int>(c.due_from)},
      {"self_enrolment", c.self_enrolment},
      {"enrolment_opens",
       c.enrolment_opens ? Json(to_unix_ms(*c.enrolment_opens)) : Json()},
      {"enrolment_closes",
       c.enrolment_closes ? Json(to_unix_ms(*c.enrolment_closes)) : Json()},
      {"completion",
       {{"required_count", optional(c.completion.required_count)},
        {"min_score",
         c.completion.min_score ? Json(*c.completion.min_score) : Json()},
        {"must_pass", c.completion.must_pass}}},
      {"score_policy", static_cast<int>(c.score_policy)},
      {"version", c.version},
      {"status", static_cast<int>(c.status)},
      {"created_at", to_unix_ms(c.created_at)},
      {"updated_at", to_unix_ms(c.updated_at)}}
      .dump();
}

inline std::string Describe(const Event& e) {
  return Json{{"seq", e.seq},
              {"tenant_id", e.tenant_id},
              {"time", to_unix_ms(e.time)},
              {"actor", e.actor},
              {"type", e.type},
              {"subject", e.subject},
              {"payload", e.payload}}
      .dump();
}

inline Role MakeRole(std::string key,
                     std::map<Permission, PermissionValue> permissions = {}) {
  Role role;
  role.name = "Role " + key;
  role.key = std::move(key);
  role.permissions = std::move(permissions);
  role.created_at = Time(kT0);
  role.updated_at = Time(kT0 + 1);
  return role;
}

inline Assignment MakeAssignment(std::string user_key, std::string role_key,
                                 Scope scope = Scope::tenant()) {
  Assignment assignment;
  assignment.user_key = std::move(user_key);
  assignment.role_key = std::move(role_key);
  assignment.scope = std::move(scope);
  assignment.created_at = Time(kT0 + 2);
  return assignment;
}

inline Json DescribeScope(const Scope& s) {
  return {{"kind", static_cast<int>(s.kind)}, {"key", s.key}};
}

inline std::string Describe(const Role& r) {
  Json permissions = Json::object();
  for (const auto& [permission, value] : r.permissions) {
    permissions[std::to_string(static_cast<int>(permission))] =
        static_cast<int>(value);
  }
  return Json{{"key", r.key},
              {"name", r.name},
              {"permissions", permissions},
              {"builtin", r.builtin},
              {"created_at", to_unix_ms(r.created_at)},
              {"updated_at", to_unix_ms(r.updated_at)}}
      .dump();
}

inline std::string Describe(const Assignment& a) {
  const auto optional = [](const std::optional<Timestamp>& t) {
    return t ? Json(to_unix_ms(*t)) : Json();
  };
  return Json{{"id", a.id},
              {"user_key", a.user_key},
              {"role_key", a.role_key},
              {"scope", DescribeScope(a.scope)},
              {"valid_from", optional(a.valid_from)},
              {"valid_until", optional(a.valid_until)},
              {"created_at", to_unix_ms(a.created_at)}}
      .dump();
}

inline std::string Describe(const Override& o) {
  return Json{{"role_key", o.role_key},
              {"scope", DescribeScope(o.scope)},
              {"permission", static_cast<int>(o.permission)},
              {"value", static_cast<int>(o.value)}}
      .dump();
}

template <typename T>
std::string Describe(const std::optional<T>& value) {
  return value ? Describe(*value) : "nullopt";
}

template <typename T>
std::vector<std::string> Describe(const std::vector<T>& records) {
  std::vector<std::string> texts;
  for (const T& record : records) texts.push_back(Describe(record));
  return texts;
}

template <typename T>
std::vector<std::string> Keys(const std::vector<T>& records) {
  std::vector<std::string> keys;
  for (const T& record : records) keys.push_back(record.key);
  return keys;
}

}  // namespace lms::testing
