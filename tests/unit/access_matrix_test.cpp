// SPDX-License-Identifier: Apache-2.0
//
// The access matrix: every public Engine operation against every kind of
// actor, with the expected allow or deny written out as a table. A cell
// runs on a fresh AccessWorld (see access_fixture.hpp) whenever the cell
// before it was allowed, so that one cell's writes cannot decide another's;
// a denied cell must have written nothing, so the next one reuses its world.
// List calls never deny: their rows give the keys each actor gets. Runs on
// every backend. Single-threaded.

#include <algorithm>
#include <array>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "unit/access_fixture.hpp"

namespace lms::testing {
namespace {

// The columns of the tables, in order.
struct Column {
  const char* name;
  const char* actor;
  const char* tenant;   // "acme"; the other tenant's admin acts on acme too
  const char* subject;  // the user the row's user operations address
};

constexpr std::array<Column, 10> kColumns{{
    {"tenant admin", "admin", "acme", "emp"},
    {"author", "author", "acme", "emp"},
    {"instructor of the course", "inst1", "acme", "emp"},
    {"instructor of another course", "inst2", "acme", "emp"},
    {"manager of the subject", "mgr", "acme", "emp"},
    {"manager not of the subject", "mgr2", "acme", "emp"},
    {"learner on self", "learner", "acme", "learner"},
    {"learner on another", "learner", "acme", "emp"},
    {"suspended user", "susp", "acme", "emp"},
    {"admin of another tenant", "admin2", "acme", "emp"},
}};

// What an operation gets: the world, the actor and the subject user key.
// The course it addresses is always c1.
using Operation =
    std::function<void(AccessWorld&, const Actor&, const std::string&)>;

struct Row {
  const char* operation;
  // One character per column: 'A' allowed, 'D' permission_denied.
  const char* expected;
  Operation run;
};

UserRecord new_user(const Actor& actor) {
  return user_record("new-" + actor.user_key(), "sales");
}

const std::vector<Row>& rows() {
  using W = AccessWorld;
  using S = const std::string&;
  static const std::vector<Row> table = {
      // clang-format off
      // operation           admin .. admin2
      {"create_tenant",     "DDDDDDDDDD", [](W& w, const Actor& a, S) {
         w.engine.create_tenant(a, {"new", "New"}); }},
      {"get_tenant",        "DDDDDDDDDD", [](W& w, const Actor& a, S) {
         w.engine.get_tenant(a, w.tenant); }},
      {"list_tenants",      "DDDDDDDDDD", [](W& w, const Actor& a, S) {
         w.engine.list_tenants(a); }},
      {"create_user",       "ADDDDDDDDD", [](W& w, const Actor& a, S) {
         w.engine.create_user(a, w.tenant, new_user(a)); }},
      {"get_user",          "ADDDADADDD", [](W& w, const Actor& a, S s) {
         w.engine.get_user(a, w.tenant, s); }},
      {"update_user",       "ADDDDDDDDD", [](W& w, const Actor& a, S s) {
         UserUpdate u; u.display_name = "Renamed";
         w.engine.update_user(a, w.tenant, s, u); }},
      {"sync_users",        "ADDDDDDDDD", [](W& w, const Actor& a, S) {
         const UserRecord batch[] = {new_user(a)};
         w.engine.sync_users(a, w.tenant, batch); }},
      {"create_org_unit",   "ADDDDDDDDD", [](W& w, const Actor& a, S) {
         w.engine.create_org_unit(a, w.tenant, {"new", "New", "corp"}); }},
      {"get_org_unit",      "AADDDDDDDD", [](W& w, const Actor& a, S) {
         w.engine.get_org_unit(a, w.tenant, "sales"); }},
      {"move_org_unit",     "ADDDDDDDDD", [](W& w, const Actor& a, S) {
         w.engine.move_org_unit(a, w.tenant, "eng", "sales"); }},
      {"create_course",     "AADDDDDDDD", [](W& w, const Actor& a, S) {
         w.engine.create_course(a, w.tenant, course_spec("new")); }},
      {"get_course",        "AAADDDAADD", [](W& w, const Actor& a, S) {
         w.engine.get_course(a, w.tenant, "c1"); }},
      {"update_course",     "AADDDDDDDD", [](W& w, const Actor& a, S) {
         CourseUpdate u; u.title = "Renamed";
         w.engine.update_course(a, w.tenant, "c1", u); }},
      {"publish_course",    "AADDDDDDDD", [](W& w, const Actor& a, S) {
         w.engine.publish_course(a, w.tenant, "c1"); }},
      {"archive_course",    "AADDDDDDDD", [](W& w, const Actor& a, S) {
         w.engine.archive_course(a, w.tenant, "c1"); }},
      {"create_role",       "ADDDDDDDDD", [](W& w, const Actor& a, S) {
         w.engine.create_role(a, w.tenant, {"viewer", "Viewer",
             {{Permission::course_view, PermissionValue::allow}}}); }},
      {"update_role",       "ADDDDDDDDD", [](W& w, const Actor& a, S) {
         w.engine.update_role(a, w.tenant, "custom",
             {{Permission::course_view, PermissionValue::prohibit}}); }},
      {"get_role",          "ADDDDDDDDD", [](W& w, const Actor& a, S) {
         w.engine.get_role(a, w.tenant, "custom"); }},
      {"list_roles",        "ADDDDDDDDD", [](W& w, const Actor& a, S) {
         w.engine.list_roles(a, w.tenant); }},
      {"assign_role",       "ADDDDDDDDD", [](W& w, const Actor& a, S s) {
         w.engine.assign_role(a, w.tenant, {s, std::string{kRoleLearner},
             Scope::course("c2"), {}, {}}); }},
      {"unassign_role",     "ADDDDDDDDD", [](W& w, const Actor& a, S) {
         w.engine.unassign_role(a, w.tenant, w.learner_assignment); }},
      {"list_assignments",  "ADDDDDDDDD", [](W& w, const Actor& a, S) {
         w.engine.list_assignments(a, w.tenant, {}); }},
      {"set_override",      "ADDDDDDDDD", [](W& w, const Actor& a, S) {
         w.engine.set_override(a, w.tenant, {std::string{kRoleLearner},
             Scope::course("c1"), Permission::course_view,
             PermissionValue::prevent}); }},
      {"clear_override",    "ADDDDDDDDD", [](W& w, const Actor& a, S) {
         w.engine.clear_override(a, w.tenant, kRoleLearner,
             Scope::course("c2"), Permission::progress_record); }},
      {"list_overrides",    "ADDDDDDDDD", [](W& w, const Actor& a, S) {
         w.engine.list_overrides(a, w.tenant); }},
      {"check",             "AAAAAAAAAA", [](W& w, const Actor& a, S s) {
         w.engine.check(a, w.tenant, Permission::user_view,
                        Resource::user(s)); }},
      {"explain",           "AAAAAAAAAA", [](W& w, const Actor& a, S) {
         w.engine.explain(a, w.tenant, Permission::course_view,
                          Resource::course("c1")); }},
      {"visible",           "AAAAAAAAAA", [](W& w, const Actor& a, S) {
         w.engine.visible(a, w.tenant, Permission::user_view,
                          ResourceKind::user); }},
      {"events_after",      "ADDDDDDDDD", [](W& w, const Actor& a, S) {
         w.engine.events_after(a, w.tenant, 0, 10); }},
      // clang-format on
  };
  return table;
}

// The list calls: the keys each column's actor gets, separated by spaces.
struct ListRow {
  const char* operation;
  std::array<const char*, 10> expected;
  std::function<std::vector<std::string>(AccessWorld&, const Actor&)> run;
};

const std::vector<ListRow>& list_rows() {
  static const std::vector<ListRow> table = {
      {"list_users",
       {"admin author boss emp inst1 inst2 learner mgr mgr2 peer susp",
        "author", "inst1", "inst2", "emp mgr", "mgr2 peer", "learner",
        "learner", "", ""},
       [](AccessWorld& w, const Actor& a) {
         std::vector<std::string> keys;
         for (const auto& u : w.engine.list_users(a, w.tenant, {}).users)
           keys.push_back(u.key);
         return keys;
       }},
      {"list_org_subtree",
       {"corp eng sales", "corp eng sales", "", "", "", "", "", "", "", ""},
       [](AccessWorld& w, const Actor& a) {
         std::vector<std::string> keys;
         for (const auto& u : w.engine.list_org_subtree(a, w.tenant))
           keys.push_back(u.key);
         std::sort(keys.begin(), keys.end());
         return keys;
       }},
      {"list_courses",
       {"c1 c2", "c1 c2", "c1", "c2", "", "", "c1", "c1", "", ""},
       [](AccessWorld& w, const Actor& a) {
         std::vector<std::string> keys;
         for (const auto& c : w.engine.list_courses(a, w.tenant, {}).courses)
           keys.push_back(c.key);
         return keys;
       }},
  };
  return table;
}

std::string joined(const std::vector<std::string>& keys) {
  std::string text;
  for (const auto& key : keys) text += (text.empty() ? "" : " ") + key;
  return text;
}

class AccessMatrixTest : public ::testing::TestWithParam<EngineBackend> {};

TEST_P(AccessMatrixTest, EveryOperationAllowsExactlyTheTable) {
  std::optional<AccessWorld> fresh;
  for (const Row& row : rows()) {
    ASSERT_EQ(std::string{row.expected}.size(), kColumns.size())
        << row.operation;
    for (std::size_t i = 0; i < kColumns.size(); ++i) {
      const Column& column = kColumns[i];
      SCOPED_TRACE(std::string{row.operation} + " by " + column.name);
      if (!fresh) fresh.emplace(GetParam());
      AccessWorld& world = *fresh;
      const Actor actor = Actor::user(column.actor);
      const auto before = world.events(world.tenant);
      if (row.expected[i] == 'A') {
        EXPECT_NO_THROW(row.run(world, actor, column.subject));
        fresh.reset();
      } else {
        EXPECT_TRUE(
            fails_with([&] { row.run(world, actor, column.subject); },
                       ErrorCode::permission_denied,
                       "actor '" + std::string{column.actor} + "' lacks "));
        EXPECT_EQ(world.events(world.tenant).size(), before.size());
      }
    }
  }
}

TEST_P(AccessMatrixTest, ListCallsFilterToTheTable) {
  AccessWorld world(GetParam());
  for (const ListRow& row : list_rows()) {
    for (std::size_t i = 0; i < kColumns.size(); ++i) {
      SCOPED_TRACE(std::string{row.operation} + " by " + kColumns[i].name);
      EXPECT_EQ(joined(row.run(world, Actor::user(kColumns[i].actor))),
                row.expected[i]);
    }
  }
}

TEST_P(AccessMatrixTest, SystemPrincipalMayDoEverything) {
  for (const Row& row : rows()) {
    SCOPED_TRACE(row.operation);
    AccessWorld world(GetParam());
    EXPECT_NO_THROW(row.run(world, world.system, "emp"));
  }
}

INSTANTIATE_TEST_SUITE_P(Engine, AccessMatrixTest,
                         ::testing::Values(EngineBackend::memory,
                                           EngineBackend::sqlite),
                         backend_name);

}  // namespace
}  // namespace lms::testing
