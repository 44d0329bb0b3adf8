// SPDX-License-Identifier: Apache-2.0
//
// Tenant isolation under random load: three tenants built with the same
// keys (and a few keys of their own), then thousands of random operations
// by random actors -- users of any tenant, and the system principal --
// against random tenants. After each operation: every record a call
// returned is one of the addressed tenant's own records (records carry
// their tenant in their names, so a leak cannot pass for a twin), and no
// other tenant's data changed; a refused call appended no event anywhere.
// Seeded from GoogleTest's random seed: replay a failure with
// --gtest_random_seed. Runs on every backend. Single-threaded.

#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "lms/json.hpp"
#include "lms/limits.hpp"
#include "unit/engine_fixture.hpp"

namespace lms::testing {
namespace {

// A tenant's records by kind ("users", "courses", ...) and key, as JSON.
using Snapshot = std::map<std::string, std::map<std::string, std::string>>;

class AccessIsolationTest : public ::testing::TestWithParam<EngineBackend> {
 protected:
  void SetUp() override {
    for (const char* key : {"t0", "t1", "t2"})
      tenants_.push_back(engine_.create_tenant(system_, {key, key}).id);
    for (const TenantId t : tenants_) {
      engine_.create_org_unit(system_, t, {"corp", tagged("Corp", t), ""});
      engine_.create_org_unit(system_, t,
                              {"sales", tagged("Sales", t), "corp"});
      for (int i = 0; i < 8; ++i) {
        UserRecord record = user_record(user_key(i), i < 4 ? "sales" : "");
        record.display_name = tagged(record.key, t);
        if (i > 0) record.manager_key = user_key(i / 2);
        engine_.create_user(system_, t, record);
      }
      engine_.create_user(system_, t, user_record("only-" + std::to_string(t)));
      for (int i = 0; i < 3; ++i) {
        CourseSpec spec = course_spec("c" + std::to_string(i));
        spec.title = tagged(spec.key, t);
        engine_.create_course(system_, t, spec);
      }
      const auto assign = [&](int user, std::string_view role, Scope scope) {
        engine_.assign_role(system_, t,
                            {user_key(user), std::string{role}, scope, {}, {}});
      };
      assign(0, kRoleTenantAdmin, Scope::tenant());
      assign(1, kRoleAuthor, Scope::tenant());
      assign(2, kRoleInstructor, Scope::course("c0"));
      assign(3, kRoleLearner, Scope::course("c0"));
      assign(4, kRoleAuditor, Scope::org_unit("sales"));
    }
    for (const TenantId t : tenants_) {
      snapshots_[t] = snapshot(t);
      read_new_events(t);
    }
  }

  static std::string user_key(int i) { return "u" + std::to_string(i); }
  static std::string tagged(const std::string& text, TenantId t) {
    return text + " of t" + std::to_string(t);
  }

  Snapshot snapshot(TenantId t) {
    // Every kind present, empty or not: the operations look kinds up.
    Snapshot s{{"users", {}}, {"org_units", {}},   {"courses", {}},
               {"roles", {}}, {"assignments", {}}, {"overrides", {}}};
    UserQuery users;
    users.limit = limits::kPageSize;
    do {
      const UserPage page = engine_.list_users(system_, t, users);
      for (const User& u : page.users) s["users"][u.key] = to_json(u).dump();
      users.after = page.next_after;
    } while (!users.after.empty());
    for (const OrgUnit& u : engine_.list_org_subtree(system_, t))
      s["org_units"][u.key] = to_json(u).dump();
    CourseQuery courses;
    courses.limit = limits::kPageSize;
    do {
      const CoursePage page = engine_.list_courses(system_, t, courses);
      for (const Course& c : page.courses)
        s["courses"][c.key] = to_json(c).dump();
      courses.after = page.next_after;
    } while (!courses.after.empty());
    for (const Role& r : engine_.list_roles(system_, t))
      s["roles"][r.key] = to_json(r).dump();
    for (const Assignment& a : engine_.list_assignments(system_, t, {}))
      s["assignments"][std::to_string(a.id)] = to_json(a).dump();
    for (const Override& o : engine_.list_overrides(system_, t))
      s["overrides"][to_json(o).dump()] = to_json(o).dump();
    return s;
  }

  // Reads the events of `t` appended since the last call into events_[t];
  // returns how many there were. The log is append-only, so a run need not
  // read it whole after every operation.
  std::size_t read_new_events(TenantId t) {
    auto& events = events_[t];
    std::int64_t after = events.empty() ? 0 : last_seq_[t];
    std::size_t count = 0;
    for (;;) {
      const auto page =
          engine_.events_after(system_, t, after, limits::kPageSize);
      if (page.empty()) return count;
      for (const Event& e : page)
        events[std::to_string(e.seq)] = to_json(e).dump();
      count += page.size();
      after = last_seq_[t] = page.back().seq;
    }
  }

  // Fails unless `json` is the addressed tenant's record `key` of `kind`.
  void expect_own(TenantId t, const std::string& kind, const std::string& key,
                  const Json& json) {
    const auto& records = snapshots_[t][kind];
    const auto it = records.find(key);
    ASSERT_NE(it, records.end()) << kind << " '" << key << "' of tenant " << t;
    EXPECT_EQ(it->second, json.dump()) << kind << " of tenant " << t;
  }

  std::shared_ptr<ManualClock> clock_ =
      std::make_shared<ManualClock>(from_unix_ms(1'767'225'600'000));
  Engine engine_{make_storage(GetParam()), EngineOptions{clock_}};
  const Actor system_ = Actor::system();
  std::vector<TenantId> tenants_;
  std::map<TenantId, Snapshot> snapshots_;
  std::map<TenantId, std::map<std::string, std::string>> events_;
  std::map<TenantId, std::int64_t> last_seq_;
};

TEST_P(AccessIsolationTest, RandomOperationsNeverCrossTenants) {
  const unsigned seed = ::testing::UnitTest::GetInstance()->random_seed();
  std::mt19937 rng(seed);
  const auto pick = [&](std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
  };
  const std::vector<std::string> units{"corp", "sales", "new-unit", "nope"};
  const std::vector<std::string> courses{"c0", "c1", "c2", "new-course"};
  const std::vector<std::string> roles{"tenant_admin", "author", "instructor",
                                       "learner",      "custom", "nope"};
  const auto random_scope = [&] {
    switch (pick(3)) {
      case 0:
        return Scope::tenant();
      case 1:
        return Scope::org_unit(units[pick(units.size())]);
      default:
        return Scope::course(courses[pick(courses.size())]);
    }
  };
  const int operations = GetParam() == EngineBackend::memory ? 3000 : 1500;
  for (int n = 0; n < operations; ++n) {
    const TenantId t = tenants_[pick(tenants_.size())];
    const Actor actor = pick(4) == 0
                            ? system_
                            : Actor::user(user_key(static_cast<int>(pick(9))));
    const std::string user = pick(10) == 0
                                 ? "only-" + std::to_string(tenants_[pick(3)])
                                 : user_key(static_cast<int>(pick(9)));
    const std::string unit = units[pick(units.size())];
    const std::string course = courses[pick(courses.size())];
    const std::string role = roles[pick(roles.size())];
    const Permission permission =
        all_permissions()[pick(all_permissions().size())];
    const int op = static_cast<int>(pick(26));
    SCOPED_TRACE("seed " + std::to_string(seed) + " op " + std::to_string(n) +
                 " kind " + std::to_string(op) + " by " + actor.to_string() +
                 " in tenant " + std::to_string(t));
    bool write = false;
    bool failed = false;
    try {
      switch (op) {
        case 0:
          expect_own(t, "users", user,
                     to_json(engine_.get_user(actor, t, user)));
          break;
        case 1:
          for (const User& u : engine_.list_users(actor, t, {}).users)
            expect_own(t, "users", u.key, to_json(u));
          break;
        case 2: {
          write = true;
          UserUpdate update;
          update.display_name = tagged("renamed " + std::to_string(n), t);
          if (pick(2) == 0) update.org_unit = unit;
          engine_.update_user(actor, t, user, update);
          break;
        }
        case 3: {
          write = true;
          UserRecord record = user_record("n" + std::to_string(pick(20)), unit);
          record.display_name = tagged(record.key, t);
          engine_.create_user(actor, t, record);
          break;
        }
        case 4:
          expect_own(t, "org_units", unit,
                     to_json(engine_.get_org_unit(actor, t, unit)));
          break;
        case 5:
          for (const OrgUnit& u : engine_.list_org_subtree(actor, t))
            expect_own(t, "org_units", u.key, to_json(u));
          break;
        case 6:
          write = true;
          engine_.create_org_unit(actor, t,
                                  {"new-unit", tagged("New", t), "corp"});
          break;
        case 7:
          write = true;
          engine_.move_org_unit(actor, t, unit, pick(2) ? "" : "corp");
          break;
        case 8:
          expect_own(t, "courses", course,
                     to_json(engine_.get_course(actor, t, course)));
          break;
        case 9:
          for (const Course& c : engine_.list_courses(actor, t, {}).courses)
            expect_own(t, "courses", c.key, to_json(c));
          break;
        case 10: {
          write = true;
          CourseSpec spec = course_spec("new-course");
          spec.title = tagged("New", t);
          engine_.create_course(actor, t, spec);
          break;
        }
        case 11: {
          write = true;
          CourseUpdate update;
          update.title = tagged("title " + std::to_string(n), t);
          engine_.update_course(actor, t, course, update);
          break;
        }
        case 12:
          write = true;
          if (pick(2) == 0) {
            engine_.publish_course(actor, t, course);
          } else {
            engine_.archive_course(actor, t, course);
          }
          break;
        case 13:
          write = true;
          engine_.create_role(actor, t,
                              {"custom",
                               tagged("Custom", t),
                               {{permission, PermissionValue::allow}}});
          break;
        case 14:
          write = true;
          engine_.update_role(
              actor, t, "custom",
              {{permission, pick(2) == 0 ? PermissionValue::allow
                                         : PermissionValue::prohibit}});
          break;
        case 15:
          for (const Role& r : engine_.list_roles(actor, t))
            expect_own(t, "roles", r.key, to_json(r));
          break;
        case 16:
          write = true;
          engine_.assign_role(actor, t, {user, role, random_scope(), {}, {}});
          break;
        case 17: {
          write = true;
          const auto& ids = snapshots_[tenants_[pick(3)]]["assignments"];
          std::int64_t id = 999999;
          if (!ids.empty()) {
            auto it = ids.begin();
            std::advance(it, static_cast<long>(pick(ids.size())));
            id = std::stoll(it->first);
          }
          engine_.unassign_role(actor, t, id);
          break;
        }
        case 18:
          for (const Assignment& a : engine_.list_assignments(actor, t, {}))
            expect_own(t, "assignments", std::to_string(a.id), to_json(a));
          break;
        case 19:
          write = true;
          engine_.set_override(actor, t,
                               {role, random_scope(), permission,
                                static_cast<PermissionValue>(pick(3))});
          break;
        case 20:
          write = true;
          engine_.clear_override(actor, t, role, random_scope(), permission);
          break;
        case 21:
          for (const Override& o : engine_.list_overrides(actor, t))
            expect_own(t, "overrides", to_json(o).dump(), to_json(o));
          break;
        case 22:
          for (const Event& e : engine_.events_after(actor, t, 0, 1000)) {
            const auto it = events_[t].find(std::to_string(e.seq));
            ASSERT_NE(it, events_[t].end()) << "event " << e.seq;
            EXPECT_EQ(it->second, to_json(e).dump());
          }
          break;
        case 23: {
          const auto kind = static_cast<ResourceKind>(1 + pick(3));
          const std::string kinds[] = {"", "users", "org_units", "courses"};
          for (const std::string& key :
               engine_.visible(actor, t, permission, kind))
            EXPECT_TRUE(
                snapshots_[t][kinds[static_cast<int>(kind)]].contains(key))
                << key;
          break;
        }
        case 24: {
          const Resource resource =
              pick(2) == 0 ? Resource::user(user) : Resource::course(course);
          const Decision d = engine_.explain(actor, t, permission, resource);
          EXPECT_EQ(d.allowed, engine_.check(actor, t, permission, resource));
          break;
        }
        default: {
          write = true;
          UserRecord record = user_record(user, pick(2) ? "sales" : "");
          record.display_name = tagged("synced " + std::to_string(n), t);
          const UserRecord batch[] = {record};
          engine_.sync_users(actor, t, batch);
          break;
        }
      }
    } catch (const Error& e) {
      failed = true;
      ASSERT_NE(e.code(), ErrorCode::internal) << e.what();
      ASSERT_NE(e.code(), ErrorCode::storage) << e.what();
    }
    if (HasFatalFailure()) return;
    if (!write) continue;
    // A refused call rolls its transaction back: no tenant gains an event.
    // The records are compared whole after every call that went through,
    // which is what could have touched another tenant.
    for (const TenantId other : tenants_) {
      const std::size_t appended = read_new_events(other);
      if (other != t || failed) {
        ASSERT_EQ(appended, 0u) << "events appended to tenant " << other;
      }
    }
    if (failed) continue;
    for (const TenantId other : tenants_) {
      Snapshot now = snapshot(other);
      if (other != t) {
        ASSERT_EQ(now, snapshots_[other])
            << "a call on tenant " << t << " changed tenant " << other;
      }
      snapshots_[other] = std::move(now);
    }
    // Time moves on, so that a later write differs from an earlier one.
    clock_->advance(std::chrono::seconds(1));
  }
}

INSTANTIATE_TEST_SUITE_P(Engine, AccessIsolationTest,
                         ::testing::Values(EngineBackend::memory,
                                           EngineBackend::sqlite),
                         backend_name);

}  // namespace
}  // namespace lms::testing
