/* SPDX-License-Identifier: Apache-2.0
 *
 * HR sync through the C ABI (lms_user_sync): CSV and JSON Lines batches
 * applied as a diff, idempotence, the missing policies of full mode, dry
 * runs, all-or-nothing rejection naming the row and column, and the
 * data/data_len rules.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static lms_engine* engine;

static const char kCsv[] =
    "key,display_name,email,org_unit,manager_key,hire_date,status,"
    "attributes.dept\n"
    "u1,Ann,ann@acme.test,eng,,2021-03-01,active,R&D\n"
    "u2,Ben,,eng,u1,,active,R&D\n"
    "u3,\"Cho, Chi\",,,,,active,Sales\n";

/* kCsv with Ben renamed. */
static const char kCsvChanged[] =
    "key,display_name,email,org_unit,manager_key,hire_date,status,"
    "attributes.dept\n"
    "u1,Ann,ann@acme.test,eng,,2021-03-01,active,R&D\n"
    "u2,Benjamin,,eng,u1,,active,R&D\n"
    "u3,\"Cho, Chi\",,,,,active,Sales\n";

static const char kJsonl[] =
    "{\"key\":\"u1\",\"display_name\":\"Ann\",\"attributes\":{\"level\":2}}\n"
    "{\"key\":\"u2\",\"display_name\":\"Ben\",\"manager_key\":\"u1\"}\n"
    "\n"
    "{\"key\":\"u3\",\"display_name\":\"Cho\",\"status\":\"active\"}\n";

/* The first two users of kJsonl. */
static const char kJsonlTwo[] =
    "{\"key\":\"u1\",\"display_name\":\"Ann\",\"attributes\":{\"level\":2}}\n"
    "{\"key\":\"u2\",\"display_name\":\"Ben\",\"manager_key\":\"u1\"}\n";

/* The result JSON of a sync (fields in name order). */
static void result_json(char* buffer, size_t size, int created,
                        int deprovisioned, int suspended, int unchanged,
                        int updated) {
  snprintf(buffer, size,
           "{\"created\":%d,\"deprovisioned\":%d,\"suspended\":%d,"
           "\"unchanged\":%d,\"updated\":%d}",
           created, deprovisioned, suspended, unchanged, updated);
}

/* Syncs `data` into `tenant` as the system and requires the counts. */
static void check_sync(int64_t tenant, const char* format, const char* data,
                       const char* options, int created, int deprovisioned,
                       int suspended, int unchanged, int updated) {
  char* out = NULL;
  char expected[160];
  CHECK_OK(lms_user_sync(engine, LMS_ACTOR_SYSTEM, tenant, format, data,
                         strlen(data), options, &out));
  result_json(expected, sizeof expected, created, deprovisioned, suspended,
              unchanged, updated);
  CHECK_STR_EQ(out, expected);
  lms_free(out);
}

static int64_t tenant_with_org_unit(const char* key) {
  const int64_t tenant = create_tenant(engine, key);
  char* out = NULL;
  CHECK_OK(lms_orgunit_create(engine, LMS_ACTOR_SYSTEM, tenant,
                              "{\"key\":\"eng\",\"name\":\"Engineering\"}",
                              &out));
  lms_free(out);
  return tenant;
}

/* Requires user `key` of `tenant` to contain `part`. */
static void check_user(int64_t tenant, const char* key, const char* part) {
  char* out = NULL;
  CHECK_OK(lms_user_get(engine, LMS_ACTOR_SYSTEM, tenant, key, &out));
  CHECK_CONTAINS(out, part);
  lms_free(out);
}

static void test_csv(void) {
  const int64_t tenant = tenant_with_org_unit("csv");
  size_t events;
  check_sync(tenant, "csv", kCsv, NULL, 3, 0, 0, 0, 0);
  check_user(tenant, "u1", "\"hire_date\":\"2021-03-01\"");
  check_user(tenant, "u1", "\"email\":\"ann@acme.test\"");
  check_user(tenant, "u2", "\"manager_key\":\"u1\"");
  check_user(tenant, "u2", "\"org_unit\":\"eng\"");
  check_user(tenant, "u3", "\"display_name\":\"Cho, Chi\"");
  check_user(tenant, "u3", "\"attributes\":{\"dept\":\"Sales\"}");
  events = event_count(engine, tenant);

  /* The same batch again changes nothing and logs nothing. */
  check_sync(tenant, "csv", kCsv, NULL, 0, 0, 0, 3, 0);
  CHECK(event_count(engine, tenant) == events);

  check_sync(tenant, "csv", kCsvChanged, NULL, 0, 0, 0, 2, 1);
  check_user(tenant, "u2", "\"display_name\":\"Benjamin\"");
  CHECK(event_count(engine, tenant) > events);
}

static void test_jsonl(void) {
  const int64_t tenant = create_tenant(engine, "jsonl");
  size_t events;
  check_sync(tenant, "jsonl", kJsonl, NULL, 3, 0, 0, 0, 0);
  check_user(tenant, "u1", "\"attributes\":{\"level\":2}");
  check_user(tenant, "u2", "\"manager_key\":\"u1\"");
  events = event_count(engine, tenant);
  check_sync(tenant, "jsonl", kJsonl, "{\"mode\":\"incremental\"}", 0, 0, 0, 3,
             0);
  CHECK(event_count(engine, tenant) == events);
}

/* data_len bounds the document: what follows is never read. */
static void test_data_len(void) {
  const int64_t tenant = create_tenant(engine, "len");
  static const char kData[] =
      "{\"key\":\"u1\",\"display_name\":\"Ann\"}\n"
      "{\"key\":\"u2\",\"display_name\":\"Ben\"}\n"
      "GARBAGE that is not JSON";
  char* out = NULL;
  char expected[160];
  CHECK_OK(lms_user_sync(engine, LMS_ACTOR_SYSTEM, tenant, "jsonl", kData,
                         strlen(kData) - strlen("GARBAGE that is not JSON"),
                         NULL, &out));
  result_json(expected, sizeof expected, 2, 0, 0, 0, 0);
  CHECK_STR_EQ(out, expected);
  lms_free(out);

  /* An empty document is an empty batch. */
  CHECK_OK(lms_user_sync(engine, LMS_ACTOR_SYSTEM, tenant, "jsonl", NULL, 0,
                         NULL, &out));
  result_json(expected, sizeof expected, 0, 0, 0, 0, 0);
  CHECK_STR_EQ(out, expected);
  lms_free(out);

  CHECK_ERROR(LMS_E_MISUSE, "data",
              lms_user_sync(engine, LMS_ACTOR_SYSTEM, tenant, "jsonl", NULL, 5,
                            NULL, &out));
  CHECK_ERROR(LMS_E_MISUSE, "format",
              lms_user_sync(engine, LMS_ACTOR_SYSTEM, tenant, NULL, kData, 1,
                            NULL, &out));
  CHECK_ERROR(LMS_E_INVALID, "format",
              lms_user_sync(engine, LMS_ACTOR_SYSTEM, tenant, "xml", "<a/>", 4,
                            NULL, &out));
  CHECK(out == NULL);
}

static void test_full_mode(void) {
  const int64_t suspend = create_tenant(engine, "full-suspend");
  const int64_t deprovision = create_tenant(engine, "full-deprovision");
  const int64_t keep = create_tenant(engine, "full-keep");
  check_sync(suspend, "jsonl", kJsonl, NULL, 3, 0, 0, 0, 0);
  check_sync(deprovision, "jsonl", kJsonl, NULL, 3, 0, 0, 0, 0);
  check_sync(keep, "jsonl", kJsonl, NULL, 3, 0, 0, 0, 0);

  check_sync(suspend, "jsonl", kJsonlTwo,
             "{\"mode\":\"full\",\"missing\":\"suspend\"}", 0, 0, 1, 2, 0);
  check_user(suspend, "u3", "\"status\":\"suspended\"");
  check_user(suspend, "u1", "\"status\":\"active\"");

  check_sync(deprovision, "jsonl", kJsonlTwo,
             "{\"mode\":\"full\",\"missing\":\"deprovision\"}", 0, 1, 0, 2, 0);
  check_user(deprovision, "u3", "\"status\":\"deprovisioned\"");

  check_sync(keep, "jsonl", kJsonlTwo,
             "{\"mode\":\"full\",\"missing\":\"keep\"}", 0, 0, 0, 2, 0);
  check_user(keep, "u3", "\"status\":\"active\"");

  /* Incremental mode leaves missing users alone. */
  check_sync(keep, "jsonl", kJsonlTwo, NULL, 0, 0, 0, 2, 0);
  check_user(keep, "u3", "\"status\":\"active\"");
}

static void test_dry_run(void) {
  const int64_t tenant = tenant_with_org_unit("dry");
  const size_t events = event_count(engine, tenant);
  char* out = NULL;
  check_sync(tenant, "csv", kCsv, "{\"dry_run\":true}", 3, 0, 0, 0, 0);
  CHECK(event_count(engine, tenant) == events);
  CHECK_OK(lms_user_list(engine, LMS_ACTOR_SYSTEM, tenant, NULL, &out));
  CHECK_STR_EQ(out, "{\"next_after\":\"\",\"users\":[]}");
  lms_free(out);

  /* A dry run reports what a real one then does. */
  check_sync(tenant, "csv", kCsv, "{\"dry_run\":false}", 3, 0, 0, 0, 0);
  check_sync(tenant, "csv", kCsvChanged,
             "{\"dry_run\":true,\"mode\":\"full\",\"missing\":\"suspend\"}", 0,
             0, 0, 2, 1);
  check_user(tenant, "u2", "\"display_name\":\"Ben\"");
}

/* A bad record rejects the whole batch and names where it is. */
static void test_rejected_batch(void) {
  const int64_t tenant = create_tenant(engine, "bad");
  static const char kBadCsv[] =
      "key,display_name,hire_date\n"
      "n1,New One,2020-01-01\n"
      "n2,New Two,2020-13-01\n";
  static const char kBadJsonl[] =
      "{\"key\":\"n1\",\"display_name\":\"New One\"}\n"
      "{\"key\":\"n2\",\"display_name\":\n";
  const size_t events = event_count(engine, tenant);
  char* out = NULL;

  CHECK_ERROR(LMS_E_INVALID, "row 3",
              lms_user_sync(engine, LMS_ACTOR_SYSTEM, tenant, "csv", kBadCsv,
                            strlen(kBadCsv), NULL, &out));
  CHECK_CONTAINS(lms_last_error(), "hire_date");
  CHECK(out == NULL);
  CHECK_ERROR(LMS_E_INVALID, "line 2",
              lms_user_sync(engine, LMS_ACTOR_SYSTEM, tenant, "jsonl",
                            kBadJsonl, strlen(kBadJsonl), NULL, &out));
  CHECK_ERROR(LMS_E_INVALID, "speed",
              lms_user_sync(engine, LMS_ACTOR_SYSTEM, tenant, "jsonl", kJsonl,
                            strlen(kJsonl), "{\"speed\":\"fast\"}", &out));
  CHECK_ERROR(
      LMS_E_INVALID, "missing",
      lms_user_sync(engine, LMS_ACTOR_SYSTEM, tenant, "jsonl", kJsonl,
                    strlen(kJsonl),
                    "{\"mode\":\"full\",\"missing\":\"delete\"}", &out));
  CHECK_STATUS(LMS_E_NOT_FOUND,
               lms_user_sync(engine, LMS_ACTOR_SYSTEM, tenant, "csv", kCsv,
                             strlen(kCsv), NULL, &out));
  CHECK(out == NULL);

  CHECK_STATUS(LMS_E_NOT_FOUND,
               lms_user_get(engine, LMS_ACTOR_SYSTEM, tenant, "n1", &out));
  CHECK(event_count(engine, tenant) == events);
}

static void test_denied(void) {
  const int64_t tenant = create_tenant(engine, "denied");
  char* out = NULL;
  check_sync(tenant, "jsonl", kJsonl, NULL, 3, 0, 0, 0, 0);
  CHECK_STATUS(LMS_E_DENIED, lms_user_sync(engine, "u1", tenant, "jsonl",
                                           kJsonl, strlen(kJsonl), NULL, &out));
  CHECK(out == NULL);
}

int main(void) {
  engine = open_memory_engine();
  test_csv();
  test_jsonl();
  test_data_len();
  test_full_mode();
  test_dry_run();
  test_rejected_batch();
  test_denied();
  lms_engine_destroy(engine);
  puts("sync_test: ok");
  return EXIT_SUCCESS;
}
