// SPDX-License-Identifier: Apache-2.0
//
// The SQL of every store call. Only placeholders ever carry values: SQL
// text is built from constant fragments, so it also serves as the key of
// the connection's statement cache. A transaction belongs to one thread.

#include "sqlite/sqlite_transaction.hpp"

#include <algorithm>
#include <chrono>
#include <exception>
#include <limits>
#include <map>
#include <string>
#include <tuple>
#include <utility>

#include "lms/error.hpp"
#include "lms/json.hpp"
#include "storage/manager_chain.hpp"
#include "storage/paging.hpp"

namespace lms::sqlite {
namespace {

// A row that decodes to no valid value: the file was changed behind the
// library's back.
Error corrupt_row(std::string_view table, std::string_view key,
                  const std::exception& cause) {
  return Error(ErrorCode::storage, "sqlite: corrupt row in " +
                                       std::string{table} + " with key '" +
                                       std::string{key} + "': " + cause.what());
}

Error missing_row(std::string_view what, std::string_view key) {
  return Error(ErrorCode::not_found,
               std::string{what} + " '" + std::string{key} + "' not found");
}

std::optional<std::int64_t> days(const std::optional<Date>& date) {
  if (!date) return std::nullopt;
  return date->time_since_epoch().count();
}

std::optional<std::int64_t> widen(const std::optional<std::int32_t>& value) {
  if (!value) return std::nullopt;
  return *value;
}

std::optional<std::int32_t> narrow(Statement& stmt, int column) {
  if (stmt.is_null(column)) return std::nullopt;
  return static_cast<std::int32_t>(stmt.int64(column));
}

std::optional<std::int64_t> unix_ms(const std::optional<Timestamp>& time) {
  if (!time) return std::nullopt;
  return to_unix_ms(*time);
}

std::optional<Timestamp> optional_time(Statement& stmt, int column) {
  if (stmt.is_null(column)) return std::nullopt;
  return from_unix_ms(stmt.int64(column));
}

// A list of keys as one JSON array: how any number of keys travels in one
// parameter, for `IN (SELECT value FROM json_each(?))`. Bytes that are not
// UTF-8 become U+FFFD instead of failing the call; no stored key holds them.
std::string json_keys(std::span<const std::string> keys) {
  Json array = Json::array();
  for (const std::string& key : keys) array.push_back(key);
  return array.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// --- Tenants --------------------------------------------------------------

constexpr std::string_view kTenantColumns = "id, key, name, created_at";

Tenant read_tenant(Statement& stmt) {
  Tenant tenant;
  tenant.id = stmt.int64(0);
  tenant.key = stmt.text(1);
  tenant.name = stmt.text(2);
  tenant.created_at = from_unix_ms(stmt.int64(3));
  return tenant;
}

// --- Org units ------------------------------------------------------------

constexpr std::string_view kOrgUnitColumns =
    "key, name, parent, created_at, updated_at";

OrgUnit read_org_unit(Statement& stmt) {
  OrgUnit unit;
  unit.key = stmt.text(0);
  unit.name = stmt.text(1);
  unit.parent = stmt.text(2);
  unit.created_at = from_unix_ms(stmt.int64(3));
  unit.updated_at = from_unix_ms(stmt.int64(4));
  return unit;
}

// The units reachable from the anchor rows, with a path of keys joined by
// U+0001, which sorts below every character a key may hold: ordering by
// path puts a parent before its children and siblings by key, depth first.
constexpr std::string_view kSubtreeRecursion = R"sql(
  UNION ALL
  SELECT o.key, o.name, o.parent, o.created_at, o.updated_at,
         tree.path || char(1) || o.key
  FROM tree JOIN org_units o ON o.tenant_id = ? AND o.parent = tree.key)
SELECT key, name, parent, created_at, updated_at FROM tree ORDER BY path)sql";

// --- Users ----------------------------------------------------------------

constexpr std::string_view kUserColumns =
    "key, display_name, email, org_unit, manager_key, hire_date, attributes, "
    "status, created_at, updated_at";

User read_user(Statement& stmt) {
  User user;
  user.key = stmt.text(0);
  user.display_name = stmt.text(1);
  user.email = stmt.text(2);
  user.org_unit = stmt.text(3);
  user.manager_key = stmt.text(4);
  if (!stmt.is_null(5)) user.hire_date = Date{std::chrono::days{stmt.int64(5)}};
  try {
    user.attributes = Json::parse(stmt.text(6));
    user.status = parse_user_status(stmt.text(7), "status");
  } catch (const std::exception& e) {
    throw corrupt_row("users", user.key, e);
  }
  user.created_at = from_unix_ms(stmt.int64(8));
  user.updated_at = from_unix_ms(stmt.int64(9));
  return user;
}

std::vector<User> read_users(Statement& stmt) {
  std::vector<User> users;
  while (stmt.step()) users.push_back(read_user(stmt));
  return users;
}

// Binds the user's columns after the key, in kUserColumns order.
void bind_user_fields(Statement& stmt, const User& user) {
  stmt.bind(user.display_name)
      .bind(user.email)
      .bind_or_null(user.org_unit)
      .bind(user.manager_key)
      .bind(days(user.hire_date))
      .bind(user.attributes.dump())
      .bind(to_string(user.status))
      .bind(to_unix_ms(user.created_at))
      .bind(to_unix_ms(user.updated_at));
}

// One attribute filter of list_users: the attribute's JSON type must be one
// of two bound type names and its value equal to the bound value. The text
// is the same for every kind of value, so the statement cache holds one
// list_users statement per filter count, however callers mix the kinds.
constexpr std::string_view kAttributeCondition =
    " AND json_type(attributes, ?) IN (?, ?)"
    " AND json_extract(attributes, ?) = ?";

// Binds kAttributeCondition so that the comparison is exact in type: a
// string matches only a text attribute, a bool only true or false, a number
// only an equal number (integer or real).
void bind_attribute_filter(Statement& stmt, const std::string& name,
                           const Json& value) {
  // Names are [A-Za-z_][A-Za-z0-9_]*, so quoting them needs no escapes.
  const std::string path = "$.\"" + name + "\"";
  stmt.bind(path);
  if (value.is_string()) {
    stmt.bind("text").bind("text").bind(path).bind(
        value.get_ref<const std::string&>());
  } else if (value.is_boolean()) {
    // json_extract() gives a JSON bool as the integer 1 or 0.
    const bool flag = value.get<bool>();
    const std::string_view type = flag ? "true" : "false";
    stmt.bind(type).bind(type).bind(path).bind(std::int64_t{flag});
  } else if (value.is_number_integer() &&
             (!value.is_number_unsigned() ||
              value.get<std::uint64_t>() <=
                  static_cast<std::uint64_t>(
                      std::numeric_limits<std::int64_t>::max()))) {
    stmt.bind("integer").bind("real").bind(path).bind(
        value.get<std::int64_t>());
  } else if (value.is_number()) {
    stmt.bind("integer").bind("real").bind(path).bind(value.get<double>());
  } else {
    // Attribute values are strings, numbers or bools: nothing equals
    // another kind of value, and NULL type names match no attribute.
    stmt.bind_null().bind_null().bind(path).bind_null();
  }
}

// --- Courses --------------------------------------------------------------

constexpr std::string_view kCourseColumns =
    "key, title, description, version, status, activities, "
    "recertification_days, default_due_days, created_at, updated_at, "
    "due_from, self_enrolment, enrolment_opens, enrolment_closes, "
    "completion, score_policy";

std::string activities_json(const std::vector<Activity>& activities) {
  Json array = Json::array();
  for (const Activity& activity : activities) {
    array.push_back({{"key", activity.key},
                     {"kind", std::string{to_string(activity.kind)}},
                     {"title", activity.title},
                     {"required", activity.required}});
  }
  return array.dump();
}

std::vector<Activity> parse_activities(const std::string& text) {
  std::vector<Activity> activities;
  for (const Json& item : Json::parse(text)) {
    Activity activity;
    activity.key = item.at("key").get<std::string>();
    activity.kind =
        parse_activity_kind(item.at("kind").get<std::string>(), "kind");
    activity.title = item.at("title").get<std::string>();
    activity.required = item.at("required").get<bool>();
    activities.push_back(std::move(activity));
  }
  return activities;
}

// The course's row; read_prerequisites() adds the prerequisites.
Course read_course(Statement& stmt) {
  Course course;
  course.key = stmt.text(0);
  course.title = stmt.text(1);
  course.description = stmt.text(2);
  course.version = static_cast<std::int32_t>(stmt.int64(3));
  try {
    course.status = parse_course_status(stmt.text(4), "status");
    course.activities = parse_activities(stmt.text(5));
    course.due_from = parse_due_from(stmt.text(10), "due_from");
    course.completion = completion_rule_from_json(Json::parse(stmt.text(14)));
    course.score_policy = parse_score_policy(stmt.text(15), "score_policy");
  } catch (const std::exception& e) {
    throw corrupt_row("courses", course.key, e);
  }
  course.recertification_days = narrow(stmt, 6);
  course.default_due_days = narrow(stmt, 7);
  course.created_at = from_unix_ms(stmt.int64(8));
  course.updated_at = from_unix_ms(stmt.int64(9));
  course.self_enrolment = stmt.int64(11) != 0;
  course.enrolment_opens = optional_time(stmt, 12);
  course.enrolment_closes = optional_time(stmt, 13);
  return course;
}

// Binds the course's columns after the key, in kCourseColumns order.
void bind_course_fields(Statement& stmt, const Course& course) {
  stmt.bind(course.title)
      .bind(course.description)
      .bind(std::int64_t{course.version})
      .bind(to_string(course.status))
      .bind(activities_json(course.activities))
      .bind(widen(course.recertification_days))
      .bind(widen(course.default_due_days))
      .bind(to_unix_ms(course.created_at))
      .bind(to_unix_ms(course.updated_at))
      .bind(to_string(course.due_from))
      .bind(std::int64_t{course.self_enrolment ? 1 : 0})
      .bind(unix_ms(course.enrolment_opens))
      .bind(unix_ms(course.enrolment_closes))
      .bind(to_json(course.completion).dump())
      .bind(to_string(course.score_policy));
}

// --- Access control -------------------------------------------------------

constexpr std::string_view kRoleColumns =
    "key, name, permissions, created_at, updated_at";

std::string permissions_json(
    const std::map<Permission, PermissionValue>& permissions) {
  Json object = Json::object();
  for (const auto& [permission, value] : permissions) {
    object[std::string{to_string(permission)}] = to_string(value);
  }
  return object.dump();
}

std::map<Permission, PermissionValue> parse_permissions(
    const std::string& text) {
  std::map<Permission, PermissionValue> permissions;
  for (const auto& [name, value] :
       Json::parse(text).get<std::map<std::string, std::string>>()) {
    permissions.emplace(parse_permission(name, "permissions"),
                        parse_permission_value(value, "permissions"));
  }
  return permissions;
}

Role read_role(Statement& stmt) {
  Role role;
  role.key = stmt.text(0);
  role.name = stmt.text(1);
  try {
    role.permissions = parse_permissions(stmt.text(2));
  } catch (const std::exception& e) {
    throw corrupt_row("roles", role.key, e);
  }
  role.created_at = from_unix_ms(stmt.int64(3));
  role.updated_at = from_unix_ms(stmt.int64(4));
  return role;
}

constexpr std::string_view kAssignmentColumns =
    "id, user_key, role_key, scope_kind, scope_key, valid_from, valid_until, "
    "created_at";

Assignment read_assignment(Statement& stmt) {
  Assignment assignment;
  assignment.id = stmt.int64(0);
  assignment.user_key = stmt.text(1);
  assignment.role_key = stmt.text(2);
  try {
    assignment.scope.kind = parse_scope_kind(stmt.text(3), "scope_kind");
  } catch (const std::exception& e) {
    throw corrupt_row("assignments", std::to_string(assignment.id), e);
  }
  assignment.scope.key = stmt.text(4);
  assignment.valid_from = optional_time(stmt, 5);
  assignment.valid_until = optional_time(stmt, 6);
  assignment.created_at = from_unix_ms(stmt.int64(7));
  return assignment;
}

Override read_override(Statement& stmt) {
  Override override;
  override.role_key = stmt.text(0);
  override.scope.key = stmt.text(2);
  try {
    override.scope.kind = parse_scope_kind(stmt.text(1), "scope_kind");
    override.permission = parse_permission(stmt.text(3), "permission");
    override.value = parse_permission_value(stmt.text(4), "value");
  } catch (const std::exception& e) {
    throw corrupt_row("overrides", override.role_key, e);
  }
  return override;
}

// --- Events ---------------------------------------------------------------

Event read_event(Statement& stmt) {
  Event event;
  event.seq = stmt.int64(0);
  event.tenant_id = stmt.int64(1);
  event.time = from_unix_ms(stmt.int64(2));
  event.actor = stmt.text(3);
  event.type = stmt.text(4);
  event.subject = stmt.text(5);
  try {
    event.payload = Json::parse(stmt.text(6));
  } catch (const std::exception& e) {
    throw corrupt_row("events", std::to_string(event.seq), e);
  }
  return event;
}

}  // namespace

SqliteTransaction::SqliteTransaction(std::unique_ptr<ConnectionLease> lease,
                                     TransactionMode mode)
    : lease_(std::move(lease)), db_(lease_->connection()), mode_(mode) {
  db_.exec(mode == TransactionMode::write ? "BEGIN IMMEDIATE" : "BEGIN");
}

SqliteTransaction::~SqliteTransaction() {
  if (!committed_) {
    sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
  }
}

void SqliteTransaction::require_write(std::string_view method) const {
  if (mode_ != TransactionMode::write) {
    throw Error(ErrorCode::internal,
                std::string{method} + " through a read transaction");
  }
  if (committed_) {
    throw Error(ErrorCode::internal,
                std::string{method} + " after the transaction committed");
  }
}

void SqliteTransaction::commit() {
  require_write("commit");
  db_.exec("COMMIT");
  committed_ = true;
}

// --- DirectoryStore: tenants ----------------------------------------------

TenantId SqliteTransaction::insert_tenant(const TenantSpec& spec,
                                          Timestamp now) {
  require_write("insert_tenant");
  db_.prepare("INSERT INTO tenants (key, name, created_at) VALUES (?, ?, ?)")
      .bind(spec.key)
      .bind(spec.name)
      .bind(to_unix_ms(now))
      .run();
  return sqlite3_last_insert_rowid(db_.handle());
}

std::optional<Tenant> SqliteTransaction::find_tenant(TenantId id) {
  static const std::string sql =
      "SELECT " + std::string{kTenantColumns} + " FROM tenants WHERE id = ?";
  Statement stmt = db_.prepare(sql);
  stmt.bind(id);
  if (!stmt.step()) return std::nullopt;
  return read_tenant(stmt);
}

std::optional<Tenant> SqliteTransaction::find_tenant_by_key(
    std::string_view key) {
  static const std::string sql =
      "SELECT " + std::string{kTenantColumns} + " FROM tenants WHERE key = ?";
  Statement stmt = db_.prepare(sql);
  stmt.bind(key);
  if (!stmt.step()) return std::nullopt;
  return read_tenant(stmt);
}

std::vector<Tenant> SqliteTransaction::list_tenants() {
  static const std::string sql =
      "SELECT " + std::string{kTenantColumns} + " FROM tenants ORDER BY id";
  Statement stmt = db_.prepare(sql);
  std::vector<Tenant> tenants;
  while (stmt.step()) tenants.push_back(read_tenant(stmt));
  return tenants;
}

// --- DirectoryStore: org units --------------------------------------------

void SqliteTransaction::insert_org_unit(TenantId tenant, const OrgUnit& unit) {
  require_write("insert_org_unit");
  db_.prepare(
         "INSERT INTO org_units (tenant_id, key, name, parent, created_at, "
         "updated_at) VALUES (?, ?, ?, ?, ?, ?)")
      .bind(tenant)
      .bind(unit.key)
      .bind(unit.name)
      .bind_or_null(unit.parent)
      .bind(to_unix_ms(unit.created_at))
      .bind(to_unix_ms(unit.updated_at))
      .run();
}

void SqliteTransaction::update_org_unit(TenantId tenant, const OrgUnit& unit) {
  require_write("update_org_unit");
  db_.prepare(
         "UPDATE org_units SET name = ?, parent = ?, created_at = ?, "
         "updated_at = ? WHERE tenant_id = ? AND key = ?")
      .bind(unit.name)
      .bind_or_null(unit.parent)
      .bind(to_unix_ms(unit.created_at))
      .bind(to_unix_ms(unit.updated_at))
      .bind(tenant)
      .bind(unit.key)
      .run();
  if (sqlite3_changes(db_.handle()) == 0) {
    throw missing_row("org unit", unit.key);
  }
}

std::optional<OrgUnit> SqliteTransaction::find_org_unit(TenantId tenant,
                                                        std::string_view key) {
  static const std::string sql = "SELECT " + std::string{kOrgUnitColumns} +
                                 " FROM org_units WHERE tenant_id = ? AND "
                                 "key = ?";
  Statement stmt = db_.prepare(sql);
  stmt.bind(tenant).bind(key);
  if (!stmt.step()) return std::nullopt;
  return read_org_unit(stmt);
}

std::vector<OrgUnit> SqliteTransaction::list_org_subtree(
    TenantId tenant, std::string_view root) {
  static const std::string anchor =
      "WITH RECURSIVE tree(key, name, parent, created_at, updated_at, path) "
      "AS (SELECT key, name, parent, created_at, updated_at, key "
      "FROM org_units WHERE tenant_id = ? AND ";
  static const std::string from_root =
      anchor + "key = ?" + std::string{kSubtreeRecursion};
  static const std::string from_roots =
      anchor + "parent IS NULL" + std::string{kSubtreeRecursion};
  Statement stmt = db_.prepare(root.empty() ? from_roots : from_root);
  stmt.bind(tenant);
  if (!root.empty()) stmt.bind(root);
  stmt.bind(tenant);
  std::vector<OrgUnit> units;
  while (stmt.step()) units.push_back(read_org_unit(stmt));
  return units;
}

// --- DirectoryStore: users ------------------------------------------------

void SqliteTransaction::insert_user(TenantId tenant, const User& user) {
  require_write("insert_user");
  static const std::string sql = "INSERT INTO users (tenant_id, " +
                                 std::string{kUserColumns} +
                                 ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  Statement stmt = db_.prepare(sql);
  stmt.bind(tenant).bind(user.key);
  bind_user_fields(stmt, user);
  stmt.run();
}

void SqliteTransaction::update_user(TenantId tenant, const User& user) {
  require_write("update_user");
  Statement stmt = db_.prepare(
      "UPDATE users SET display_name = ?, email = ?, org_unit = ?, "
      "manager_key = ?, hire_date = ?, attributes = ?, status = ?, "
      "created_at = ?, updated_at = ? WHERE tenant_id = ? AND key = ?");
  bind_user_fields(stmt, user);
  stmt.bind(tenant).bind(user.key).run();
  if (sqlite3_changes(db_.handle()) == 0) throw missing_row("user", user.key);
}

std::optional<User> SqliteTransaction::find_user(TenantId tenant,
                                                 std::string_view key) {
  static const std::string sql = "SELECT " + std::string{kUserColumns} +
                                 " FROM users WHERE tenant_id = ? AND key = ?";
  Statement stmt = db_.prepare(sql);
  stmt.bind(tenant).bind(key);
  if (!stmt.step()) return std::nullopt;
  return read_user(stmt);
}

std::vector<User> SqliteTransaction::find_users(
    TenantId tenant, std::span<const std::string> keys) {
  if (keys.empty()) return {};
  // One statement for any number of keys: they travel as one JSON array,
  // and each is a primary-key lookup.
  static const std::string sql =
      "SELECT " + std::string{kUserColumns} +
      " FROM users WHERE tenant_id = ? AND key IN "
      "(SELECT value FROM json_each(?)) ORDER BY key";
  Statement stmt = db_.prepare(sql);
  stmt.bind(tenant).bind(json_keys(keys));
  return read_users(stmt);
}

UserPage SqliteTransaction::list_users(TenantId tenant,
                                       const UserQuery& query) {
  std::string sql;
  if (query.org_unit) {
    sql =
        "WITH RECURSIVE subtree(key) AS ("
        "SELECT key FROM org_units WHERE tenant_id = ? AND key = ? "
        "UNION ALL SELECT o.key FROM subtree JOIN org_units o "
        "ON o.tenant_id = ? AND o.parent = subtree.key) ";
  }
  sql += "SELECT " + std::string{kUserColumns} +
         " FROM users WHERE tenant_id = ? AND key > ?";
  if (query.status) sql += " AND status = ?";
  if (query.keys) sql += " AND key IN (SELECT value FROM json_each(?))";
  if (query.org_unit) sql += " AND org_unit IN (SELECT key FROM subtree)";
  for (std::size_t i = 0; i < query.attributes.size(); ++i) {
    sql += kAttributeCondition;
  }
  sql += " ORDER BY key LIMIT ?";

  Statement stmt = db_.prepare(sql);
  if (query.org_unit) stmt.bind(tenant).bind(*query.org_unit).bind(tenant);
  stmt.bind(tenant).bind(query.after);
  if (query.status) stmt.bind(to_string(*query.status));
  if (query.keys) stmt.bind(json_keys(*query.keys));
  for (const auto& [name, value] : query.attributes) {
    bind_attribute_filter(stmt, name, value);
  }
  stmt.bind(detail::rows_to_fetch(query.limit));

  UserPage page;
  page.users = read_users(stmt);
  page.next_after = detail::cut_page(page.users, query.limit);
  return page;
}

std::vector<std::string> SqliteTransaction::list_user_keys(TenantId tenant) {
  Statement stmt =
      db_.prepare("SELECT key FROM users WHERE tenant_id = ? ORDER BY key");
  stmt.bind(tenant);
  std::vector<std::string> keys;
  while (stmt.step()) keys.push_back(stmt.text(0));
  return keys;
}

std::vector<std::string> SqliteTransaction::manager_chain(
    TenantId tenant, std::string_view user_key) {
  // Each step is a primary-key lookup of the previous step's manager. The
  // path holds every key so far between U+0001 marks (keys hold no control
  // characters), so a key already on it ends the chain: a cycle in HR data
  // stops where it closes.
  Statement stmt = db_.prepare(R"sql(
WITH RECURSIVE chain(key, manager_key, depth, path) AS (
  SELECT key, manager_key, 0, char(1) || key || char(1)
  FROM users WHERE tenant_id = ?1 AND key = ?2
  UNION ALL
  SELECT u.key, u.manager_key, chain.depth + 1,
         chain.path || u.key || char(1)
  FROM chain JOIN users u ON u.tenant_id = ?1 AND u.key = chain.manager_key
  WHERE chain.depth < ?3 AND instr(chain.path, char(1) || u.key || char(1)) = 0)
SELECT key, depth FROM chain WHERE depth > 0)sql");
  stmt.bind(tenant).bind(user_key).bind(detail::kManagerChainSteps);
  // Ordered here rather than by the query: ORDER BY would build a
  // temporary b-tree, the bulk of the query's cost.
  std::vector<std::pair<std::int64_t, std::string>> steps;
  while (stmt.step()) steps.emplace_back(stmt.int64(1), stmt.text(0));
  std::sort(steps.begin(), steps.end());
  std::vector<std::string> chain;
  chain.reserve(steps.size());
  for (auto& step : steps) chain.push_back(std::move(step.second));
  return chain;
}

std::vector<std::string> SqliteTransaction::visible_user_keys(
    TenantId tenant, const UserVisibility& visibility) {
  // The reports walk down users_by_manager level by level, as deep as
  // manager_chain() looks up, so that a user is a report exactly when
  // reports_of is in that user's manager chain; the depth bound also ends a
  // cycle in HR data. reports_of is never its own report.
  Statement stmt = db_.prepare(R"sql(
WITH RECURSIVE reports(key, depth) AS (
  SELECT key, 1 FROM users
  WHERE tenant_id = ?1 AND manager_key = ?2 AND ?2 <> ''
  UNION
  SELECT u.key, reports.depth + 1
  FROM reports JOIN users u ON u.tenant_id = ?1 AND u.manager_key = reports.key
  WHERE reports.depth < ?3)
SELECT key FROM users
WHERE tenant_id = ?1 AND (
  ?4
  OR org_unit IN (SELECT value FROM json_each(?5))
  OR (?8 AND org_unit IS NULL)
  OR key = ?6
  OR (key <> ?2 AND key IN (SELECT key FROM reports)
      AND coalesce(org_unit, '') NOT IN (SELECT value FROM json_each(?7))))
ORDER BY key)sql");
  stmt.bind(tenant)
      .bind(visibility.reports_of)
      .bind(detail::kManagerChainSteps)
      .bind(std::int64_t{visibility.everyone})
      .bind(json_keys(visibility.org_units))
      .bind(visibility.self)
      .bind(json_keys(visibility.reports_excluded_org_units))
      .bind(std::int64_t{visibility.without_org_unit});
  std::vector<std::string> keys;
  while (stmt.step()) keys.push_back(stmt.text(0));
  return keys;
}

// --- CatalogStore ---------------------------------------------------------

void SqliteTransaction::write_prerequisites(TenantId tenant,
                                            const Course& course) {
  std::int64_t position = 0;
  for (const std::string& prerequisite : course.prerequisites) {
    db_.prepare(
           "INSERT INTO course_prerequisites (tenant_id, course_key, "
           "position, prerequisite_key) VALUES (?, ?, ?, ?)")
        .bind(tenant)
        .bind(course.key)
        .bind(position++)
        .bind(prerequisite)
        .run();
  }
}

void SqliteTransaction::read_prerequisites(TenantId tenant, Course& course) {
  Statement stmt = db_.prepare(
      "SELECT prerequisite_key FROM course_prerequisites "
      "WHERE tenant_id = ? AND course_key = ? ORDER BY position");
  stmt.bind(tenant).bind(course.key);
  while (stmt.step()) course.prerequisites.push_back(stmt.text(0));
}

void SqliteTransaction::insert_course(TenantId tenant, const Course& course) {
  require_write("insert_course");
  static const std::string sql = "INSERT INTO courses (tenant_id, " +
                                 std::string{kCourseColumns} +
                                 ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                                 "?, ?, ?, ?, ?, ?)";
  Statement stmt = db_.prepare(sql);
  stmt.bind(tenant).bind(course.key);
  bind_course_fields(stmt, course);
  stmt.run();
  write_prerequisites(tenant, course);
}

void SqliteTransaction::update_course(TenantId tenant, const Course& course) {
  require_write("update_course");
  {
    Statement stmt = db_.prepare(
        "UPDATE courses SET title = ?, description = ?, version = ?, "
        "status = ?, activities = ?, recertification_days = ?, "
        "default_due_days = ?, created_at = ?, updated_at = ?, "
        "due_from = ?, self_enrolment = ?, enrolment_opens = ?, "
        "enrolment_closes = ?, completion = ?, score_policy = ? "
        "WHERE tenant_id = ? AND key = ?");
    bind_course_fields(stmt, course);
    stmt.bind(tenant).bind(course.key).run();
    if (sqlite3_changes(db_.handle()) == 0) {
      throw missing_row("course", course.key);
    }
  }
  db_.prepare(
         "DELETE FROM course_prerequisites WHERE tenant_id = ? AND "
         "course_key = ?")
      .bind(tenant)
      .bind(course.key)
      .run();
  write_prerequisites(tenant, course);
}

std::optional<Course> SqliteTransaction::find_course(TenantId tenant,
                                                     std::string_view key) {
  static const std::string sql =
      "SELECT " + std::string{kCourseColumns} +
      " FROM courses WHERE tenant_id = ? AND key = ?";
  std::optional<Course> course;
  {
    Statement stmt = db_.prepare(sql);
    stmt.bind(tenant).bind(key);
    if (!stmt.step()) return std::nullopt;
    course = read_course(stmt);
  }
  read_prerequisites(tenant, *course);
  return course;
}

CoursePage SqliteTransaction::list_courses(TenantId tenant,
                                           const CourseQuery& query) {
  static const std::string base = "SELECT " + std::string{kCourseColumns} +
                                  " FROM courses WHERE tenant_id = ? AND "
                                  "key > ?";
  static const std::string all = base + " ORDER BY key LIMIT ?";
  static const std::string by_status =
      base + " AND status = ? ORDER BY key LIMIT ?";
  CoursePage page;
  {
    Statement stmt = db_.prepare(query.status ? by_status : all);
    stmt.bind(tenant).bind(query.after);
    if (query.status) stmt.bind(to_string(*query.status));
    stmt.bind(detail::rows_to_fetch(query.limit));
    while (stmt.step()) page.courses.push_back(read_course(stmt));
  }
  page.next_after = detail::cut_page(page.courses, query.limit);
  for (Course& course : page.courses) read_prerequisites(tenant, course);
  return page;
}

// --- AccessStore ----------------------------------------------------------

void SqliteTransaction::insert_role(TenantId tenant, const Role& role) {
  require_write("insert_role");
  static const std::string sql = "INSERT INTO roles (tenant_id, " +
                                 std::string{kRoleColumns} +
                                 ") VALUES (?, ?, ?, ?, ?, ?)";
  db_.prepare(sql)
      .bind(tenant)
      .bind(role.key)
      .bind(role.name)
      .bind(permissions_json(role.permissions))
      .bind(to_unix_ms(role.created_at))
      .bind(to_unix_ms(role.updated_at))
      .run();
}

void SqliteTransaction::update_role(TenantId tenant, const Role& role) {
  require_write("update_role");
  db_.prepare(
         "UPDATE roles SET name = ?, permissions = ?, created_at = ?, "
         "updated_at = ? WHERE tenant_id = ? AND key = ?")
      .bind(role.name)
      .bind(permissions_json(role.permissions))
      .bind(to_unix_ms(role.created_at))
      .bind(to_unix_ms(role.updated_at))
      .bind(tenant)
      .bind(role.key)
      .run();
  if (sqlite3_changes(db_.handle()) == 0) throw missing_row("role", role.key);
}

std::optional<Role> SqliteTransaction::find_role(TenantId tenant,
                                                 std::string_view key) {
  static const std::string sql = "SELECT " + std::string{kRoleColumns} +
                                 " FROM roles WHERE tenant_id = ? AND key = ?";
  Statement stmt = db_.prepare(sql);
  stmt.bind(tenant).bind(key);
  if (!stmt.step()) return std::nullopt;
  return read_role(stmt);
}

std::vector<Role> SqliteTransaction::list_roles(TenantId tenant) {
  static const std::string sql = "SELECT " + std::string{kRoleColumns} +
                                 " FROM roles WHERE tenant_id = ? ORDER BY key";
  Statement stmt = db_.prepare(sql);
  stmt.bind(tenant);
  std::vector<Role> roles;
  while (stmt.step()) roles.push_back(read_role(stmt));
  return roles;
}

std::int64_t SqliteTransaction::insert_assignment(
    TenantId tenant, const Assignment& assignment) {
  require_write("insert_assignment");
  db_.prepare(
         "INSERT INTO assignments (tenant_id, user_key, role_key, scope_kind, "
         "scope_key, valid_from, valid_until, created_at) "
         "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(tenant)
      .bind(assignment.user_key)
      .bind(assignment.role_key)
      .bind(to_string(assignment.scope.kind))
      .bind(assignment.scope.key)
      .bind(unix_ms(assignment.valid_from))
      .bind(unix_ms(assignment.valid_until))
      .bind(to_unix_ms(assignment.created_at))
      .run();
  return sqlite3_last_insert_rowid(db_.handle());
}

void SqliteTransaction::delete_assignment(TenantId tenant, std::int64_t id) {
  require_write("delete_assignment");
  db_.prepare("DELETE FROM assignments WHERE tenant_id = ? AND id = ?")
      .bind(tenant)
      .bind(id)
      .run();
  if (sqlite3_changes(db_.handle()) == 0) {
    throw missing_row("assignment", std::to_string(id));
  }
}

std::optional<Assignment> SqliteTransaction::find_assignment(TenantId tenant,
                                                             std::int64_t id) {
  static const std::string sql =
      "SELECT " + std::string{kAssignmentColumns} +
      " FROM assignments WHERE tenant_id = ? AND id = ?";
  Statement stmt = db_.prepare(sql);
  stmt.bind(tenant).bind(id);
  if (!stmt.step()) return std::nullopt;
  return read_assignment(stmt);
}

std::vector<Assignment> SqliteTransaction::list_assignments(
    TenantId tenant, const AssignmentQuery& query) {
  std::string sql = "SELECT " + std::string{kAssignmentColumns} +
                    " FROM assignments WHERE tenant_id = ?";
  if (query.user_key) sql += " AND user_key = ?";
  if (query.role_key) sql += " AND role_key = ?";
  if (query.scope) sql += " AND scope_kind = ? AND scope_key = ?";
  sql += " ORDER BY id";
  Statement stmt = db_.prepare(sql);
  stmt.bind(tenant);
  if (query.user_key) stmt.bind(*query.user_key);
  if (query.role_key) stmt.bind(*query.role_key);
  if (query.scope)
    stmt.bind(to_string(query.scope->kind)).bind(query.scope->key);
  std::vector<Assignment> assignments;
  while (stmt.step()) assignments.push_back(read_assignment(stmt));
  return assignments;
}

void SqliteTransaction::put_override(TenantId tenant,
                                     const Override& override) {
  require_write("put_override");
  db_.prepare(
         "INSERT INTO overrides (tenant_id, role_key, scope_kind, scope_key, "
         "permission, value) VALUES (?, ?, ?, ?, ?, ?) "
         "ON CONFLICT (tenant_id, role_key, scope_kind, scope_key, permission) "
         "DO UPDATE SET value = excluded.value")
      .bind(tenant)
      .bind(override.role_key)
      .bind(to_string(override.scope.kind))
      .bind(override.scope.key)
      .bind(to_string(override.permission))
      .bind(to_string(override.value))
      .run();
}

void SqliteTransaction::delete_override(TenantId tenant,
                                        std::string_view role_key,
                                        const Scope& scope,
                                        Permission permission) {
  require_write("delete_override");
  db_.prepare(
         "DELETE FROM overrides WHERE tenant_id = ? AND role_key = ? AND "
         "scope_kind = ? AND scope_key = ? AND permission = ?")
      .bind(tenant)
      .bind(role_key)
      .bind(to_string(scope.kind))
      .bind(scope.key)
      .bind(to_string(permission))
      .run();
  if (sqlite3_changes(db_.handle()) == 0) {
    throw Error(ErrorCode::not_found,
                "override of role '" + std::string{role_key} + "' at " +
                    std::string{to_string(scope.kind)} + " '" + scope.key +
                    "' for " + std::string{to_string(permission)} +
                    " not found");
  }
}

std::vector<Override> SqliteTransaction::list_overrides(TenantId tenant) {
  Statement stmt = db_.prepare(
      "SELECT role_key, scope_kind, scope_key, permission, value "
      "FROM overrides WHERE tenant_id = ?");
  stmt.bind(tenant);
  std::vector<Override> overrides;
  while (stmt.step()) overrides.push_back(read_override(stmt));
  // The order is the values' own (scope kind, then permission, by enum
  // number), which the stored names do not sort into.
  std::sort(overrides.begin(), overrides.end(),
            [](const Override& a, const Override& b) {
              return std::tie(a.role_key, a.scope, a.permission) <
                     std::tie(b.role_key, b.scope, b.permission);
            });
  return overrides;
}

// --- EnrolmentStore -------------------------------------------------------

namespace {

// The columns but the id, in the order of bind_enrolment_fields().
constexpr std::string_view kEnrolmentFields =
    "user_key, course_key, cycle, status, source, source_key, "
    "enrolled_at, due_at, completed_at, expires_at, score, updated_at";
const std::string kEnrolmentColumns = "id, " + std::string{kEnrolmentFields};

std::optional<double> optional_real(Statement& stmt, int column) {
  if (stmt.is_null(column)) return std::nullopt;
  return stmt.real(column);
}

Enrolment read_enrolment(Statement& stmt) {
  Enrolment e;
  e.id = stmt.int64(0);
  e.user_key = stmt.text(1);
  e.course_key = stmt.text(2);
  e.cycle = static_cast<std::int32_t>(stmt.int64(3));
  try {
    e.status = parse_enrolment_status(stmt.text(4), "status");
    e.source = parse_enrolment_source(stmt.text(5), "source");
  } catch (const std::exception& cause) {
    throw corrupt_row("enrolments", std::to_string(e.id), cause);
  }
  e.source_key = stmt.text(6);
  e.enrolled_at = from_unix_ms(stmt.int64(7));
  e.due_at = optional_time(stmt, 8);
  e.completed_at = optional_time(stmt, 9);
  e.expires_at = optional_time(stmt, 10);
  e.score = optional_real(stmt, 11);
  e.updated_at = from_unix_ms(stmt.int64(12));
  return e;
}

// Binds the enrolment's columns after the id, in kEnrolmentColumns order.
void bind_enrolment_fields(Statement& stmt, const Enrolment& e) {
  stmt.bind(e.user_key)
      .bind(e.course_key)
      .bind(std::int64_t{e.cycle})
      .bind(to_string(e.status))
      .bind(to_string(e.source))
      .bind(e.source_key)
      .bind(to_unix_ms(e.enrolled_at))
      .bind(unix_ms(e.due_at))
      .bind(unix_ms(e.completed_at))
      .bind(unix_ms(e.expires_at))
      .bind(e.score)
      .bind(to_unix_ms(e.updated_at));
}

constexpr std::string_view kProgressColumns =
    "enrolment_id, activity_key, state, progress, score, passed, "
    "time_spent_ms, started_at, completed_at, updated_at";

ActivityProgress read_progress(Statement& stmt) {
  ActivityProgress p;
  p.enrolment_id = stmt.int64(0);
  p.activity_key = stmt.text(1);
  try {
    p.state = parse_activity_state(stmt.text(2), "state");
  } catch (const std::exception& cause) {
    throw corrupt_row("progress", p.activity_key, cause);
  }
  p.progress = stmt.real(3);
  p.score = optional_real(stmt, 4);
  if (!stmt.is_null(5)) p.passed = stmt.int64(5) != 0;
  p.time_spent = std::chrono::milliseconds{stmt.int64(6)};
  p.started_at = from_unix_ms(stmt.int64(7));
  p.completed_at = optional_time(stmt, 8);
  p.updated_at = from_unix_ms(stmt.int64(9));
  return p;
}

}  // namespace

std::int64_t SqliteTransaction::insert_enrolment(TenantId tenant,
                                                 const Enrolment& enrolment) {
  require_write("insert_enrolment");
  static const std::string sql =
      "INSERT INTO enrolments (tenant_id, " + std::string{kEnrolmentFields} +
      ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  Statement stmt = db_.prepare(sql);
  stmt.bind(tenant);
  bind_enrolment_fields(stmt, enrolment);
  stmt.run();
  return sqlite3_last_insert_rowid(db_.handle());
}

void SqliteTransaction::update_enrolment(TenantId tenant,
                                         const Enrolment& enrolment) {
  require_write("update_enrolment");
  Statement stmt = db_.prepare(
      "UPDATE enrolments SET user_key = ?, course_key = ?, cycle = ?, "
      "status = ?, source = ?, source_key = ?, enrolled_at = ?, due_at = ?, "
      "completed_at = ?, expires_at = ?, score = ?, updated_at = ? "
      "WHERE tenant_id = ? AND id = ?");
  bind_enrolment_fields(stmt, enrolment);
  stmt.bind(tenant).bind(enrolment.id).run();
  if (sqlite3_changes(db_.handle()) == 0)
    throw missing_row("enrolment", std::to_string(enrolment.id));
}

std::optional<Enrolment> SqliteTransaction::find_enrolment(TenantId tenant,
                                                           std::int64_t id) {
  static const std::string sql = "SELECT " + kEnrolmentColumns +
                                 " FROM enrolments WHERE tenant_id = ? AND "
                                 "id = ?";
  Statement stmt = db_.prepare(sql);
  stmt.bind(tenant).bind(id);
  if (!stmt.step()) return std::nullopt;
  return read_enrolment(stmt);
}

std::vector<Enrolment> SqliteTransaction::latest_enrolments(
    TenantId tenant, std::string_view course_key,
    std::span<const std::string> user_keys) {
  // One probe of the (course, user, cycle) index per user: the highest
  // cycle is the last entry of the user's range.
  static const std::string sql =
      "SELECT " + kEnrolmentColumns +
      " FROM enrolments WHERE id IN (SELECT (SELECT e.id FROM enrolments e "
      "WHERE e.tenant_id = ?1 AND e.course_key = ?2 AND e.user_key = k.value "
      "ORDER BY e.cycle DESC LIMIT 1) FROM json_each(?3) AS k) "
      "ORDER BY user_key";
  std::vector<Enrolment> enrolments;
  if (user_keys.empty()) return enrolments;
  Statement stmt = db_.prepare(sql);
  stmt.bind(tenant).bind(course_key).bind(json_keys(user_keys));
  while (stmt.step()) enrolments.push_back(read_enrolment(stmt));
  return enrolments;
}

EnrolmentPage SqliteTransaction::list_enrolments(TenantId tenant,
                                                 const EnrolmentQuery& query) {
  // Each filter is on or off by its own parameter, so one statement serves
  // every combination.
  static const std::string sql =
      "SELECT " + kEnrolmentColumns +
      " FROM enrolments WHERE tenant_id = ? AND id > ? "
      "AND (? IS NULL OR user_key = ?) AND (? IS NULL OR course_key = ?) "
      "AND (? IS NULL OR status = ?) ORDER BY id LIMIT ?";
  const auto optional_text = [](const std::optional<std::string>& value) {
    return value ? std::optional<std::string_view>{*value} : std::nullopt;
  };
  const std::optional<std::string_view> user = optional_text(query.user_key);
  const std::optional<std::string_view> course =
      optional_text(query.course_key);
  const std::optional<std::string_view> status =
      query.status ? std::optional{to_string(*query.status)} : std::nullopt;
  EnrolmentPage page;
  Statement stmt = db_.prepare(sql);
  stmt.bind(tenant).bind(query.after);
  for (const auto& filter : {user, course, status}) {
    if (filter) {
      stmt.bind(*filter).bind(*filter);
    } else {
      stmt.bind_null().bind_null();
    }
  }
  stmt.bind(detail::rows_to_fetch(query.limit));
  while (stmt.step()) page.enrolments.push_back(read_enrolment(stmt));
  page.next_after =
      detail::cut_page(page.enrolments, query.limit, &Enrolment::id);
  return page;
}

void SqliteTransaction::put_progress(TenantId tenant,
                                     const ActivityProgress& progress) {
  require_write("put_progress");
  static const std::string sql =
      "INSERT OR REPLACE INTO progress (tenant_id, " +
      std::string{kProgressColumns} +
      ") SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? "
      "WHERE EXISTS (SELECT 1 FROM enrolments WHERE tenant_id = ? AND id = ?)";
  std::optional<std::int64_t> passed;
  if (progress.passed) passed = *progress.passed ? 1 : 0;
  db_.prepare(sql)
      .bind(tenant)
      .bind(progress.enrolment_id)
      .bind(progress.activity_key)
      .bind(to_string(progress.state))
      .bind(progress.progress)
      .bind(progress.score)
      .bind(passed)
      .bind(std::int64_t{progress.time_spent.count()})
      .bind(to_unix_ms(progress.started_at))
      .bind(unix_ms(progress.completed_at))
      .bind(to_unix_ms(progress.updated_at))
      .bind(tenant)
      .bind(progress.enrolment_id)
      .run();
  if (sqlite3_changes(db_.handle()) == 0)
    throw Error(ErrorCode::storage,
                "FOREIGN KEY constraint failed: enrolment " +
                    std::to_string(progress.enrolment_id) + " does not exist");
}

std::vector<ActivityProgress> SqliteTransaction::list_progress(
    TenantId tenant, std::int64_t enrolment_id) {
  static const std::string sql =
      "SELECT " + std::string{kProgressColumns} +
      " FROM progress WHERE tenant_id = ? AND enrolment_id = ? "
      "ORDER BY activity_key";
  std::vector<ActivityProgress> progress;
  Statement stmt = db_.prepare(sql);
  stmt.bind(tenant).bind(enrolment_id);
  while (stmt.step()) progress.push_back(read_progress(stmt));
  return progress;
}

// --- EventStore -----------------------------------------------------------

std::int64_t SqliteTransaction::append_event(const Event& event) {
  require_write("append_event");
  db_.prepare(
         "INSERT INTO events (tenant_id, time, actor, type, subject, payload) "
         "VALUES (?, ?, ?, ?, ?, ?)")
      .bind(event.tenant_id)
      .bind(to_unix_ms(event.time))
      .bind(event.actor)
      .bind(event.type)
      .bind(event.subject)
      .bind(event.payload.dump())
      .run();
  return sqlite3_last_insert_rowid(db_.handle());
}

std::vector<Event> SqliteTransaction::events_after(TenantId tenant,
                                                   std::int64_t after,
                                                   std::size_t limit) {
  Statement stmt = db_.prepare(
      "SELECT seq, tenant_id, time, actor, type, subject, payload FROM events "
      "WHERE tenant_id = ? AND seq > ? ORDER BY seq LIMIT ?");
  stmt.bind(tenant).bind(after).bind(detail::sql_count(limit));
  std::vector<Event> events;
  while (stmt.step()) events.push_back(read_event(stmt));
  return events;
}

}  // namespace lms::sqlite
