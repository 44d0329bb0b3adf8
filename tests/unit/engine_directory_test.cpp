// SPDX-License-Identifier: Apache-2.0
//
// The engine's directory calls -- tenants, users, org units -- and its
// authorization point, on every backend: behaviour, events, and every
// documented error. Single-threaded.

#include <string>
#include <vector>

#include "lms/limits.hpp"
#include "unit/engine_fixture.hpp"

namespace lms::testing {
namespace {

using DirectoryTest = EngineTest;

TEST_P(DirectoryTest, CreateTenantAppendsEventToTheNewTenant) {
  const Tenant tenant = engine_.create_tenant(system_, {"globex", "Globex"});
  EXPECT_EQ(tenant.key, "globex");
  EXPECT_EQ(tenant.created_at, clock_->now());
  EXPECT_EQ(engine_.get_tenant(system_, tenant.id).name, "Globex");
  EXPECT_EQ(engine_.list_tenants(system_).size(), 2u);
  const auto log = events(tenant.id);
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].type, "tenant.created");
  EXPECT_EQ(log[0].subject, "globex");
  EXPECT_EQ(log[0].actor, "@system");
  EXPECT_EQ(log[0].payload.at("name"), "Globex");
  EXPECT_FALSE(log[0].payload.contains("created_at"));
}

TEST_P(DirectoryTest, CreateTenantWithTakenKeyIsAlreadyExists) {
  EXPECT_TRUE(fails_with(
      [&] {
        engine_.create_tenant(system_, {"acme", "Other"});
      },
      ErrorCode::already_exists, "key: tenant 'acme' already exists"));
}

TEST_P(DirectoryTest, GetUnknownTenantIsNotFound) {
  EXPECT_TRUE(fails_with([&] { engine_.get_tenant(system_, 999); },
                         ErrorCode::not_found,
                         "tenant: no tenant with id 999"));
}

TEST_P(DirectoryTest, TenantCallsNeedTheSystemPrincipal) {
  const Actor user = reader();
  EXPECT_TRUE(fails_with(
      [&] {
        engine_.create_tenant(user, {"x", "X"});
      },
      ErrorCode::permission_denied, "actor 'reader' lacks tenant.manage"));
  EXPECT_TRUE(fails_with([&] { engine_.list_tenants(user); },
                         ErrorCode::permission_denied, "tenant.manage"));
}

TEST_P(DirectoryTest, CallOnUnknownTenantIsNotFound) {
  EXPECT_TRUE(fails_with([&] { engine_.get_user(system_, 999, "u1"); },
                         ErrorCode::not_found,
                         "tenant: no tenant with id 999"));
  EXPECT_TRUE(
      fails_with([&] { engine_.create_user(system_, 999, user_record("u1")); },
                 ErrorCode::not_found, "tenant: no tenant with id 999"));
}

TEST_P(DirectoryTest, CreateUserKeepsEveryField) {
  engine_.create_org_unit(system_, tenant_, {"sales", "Sales", ""});
  UserRecord record = user_record("u1", "sales");
  record.manager_key = "boss";
  record.hire_date = Date{std::chrono::year{2024} / 3 / 1};
  record.attributes = {{"title", "Rep"}, {"level", 3}, {"remote", true}};
  record.status = UserStatus::suspended;
  const User created = engine_.create_user(system_, tenant_, record);
  EXPECT_EQ(static_cast<const UserRecord&>(created), record);
  EXPECT_EQ(created.created_at, clock_->now());
  const User read = engine_.get_user(system_, tenant_, "u1");
  EXPECT_EQ(static_cast<const UserRecord&>(read), record);
  EXPECT_EQ(read.created_at, created.created_at);
}

TEST_P(DirectoryTest, CreateUserAppendsEventWithoutTimestamps) {
  engine_.create_user(system_, tenant_, user_record("u1"));
  const auto log = events();
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].type, "user.created");
  EXPECT_EQ(log[0].subject, "u1");
  EXPECT_EQ(log[0].time, clock_->now());
  EXPECT_EQ(log[0].payload.at("email"), "u1@example.com");
  EXPECT_FALSE(log[0].payload.contains("updated_at"));
}

TEST_P(DirectoryTest, CreateUserWithTakenKeyIsAlreadyExists) {
  engine_.create_user(system_, tenant_, user_record("u1"));
  EXPECT_TRUE(fails_with(
      [&] { engine_.create_user(system_, tenant_, user_record("u1")); },
      ErrorCode::already_exists, "key: user 'u1' already exists"));
  EXPECT_EQ(events().size(), 1u);
}

TEST_P(DirectoryTest, CreateUserInUnknownOrgUnitIsNotFound) {
  EXPECT_TRUE(fails_with(
      [&] {
        engine_.create_user(system_, tenant_, user_record("u1", "nowhere"));
      },
      ErrorCode::not_found, "org_unit: no org unit 'nowhere'"));
}

TEST_P(DirectoryTest, ManagerNeedNotExistButCannotBeTheUser) {
  UserRecord record = user_record("u1");
  record.manager_key = "not-yet-hired";
  EXPECT_NO_THROW(engine_.create_user(system_, tenant_, record));
  record = user_record("u2");
  record.manager_key = "u2";
  EXPECT_TRUE(fails_with([&] { engine_.create_user(system_, tenant_, record); },
                         ErrorCode::invalid_argument,
                         "manager_key: a user cannot be their own"));
}

TEST_P(DirectoryTest, UpdateUserRecordsChangedFieldsOnly) {
  engine_.create_user(system_, tenant_, user_record("u1"));
  clock_->advance(std::chrono::minutes{5});
  UserUpdate update;
  update.display_name = "Renamed";
  update.email = "u1@example.com";  // unchanged
  update.status = UserStatus::suspended;
  const User updated = engine_.update_user(system_, tenant_, "u1", update);
  EXPECT_EQ(updated.display_name, "Renamed");
  EXPECT_EQ(updated.status, UserStatus::suspended);
  EXPECT_EQ(updated.updated_at, clock_->now());
  EXPECT_LT(updated.created_at, updated.updated_at);
  EXPECT_EQ(engine_.get_user(system_, tenant_, "u1").display_name, "Renamed");

  const auto log = events();
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[1].type, "user.updated");
  const Json expected = {
      {"changes",
       {{"display_name", {{"from", "User u1"}, {"to", "Renamed"}}},
        {"status", {{"from", "active"}, {"to", "suspended"}}}}}};
  EXPECT_EQ(log[1].payload, expected);
}

TEST_P(DirectoryTest, UpdateUserWithoutChangeWritesNothing) {
  const User created = engine_.create_user(system_, tenant_, user_record("u1"));
  clock_->advance(std::chrono::minutes{5});
  UserUpdate update;
  update.display_name = created.display_name;
  update.attributes = Json::object();
  const User same = engine_.update_user(system_, tenant_, "u1", update);
  EXPECT_EQ(same.updated_at, created.updated_at);
  EXPECT_EQ(engine_.get_user(system_, tenant_, "u1").updated_at,
            created.updated_at);
  EXPECT_EQ(events().size(), 1u);
}

TEST_P(DirectoryTest, UpdateUnknownUserIsNotFound) {
  EXPECT_TRUE(
      fails_with([&] { engine_.update_user(system_, tenant_, "ghost", {}); },
                 ErrorCode::not_found, "key: no user 'ghost'"));
  EXPECT_TRUE(fails_with([&] { engine_.get_user(system_, tenant_, "ghost"); },
                         ErrorCode::not_found, "key: no user 'ghost'"));
}

TEST_P(DirectoryTest, UpdateUserIntoUnknownOrgUnitIsNotFound) {
  engine_.create_user(system_, tenant_, user_record("u1"));
  UserUpdate update;
  update.org_unit = "nowhere";
  EXPECT_TRUE(
      fails_with([&] { engine_.update_user(system_, tenant_, "u1", update); },
                 ErrorCode::not_found, "org_unit: no org unit 'nowhere'"));
  EXPECT_EQ(engine_.get_user(system_, tenant_, "u1").org_unit, "");
}

TEST_P(DirectoryTest, ListUsersFiltersAndPages) {
  engine_.create_org_unit(system_, tenant_, {"corp", "Corp", ""});
  engine_.create_org_unit(system_, tenant_, {"sales", "Sales", "corp"});
  engine_.create_org_unit(system_, tenant_, {"hr", "HR", ""});
  for (const char* key : {"a", "b", "c"}) {
    UserRecord record = user_record(key, "sales");
    record.attributes = {{"title", key == std::string{"b"} ? "Lead" : "Rep"}};
    engine_.create_user(system_, tenant_, record);
  }
  engine_.create_user(system_, tenant_, user_record("d", "hr"));

  UserQuery query;
  query.org_unit = "corp";
  query.limit = 2;
  UserPage page = engine_.list_users(system_, tenant_, query);
  ASSERT_EQ(page.users.size(), 2u);
  EXPECT_EQ(page.users[0].key, "a");
  EXPECT_EQ(page.users[1].key, "b");
  query.after = page.next_after;
  page = engine_.list_users(system_, tenant_, query);
  ASSERT_EQ(page.users.size(), 1u);
  EXPECT_EQ(page.users[0].key, "c");
  EXPECT_EQ(page.next_after, "");

  UserQuery leads;
  leads.attributes = {{"title", "Lead"}};
  page = engine_.list_users(system_, tenant_, leads);
  ASSERT_EQ(page.users.size(), 1u);
  EXPECT_EQ(page.users[0].key, "b");
}

TEST_P(DirectoryTest, ListUsersInUnknownOrgUnitIsNotFound) {
  UserQuery query;
  query.org_unit = "nowhere";
  EXPECT_TRUE(fails_with([&] { engine_.list_users(system_, tenant_, query); },
                         ErrorCode::not_found,
                         "org_unit: no org unit 'nowhere'"));
}

TEST_P(DirectoryTest, OtherTenantsRecordsAreAnsweredAsNotFound) {
  const TenantId other = engine_.create_tenant(system_, {"globex", "G"}).id;
  engine_.create_org_unit(system_, other, {"ops", "Ops", ""});
  engine_.create_user(system_, other, user_record("theirs", "ops"));

  EXPECT_TRUE(fails_with([&] { engine_.get_user(system_, tenant_, "theirs"); },
                         ErrorCode::not_found, "key: no user 'theirs'"));
  EXPECT_TRUE(
      fails_with([&] { engine_.update_user(system_, tenant_, "theirs", {}); },
                 ErrorCode::not_found, "key: no user 'theirs'"));
  EXPECT_TRUE(fails_with([&] { engine_.get_org_unit(system_, tenant_, "ops"); },
                         ErrorCode::not_found, "key: no org unit 'ops'"));
  EXPECT_TRUE(
      fails_with([&] { engine_.move_org_unit(system_, tenant_, "ops", ""); },
                 ErrorCode::not_found, "key: no org unit 'ops'"));
  EXPECT_TRUE(
      fails_with([&] { engine_.list_org_subtree(system_, tenant_, "ops"); },
                 ErrorCode::not_found, "root: no org unit 'ops'"));
  EXPECT_TRUE(fails_with(
      [&] {
        engine_.create_user(system_, tenant_, user_record("mine", "ops"));
      },
      ErrorCode::not_found, "org_unit: no org unit 'ops'"));
  EXPECT_TRUE(engine_.list_users(system_, tenant_, {}).users.empty());
  // The same key is free in this tenant.
  EXPECT_NO_THROW(engine_.create_user(system_, tenant_, user_record("theirs")));
}

TEST_P(DirectoryTest, PlainUserSeesOnlyTheirOwnRecord) {
  const Actor user = reader();
  engine_.create_user(system_, tenant_, user_record("other"));
  engine_.create_org_unit(system_, tenant_, {"ops", "Ops", ""});
  // Without a role a user acts on their own record as a learner, and on
  // nothing else: lists filter instead of failing.
  EXPECT_EQ(engine_.get_user(user, tenant_, "reader").key, "reader");
  const auto page = engine_.list_users(user, tenant_, {});
  ASSERT_EQ(page.users.size(), 1u);
  EXPECT_EQ(page.users[0].key, "reader");
  EXPECT_TRUE(engine_.list_org_subtree(user, tenant_).empty());
  const std::string tenant = " in tenant " + std::to_string(tenant_);
  EXPECT_TRUE(
      fails_with([&] { engine_.get_user(user, tenant_, "other"); },
                 ErrorCode::permission_denied,
                 "actor 'reader' lacks user.view on user 'other'" + tenant));
  EXPECT_TRUE(fails_with([&] { engine_.get_org_unit(user, tenant_, "ops"); },
                         ErrorCode::permission_denied,
                         "lacks orgunit.view on org_unit 'ops'"));
  EXPECT_TRUE(
      fails_with([&] { engine_.create_user(user, tenant_, user_record("u2")); },
                 ErrorCode::permission_denied,
                 "actor 'reader' lacks user.manage on the tenant" + tenant));
  EXPECT_TRUE(
      fails_with([&] { engine_.update_user(user, tenant_, "reader", {}); },
                 ErrorCode::permission_denied,
                 "actor 'reader' lacks user.manage on user 'reader'" + tenant));
  EXPECT_TRUE(fails_with(
      [&] {
        engine_.create_org_unit(user, tenant_, {"x", "X", ""});
      },
      ErrorCode::permission_denied, "lacks orgunit.manage on the tenant"));
  EXPECT_TRUE(fails_with([&] { engine_.events_after(user, tenant_, 0, 10); },
                         ErrorCode::permission_denied, "lacks events.consume"));
}

TEST_P(DirectoryTest, UnknownRecordIsNotFoundBeforeAnyPermission) {
  // Whoever asks, a missing record is reported as missing: the answer does
  // not depend on the actor.
  const Actor user = reader();
  EXPECT_TRUE(fails_with([&] { engine_.get_user(user, tenant_, "ghost"); },
                         ErrorCode::not_found, "key: no user 'ghost'"));
  EXPECT_TRUE(fails_with(
      [&] { engine_.create_user(user, tenant_, user_record("u2", "nowhere")); },
      ErrorCode::not_found, "org_unit: no org unit 'nowhere'"));
}

TEST_P(DirectoryTest, SuspendedOrUnknownUserIsDenied) {
  const Actor user = reader();
  UserUpdate suspend;
  suspend.status = UserStatus::suspended;
  engine_.update_user(system_, tenant_, "reader", suspend);
  EXPECT_TRUE(fails_with([&] { engine_.get_user(user, tenant_, "reader"); },
                         ErrorCode::permission_denied,
                         "actor 'reader' lacks user.view"));
  EXPECT_TRUE(engine_.list_users(user, tenant_, {}).users.empty());
  EXPECT_TRUE(fails_with(
      [&] { engine_.get_user(Actor::user("stranger"), tenant_, "reader"); },
      ErrorCode::permission_denied, "actor 'stranger' lacks user.view"));
  // A user of one tenant holds nothing in another.
  const TenantId other = engine_.create_tenant(system_, {"globex", "G"}).id;
  engine_.create_user(system_, other, user_record("outsider"));
  EXPECT_TRUE(
      engine_.list_users(Actor::user("outsider"), tenant_, {}).users.empty());
  EXPECT_TRUE(fails_with(
      [&] { engine_.get_user(Actor::user("outsider"), tenant_, "reader"); },
      ErrorCode::permission_denied, "actor 'outsider' lacks user.view"));
}

TEST_P(DirectoryTest, OrgUnitsFormATree) {
  engine_.create_org_unit(system_, tenant_, {"corp", "Corp", ""});
  const OrgUnit sales =
      engine_.create_org_unit(system_, tenant_, {"sales", "Sales", "corp"});
  EXPECT_EQ(sales.created_at, clock_->now());
  engine_.create_org_unit(system_, tenant_, {"emea", "EMEA", "sales"});
  engine_.create_org_unit(system_, tenant_, {"hr", "HR", ""});

  std::vector<std::string> keys;
  for (const auto& unit : engine_.list_org_subtree(system_, tenant_, "corp"))
    keys.push_back(unit.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"corp", "sales", "emea"}));
  EXPECT_EQ(engine_.list_org_subtree(system_, tenant_).size(), 4u);
  EXPECT_EQ(engine_.get_org_unit(system_, tenant_, "emea").parent, "sales");
  EXPECT_EQ(event_types(),
            (std::vector<std::string>{"orgunit.created", "orgunit.created",
                                      "orgunit.created", "orgunit.created"}));
}

TEST_P(DirectoryTest, CreateOrgUnitErrors) {
  engine_.create_org_unit(system_, tenant_, {"corp", "Corp", ""});
  EXPECT_TRUE(fails_with(
      [&] {
        engine_.create_org_unit(system_, tenant_, {"corp", "C", ""});
      },
      ErrorCode::already_exists, "key: org unit 'corp' already exists"));
  EXPECT_TRUE(fails_with(
      [&] {
        engine_.create_org_unit(system_, tenant_, {"x", "X", "nope"});
      },
      ErrorCode::not_found, "parent: no org unit 'nope'"));
  EXPECT_TRUE(
      fails_with([&] { engine_.get_org_unit(system_, tenant_, "nope"); },
                 ErrorCode::not_found, "key: no org unit 'nope'"));
  EXPECT_TRUE(
      fails_with([&] { engine_.list_org_subtree(system_, tenant_, "nope"); },
                 ErrorCode::not_found, "root: no org unit 'nope'"));
}

TEST_P(DirectoryTest, OrgUnitDepthIsLimited) {
  std::string parent;
  for (std::size_t depth = 1; depth <= limits::kOrgUnitDepth; ++depth) {
    const std::string key = "level" + std::to_string(depth);
    engine_.create_org_unit(system_, tenant_, {key, key, parent});
    parent = key;
  }
  EXPECT_TRUE(fails_with(
      [&] {
        engine_.create_org_unit(system_, tenant_, {"deep", "D", parent});
      },
      ErrorCode::limit_exceeded, "parent: org units nest at most 32"));
  // Moving a two-level subtree under level31 would make it 33 deep.
  engine_.create_org_unit(system_, tenant_, {"top", "Top", ""});
  engine_.create_org_unit(system_, tenant_, {"child", "Child", "top"});
  EXPECT_TRUE(fails_with(
      [&] { engine_.move_org_unit(system_, tenant_, "top", "level31"); },
      ErrorCode::limit_exceeded, "parent: org units nest at most 32"));
  EXPECT_NO_THROW(engine_.move_org_unit(system_, tenant_, "top", "level30"));
}

TEST_P(DirectoryTest, MoveOrgUnitAppendsEvent) {
  engine_.create_org_unit(system_, tenant_, {"a", "A", ""});
  engine_.create_org_unit(system_, tenant_, {"b", "B", ""});
  clock_->advance(std::chrono::seconds{1});
  const OrgUnit moved = engine_.move_org_unit(system_, tenant_, "b", "a");
  EXPECT_EQ(moved.parent, "a");
  EXPECT_EQ(moved.updated_at, clock_->now());
  EXPECT_EQ(engine_.get_org_unit(system_, tenant_, "b").parent, "a");
  auto log = events();
  ASSERT_EQ(log.size(), 3u);
  EXPECT_EQ(log[2].type, "orgunit.moved");
  EXPECT_EQ(log[2].subject, "b");
  EXPECT_EQ(log[2].payload, (Json{{"from", ""}, {"to", "a"}}));

  engine_.move_org_unit(system_, tenant_, "b", "");
  EXPECT_EQ(engine_.get_org_unit(system_, tenant_, "b").parent, "");
  // Moving to where it already is changes nothing.
  engine_.move_org_unit(system_, tenant_, "b", "");
  EXPECT_EQ(events().size(), 4u);
}

TEST_P(DirectoryTest, MoveOrgUnitUnderItselfOrBelowIsACycle) {
  engine_.create_org_unit(system_, tenant_, {"a", "A", ""});
  engine_.create_org_unit(system_, tenant_, {"b", "B", "a"});
  engine_.create_org_unit(system_, tenant_, {"c", "C", "b"});
  EXPECT_TRUE(
      fails_with([&] { engine_.move_org_unit(system_, tenant_, "a", "c"); },
                 ErrorCode::invalid_argument,
                 "parent: moving 'a' under 'c' would make a cycle"));
  EXPECT_TRUE(
      fails_with([&] { engine_.move_org_unit(system_, tenant_, "a", "a"); },
                 ErrorCode::invalid_argument,
                 "parent: moving 'a' under 'a' would make a cycle"));
  EXPECT_TRUE(
      fails_with([&] { engine_.move_org_unit(system_, tenant_, "a", "nope"); },
                 ErrorCode::not_found, "parent: no org unit 'nope'"));
  EXPECT_EQ(engine_.get_org_unit(system_, tenant_, "a").parent, "");
  EXPECT_EQ(events().size(), 3u);
}

TEST_P(DirectoryTest, EventsAreAppendedInOrder) {
  engine_.create_org_unit(system_, tenant_, {"ops", "Ops", ""});
  engine_.create_user(system_, tenant_, user_record("u1", "ops"));
  UserUpdate update;
  update.email = "new@example.com";
  engine_.update_user(system_, tenant_, "u1", update);
  engine_.create_course(system_, tenant_, course_spec("c1"));
  engine_.publish_course(system_, tenant_, "c1");
  EXPECT_EQ(event_types(),
            (std::vector<std::string>{"orgunit.created", "user.created",
                                      "user.updated", "course.created",
                                      "course.published"}));
  const auto log = events();
  for (std::size_t i = 1; i < log.size(); ++i)
    EXPECT_LT(log[i - 1].seq, log[i].seq);
  EXPECT_EQ(engine_.events_after(system_, tenant_, log[2].seq, 1000).size(),
            2u);
  EXPECT_EQ(engine_.events_after(system_, tenant_, 0, 2).size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(Engine, DirectoryTest,
                         ::testing::Values(EngineBackend::memory,
                                           EngineBackend::sqlite),
                         backend_name);

}  // namespace
}  // namespace lms::testing
