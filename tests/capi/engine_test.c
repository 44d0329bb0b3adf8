/* SPDX-License-Identifier: Apache-2.0
 *
 * The C ABI's engine-level calls from plain C: versions, status names,
 * opening each backend, the manual clock, the error slot and the rules for
 * NULL handles and out-parameters, and one engine shared by threads.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>

#include "check.h"

static const char kDbPath[] = "capi_engine_test.db";

/* What out-parameters hold before a call, to see that a failure resets
 * them. */
static char sentinel;

static void remove_database(void) {
  char path[64];
  remove(kDbPath);
  snprintf(path, sizeof path, "%s-wal", kDbPath);
  remove(path);
  snprintf(path, sizeof path, "%s-shm", kDbPath);
  remove(path);
}

static void test_versions(void) {
  char text[32];
  snprintf(text, sizeof text, "%d.%d.%d", LMS_VERSION_MAJOR, LMS_VERSION_MINOR,
           LMS_VERSION_PATCH);
  CHECK_STR_EQ(LMS_VERSION_STRING, text);
  CHECK_STR_EQ(lms_version(), LMS_VERSION_STRING);
  CHECK(lms_version_number() == LMS_VERSION_NUMBER);
  CHECK(LMS_VERSION_NUMBER == LMS_VERSION_MAJOR * 10000 +
                                  LMS_VERSION_MINOR * 100 + LMS_VERSION_PATCH);
}

static void test_status_names(void) {
  static const struct {
    lms_status status;
    const char* name;
  } kNames[] = {
      {LMS_OK, "LMS_OK"},
      {LMS_E_NOT_FOUND, "LMS_E_NOT_FOUND"},
      {LMS_E_EXISTS, "LMS_E_EXISTS"},
      {LMS_E_INVALID, "LMS_E_INVALID"},
      {LMS_E_DENIED, "LMS_E_DENIED"},
      {LMS_E_CONFLICT, "LMS_E_CONFLICT"},
      {LMS_E_LIMIT, "LMS_E_LIMIT"},
      {LMS_E_STORAGE, "LMS_E_STORAGE"},
      {LMS_E_INTERNAL, "LMS_E_INTERNAL"},
      {LMS_E_NOT_SUPPORTED, "LMS_E_NOT_SUPPORTED"},
      {LMS_E_NOMEM, "LMS_E_NOMEM"},
      {LMS_E_MISUSE, "LMS_E_MISUSE"},
      {LMS_E_VERSION, "LMS_E_VERSION"},
      {LMS_E_USER, "LMS_E_USER"},
      {10, "LMS_E_UNKNOWN"},
      {99, "LMS_E_UNKNOWN"},
      {-1, "LMS_E_UNKNOWN"},
      {INT32_MAX, "LMS_E_UNKNOWN"},
  };
  size_t i;
  for (i = 0; i < sizeof kNames / sizeof kNames[0]; ++i)
    CHECK_STR_EQ(lms_status_name(kNames[i].status), kNames[i].name);
}

/* A file database keeps its data across engines. */
static void test_sqlite_file(void) {
  lms_engine* engine = NULL;
  char* tenants = NULL;
  remove_database();
  CHECK_OK(lms_engine_open(kDbPath, NULL, &engine));
  create_tenant(engine, "acme");
  lms_engine_destroy(engine);

  engine = NULL;
  CHECK_OK(lms_engine_open(kDbPath, "{\"backend\":\"sqlite\"}", &engine));
  CHECK_OK(lms_tenant_list(engine, LMS_ACTOR_SYSTEM, &tenants));
  CHECK_CONTAINS(tenants, "\"key\":\"acme\"");
  lms_free(tenants);
  lms_engine_destroy(engine);
  remove_database();
}

/* A file that is not a database is refused, and no engine comes out. */
static void test_sqlite_not_a_database(void) {
  lms_engine* engine = (lms_engine*)&sentinel;
  FILE* file;
  int i;
  remove_database();
  file = fopen(kDbPath, "wb");
  CHECK(file != NULL);
  for (i = 0; i < 512; ++i) fputs("not an SQLite database\n", file);
  CHECK(fclose(file) == 0);
  CHECK_STATUS(LMS_E_STORAGE, lms_engine_open(kDbPath, NULL, &engine));
  CHECK(engine == NULL);
  CHECK(strlen(lms_last_error()) > 0);
  remove_database();
}

static void test_sqlite_in_memory(void) {
  lms_engine* first = NULL;
  lms_engine* second = NULL;
  char* tenants = NULL;
  CHECK_OK(lms_engine_open(":memory:", NULL, &first));
  CHECK_OK(lms_engine_open(":memory:", NULL, &second));
  create_tenant(first, "acme");
  /* Each ":memory:" engine has a database of its own. */
  CHECK_OK(lms_tenant_list(second, LMS_ACTOR_SYSTEM, &tenants));
  CHECK_STR_EQ(tenants, "{\"tenants\":[]}");
  lms_free(tenants);
  CHECK_OK(lms_tenant_list(first, LMS_ACTOR_SYSTEM, &tenants));
  CHECK_CONTAINS(tenants, "\"key\":\"acme\"");
  lms_free(tenants);
  lms_engine_destroy(first);
  lms_engine_destroy(second);
}

static void test_memory_backend(void) {
  lms_engine* engine = NULL;
  char* tenant = NULL;
  int64_t id;
  /* The location is ignored: NULL and a path both work. */
  CHECK_OK(lms_engine_open("ignored.db", "{\"backend\":\"memory\"}", &engine));
  lms_engine_destroy(engine);
  engine = NULL;
  CHECK_OK(lms_engine_open(NULL, "{\"backend\":\"memory\"}", &engine));
  id = create_tenant(engine, "acme");
  CHECK(id > 0);
  CHECK_OK(lms_tenant_get(engine, LMS_ACTOR_SYSTEM, id, &tenant));
  CHECK_CONTAINS(tenant, "\"name\":\"acme\"");
  lms_free(tenant);
  lms_engine_destroy(engine);
}

static void test_manual_clock(void) {
  lms_engine* engine = NULL;
  int64_t now = 0;
  char* tenant = NULL;

  engine = open_memory_engine();
  CHECK_OK(lms_engine_now(engine, &now));
  CHECK(now == DEFAULT_START_MS);
  lms_engine_destroy(engine);

  engine = NULL;
  CHECK_OK(lms_engine_open(NULL,
                           "{\"backend\":\"memory\",\"clock\":\"manual\","
                           "\"start\":\"2030-05-01T10:00:00.000Z\"}",
                           &engine));
  CHECK_OK(lms_engine_now(engine, &now));
  CHECK(now == INT64_C(1903860000000));

  /* 2031-02-03T04:05:06.789Z, and records take their time from it. */
  CHECK_OK(lms_engine_set_time(engine, INT64_C(1927857906789)));
  CHECK_OK(lms_engine_now(engine, &now));
  CHECK(now == INT64_C(1927857906789));
  CHECK_OK(lms_tenant_create(engine, LMS_ACTOR_SYSTEM,
                             "{\"key\":\"acme\",\"name\":\"Acme\"}", &tenant));
  CHECK_CONTAINS(tenant, "\"created_at\":\"2031-02-03T04:05:06.789Z\"");
  lms_free(tenant);
  lms_engine_destroy(engine);
}

static void test_system_clock(void) {
  lms_engine* engine = NULL;
  int64_t now = 0;
  CHECK_OK(lms_engine_open(
      NULL, "{\"backend\":\"memory\",\"clock\":\"system\"}", &engine));
  CHECK_OK(lms_engine_now(engine, &now));
  CHECK(now > DEFAULT_START_MS - INT64_C(365) * 24 * 3600 * 1000);
  CHECK_ERROR(LMS_E_MISUSE, "clock", lms_engine_set_time(engine, 0));
  lms_engine_destroy(engine);
}

static void test_bad_options(void) {
  static const struct {
    const char* options;
    lms_status status;
    const char* part;
  } kCases[] = {
      {"{\"backend\":\"memory\",\"journal\":\"wal\"}", LMS_E_INVALID,
       "journal"},
      {"{\"backend\":\"oracle\"}", LMS_E_INVALID, "backend"},
      {"{\"backend\":1}", LMS_E_INVALID, "backend"},
      {"{\"backend\":\"memory\",\"clock\":\"sundial\"}", LMS_E_INVALID,
       "clock"},
      {"{\"backend\":\"memory\",\"clock\":\"manual\",\"start\":\"noon\"}",
       LMS_E_INVALID, "start"},
      {"{\"backend\":\"memory\",\"start\":\"2030-01-01T00:00:00.000Z\"}",
       LMS_E_INVALID, "start"},
      {"{\"backend\":\"memory\",\"access_cache_ttl_ms\":-1}", LMS_E_INVALID,
       "access_cache_ttl_ms"},
      {"{\"backend\":\"memory\",\"access_cache_ttl_ms\":1.5}", LMS_E_INVALID,
       "access_cache_ttl_ms"},
      {"{\"backend\":\"memory\",\"access_cache_ttl_ms\":true}", LMS_E_INVALID,
       "access_cache_ttl_ms"},
      {"{\"backend\":\"memory\",\"access_cache_ttl_ms\":\"60\"}", LMS_E_INVALID,
       "access_cache_ttl_ms"},
      {"[\"memory\"]", LMS_E_INVALID, "options_json"},
      {"{\"backend\":", LMS_E_INVALID, "options_json"},
  };
  size_t i;
  for (i = 0; i < sizeof kCases / sizeof kCases[0]; ++i) {
    lms_engine* engine = NULL;
    CHECK_ERROR(kCases[i].status, kCases[i].part,
                lms_engine_open(NULL, kCases[i].options, &engine));
    CHECK(engine == NULL);
  }
}

static void test_null_arguments(void) {
  lms_engine* engine = open_memory_engine();
  lms_engine* opened = (lms_engine*)&sentinel;
  char* out = &sentinel;
  int64_t now = 42;

  /* The handle. */
  CHECK_ERROR(LMS_E_MISUSE, "engine", lms_engine_set_time(NULL, 0));
  CHECK_ERROR(LMS_E_MISUSE, "engine", lms_engine_now(NULL, &now));
  CHECK(now == 0);
  CHECK_ERROR(LMS_E_MISUSE, "engine",
              lms_tenant_list(NULL, LMS_ACTOR_SYSTEM, &out));
  CHECK(out == NULL);

  /* Out-parameters. */
  CHECK_ERROR(LMS_E_MISUSE, "out_engine",
              lms_engine_open(NULL, "{\"backend\":\"memory\"}", NULL));
  CHECK_ERROR(LMS_E_MISUSE, "out_unix_ms", lms_engine_now(engine, NULL));
  CHECK_ERROR(LMS_E_MISUSE, "out_json",
              lms_tenant_list(engine, LMS_ACTOR_SYSTEM, NULL));
  CHECK_ERROR(LMS_E_MISUSE, "out_json",
              lms_tenant_create(engine, LMS_ACTOR_SYSTEM,
                                "{\"key\":\"a\",\"name\":\"A\"}", NULL));

  /* Inputs. */
  CHECK_ERROR(LMS_E_MISUSE, "location", lms_engine_open(NULL, NULL, &opened));
  CHECK(opened == NULL);
  out = &sentinel;
  CHECK_ERROR(LMS_E_MISUSE, "actor", lms_tenant_list(engine, NULL, &out));
  CHECK(out == NULL);
  out = &sentinel;
  CHECK_ERROR(LMS_E_MISUSE, "spec_json",
              lms_tenant_create(engine, LMS_ACTOR_SYSTEM, NULL, &out));
  CHECK(out == NULL);

  /* Nothing was created by any of them. */
  CHECK_OK(lms_tenant_list(engine, LMS_ACTOR_SYSTEM, &out));
  CHECK_STR_EQ(out, "{\"tenants\":[]}");
  lms_free(out);
  lms_engine_destroy(engine);
}

static void test_no_ops(void) {
  lms_engine_destroy(NULL);
  lms_free(NULL);
}

static void test_last_error(void) {
  lms_engine* engine = open_memory_engine();
  char* out = NULL;
  CHECK(lms_last_error() != NULL);
  CHECK_STATUS(LMS_E_NOT_FOUND,
               lms_tenant_get(engine, LMS_ACTOR_SYSTEM, 12345, &out));
  CHECK(out == NULL);
  CHECK(strlen(lms_last_error()) > 0);
  /* A success clears the message of the failure before it. */
  CHECK_OK(lms_tenant_list(engine, LMS_ACTOR_SYSTEM, &out));
  CHECK(lms_last_error() != NULL);
  CHECK_STR_EQ(lms_last_error(), "");
  lms_free(out);
  lms_engine_destroy(engine);
}

enum { kThreads = 4, kUsersPerThread = 25 };

struct worker {
  lms_engine* engine;
  int64_t tenant;
  int index;
  int failed; /* set when a check in the thread fails */
};

/* Creates this worker's users, and checks after each failure that the
 * thread's own message is the one it reads. */
static int run_worker(void* arg) {
  struct worker* w = arg;
  int i;
  for (i = 0; i < kUsersPerThread && !w->failed; ++i) {
    char spec[128];
    char* out = NULL;
    snprintf(spec, sizeof spec,
             "{\"key\":\"t%d-u%02d\",\"display_name\":\"U\"}", w->index, i);
    w->failed |= lms_user_create(w->engine, LMS_ACTOR_SYSTEM, w->tenant, spec,
                                 &out) != LMS_OK;
    lms_free(out);
    out = NULL;
    snprintf(spec, sizeof spec, "missing-%d", w->index);
    w->failed |= lms_user_get(w->engine, LMS_ACTOR_SYSTEM, w->tenant, spec,
                              &out) != LMS_E_NOT_FOUND;
    w->failed |= strstr(lms_last_error(), spec) == NULL;
  }
  return 0;
}

/* One engine serves several threads at once; each thread has its own
 * lms_last_error(). */
static void test_threads(const char* location, const char* options) {
  lms_engine* engine = NULL;
  struct worker workers[kThreads];
  thrd_t threads[kThreads];
  char* out = NULL;
  int64_t tenant;
  int i;
  CHECK_OK(lms_engine_open(location, options, &engine));
  tenant = create_tenant(engine, "acme");
  CHECK_STATUS(LMS_E_NOT_FOUND,
               lms_tenant_get(engine, LMS_ACTOR_SYSTEM, 999, &out));
  for (i = 0; i < kThreads; ++i) {
    workers[i].engine = engine;
    workers[i].tenant = tenant;
    workers[i].index = i;
    workers[i].failed = 0;
    CHECK(thrd_create(&threads[i], run_worker, &workers[i]) == thrd_success);
  }
  for (i = 0; i < kThreads; ++i) {
    CHECK(thrd_join(threads[i], NULL) == thrd_success);
    CHECK(!workers[i].failed);
  }
  /* The other threads' failures left this thread's message alone. */
  CHECK_CONTAINS(lms_last_error(), "999");
  CHECK_OK(lms_user_list(engine, LMS_ACTOR_SYSTEM, tenant, "{\"limit\":1000}",
                         &out));
  CHECK(count_of(out, "\"key\":") == kThreads * kUsersPerThread);
  lms_free(out);
  lms_engine_destroy(engine);
}

int main(void) {
  test_versions();
  test_status_names();
  test_sqlite_file();
  test_sqlite_not_a_database();
  test_sqlite_in_memory();
  test_memory_backend();
  test_manual_clock();
  test_system_clock();
  test_bad_options();
  test_null_arguments();
  test_no_ops();
  test_last_error();
  test_threads(NULL, "{\"backend\":\"memory\"}");
  remove_database();
  test_threads(kDbPath, NULL);
  remove_database();
  puts("engine_test: ok");
  return EXIT_SUCCESS;
}
