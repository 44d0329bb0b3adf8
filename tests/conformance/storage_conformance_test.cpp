// SPDX-License-Identifier: Apache-2.0
//
// The storage conformance suite: one set of cases, written once, that every
// backend must pass -- SQLite on a file and in memory, the memory backend,
// and a StorageWrapper over the memory backend. A backend is done when it
// passes. This file holds the directory, catalog, event and transaction
// cases and instantiates the suite over the backends; the access-control
// cases are in access_conformance_test.cpp. Single-threaded; each test owns
// a fresh storage.

#include "conformance/storage_conformance.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "conformance/storage_test_support.hpp"
#include "lms/error.hpp"
#include "lms/storage.hpp"
#include "lms/storage_wrapper.hpp"

namespace lms::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// --- Tenants ----------------------------------------------------------------

TEST_P(StorageConformanceTest, TenantIdsStartAtOneAndIncrease) {
  EXPECT_EQ(AddTenant("acme"), 1);
  EXPECT_EQ(AddTenant("globex"), 2);
}

TEST_P(StorageConformanceTest, TenantIsFoundByIdAndKey) {
  const TenantId id = AddTenant("acme");
  const Tenant expected{id, "acme", "Tenant acme", Time(kT0)};
  Read([&](Transaction& tx) {
    EXPECT_EQ(Describe(tx.directory().find_tenant(id)), Describe(expected));
    EXPECT_EQ(Describe(tx.directory().find_tenant_by_key("acme")),
              Describe(expected));
    EXPECT_FALSE(tx.directory().find_tenant(id + 1));
    EXPECT_FALSE(tx.directory().find_tenant_by_key("ACME"));
  });
}

TEST_P(StorageConformanceTest, TenantsAreListedById) {
  AddTenant("zeta");
  AddTenant("alpha");
  const auto tenants =
      Read([](Transaction& tx) { return tx.directory().list_tenants(); });
  EXPECT_THAT(Keys(tenants), ElementsAre("zeta", "alpha"));
}

TEST_P(StorageConformanceTest, DuplicateTenantKeyIsAlreadyExists) {
  AddTenant("acme");
  EXPECT_EQ(WriteErrorCode([](Transaction& tx) {
              tx.directory().insert_tenant({"acme", "Other"}, Time(kT0));
            }),
            ErrorCode::already_exists);
}

// --- Org units --------------------------------------------------------------

TEST_P(StorageConformanceTest, OrgUnitRoundTrips) {
  const TenantId t = AddTenant("acme");
  AddOrgUnits(t, {MakeOrgUnit("root"), MakeOrgUnit("eng", "root")});
  Read([&](Transaction& tx) {
    EXPECT_EQ(Describe(tx.directory().find_org_unit(t, "eng")),
              Describe(MakeOrgUnit("eng", "root")));
    EXPECT_EQ(Describe(tx.directory().find_org_unit(t, "root")),
              Describe(MakeOrgUnit("root")));
    EXPECT_FALSE(tx.directory().find_org_unit(t, "sales"));
  });
}

TEST_P(StorageConformanceTest, DuplicateOrgUnitKeyIsAlreadyExists) {
  const TenantId t = AddTenant("acme");
  AddOrgUnits(t, {MakeOrgUnit("eng")});
  EXPECT_EQ(WriteErrorCode([&](Transaction& tx) {
              tx.directory().insert_org_unit(t, MakeOrgUnit("eng"));
            }),
            ErrorCode::already_exists);
}

TEST_P(StorageConformanceTest, OrgUnitWithUnknownParentIsStorageError) {
  const TenantId t = AddTenant("acme");
  EXPECT_EQ(WriteErrorCode([&](Transaction& tx) {
              tx.directory().insert_org_unit(t, MakeOrgUnit("eng", "nope"));
            }),
            ErrorCode::storage);
}

TEST_P(StorageConformanceTest, OrgSubtreeIsDepthFirstWithSiblingsByKey) {
  const TenantId t = AddTenant("acme");
  // Siblings go in against key order; "a b" and "ab" test that a unit's
  // subtree sorts before a sibling whose key extends the unit's key.
  AddOrgUnits(
      t, {MakeOrgUnit("ab"), MakeOrgUnit("a b"), MakeOrgUnit("a"),
          MakeOrgUnit("z", "a"), MakeOrgUnit("b", "a"), MakeOrgUnit("c", "b"),
          MakeOrgUnit("bb", "b"), MakeOrgUnit("y", "z")});
  EXPECT_THAT(SubtreeKeys(t, ""),
              ElementsAre("a", "b", "bb", "c", "z", "y", "a b", "ab"));
  EXPECT_THAT(SubtreeKeys(t, "b"), ElementsAre("b", "bb", "c"));
  EXPECT_THAT(SubtreeKeys(t, "y"), ElementsAre("y"));
  EXPECT_THAT(SubtreeKeys(t, "missing"), IsEmpty());
}

TEST_P(StorageConformanceTest, UpdateOrgUnitMovesItsSubtree) {
  const TenantId t = AddTenant("acme");
  AddOrgUnits(t, {MakeOrgUnit("root"), MakeOrgUnit("eng", "root"),
                  MakeOrgUnit("sales", "root"), MakeOrgUnit("web", "eng")});
  OrgUnit moved = MakeOrgUnit("eng", "sales");
  moved.name = "Engineering";
  moved.updated_at = Time(kT0 + 99);
  Write([&](Transaction& tx) { tx.directory().update_org_unit(t, moved); });
  EXPECT_THAT(SubtreeKeys(t, "sales"), ElementsAre("sales", "eng", "web"));
  Read([&](Transaction& tx) {
    EXPECT_EQ(Describe(tx.directory().find_org_unit(t, "eng")),
              Describe(moved));
  });
}

TEST_P(StorageConformanceTest, UpdateOfMissingOrgUnitIsNotFound) {
  const TenantId t = AddTenant("acme");
  EXPECT_EQ(WriteErrorCode([&](Transaction& tx) {
              tx.directory().update_org_unit(t, MakeOrgUnit("eng"));
            }),
            ErrorCode::not_found);
}

// --- Users ------------------------------------------------------------------

TEST_P(StorageConformanceTest, UserWithEveryFieldRoundTrips) {
  const TenantId t = AddTenant("acme");
  AddOrgUnits(t, {MakeOrgUnit("eng")});
  User user = MakeUser("u1", "eng",
                       {{"title", "Engineer"},
                        {"level", 3},
                        {"ratio", 0.25},
                        {"remote", true},
                        {"negative", -7}});
  user.manager_key = "boss";
  user.hire_date = Date{std::chrono::days{20000}};
  user.status = UserStatus::suspended;
  AddUsers(t, {user});
  Read([&](Transaction& tx) {
    EXPECT_EQ(Describe(tx.directory().find_user(t, "u1")), Describe(user));
  });
}

TEST_P(StorageConformanceTest, UserWithoutOptionalFieldsRoundTrips) {
  const TenantId t = AddTenant("acme");
  User user = MakeUser("u1");
  user.email.clear();
  AddUsers(t, {user});
  Read([&](Transaction& tx) {
    EXPECT_EQ(Describe(tx.directory().find_user(t, "u1")), Describe(user));
    EXPECT_FALSE(tx.directory().find_user(t, "u2"));
  });
}

TEST_P(StorageConformanceTest, DuplicateUserKeyIsAlreadyExists) {
  const TenantId t = AddTenant("acme");
  AddUsers(t, {MakeUser("u1")});
  EXPECT_EQ(WriteErrorCode([&](Transaction& tx) {
              tx.directory().insert_user(t, MakeUser("u1"));
            }),
            ErrorCode::already_exists);
}

TEST_P(StorageConformanceTest, UserInUnknownOrgUnitIsStorageError) {
  const TenantId t = AddTenant("acme");
  EXPECT_EQ(WriteErrorCode([&](Transaction& tx) {
              tx.directory().insert_user(t, MakeUser("u1", "nope"));
            }),
            ErrorCode::storage);
}

TEST_P(StorageConformanceTest, UpdateUserReplacesEveryField) {
  const TenantId t = AddTenant("acme");
  AddOrgUnits(t, {MakeOrgUnit("eng"), MakeOrgUnit("ops")});
  User user = MakeUser("u1", "eng", {{"title", "Engineer"}});
  user.hire_date = Date{std::chrono::days{19000}};
  user.manager_key = "boss";
  AddUsers(t, {user});

  User changed = MakeUser("u1", "ops", {{"grade", 7}});
  changed.display_name = "Renamed";
  changed.status = UserStatus::deprovisioned;
  changed.updated_at = Time(kT0 + 1000);
  Write([&](Transaction& tx) { tx.directory().update_user(t, changed); });
  Read([&](Transaction& tx) {
    EXPECT_EQ(Describe(tx.directory().find_user(t, "u1")), Describe(changed));
  });
}

TEST_P(StorageConformanceTest, UpdateOfMissingUserIsNotFound) {
  const TenantId t = AddTenant("acme");
  EXPECT_EQ(WriteErrorCode([&](Transaction& tx) {
              tx.directory().update_user(t, MakeUser("u1"));
            }),
            ErrorCode::not_found);
}

TEST_P(StorageConformanceTest, FindUsersReturnsTheExistingOnesByKey) {
  const TenantId t = AddTenant("acme");
  AddUsers(t, {MakeUser("c"), MakeUser("a"), MakeUser("e")});
  const std::vector<std::string> keys = {"a", "b", "c", "d", "e", "f"};
  Read([&](Transaction& tx) {
    const auto users = tx.directory().find_users(t, keys);
    ASSERT_THAT(Keys(users), ElementsAre("a", "c", "e"));
    EXPECT_EQ(Describe(users[1]), Describe(MakeUser("c")));
    EXPECT_THAT(tx.directory().find_users(t, {}), IsEmpty());
  });
}

TEST_P(StorageConformanceTest, UserKeysAreListedAscending) {
  const TenantId t = AddTenant("acme");
  AddUsers(t, {MakeUser("m"), MakeUser("B"), MakeUser("a"), MakeUser("Z")});
  Read([&](Transaction& tx) {
    EXPECT_THAT(tx.directory().list_user_keys(t),
                ElementsAre("B", "Z", "a", "m"));
  });
}

TEST_P(StorageConformanceTest, ListUsersPagesByKey) {
  const TenantId t = AddTenant("acme");
  AddUsers(t, {MakeUser("e"), MakeUser("d"), MakeUser("c"), MakeUser("b"),
               MakeUser("a")});
  UserQuery query;
  query.limit = 2;
  UserPage page = ListUsers(t, query);
  EXPECT_THAT(Keys(page.users), ElementsAre("a", "b"));
  EXPECT_EQ(page.next_after, "b");
  EXPECT_EQ(Describe(page.users[0]), Describe(MakeUser("a")));

  query.after = page.next_after;
  page = ListUsers(t, query);
  EXPECT_THAT(Keys(page.users), ElementsAre("c", "d"));
  EXPECT_EQ(page.next_after, "d");

  query.after = page.next_after;
  page = ListUsers(t, query);
  EXPECT_THAT(Keys(page.users), ElementsAre("e"));
  EXPECT_EQ(page.next_after, "");
}

TEST_P(StorageConformanceTest, ListUsersExactlyFullLastPageHasNoNext) {
  const TenantId t = AddTenant("acme");
  AddUsers(t, {MakeUser("a"), MakeUser("b")});
  UserQuery query;
  query.limit = 2;
  const UserPage page = ListUsers(t, query);
  EXPECT_THAT(Keys(page.users), ElementsAre("a", "b"));
  EXPECT_EQ(page.next_after, "");
}

TEST_P(StorageConformanceTest, ListUsersAfterAKeyThatDoesNotExist) {
  const TenantId t = AddTenant("acme");
  AddUsers(t, {MakeUser("a"), MakeUser("c")});
  UserQuery query;
  query.after = "b";
  EXPECT_THAT(ListUserKeys(t, query), ElementsAre("c"));
}

TEST_P(StorageConformanceTest, ListUsersFiltersByStatus) {
  const TenantId t = AddTenant("acme");
  AddUsers(t, {MakeUser("a", "", Json::object(), UserStatus::active),
               MakeUser("b", "", Json::object(), UserStatus::suspended),
               MakeUser("c", "", Json::object(), UserStatus::deprovisioned),
               MakeUser("d", "", Json::object(), UserStatus::suspended)});
  UserQuery query;
  query.status = UserStatus::suspended;
  EXPECT_THAT(ListUserKeys(t, query), ElementsAre("b", "d"));
  query.status = UserStatus::active;
  EXPECT_THAT(ListUserKeys(t, query), ElementsAre("a"));
}

TEST_P(StorageConformanceTest, ListUsersFiltersByOrgSubtree) {
  const TenantId t = AddTenant("acme");
  AddOrgUnits(t, {MakeOrgUnit("root"), MakeOrgUnit("eng", "root"),
                  MakeOrgUnit("web", "eng"), MakeOrgUnit("css", "web"),
                  MakeOrgUnit("sales", "root")});
  AddUsers(t, {MakeUser("u-root", "root"), MakeUser("u-eng", "eng"),
               MakeUser("u-web", "web"), MakeUser("u-css", "css"),
               MakeUser("u-sales", "sales"), MakeUser("u-none")});
  UserQuery query;
  query.org_unit = "eng";
  EXPECT_THAT(ListUserKeys(t, query), ElementsAre("u-css", "u-eng", "u-web"));
  query.org_unit = "css";
  EXPECT_THAT(ListUserKeys(t, query), ElementsAre("u-css"));
  query.org_unit = "root";
  EXPECT_THAT(ListUserKeys(t, query),
              ElementsAre("u-css", "u-eng", "u-root", "u-sales", "u-web"));
  query.org_unit = "missing";
  EXPECT_THAT(ListUserKeys(t, query), IsEmpty());
}

TEST_P(StorageConformanceTest, ListUsersAttributeFiltersCompareTypesExactly) {
  const TenantId t = AddTenant("acme");
  AddUsers(t, {MakeUser("string-1", "", {{"v", "1"}}),
               MakeUser("int-1", "", {{"v", 1}}),
               MakeUser("real-1", "", {{"v", 1.0}}),
               MakeUser("real-1.5", "", {{"v", 1.5}}),
               MakeUser("true", "", {{"v", true}}),
               MakeUser("false", "", {{"v", false}}),
               MakeUser("string-true", "", {{"v", "true"}}),
               MakeUser("other-name", "", {{"w", 1}}), MakeUser("none")});
  UserQuery query;
  query.attributes = {{"v", "1"}};
  EXPECT_THAT(ListUserKeys(t, query), ElementsAre("string-1"));
  query.attributes = {{"v", 1}};
  EXPECT_THAT(ListUserKeys(t, query), ElementsAre("int-1", "real-1"));
  query.attributes = {{"v", 1.5}};
  EXPECT_THAT(ListUserKeys(t, query), ElementsAre("real-1.5"));
  query.attributes = {{"v", true}};
  EXPECT_THAT(ListUserKeys(t, query), ElementsAre("true"));
  query.attributes = {{"v", false}};
  EXPECT_THAT(ListUserKeys(t, query), ElementsAre("false"));
  query.attributes = {{"v", "true"}};
  EXPECT_THAT(ListUserKeys(t, query), ElementsAre("string-true"));
  query.attributes = {{"v", 0}};
  EXPECT_THAT(ListUserKeys(t, query), IsEmpty());
  // Not an attribute value at all: matches nothing, not even a missing one.
  query.attributes = {{"v", nullptr}};
  EXPECT_THAT(ListUserKeys(t, query), IsEmpty());
}

TEST_P(StorageConformanceTest, ListUsersRequiresEveryAttributeToMatch) {
  const TenantId t = AddTenant("acme");
  AddUsers(t, {MakeUser("a", "", {{"dept", "eng"}, {"site", "berlin"}}),
               MakeUser("b", "", {{"dept", "eng"}, {"site", "paris"}}),
               MakeUser("c", "", {{"dept", "ops"}, {"site", "berlin"}}),
               MakeUser("d", "", {{"dept", "eng"}})});
  UserQuery query;
  query.attributes = {{"dept", "eng"}, {"site", "berlin"}};
  EXPECT_THAT(ListUserKeys(t, query), ElementsAre("a"));
}

TEST_P(StorageConformanceTest, ListUsersCombinesFiltersWithPaging) {
  const TenantId t = AddTenant("acme");
  AddOrgUnits(
      t, {MakeOrgUnit("eng"), MakeOrgUnit("web", "eng"), MakeOrgUnit("ops")});
  const Json eng = {{"role", "dev"}};
  AddUsers(t,
           {MakeUser("a", "web", eng), MakeUser("b", "ops", eng),
            MakeUser("c", "eng", eng, UserStatus::suspended),
            MakeUser("d", "eng", {{"role", "qa"}}), MakeUser("e", "eng", eng),
            MakeUser("f", "web", eng), MakeUser("g", "web", eng)});
  UserQuery query;
  query.org_unit = "eng";
  query.status = UserStatus::active;
  query.attributes = {{"role", "dev"}};
  query.limit = 2;
  UserPage page = ListUsers(t, query);
  EXPECT_THAT(Keys(page.users), ElementsAre("a", "e"));
  EXPECT_EQ(page.next_after, "e");
  query.after = page.next_after;
  page = ListUsers(t, query);
  EXPECT_THAT(Keys(page.users), ElementsAre("f", "g"));
  EXPECT_EQ(page.next_after, "");
}

TEST_P(StorageConformanceTest, ListUsersFiltersByKeysWithOtherFilters) {
  const TenantId t = AddTenant("acme");
  AddOrgUnits(t, {MakeOrgUnit("eng"), MakeOrgUnit("ops")});
  AddUsers(t, {MakeUser("a", "eng"), MakeUser("b", "eng"), MakeUser("c", "ops"),
               MakeUser("d", "eng", Json::object(), UserStatus::suspended),
               MakeUser("e", "eng"), MakeUser("f", "eng"), MakeUser("g")});
  UserQuery query;
  query.keys = std::vector<std::string>{"a", "c", "d", "e", "f", "g", "zz"};
  EXPECT_THAT(ListUserKeys(t, query),
              ElementsAre("a", "c", "d", "e", "f", "g"));

  query.org_unit = "eng";
  query.status = UserStatus::active;
  query.limit = 2;
  UserPage page = ListUsers(t, query);
  EXPECT_THAT(Keys(page.users), ElementsAre("a", "e"));
  EXPECT_EQ(page.next_after, "e");
  query.after = page.next_after;
  page = ListUsers(t, query);
  EXPECT_THAT(Keys(page.users), ElementsAre("f"));
  EXPECT_EQ(page.next_after, "");
}

TEST_P(StorageConformanceTest, ListUsersWithNoKeysMatchesNobody) {
  const TenantId t = AddTenant("acme");
  AddUsers(t, {MakeUser("a")});
  UserQuery query;
  query.keys = std::vector<std::string>{};
  EXPECT_THAT(ListUserKeys(t, query), IsEmpty());
}

// --- Courses ----------------------------------------------------------------

Course FullCourse() {
  Course course = MakeCourse("safety", CourseStatus::published);
  course.description = "Everything about \"safety\".\nSecond line.";
  course.activities = {
      {"intro", ActivityKind::lesson, "Introduction", true},
      {"quiz", ActivityKind::assessment, "Quiz", true},
      {"pkg", ActivityKind::scorm, "SCORM package", false},
      {"stmt", ActivityKind::xapi, "xAPI", true},
      {"visit", ActivityKind::external, "Site visit", false},
  };
  course.prerequisites = {"zeta", "alpha", "mid"};
  course.recertification_days = 365;
  course.default_due_days = 30;
  course.due_from = DueFrom::hire_date;
  course.self_enrolment = true;
  course.enrolment_opens = Time(kT0 - 1000);
  course.enrolment_closes = Time(kT0 + 86'400'000);
  course.completion.required_count = 2;
  course.completion.min_score = 0.75;
  course.completion.must_pass = {"quiz"};
  course.score_policy = ScorePolicy::latest;
  course.version = 4;
  return course;
}

TEST_P(StorageConformanceTest, CourseWithEveryFieldRoundTrips) {
  const TenantId t = AddTenant("acme");
  const Course course = FullCourse();
  Write([&](Transaction& tx) { tx.catalog().insert_course(t, course); });
  Read([&](Transaction& tx) {
    EXPECT_EQ(Describe(tx.catalog().find_course(t, "safety")),
              Describe(course));
    EXPECT_FALSE(tx.catalog().find_course(t, "other"));
  });
}

TEST_P(StorageConformanceTest, EmptyCourseRoundTrips) {
  const TenantId t = AddTenant("acme");
  const Course course = MakeCourse("empty");
  Write([&](Transaction& tx) { tx.catalog().insert_course(t, course); });
  Read([&](Transaction& tx) {
    EXPECT_EQ(Describe(tx.catalog().find_course(t, "empty")), Describe(course));
  });
}

TEST_P(StorageConformanceTest, DuplicateCourseKeyIsAlreadyExists) {
  const TenantId t = AddTenant("acme");
  Write([&](Transaction& tx) { tx.catalog().insert_course(t, FullCourse()); });
  EXPECT_EQ(WriteErrorCode([&](Transaction& tx) {
              tx.catalog().insert_course(t, FullCourse());
            }),
            ErrorCode::already_exists);
}

TEST_P(StorageConformanceTest, UpdateCourseReplacesEveryField) {
  const TenantId t = AddTenant("acme");
  Write([&](Transaction& tx) { tx.catalog().insert_course(t, FullCourse()); });
  Course changed = MakeCourse("safety", CourseStatus::archived);
  changed.activities = {{"only", ActivityKind::external, "Only", false}};
  changed.prerequisites = {"b", "a"};
  changed.version = 5;
  changed.updated_at = Time(kT0 + 500);
  Write([&](Transaction& tx) { tx.catalog().update_course(t, changed); });
  Read([&](Transaction& tx) {
    EXPECT_EQ(Describe(tx.catalog().find_course(t, "safety")),
              Describe(changed));
  });
  changed.prerequisites.clear();
  Write([&](Transaction& tx) { tx.catalog().update_course(t, changed); });
  Read([&](Transaction& tx) {
    EXPECT_EQ(Describe(tx.catalog().find_course(t, "safety")),
              Describe(changed));
  });
}

TEST_P(StorageConformanceTest, UpdateOfMissingCourseIsNotFound) {
  const TenantId t = AddTenant("acme");
  EXPECT_EQ(WriteErrorCode([&](Transaction& tx) {
              tx.catalog().update_course(t, MakeCourse("nope"));
            }),
            ErrorCode::not_found);
}

TEST_P(StorageConformanceTest, ListCoursesFiltersByStatusAndPages) {
  const TenantId t = AddTenant("acme");
  Write([&](Transaction& tx) {
    Course with_prerequisites = MakeCourse("e", CourseStatus::published);
    with_prerequisites.prerequisites = {"a", "c"};
    tx.catalog().insert_course(t, with_prerequisites);
    tx.catalog().insert_course(t, MakeCourse("d", CourseStatus::draft));
    tx.catalog().insert_course(t, MakeCourse("c", CourseStatus::published));
    tx.catalog().insert_course(t, MakeCourse("b", CourseStatus::archived));
    tx.catalog().insert_course(t, MakeCourse("a", CourseStatus::published));
  });
  const auto list = [&](const CourseQuery& query) {
    return Read(
        [&](Transaction& tx) { return tx.catalog().list_courses(t, query); });
  };
  CourseQuery query;
  EXPECT_THAT(Keys(list(query).courses), ElementsAre("a", "b", "c", "d", "e"));

  query.status = CourseStatus::published;
  query.limit = 2;
  CoursePage page = list(query);
  EXPECT_THAT(Keys(page.courses), ElementsAre("a", "c"));
  EXPECT_EQ(page.next_after, "c");
  query.after = page.next_after;
  page = list(query);
  ASSERT_THAT(Keys(page.courses), ElementsAre("e"));
  EXPECT_EQ(page.next_after, "");
  EXPECT_THAT(page.courses[0].prerequisites, ElementsAre("a", "c"));
}

// --- Events -----------------------------------------------------------------

TEST_P(StorageConformanceTest, EventsGetIncreasingSeqAcrossTenants) {
  const TenantId a = AddTenant("a");
  const TenantId b = AddTenant("b");
  const std::vector<std::int64_t> seqs = Write([&](Transaction& tx) {
    return std::vector<std::int64_t>{
        tx.events().append_event(MakeEvent(a, "1")),
        tx.events().append_event(MakeEvent(b, "2")),
        tx.events().append_event(MakeEvent(a, "3"))};
  });
  const std::int64_t next = Write([&](Transaction& tx) {
    return tx.events().append_event(MakeEvent(b, "4"));
  });
  EXPECT_LT(seqs[0], seqs[1]);
  EXPECT_LT(seqs[1], seqs[2]);
  EXPECT_LT(seqs[2], next);
}

TEST_P(StorageConformanceTest, EventsAfterReturnsTheTenantsEventsInOrder) {
  const TenantId a = AddTenant("a");
  const TenantId b = AddTenant("b");
  Event first = MakeEvent(a, "u1");
  first.actor = "admin-7";
  first.payload = {{"fields", Json::array({"email", "status"})}, {"n", 2}};
  std::vector<Event> stored;
  Write([&](Transaction& tx) {
    for (const Event& event :
         {first, MakeEvent(b, "x"), MakeEvent(a, "u2"), MakeEvent(a, "u3")}) {
      Event copy = event;
      copy.seq = tx.events().append_event(event);
      if (copy.tenant_id == a) stored.push_back(copy);
    }
  });
  Read([&](Transaction& tx) {
    const auto all = tx.events().events_after(a, 0, 100);
    ASSERT_EQ(all.size(), 3u);
    for (std::size_t i = 0; i < all.size(); ++i) {
      EXPECT_EQ(Describe(all[i]), Describe(stored[i]));
    }
    const auto limited = tx.events().events_after(a, 0, 2);
    ASSERT_EQ(limited.size(), 2u);
    EXPECT_EQ(limited[1].subject, "u2");
    const auto rest = tx.events().events_after(a, stored[1].seq, 100);
    ASSERT_EQ(rest.size(), 1u);
    EXPECT_EQ(rest[0].subject, "u3");
    EXPECT_THAT(tx.events().events_after(a, stored[2].seq, 100), IsEmpty());
  });
}

// --- Tenant isolation -------------------------------------------------------

TEST_P(StorageConformanceTest, SameKeysInTwoTenantsAreIndependent) {
  const TenantId a = AddTenant("a");
  const TenantId b = AddTenant("b");
  Write([&](Transaction& tx) {
    for (const TenantId t : {a, b}) {
      const std::string tag = t == a ? "A" : "B";
      OrgUnit unit = MakeOrgUnit("eng");
      unit.name = "Eng " + tag;
      tx.directory().insert_org_unit(t, unit);
      User user = MakeUser("u1", "eng", {{"tag", tag}});
      user.display_name = "User " + tag;
      tx.directory().insert_user(t, user);
      Course course = MakeCourse("c1");
      course.title = "Course " + tag;
      course.prerequisites = {tag};
      tx.catalog().insert_course(t, course);
      tx.events().append_event(MakeEvent(t, tag));
    }
    tx.directory().insert_user(a, MakeUser("only-a"));
    tx.directory().insert_org_unit(a, MakeOrgUnit("only-a"));
  });
  Read([&](Transaction& tx) {
    for (const TenantId t : {a, b}) {
      const std::string tag = t == a ? "A" : "B";
      EXPECT_EQ(tx.directory().find_org_unit(t, "eng")->name, "Eng " + tag);
      EXPECT_EQ(tx.directory().find_user(t, "u1")->display_name, "User " + tag);
      EXPECT_EQ(tx.catalog().find_course(t, "c1")->title, "Course " + tag);
      EXPECT_THAT(tx.catalog().find_course(t, "c1")->prerequisites,
                  ElementsAre(tag));
      const auto events = tx.events().events_after(t, 0, 100);
      ASSERT_EQ(events.size(), 1u);
      EXPECT_EQ(events[0].subject, tag);
      UserQuery by_tag;
      by_tag.attributes = {{"tag", tag}};
      EXPECT_THAT(Keys(tx.directory().list_users(t, by_tag).users),
                  ElementsAre("u1"));
      UserQuery in_eng;
      in_eng.org_unit = "eng";
      EXPECT_THAT(Keys(tx.directory().list_users(t, in_eng).users),
                  ElementsAre("u1"));
      EXPECT_THAT(Keys(tx.catalog().list_courses(t, {}).courses),
                  ElementsAre("c1"));
    }
    EXPECT_FALSE(tx.directory().find_user(b, "only-a"));
    EXPECT_FALSE(tx.directory().find_org_unit(b, "only-a"));
    EXPECT_THAT(tx.directory().list_user_keys(b), ElementsAre("u1"));
    EXPECT_THAT(Keys(tx.directory().list_users(b, {}).users),
                ElementsAre("u1"));
    EXPECT_THAT(Keys(tx.directory().list_org_subtree(b, "")),
                ElementsAre("eng"));
    EXPECT_THAT(tx.directory().list_org_subtree(b, "only-a"), IsEmpty());
    const std::vector<std::string> keys = {"only-a", "u1"};
    EXPECT_THAT(Keys(tx.directory().find_users(b, keys)), ElementsAre("u1"));
  });
}

TEST_P(StorageConformanceTest, OrgUnitOfAnotherTenantIsNoParent) {
  const TenantId a = AddTenant("a");
  const TenantId b = AddTenant("b");
  AddOrgUnits(a, {MakeOrgUnit("eng")});
  EXPECT_EQ(WriteErrorCode([&](Transaction& tx) {
              tx.directory().insert_user(b, MakeUser("u1", "eng"));
            }),
            ErrorCode::storage);
}

// --- Transactions -----------------------------------------------------------

TEST_P(StorageConformanceTest, UncommittedWriteTransactionLeavesNoTrace) {
  const TenantId t = AddTenant("acme");
  AddOrgUnits(t, {MakeOrgUnit("eng"), MakeOrgUnit("ops")});
  const User original = MakeUser("kept", "eng", {{"v", 1}});
  AddUsers(t, {original});
  Write([&](Transaction& tx) { tx.catalog().insert_course(t, FullCourse()); });
  {
    auto tx = storage_->begin(TransactionMode::write);
    tx->directory().insert_tenant({"ghost", "Ghost"}, Time(kT0));
    tx->directory().insert_org_unit(t, MakeOrgUnit("ghost", "eng"));
    tx->directory().update_org_unit(t, MakeOrgUnit("ops", "eng"));
    tx->directory().insert_user(t, MakeUser("ghost"));
    User changed = original;
    changed.attributes = {{"v", 2}};
    changed.org_unit = "ops";
    tx->directory().update_user(t, changed);
    tx->directory().update_user(t, MakeUser("kept"));
    tx->catalog().insert_course(t, MakeCourse("ghost"));
    tx->catalog().update_course(t, MakeCourse("safety"));
    tx->events().append_event(MakeEvent(t, "ghost"));
  }
  Read([&](Transaction& tx) {
    EXPECT_EQ(tx.directory().list_tenants().size(), 1u);
    EXPECT_FALSE(tx.directory().find_tenant_by_key("ghost"));
    EXPECT_THAT(Keys(tx.directory().list_org_subtree(t, "")),
                ElementsAre("eng", "ops"));
    EXPECT_THAT(tx.directory().list_user_keys(t), ElementsAre("kept"));
    EXPECT_EQ(Describe(tx.directory().find_user(t, "kept")),
              Describe(original));
    EXPECT_THAT(Keys(tx.catalog().list_courses(t, {}).courses),
                ElementsAre("safety"));
    EXPECT_EQ(Describe(tx.catalog().find_course(t, "safety")),
              Describe(FullCourse()));
    EXPECT_THAT(tx.events().events_after(t, 0, 100), IsEmpty());
  });
  // The rolled-back tenant took no id a committed one can collide with.
  EXPECT_EQ(AddTenant("next"), 2);
}

TEST_P(StorageConformanceTest, FailedWriteCanBeFollowedByOthers) {
  const TenantId t = AddTenant("acme");
  AddUsers(t, {MakeUser("a")});
  {
    auto tx = storage_->begin(TransactionMode::write);
    tx->directory().insert_user(t, MakeUser("b"));
    EXPECT_THROW(tx->directory().insert_user(t, MakeUser("a")), Error);
  }
  AddUsers(t, {MakeUser("c")});
  Read([&](Transaction& tx) {
    EXPECT_THAT(tx.directory().list_user_keys(t), ElementsAre("a", "c"));
  });
}

TEST_P(StorageConformanceTest, CommittedWritesAreVisibleToLaterReads) {
  const TenantId t = AddTenant("acme");
  {
    auto tx = storage_->begin(TransactionMode::write);
    tx->directory().insert_user(t, MakeUser("a"));
    tx->events().append_event(MakeEvent(t, "a"));
    tx->commit();
  }
  Read([&](Transaction& tx) {
    EXPECT_TRUE(tx.directory().find_user(t, "a"));
    EXPECT_EQ(tx.events().events_after(t, 0, 10).size(), 1u);
  });
}

TEST_P(StorageConformanceTest, WritesThroughAReadTransactionAreInternal) {
  const TenantId t = AddTenant("acme");
  auto tx = storage_->begin(TransactionMode::read);
  const auto code = [](auto write) {
    try {
      write();
    } catch (const Error& e) {
      return e.code();
    }
    return ErrorCode::not_found;  // no error at all
  };
  auto& dir = tx->directory();
  EXPECT_EQ(code([&] {
              dir.insert_tenant({"x", "X"}, Time(kT0));
            }),
            ErrorCode::internal);
  EXPECT_EQ(code([&] { dir.insert_org_unit(t, MakeOrgUnit("o")); }),
            ErrorCode::internal);
  EXPECT_EQ(code([&] { dir.update_org_unit(t, MakeOrgUnit("o")); }),
            ErrorCode::internal);
  EXPECT_EQ(code([&] { dir.insert_user(t, MakeUser("u")); }),
            ErrorCode::internal);
  EXPECT_EQ(code([&] { dir.update_user(t, MakeUser("u")); }),
            ErrorCode::internal);
  EXPECT_EQ(code([&] { tx->catalog().insert_course(t, MakeCourse("c")); }),
            ErrorCode::internal);
  EXPECT_EQ(code([&] { tx->catalog().update_course(t, MakeCourse("c")); }),
            ErrorCode::internal);
  EXPECT_EQ(code([&] { tx->events().append_event(MakeEvent(t, "e")); }),
            ErrorCode::internal);
  EXPECT_EQ(code([&] { tx->commit(); }), ErrorCode::internal);
}

TEST_P(StorageConformanceTest, WritesAfterCommitAreInternal) {
  const TenantId t = AddTenant("acme");
  auto tx = storage_->begin(TransactionMode::write);
  tx->commit();
  try {
    tx->directory().insert_user(t, MakeUser("late"));
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::internal);
  }
  try {
    tx->commit();
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::internal);
  }
}

// --- Hostile and international text ----------------------------------------

TEST_P(StorageConformanceTest, HostileAndMultiByteTextRoundTrips) {
  const std::vector<std::string> texts = {
      "'; DROP TABLE users; --",
      "\"quoted\" 'single' `back`",
      "100% _under_ %_\\",
      "$.\"v\"",
      "Zoë Ångström",
      "東京都 \xF0\x9F\x9A\x80",  // Tokyo and a rocket: 3- and 4-byte UTF-8
  };
  const TenantId t = Write([&](Transaction& tx) {
    return tx.directory().insert_tenant({texts[0], texts[4]}, Time(kT0));
  });
  std::vector<User> users;
  Write([&](Transaction& tx) {
    for (const std::string& text : texts) {
      OrgUnit unit = MakeOrgUnit(text);
      unit.name = text;
      tx.directory().insert_org_unit(t, unit);
      User user = MakeUser(text, text, {{"label", text}});
      user.display_name = text;
      user.manager_key = text;
      user.email = text;
      tx.directory().insert_user(t, user);
      users.push_back(user);
      Course course = MakeCourse(text);
      course.description = text;
      course.activities = {{text, ActivityKind::lesson, text, true}};
      course.prerequisites = {text};
      tx.catalog().insert_course(t, course);
      Event event = MakeEvent(t, text);
      event.actor = text;
      event.payload = {{text, text}};
      tx.events().append_event(event);
    }
  });
  Read([&](Transaction& tx) {
    EXPECT_EQ(tx.directory().find_tenant(t)->key, texts[0]);
    EXPECT_EQ(tx.directory().find_tenant_by_key(texts[0])->name, texts[4]);
    for (const User& user : users) {
      EXPECT_EQ(Describe(tx.directory().find_user(t, user.key)),
                Describe(user));
      UserQuery query;
      query.attributes = {{"label", user.key}};
      query.org_unit = user.key;
      EXPECT_THAT(Keys(tx.directory().list_users(t, query).users),
                  ElementsAre(user.key));
      const auto course = tx.catalog().find_course(t, user.key);
      ASSERT_TRUE(course);
      EXPECT_EQ(course->activities[0].key, user.key);
      EXPECT_EQ(course->prerequisites[0], user.key);
      EXPECT_EQ(course->description, user.key);
    }
    const auto events = tx.events().events_after(t, 0, 100);
    ASSERT_EQ(events.size(), texts.size());
    for (std::size_t i = 0; i < texts.size(); ++i) {
      EXPECT_EQ(events[i].actor, texts[i]);
      EXPECT_EQ(events[i].payload, Json({{texts[i], texts[i]}}));
    }
    EXPECT_EQ(tx.directory().list_user_keys(t).size(), texts.size());
  });
}

TEST_P(StorageConformanceTest, WildcardsInKeysMatchOnlyThemselves) {
  const TenantId t = AddTenant("acme");
  AddUsers(t, {MakeUser("%"), MakeUser("_"), MakeUser("a"), MakeUser("ab")});
  Read([&](Transaction& tx) {
    EXPECT_EQ(tx.directory().find_user(t, "%")->key, "%");
    EXPECT_FALSE(tx.directory().find_user(t, "a%"));
    EXPECT_FALSE(tx.directory().find_user(t, "a_"));
  });
}

// --- StorageWrapper ---------------------------------------------------------

// Records every on_call() and throws on the method named `fail`.
class RecordingWrapper final : private OwnedTarget, public StorageWrapper {
 public:
  RecordingWrapper() : StorageWrapper(*owned) {}

  void on_call(std::string_view method, bool writes) override {
    calls.push_back(std::string{method} + (writes ? " w" : " r"));
    if (method == fail) throw Error(ErrorCode::storage, "injected");
  }

  std::vector<std::string> calls;
  std::string fail;
};

TEST(StorageWrapperTest, ReportsEveryCallWithWhetherItWrites) {
  RecordingWrapper storage;
  {
    auto tx = storage.begin(TransactionMode::write);
    const TenantId t = tx->directory().insert_tenant({"a", "A"}, Time(kT0));
    tx->directory().insert_org_unit(t, MakeOrgUnit("o"));
    tx->directory().update_org_unit(t, MakeOrgUnit("o"));
    tx->directory().insert_user(t, MakeUser("u"));
    tx->directory().update_user(t, MakeUser("u"));
    tx->catalog().insert_course(t, MakeCourse("c"));
    tx->catalog().update_course(t, MakeCourse("c"));
    tx->events().append_event(MakeEvent(t, "u"));
    auto& access = tx->access();
    access.insert_role(t, MakeRole("r"));
    access.update_role(t, MakeRole("r"));
    const std::int64_t id =
        access.insert_assignment(t, MakeAssignment("u", "r"));
    access.delete_assignment(t, id);
    access.put_override(t, {"r", Scope::tenant(), Permission::user_view,
                            PermissionValue::prevent});
    access.delete_override(t, "r", Scope::tenant(), Permission::user_view);
    tx->commit();
  }
  {
    auto tx = storage.begin(TransactionMode::read);
    auto& dir = tx->directory();
    dir.find_tenant(1);
    dir.find_tenant_by_key("a");
    dir.list_tenants();
    dir.find_org_unit(1, "o");
    dir.list_org_subtree(1, "");
    dir.find_user(1, "u");
    const std::vector<std::string> keys = {"u"};
    EXPECT_THAT(Keys(dir.find_users(1, keys)), ElementsAre("u"));
    dir.list_users(1, {});
    dir.list_user_keys(1);
    dir.manager_chain(1, "u");
    dir.visible_user_keys(1, {});
    tx->catalog().find_course(1, "c");
    tx->catalog().list_courses(1, {});
    tx->events().events_after(1, 0, 10);
    auto& access = tx->access();
    access.find_role(1, "r");
    access.list_roles(1);
    access.find_assignment(1, 1);
    access.list_assignments(1, {});
    access.list_overrides(1);
  }
  EXPECT_THAT(
      storage.calls,
      ElementsAre("insert_tenant w", "insert_org_unit w", "update_org_unit w",
                  "insert_user w", "update_user w", "insert_course w",
                  "update_course w", "append_event w", "insert_role w",
                  "update_role w", "insert_assignment w", "delete_assignment w",
                  "put_override w", "delete_override w", "commit w",
                  "find_tenant r", "find_tenant_by_key r", "list_tenants r",
                  "find_org_unit r", "list_org_subtree r", "find_user r",
                  "find_users r", "list_users r", "list_user_keys r",
                  "manager_chain r", "visible_user_keys r", "find_course r",
                  "list_courses r", "events_after r", "find_role r",
                  "list_roles r", "find_assignment r", "list_assignments r",
                  "list_overrides r"));
}

TEST(StorageWrapperTest, ThrowingFromOnCallStopsTheCall) {
  RecordingWrapper storage;
  storage.fail = "insert_user";
  {
    auto tx = storage.begin(TransactionMode::write);
    tx->directory().insert_tenant({"a", "A"}, Time(kT0));
    EXPECT_THROW(tx->directory().insert_user(1, MakeUser("u")), Error);
    tx->commit();
  }
  auto tx = storage.begin(TransactionMode::read);
  EXPECT_TRUE(tx->directory().find_tenant(1));
  EXPECT_FALSE(tx->directory().find_user(1, "u"));
}

INSTANTIATE_TEST_SUITE_P(
    Backends, StorageConformanceTest, ::testing::ValuesIn(Backends()),
    [](const ::testing::TestParamInfo<StorageBackend>& info) {
      return info.param.name;
    });

}  // namespace

std::vector<StorageBackend> Backends() {
  return {
      {"SqliteFile",
       [](const std::filesystem::path& dir) {
         return open_sqlite((dir / "lms.db").string());
       }},
      {"SqliteMemory",
       [](const std::filesystem::path&) { return open_sqlite(":memory:"); }},
      {"Memory",
       [](const std::filesystem::path&) { return make_memory_storage(); }},
      {"WrappedMemory",
       [](const std::filesystem::path&) -> std::unique_ptr<Storage> {
         return std::make_unique<WrappedMemoryStorage>();
       }},
  };
}

}  // namespace lms::testing
