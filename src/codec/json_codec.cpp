// SPDX-License-Identifier: Apache-2.0
//
// The JSON forms of the domain's value types (see lms/json.hpp and the
// shapes published in lms/lms.h). Writers emit every field; readers are
// strict about shape -- unknown fields, missing required fields and wrong
// types are refused naming the field -- and leave lengths and content to
// the services. Pure functions; thread-safe.

#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <string>

#include "core/course_update.hpp"
#include "core/enum_names.hpp"
#include "core/field_error.hpp"
#include "lms/access.hpp"
#include "lms/course.hpp"
#include "lms/enrolment.hpp"
#include "lms/event.hpp"
#include "lms/json.hpp"
#include "lms/org_unit.hpp"
#include "lms/permission.hpp"
#include "lms/progress.hpp"
#include "lms/tenant.hpp"
#include "lms/user.hpp"
#include "lms/user_sync.hpp"

namespace lms {
namespace {

constexpr detail::EnumNames<2> kSyncModeNames{"incremental", "full"};
constexpr detail::EnumNames<3> kMissingPolicyNames{"keep", "suspend",
                                                   "deprovision"};

[[noreturn]] void fail(std::string_view field, std::string_view problem) {
  detail::throw_field_error(ErrorCode::invalid_argument, field, problem);
}

// A name taken from the input, made safe to print as (part of) a field
// name: plain identifiers as they are, anything else quoted and escaped so
// that a hostile key cannot garble the message.
std::string printable_name(std::string_view name) {
  constexpr std::size_t kPlainBytes = 64;
  bool plain = !name.empty() && name.size() <= kPlainBytes;
  for (const char c : name) {
    plain = plain && ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                      (c >= '0' && c <= '9') || c == '_');
  }
  return plain ? std::string{name} : detail::quote_value(name);
}

std::string join_path(std::string_view prefix, std::string_view name) {
  std::string path{prefix};
  if (!path.empty()) path += '.';
  path += name;
  return path;
}

std::string index_path(std::string_view field, std::size_t index) {
  return std::string{field} + "[" + std::to_string(index) + "]";
}

std::string read_string(const Json& v, std::string_view field) {
  if (!v.is_string()) fail(field, "must be a string");
  return v.get<std::string>();
}

bool read_bool(const Json& v, std::string_view field) {
  if (!v.is_boolean()) fail(field, "must be a boolean");
  return v.get<bool>();
}

std::int32_t read_int32(const Json& v, std::string_view field) {
  constexpr auto kMax = std::numeric_limits<std::int32_t>::max();
  constexpr auto kMin = std::numeric_limits<std::int32_t>::min();
  if (v.is_number_unsigned()) {
    const auto n = v.get<std::uint64_t>();
    if (n <= static_cast<std::uint64_t>(kMax)) {
      return static_cast<std::int32_t>(n);
    }
  } else if (v.is_number_integer()) {
    const auto n = v.get<std::int64_t>();
    if (n >= kMin && n <= kMax) return static_cast<std::int32_t>(n);
  }
  fail(field, "must be an integer");
}

// A finite number; ranges are the services' to check.
double read_number(const Json& v, std::string_view field) {
  if (!v.is_number() || !std::isfinite(v.get<double>()))
    fail(field, "must be a finite number");
  return v.get<double>();
}

std::int64_t read_int64(const Json& v, std::string_view field) {
  if (v.is_number_unsigned()) {
    const auto n = v.get<std::uint64_t>();
    if (n <=
        static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
      return static_cast<std::int64_t>(n);
  } else if (v.is_number_integer()) {
    return v.get<std::int64_t>();
  }
  fail(field, "must be an integer");
}

// A page size: the services check the range 1..limits::kPageSize, once for
// every surface; here only what cannot become a std::size_t is refused, in
// the same words.
std::size_t read_limit(const Json& v, std::string_view field) {
  // Parsed JSON holds non-negative integers as unsigned; a Json built in C++
  // from an int holds them signed.
  if (v.is_number_unsigned()) return v.get<std::uint64_t>();
  if (v.is_number_integer() && v.get<std::int64_t>() >= 0) {
    return static_cast<std::size_t>(v.get<std::int64_t>());
  }
  fail(field, "must be an integer between 1 and 1000");
}

// A day count, or nullopt for null.
std::optional<std::int32_t> read_days(const Json& v, std::string_view field) {
  if (v.is_null()) return std::nullopt;
  return read_int32(v, field);
}

// An attribute value: a string, a finite number or a boolean.
void check_attribute_value(const Json& v, std::string_view field,
                           std::string_view name) {
  const bool ok = v.is_string() || v.is_boolean() || v.is_number_integer() ||
                  (v.is_number_float() && std::isfinite(v.get<double>()));
  if (!ok) {
    fail(join_path(field, printable_name(name)),
         "must be a string, number or boolean");
  }
}

// `v` itself, once checked to be a flat object of attribute values.
const Json& read_attributes(const Json& v, std::string_view field) {
  if (!v.is_object()) fail(field, "must be an object");
  for (const auto& [name, value] : v.items()) {
    check_attribute_value(value, field, name);
  }
  return v;
}

std::vector<std::string> read_string_array(const Json& v,
                                           std::string_view field) {
  if (!v.is_array()) fail(field, "must be an array");
  std::vector<std::string> out;
  out.reserve(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) {
    out.push_back(read_string(v[i], index_path(field, i)));
  }
  return out;
}

// The fields of one JSON object being read. It refuses, up front, any field
// it was not told about, and names fields by their path from the document's
// root ("activities[2].kind").
class ObjectReader {
 public:
  // The document's root object: `what` names it ("user").
  static ObjectReader root(const Json& j, std::string_view what,
                           std::initializer_list<std::string_view> known) {
    return ObjectReader(j, what, "", "must be a JSON object", known);
  }
  // A document of its own whose fields are still named from `path`
  // ("scope.kind"): for values that mostly travel inside other documents,
  // so that a field reads the same either way.
  static ObjectReader root_at(const Json& j, std::string_view path,
                              std::initializer_list<std::string_view> known) {
    return ObjectReader(j, path, path, "must be a JSON object", known);
  }
  // An object nested at `path`.
  static ObjectReader nested(const Json& j, std::string_view path,
                             std::initializer_list<std::string_view> known) {
    return ObjectReader(j, path, path, "must be an object", known);
  }

  std::string field(std::string_view name) const {
    return join_path(prefix_, name);
  }

  // The value of `name`, or nullptr when absent.
  const Json* find(std::string_view name) const {
    const auto it = j_.find(name);
    return it == j_.end() ? nullptr : &*it;
  }

  const Json& required(std::string_view name) const {
    const Json* v = find(name);
    if (v == nullptr) fail(field(name), "is required");
    return *v;
  }

  std::string required_string(std::string_view name) const {
    return read_string(required(name), field(name));
  }

  std::optional<std::string> optional_string(std::string_view name) const {
    const Json* v = find(name);
    if (v == nullptr) return std::nullopt;
    return read_string(*v, field(name));
  }

  // Refuses `name` when present: a field the reader knows about only to
  // say that it cannot be set this way.
  void refuse(std::string_view name, std::string_view problem) const {
    if (find(name) != nullptr) fail(field(name), problem);
  }

 private:
  // `what` names the object in the error when `j` is not one; `prefix` is
  // the path of the object ("" for the document itself).
  ObjectReader(const Json& j, std::string_view what, std::string_view prefix,
               std::string_view not_object_problem,
               std::initializer_list<std::string_view> known)
      : j_(j), prefix_(prefix) {
    if (!j.is_object()) fail(what, not_object_problem);
    for (const auto& [name, value] : j.items()) {
      bool is_known = false;
      for (const auto k : known) is_known = is_known || k == name;
      if (!is_known)
        fail(join_path(prefix, printable_name(name)), "unknown field");
    }
  }

  const Json& j_;
  std::string prefix_;
};

Activity read_activity(const Json& v, std::string_view path) {
  const auto r =
      ObjectReader::nested(v, path, {"key", "kind", "title", "required"});
  Activity a;
  a.key = r.required_string("key");
  a.kind = parse_activity_kind(r.required_string("kind"), r.field("kind"));
  a.title = r.required_string("title");
  if (const Json* required = r.find("required")) {
    a.required = read_bool(*required, r.field("required"));
  }
  return a;
}

std::vector<Activity> read_activities(const Json& v, std::string_view field) {
  if (!v.is_array()) fail(field, "must be an array");
  std::vector<Activity> out;
  out.reserve(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) {
    out.push_back(read_activity(v[i], index_path(field, i)));
  }
  return out;
}

// The key of a scope or resource whose kind is read: "" for the tenant
// (absent or empty), a non-empty string for every other kind -- an empty
// key would silently mean the tenant.
std::string read_scoped_key(const ObjectReader& r, bool is_tenant) {
  const auto key = r.optional_string("key");
  if (is_tenant) {
    if (key && !key->empty()) {
      detail::throw_field_error(ErrorCode::invalid_argument, r.field("key"),
                                "must be empty when kind is tenant", *key);
    }
    return {};
  }
  if (!key) fail(r.field("key"), "is required unless kind is tenant");
  if (key->empty()) fail(r.field("key"), "must not be empty");
  return *key;
}

Scope read_scope(const ObjectReader& r) {
  Scope scope;
  scope.kind = parse_scope_kind(r.required_string("kind"), r.field("kind"));
  scope.key = read_scoped_key(r, scope.kind == ScopeKind::tenant);
  return scope;
}

Scope read_nested_scope(const Json& v, std::string_view path) {
  return read_scope(ObjectReader::nested(v, path, {"kind", "key"}));
}

// A role's permissions at `field`: {permission: "allow" | "prohibit"}.
// prevent is refused: it only means something in an override.
std::map<Permission, PermissionValue> read_role_permissions(
    const Json& v, std::string_view field, std::string_view not_object) {
  if (!v.is_object()) fail(field, not_object);
  std::map<Permission, PermissionValue> out;
  for (const auto& [name, value] : v.items()) {
    const Permission permission = parse_permission(name, field);
    const std::string path = join_path(field, to_string(permission));
    const auto* text = value.get_ptr<const std::string*>();
    if (text != nullptr && *text == to_string(PermissionValue::allow)) {
      out.emplace(permission, PermissionValue::allow);
    } else if (text != nullptr &&
               *text == to_string(PermissionValue::prohibit)) {
      out.emplace(permission, PermissionValue::prohibit);
    } else {
      fail(path, "must be allow or prohibit");
    }
  }
  return out;
}

// A timestamp, or nullopt for null.
std::optional<Timestamp> read_optional_timestamp(const Json& v,
                                                 std::string_view field) {
  if (v.is_null()) return std::nullopt;
  if (!v.is_string()) fail(field, "must be a string or null");
  return parse_timestamp(v.get_ref<const std::string&>(), field);
}

Json json_timestamp(const std::optional<Timestamp>& t) {
  return t ? Json(format_timestamp(*t)) : Json(nullptr);
}

Json json_verdict(const RoleVerdict& verdict) {
  return Json{
      {"source", to_string(verdict.source)},
      {"assignment_id", verdict.assignment_id},
      {"role_key", verdict.role_key},
      {"assigned_at", to_json(verdict.assigned_at)},
      {"decided_at",
       verdict.decided_at ? to_json(*verdict.decided_at) : Json(nullptr)},
      {"value",
       verdict.value ? Json(to_string(*verdict.value)) : Json(nullptr)},
  };
}

Json json_date(const std::optional<Date>& d) {
  return d ? Json(format_date(*d)) : Json(nullptr);
}

Json json_days(const std::optional<std::int32_t>& days) {
  return days ? Json(*days) : Json(nullptr);
}

CompletionRule read_completion(const ObjectReader& r) {
  CompletionRule rule;
  if (const Json* count = r.find("required_count"); count && !count->is_null())
    rule.required_count = read_int32(*count, r.field("required_count"));
  if (const Json* score = r.find("min_score"); score && !score->is_null())
    rule.min_score = read_number(*score, r.field("min_score"));
  if (const Json* keys = r.find("must_pass"))
    rule.must_pass = read_string_array(*keys, r.field("must_pass"));
  return rule;
}

const std::initializer_list<std::string_view> kCompletionFields{
    "required_count", "min_score", "must_pass"};

// The fields of a course every create and update may set, as an update:
// a new course is the defaults with these applied.
CourseUpdate read_course_fields(const ObjectReader& r) {
  CourseUpdate update;
  update.title = r.optional_string("title");
  update.description = r.optional_string("description");
  if (const Json* activities = r.find("activities"))
    update.activities = read_activities(*activities, "activities");
  if (const Json* prerequisites = r.find("prerequisites"))
    update.prerequisites = read_string_array(*prerequisites, "prerequisites");
  // null clears a period or a bound: the outer optional says "change it",
  // the inner one holds the new value or nothing.
  if (const Json* days = r.find("recertification_days"))
    update.recertification_days = read_days(*days, "recertification_days");
  if (const Json* days = r.find("default_due_days"))
    update.default_due_days = read_days(*days, "default_due_days");
  if (const auto from = r.optional_string("due_from"))
    update.due_from = parse_due_from(*from, "due_from");
  if (const Json* self = r.find("self_enrolment"))
    update.self_enrolment = read_bool(*self, "self_enrolment");
  if (const Json* opens = r.find("enrolment_opens"))
    update.enrolment_opens = read_optional_timestamp(*opens, "enrolment_opens");
  if (const Json* closes = r.find("enrolment_closes"))
    update.enrolment_closes =
        read_optional_timestamp(*closes, "enrolment_closes");
  if (const Json* completion = r.find("completion"))
    update.completion = read_completion(
        ObjectReader::nested(*completion, "completion", kCompletionFields));
  if (const auto policy = r.optional_string("score_policy"))
    update.score_policy = parse_score_policy(*policy, "score_policy");
  return update;
}

const std::initializer_list<std::string_view> kEnrolmentFields{
    "user_key", "course_key", "due_at", "source"};

EnrolmentSpec read_enrolment_spec(const ObjectReader& r) {
  EnrolmentSpec spec;
  spec.user_key = r.required_string("user_key");
  spec.course_key = r.required_string("course_key");
  if (const Json* due = r.find("due_at"))
    spec.due_at = read_optional_timestamp(*due, r.field("due_at"));
  if (const auto source = r.optional_string("source"))
    spec.source = parse_enrolment_source(*source, r.field("source"));
  return spec;
}

const std::initializer_list<std::string_view> kCourseFields{
    "key",
    "title",
    "description",
    "activities",
    "prerequisites",
    "recertification_days",
    "default_due_days",
    "due_from",
    "self_enrolment",
    "enrolment_opens",
    "enrolment_closes",
    "completion",
    "score_policy"};

}  // namespace

Json parse_json(std::string_view text, std::string_view what) {
  try {
    return Json::parse(text.begin(), text.end());
  } catch (const Json::parse_error& e) {
    // nlohmann reports bad UTF-8 inside strings as a syntax error whose
    // text says so; callers deserve the real reason.
    const bool bad_utf8 =
        std::string_view{e.what()}.find("UTF-8") != std::string_view::npos;
    fail(what,
         (bad_utf8 ? "invalid UTF-8 at byte " : "malformed JSON at byte ") +
             std::to_string(e.byte));
  } catch (const Json::out_of_range&) {
    // A number too large for a double (1e400).
    fail(what, "malformed JSON: number out of range");
  }
}

Json to_json(const Tenant& tenant) {
  return Json{{"id", tenant.id},
              {"key", tenant.key},
              {"name", tenant.name},
              {"created_at", format_timestamp(tenant.created_at)}};
}

Json to_json(const User& user) {
  return Json{{"key", user.key},
              {"display_name", user.display_name},
              {"email", user.email},
              {"org_unit", user.org_unit},
              {"manager_key", user.manager_key},
              {"hire_date", json_date(user.hire_date)},
              {"attributes", user.attributes},
              {"status", to_string(user.status)},
              {"created_at", format_timestamp(user.created_at)},
              {"updated_at", format_timestamp(user.updated_at)}};
}

Json to_json(const UserPage& page) {
  Json users = Json::array();
  for (const auto& user : page.users) users.push_back(to_json(user));
  return Json{{"users", std::move(users)}, {"next_after", page.next_after}};
}

Json to_json(const OrgUnit& unit) {
  return Json{{"key", unit.key},
              {"name", unit.name},
              {"parent", unit.parent},
              {"created_at", format_timestamp(unit.created_at)},
              {"updated_at", format_timestamp(unit.updated_at)}};
}

Json to_json(const Activity& activity) {
  return Json{{"key", activity.key},
              {"kind", to_string(activity.kind)},
              {"title", activity.title},
              {"required", activity.required}};
}

Json to_json(const CompletionRule& rule) {
  return Json{
      {"required_count", json_days(rule.required_count)},
      {"min_score", rule.min_score ? Json(*rule.min_score) : Json(nullptr)},
      {"must_pass", rule.must_pass}};
}

Json to_json(const Course& course) {
  Json activities = Json::array();
  for (const auto& a : course.activities) activities.push_back(to_json(a));
  return Json{{"key", course.key},
              {"title", course.title},
              {"description", course.description},
              {"activities", std::move(activities)},
              {"prerequisites", course.prerequisites},
              {"recertification_days", json_days(course.recertification_days)},
              {"default_due_days", json_days(course.default_due_days)},
              {"due_from", to_string(course.due_from)},
              {"self_enrolment", course.self_enrolment},
              {"enrolment_opens", json_timestamp(course.enrolment_opens)},
              {"enrolment_closes", json_timestamp(course.enrolment_closes)},
              {"completion", to_json(course.completion)},
              {"score_policy", to_string(course.score_policy)},
              {"version", course.version},
              {"status", to_string(course.status)},
              {"created_at", format_timestamp(course.created_at)},
              {"updated_at", format_timestamp(course.updated_at)}};
}

Json to_json(const CoursePage& page) {
  Json courses = Json::array();
  for (const auto& course : page.courses) courses.push_back(to_json(course));
  return Json{{"courses", std::move(courses)}, {"next_after", page.next_after}};
}

Json to_json(const Enrolment& e) {
  return Json{{"id", e.id},
              {"user_key", e.user_key},
              {"course_key", e.course_key},
              {"cycle", e.cycle},
              {"status", to_string(e.status)},
              {"source", to_string(e.source)},
              {"source_key", e.source_key},
              {"enrolled_at", format_timestamp(e.enrolled_at)},
              {"due_at", json_timestamp(e.due_at)},
              {"completed_at", json_timestamp(e.completed_at)},
              {"expires_at", json_timestamp(e.expires_at)},
              {"score", e.score ? Json(*e.score) : Json(nullptr)},
              {"updated_at", format_timestamp(e.updated_at)}};
}

Json to_json(const EnrolmentPage& page) {
  Json enrolments = Json::array();
  for (const auto& e : page.enrolments) enrolments.push_back(to_json(e));
  return Json{{"enrolments", std::move(enrolments)},
              {"next_after", page.next_after}};
}

Json to_json(const BulkEnrolResult& result) {
  return Json{{"enrolled", result.enrolled},
              {"already_enrolled", result.already_enrolled}};
}

Json to_json(const ActivityProgress& p) {
  return Json{{"enrolment_id", p.enrolment_id},
              {"activity_key", p.activity_key},
              {"state", to_string(p.state)},
              {"progress", p.progress},
              {"score", p.score ? Json(*p.score) : Json(nullptr)},
              {"passed", p.passed ? Json(*p.passed) : Json(nullptr)},
              {"time_spent_ms", p.time_spent.count()},
              {"started_at", format_timestamp(p.started_at)},
              {"completed_at", json_timestamp(p.completed_at)},
              {"updated_at", format_timestamp(p.updated_at)}};
}

Json to_json(const Event& event) {
  return Json{{"seq", event.seq},
              {"tenant_id", event.tenant_id},
              {"time", format_timestamp(event.time)},
              {"actor", event.actor},
              {"type", event.type},
              {"subject", event.subject},
              {"payload", event.payload}};
}

Json to_json(const SyncResult& result) {
  return Json{{"created", result.created},
              {"updated", result.updated},
              {"unchanged", result.unchanged},
              {"suspended", result.suspended},
              {"deprovisioned", result.deprovisioned}};
}

Json to_json(const Scope& scope) {
  return Json{{"kind", to_string(scope.kind)}, {"key", scope.key}};
}

Json to_json(const Role& role) {
  Json permissions = Json::object();
  for (const auto& [permission, value] : role.permissions) {
    permissions[std::string{to_string(permission)}] = to_string(value);
  }
  return Json{{"key", role.key},
              {"name", role.name},
              {"permissions", std::move(permissions)},
              {"builtin", role.builtin},
              {"created_at", format_timestamp(role.created_at)},
              {"updated_at", format_timestamp(role.updated_at)}};
}

Json to_json(const Assignment& assignment) {
  return Json{{"id", assignment.id},
              {"user_key", assignment.user_key},
              {"role_key", assignment.role_key},
              {"scope", to_json(assignment.scope)},
              {"valid_from", json_timestamp(assignment.valid_from)},
              {"valid_until", json_timestamp(assignment.valid_until)},
              {"created_at", format_timestamp(assignment.created_at)}};
}

Json to_json(const Override& override) {
  return Json{{"role_key", override.role_key},
              {"scope", to_json(override.scope)},
              {"permission", to_string(override.permission)},
              {"value", to_string(override.value)}};
}

Json to_json(const Resource& resource) {
  return Json{{"kind", to_string(resource.kind)}, {"key", resource.key}};
}

Json to_json(const Decision& decision) {
  Json roles = Json::array();
  for (const auto& verdict : decision.roles) {
    roles.push_back(json_verdict(verdict));
  }
  return Json{{"allowed", decision.allowed},
              {"permission", to_string(decision.permission)},
              {"resource", to_json(decision.resource)},
              {"roles", std::move(roles)},
              {"prohibited_by", decision.prohibited_by
                                    ? json_verdict(*decision.prohibited_by)
                                    : Json(nullptr)},
              {"reason", decision.reason}};
}

TenantSpec tenant_spec_from_json(const Json& j) {
  const auto r = ObjectReader::root(j, "tenant", {"key", "name"});
  TenantSpec spec;
  spec.key = r.required_string("key");
  spec.name = r.required_string("name");
  return spec;
}

UserRecord user_record_from_json(const Json& j) {
  const auto r =
      ObjectReader::root(j, "user",
                         {"key", "display_name", "email", "org_unit",
                          "manager_key", "hire_date", "attributes", "status"});
  UserRecord record;
  record.key = r.required_string("key");
  record.display_name = r.required_string("display_name");
  record.email = r.optional_string("email").value_or("");
  record.org_unit = r.optional_string("org_unit").value_or("");
  record.manager_key = r.optional_string("manager_key").value_or("");
  if (const auto hire_date = r.optional_string("hire_date")) {
    record.hire_date = parse_date(*hire_date, "hire_date");
  }
  if (const Json* attributes = r.find("attributes")) {
    record.attributes = read_attributes(*attributes, "attributes");
  }
  if (const auto status = r.optional_string("status")) {
    record.status = parse_user_status(*status, "status");
  }
  return record;
}

UserUpdate user_update_from_json(const Json& j) {
  const auto r =
      ObjectReader::root(j, "user",
                         {"key", "display_name", "email", "org_unit",
                          "manager_key", "hire_date", "attributes", "status"});
  r.refuse("key", "cannot be changed");
  UserUpdate update;
  update.display_name = r.optional_string("display_name");
  update.email = r.optional_string("email");
  update.org_unit = r.optional_string("org_unit");
  update.manager_key = r.optional_string("manager_key");
  if (const Json* hire_date = r.find("hire_date")) {
    update.hire_date =
        hire_date->is_null()
            ? std::optional<Date>{}
            : parse_date(read_string(*hire_date, "hire_date"), "hire_date");
  }
  if (const Json* attributes = r.find("attributes")) {
    update.attributes = read_attributes(*attributes, "attributes");
  }
  if (const auto status = r.optional_string("status")) {
    update.status = parse_user_status(*status, "status");
  }
  return update;
}

UserQuery user_query_from_json(const Json& j) {
  const auto r = ObjectReader::root(
      j, "query", {"org_unit", "status", "attributes", "after", "limit"});
  UserQuery query;
  query.org_unit = r.optional_string("org_unit");
  if (const auto status = r.optional_string("status")) {
    query.status = parse_user_status(*status, "status");
  }
  if (const Json* attributes = r.find("attributes")) {
    // Json objects iterate in name order, so the pairs come out sorted.
    // Named: items() refers to its Json, which a temporary would not
    // outlive.
    const Json wanted = read_attributes(*attributes, "attributes");
    for (const auto& [name, value] : wanted.items()) {
      query.attributes.emplace_back(name, value);
    }
  }
  query.after = r.optional_string("after").value_or("");
  if (const Json* limit = r.find("limit")) {
    query.limit = read_limit(*limit, "limit");
  }
  return query;
}

OrgUnitSpec org_unit_spec_from_json(const Json& j) {
  const auto r = ObjectReader::root(j, "org_unit", {"key", "name", "parent"});
  OrgUnitSpec spec;
  spec.key = r.required_string("key");
  spec.name = r.required_string("name");
  spec.parent = r.optional_string("parent").value_or("");
  return spec;
}

CourseSpec course_spec_from_json(const Json& j) {
  const auto r = ObjectReader::root(j, "course", kCourseFields);
  CourseSpec spec;
  spec.key = r.required_string("key");
  spec.title = r.required_string("title");
  detail::apply_update(spec, read_course_fields(r));
  return spec;
}

CourseUpdate course_update_from_json(const Json& j) {
  const auto r = ObjectReader::root(j, "course", kCourseFields);
  r.refuse("key", "cannot be changed");
  return read_course_fields(r);
}

CompletionRule completion_rule_from_json(const Json& j) {
  return read_completion(
      ObjectReader::root_at(j, "completion", kCompletionFields));
}

CourseQuery course_query_from_json(const Json& j) {
  const auto r = ObjectReader::root(j, "query", {"status", "after", "limit"});
  CourseQuery query;
  if (const auto status = r.optional_string("status")) {
    query.status = parse_course_status(*status, "status");
  }
  query.after = r.optional_string("after").value_or("");
  if (const Json* limit = r.find("limit")) {
    query.limit = read_limit(*limit, "limit");
  }
  return query;
}

SyncOptions sync_options_from_json(const Json& j) {
  const auto r =
      ObjectReader::root(j, "options", {"mode", "missing", "dry_run"});
  SyncOptions options;
  if (const auto mode = r.optional_string("mode")) {
    options.mode = detail::parse_enum<SyncMode>(*mode, "mode", kSyncModeNames,
                                                "unknown mode");
  }
  if (const auto missing = r.optional_string("missing")) {
    options.missing = detail::parse_enum<MissingPolicy>(
        *missing, "missing", kMissingPolicyNames, "unknown missing policy");
  }
  if (const Json* dry_run = r.find("dry_run")) {
    options.dry_run = read_bool(*dry_run, "dry_run");
  }
  return options;
}

Scope scope_from_json(const Json& j) {
  return read_scope(ObjectReader::root_at(j, "scope", {"kind", "key"}));
}

RoleSpec role_spec_from_json(const Json& j) {
  const auto r = ObjectReader::root(j, "role", {"key", "name", "permissions"});
  RoleSpec spec;
  spec.key = r.required_string("key");
  spec.name = r.required_string("name");
  if (const Json* permissions = r.find("permissions")) {
    spec.permissions =
        read_role_permissions(*permissions, "permissions", "must be an object");
  }
  return spec;
}

std::map<Permission, PermissionValue> role_permissions_from_json(
    const Json& j) {
  return read_role_permissions(j, "permissions", "must be a JSON object");
}

AssignmentSpec assignment_spec_from_json(const Json& j) {
  const auto r = ObjectReader::root(
      j, "assignment",
      {"user_key", "role_key", "scope", "valid_from", "valid_until"});
  AssignmentSpec spec;
  spec.user_key = r.required_string("user_key");
  spec.role_key = r.required_string("role_key");
  if (const Json* scope = r.find("scope")) {
    spec.scope = read_nested_scope(*scope, "scope");
  }
  if (const Json* from = r.find("valid_from")) {
    spec.valid_from = read_optional_timestamp(*from, "valid_from");
  }
  if (const Json* until = r.find("valid_until")) {
    spec.valid_until = read_optional_timestamp(*until, "valid_until");
  }
  return spec;
}

AssignmentQuery assignment_query_from_json(const Json& j) {
  const auto r =
      ObjectReader::root(j, "query", {"user_key", "role_key", "scope"});
  AssignmentQuery query;
  query.user_key = r.optional_string("user_key");
  query.role_key = r.optional_string("role_key");
  if (const Json* scope = r.find("scope")) {
    query.scope = read_nested_scope(*scope, "scope");
  }
  return query;
}

Override override_from_json(const Json& j) {
  const auto r = ObjectReader::root(
      j, "override", {"role_key", "scope", "permission", "value"});
  Override override;
  override.role_key = r.required_string("role_key");
  override.scope = read_nested_scope(r.required("scope"), "scope");
  override.permission =
      parse_permission(r.required_string("permission"), "permission");
  override.value = parse_permission_value(r.required_string("value"), "value");
  return override;
}

Resource resource_from_json(const Json& j) {
  const auto r = ObjectReader::root_at(j, "resource", {"kind", "key"});
  Resource resource;
  resource.kind =
      parse_resource_kind(r.required_string("kind"), r.field("kind"));
  resource.key = read_scoped_key(r, resource.kind == ResourceKind::tenant);
  return resource;
}

EnrolmentSpec enrolment_spec_from_json(const Json& j) {
  return read_enrolment_spec(
      ObjectReader::root(j, "enrolment", kEnrolmentFields));
}

std::vector<EnrolmentSpec> enrolment_specs_from_json(const Json& j) {
  if (!j.is_array()) fail("enrolments", "must be an array");
  std::vector<EnrolmentSpec> specs;
  specs.reserve(j.size());
  for (std::size_t i = 0; i < j.size(); ++i)
    specs.push_back(read_enrolment_spec(ObjectReader::nested(
        j[i], index_path("enrolments", i), kEnrolmentFields)));
  return specs;
}

EnrolmentQuery enrolment_query_from_json(const Json& j) {
  const auto r = ObjectReader::root(
      j, "query", {"user_key", "course_key", "status", "after", "limit"});
  EnrolmentQuery query;
  query.user_key = r.optional_string("user_key");
  query.course_key = r.optional_string("course_key");
  if (const auto status = r.optional_string("status"))
    query.status = parse_enrolment_status(*status, "status");
  if (const Json* after = r.find("after"))
    query.after = read_int64(*after, "after");
  if (const Json* limit = r.find("limit"))
    query.limit = read_limit(*limit, "limit");
  return query;
}

ProgressUpdate progress_update_from_json(const Json& j) {
  const auto r =
      ObjectReader::root(j, "progress",
                         {"user_key", "course_key", "activity_key", "progress",
                          "completed", "score", "passed", "time_spent_ms"});
  ProgressUpdate update;
  update.user_key = r.required_string("user_key");
  update.course_key = r.required_string("course_key");
  update.activity_key = r.required_string("activity_key");
  if (const Json* progress = r.find("progress");
      progress && !progress->is_null())
    update.progress = read_number(*progress, "progress");
  if (const Json* completed = r.find("completed"))
    update.completed = read_bool(*completed, "completed");
  if (const Json* score = r.find("score"); score && !score->is_null())
    update.score = read_number(*score, "score");
  if (const Json* passed = r.find("passed"); passed && !passed->is_null())
    update.passed = read_bool(*passed, "passed");
  if (const Json* time = r.find("time_spent_ms"))
    update.time_spent =
        std::chrono::milliseconds{read_int64(*time, "time_spent_ms")};
  return update;
}

}  // namespace lms
