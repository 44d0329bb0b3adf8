// SPDX-License-Identifier: Apache-2.0
//
// The engine's course calls on every backend: creation, versioned updates,
// the draft -> published -> archived lifecycle, prerequisites as a DAG, and
// every documented error. Single-threaded.

#include <string>
#include <vector>

#include "unit/engine_fixture.hpp"

namespace lms::testing {
namespace {

using CatalogTest = EngineTest;

TEST_P(CatalogTest, CreateCourseIsADraftAtVersionOne) {
  CourseSpec spec = course_spec("c1");
  spec.description = "Line one\nLine two";
  spec.recertification_days = 365;
  spec.default_due_days = 30;
  const Course course = engine_.create_course(system_, tenant_, spec);
  EXPECT_EQ(course.version, 1);
  EXPECT_EQ(course.status, CourseStatus::draft);
  EXPECT_EQ(course.created_at, clock_->now());
  const Course read = engine_.get_course(system_, tenant_, "c1");
  EXPECT_EQ(static_cast<const CourseSpec&>(read), spec);
  EXPECT_EQ(read.version, 1);

  const auto log = events();
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].type, "course.created");
  EXPECT_EQ(log[0].subject, "c1");
  EXPECT_EQ(log[0].payload.at("recertification_days"), 365);
  EXPECT_FALSE(log[0].payload.contains("created_at"));
}

TEST_P(CatalogTest, CreateCourseErrors) {
  engine_.create_course(system_, tenant_, course_spec("c1"));
  EXPECT_TRUE(fails_with(
      [&] { engine_.create_course(system_, tenant_, course_spec("c1")); },
      ErrorCode::already_exists, "key: course 'c1' already exists"));
  EXPECT_TRUE(fails_with(
      [&] {
        engine_.create_course(system_, tenant_,
                              course_spec("c2", {"c1", "ghost"}));
      },
      ErrorCode::not_found, "prerequisites[1]: no course 'ghost'"));
  EXPECT_TRUE(fails_with(
      [&] {
        engine_.create_course(system_, tenant_,
                              course_spec("c2", {"c1", "c1"}));
      },
      ErrorCode::invalid_argument, "prerequisites[1]: duplicates"));
  EXPECT_TRUE(fails_with(
      [&] {
        engine_.create_course(system_, tenant_, course_spec("c2", {"c2"}));
      },
      ErrorCode::invalid_argument,
      "prerequisites[0]: a course cannot require itself"));
  CourseSpec twice = course_spec("c2");
  twice.activities.push_back(twice.activities[0]);
  EXPECT_TRUE(
      fails_with([&] { engine_.create_course(system_, tenant_, twice); },
                 ErrorCode::invalid_argument, "activities[2].key: duplicates"));
  EXPECT_EQ(events().size(), 1u);
}

TEST_P(CatalogTest, UpdateBumpsVersionAndNamesChangedFields) {
  engine_.create_course(system_, tenant_, course_spec("c1"));
  clock_->advance(std::chrono::hours{1});
  CourseUpdate update;
  update.title = "Better title";
  update.default_due_days = 14;
  update.description = "";  // unchanged
  const Course course = engine_.update_course(system_, tenant_, "c1", update);
  EXPECT_EQ(course.version, 2);
  EXPECT_EQ(course.title, "Better title");
  EXPECT_EQ(course.updated_at, clock_->now());
  EXPECT_EQ(engine_.get_course(system_, tenant_, "c1").default_due_days, 14);

  const auto log = events();
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[1].type, "course.updated");
  EXPECT_EQ(log[1].payload.at("version"), 2);
  EXPECT_EQ(log[1].payload.at("changes"), (Json{"default_due_days", "title"}));
}

TEST_P(CatalogTest, UpdateWithoutChangeKeepsVersionAndAppendsNothing) {
  const Course created =
      engine_.create_course(system_, tenant_, course_spec("c1"));
  CourseUpdate update;
  update.title = created.title;
  update.activities = created.activities;
  const Course same = engine_.update_course(system_, tenant_, "c1", update);
  EXPECT_EQ(same.version, 1);
  EXPECT_EQ(engine_.get_course(system_, tenant_, "c1").version, 1);
  EXPECT_EQ(events().size(), 1u);
}

TEST_P(CatalogTest, PrerequisiteCycleIsRefused) {
  engine_.create_course(system_, tenant_, course_spec("a"));
  engine_.create_course(system_, tenant_, course_spec("b", {"a"}));
  engine_.create_course(system_, tenant_, course_spec("c", {"b"}));
  CourseUpdate update;
  update.prerequisites = std::vector<std::string>{"b"};
  EXPECT_TRUE(
      fails_with([&] { engine_.update_course(system_, tenant_, "a", update); },
                 ErrorCode::invalid_argument,
                 "prerequisites: 'a' -> 'b' -> 'a' would make a cycle"));
  update.prerequisites = std::vector<std::string>{"c"};
  EXPECT_TRUE(
      fails_with([&] { engine_.update_course(system_, tenant_, "a", update); },
                 ErrorCode::invalid_argument,
                 "prerequisites: 'a' -> 'c' -> 'b' -> 'a' would make a cycle"));
  EXPECT_TRUE(engine_.get_course(system_, tenant_, "a").prerequisites.empty());
  EXPECT_EQ(events().size(), 3u);

  // A diamond is a DAG, not a cycle.
  engine_.create_course(system_, tenant_, course_spec("d"));
  update.prerequisites = std::vector<std::string>{"d"};
  EXPECT_NO_THROW(engine_.update_course(system_, tenant_, "a", update));
  update.prerequisites = std::vector<std::string>{"a", "b"};
  EXPECT_NO_THROW(engine_.update_course(system_, tenant_, "c", update));
}

TEST_P(CatalogTest, UpdateWithUnknownPrerequisiteIsNotFound) {
  engine_.create_course(system_, tenant_, course_spec("a"));
  CourseUpdate update;
  update.prerequisites = std::vector<std::string>{"ghost"};
  EXPECT_TRUE(
      fails_with([&] { engine_.update_course(system_, tenant_, "a", update); },
                 ErrorCode::not_found, "prerequisites[0]: no course 'ghost'"));
}

TEST_P(CatalogTest, LifecycleGoesFromDraftToPublishedToArchived) {
  engine_.create_course(system_, tenant_, course_spec("c1"));
  const Course published = engine_.publish_course(system_, tenant_, "c1");
  EXPECT_EQ(published.status, CourseStatus::published);
  EXPECT_EQ(published.version, 1);
  EXPECT_TRUE(fails_with(
      [&] { engine_.publish_course(system_, tenant_, "c1"); },
      ErrorCode::conflict,
      "status: course 'c1' is published, only a draft can be published"));

  // A published course can still change; its version moves on.
  CourseUpdate update;
  update.title = "Revised";
  EXPECT_EQ(engine_.update_course(system_, tenant_, "c1", update).version, 2);

  const Course archived = engine_.archive_course(system_, tenant_, "c1");
  EXPECT_EQ(archived.status, CourseStatus::archived);
  EXPECT_TRUE(fails_with(
      [&] { engine_.archive_course(system_, tenant_, "c1"); },
      ErrorCode::conflict, "status: course 'c1' is already archived"));
  EXPECT_TRUE(
      fails_with([&] { engine_.publish_course(system_, tenant_, "c1"); },
                 ErrorCode::conflict, "status: course 'c1' is archived"));
  update.title = "Too late";
  EXPECT_TRUE(
      fails_with([&] { engine_.update_course(system_, tenant_, "c1", update); },
                 ErrorCode::conflict, "status: course 'c1' is archived"));

  EXPECT_EQ(event_types(),
            (std::vector<std::string>{"course.created", "course.published",
                                      "course.updated", "course.archived"}));
  EXPECT_EQ(events().back().payload, (Json{{"version", 2}}));
}

TEST_P(CatalogTest, DraftCanBeArchived) {
  engine_.create_course(system_, tenant_, course_spec("c1"));
  EXPECT_EQ(engine_.archive_course(system_, tenant_, "c1").status,
            CourseStatus::archived);
}

TEST_P(CatalogTest, UnknownCourseIsNotFound) {
  const std::string message = "key: no course 'ghost'";
  EXPECT_TRUE(fails_with([&] { engine_.get_course(system_, tenant_, "ghost"); },
                         ErrorCode::not_found, message));
  EXPECT_TRUE(
      fails_with([&] { engine_.update_course(system_, tenant_, "ghost", {}); },
                 ErrorCode::not_found, message));
  EXPECT_TRUE(
      fails_with([&] { engine_.publish_course(system_, tenant_, "ghost"); },
                 ErrorCode::not_found, message));
  EXPECT_TRUE(
      fails_with([&] { engine_.archive_course(system_, tenant_, "ghost"); },
                 ErrorCode::not_found, message));
}

TEST_P(CatalogTest, OtherTenantsCoursesAreAnsweredAsNotFound) {
  const TenantId other = engine_.create_tenant(system_, {"globex", "G"}).id;
  engine_.create_course(system_, other, course_spec("theirs"));
  EXPECT_TRUE(
      fails_with([&] { engine_.get_course(system_, tenant_, "theirs"); },
                 ErrorCode::not_found, "key: no course 'theirs'"));
  EXPECT_TRUE(
      fails_with([&] { engine_.publish_course(system_, tenant_, "theirs"); },
                 ErrorCode::not_found, "key: no course 'theirs'"));
  EXPECT_TRUE(fails_with(
      [&] {
        engine_.create_course(system_, tenant_, course_spec("c1", {"theirs"}));
      },
      ErrorCode::not_found, "prerequisites[0]: no course 'theirs'"));
  EXPECT_TRUE(engine_.list_courses(system_, tenant_, {}).courses.empty());
}

TEST_P(CatalogTest, ListCoursesFiltersAndPages) {
  for (const char* key : {"a", "b", "c", "d"})
    engine_.create_course(system_, tenant_, course_spec(key));
  engine_.publish_course(system_, tenant_, "b");
  engine_.publish_course(system_, tenant_, "d");

  CourseQuery query;
  query.limit = 3;
  CoursePage page = engine_.list_courses(system_, tenant_, query);
  ASSERT_EQ(page.courses.size(), 3u);
  EXPECT_EQ(page.courses[2].key, "c");
  query.after = page.next_after;
  page = engine_.list_courses(system_, tenant_, query);
  ASSERT_EQ(page.courses.size(), 1u);
  EXPECT_EQ(page.courses[0].key, "d");
  EXPECT_EQ(page.next_after, "");

  CourseQuery published;
  published.status = CourseStatus::published;
  page = engine_.list_courses(system_, tenant_, published);
  ASSERT_EQ(page.courses.size(), 2u);
  EXPECT_EQ(page.courses[0].key, "b");
}

TEST_P(CatalogTest, LearnerOfACourseMayReadItButNotAuthor) {
  engine_.create_course(system_, tenant_, course_spec("c1"));
  engine_.create_course(system_, tenant_, course_spec("c2"));
  const Actor user = reader();
  EXPECT_TRUE(engine_.list_courses(user, tenant_, {}).courses.empty());
  engine_.assign_role(system_, tenant_,
                      {"reader", "learner", Scope::course("c1"), {}, {}});
  EXPECT_EQ(engine_.get_course(user, tenant_, "c1").key, "c1");
  const auto page = engine_.list_courses(user, tenant_, {});
  ASSERT_EQ(page.courses.size(), 1u);
  EXPECT_EQ(page.courses[0].key, "c1");
  EXPECT_TRUE(fails_with([&] { engine_.get_course(user, tenant_, "c2"); },
                         ErrorCode::permission_denied,
                         "actor 'reader' lacks course.view on course 'c2'"));
  EXPECT_TRUE(fails_with(
      [&] { engine_.create_course(user, tenant_, course_spec("c3")); },
      ErrorCode::permission_denied, "actor 'reader' lacks course.author"));
  EXPECT_TRUE(fails_with([&] { engine_.publish_course(user, tenant_, "c1"); },
                         ErrorCode::permission_denied,
                         "actor 'reader' lacks course.publish"));
  EXPECT_EQ(engine_.get_course(system_, tenant_, "c1").status,
            CourseStatus::draft);
}

TEST_P(CatalogTest, FilteredListPagesThroughVisibleCourses) {
  const Actor user = reader();
  for (const char* key : {"a", "b", "c", "d", "e", "f"}) {
    engine_.create_course(system_, tenant_, course_spec(key));
    if (std::string{key} != "b" && std::string{key} != "e")
      engine_.assign_role(system_, tenant_,
                          {"reader", "learner", Scope::course(key), {}, {}});
  }
  CourseQuery query;
  query.limit = 2;
  std::vector<std::string> seen;
  for (;;) {
    const CoursePage page = engine_.list_courses(user, tenant_, query);
    EXPECT_LE(page.courses.size(), 2u);
    for (const auto& course : page.courses) seen.push_back(course.key);
    if (page.next_after.empty()) break;
    query.after = page.next_after;
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"a", "c", "d", "f"}));
}

INSTANTIATE_TEST_SUITE_P(Engine, CatalogTest,
                         ::testing::Values(EngineBackend::memory,
                                           EngineBackend::sqlite),
                         backend_name);

}  // namespace
}  // namespace lms::testing
