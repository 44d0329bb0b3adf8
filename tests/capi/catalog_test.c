/* SPDX-License-Identifier: Apache-2.0
 *
 * Courses through the C ABI: create, get, update with its version bump, the
 * draft -> published -> archived life cycle and the transitions it refuses,
 * prerequisites as a DAG, and list with its filter and paging.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static lms_engine* engine;
static int64_t acme;

static void create_course(const char* spec) {
  char* out = NULL;
  CHECK_OK(lms_course_create(engine, LMS_ACTOR_SYSTEM, acme, spec, &out));
  CHECK_CONTAINS(out, "\"version\":1");
  CHECK_CONTAINS(out, "\"status\":\"draft\"");
  lms_free(out);
}

static void test_create_get(void) {
  char* out = NULL;
  CHECK_OK(lms_course_create(
      engine, LMS_ACTOR_SYSTEM, acme,
      "{\"key\":\"safety\",\"title\":\"Workplace safety\","
      "\"description\":\"Stay safe.\","
      "\"activities\":[{\"key\":\"intro\",\"kind\":\"lesson\","
      "\"title\":\"Intro\"},{\"key\":\"quiz\",\"kind\":\"assessment\","
      "\"title\":\"Quiz\",\"required\":false}],"
      "\"recertification_days\":365,\"default_due_days\":30}",
      &out));
  CHECK_CONTAINS(out, "\"key\":\"safety\"");
  CHECK_CONTAINS(out, "\"version\":1");
  CHECK_CONTAINS(out, "\"status\":\"draft\"");
  lms_free(out);

  CHECK_OK(lms_course_get(engine, LMS_ACTOR_SYSTEM, acme, "safety", &out));
  CHECK_CONTAINS(out, "\"title\":\"Workplace safety\"");
  CHECK_CONTAINS(out, "\"description\":\"Stay safe.\"");
  /* Activities keep their order; "required" defaults to true. */
  CHECK_CONTAINS(out,
                 "\"activities\":[{\"key\":\"intro\",\"kind\":\"lesson\","
                 "\"required\":true,\"title\":\"Intro\"},{\"key\":\"quiz\","
                 "\"kind\":\"assessment\",\"required\":false,"
                 "\"title\":\"Quiz\"}]");
  CHECK_CONTAINS(out, "\"recertification_days\":365");
  CHECK_CONTAINS(out, "\"default_due_days\":30");
  CHECK_CONTAINS(out, "\"prerequisites\":[]");
  CHECK_CONTAINS(out, "\"created_at\":\"2026-01-01T00:00:00.000Z\"");
  lms_free(out);

  CHECK_STATUS(
      LMS_E_EXISTS,
      lms_course_create(engine, LMS_ACTOR_SYSTEM, acme,
                        "{\"key\":\"safety\",\"title\":\"Again\"}", &out));
  CHECK(out == NULL);
  CHECK_STATUS(LMS_E_NOT_FOUND,
               lms_course_get(engine, LMS_ACTOR_SYSTEM, acme, "nope", &out));
  CHECK(out == NULL);
}

static void test_update_bumps_version(void) {
  char* out = NULL;
  CHECK_OK(lms_engine_set_time(engine, INT64_C(1767312000000)));
  CHECK_OK(lms_course_update(engine, LMS_ACTOR_SYSTEM, acme, "safety",
                             "{\"title\":\"Safety at work\","
                             "\"recertification_days\":null}",
                             &out));
  CHECK_CONTAINS(out, "\"version\":2");
  CHECK_CONTAINS(out, "\"title\":\"Safety at work\"");
  CHECK_CONTAINS(out, "\"recertification_days\":null");
  /* Untouched fields keep their values. */
  CHECK_CONTAINS(out, "\"default_due_days\":30");
  CHECK_CONTAINS(out, "\"description\":\"Stay safe.\"");
  CHECK_CONTAINS(out, "\"updated_at\":\"2026-01-02T00:00:00.000Z\"");
  lms_free(out);
  CHECK_OK(lms_course_get(engine, LMS_ACTOR_SYSTEM, acme, "safety", &out));
  CHECK_CONTAINS(out, "\"version\":2");
  lms_free(out);

  CHECK_ERROR(LMS_E_INVALID, "key",
              lms_course_update(engine, LMS_ACTOR_SYSTEM, acme, "safety",
                                "{\"key\":\"other\"}", &out));
  CHECK_STATUS(LMS_E_NOT_FOUND,
               lms_course_update(engine, LMS_ACTOR_SYSTEM, acme, "nope",
                                 "{\"title\":\"T\"}", &out));
  CHECK(out == NULL);
}

static void test_life_cycle(void) {
  char* out = NULL;
  CHECK_OK(lms_course_publish(engine, LMS_ACTOR_SYSTEM, acme, "safety", &out));
  CHECK_CONTAINS(out, "\"status\":\"published\"");
  lms_free(out);
  CHECK_STATUS(LMS_E_CONFLICT, lms_course_publish(engine, LMS_ACTOR_SYSTEM,
                                                  acme, "safety", &out));
  CHECK(out == NULL);

  /* A published course may still change. */
  CHECK_OK(lms_course_update(engine, LMS_ACTOR_SYSTEM, acme, "safety",
                             "{\"description\":\"Stay safer.\"}", &out));
  CHECK_CONTAINS(out, "\"version\":3");
  CHECK_CONTAINS(out, "\"status\":\"published\"");
  lms_free(out);

  CHECK_OK(lms_course_archive(engine, LMS_ACTOR_SYSTEM, acme, "safety", &out));
  CHECK_CONTAINS(out, "\"status\":\"archived\"");
  lms_free(out);
  CHECK_STATUS(LMS_E_CONFLICT, lms_course_archive(engine, LMS_ACTOR_SYSTEM,
                                                  acme, "safety", &out));
  CHECK_STATUS(LMS_E_CONFLICT, lms_course_publish(engine, LMS_ACTOR_SYSTEM,
                                                  acme, "safety", &out));
  CHECK_STATUS(LMS_E_CONFLICT,
               lms_course_update(engine, LMS_ACTOR_SYSTEM, acme, "safety",
                                 "{\"title\":\"Revived\"}", &out));
  CHECK(out == NULL);
  CHECK_OK(lms_course_get(engine, LMS_ACTOR_SYSTEM, acme, "safety", &out));
  CHECK_CONTAINS(out, "\"version\":3");
  CHECK_CONTAINS(out, "\"title\":\"Safety at work\"");
  lms_free(out);

  /* A draft may be archived directly. */
  create_course("{\"key\":\"old\",\"title\":\"Old\"}");
  CHECK_OK(lms_course_archive(engine, LMS_ACTOR_SYSTEM, acme, "old", &out));
  CHECK_CONTAINS(out, "\"status\":\"archived\"");
  lms_free(out);
}

static void test_prerequisites(void) {
  char* out = NULL;
  create_course("{\"key\":\"a\",\"title\":\"A\"}");
  create_course("{\"key\":\"b\",\"title\":\"B\",\"prerequisites\":[\"a\"]}");
  create_course("{\"key\":\"c\",\"title\":\"C\",\"prerequisites\":[\"b\"]}");
  CHECK_OK(lms_course_get(engine, LMS_ACTOR_SYSTEM, acme, "c", &out));
  CHECK_CONTAINS(out, "\"prerequisites\":[\"b\"]");
  lms_free(out);

  CHECK_STATUS(LMS_E_NOT_FOUND,
               lms_course_create(engine, LMS_ACTOR_SYSTEM, acme,
                                 "{\"key\":\"d\",\"title\":\"D\","
                                 "\"prerequisites\":[\"missing\"]}",
                                 &out));
  CHECK(out == NULL);

  /* a -> c -> b -> a would be a cycle, and so would a course before
   * itself. */
  CHECK_ERROR(LMS_E_INVALID, "prerequisites",
              lms_course_update(engine, LMS_ACTOR_SYSTEM, acme, "a",
                                "{\"prerequisites\":[\"c\"]}", &out));
  CHECK_ERROR(LMS_E_INVALID, "prerequisites",
              lms_course_update(engine, LMS_ACTOR_SYSTEM, acme, "a",
                                "{\"prerequisites\":[\"a\"]}", &out));
  CHECK(out == NULL);
  CHECK_OK(lms_course_get(engine, LMS_ACTOR_SYSTEM, acme, "a", &out));
  CHECK_CONTAINS(out, "\"prerequisites\":[]");
  CHECK_CONTAINS(out, "\"version\":1");
  lms_free(out);

  /* A diamond is no cycle. */
  CHECK_OK(lms_course_update(engine, LMS_ACTOR_SYSTEM, acme, "c",
                             "{\"prerequisites\":[\"a\",\"b\"]}", &out));
  CHECK_CONTAINS(out, "\"version\":2");
  lms_free(out);
}

/* Requires the course keys of `query`'s page to be `expected` and its
 * next_after `next_after`. */
static void check_course_list(const char* query, const char* expected,
                              const char* next_after) {
  char* out = NULL;
  char keys[256];
  char next[64];
  CHECK_OK(lms_course_list(engine, LMS_ACTOR_SYSTEM, acme, query, &out));
  record_keys(out, keys, sizeof keys);
  CHECK_STR_EQ(keys, expected);
  json_string(out, "next_after", next, sizeof next);
  CHECK_STR_EQ(next, next_after);
  lms_free(out);
}

static void test_list(void) {
  char* out = NULL;
  check_course_list(NULL, "a,b,c,old,safety", "");
  check_course_list("{\"status\":\"draft\"}", "a,b,c", "");
  check_course_list("{\"status\":\"archived\"}", "old,safety", "");
  check_course_list("{\"status\":\"published\"}", "", "");
  check_course_list("{\"limit\":2}", "a,b", "b");
  check_course_list("{\"after\":\"b\",\"limit\":2}", "c,old", "old");
  check_course_list("{\"after\":\"old\",\"limit\":2}", "safety", "");
  CHECK_ERROR(LMS_E_INVALID, "status",
              lms_course_list(engine, LMS_ACTOR_SYSTEM, acme,
                              "{\"status\":\"retired\"}", &out));
  CHECK(out == NULL);
}

/* A user without a role sees no course; the learner role at the tenant
 * lets them read every course and change none. */
static void test_user_actor(void) {
  char* out = NULL;
  int64_t seq;
  CHECK_OK(lms_user_create(engine, LMS_ACTOR_SYSTEM, acme,
                           "{\"key\":\"lee\",\"display_name\":\"Lee\"}", &out));
  lms_free(out);
  CHECK_STATUS(LMS_E_DENIED, lms_course_get(engine, "lee", acme, "a", &out));
  CHECK(out == NULL);
  CHECK_OK(lms_course_list(engine, "lee", acme, NULL, &out));
  CHECK(count_of(out, "\"key\":") == 0);
  lms_free(out);

  CHECK_OK(lms_role_assign(engine, LMS_ACTOR_SYSTEM, acme,
                           "{\"user_key\":\"lee\",\"role_key\":\"learner\"}",
                           &out));
  lms_free(out);
  seq = last_event_seq(engine, acme);
  CHECK_OK(lms_course_get(engine, "lee", acme, "a", &out));
  lms_free(out);
  CHECK_OK(lms_course_list(engine, "lee", acme, NULL, &out));
  CHECK_CONTAINS(out, "\"key\":\"a\"");
  lms_free(out);
  CHECK_STATUS(LMS_E_DENIED,
               lms_course_create(engine, "lee", acme,
                                 "{\"key\":\"e\",\"title\":\"E\"}", &out));
  CHECK_STATUS(LMS_E_DENIED, lms_course_update(engine, "lee", acme, "a",
                                               "{\"title\":\"Mine\"}", &out));
  CHECK_STATUS(LMS_E_DENIED,
               lms_course_publish(engine, "lee", acme, "a", &out));
  CHECK_STATUS(LMS_E_DENIED,
               lms_course_archive(engine, "lee", acme, "a", &out));
  CHECK(out == NULL);
  CHECK(last_event_seq(engine, acme) == seq);
}

static void test_events(void) {
  char* types = event_types(engine, acme, 0);
  CHECK_CONTAINS(types,
                 "course.created,course.updated,course.published,"
                 "course.updated,course.archived");
  free(types);
}

int main(void) {
  engine = open_memory_engine();
  acme = create_tenant(engine, "acme");
  test_create_get();
  test_update_bumps_version();
  test_life_cycle();
  test_prerequisites();
  test_list();
  test_user_actor();
  test_events();
  lms_engine_destroy(engine);
  puts("catalog_test: ok");
  return EXIT_SUCCESS;
}
