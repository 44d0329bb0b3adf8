// SPDX-License-Identifier: Apache-2.0
//
// A small organisation for the access-control tests, built through the
// Engine by the system principal: tenant "acme" with an org tree
//   corp -> sales, corp -> eng
// users with a manager chain (boss -> mgr -> emp in sales; mgr2 -> peer in
// eng), two courses c1 and c2, a custom role "custom", one override, and
// the assignments
//   admin: tenant_admin at the tenant    author: author at the tenant
//   inst1: instructor at course c1        inst2: instructor at course c2
//   learner: learner at course c1         susp: tenant_admin (suspended)
// and a second tenant "globex" whose admin2 is its tenant_admin. One World
// per test case; not shared between threads.

#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "lms/limits.hpp"
#include "unit/engine_fixture.hpp"

namespace lms::testing {

struct AccessWorld {
  explicit AccessWorld(EngineBackend backend)
      : AccessWorld(make_storage(backend)) {}
  // Over `storage`, with an access cache TTL of `ttl` (see EngineOptions).
  explicit AccessWorld(
      std::unique_ptr<Storage> storage,
      std::optional<std::chrono::milliseconds> ttl = std::nullopt)
      : engine(std::move(storage),
               EngineOptions{.clock = clock, .access_cache_ttl = ttl}) {
    tenant = engine.create_tenant(system, {"acme", "Acme"}).id;
    other = engine.create_tenant(system, {"globex", "Globex"}).id;
    engine.create_org_unit(system, tenant, {"corp", "Corp", ""});
    engine.create_org_unit(system, tenant, {"sales", "Sales", "corp"});
    engine.create_org_unit(system, tenant, {"eng", "Engineering", "corp"});
    for (const char* key : {"admin", "author", "inst1", "inst2", "susp"})
      user(key, "");
    user("boss", "sales");
    user("mgr", "sales", "boss");
    user("emp", "sales", "mgr");
    user("mgr2", "eng");
    user("peer", "eng", "mgr2");
    user("learner", "sales");
    engine.create_course(system, tenant, course_spec("c1"));
    engine.create_course(system, tenant, course_spec("c2"));
    engine.create_role(system, tenant,
                       {"custom",
                        "Custom",
                        {{Permission::course_view, PermissionValue::allow}}});
    assign("admin", kRoleTenantAdmin, Scope::tenant());
    assign("author", kRoleAuthor, Scope::tenant());
    assign("inst1", kRoleInstructor, Scope::course("c1"));
    assign("inst2", kRoleInstructor, Scope::course("c2"));
    learner_assignment = assign("learner", kRoleLearner, Scope::course("c1"));
    assign("susp", kRoleTenantAdmin, Scope::tenant());
    UserUpdate suspend;
    suspend.status = UserStatus::suspended;
    engine.update_user(system, tenant, "susp", suspend);
    engine.set_override(
        system, tenant,
        {std::string{kRoleLearner}, Scope::course("c2"),
         Permission::progress_record, PermissionValue::prevent});
    engine.create_user(system, other, user_record("admin2"));
    engine.assign_role(
        system, other,
        {"admin2", std::string{kRoleTenantAdmin}, Scope::tenant(), {}, {}});
  }

  void user(const std::string& key, const std::string& unit,
            const std::string& manager = {}) {
    UserRecord record = user_record(key, unit);
    record.manager_key = manager;
    engine.create_user(system, tenant, record);
  }

  std::int64_t assign(const std::string& user, std::string_view role,
                      const Scope& scope) {
    return engine
        .assign_role(
            system, tenant,
            {user, std::string{role}, scope, std::nullopt, std::nullopt})
        .id;
  }

  // Every event of `t`.
  std::vector<Event> events(TenantId t) {
    return engine.events_after(system, t, 0, limits::kPageSize);
  }

  std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>(
      from_unix_ms(1'767'225'600'000));  // 2026-01-01
  Engine engine;
  const Actor system = Actor::system();
  TenantId tenant = 0;
  TenantId other = 0;
  std::int64_t learner_assignment = 0;
};

}  // namespace lms::testing
