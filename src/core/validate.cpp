// SPDX-License-Identifier: Apache-2.0
//
// Content validation of inputs (see validate.hpp). Pure functions;
// thread-safe.

#include "core/validate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/field_error.hpp"
#include "lms/json.hpp"
#include "lms/limits.hpp"

namespace lms::detail {

void validate_count(std::string_view field, std::size_t count,
                    std::size_t max) {
  if (count > max)
    throw_field_error(ErrorCode::limit_exceeded, field,
                      "must have at most " + std::to_string(max) + " entries",
                      std::to_string(count));
}

namespace {

constexpr auto kInvalid = ErrorCode::invalid_argument;

bool is_control(unsigned char c) { return c < 0x20 || c == 0x7F; }

std::string at_most_bytes(std::size_t n) {
  return "must be at most " + std::to_string(n) + " bytes";
}

std::string indexed(std::string_view field, std::size_t i) {
  return std::string{field} + "[" + std::to_string(i) + "]";
}

// UTF-8 and a byte length of min_bytes..max_bytes.
void check_text(std::string_view field, std::string_view value,
                std::size_t min_bytes, std::size_t max_bytes) {
  if (!is_valid_utf8(value))
    throw_field_error(kInvalid, field, "must be valid UTF-8", value);
  if (value.size() < min_bytes)
    throw_field_error(kInvalid, field, "must not be empty");
  if (value.size() > max_bytes)
    throw_field_error(kInvalid, field, at_most_bytes(max_bytes), value);
}

// Control characters garble logs and CSV exports and are never part of a
// name; `allow_whitespace` admits the tab and line breaks of prose.
void check_no_control(std::string_view field, std::string_view value,
                      bool allow_whitespace = false) {
  for (const char ch : value) {
    const auto c = static_cast<unsigned char>(ch);
    if (allow_whitespace && (c == '\t' || c == '\n' || c == '\r')) continue;
    if (is_control(c))
      throw_field_error(kInvalid, field, "must not contain control characters",
                        value);
  }
}

void validate_email(std::string_view field, std::string_view value) {
  check_text(field, value, 0, limits::kEmailBytes);
  if (value.empty()) return;
  check_no_control(field, value);
  const auto at = value.find('@');
  const bool well_formed = at != std::string_view::npos && at > 0 &&
                           at + 1 < value.size() &&
                           value.find('@', at + 1) == std::string_view::npos &&
                           value.find(' ') == std::string_view::npos;
  if (!well_formed)
    throw_field_error(kInvalid, field,
                      "must be one address like name@example.com", value);
}

void validate_description(std::string_view field, std::string_view value) {
  check_text(field, value, 0, limits::kDescriptionBytes);
  check_no_control(field, value, /*allow_whitespace=*/true);
}

void validate_period_days(std::string_view field,
                          const std::optional<std::int32_t>& days) {
  if (days && (*days < 1 || *days > limits::kMaxPeriodDays))
    throw_field_error(kInvalid, field,
                      "must be between 1 and " +
                          std::to_string(limits::kMaxPeriodDays) + " days",
                      std::to_string(*days));
}

bool is_attribute_name(std::string_view name) {
  const auto letter = [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
  };
  if (name.empty() || name.size() > limits::kAttributeNameBytes ||
      !letter(name[0]))
    return false;
  for (const char c : name)
    if (!letter(c) && !(c >= '0' && c <= '9')) return false;
  return true;
}

// One attribute of a user or of a user filter.
void validate_attribute(std::string_view field, std::string_view name,
                        const Json& value) {
  if (!is_attribute_name(name))
    throw_field_error(
        kInvalid, field,
        "names must match [A-Za-z_][A-Za-z0-9_]* and be at most " +
            std::to_string(limits::kAttributeNameBytes) + " bytes",
        name);
  const std::string value_field = std::string{field} + "." + std::string{name};
  if (value.is_string()) {
    check_text(value_field, value.get_ref<const std::string&>(), 0,
               limits::kAttributeValueBytes);
  } else if (value.is_number_float()) {
    if (!std::isfinite(value.get<double>()))
      throw_field_error(kInvalid, value_field, "must be a finite number");
  } else if (!value.is_number() && !value.is_boolean()) {
    throw_field_error(kInvalid, value_field, "must be a string, number or bool",
                      value.dump());
  }
}

void validate_attributes(std::string_view field, const Json& attributes) {
  if (!attributes.is_object())
    throw_field_error(kInvalid, field, "must be an object", attributes.dump());
  if (attributes.size() > limits::kAttributeCount)
    throw_field_error(ErrorCode::limit_exceeded, field,
                      "must have at most " +
                          std::to_string(limits::kAttributeCount) + " entries",
                      std::to_string(attributes.size()));
  for (const auto& [name, value] : attributes.items())
    validate_attribute(field, name, value);
}

// Enums arrive from C++ callers as any number; only the named values are
// stored.
template <typename Enum>
void validate_enum(std::string_view field, Enum value, Enum last,
                   std::string_view names) {
  const auto n = static_cast<std::int32_t>(value);
  if (n < 0 || n > static_cast<std::int32_t>(last))
    throw_field_error(kInvalid, field, "must be " + std::string{names},
                      std::to_string(n));
}

void validate_user_status(std::string_view field, UserStatus status) {
  validate_enum(field, status, UserStatus::deprovisioned,
                "active, suspended or deprovisioned");
}

void validate_course_status(std::string_view field, CourseStatus status) {
  validate_enum(field, status, CourseStatus::archived,
                "draft, published or archived");
}

void validate_activities(const std::vector<Activity>& activities) {
  validate_count("activities", activities.size(), limits::kActivitiesPerCourse);
  std::unordered_map<std::string_view, std::size_t> first_index;
  for (std::size_t i = 0; i < activities.size(); ++i) {
    const Activity& activity = activities[i];
    const std::string field = indexed("activities", i);
    validate_key(field + ".key", activity.key);
    validate_name(field + ".title", activity.title);
    validate_enum(field + ".kind", activity.kind, ActivityKind::external,
                  "lesson, assessment, scorm, xapi or external");
    const auto [it, inserted] = first_index.emplace(activity.key, i);
    if (!inserted)
      throw_field_error(
          kInvalid, field + ".key",
          "duplicates " + indexed("activities", it->second) + ".key",
          activity.key);
  }
}

void validate_prerequisites(std::string_view course_key,
                            const std::vector<std::string>& prerequisites) {
  validate_count("prerequisites", prerequisites.size(),
                 limits::kPrerequisitesPerCourse);
  std::unordered_map<std::string_view, std::size_t> first_index;
  for (std::size_t i = 0; i < prerequisites.size(); ++i) {
    const std::string field = indexed("prerequisites", i);
    const std::string& key = prerequisites[i];
    validate_key(field, key);
    if (key == course_key)
      throw_field_error(kInvalid, field, "a course cannot require itself", key);
    const auto [it, inserted] = first_index.emplace(key, i);
    if (!inserted)
      throw_field_error(kInvalid, field,
                        "duplicates " + indexed("prerequisites", it->second),
                        key);
  }
}

// A fraction of 0..1 (a progress, a score); NaN is refused too.
void validate_fraction(std::string_view field, double value) {
  if (!(value >= 0 && value <= 1))
    throw_field_error(kInvalid, field, "must be between 0 and 1",
                      fmt::format("{}", value));
}

void validate_completion_rule(const CompletionRule& rule,
                              const std::vector<Activity>& activities) {
  const auto required = static_cast<std::size_t>(
      std::ranges::count_if(activities, &Activity::required));
  const std::size_t counted = required > 0 ? required : activities.size();
  if (rule.required_count &&
      (*rule.required_count < 1 ||
       static_cast<std::size_t>(*rule.required_count) > counted))
    throw_field_error(kInvalid, "completion.required_count",
                      "must be between 1 and the number of counted "
                      "activities (" +
                          std::to_string(counted) + ")",
                      std::to_string(*rule.required_count));
  if (rule.min_score)
    validate_fraction("completion.min_score", *rule.min_score);
  std::unordered_map<std::string_view, std::size_t> first_index;
  for (std::size_t i = 0; i < rule.must_pass.size(); ++i) {
    const std::string field = indexed("completion.must_pass", i);
    const std::string& key = rule.must_pass[i];
    validate_key(field, key);
    if (std::ranges::none_of(activities,
                             [&](const Activity& a) { return a.key == key; }))
      throw_field_error(kInvalid, field, "is not an activity of the course",
                        key);
    const auto [it, inserted] = first_index.emplace(key, i);
    if (!inserted)
      throw_field_error(
          kInvalid, field,
          "duplicates " + indexed("completion.must_pass", it->second), key);
  }
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
  std::size_t i = 0;
  const std::size_t n = text.size();
  const auto byte = [&](std::size_t k) {
    return static_cast<unsigned char>(text[k]);
  };
  const auto continuation = [&](std::size_t k) {
    return k < n && (byte(k) & 0xC0) == 0x80;
  };
  while (i < n) {
    const unsigned char lead = byte(i);
    if (lead < 0x80) {
      ++i;
      continue;
    }
    // The second byte's range excludes overlong forms (E0, F0), surrogates
    // (ED) and code points above U+10FFFF (F4).
    unsigned char lo = 0x80;
    unsigned char hi = 0xBF;
    std::size_t len = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
      len = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      len = 3;
      if (lead == 0xE0) lo = 0xA0;
      if (lead == 0xED) hi = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      len = 4;
      if (lead == 0xF0) lo = 0x90;
      if (lead == 0xF4) hi = 0x8F;
    } else {
      return false;
    }
    if (i + 1 >= n || byte(i + 1) < lo || byte(i + 1) > hi) return false;
    for (std::size_t k = 2; k < len; ++k)
      if (!continuation(i + k)) return false;
    i += len;
  }
  return true;
}

void validate_key(std::string_view field, std::string_view value) {
  check_text(field, value, 1, limits::kKeyBytes);
  check_no_control(field, value);
  // '@' starts the actor text of principals that are not users ("@system").
  if (value.front() == '@')
    throw_field_error(kInvalid, field, "must not start with '@'", value);
}

void validate_optional_key(std::string_view field, std::string_view value) {
  if (!value.empty()) validate_key(field, value);
}

void validate_name(std::string_view field, std::string_view value) {
  check_text(field, value, 1, limits::kNameBytes);
  check_no_control(field, value);
}

void validate_page_limit(std::string_view field, std::size_t limit) {
  if (limit < 1 || limit > limits::kPageSize)
    throw_field_error(
        kInvalid, field,
        "must be between 1 and " + std::to_string(limits::kPageSize),
        std::to_string(limit));
}

void validate_tenant_spec(const TenantSpec& spec) {
  validate_key("key", spec.key);
  validate_name("name", spec.name);
}

void validate_user_record(const UserRecord& record) {
  validate_key("key", record.key);
  validate_name("display_name", record.display_name);
  validate_email("email", record.email);
  validate_optional_key("org_unit", record.org_unit);
  validate_optional_key("manager_key", record.manager_key);
  if (record.manager_key == record.key)
    throw_field_error(kInvalid, "manager_key",
                      "a user cannot be their own manager", record.key);
  validate_attributes("attributes", record.attributes);
  validate_user_status("status", record.status);
}

void validate_user_query(const UserQuery& query) {
  if (query.org_unit) validate_key("org_unit", *query.org_unit);
  if (query.status) validate_user_status("status", *query.status);
  validate_count("attributes", query.attributes.size(),
                 limits::kAttributeCount);
  for (const auto& [name, value] : query.attributes)
    validate_attribute("attributes", name, value);
  validate_page_limit("limit", query.limit);
}

void validate_org_unit_spec(const OrgUnitSpec& spec) {
  validate_key("key", spec.key);
  validate_name("name", spec.name);
  validate_optional_key("parent", spec.parent);
}

void validate_course_spec(const CourseSpec& spec) {
  validate_key("key", spec.key);
  validate_name("title", spec.title);
  validate_description("description", spec.description);
  validate_activities(spec.activities);
  validate_prerequisites(spec.key, spec.prerequisites);
  validate_period_days("recertification_days", spec.recertification_days);
  validate_period_days("default_due_days", spec.default_due_days);
  validate_enum("due_from", spec.due_from, DueFrom::hire_date,
                "enrolment or hire_date");
  validate_enum("score_policy", spec.score_policy, ScorePolicy::latest,
                "highest or latest");
  if (spec.enrolment_opens)
    validate_timestamp("enrolment_opens", *spec.enrolment_opens);
  if (spec.enrolment_closes)
    validate_timestamp("enrolment_closes", *spec.enrolment_closes);
  if (spec.enrolment_opens && spec.enrolment_closes &&
      *spec.enrolment_closes <= *spec.enrolment_opens)
    throw_field_error(kInvalid, "enrolment_closes",
                      "must be after enrolment_opens",
                      format_timestamp(*spec.enrolment_closes));
  validate_completion_rule(spec.completion, spec.activities);
}

void validate_course_query(const CourseQuery& query) {
  if (query.status) validate_course_status("status", *query.status);
  validate_page_limit("limit", query.limit);
}

void validate_timestamp(std::string_view field, Timestamp value) {
  // The years the text form holds, so every stored time reads back.
  constexpr std::int64_t kFirst = -2'208'988'800'000;  // 1900-01-01
  constexpr std::int64_t kEnd = 253'402'300'800'000;   // 10000-01-01
  const std::int64_t ms = to_unix_ms(value);
  if (ms < kFirst || ms >= kEnd)
    throw_field_error(kInvalid, field,
                      "must be in the years 1900 to 9999, got " +
                          std::to_string(ms) + " ms since 1970");
}

void validate_enrolment_spec(std::string_view field,
                             const EnrolmentSpec& spec) {
  const std::string prefix = field.empty() ? "" : std::string{field} + ".";
  validate_key(prefix + "user_key", spec.user_key);
  validate_key(prefix + "course_key", spec.course_key);
  if (spec.due_at) validate_timestamp(prefix + "due_at", *spec.due_at);
  validate_enum(prefix + "source", spec.source, EnrolmentSource::path,
                "an enrolment source");
  if (spec.source != EnrolmentSource::manual &&
      spec.source != EnrolmentSource::import)
    throw_field_error(kInvalid, prefix + "source", "must be manual or import",
                      to_string(spec.source));
}

void validate_enrolment_query(const EnrolmentQuery& query) {
  if (query.user_key) validate_key("user_key", *query.user_key);
  if (query.course_key) validate_key("course_key", *query.course_key);
  if (query.status)
    validate_enum("status", *query.status, EnrolmentStatus::expired,
                  "an enrolment status");
  if (query.after < 0)
    throw_field_error(kInvalid, "after", "must not be negative",
                      std::to_string(query.after));
  validate_page_limit("limit", query.limit);
}

void validate_progress_update(const ProgressUpdate& update) {
  validate_key("user_key", update.user_key);
  validate_key("course_key", update.course_key);
  validate_key("activity_key", update.activity_key);
  if (update.progress) validate_fraction("progress", *update.progress);
  if (update.score) validate_fraction("score", *update.score);
  const auto ms = update.time_spent.count();
  if (ms < 0 || ms > limits::kMaxTimeSpentMs)
    throw_field_error(
        kInvalid, "time_spent_ms",
        "must be between 0 and " + std::to_string(limits::kMaxTimeSpentMs),
        std::to_string(ms));
}

void validate_sync_options(const SyncOptions& options) {
  validate_enum("mode", options.mode, SyncMode::full, "incremental or full");
  validate_enum("missing", options.missing, MissingPolicy::deprovision,
                "keep, suspend or deprovision");
}

void validate_permission(std::string_view field, Permission permission) {
  const auto n = static_cast<std::size_t>(permission);
  if (n >= kPermissionCount)
    throw_field_error(kInvalid, field, "must be a permission of the catalogue",
                      std::to_string(static_cast<std::int32_t>(permission)));
}

void validate_role_permissions(
    std::string_view field,
    const std::map<Permission, PermissionValue>& permissions) {
  for (const auto& [permission, value] : permissions) {
    validate_permission(field, permission);
    const std::string entry =
        std::string{field} + "." + std::string{to_string(permission)};
    validate_enum(entry, value, PermissionValue::prohibit, "allow or prohibit");
    if (value == PermissionValue::prevent)
      throw_field_error(kInvalid, entry,
                        "must be allow or prohibit (prevent is for "
                        "overrides)",
                        to_string(value));
  }
}

void validate_role_spec(const RoleSpec& spec) {
  validate_key("key", spec.key);
  validate_name("name", spec.name);
  validate_role_permissions("permissions", spec.permissions);
}

void validate_scope(std::string_view field, const Scope& scope) {
  validate_enum(std::string{field} + ".kind", scope.kind, ScopeKind::course,
                "tenant, org_unit or course");
  const std::string key_field = std::string{field} + ".key";
  if (scope.kind != ScopeKind::tenant)
    return validate_key(key_field, scope.key);
  if (!scope.key.empty())
    throw_field_error(kInvalid, key_field, "must be empty for the tenant",
                      scope.key);
}

void validate_assignment_spec(const AssignmentSpec& spec) {
  validate_key("user_key", spec.user_key);
  validate_key("role_key", spec.role_key);
  validate_scope("scope", spec.scope);
  if (spec.valid_from && spec.valid_until &&
      *spec.valid_until <= *spec.valid_from)
    throw_field_error(kInvalid, "valid_until", "must be after valid_from");
}

void validate_assignment_query(const AssignmentQuery& query) {
  if (query.user_key) validate_key("user_key", *query.user_key);
  if (query.role_key) validate_key("role_key", *query.role_key);
  if (query.scope) validate_scope("scope", *query.scope);
}

void validate_override(const Override& override) {
  validate_key("role_key", override.role_key);
  validate_scope("scope", override.scope);
  validate_permission("permission", override.permission);
  validate_enum("value", override.value, PermissionValue::prohibit,
                "allow, prevent or prohibit");
}

void validate_resource(std::string_view field, const Resource& resource) {
  validate_enum(std::string{field} + ".kind", resource.kind,
                ResourceKind::course, "tenant, user, org_unit or course");
  const std::string key_field = std::string{field} + ".key";
  if (resource.kind != ResourceKind::tenant)
    return validate_key(key_field, resource.key);
  if (!resource.key.empty())
    throw_field_error(kInvalid, key_field, "must be empty for the tenant",
                      resource.key);
}

}  // namespace lms::detail
