// SPDX-License-Identifier: Apache-2.0
//
// make_memory_storage(): a backend that keeps everything in std::maps keyed
// by (tenant, key), for tests and offline course checks. It keeps the same
// contracts, orderings and errors as the SQLite backend (the conformance
// suite runs both), including the foreign keys SQLite enforces.
// Thread safety: a write transaction holds the storage's shared_mutex
// exclusively for its lifetime, a read transaction holds it shared; so
// writes are serialised and a reader sees one consistent state. A
// transaction belongs to the thread that began it.

#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <shared_mutex>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "lms/error.hpp"
#include "lms/storage.hpp"
#include "storage/paging.hpp"

namespace lms {
namespace {

using Key = std::pair<TenantId, std::string>;
using IdKey = std::pair<TenantId, std::int64_t>;
// (tenant, role key, scope, permission): the order of list_overrides.
using OverrideKey = std::tuple<TenantId, std::string, Scope, Permission>;
// (tenant, course, user, cycle): the unique index of enrolments.
using CycleKey = std::tuple<TenantId, std::string, std::string, std::int32_t>;
// (tenant, enrolment id, activity key).
using ProgressKey = std::tuple<TenantId, std::int64_t, std::string>;

struct State {
  std::map<TenantId, Tenant> tenants;
  std::map<std::string, TenantId, std::less<>> tenant_ids;  // by tenant key
  std::map<Key, OrgUnit> org_units;
  std::map<Key, User> users;
  std::map<Key, Course> courses;
  std::map<Key, Role> roles;
  std::map<IdKey, Assignment> assignments;  // by id
  std::map<OverrideKey, PermissionValue> overrides;
  std::map<IdKey, Enrolment> enrolments;  // by id
  std::map<CycleKey, std::int64_t> enrolment_cycles;
  std::map<ProgressKey, ActivityProgress> progress;
  std::map<IdKey, Event> events;  // by seq
  TenantId last_tenant_id = 0;
  std::int64_t last_assignment_id = 0;
  std::int64_t last_enrolment_id = 0;
  std::int64_t last_seq = 0;
};

Error duplicate(std::string_view what, std::string_view key) {
  return Error(
      ErrorCode::already_exists,
      std::string{what} + " '" + std::string{key} + "' already exists");
}

Error missing(std::string_view what, std::string_view key) {
  return Error(ErrorCode::not_found,
               std::string{what} + " '" + std::string{key} + "' not found");
}

// What SQLite reports for a reference to a record that does not exist.
Error dangling_reference(std::string_view field, std::string_view key) {
  return Error(ErrorCode::storage,
               "FOREIGN KEY constraint failed: " + std::string{field} + " '" +
                   std::string{key} + "' does not exist");
}

// The exact-typed equality of list_users' attribute filters: a string
// matches only a string, a bool only a bool, a number only an equal number.
bool attribute_matches(const Json& attributes, const std::string& name,
                       const Json& wanted) {
  if (!attributes.is_object()) return false;
  const auto it = attributes.find(name);
  if (it == attributes.end()) return false;
  const bool same_kind = (wanted.is_string() && it->is_string()) ||
                         (wanted.is_boolean() && it->is_boolean()) ||
                         (wanted.is_number() && it->is_number());
  return same_kind && *it == wanted;
}

class MemoryTransaction final : public Transaction,
                                public DirectoryStore,
                                public CatalogStore,
                                public AccessStore,
                                public EnrolmentStore,
                                public EventStore {
 public:
  MemoryTransaction(std::shared_mutex& mutex, State& state,
                    TransactionMode mode)
      : state_(state), mode_(mode) {
    if (mode == TransactionMode::write) {
      exclusive_ = std::unique_lock(mutex);
    } else {
      shared_ = std::shared_lock(mutex);
    }
  }

  // Undoes the writes, newest first, unless committed.
  ~MemoryTransaction() override {
    for (auto it = undo_.rbegin(); it != undo_.rend(); ++it) (*it)();
  }

  void commit() override {
    require_write("commit");
    undo_.clear();
    committed_ = true;
  }
  DirectoryStore& directory() override { return *this; }
  CatalogStore& catalog() override { return *this; }
  EventStore& events() override { return *this; }
  AccessStore& access() override { return *this; }
  EnrolmentStore& enrolments() override { return *this; }

  // --- Tenants ------------------------------------------------------------

  TenantId insert_tenant(const TenantSpec& spec, Timestamp now) override {
    require_write("insert_tenant");
    if (state_.tenant_ids.contains(spec.key)) {
      throw duplicate("tenant", spec.key);
    }
    const TenantId id = state_.last_tenant_id + 1;
    undo_.push_back([&state = state_, id, key = spec.key] {
      state.tenants.erase(id);
      state.tenant_ids.erase(key);
      state.last_tenant_id = id - 1;
    });
    state_.last_tenant_id = id;
    state_.tenants.emplace(id, Tenant{id, spec.key, spec.name, now});
    state_.tenant_ids.emplace(spec.key, id);
    return id;
  }

  std::optional<Tenant> find_tenant(TenantId id) override {
    const auto it = state_.tenants.find(id);
    if (it == state_.tenants.end()) return std::nullopt;
    return it->second;
  }

  std::optional<Tenant> find_tenant_by_key(std::string_view key) override {
    const auto it = state_.tenant_ids.find(key);
    if (it == state_.tenant_ids.end()) return std::nullopt;
    return state_.tenants.at(it->second);
  }

  std::vector<Tenant> list_tenants() override {
    std::vector<Tenant> tenants;
    for (const auto& [id, tenant] : state_.tenants) tenants.push_back(tenant);
    return tenants;
  }

  // --- Org units ----------------------------------------------------------

  void insert_org_unit(TenantId tenant, const OrgUnit& unit) override {
    require_write("insert_org_unit");
    Key key{tenant, unit.key};
    if (state_.org_units.contains(key)) throw duplicate("org unit", unit.key);
    require_org_unit(tenant, "parent", unit.parent);
    insert(state_.org_units, std::move(key), unit);
  }

  void update_org_unit(TenantId tenant, const OrgUnit& unit) override {
    require_write("update_org_unit");
    const auto it = state_.org_units.find(Key{tenant, unit.key});
    if (it == state_.org_units.end()) throw missing("org unit", unit.key);
    require_org_unit(tenant, "parent", unit.parent);
    replace(state_.org_units, it, unit);
  }

  std::optional<OrgUnit> find_org_unit(TenantId tenant,
                                       std::string_view key) override {
    return find(state_.org_units, tenant, key);
  }

  std::vector<OrgUnit> list_org_subtree(TenantId tenant,
                                        std::string_view root) override {
    std::vector<OrgUnit> units;
    const Children children = children_of(tenant);
    if (root.empty()) {
      if (const auto roots = children.find(""); roots != children.end()) {
        for (const OrgUnit* unit : roots->second) {
          add_subtree(children, *unit, units);
        }
      }
    } else if (const auto unit = find_org_unit(tenant, root)) {
      add_subtree(children, *unit, units);
    }
    return units;
  }

  // --- Users --------------------------------------------------------------

  void insert_user(TenantId tenant, const User& user) override {
    require_write("insert_user");
    Key key{tenant, user.key};
    if (state_.users.contains(key)) throw duplicate("user", user.key);
    require_org_unit(tenant, "org_unit", user.org_unit);
    insert(state_.users, std::move(key), user);
  }

  void update_user(TenantId tenant, const User& user) override {
    require_write("update_user");
    const auto it = state_.users.find(Key{tenant, user.key});
    if (it == state_.users.end()) throw missing("user", user.key);
    require_org_unit(tenant, "org_unit", user.org_unit);
    replace(state_.users, it, user);
  }

  std::optional<User> find_user(TenantId tenant,
                                std::string_view key) override {
    return find(state_.users, tenant, key);
  }

  UserPage list_users(TenantId tenant, const UserQuery& query) override {
    std::optional<std::set<std::string>> units;
    if (query.org_unit) {
      units.emplace();
      // Unlike list_org_subtree, an empty key names no unit here.
      if (const auto root = find_org_unit(tenant, *query.org_unit)) {
        std::vector<OrgUnit> subtree;
        add_subtree(children_of(tenant), *root, subtree);
        for (OrgUnit& unit : subtree) units->insert(std::move(unit.key));
      }
    }
    std::optional<std::set<std::string, std::less<>>> keys;
    if (query.keys) keys.emplace(query.keys->begin(), query.keys->end());
    const auto matches = [&](const User& user) {
      if (query.status && user.status != *query.status) return false;
      if (keys && !keys->contains(user.key)) return false;
      if (units && !units->contains(user.org_unit)) return false;
      for (const auto& [name, value] : query.attributes) {
        if (!attribute_matches(user.attributes, name, value)) return false;
      }
      return true;
    };
    UserPage page;
    for (auto it = state_.users.upper_bound(Key{tenant, query.after});
         it != state_.users.end() && it->first.first == tenant &&
         page.users.size() <= query.limit;
         ++it) {
      if (matches(it->second)) page.users.push_back(it->second);
    }
    page.next_after = detail::cut_page(page.users, query.limit);
    return page;
  }

  std::vector<std::string> list_user_keys(TenantId tenant) override {
    std::vector<std::string> keys;
    for (auto it = state_.users.lower_bound(Key{tenant, ""});
         it != state_.users.end() && it->first.first == tenant; ++it) {
      keys.push_back(it->first.second);
    }
    return keys;
  }

  // manager_chain() and visible_user_keys() keep their default bodies: over
  // maps in memory the lookups they make are cheap, and one copy of their
  // rules serves this backend and any host's.

  // --- Courses ------------------------------------------------------------

  void insert_course(TenantId tenant, const Course& course) override {
    require_write("insert_course");
    Key key{tenant, course.key};
    if (state_.courses.contains(key)) throw duplicate("course", course.key);
    insert(state_.courses, std::move(key), course);
  }

  void update_course(TenantId tenant, const Course& course) override {
    require_write("update_course");
    const auto it = state_.courses.find(Key{tenant, course.key});
    if (it == state_.courses.end()) throw missing("course", course.key);
    replace(state_.courses, it, course);
  }

  std::optional<Course> find_course(TenantId tenant,
                                    std::string_view key) override {
    return find(state_.courses, tenant, key);
  }

  CoursePage list_courses(TenantId tenant, const CourseQuery& query) override {
    CoursePage page;
    for (auto it = state_.courses.upper_bound(Key{tenant, query.after});
         it != state_.courses.end() && it->first.first == tenant &&
         page.courses.size() <= query.limit;
         ++it) {
      if (!query.status || it->second.status == *query.status) {
        page.courses.push_back(it->second);
      }
    }
    page.next_after = detail::cut_page(page.courses, query.limit);
    return page;
  }

  // --- Access control -----------------------------------------------------

  void insert_role(TenantId tenant, const Role& role) override {
    require_write("insert_role");
    Key key{tenant, role.key};
    if (state_.roles.contains(key)) throw duplicate("role", role.key);
    insert(state_.roles, std::move(key), stored_role(role));
  }

  void update_role(TenantId tenant, const Role& role) override {
    require_write("update_role");
    const auto it = state_.roles.find(Key{tenant, role.key});
    if (it == state_.roles.end()) throw missing("role", role.key);
    replace(state_.roles, it, stored_role(role));
  }

  std::optional<Role> find_role(TenantId tenant,
                                std::string_view key) override {
    return find(state_.roles, tenant, key);
  }

  std::vector<Role> list_roles(TenantId tenant) override {
    std::vector<Role> roles;
    for (auto it = state_.roles.lower_bound(Key{tenant, ""});
         it != state_.roles.end() && it->first.first == tenant; ++it) {
      roles.push_back(it->second);
    }
    return roles;
  }

  std::int64_t insert_assignment(TenantId tenant,
                                 const Assignment& assignment) override {
    require_write("insert_assignment");
    if (!state_.users.contains(Key{tenant, assignment.user_key})) {
      throw dangling_reference("user_key", assignment.user_key);
    }
    const std::int64_t id = state_.last_assignment_id + 1;
    // Like SQLite's AUTOINCREMENT counter, the id rolls back with the
    // transaction; a committed id is never reused.
    undo_.push_back(
        [&state = state_, id] { state.last_assignment_id = id - 1; });
    state_.last_assignment_id = id;
    Assignment stored = assignment;
    stored.id = id;
    insert(state_.assignments, IdKey{tenant, id}, stored);
    return id;
  }

  void delete_assignment(TenantId tenant, std::int64_t id) override {
    require_write("delete_assignment");
    const auto it = state_.assignments.find(IdKey{tenant, id});
    if (it == state_.assignments.end()) {
      throw missing("assignment", std::to_string(id));
    }
    erase(state_.assignments, it);
  }

  std::optional<Assignment> find_assignment(TenantId tenant,
                                            std::int64_t id) override {
    const auto it = state_.assignments.find(IdKey{tenant, id});
    if (it == state_.assignments.end()) return std::nullopt;
    return it->second;
  }

  std::vector<Assignment> list_assignments(
      TenantId tenant, const AssignmentQuery& query) override {
    std::vector<Assignment> assignments;
    for (auto it = state_.assignments.lower_bound(IdKey{tenant, 0});
         it != state_.assignments.end() && it->first.first == tenant; ++it) {
      const Assignment& a = it->second;
      if ((!query.user_key || a.user_key == *query.user_key) &&
          (!query.role_key || a.role_key == *query.role_key) &&
          (!query.scope || a.scope == *query.scope)) {
        assignments.push_back(a);
      }
    }
    return assignments;
  }

  void put_override(TenantId tenant, const Override& override) override {
    require_write("put_override");
    OverrideKey key{tenant, override.role_key, override.scope,
                    override.permission};
    if (const auto it = state_.overrides.find(key);
        it != state_.overrides.end()) {
      replace(state_.overrides, it, override.value);
    } else {
      insert(state_.overrides, std::move(key), override.value);
    }
  }

  void delete_override(TenantId tenant, std::string_view role_key,
                       const Scope& scope, Permission permission) override {
    require_write("delete_override");
    const auto it = state_.overrides.find(
        OverrideKey{tenant, std::string{role_key}, scope, permission});
    if (it == state_.overrides.end()) {
      throw Error(ErrorCode::not_found,
                  "override of role '" + std::string{role_key} + "' at " +
                      std::string{to_string(scope.kind)} + " '" + scope.key +
                      "' for " + std::string{to_string(permission)} +
                      " not found");
    }
    erase(state_.overrides, it);
  }

  std::vector<Override> list_overrides(TenantId tenant) override {
    std::vector<Override> overrides;
    for (auto it = state_.overrides.lower_bound(
             OverrideKey{tenant, "", Scope{}, Permission{}});
         it != state_.overrides.end() && std::get<0>(it->first) == tenant;
         ++it) {
      const auto& [t, role_key, scope, permission] = it->first;
      overrides.push_back({role_key, scope, permission, it->second});
    }
    return overrides;
  }

  // --- Events -------------------------------------------------------------

  std::int64_t append_event(const Event& event) override {
    require_write("append_event");
    const std::int64_t seq = state_.last_seq + 1;
    const std::pair key{event.tenant_id, seq};
    // Like SQLite's AUTOINCREMENT counter, the seq rolls back with the
    // transaction.
    undo_.push_back([&state = state_, key] {
      state.events.erase(key);
      state.last_seq = key.second - 1;
    });
    state_.last_seq = seq;
    Event stored = event;
    stored.seq = seq;
    state_.events.emplace(key, std::move(stored));
    return seq;
  }

  std::vector<Event> events_after(TenantId tenant, std::int64_t after,
                                  std::size_t limit) override {
    std::vector<Event> events;
    for (auto it = state_.events.upper_bound({tenant, after});
         it != state_.events.end() && it->first.first == tenant &&
         events.size() < limit;
         ++it) {
      events.push_back(it->second);
    }
    return events;
  }

  // --- Enrolments -----------------------------------------------------------

  std::int64_t insert_enrolment(TenantId tenant,
                                const Enrolment& enrolment) override {
    require_write("insert_enrolment");
    if (!state_.users.contains(Key{tenant, enrolment.user_key}))
      throw dangling_reference("user_key", enrolment.user_key);
    if (!state_.courses.contains(Key{tenant, enrolment.course_key}))
      throw dangling_reference("course_key", enrolment.course_key);
    require_unique_enrolment(tenant, enrolment, 0);
    const std::int64_t id = state_.last_enrolment_id + 1;
    // Rolls back with the transaction, like SQLite's AUTOINCREMENT.
    undo_.push_back(
        [&state = state_, id] { state.last_enrolment_id = id - 1; });
    state_.last_enrolment_id = id;
    Enrolment stored = enrolment;
    stored.id = id;
    insert(state_.enrolments, IdKey{tenant, id}, stored);
    insert(state_.enrolment_cycles, cycle_key(tenant, stored), id);
    return id;
  }

  void update_enrolment(TenantId tenant, const Enrolment& enrolment) override {
    require_write("update_enrolment");
    const auto it = state_.enrolments.find(IdKey{tenant, enrolment.id});
    if (it == state_.enrolments.end())
      throw missing("enrolment", std::to_string(enrolment.id));
    require_unique_enrolment(tenant, enrolment, enrolment.id);
    const CycleKey old_key = cycle_key(tenant, it->second);
    const CycleKey new_key = cycle_key(tenant, enrolment);
    if (old_key != new_key) {
      erase(state_.enrolment_cycles, state_.enrolment_cycles.find(old_key));
      insert(state_.enrolment_cycles, new_key, enrolment.id);
    }
    replace(state_.enrolments, it, enrolment);
  }

  std::optional<Enrolment> find_enrolment(TenantId tenant,
                                          std::int64_t id) override {
    const auto it = state_.enrolments.find(IdKey{tenant, id});
    if (it == state_.enrolments.end()) return std::nullopt;
    return it->second;
  }

  std::vector<Enrolment> latest_enrolments(
      TenantId tenant, std::string_view course_key,
      std::span<const std::string> user_keys) override {
    std::vector<Enrolment> latest;
    for (const std::string& user : user_keys) {
      const auto ids = cycles_of(tenant, course_key, user);
      if (ids.empty()) continue;
      latest.push_back(state_.enrolments.at(IdKey{tenant, ids.back()}));
    }
    return latest;
  }

  EnrolmentPage list_enrolments(TenantId tenant,
                                const EnrolmentQuery& query) override {
    EnrolmentPage page;
    for (auto it = state_.enrolments.upper_bound(IdKey{tenant, query.after});
         it != state_.enrolments.end() && it->first.first == tenant; ++it) {
      const Enrolment& e = it->second;
      if ((query.user_key && e.user_key != *query.user_key) ||
          (query.course_key && e.course_key != *query.course_key) ||
          (query.status && e.status != *query.status))
        continue;
      page.enrolments.push_back(e);
      if (page.enrolments.size() > query.limit) break;
    }
    page.next_after =
        detail::cut_page(page.enrolments, query.limit, &Enrolment::id);
    return page;
  }

  void put_progress(TenantId tenant,
                    const ActivityProgress& progress) override {
    require_write("put_progress");
    if (!state_.enrolments.contains(IdKey{tenant, progress.enrolment_id}))
      throw dangling_reference("enrolment_id",
                               std::to_string(progress.enrolment_id));
    ProgressKey key{tenant, progress.enrolment_id, progress.activity_key};
    if (const auto it = state_.progress.find(key);
        it != state_.progress.end()) {
      replace(state_.progress, it, progress);
    } else {
      insert(state_.progress, std::move(key), progress);
    }
  }

  std::vector<ActivityProgress> list_progress(
      TenantId tenant, std::int64_t enrolment_id) override {
    std::vector<ActivityProgress> result;
    for (auto it = state_.progress.lower_bound(
             ProgressKey{tenant, enrolment_id, std::string{}});
         it != state_.progress.end() && std::get<0>(it->first) == tenant &&
         std::get<1>(it->first) == enrolment_id;
         ++it)
      result.push_back(it->second);
    return result;
  }

 private:
  static CycleKey cycle_key(TenantId tenant, const Enrolment& e) {
    return {tenant, e.course_key, e.user_key, e.cycle};
  }

  // The ids of the user's enrolments in the course, by cycle.
  std::vector<std::int64_t> cycles_of(TenantId tenant,
                                      std::string_view course_key,
                                      std::string_view user_key) const {
    std::vector<std::int64_t> ids;
    const CycleKey first{tenant, std::string{course_key}, std::string{user_key},
                         0};
    for (auto it = state_.enrolment_cycles.lower_bound(first);
         it != state_.enrolment_cycles.end() &&
         std::get<0>(it->first) == tenant &&
         std::get<1>(it->first) == course_key &&
         std::get<2>(it->first) == user_key;
         ++it)
      ids.push_back(it->second);
    return ids;
  }

  // SQLite's unique indexes: one enrolment per cycle, one active per user
  // and course -- `self` (0 for a new enrolment) aside.
  void require_unique_enrolment(TenantId tenant, const Enrolment& enrolment,
                                std::int64_t self) const {
    for (const std::int64_t id :
         cycles_of(tenant, enrolment.course_key, enrolment.user_key)) {
      if (id == self) continue;
      const Enrolment& other = state_.enrolments.at(IdKey{tenant, id});
      if (other.cycle == enrolment.cycle ||
          (is_active(other.status) && is_active(enrolment.status)))
        throw duplicate("enrolment of user", enrolment.user_key);
    }
  }

  // Units of one tenant by parent key ("" for roots), each list by key.
  using Children = std::map<std::string, std::vector<const OrgUnit*>>;

  Children children_of(TenantId tenant) const {
    Children children;
    for (auto it = state_.org_units.lower_bound(Key{tenant, ""});
         it != state_.org_units.end() && it->first.first == tenant; ++it) {
      children[it->second.parent].push_back(&it->second);
    }
    return children;
  }

  // Appends `unit` and, depth first, everything below it.
  static void add_subtree(const Children& children, const OrgUnit& unit,
                          std::vector<OrgUnit>& out) {
    out.push_back(unit);
    const auto below = children.find(unit.key);
    if (below == children.end()) return;
    for (const OrgUnit* child : below->second) {
      add_subtree(children, *child, out);
    }
  }

  // Throws Error{internal} unless this is a write transaction not yet
  // committed: a write anywhere else is a bug of the caller.
  void require_write(std::string_view method) const {
    if (mode_ != TransactionMode::write) {
      throw Error(ErrorCode::internal,
                  std::string{method} + " through a read transaction");
    }
    if (committed_) {
      throw Error(ErrorCode::internal,
                  std::string{method} + " after the transaction committed");
    }
  }

  // The foreign key from `field` to org_units: an empty key refers to none.
  void require_org_unit(TenantId tenant, std::string_view field,
                        const std::string& key) const {
    if (!key.empty() && !state_.org_units.contains(Key{tenant, key})) {
      throw dangling_reference(field, key);
    }
  }

  template <typename Value>
  static std::optional<Value> find(const std::map<Key, Value>& map,
                                   TenantId tenant, std::string_view key) {
    const auto it = map.find(Key{tenant, std::string{key}});
    if (it == map.end()) return std::nullopt;
    return it->second;
  }

  // The undo entry goes in before the change, so that a change is never
  // left without one.
  template <typename Map>
  void insert(Map& map, typename Map::key_type key,
              const typename Map::mapped_type& value) {
    undo_.push_back([&map, key] { map.erase(key); });
    map.emplace(std::move(key), value);
  }

  template <typename Map>
  void replace(Map& map, typename Map::iterator it,
               const typename Map::mapped_type& value) {
    undo_.push_back([&map, key = it->first, old = it->second]() mutable {
      map.at(key) = std::move(old);
    });
    it->second = value;
  }

  template <typename Map>
  void erase(Map& map, typename Map::iterator it) {
    undo_.push_back(
        [&map, entry = *it]() mutable { map.insert(std::move(entry)); });
    map.erase(it);
  }

  // What the SQLite backend gives back for `role`: stored roles are
  // custom ones.
  static Role stored_role(const Role& role) {
    Role stored = role;
    stored.builtin = false;
    return stored;
  }

  State& state_;
  const TransactionMode mode_;
  std::unique_lock<std::shared_mutex> exclusive_;
  std::shared_lock<std::shared_mutex> shared_;
  // How to undo each write, oldest first; emptied by commit().
  std::vector<std::function<void()>> undo_;
  bool committed_ = false;
};

class MemoryStorage final : public Storage {
 public:
  std::unique_ptr<Transaction> begin(TransactionMode mode) override {
    return std::make_unique<MemoryTransaction>(mutex_, state_, mode);
  }

 private:
  std::shared_mutex mutex_;
  State state_;
};

}  // namespace

std::unique_ptr<Storage> make_memory_storage() {
  return std::make_unique<MemoryStorage>();
}

}  // namespace lms
