/* SPDX-License-Identifier: Apache-2.0
 *
 * Tenants, org units and users through the C ABI: the happy paths, the
 * filters and paging of lms_user_list, tenant isolation, the events every
 * change appends, and what a user actor may read with and without a role.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static lms_engine* engine;
static int64_t acme;
static int64_t globex;
/* The last event of acme before the directory changes of these tests. */
static int64_t acme_start_seq;

/* Requires `first` to occur in `text` before `second`. */
static void check_order(const char* text, const char* first,
                        const char* second) {
  const char* a = strstr(text, first);
  const char* b = strstr(text, second);
  CHECK(a != NULL && b != NULL && a < b);
}

static void test_tenants(void) {
  char* out = NULL;
  char expected[64];
  acme = create_tenant(engine, "acme");
  globex = create_tenant(engine, "globex");
  CHECK(acme > 0 && globex > 0 && acme != globex);
  acme_start_seq = last_event_seq(engine, acme);

  CHECK_OK(lms_tenant_get(engine, LMS_ACTOR_SYSTEM, acme, &out));
  snprintf(expected, sizeof expected, "\"id\":%lld", (long long)acme);
  CHECK_CONTAINS(out, expected);
  CHECK_CONTAINS(out, "\"key\":\"acme\"");
  CHECK_CONTAINS(out, "\"created_at\":\"2026-01-01T00:00:00.000Z\"");
  lms_free(out);

  CHECK_OK(lms_tenant_list(engine, LMS_ACTOR_SYSTEM, &out));
  CHECK(count_of(out, "\"key\":") == 2);
  check_order(out, "\"key\":\"acme\"", "\"key\":\"globex\"");
  lms_free(out);

  CHECK_ERROR(LMS_E_EXISTS, "key",
              lms_tenant_create(engine, LMS_ACTOR_SYSTEM,
                                "{\"key\":\"acme\",\"name\":\"Again\"}", &out));
  CHECK(out == NULL);
  CHECK_STATUS(LMS_E_NOT_FOUND,
               lms_tenant_get(engine, LMS_ACTOR_SYSTEM, 999999, &out));
  CHECK(out == NULL);
}

static void create_org_unit(const char* spec, const char* parent) {
  char* out = NULL;
  char expected[64];
  CHECK_OK(lms_orgunit_create(engine, LMS_ACTOR_SYSTEM, acme, spec, &out));
  snprintf(expected, sizeof expected, "\"parent\":\"%s\"", parent);
  CHECK_CONTAINS(out, expected);
  lms_free(out);
}

static void test_org_units(void) {
  char* out = NULL;
  create_org_unit("{\"key\":\"hq\",\"name\":\"Head office\"}", "");
  create_org_unit(
      "{\"key\":\"eng\",\"name\":\"Engineering\",\"parent\":\"hq\"}", "hq");
  create_org_unit("{\"key\":\"web\",\"name\":\"Web\",\"parent\":\"eng\"}",
                  "eng");
  create_org_unit("{\"key\":\"sales\",\"name\":\"Sales\",\"parent\":\"hq\"}",
                  "hq");

  CHECK_OK(lms_orgunit_get(engine, LMS_ACTOR_SYSTEM, acme, "web", &out));
  CHECK_CONTAINS(out, "\"key\":\"web\"");
  CHECK_CONTAINS(out, "\"name\":\"Web\"");
  CHECK_CONTAINS(out, "\"parent\":\"eng\"");
  lms_free(out);

  CHECK_STATUS(LMS_E_EXISTS,
               lms_orgunit_create(engine, LMS_ACTOR_SYSTEM, acme,
                                  "{\"key\":\"hq\",\"name\":\"HQ\"}", &out));
  CHECK_STATUS(
      LMS_E_NOT_FOUND,
      lms_orgunit_create(
          engine, LMS_ACTOR_SYSTEM, acme,
          "{\"key\":\"x\",\"name\":\"X\",\"parent\":\"nowhere\"}", &out));
  CHECK_STATUS(LMS_E_NOT_FOUND,
               lms_orgunit_get(engine, LMS_ACTOR_SYSTEM, acme, "x", &out));

  /* Parents first. */
  CHECK_OK(lms_orgunit_list(engine, LMS_ACTOR_SYSTEM, acme, "", &out));
  CHECK(count_of(out, "\"key\":") == 4);
  check_order(out, "\"key\":\"hq\"", "\"key\":\"eng\"");
  check_order(out, "\"key\":\"eng\"", "\"key\":\"web\"");
  check_order(out, "\"key\":\"hq\"", "\"key\":\"sales\"");
  lms_free(out);
  CHECK_OK(lms_orgunit_list(engine, LMS_ACTOR_SYSTEM, acme, "eng", &out));
  CHECK(count_of(out, "\"key\":") == 2);
  check_order(out, "\"key\":\"eng\"", "\"key\":\"web\"");
  lms_free(out);

  CHECK_OK(
      lms_orgunit_move(engine, LMS_ACTOR_SYSTEM, acme, "sales", "eng", &out));
  CHECK_CONTAINS(out, "\"parent\":\"eng\"");
  lms_free(out);
  CHECK_OK(lms_orgunit_list(engine, LMS_ACTOR_SYSTEM, acme, "eng", &out));
  CHECK(count_of(out, "\"key\":") == 3);
  lms_free(out);
  CHECK_OK(
      lms_orgunit_move(engine, LMS_ACTOR_SYSTEM, acme, "sales", "hq", &out));
  CHECK_CONTAINS(out, "\"parent\":\"hq\"");
  lms_free(out);

  /* A unit cannot move below itself. */
  CHECK_ERROR(
      LMS_E_INVALID, "parent",
      lms_orgunit_move(engine, LMS_ACTOR_SYSTEM, acme, "eng", "web", &out));
  CHECK(out == NULL);
  CHECK_STATUS(LMS_E_INVALID, lms_orgunit_move(engine, LMS_ACTOR_SYSTEM, acme,
                                               "hq", "hq", &out));
  CHECK_OK(lms_orgunit_get(engine, LMS_ACTOR_SYSTEM, acme, "eng", &out));
  CHECK_CONTAINS(out, "\"parent\":\"hq\"");
  lms_free(out);
}

static void test_users(void) {
  char* out = NULL;
  CHECK_OK(lms_user_create(
      engine, LMS_ACTOR_SYSTEM, acme,
      "{\"key\":\"alice\",\"display_name\":\"Alice\","
      "\"email\":\"alice@acme.test\",\"org_unit\":\"eng\","
      "\"hire_date\":\"2020-02-29\","
      "\"attributes\":{\"dept\":\"R&D\",\"level\":3,\"remote\":true}}",
      &out));
  CHECK_CONTAINS(out, "\"key\":\"alice\"");
  CHECK_CONTAINS(out, "\"email\":\"alice@acme.test\"");
  CHECK_CONTAINS(out, "\"hire_date\":\"2020-02-29\"");
  CHECK_CONTAINS(out,
                 "\"attributes\":{\"dept\":\"R&D\",\"level\":3,"
                 "\"remote\":true}");
  CHECK_CONTAINS(out, "\"status\":\"active\"");
  lms_free(out);
  CHECK_OK(lms_user_create(engine, LMS_ACTOR_SYSTEM, acme,
                           "{\"key\":\"bob\",\"display_name\":\"Bob\","
                           "\"org_unit\":\"web\",\"manager_key\":\"alice\","
                           "\"attributes\":{\"dept\":\"R&D\"}}",
                           &out));
  lms_free(out);
  CHECK_OK(lms_user_create(engine, LMS_ACTOR_SYSTEM, acme,
                           "{\"key\":\"carol\",\"display_name\":\"Carol\","
                           "\"org_unit\":\"sales\","
                           "\"attributes\":{\"dept\":\"Sales\"}}",
                           &out));
  lms_free(out);
  CHECK_OK(lms_user_create(
      engine, LMS_ACTOR_SYSTEM, acme,
      "{\"key\":\"dave\",\"display_name\":\"Dave\",\"org_unit\":\"hq\"}",
      &out));
  lms_free(out);

  CHECK_STATUS(
      LMS_E_EXISTS,
      lms_user_create(engine, LMS_ACTOR_SYSTEM, acme,
                      "{\"key\":\"bob\",\"display_name\":\"B\"}", &out));
  CHECK(out == NULL);

  CHECK_OK(lms_user_get(engine, LMS_ACTOR_SYSTEM, acme, "bob", &out));
  CHECK_CONTAINS(out, "\"manager_key\":\"alice\"");
  CHECK_CONTAINS(out, "\"hire_date\":null");
  CHECK_CONTAINS(out, "\"email\":\"\"");
  lms_free(out);

  CHECK_OK(lms_user_update(engine, LMS_ACTOR_SYSTEM, acme, "bob",
                           "{\"display_name\":\"Robert\","
                           "\"status\":\"suspended\"}",
                           &out));
  CHECK_CONTAINS(out, "\"display_name\":\"Robert\"");
  CHECK_CONTAINS(out, "\"status\":\"suspended\"");
  CHECK_CONTAINS(out, "\"manager_key\":\"alice\"");
  lms_free(out);
  CHECK_OK(lms_user_update(engine, LMS_ACTOR_SYSTEM, acme, "alice",
                           "{\"hire_date\":null}", &out));
  CHECK_CONTAINS(out, "\"hire_date\":null");
  CHECK_CONTAINS(out, "\"remote\":true");
  lms_free(out);
  /* "attributes" replaces them all. */
  CHECK_OK(lms_user_update(engine, LMS_ACTOR_SYSTEM, acme, "alice",
                           "{\"attributes\":{\"dept\":\"R&D\",\"level\":4}}",
                           &out));
  CHECK_CONTAINS(out, "\"attributes\":{\"dept\":\"R&D\",\"level\":4}");
  lms_free(out);
  CHECK_STATUS(LMS_E_NOT_FOUND,
               lms_user_update(engine, LMS_ACTOR_SYSTEM, acme, "zed",
                               "{\"display_name\":\"Zed\"}", &out));
  CHECK(out == NULL);
}

/* Lists users of acme with `query` and requires exactly the keys of
 * `expected` ("alice,bob"), in that order, and `next_after`. */
static void check_user_list(const char* query, const char* expected,
                            const char* next_after) {
  char* out = NULL;
  char keys[256];
  char next[64];
  CHECK_OK(lms_user_list(engine, LMS_ACTOR_SYSTEM, acme, query, &out));
  record_keys(out, keys, sizeof keys);
  CHECK_STR_EQ(keys, expected);
  json_string(out, "next_after", next, sizeof next);
  CHECK_STR_EQ(next, next_after);
  lms_free(out);
}

static void test_user_list(void) {
  check_user_list(NULL, "alice,bob,carol,dave", "");
  check_user_list("{}", "alice,bob,carol,dave", "");
  /* An org unit covers its subtree: web sits under eng. */
  check_user_list("{\"org_unit\":\"eng\"}", "alice,bob", "");
  check_user_list("{\"org_unit\":\"hq\"}", "alice,bob,carol,dave", "");
  check_user_list("{\"status\":\"suspended\"}", "bob", "");
  check_user_list("{\"org_unit\":\"eng\",\"status\":\"active\"}", "alice", "");
  check_user_list("{\"attributes\":{\"dept\":\"R&D\"}}", "alice,bob", "");
  check_user_list("{\"attributes\":{\"dept\":\"R&D\",\"level\":4}}", "alice",
                  "");
  check_user_list("{\"attributes\":{\"dept\":\"Marketing\"}}", "", "");
  check_user_list("{\"limit\":3}", "alice,bob,carol", "carol");
  check_user_list("{\"after\":\"carol\",\"limit\":3}", "dave", "");
  check_user_list("{\"after\":\"b\",\"limit\":1}", "bob", "bob");
}

/* No call addressed to one tenant sees or touches another's records. */
static void test_tenant_isolation(void) {
  char* out = NULL;
  CHECK_STATUS(LMS_E_NOT_FOUND,
               lms_user_get(engine, LMS_ACTOR_SYSTEM, globex, "alice", &out));
  CHECK_STATUS(LMS_E_NOT_FOUND,
               lms_user_update(engine, LMS_ACTOR_SYSTEM, globex, "alice",
                               "{\"display_name\":\"A\"}", &out));
  CHECK_STATUS(LMS_E_NOT_FOUND,
               lms_orgunit_get(engine, LMS_ACTOR_SYSTEM, globex, "eng", &out));
  CHECK_STATUS(LMS_E_NOT_FOUND, lms_orgunit_move(engine, LMS_ACTOR_SYSTEM,
                                                 globex, "web", "", &out));
  CHECK_STATUS(LMS_E_NOT_FOUND,
               lms_user_create(engine, LMS_ACTOR_SYSTEM, globex,
                               "{\"key\":\"zoe\",\"display_name\":\"Zoe\","
                               "\"org_unit\":\"eng\"}",
                               &out));
  CHECK_STATUS(LMS_E_NOT_FOUND,
               lms_user_list(engine, LMS_ACTOR_SYSTEM, 999999, NULL, &out));
  CHECK(out == NULL);

  CHECK_OK(lms_user_list(engine, LMS_ACTOR_SYSTEM, globex, NULL, &out));
  CHECK_STR_EQ(out, "{\"next_after\":\"\",\"users\":[]}");
  lms_free(out);
  CHECK_OK(lms_orgunit_list(engine, LMS_ACTOR_SYSTEM, globex, "", &out));
  CHECK_STR_EQ(out, "{\"org_units\":[]}");
  lms_free(out);

  /* The same key in another tenant is another user. */
  CHECK_OK(lms_user_create(engine, LMS_ACTOR_SYSTEM, globex,
                           "{\"key\":\"alice\",\"display_name\":\"Other\"}",
                           &out));
  lms_free(out);
  CHECK_OK(lms_user_get(engine, LMS_ACTOR_SYSTEM, acme, "alice", &out));
  CHECK_CONTAINS(out, "\"display_name\":\"Alice\"");
  lms_free(out);
}

/* A user without a role reads their own record and, as a manager, those
 * of the people below them; the auditor role at the tenant lets them read
 * every record and the event feed, and still change none. */
static void test_user_actor(void) {
  char* out = NULL;
  char keys[256];
  int64_t seq;

  CHECK_OK(lms_user_get(engine, "alice", acme, "alice", &out));
  lms_free(out);
  CHECK_OK(lms_user_get(engine, "alice", acme, "bob", &out));
  lms_free(out);
  CHECK_STATUS(LMS_E_DENIED,
               lms_user_get(engine, "alice", acme, "carol", &out));
  CHECK_STATUS(LMS_E_DENIED,
               lms_orgunit_get(engine, "alice", acme, "eng", &out));
  CHECK_STATUS(LMS_E_DENIED,
               lms_event_list(engine, "alice", acme, 0, 10, &out));
  CHECK(out == NULL);
  /* A list filters instead of failing. */
  CHECK_OK(lms_user_list(engine, "alice", acme, NULL, &out));
  record_keys(out, keys, sizeof keys);
  CHECK_STR_EQ(keys, "alice,bob");
  lms_free(out);

  CHECK_OK(lms_role_assign(engine, LMS_ACTOR_SYSTEM, acme,
                           "{\"user_key\":\"alice\",\"role_key\":\"auditor\"}",
                           &out));
  lms_free(out);
  seq = last_event_seq(engine, acme);

  CHECK_OK(lms_user_get(engine, "alice", acme, "carol", &out));
  CHECK_CONTAINS(out, "\"key\":\"carol\"");
  lms_free(out);
  CHECK_OK(lms_user_list(engine, "alice", acme, NULL, &out));
  record_keys(out, keys, sizeof keys);
  CHECK_STR_EQ(keys, "alice,bob,carol,dave");
  lms_free(out);
  CHECK_OK(lms_orgunit_get(engine, "alice", acme, "eng", &out));
  lms_free(out);
  /* Auditors read the audit trail. */
  CHECK_OK(lms_event_list(engine, "alice", acme, 0, 10, &out));
  lms_free(out);

  CHECK_STATUS(
      LMS_E_DENIED,
      lms_user_create(engine, "alice", acme,
                      "{\"key\":\"eve\",\"display_name\":\"Eve\"}", &out));
  CHECK(out == NULL);
  CHECK_STATUS(LMS_E_DENIED,
               lms_user_update(engine, "alice", acme, "alice",
                               "{\"display_name\":\"Queen Alice\"}", &out));
  CHECK_STATUS(LMS_E_DENIED,
               lms_orgunit_create(engine, "alice", acme,
                                  "{\"key\":\"ops\",\"name\":\"Ops\"}", &out));
  CHECK_STATUS(LMS_E_DENIED,
               lms_orgunit_move(engine, "alice", acme, "web", "", &out));
  CHECK_STATUS(LMS_E_DENIED,
               lms_tenant_create(engine, "alice",
                                 "{\"key\":\"initech\",\"name\":\"I\"}", &out));
  CHECK(out == NULL);

  /* Suspended users, strangers and users of another tenant hold nothing. */
  CHECK_STATUS(LMS_E_DENIED, lms_user_get(engine, "bob", acme, "bob", &out));
  CHECK_STATUS(LMS_E_DENIED,
               lms_user_get(engine, "mallory", acme, "alice", &out));
  CHECK_STATUS(LMS_E_DENIED,
               lms_user_get(engine, "carol", globex, "alice", &out));
  CHECK_ERROR(LMS_E_INVALID, "actor",
              lms_user_get(engine, "", acme, "alice", &out));
  CHECK(out == NULL);

  /* The refused calls wrote nothing. */
  CHECK(last_event_seq(engine, acme) == seq);
}

static void test_events(void) {
  char* out = NULL;
  char* types = event_types(engine, acme, acme_start_seq);
  CHECK_STR_EQ(types,
               "orgunit.created,orgunit.created,orgunit.created,"
               "orgunit.created,orgunit.moved,orgunit.moved,"
               "user.created,user.created,user.created,user.created,"
               "user.updated,user.updated,user.updated");
  free(types);

  CHECK_OK(
      lms_event_list(engine, LMS_ACTOR_SYSTEM, acme, acme_start_seq, 1, &out));
  CHECK(count_of(out, "\"seq\":") == 1);
  CHECK_CONTAINS(out, "\"actor\":\"@system\"");
  CHECK_CONTAINS(out, "\"subject\":\"hq\"");
  lms_free(out);

  /* globex has its own log: one user. */
  types = event_types(engine, globex, 0);
  CHECK_CONTAINS(types, "user.created");
  CHECK_LACKS(types, "orgunit");
  free(types);

  CHECK_ERROR(LMS_E_INVALID, "limit",
              lms_event_list(engine, LMS_ACTOR_SYSTEM, acme, 0, 0, &out));
  CHECK_ERROR(LMS_E_INVALID, "limit",
              lms_event_list(engine, LMS_ACTOR_SYSTEM, acme, 0, 1001, &out));
  CHECK(out == NULL);
}

int main(void) {
  engine = open_memory_engine();
  test_tenants();
  test_org_units();
  test_users();
  test_user_list();
  test_tenant_isolation();
  /* Before test_user_actor, whose role assignment appends an event. */
  test_events();
  test_user_actor();
  lms_engine_destroy(engine);
  puts("directory_test: ok");
  return EXIT_SUCCESS;
}
