// SPDX-License-Identifier: Apache-2.0
//
// Enrolment and progress through lms::Engine: due dates, the one-active
// rule (also under concurrent callers), windows and states, prerequisites
// that lock and unlock, progress to completion or failure with expiry,
// idempotence, cycles, bulk enrolment, who may do what, and a table of bad
// input that must fail naming its field and write nothing.

#include <gmock/gmock.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <limits>
#include <string>
#include <thread>
#include <vector>

#include "lms/limits.hpp"
#include "unit/engine_fixture.hpp"

namespace lms::testing {
namespace {

using std::chrono::days;
using std::chrono::milliseconds;
using ::testing::ElementsAre;

class EnrolmentTest : public EngineTest {
 protected:
  void SetUp() override {
    engine_.create_org_unit(system_, tenant_, {"ops", "Operations", ""});
    UserRecord boss = user_record("boss", "ops");
    engine_.create_user(system_, tenant_, boss);
    for (const char* key : {"l1", "l2"}) {
      UserRecord learner = user_record(key, "ops");
      learner.manager_key = "boss";
      learner.hire_date = Date{std::chrono::year{2025} / 12 / 1};
      engine_.create_user(system_, tenant_, learner);
    }
    engine_.create_user(system_, tenant_, user_record("teacher"));

    CourseSpec safety = course_spec("safety");
    safety.default_due_days = 30;
    safety.recertification_days = 365;
    publish(safety);
    publish(course_spec("basics"));
    publish(course_spec("advanced", {"basics"}));
    CourseSpec open = course_spec("open");
    open.self_enrolment = true;
    publish(open);
  }

  void publish(const CourseSpec& spec) {
    engine_.create_course(system_, tenant_, spec);
    engine_.publish_course(system_, tenant_, spec.key);
  }

  Enrolment enrol(const std::string& user, const std::string& course,
                  const Actor& actor = Actor::system()) {
    EnrolmentSpec spec;
    spec.user_key = user;
    spec.course_key = course;
    return engine_.enrol(actor, tenant_, spec);
  }

  RecordedProgress complete(const std::string& user, const std::string& course,
                            const std::string& activity,
                            std::optional<double> score = std::nullopt,
                            const Actor& actor = Actor::system()) {
    ProgressUpdate update;
    update.user_key = user;
    update.course_key = course;
    update.activity_key = activity;
    update.completed = true;
    update.score = score;
    return engine_.record_progress(actor, tenant_, update);
  }

  Timestamp now() const { return clock_->now(); }
};

TEST_P(EnrolmentTest, EnrolmentIsDueAfterTheCoursesDefaultPeriod) {
  const Enrolment e = enrol("l1", "safety");
  EXPECT_GT(e.id, 0);
  EXPECT_EQ(e.status, EnrolmentStatus::enrolled);
  EXPECT_EQ(e.source, EnrolmentSource::manual);
  EXPECT_EQ(e.cycle, 1);
  EXPECT_EQ(e.enrolled_at, now());
  EXPECT_EQ(e.due_at, now() + days{30});
  EXPECT_EQ(engine_.get_enrolment(system_, tenant_, e.id), e);
  const auto all = events();
  ASSERT_FALSE(all.empty());
  EXPECT_EQ(all.back().type, "enrolment.created");
  EXPECT_EQ(all.back().subject, "l1");
  EXPECT_EQ(all.back().payload.at("id"), e.id);
  // A course without a default period gives no due date.
  EXPECT_FALSE(enrol("l1", "basics").due_at);
}

TEST_P(EnrolmentTest, DueDateCanCountFromTheHireDate) {
  CourseUpdate update;
  update.due_from = DueFrom::hire_date;
  engine_.update_course(system_, tenant_, "safety", update);
  const Timestamp hired{Date{std::chrono::year{2025} / 12 / 1}};
  EXPECT_EQ(enrol("l1", "safety").due_at, hired + days{30});
  // A user without a hire date counts from enrolment.
  EXPECT_EQ(enrol("boss", "safety").due_at, now() + days{30});
}

TEST_P(EnrolmentTest, ExplicitDueDateWins) {
  EnrolmentSpec spec;
  spec.user_key = "l1";
  spec.course_key = "safety";
  spec.due_at = now() + days{3};
  EXPECT_EQ(engine_.enrol(system_, tenant_, spec).due_at, now() + days{3});
}

TEST_P(EnrolmentTest, OneActiveEnrolmentPerUserAndCourse) {
  const Enrolment first = enrol("l1", "safety");
  EXPECT_TRUE(fails_with([&] { enrol("l1", "safety"); },
                         ErrorCode::already_exists,
                         "user_key: user 'l1' already has active enrolment " +
                             std::to_string(first.id)));
}

TEST_P(EnrolmentTest, ConcurrentCallersCreateOneEnrolment) {
  std::atomic<int> created{0};
  std::atomic<int> refused{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i)
    threads.emplace_back([&] {
      try {
        enrol("l2", "safety");
        ++created;
      } catch (const Error& e) {
        if (e.code() == ErrorCode::already_exists) ++refused;
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(created, 1);
  EXPECT_EQ(refused, 7);
  EnrolmentQuery query;
  query.user_key = "l2";
  EXPECT_EQ(engine_.list_enrolments(system_, tenant_, query).enrolments.size(),
            1u);
}

TEST_P(EnrolmentTest, OnlyPublishedCoursesWithinTheirWindowTakeEnrolments) {
  engine_.create_course(system_, tenant_, course_spec("draft"));
  EXPECT_TRUE(fails_with([&] { enrol("l1", "draft"); }, ErrorCode::conflict,
                         "course_key: course 'draft' is draft"));
  CourseUpdate window;
  window.enrolment_opens = now() + days{1};
  window.enrolment_closes = now() + days{2};
  engine_.update_course(system_, tenant_, "basics", window);
  EXPECT_TRUE(fails_with([&] { enrol("l1", "basics"); }, ErrorCode::conflict,
                         "takes enrolments from"));
  clock_->advance(days{1});
  EXPECT_NO_THROW(enrol("l1", "basics"));
  clock_->advance(days{1});
  EXPECT_TRUE(fails_with([&] { enrol("l2", "basics"); }, ErrorCode::conflict,
                         "stopped taking enrolments"));
}

TEST_P(EnrolmentTest, PrerequisitesLockUntilCompleted) {
  const Enrolment advanced = enrol("l1", "advanced");
  EXPECT_EQ(advanced.status, EnrolmentStatus::locked);
  EXPECT_TRUE(fails_with([&] { complete("l1", "advanced", "intro"); },
                         ErrorCode::conflict, "is locked"));
  enrol("l1", "basics");
  complete("l1", "basics", "intro");
  EXPECT_EQ(engine_.get_enrolment(system_, tenant_, advanced.id).status,
            EnrolmentStatus::locked);
  const auto done = complete("l1", "basics", "quiz");
  EXPECT_EQ(done.enrolment.status, EnrolmentStatus::completed);
  EXPECT_EQ(engine_.get_enrolment(system_, tenant_, advanced.id).status,
            EnrolmentStatus::enrolled);
  EXPECT_EQ(events().back().type, "enrolment.unlocked");
  EXPECT_EQ(events().back().payload.at("id"), advanced.id);
  // Enrolling after the prerequisite is done starts unlocked.
  enrol("l2", "basics");
  complete("l2", "basics", "intro");
  complete("l2", "basics", "quiz");
  EXPECT_EQ(enrol("l2", "advanced").status, EnrolmentStatus::enrolled);
}

TEST_P(EnrolmentTest, ProgressMovesTheEnrolmentToCompletionWithExpiry) {
  const Enrolment e = enrol("l1", "safety");
  clock_->advance(days{2});
  ProgressUpdate update;
  update.user_key = "l1";
  update.course_key = "safety";
  update.activity_key = "intro";
  update.progress = 0.5;
  update.time_spent = milliseconds{60'000};
  const auto started = engine_.record_progress(system_, tenant_, update);
  EXPECT_EQ(started.enrolment.status, EnrolmentStatus::in_progress);
  EXPECT_EQ(started.activity.progress, 0.5);
  complete("l1", "safety", "intro", 0.5);
  clock_->advance(days{1});
  const auto done = complete("l1", "safety", "quiz", 0.9);
  EXPECT_EQ(done.enrolment.status, EnrolmentStatus::completed);
  EXPECT_EQ(done.enrolment.completed_at, now());
  EXPECT_EQ(done.enrolment.expires_at, now() + days{365});
  EXPECT_DOUBLE_EQ(*done.enrolment.score, 0.7);
  EXPECT_EQ(engine_.get_enrolment(system_, tenant_, e.id), done.enrolment);
  const auto progress = engine_.get_progress(system_, tenant_, e.id);
  ASSERT_EQ(progress.size(), 2u);
  EXPECT_EQ(progress[0].activity_key, "intro");
  EXPECT_EQ(progress[0].time_spent, milliseconds{60'000});
  EXPECT_EQ(progress[1], done.activity);
  EXPECT_THAT(event_types(),
              ::testing::IsSupersetOf({"enrolment.started", "progress.recorded",
                                       "enrolment.completed"}));
}

TEST_P(EnrolmentTest, RepeatingAnUpdateWritesNothing) {
  enrol("l1", "safety");
  const auto first = complete("l1", "safety", "intro", 0.8);
  const auto count = events().size();
  clock_->advance(days{1});
  const auto again = complete("l1", "safety", "intro", 0.8);
  EXPECT_EQ(events().size(), count);
  EXPECT_EQ(again.activity, first.activity);
  // A lower score under the highest policy changes nothing either.
  complete("l1", "safety", "intro", 0.3);
  EXPECT_EQ(events().size(), count);
}

TEST_P(EnrolmentTest, AMissedScoreFailsAndARetakeCompletes) {
  CourseUpdate update;
  CompletionRule rule;
  rule.min_score = 0.8;
  update.completion = rule;
  engine_.update_course(system_, tenant_, "basics", update);
  enrol("l1", "basics");
  complete("l1", "basics", "intro", 0.9);
  const auto failed = complete("l1", "basics", "quiz", 0.5);
  EXPECT_EQ(failed.enrolment.status, EnrolmentStatus::failed);
  EXPECT_EQ(events().back().type, "enrolment.failed");
  const auto passed = complete("l1", "basics", "quiz", 0.8);
  EXPECT_EQ(passed.enrolment.status, EnrolmentStatus::completed);
  EXPECT_DOUBLE_EQ(*passed.enrolment.score, 0.85);
}

TEST_P(EnrolmentTest, WithdrawnUsersReEnrolInANewCycle) {
  const Enrolment first = enrol("l1", "safety");
  const Enrolment withdrawn = engine_.withdraw(system_, tenant_, first.id);
  EXPECT_EQ(withdrawn.status, EnrolmentStatus::withdrawn);
  EXPECT_EQ(events().back().type, "enrolment.withdrawn");
  EXPECT_TRUE(fails_with([&] { complete("l1", "safety", "intro"); },
                         ErrorCode::conflict, "is withdrawn"));
  EXPECT_TRUE(fails_with([&] { engine_.withdraw(system_, tenant_, first.id); },
                         ErrorCode::conflict, "cannot withdraw"));
  const Enrolment second = enrol("l1", "safety");
  EXPECT_EQ(second.cycle, 2);
  complete("l1", "safety", "intro");
  complete("l1", "safety", "quiz");
  // A completed record is never withdrawn.
  EXPECT_TRUE(fails_with([&] { engine_.withdraw(system_, tenant_, second.id); },
                         ErrorCode::conflict, "is completed: cannot withdraw"));
  EXPECT_EQ(enrol("l1", "safety").cycle, 3);
}

TEST_P(EnrolmentTest, LearnersEnrolThemselvesWhereTheCourseAllows) {
  const Actor l1 = Actor::user("l1");
  const Enrolment e = engine_.enrol_self(l1, tenant_, "open");
  EXPECT_EQ(e.user_key, "l1");
  EXPECT_EQ(e.source, EnrolmentSource::self);
  EXPECT_TRUE(fails_with([&] { engine_.enrol_self(l1, tenant_, "basics"); },
                         ErrorCode::conflict,
                         "course 'basics' does not allow self-enrolment"));
  EXPECT_TRUE(fails_with([&] { engine_.enrol_self(system_, tenant_, "open"); },
                         ErrorCode::invalid_argument, "actor:"));
  // An override at the course is the nearest scope of its enrolments.
  Override closed;
  closed.role_key = std::string{kRoleLearner};
  closed.scope = Scope::course("open");
  closed.permission = Permission::enrolment_self;
  closed.value = PermissionValue::prohibit;
  engine_.set_override(system_, tenant_, closed);
  EXPECT_TRUE(fails_with(
      [&] { engine_.enrol_self(Actor::user("l2"), tenant_, "open"); },
      ErrorCode::permission_denied, "lacks enrolment.self"));
}

TEST_P(EnrolmentTest, WhoMayEnrolAndRecord) {
  const Actor l1 = Actor::user("l1");
  const Actor boss = Actor::user("boss");
  const Actor teacher = Actor::user("teacher");
  // A learner enrols nobody else, not even through the manual call.
  EXPECT_TRUE(fails_with([&] { enrol("l2", "safety", l1); },
                         ErrorCode::permission_denied,
                         "lacks enrolment.manage on the enrolment of user "
                         "'l2' in course 'safety'"));
  // A manager enrols their reports; not themselves (no manager of their own).
  EXPECT_NO_THROW(enrol("l2", "safety", boss));
  EXPECT_TRUE(fails_with([&] { enrol("boss", "safety", boss); },
                         ErrorCode::permission_denied, "enrolment.manage"));
  // An instructor assigned at a course acts on its enrolments only.
  AssignmentSpec at_course;
  at_course.user_key = "teacher";
  at_course.role_key = std::string{kRoleInstructor};
  at_course.scope = Scope::course("basics");
  engine_.assign_role(system_, tenant_, at_course);
  EXPECT_NO_THROW(enrol("l1", "basics", teacher));
  EXPECT_NO_THROW(complete("l1", "basics", "intro", {}, teacher));
  EXPECT_TRUE(fails_with([&] { enrol("l1", "safety", teacher); },
                         ErrorCode::permission_denied, "enrolment.manage"));
  // Learners record their own progress, not others'.
  EXPECT_NO_THROW(complete("l2", "safety", "intro", {}, Actor::user("l2")));
  EXPECT_TRUE(fails_with([&] { complete("l2", "safety", "quiz", {}, l1); },
                         ErrorCode::permission_denied, "progress.record"));
  // Each sees the enrolments they may view.
  const auto ids = [&](const Actor& actor) {
    std::vector<std::string> users;
    for (const auto& e : engine_.list_enrolments(actor, tenant_, {}).enrolments)
      users.push_back(e.user_key + "/" + e.course_key);
    return users;
  };
  EXPECT_THAT(ids(l1), ElementsAre("l1/basics"));
  EXPECT_THAT(ids(boss), ElementsAre("l2/safety", "l1/basics"));
  EXPECT_THAT(ids(teacher), ElementsAre("l1/basics"));
}

TEST_P(EnrolmentTest, ListPagesThroughTheVisibleEnrolments) {
  for (const char* course : {"safety", "basics", "open"}) {
    enrol("l1", course);
    enrol("l2", course);
  }
  EnrolmentQuery query;
  query.limit = 2;
  std::vector<std::string> seen;
  for (;;) {
    const auto page =
        engine_.list_enrolments(Actor::user("l1"), tenant_, query);
    for (const auto& e : page.enrolments) seen.push_back(e.course_key);
    if (page.next_after == 0) break;
    query.after = page.next_after;
  }
  EXPECT_THAT(seen, ElementsAre("safety", "basics", "open"));
}

TEST_P(EnrolmentTest, BulkEnrolmentCountsWhatWasAlreadyThere) {
  enrol("l1", "safety");
  std::vector<EnrolmentSpec> batch;
  for (const char* user : {"l2", "l1", "boss", "l2"}) {
    EnrolmentSpec spec;
    spec.user_key = user;
    spec.course_key = "safety";
    spec.source = EnrolmentSource::import;
    batch.push_back(spec);
  }
  batch[0].course_key = "basics";
  const auto result = engine_.enrol_many(system_, tenant_, batch);
  EXPECT_EQ(result, (BulkEnrolResult{3, 1}));
  // Written in (course, user) order: basics/l2, then safety/boss, safety/l2.
  EnrolmentQuery query;
  query.after = 1;
  std::vector<std::string> order;
  for (const auto& e :
       engine_.list_enrolments(system_, tenant_, query).enrolments) {
    order.push_back(e.course_key + "/" + e.user_key);
    EXPECT_EQ(e.source, EnrolmentSource::import);
  }
  EXPECT_THAT(order, ElementsAre("basics/l2", "safety/boss", "safety/l2"));
  // The same batch again enrols nobody.
  EXPECT_EQ(engine_.enrol_many(system_, tenant_, batch),
            (BulkEnrolResult{0, 4}));
}

TEST_P(EnrolmentTest, BulkEnrolmentIsAllOrNothing) {
  std::vector<EnrolmentSpec> batch(3);
  for (std::size_t i = 0; i < batch.size(); ++i) {
    batch[i].user_key = "l1";
    batch[i].course_key = "safety";
  }
  batch[1].course_key = "basics";
  batch[2].user_key = "ghost";
  const auto before = events().size();
  EXPECT_TRUE(fails_with([&] { engine_.enrol_many(system_, tenant_, batch); },
                         ErrorCode::not_found,
                         "enrolments[2].user_key: no user 'ghost'"));
  EXPECT_EQ(events().size(), before);
  EXPECT_TRUE(engine_.list_enrolments(system_, tenant_, {}).enrolments.empty());
  // A learner's batch is refused at the first pair they may not touch.
  batch[2].user_key = "l2";
  EXPECT_TRUE(
      fails_with([&] { engine_.enrol_many(Actor::user("l1"), tenant_, batch); },
                 ErrorCode::permission_denied, "enrolment.manage"));
  EXPECT_EQ(events().size(), before);
}

TEST_P(EnrolmentTest, AnotherTenantsEnrolmentIsNotFound) {
  const Enrolment e = enrol("l1", "safety");
  const TenantId other =
      engine_.create_tenant(system_, {"globex", "Globex"}).id;
  EXPECT_TRUE(fails_with([&] { engine_.get_enrolment(system_, other, e.id); },
                         ErrorCode::not_found, "enrolment_id"));
  EXPECT_TRUE(fails_with([&] { engine_.withdraw(system_, other, e.id); },
                         ErrorCode::not_found, "enrolment_id"));
  EXPECT_TRUE(fails_with([&] { engine_.get_progress(system_, other, e.id); },
                         ErrorCode::not_found, "enrolment_id"));
}

// --- Bad input
// -----------------------------------------------------------------

struct BadCall {
  std::string name;
  std::function<void(Engine&, TenantId)> call;
  ErrorCode code;
  std::string message;
};

class EnrolmentBadInputTest : public EnrolmentTest {
 protected:
  void SetUp() override {
    EnrolmentTest::SetUp();
    enrol("l2", "safety");
    UserUpdate gone;
    gone.status = UserStatus::deprovisioned;
    engine_.create_user(system_, tenant_, user_record("leaver"));
    engine_.update_user(system_, tenant_, "leaver", gone);
  }

  // Everything a bad call could have written.
  std::string snapshot() {
    Json state;
    for (const Event& event : events())
      state["events"].push_back(to_json(event));
    EnrolmentQuery all;
    all.limit = limits::kPageSize;
    state["enrolments"] =
        to_json(engine_.list_enrolments(system_, tenant_, all));
    return state.dump();
  }
};

EnrolmentSpec Spec(std::string user, std::string course) {
  EnrolmentSpec spec;
  spec.user_key = std::move(user);
  spec.course_key = std::move(course);
  return spec;
}

ProgressUpdate Progress(std::function<void(ProgressUpdate&)> edit) {
  ProgressUpdate update;
  update.user_key = "l2";
  update.course_key = "safety";
  update.activity_key = "intro";
  edit(update);
  return update;
}

std::vector<BadCall> BadCalls() {
  const auto enrol = [](EnrolmentSpec spec) {
    return [spec](Engine& engine, TenantId tenant) {
      engine.enrol(Actor::system(), tenant, spec);
    };
  };
  const auto record = [](ProgressUpdate update) {
    return [update](Engine& engine, TenantId tenant) {
      engine.record_progress(Actor::system(), tenant, update);
    };
  };
  EnrolmentSpec past = Spec("l1", "safety");
  past.due_at = from_unix_ms(1'767'225'600'000 - 1);
  EnrolmentSpec far = Spec("l1", "safety");
  far.due_at = from_unix_ms(std::numeric_limits<std::int64_t>::max());
  EnrolmentSpec audience = Spec("l1", "safety");
  audience.source = EnrolmentSource::audience;
  const std::string bad_utf8 = "l\xC3\x28";
  return {
      {"UnknownUser", enrol(Spec("ghost", "safety")), ErrorCode::not_found,
       "user_key"},
      {"UnknownCourse", enrol(Spec("l1", "nope")), ErrorCode::not_found,
       "course_key"},
      {"DeprovisionedUser", enrol(Spec("leaver", "safety")),
       ErrorCode::invalid_argument, "user_key: user 'leaver' is deprovisioned"},
      {"DueBeforeEnrolment", enrol(past), ErrorCode::invalid_argument,
       "due_at: must not be before the enrolment"},
      {"DueBeyondYear9999", enrol(far), ErrorCode::invalid_argument,
       "due_at: must be in the years 1900 to 9999"},
      {"SourceSetByTheEngine", enrol(audience), ErrorCode::invalid_argument,
       "source: must be manual or import"},
      {"EmptyUserKey", enrol(Spec("", "safety")), ErrorCode::invalid_argument,
       "user_key: must not be empty"},
      {"InvalidUtf8", enrol(Spec(bad_utf8, "safety")),
       ErrorCode::invalid_argument, "user_key: must be valid UTF-8"},
      {"OversizedKey", enrol(Spec(std::string(200, 'k'), "safety")),
       ErrorCode::invalid_argument, "user_key: must be at most 128 bytes"},
      {"SqlMetacharacters", enrol(Spec("l1'; DROP TABLE users; --", "safety")),
       ErrorCode::not_found, "user_key"},
      {"OtherTenantsCourse", enrol(Spec("l1", "their-course")),
       ErrorCode::not_found, "course_key"},
      {"ProgressAboveOne",
       record(Progress([](ProgressUpdate& u) { u.progress = 1.5; })),
       ErrorCode::invalid_argument, "progress: must be between 0 and 1"},
      {"ScoreNaN", record(Progress([](ProgressUpdate& u) {
         u.score = std::numeric_limits<double>::quiet_NaN();
       })),
       ErrorCode::invalid_argument,
       "score: must be between 0 and 1, got 'nan'"},
      {"NegativeScore",
       record(Progress([](ProgressUpdate& u) { u.score = -0.1; })),
       ErrorCode::invalid_argument, "score: must be between 0 and 1"},
      {"NegativeTime", record(Progress([](ProgressUpdate& u) {
         u.time_spent = milliseconds{-1};
       })),
       ErrorCode::invalid_argument, "time_spent_ms: must be between 0 and"},
      {"HugeTime", record(Progress([](ProgressUpdate& u) {
         u.time_spent = milliseconds{limits::kMaxTimeSpentMs + 1};
       })),
       ErrorCode::invalid_argument, "time_spent_ms"},
      {"UnknownActivity",
       record(Progress([](ProgressUpdate& u) { u.activity_key = "nope"; })),
       ErrorCode::not_found, "activity_key: no activity 'nope'"},
      {"NotEnrolled",
       record(Progress([](ProgressUpdate& u) { u.user_key = "l1"; })),
       ErrorCode::not_found, "user_key: user 'l1' is not enrolled"},
      {"UnknownUserProgress",
       record(Progress([](ProgressUpdate& u) { u.user_key = "ghost"; })),
       ErrorCode::not_found, "user_key"},
  };
}

TEST_P(EnrolmentBadInputTest, EachFailsNamingItsFieldAndWritesNothing) {
  engine_.create_course(system_,
                        engine_.create_tenant(system_, {"globex", "G"}).id,
                        course_spec("their-course"));
  for (const BadCall& bad : BadCalls()) {
    SCOPED_TRACE(bad.name);
    const std::string before = snapshot();
    EXPECT_TRUE(
        fails_with([&] { bad.call(engine_, tenant_); }, bad.code, bad.message));
    EXPECT_EQ(snapshot(), before);
  }
}

TEST_P(EnrolmentBadInputTest, CourseRulesAreValidated) {
  CourseSpec spec = course_spec("bad");
  spec.completion.required_count = 3;
  EXPECT_TRUE(fails_with([&] { engine_.create_course(system_, tenant_, spec); },
                         ErrorCode::invalid_argument,
                         "completion.required_count: must be between 1 and"));
  spec = course_spec("bad");
  spec.completion.must_pass = {"ghost"};
  EXPECT_TRUE(fails_with([&] { engine_.create_course(system_, tenant_, spec); },
                         ErrorCode::invalid_argument,
                         "completion.must_pass[0]: is not an activity"));
  spec = course_spec("bad");
  spec.completion.min_score = 1.01;
  EXPECT_TRUE(fails_with([&] { engine_.create_course(system_, tenant_, spec); },
                         ErrorCode::invalid_argument, "completion.min_score"));
  spec = course_spec("bad");
  spec.enrolment_opens = from_unix_ms(10);
  spec.enrolment_closes = from_unix_ms(10);
  EXPECT_TRUE(fails_with([&] { engine_.create_course(system_, tenant_, spec); },
                         ErrorCode::invalid_argument,
                         "enrolment_closes: must be after enrolment_opens"));
}

INSTANTIATE_TEST_SUITE_P(Engine, EnrolmentTest,
                         ::testing::Values(EngineBackend::memory,
                                           EngineBackend::sqlite),
                         backend_name);
INSTANTIATE_TEST_SUITE_P(Engine, EnrolmentBadInputTest,
                         ::testing::Values(EngineBackend::memory,
                                           EngineBackend::sqlite),
                         backend_name);

}  // namespace
}  // namespace lms::testing
