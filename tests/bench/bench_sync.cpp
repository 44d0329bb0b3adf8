// SPDX-License-Identifier: Apache-2.0
//
// HR sync speed: sync_users of 100,000 new users into an SQLite file, beside
// raw SQLite inserting the same rows (users and their events) into the same
// tables and indexes in one transaction; a re-sync with 10% changed; and the
// peak memory of the import, measured in a child process that does nothing
// else. Prints both rates and the ratio: these machines are noisy, ratios are
// what we compare.

#include <benchmark/benchmark.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "lms/engine.hpp"
#include "lms/json.hpp"

namespace {

constexpr int kUsers = 100'000;
const std::string kDatabase = "bench_sync.db";

struct Figures {
  double engine_rate = 0;
  double raw_rate = 0;
  double first_import_s = 0;
  double resync_s = 0;
  double peak_rss_mb = 0;
} figures;

std::vector<lms::UserRecord> make_batch() {
  static const char* const kUnits[] = {"eng", "sales", "ops", "hr"};
  static const char* const kTitles[] = {"Engineer", "Manager", "Analyst",
                                        "Technician"};
  std::vector<lms::UserRecord> batch(kUsers);
  for (int i = 0; i < kUsers; ++i) {
    auto& r = batch[i];
    // snprintf rather than "e" + std::to_string(i): the latter trips a
    // false -Wrestrict in GCC 12 at -O3 (GCC bug 105329).
    char text[64];
    std::snprintf(text, sizeof text, "E%07d", i);
    r.key = text;
    std::snprintf(text, sizeof text, "Employee %d", i);
    r.display_name = text;
    std::snprintf(text, sizeof text, "e%d@example.com", i);
    r.email = text;
    r.org_unit = kUnits[i % 4];
    r.manager_key = i >= 100 ? batch[i % 100].key : "";
    r.hire_date = lms::Date{std::chrono::days{15000 + i % 3000}};
    r.attributes = {{"title", kTitles[i % 4]}, {"location", "Berlin"}};
  }
  return batch;
}

const std::vector<lms::UserRecord>& batch() {
  static const auto b = make_batch();
  return b;
}

void remove_database() {
  for (const char* suffix : {"", "-wal", "-shm"})
    std::filesystem::remove(kDatabase + suffix);
}

// A fresh database file with the engine's schema, a tenant and its org
// units. Returns the tenant id.
lms::TenantId prepare_database() {
  remove_database();
  lms::Engine engine = lms::Engine::open(kDatabase);
  const auto system = lms::Actor::system();
  const auto tenant = engine.create_tenant(system, {"acme", "Acme"}).id;
  for (const char* unit : {"eng", "sales", "ops", "hr"})
    engine.create_org_unit(system, tenant, {unit, unit, ""});
  return tenant;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
      .count();
}

void BM_SyncUsersEngine(benchmark::State& state) {
  const auto& records = batch();
  for (auto _ : state) {
    state.PauseTiming();
    const auto tenant = prepare_database();
    lms::Engine engine = lms::Engine::open(kDatabase);
    state.ResumeTiming();
    const auto start = std::chrono::steady_clock::now();
    const auto result =
        engine.sync_users(lms::Actor::system(), tenant, records);
    figures.first_import_s = seconds_since(start);
    if (result.created != kUsers) state.SkipWithError("not all created");
  }
  state.SetItemsProcessed(state.iterations() * kUsers);
  figures.engine_rate = kUsers / figures.first_import_s;
}

void check(int rc, sqlite3* db, benchmark::State& state) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE)
    state.SkipWithError(sqlite3_errmsg(db));
}

// The same rows the engine writes, written the way a careful programmer
// would by hand: one transaction, two prepared statements, rows in key
// order, the same pragmas.
void BM_SyncUsersRawSqlite(benchmark::State& state) {
  const auto& records = batch();
  for (auto _ : state) {
    state.PauseTiming();
    const auto tenant = prepare_database();
    sqlite3* db = nullptr;
    sqlite3_open(kDatabase.c_str(), &db);
    sqlite3_exec(db,
                 "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                 "PRAGMA foreign_keys=ON;",
                 nullptr, nullptr, nullptr);
    state.ResumeTiming();
    const auto start = std::chrono::steady_clock::now();
    sqlite3_stmt* user = nullptr;
    sqlite3_stmt* event = nullptr;
    sqlite3_prepare_v2(
        db,
        "INSERT INTO users(tenant_id, key, display_name, email, org_unit, "
        "manager_key, hire_date, attributes, status, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?)",
        -1, &user, nullptr);
    sqlite3_prepare_v2(db,
                       "INSERT INTO events(tenant_id, time, actor, type, "
                       "subject, payload) VALUES (?, ?, '@system', "
                       "'user.created', ?, ?)",
                       -1, &event, nullptr);
    check(sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), db,
          state);
    const std::int64_t now = 1'767'225'600'000;
    for (const auto& r : records) {
      const std::string attributes = r.attributes.dump();
      sqlite3_bind_int64(user, 1, tenant);
      sqlite3_bind_text(user, 2, r.key.c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_text(user, 3, r.display_name.c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_text(user, 4, r.email.c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_text(user, 5, r.org_unit.c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_text(user, 6, r.manager_key.c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_int64(user, 7, r.hire_date->time_since_epoch().count());
      sqlite3_bind_text(user, 8, attributes.c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_int64(user, 9, now);
      sqlite3_bind_int64(user, 10, now);
      check(sqlite3_step(user), db, state);
      sqlite3_reset(user);
      // The event payload is the user record, as the engine writes it.
      const std::string payload = lms::Json{
          {"key", r.key},
          {"display_name", r.display_name},
          {"email", r.email},
          {"org_unit", r.org_unit},
          {"manager_key", r.manager_key},
          {"hire_date", lms::format_date(*r.hire_date)},
          {"attributes", r.attributes},
          {"status", "active"}}.dump();
      sqlite3_bind_int64(event, 1, tenant);
      sqlite3_bind_int64(event, 2, now);
      sqlite3_bind_text(event, 3, r.key.c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_text(event, 4, payload.c_str(), -1, SQLITE_STATIC);
      check(sqlite3_step(event), db, state);
      sqlite3_reset(event);
    }
    check(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), db, state);
    sqlite3_finalize(user);
    sqlite3_finalize(event);
    const double elapsed = seconds_since(start);
    sqlite3_close(db);
    figures.raw_rate = kUsers / elapsed;
  }
  state.SetItemsProcessed(state.iterations() * kUsers);
}

// Re-sync of the same 100,000 users with every tenth one changed.
void BM_ResyncTenPercentChanged(benchmark::State& state) {
  auto changed = batch();
  for (std::size_t i = 0; i < changed.size(); i += 10)
    changed[i].attributes["title"] = "Promoted";
  for (auto _ : state) {
    state.PauseTiming();
    const auto tenant = prepare_database();
    lms::Engine engine = lms::Engine::open(kDatabase);
    engine.sync_users(lms::Actor::system(), tenant, batch());
    state.ResumeTiming();
    const auto start = std::chrono::steady_clock::now();
    const auto result =
        engine.sync_users(lms::Actor::system(), tenant, changed);
    figures.resync_s = seconds_since(start);
    if (result.updated != kUsers / 10) state.SkipWithError("wrong diff");
  }
}

constexpr const char* kImportChildFlag = "--import-child";

// What the child process of BM_ImportPeakMemory runs: the import alone.
int run_import_child() {
  const auto tenant = prepare_database();
  lms::Engine engine = lms::Engine::open(kDatabase);
  return engine.sync_users(lms::Actor::system(), tenant, make_batch())
                     .created == kUsers
             ? 0
             : 1;
}

// Peak resident memory of a fresh process (exec'd, so it shares nothing with
// this one) that builds the batch and imports it.
void BM_ImportPeakMemory(benchmark::State& state) {
  for (auto _ : state) {
    const pid_t child = fork();
    if (child == 0) {
      execl("/proc/self/exe", "bench_sync", kImportChildFlag, nullptr);
      _exit(127);
    }
    int status = 0;
    rusage usage{};
    wait4(child, &status, 0, &usage);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
      state.SkipWithError("import failed");
    figures.peak_rss_mb = usage.ru_maxrss / 1024.0;
  }
  state.counters["peak_rss_mb"] = figures.peak_rss_mb;
}

BENCHMARK(BM_SyncUsersRawSqlite)->Iterations(2)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SyncUsersEngine)->Iterations(2)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ResyncTenPercentChanged)
    ->Iterations(2)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ImportPeakMemory)->Iterations(1)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  if (argc == 2 && std::string_view{argv[1]} == kImportChildFlag)
    return run_import_child();
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  remove_database();
  const double ratio = figures.engine_rate / figures.raw_rate;
  std::printf(
      "\nsync_users, %d new users into an SQLite file:\n"
      "  engine     %10.0f users/s\n"
      "  raw SQLite %10.0f users/s\n"
      "  ratio      %10.2f   (goal: >= 0.50)  %s\n",
      kUsers, figures.engine_rate, figures.raw_rate, ratio,
      ratio >= 0.5 ? "met" : "MISSED");
  std::printf("re-sync with 10%% changed: %.3f s vs first import %.3f s  %s\n",
              figures.resync_s, figures.first_import_s,
              figures.resync_s < figures.first_import_s ? "met" : "MISSED");
  std::printf("peak memory of the import: %.1f MB (goal: < 200 MB)  %s\n",
              figures.peak_rss_mb,
              figures.peak_rss_mb < 200 ? "met" : "MISSED");
  return 0;
}
