// SPDX-License-Identifier: Apache-2.0
//
// The storage interface: everything the engine keeps goes through it, so a
// host can plug in its own backend. A Storage hands out Transactions; the
// engine does the reads and writes of one API call, and the event for it,
// inside one Transaction, grouped by aggregate (directory, catalog, access,
// enrolments, events).
//
// Contracts every backend keeps (the conformance suite checks them):
// - Every read and write is scoped to the TenantId it is given; no call
//   returns or changes another tenant's record.
// - A Transaction that is destroyed without commit() leaves no trace.
// - Write transactions are serialised; a read transaction sees one
//   consistent state.
// - Lists come back ordered by key (org units: parents before children).
// - Failures throw Error{storage} (or already_exists on a duplicate key,
//   which the services normally rule out by reading first).
//
// Thread safety: a Storage is safe for concurrent use from multiple threads;
// a Transaction belongs to the thread that began it.

#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lms/access.hpp"
#include "lms/course.hpp"
#include "lms/enrolment.hpp"
#include "lms/event.hpp"
#include "lms/export.hpp"
#include "lms/org_unit.hpp"
#include "lms/progress.hpp"
#include "lms/tenant.hpp"
#include "lms/user.hpp"

namespace lms {

// Which users an actor may see, as one set-based filter: a user matches
// when any clause matches.
struct UserVisibility {
  bool everyone = false;  // every user of the tenant
  // Users whose org unit is one of these (sorted, unique; exact units --
  // the caller has expanded subtrees).
  std::vector<std::string> org_units;
  // Users without an org unit.
  bool without_org_unit = false;
  // Non-empty: users below this key in the manager chain, directly or not,
  // except those whose org unit is in reports_excluded_org_units (sorted).
  std::string reports_of;
  std::vector<std::string> reports_excluded_org_units;
  // Non-empty: this user.
  std::string self;
};

// Tenants, org units and users.
class LMS_API DirectoryStore {
 public:
  virtual ~DirectoryStore() = default;

  // Adds a tenant and returns its new id (ids start at 1 and are never
  // reused).
  virtual TenantId insert_tenant(const TenantSpec& spec, Timestamp now) = 0;
  virtual std::optional<Tenant> find_tenant(TenantId id) = 0;
  virtual std::optional<Tenant> find_tenant_by_key(std::string_view key) = 0;
  virtual std::vector<Tenant> list_tenants() = 0;  // ordered by id

  virtual void insert_org_unit(TenantId tenant, const OrgUnit& unit) = 0;
  // Replaces the stored unit with the same key.
  virtual void update_org_unit(TenantId tenant, const OrgUnit& unit) = 0;
  virtual std::optional<OrgUnit> find_org_unit(TenantId tenant,
                                               std::string_view key) = 0;
  // The unit `root` and every unit below it, parents before children and
  // siblings by key; the whole forest when `root` is empty.
  virtual std::vector<OrgUnit> list_org_subtree(TenantId tenant,
                                                std::string_view root) = 0;

  virtual void insert_user(TenantId tenant, const User& user) = 0;
  // Replaces the stored user with the same key.
  virtual void update_user(TenantId tenant, const User& user) = 0;
  virtual std::optional<User> find_user(TenantId tenant,
                                        std::string_view key) = 0;
  // The users among `keys` (sorted ascending, unique) that exist, by key.
  // Default: find_user for each key.
  virtual std::vector<User> find_users(TenantId tenant,
                                       std::span<const std::string> keys);
  // One page of users matching `query` (see UserQuery), by key.
  virtual UserPage list_users(TenantId tenant, const UserQuery& query) = 0;
  // Every user key of the tenant, ascending.
  virtual std::vector<std::string> list_user_keys(TenantId tenant) = 0;

  // The keys of `user_key`'s managers, nearest first, following
  // manager_key. Stops at an empty or unknown manager key, at a key already
  // seen (a cycle in HR data) and after 64 steps. Default: find_user for
  // each step.
  virtual std::vector<std::string> manager_chain(TenantId tenant,
                                                 std::string_view user_key);
  // The keys of the users `visibility` matches, ascending, in one set-based
  // query. Default: generic code over list_user_keys and find_user.
  virtual std::vector<std::string> visible_user_keys(
      TenantId tenant, const UserVisibility& visibility);
};

// Courses.
class LMS_API CatalogStore {
 public:
  virtual ~CatalogStore() = default;

  virtual void insert_course(TenantId tenant, const Course& course) = 0;
  // Replaces the stored course with the same key.
  virtual void update_course(TenantId tenant, const Course& course) = 0;
  virtual std::optional<Course> find_course(TenantId tenant,
                                            std::string_view key) = 0;
  virtual CoursePage list_courses(TenantId tenant,
                                  const CourseQuery& query) = 0;
};

// Custom roles, assignments and overrides. Built-in roles are not stored:
// they are the same in every tenant (see rbac in the engine).
class LMS_API AccessStore {
 public:
  virtual ~AccessStore() = default;

  virtual void insert_role(TenantId tenant, const Role& role) = 0;
  // Replaces the stored role with the same key; not_found when absent.
  virtual void update_role(TenantId tenant, const Role& role) = 0;
  virtual std::optional<Role> find_role(TenantId tenant,
                                        std::string_view key) = 0;
  virtual std::vector<Role> list_roles(TenantId tenant) = 0;  // by key

  // Stores `assignment` (its id is ignored) and returns the id assigned.
  virtual std::int64_t insert_assignment(TenantId tenant,
                                         const Assignment& assignment) = 0;
  // Removes the assignment; not_found when absent.
  virtual void delete_assignment(TenantId tenant, std::int64_t id) = 0;
  virtual std::optional<Assignment> find_assignment(TenantId tenant,
                                                    std::int64_t id) = 0;
  // The assignments matching `query`, by id.
  virtual std::vector<Assignment> list_assignments(
      TenantId tenant, const AssignmentQuery& query) = 0;

  // Sets the override for (role, scope, permission), replacing any.
  virtual void put_override(TenantId tenant, const Override& override) = 0;
  // Removes it; not_found when absent.
  virtual void delete_override(TenantId tenant, std::string_view role_key,
                               const Scope& scope, Permission permission) = 0;
  // Every override of the tenant, by role key, scope and permission.
  virtual std::vector<Override> list_overrides(TenantId tenant) = 0;
};

// Enrolments and the progress of each. A user has at most one active
// enrolment (is_active) per course and one enrolment per cycle: a second is
// Error{already_exists}, also when two writers race (a unique constraint,
// not a read first).
class LMS_API EnrolmentStore {
 public:
  virtual ~EnrolmentStore() = default;

  // Stores `enrolment` (its id is ignored) and returns the id assigned.
  // The user and the course must exist (Error{storage} otherwise).
  virtual std::int64_t insert_enrolment(TenantId tenant,
                                        const Enrolment& enrolment) = 0;
  // Stores each of `enrolments` as insert_enrolment() does, in order, and
  // returns their ids in the same order. Default: insert_enrolment for
  // each.
  virtual std::vector<std::int64_t> insert_enrolments(
      TenantId tenant, std::span<const Enrolment> enrolments);
  // Replaces the stored enrolment with the same id; not_found when absent.
  virtual void update_enrolment(TenantId tenant,
                                const Enrolment& enrolment) = 0;
  virtual std::optional<Enrolment> find_enrolment(TenantId tenant,
                                                  std::int64_t id) = 0;
  // The latest cycle of each of `user_keys` (sorted ascending, unique) in
  // course `course_key`, for the users that have any, by user key.
  virtual std::vector<Enrolment> latest_enrolments(
      TenantId tenant, std::string_view course_key,
      std::span<const std::string> user_keys) = 0;
  // One page of enrolments matching `query`, by id.
  virtual EnrolmentPage list_enrolments(TenantId tenant,
                                        const EnrolmentQuery& query) = 0;

  // Stores `progress`, replacing what was kept for the same enrolment and
  // activity. The enrolment must exist (Error{storage} otherwise).
  virtual void put_progress(TenantId tenant,
                            const ActivityProgress& progress) = 0;
  // What is kept for enrolment `enrolment_id`, by activity key.
  virtual std::vector<ActivityProgress> list_progress(
      TenantId tenant, std::int64_t enrolment_id) = 0;
};

// The append-only event log.
class LMS_API EventStore {
 public:
  virtual ~EventStore() = default;

  // Appends `event` (its seq is ignored) and returns the seq assigned:
  // greater than every committed seq. (A rolled-back seq may be reused; no
  // reader ever saw it.)
  virtual std::int64_t append_event(const Event& event) = 0;
  // Up to `limit` events of `tenant` with seq > `after`, in seq order.
  virtual std::vector<Event> events_after(TenantId tenant, std::int64_t after,
                                          std::size_t limit) = 0;
};

// One unit of work. The destructor rolls back unless commit() ran.
class LMS_API Transaction {
 public:
  Transaction() = default;
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  virtual ~Transaction() = default;

  // Makes every write durable at once. REQUIRES: a write transaction, not
  // yet committed. Throws Error{storage} when the backend fails; then
  // nothing is written.
  virtual void commit() = 0;

  virtual DirectoryStore& directory() = 0;
  virtual CatalogStore& catalog() = 0;
  virtual EventStore& events() = 0;
  // Default: throws Error{not_supported} (a backend written before access
  // control).
  virtual AccessStore& access();
  // Default: throws Error{not_supported} (a backend written before
  // enrolments).
  virtual EnrolmentStore& enrolments();
};

enum class TransactionMode : std::int32_t { read = 0, write = 1 };

// Optional features a backend reports in Storage::capabilities().
enum StorageCapability : std::uint64_t {
  // The data outlives the process.
  kStorageDurable = 1u << 0,
  // Readers run concurrently with the writer.
  kStorageConcurrentReads = 1u << 1,
};

class LMS_API Storage {
 public:
  Storage() = default;
  Storage(const Storage&) = delete;
  Storage& operator=(const Storage&) = delete;
  virtual ~Storage() = default;

  // Begins a transaction. A write transaction waits for the previous writer
  // to finish. Writes through a read transaction are a bug
  // (Error{internal}).
  virtual std::unique_ptr<Transaction> begin(TransactionMode mode) = 0;

  // StorageCapability bits. Default: none.
  virtual std::uint64_t capabilities() const { return 0; }
};

struct SqliteOptions {
  // Milliseconds a connection waits for another process's lock.
  // Default: 5000.
  int busy_timeout_ms = 5000;
  // Read connections kept for concurrent readers (file databases only).
  // Default: 4.
  int read_connections = 4;
};

// Opens (creating it when missing) an SQLite database: a file path, or
// ":memory:" for a private in-memory database. An older schema is migrated
// forward in one transaction; a database written by a newer library is
// refused with Error{storage} saying both versions.
LMS_API std::unique_ptr<Storage> open_sqlite(const std::string& path,
                                             const SqliteOptions& options = {});

// A backend that keeps everything in process memory: for tests and for
// course authors' offline checks.
LMS_API std::unique_ptr<Storage> make_memory_storage();

// The schema version this library writes.
LMS_API int sqlite_schema_version();

}  // namespace lms
