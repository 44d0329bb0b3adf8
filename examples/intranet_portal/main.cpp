// SPDX-License-Identifier: Apache-2.0
//
// An intranet's learning pages on top of the C++ API: a learner's dashboard
// (my courses, their due dates, my progress) and a manager's team view
// (each report's courses, what is overdue). The intranet authenticates
// people; the engine decides what each may see -- the dashboard and the
// team view are the same calls made as different actors.
//
// Usage: intranet_portal [database]  (default: an in-memory database)
// Checks what it computes and prints "ok" at the end; exits 1 otherwise.

#include <chrono>
#include <cstdio>
#include <lms/engine.hpp>
#include <lms/error.hpp>
#include <map>
#include <string>
#include <vector>

namespace {

using std::chrono::days;

int failures = 0;

void expect(bool condition, const char* what) {
  if (!condition) {
    std::fprintf(stderr, "check failed: %s\n", what);
    ++failures;
  }
}

// "2026-02-01" from a timestamp, "-" for none.
std::string day_of(const std::optional<lms::Timestamp>& t) {
  return t ? lms::format_timestamp(*t).substr(0, 10) : "-";
}

// The mean progress over the course's activities, in percent.
int percent_done(lms::Engine& engine, const lms::Actor& actor,
                 lms::TenantId tenant, const lms::Enrolment& e) {
  const auto course =
      engine.get_course(lms::Actor::system(), tenant, e.course_key);
  double sum = 0;
  for (const auto& p : engine.get_progress(actor, tenant, e.id))
    sum += p.progress;
  return course.activities.empty()
             ? 0
             : static_cast<int>(100 * sum /
                                static_cast<double>(course.activities.size()));
}

// Every enrolment `actor` may view, page by page.
std::vector<lms::Enrolment> visible_enrolments(lms::Engine& engine,
                                               const lms::Actor& actor,
                                               lms::TenantId tenant) {
  std::vector<lms::Enrolment> all;
  lms::EnrolmentQuery query;
  for (;;) {
    auto page = engine.list_enrolments(actor, tenant, query);
    all.insert(all.end(), page.enrolments.begin(), page.enrolments.end());
    if (page.next_after == 0) return all;
    query.after = page.next_after;
  }
}

lms::CourseSpec course(std::string key, std::string title, int due_days) {
  lms::CourseSpec spec;
  spec.key = std::move(key);
  spec.title = std::move(title);
  spec.activities = {{"video", lms::ActivityKind::lesson, "Video", true},
                     {"quiz", lms::ActivityKind::assessment, "Quiz", true}};
  spec.default_due_days = due_days;
  return spec;
}

}  // namespace

int main(int argc, char** argv) {
  auto clock = std::make_shared<lms::ManualClock>(
      lms::parse_timestamp("2026-01-05T09:00:00Z", "start"));
  lms::Engine engine(lms::open_sqlite(argc > 1 ? argv[1] : ":memory:"),
                     lms::EngineOptions{clock});
  const auto system = lms::Actor::system();
  const auto tenant = engine.create_tenant(system, {"acme", "Acme"}).id;

  // The people: Maria manages Ravi and Li.
  for (const char* key : {"maria", "ravi", "li"}) {
    lms::UserRecord person;
    person.key = key;
    person.display_name = key;
    if (std::string{key} != "maria") person.manager_key = "maria";
    engine.create_user(system, tenant, person);
  }
  // The catalogue: two mandatory courses and one that needs the first.
  for (const auto& spec : {course("security", "Security basics", 14),
                           course("privacy", "Data privacy", 30),
                           course("phishing", "Phishing drill", 7)}) {
    lms::CourseSpec s = spec;
    if (s.key == "phishing") s.prerequisites = {"security"};
    engine.create_course(system, tenant, s);
    engine.publish_course(system, tenant, s.key);
  }

  // HR's import enrols everyone in both mandatory courses and the drill;
  // Maria, as their manager, could have done it too.
  std::vector<lms::EnrolmentSpec> batch;
  for (const char* user : {"ravi", "li"})
    for (const char* key : {"security", "privacy", "phishing"}) {
      lms::EnrolmentSpec spec;
      spec.user_key = user;
      spec.course_key = key;
      spec.source = lms::EnrolmentSource::import;
      batch.push_back(spec);
    }
  const auto imported = engine.enrol_many(system, tenant, batch);
  expect(imported.enrolled == 6, "six enrolments imported");

  // Ravi works through security (which unlocks the drill) and starts
  // privacy; Li does nothing for three weeks.
  const auto ravi = lms::Actor::user("ravi");
  const auto report = [&](const char* course_key, const char* activity,
                          bool completed, double progress) {
    lms::ProgressUpdate update;
    update.user_key = "ravi";
    update.course_key = course_key;
    update.activity_key = activity;
    update.completed = completed;
    update.progress = progress;
    update.time_spent = std::chrono::minutes{10};
    return engine.record_progress(ravi, tenant, update);
  };
  clock->advance(days{2});
  report("security", "video", true, 1);
  const auto security = report("security", "quiz", true, 1);
  expect(security.enrolment.status == lms::EnrolmentStatus::completed,
         "security completed");
  report("privacy", "video", false, 0.5);
  clock->advance(days{19});

  // Ravi's dashboard: his own enrolments only.
  std::printf("dashboard of ravi (%s):\n", day_of(clock->now()).c_str());
  const auto mine = visible_enrolments(engine, ravi, tenant);
  expect(mine.size() == 3, "ravi sees his three enrolments");
  std::map<std::string, std::string> status_of;
  for (const auto& e : mine) {
    status_of[e.course_key] = std::string{lms::to_string(e.status)};
    std::printf("  %-9s %-11s due %s  %3d%%\n", e.course_key.c_str(),
                std::string{lms::to_string(e.status)}.c_str(),
                day_of(e.due_at).c_str(),
                percent_done(engine, ravi, tenant, e));
  }
  expect(status_of["security"] == "completed", "security shows completed");
  expect(status_of["phishing"] == "enrolled", "the drill was unlocked");
  expect(status_of["privacy"] == "in_progress", "privacy shows in progress");
  for (const auto& e : mine)
    if (e.course_key == "privacy")
      expect(percent_done(engine, ravi, tenant, e) == 25,
             "half of one of two activities is 25%");

  // Maria's team view: her reports' enrolments, overdue ones flagged.
  const auto maria = lms::Actor::user("maria");
  std::printf("team of maria:\n");
  int overdue = 0;
  for (const auto& e : visible_enrolments(engine, maria, tenant)) {
    const bool late = e.due_at && *e.due_at < clock->now() &&
                      e.status != lms::EnrolmentStatus::completed;
    overdue += late ? 1 : 0;
    std::printf(
        "  %-5s %-9s %-11s%s\n", e.user_key.c_str(), e.course_key.c_str(),
        std::string{lms::to_string(e.status)}.c_str(), late ? " OVERDUE" : "");
  }
  // Li's security (due day 14) and both drills (due day 7) are late.
  std::printf("overdue: %d\n", overdue);
  expect(overdue == 3, "three overdue enrolments in the team");

  // Li may not look at Ravi's record.
  try {
    engine.get_progress(lms::Actor::user("li"), tenant, mine.front().id);
    expect(false, "li reads ravi's progress");
  } catch (const lms::Error& e) {
    expect(e.code() == lms::ErrorCode::permission_denied,
           "li is denied ravi's progress");
  }

  if (failures > 0) return 1;
  std::printf("ok\n");
  return 0;
}
