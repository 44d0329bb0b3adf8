// SPDX-License-Identifier: Apache-2.0
//
// Enrolment and progress speed on an SQLite file, each beside raw SQLite
// doing the same writes on the same schema in the same run:
// - bulk enrolment of 20,000 users into 5 courses (100,000 enrolments and
//   their events) in one enrol_many call, against one hand-written
//   transaction inserting the same rows in the same order;
// - one progress record per transaction (the learner's report, its event
//   and the enrolment's status), against a transaction writing the same
//   progress row and event by hand.
// Prints the rates and the ratios: these machines are noisy, ratios are
// what we compare.

#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "lms/engine.hpp"

namespace {

constexpr int kUsers = 20'000;
constexpr int kCourses = 5;
const std::string kDatabase = "bench_enrolment.db";

struct Figures {
  double engine_enrol_rate = 0;
  double raw_enrol_rate = 0;
  double engine_progress_us = 0;
  double raw_progress_us = 0;
} figures;

std::string user_key(int i) {
  char text[16];
  std::snprintf(text, sizeof text, "E%07d", i);
  return text;
}

std::string course_key(int c) { return "course-" + std::to_string(c); }

void remove_database() {
  for (const char* suffix : {"", "-wal", "-shm"})
    std::filesystem::remove(kDatabase + suffix);
}

// A fresh file with a tenant, its users and published courses.
lms::TenantId prepare_database() {
  remove_database();
  lms::Engine engine = lms::Engine::open(kDatabase);
  const auto system = lms::Actor::system();
  const auto tenant = engine.create_tenant(system, {"acme", "Acme"}).id;
  std::vector<lms::UserRecord> users(kUsers);
  for (int i = 0; i < kUsers; ++i) {
    users[i].key = user_key(i);
    users[i].display_name = "Employee";
  }
  engine.sync_users(system, tenant, users);
  for (int c = 0; c < kCourses; ++c) {
    lms::CourseSpec spec;
    spec.key = course_key(c);
    spec.title = "Course";
    spec.activities = {{"intro", lms::ActivityKind::lesson, "Intro", true},
                       {"quiz", lms::ActivityKind::assessment, "Quiz", true}};
    spec.default_due_days = 30;
    engine.create_course(system, tenant, spec);
    engine.publish_course(system, tenant, spec.key);
  }
  return tenant;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
      .count();
}

sqlite3* open_raw() {
  sqlite3* db = nullptr;
  sqlite3_open(kDatabase.c_str(), &db);
  sqlite3_exec(db,
               "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
               "PRAGMA foreign_keys=ON;",
               nullptr, nullptr, nullptr);
  return db;
}

void BM_BulkEnrolEngine(benchmark::State& state) {
  std::vector<lms::EnrolmentSpec> specs;
  for (int c = 0; c < kCourses; ++c)
    for (int i = 0; i < kUsers; ++i) {
      lms::EnrolmentSpec spec;
      spec.user_key = user_key(i);
      spec.course_key = course_key(c);
      specs.push_back(spec);
    }
  for (auto _ : state) {
    state.PauseTiming();
    const auto tenant = prepare_database();
    lms::Engine engine = lms::Engine::open(kDatabase);
    state.ResumeTiming();
    const auto start = std::chrono::steady_clock::now();
    const auto result = engine.enrol_many(lms::Actor::system(), tenant, specs);
    figures.engine_enrol_rate = specs.size() / seconds_since(start);
    if (result.enrolled != specs.size())
      state.SkipWithError("not all enrolled");
  }
  state.SetItemsProcessed(state.iterations() * kUsers * kCourses);
}

// The rows enrol_many writes, by hand: one transaction, two prepared
// statements, the same order, the same JSON payload size.
void BM_BulkEnrolRawSqlite(benchmark::State& state) {
  for (auto _ : state) {
    state.PauseTiming();
    const auto tenant = prepare_database();
    sqlite3* db = open_raw();
    state.ResumeTiming();
    const auto start = std::chrono::steady_clock::now();
    sqlite3_stmt* insert = nullptr;
    sqlite3_stmt* event = nullptr;
    sqlite3_prepare_v2(
        db,
        "INSERT INTO enrolments (tenant_id, user_key, course_key, cycle, "
        "status, source, source_key, enrolled_at, due_at, completed_at, "
        "expires_at, score, updated_at) VALUES (?, ?, ?, 1, 'enrolled', "
        "'manual', '', ?, ?, NULL, NULL, NULL, ?)",
        -1, &insert, nullptr);
    sqlite3_prepare_v2(db,
                       "INSERT INTO events (tenant_id, time, actor, type, "
                       "subject, payload) VALUES (?, ?, '@system', "
                       "'enrolment.created', ?, ?)",
                       -1, &event, nullptr);
    sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    const std::int64_t now = 1'767'225'600'000;
    for (int c = 0; c < kCourses; ++c) {
      const std::string course = course_key(c);
      for (int i = 0; i < kUsers; ++i) {
        const std::string user = user_key(i);
        sqlite3_bind_int64(insert, 1, tenant);
        sqlite3_bind_text(insert, 2, user.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 3, course.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(insert, 4, now);
        sqlite3_bind_int64(insert, 5, now + 30LL * 86'400'000);
        sqlite3_bind_int64(insert, 6, now);
        sqlite3_step(insert);
        sqlite3_reset(insert);
        const std::string payload =
            "{\"course_key\":\"" + course + "\",\"cycle\":1,\"id\":" +
            std::to_string(sqlite3_last_insert_rowid(db)) +
            ",\"status\":\"enrolled\",\"source\":\"manual\",\"user_key\":\"" +
            user + "\",\"due_at\":\"2026-01-31T00:00:00.000Z\"}";
        sqlite3_bind_int64(event, 1, tenant);
        sqlite3_bind_int64(event, 2, now);
        sqlite3_bind_text(event, 3, user.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(event, 4, payload.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_step(event);
        sqlite3_reset(event);
      }
    }
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    figures.raw_enrol_rate = kUsers * kCourses / seconds_since(start);
    sqlite3_finalize(insert);
    sqlite3_finalize(event);
    sqlite3_close(db);
  }
  state.SetItemsProcessed(state.iterations() * kUsers * kCourses);
}

constexpr int kReports = 2'000;

// A database where user i is enrolled in course 0.
lms::TenantId prepare_enrolled() {
  const auto tenant = prepare_database();
  lms::Engine engine = lms::Engine::open(kDatabase);
  std::vector<lms::EnrolmentSpec> specs(kReports);
  for (int i = 0; i < kReports; ++i) {
    specs[i].user_key = user_key(i);
    specs[i].course_key = course_key(0);
  }
  engine.enrol_many(lms::Actor::system(), tenant, specs);
  return tenant;
}

void BM_ProgressPerTransactionEngine(benchmark::State& state) {
  for (auto _ : state) {
    state.PauseTiming();
    const auto tenant = prepare_enrolled();
    lms::Engine engine = lms::Engine::open(kDatabase);
    state.ResumeTiming();
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < kReports; ++i) {
      lms::ProgressUpdate update;
      update.user_key = user_key(i);
      update.course_key = course_key(0);
      update.activity_key = "intro";
      update.progress = 0.5;
      update.time_spent = std::chrono::milliseconds{30'000};
      engine.record_progress(lms::Actor::system(), tenant, update);
    }
    figures.engine_progress_us = seconds_since(start) * 1e6 / kReports;
  }
  state.SetItemsProcessed(state.iterations() * kReports);
}

// The same report by hand: one transaction that writes the progress row,
// its event and the enrolment's new status.
void BM_ProgressPerTransactionRawSqlite(benchmark::State& state) {
  for (auto _ : state) {
    state.PauseTiming();
    const auto tenant = prepare_enrolled();
    sqlite3* db = open_raw();
    state.ResumeTiming();
    const auto start = std::chrono::steady_clock::now();
    sqlite3_stmt* progress = nullptr;
    sqlite3_stmt* event = nullptr;
    sqlite3_stmt* status = nullptr;
    sqlite3_prepare_v2(
        db,
        "INSERT OR REPLACE INTO progress (tenant_id, enrolment_id, "
        "activity_key, state, progress, score, passed, time_spent_ms, "
        "started_at, completed_at, updated_at) VALUES (?, ?, 'intro', "
        "'in_progress', 0.5, NULL, NULL, 30000, ?, NULL, ?)",
        -1, &progress, nullptr);
    sqlite3_prepare_v2(db,
                       "INSERT INTO events (tenant_id, time, actor, type, "
                       "subject, payload) VALUES (?, ?, '@system', "
                       "'progress.recorded', ?, ?)",
                       -1, &event, nullptr);
    sqlite3_prepare_v2(db,
                       "UPDATE enrolments SET status = 'in_progress', "
                       "updated_at = ? WHERE id = ?",
                       -1, &status, nullptr);
    const std::int64_t now = 1'767'225'600'000;
    for (int i = 0; i < kReports; ++i) {
      const std::string user = user_key(i);
      const std::int64_t id = i + 1;
      sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
      sqlite3_bind_int64(progress, 1, tenant);
      sqlite3_bind_int64(progress, 2, id);
      sqlite3_bind_int64(progress, 3, now);
      sqlite3_bind_int64(progress, 4, now);
      sqlite3_step(progress);
      sqlite3_reset(progress);
      const std::string payload =
          "{\"activity_key\":\"intro\",\"enrolment_id\":" + std::to_string(id) +
          ",\"progress\":0.5,\"state\":\"in_progress\",\"time_spent_ms\":"
          "30000}";
      sqlite3_bind_int64(event, 1, tenant);
      sqlite3_bind_int64(event, 2, now);
      sqlite3_bind_text(event, 3, user.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(event, 4, payload.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_step(event);
      sqlite3_reset(event);
      sqlite3_bind_int64(status, 1, now);
      sqlite3_bind_int64(status, 2, id);
      sqlite3_step(status);
      sqlite3_reset(status);
      sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    }
    figures.raw_progress_us = seconds_since(start) * 1e6 / kReports;
    sqlite3_finalize(progress);
    sqlite3_finalize(event);
    sqlite3_finalize(status);
    sqlite3_close(db);
  }
  state.SetItemsProcessed(state.iterations() * kReports);
}

BENCHMARK(BM_BulkEnrolRawSqlite)->Iterations(2)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BulkEnrolEngine)->Iterations(2)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ProgressPerTransactionRawSqlite)
    ->Iterations(2)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ProgressPerTransactionEngine)
    ->Iterations(2)
    ->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  remove_database();
  const double enrol_ratio = figures.engine_enrol_rate / figures.raw_enrol_rate;
  std::printf(
      "\nenrol_many, %d users x %d courses into an SQLite file:\n"
      "  engine     %10.0f enrolments/s\n"
      "  raw SQLite %10.0f enrolments/s\n"
      "  ratio      %10.2f   (goal: >= 0.40)  %s\n",
      kUsers, kCourses, figures.engine_enrol_rate, figures.raw_enrol_rate,
      enrol_ratio, enrol_ratio >= 0.4 ? "met" : "MISSED");
  const double progress_ratio =
      figures.engine_progress_us / figures.raw_progress_us;
  std::printf(
      "record_progress, one report per transaction:\n"
      "  engine     %10.1f us\n"
      "  raw SQLite %10.1f us\n"
      "  ratio      %10.2f   (goal: <= 2.00)  %s\n",
      figures.engine_progress_us, figures.raw_progress_us, progress_ratio,
      progress_ratio <= 2.0 ? "met" : "MISSED");
  return 0;
}
