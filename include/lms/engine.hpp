// SPDX-License-Identifier: Apache-2.0
//
// lms::Engine is the C++ API: every operation of the library is a member
// function here. Each call names its actor, checks at the engine's one
// authorization point that the actor may do it, then does its reads and
// writes -- and appends the event for every change -- in one storage
// transaction. A call that throws has written nothing.
//
// Access control: until role-based access control lands, the authorization
// point grants the system principal everything, grants an active user of the
// tenant the read-only permissions (user.view, orgunit.view, course.view),
// and denies everyone else with Error{permission_denied}.
//
// Thread safety: an Engine is safe for concurrent use from multiple threads
// without external synchronization.

#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lms/actor.hpp"
#include "lms/clock.hpp"
#include "lms/course.hpp"
#include "lms/event.hpp"
#include "lms/export.hpp"
#include "lms/org_unit.hpp"
#include "lms/storage.hpp"
#include "lms/tenant.hpp"
#include "lms/user.hpp"
#include "lms/user_sync.hpp"

namespace lms {

struct EngineOptions {
  // Where the engine reads time. Default: the system clock.
  std::shared_ptr<Clock> clock;
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

  // --- Events ------------------------------------------------------------
  // Up to `limit` (1..limits::kPageSize) events of `tenant` after `after`,
  // in order. Needs the system principal until consumers land.
  std::vector<Event> events_after(const Actor& actor, TenantId tenant,
                                  std::int64_t after, std::size_t limit);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace lms
