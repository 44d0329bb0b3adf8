// SPDX-License-Identifier: Apache-2.0
//
// lms::Engine is the C++ API: every operation of the library is a member
// function here. Each call names its actor, checks at the engine's one
// authorization point that the actor may do it, then does its reads and
// writes -- and appends the event for every change -- in one storage
// transaction. A call that throws has written nothing.
//
// Access control (README.md, "Access control"): the system principal may do
// everything; a user of the tenant may do what their roles allow on the
// resource a call touches -- roles from assignments at scopes covering it,
// the learner role on their own record, the manager role over everyone below
// them in the manager chain -- resolved as in Moodle. A denial is
// Error{permission_denied} naming actor, permission and scope. An id or key
// of another tenant is Error{not_found}, whoever asks. List calls filter
// instead of failing.
//
// Thread safety: an Engine is safe for concurrent use from multiple threads
// without external synchronization.

#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lms/access.hpp"
#include "lms/actor.hpp"
#include "lms/clock.hpp"
#include "lms/course.hpp"
#include "lms/enrolment.hpp"
#include "lms/event.hpp"
#include "lms/export.hpp"
#include "lms/org_unit.hpp"
#include "lms/permission.hpp"
#include "lms/progress.hpp"
#include "lms/storage.hpp"
#include "lms/tenant.hpp"
#include "lms/user.hpp"
#include "lms/user_sync.hpp"

namespace lms {

struct EngineOptions {
  // Where the engine reads time. Default: the system clock.
  std::shared_ptr<Clock> clock = nullptr;
  // How long the engine may answer access checks from what it read before,
  // by `clock`. The engine caches each tenant's roles and overrides, each
  // actor's assignments and every decision, and drops what a write through
  // this Engine changes the moment it commits. Writes that bypass it --
  // another Engine or process on the same database -- are seen once what
  // they changed is older than this. Default (unset): until this Engine
  // changes it, right when this Engine is the database's only writer. Zero
  // turns the cache off. Throws invalid_argument when negative.
  std::optional<std::chrono::milliseconds> access_cache_ttl = std::nullopt;
};

class LMS_API Engine {
 public:
  // An engine over `storage`, which it owns. REQUIRES: storage != nullptr.
  explicit Engine(std::unique_ptr<Storage> storage, EngineOptions options = {});
  // An engine over the SQLite database at `path` (see open_sqlite).
  static Engine open(const std::string& path, EngineOptions options = {});

  Engine(Engine&&) noexcept;
  Engine& operator=(Engine&&) noexcept;
  ~Engine();

  const Clock& clock() const;

  // --- Tenants (system principal only) ---------------------------------
  // Throws already_exists when the key is taken.
  Tenant create_tenant(const Actor& actor, const TenantSpec& spec);
  Tenant get_tenant(const Actor& actor, TenantId tenant);
  std::vector<Tenant> list_tenants(const Actor& actor);

  // --- Users ------------------------------------------------------------
  // Throws already_exists for a taken key, not_found for an unknown org unit.
  User create_user(const Actor& actor, TenantId tenant,
                   const UserRecord& record);
  User get_user(const Actor& actor, TenantId tenant, std::string_view key);
  // Changes the fields `update` sets; an update that changes nothing writes
  // nothing and appends no event.
  User update_user(const Actor& actor, TenantId tenant, std::string_view key,
                   const UserUpdate& update);
  UserPage list_users(const Actor& actor, TenantId tenant,
                      const UserQuery& query);

  // Applies an HR batch as a diff (see user_sync.hpp): creates new keys,
  // updates changed ones, leaves unchanged ones untouched and, in full mode,
  // applies the missing policy. All or nothing: any invalid record (named by
  // its position and key) rejects the whole batch. The same batch twice
  // changes nothing the second time.
  SyncResult sync_users(const Actor& actor, TenantId tenant,
                        std::span<const UserRecord> batch,
                        const SyncOptions& options = {});

  // --- Org units ---------------------------------------------------------
  OrgUnit create_org_unit(const Actor& actor, TenantId tenant,
                          const OrgUnitSpec& spec);
  OrgUnit get_org_unit(const Actor& actor, TenantId tenant,
                       std::string_view key);
  // Moves `key` under `new_parent` (empty: make it a root). Throws
  // invalid_argument when that would make a cycle.
  OrgUnit move_org_unit(const Actor& actor, TenantId tenant,
                        std::string_view key, std::string_view new_parent);
  // `root` and its subtree, parents first; every unit when `root` is empty.
  std::vector<OrgUnit> list_org_subtree(const Actor& actor, TenantId tenant,
                                        std::string_view root = {});

  // --- Courses -----------------------------------------------------------
  // A new course is a draft at version 1. Throws not_found for an unknown
  // prerequisite.
  Course create_course(const Actor& actor, TenantId tenant,
                       const CourseSpec& spec);
  Course get_course(const Actor& actor, TenantId tenant, std::string_view key);
  // Bumps the version when anything changes. Throws conflict for an archived
  // course, invalid_argument when the prerequisites would make a cycle.
  Course update_course(const Actor& actor, TenantId tenant,
                       std::string_view key, const CourseUpdate& update);
  // draft -> published. Throws conflict from any other status.
  Course publish_course(const Actor& actor, TenantId tenant,
                        std::string_view key);
  // draft or published -> archived. Throws conflict when already archived.
  Course archive_course(const Actor& actor, TenantId tenant,
                        std::string_view key);
  CoursePage list_courses(const Actor& actor, TenantId tenant,
                          const CourseQuery& query);

  // --- Enrolments --------------------------------------------------------
  // Permissions on an enrolment are checked at the course and at the user
  // (README.md, "Enrolment and progress"): an instructor assigned at the
  // course, a manager of the user, an administrator of the user's unit.

  // Enrols `spec.user_key` in `spec.course_key` (needs enrolment.manage on
  // the enrolment). The enrolment is locked while the user has not
  // completed every prerequisite; its due date is `spec.due_at` or the
  // course's default. Throws not_found for an unknown user or course,
  // invalid_argument for a deprovisioned user or a due date in the past,
  // conflict for a course that is not published or outside its enrolment
  // window, already_exists when the user is active in the course.
  Enrolment enrol(const Actor& actor, TenantId tenant,
                  const EnrolmentSpec& spec);
  // The actor enrols themselves (needs enrolment.self on the enrolment,
  // which every user holds on their own through the learner role unless
  // an override at the course says otherwise); as enrol(), and conflict
  // when the course does not allow self-enrolment. Throws invalid_argument for
  // the system principal, which has no record.
  Enrolment enrol_self(const Actor& actor, TenantId tenant,
                       std::string_view course_key);
  // Enrols every request as enrol() does, in one transaction, all or
  // nothing; requests for users already active in the course are counted
  // instead of refused. Errors name the request ("enrolments[3].user_key").
  // Throws limit_exceeded beyond limits::kBulkEnrolments requests.
  BulkEnrolResult enrol_many(const Actor& actor, TenantId tenant,
                             std::span<const EnrolmentSpec> specs);
  // Takes the user out of the course (needs enrolment.manage). Throws
  // not_found for an unknown id, conflict for a completed, withdrawn or
  // expired enrolment.
  Enrolment withdraw(const Actor& actor, TenantId tenant,
                     std::int64_t enrolment_id);
  // Needs enrolment.view. Throws not_found for an unknown id.
  Enrolment get_enrolment(const Actor& actor, TenantId tenant,
                          std::int64_t enrolment_id);
  // The enrolments matching `query` that the actor may view, by id.
  EnrolmentPage list_enrolments(const Actor& actor, TenantId tenant,
                                const EnrolmentQuery& query);

  // --- Progress ------------------------------------------------------------
  // Records `update` on the user's current enrolment in the course (needs
  // progress.record on it) and moves the enrolment on: started, then
  // completed or failed by the course's completion rule; a completion
  // unlocks the user's enrolments waiting for it. Recording is monotonic
  // (see progress.hpp); an update that changes nothing writes nothing.
  // Throws not_found for an unknown course or activity or a user not
  // enrolled in the course, conflict when the enrolment is locked,
  // withdrawn or expired, invalid_argument for progress or score outside
  // 0..1 or a negative time.
  RecordedProgress record_progress(const Actor& actor, TenantId tenant,
                                   const ProgressUpdate& update);
  // What is kept of each activity of enrolment `enrolment_id`, by activity
  // key (needs progress.view). Throws not_found for an unknown id.
  std::vector<ActivityProgress> get_progress(const Actor& actor,
                                             TenantId tenant,
                                             std::int64_t enrolment_id);

  // --- Access control -----------------------------------------------------
  // Custom roles of the tenant (needs role.manage at the tenant, and holding
  // every permission the role allows). Throws already_exists for a taken
  // key, including a built-in role's.
  Role create_role(const Actor& actor, TenantId tenant, const RoleSpec& spec);
  // Replaces the permissions of custom role `key`. Built-in roles are
  // refused with conflict: override them at a scope instead.
  Role update_role(const Actor& actor, TenantId tenant, std::string_view key,
                   const std::map<Permission, PermissionValue>& permissions);
  Role get_role(const Actor& actor, TenantId tenant, std::string_view key);
  // Built-in roles first (in the order of access.hpp), then custom by key.
  std::vector<Role> list_roles(const Actor& actor, TenantId tenant);

  // Needs role.assign at the scope and holding there every permission the
  // role allows. Throws not_found for an unknown user, role or scope,
  // invalid_argument for a deprovisioned user or an empty validity window.
  Assignment assign_role(const Actor& actor, TenantId tenant,
                         const AssignmentSpec& spec);
  // Same rule as assign_role, at the assignment's scope.
  void unassign_role(const Actor& actor, TenantId tenant,
                     std::int64_t assignment_id);
  std::vector<Assignment> list_assignments(const Actor& actor, TenantId tenant,
                                           const AssignmentQuery& query);

  // Needs role.manage at the scope; allowing a permission needs holding it
  // there.
  void set_override(const Actor& actor, TenantId tenant,
                    const Override& override);
  void clear_override(const Actor& actor, TenantId tenant,
                      std::string_view role_key, const Scope& scope,
                      Permission permission);
  std::vector<Override> list_overrides(const Actor& actor, TenantId tenant);

  // Whether `subject` may do `permission` on `resource` in `tenant`: the
  // host asking on the subject's behalf, so no permission is needed to ask.
  // Throws not_found for an unknown tenant or resource.
  bool check(const Actor& subject, TenantId tenant, Permission permission,
             const Resource& resource);
  // check() with its reasons: every role that covers the resource and what
  // it said, where the deciding override sits, and any prohibit.
  Decision explain(const Actor& subject, TenantId tenant, Permission permission,
                   const Resource& resource);
  // The keys of every record of `kind` (user, org_unit or course) on which
  // `subject` holds `permission`, ascending; computed as one set-based
  // storage query for users. Throws invalid_argument for the tenant kind.
  std::vector<std::string> visible(const Actor& subject, TenantId tenant,
                                   Permission permission, ResourceKind kind);

  // --- Events ------------------------------------------------------------
  // Up to `limit` (1..limits::kPageSize) events of `tenant` after `after`,
  // in order. Needs events.consume on the tenant.
  std::vector<Event> events_after(const Actor& actor, TenantId tenant,
                                  std::int64_t after, std::size_t limit);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace lms
