/* SPDX-License-Identifier: Apache-2.0
 *
 * Enrolments and progress through the C ABI: the typed enrolment call and
 * its JSON twin, the due date a course gives by default, duplicates,
 * self-enrolment where the course allows it and where it does not, bulk
 * enrolment counting who was already enrolled, progress up to completion
 * and the prerequisite it unlocks, idempotent progress (no new event),
 * withdrawal and the cycle after it, listing with filters and paging, and
 * reading the progress back. Runs on SQLite and on the memory backend.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

#define SYS LMS_ACTOR_SYSTEM
#define DAY_MS INT64_C(86400000)

static lms_engine* engine;
static int64_t acme;
static int64_t globex;

/* The ids of the enrolments the tests share. */
static int64_t ann_basics;
static int64_t ann_advanced;
static int64_t ben_basics;

/* Requires `status` to be LMS_OK and frees `*out`. Takes the address
 * because the call that sets *out runs as an argument of this one. */
static void add(lms_status status, char** out) {
  CHECK_OK(status);
  lms_free(*out);
  *out = NULL;
}

static void create_user(int64_t tenant, const char* key) {
  char spec[256];
  char* out = NULL;
  snprintf(spec, sizeof spec, "{\"key\":\"%s\",\"display_name\":\"%s\"}", key,
           key);
  add(lms_user_create(engine, SYS, tenant, spec, &out), &out);
}

/* Creates the course `spec` describes and publishes `key` unless `draft`. */
static void create_course(int64_t tenant, const char* key, const char* spec,
                          int draft) {
  char* out = NULL;
  add(lms_course_create(engine, SYS, tenant, spec, &out), &out);
  if (draft) return;
  CHECK_OK(lms_course_publish(engine, SYS, tenant, key, &out));
  CHECK_CONTAINS(out, "\"status\":\"published\"");
  lms_free(out);
}

/* Enrolment `id` of acme, read as the system. Free with lms_free(). */
static char* get_enrolment(int64_t id) {
  char* out = NULL;
  CHECK_OK(lms_enrolment_get(engine, SYS, acme, id, &out));
  CHECK(json_int(out, "id") == id);
  return out;
}

/* Records `update` (a progress update of acme) as the system and requires
 * the enrolment it returns to have `status`. */
static void record(const char* update, const char* status) {
  char* out = NULL;
  char expected[64];
  CHECK_OK(lms_progress_record(engine, SYS, acme, update, &out));
  snprintf(expected, sizeof expected, "\"status\":\"%s\"", status);
  CHECK_CONTAINS(out, expected);
  lms_free(out);
}

/* Two tenants. acme: the users ann, ben, cat, dan, eve and gone
 * (deprovisioned); the published courses basics (two activities, due in 30
 * days, self-enrolment allowed) and advanced (basics first, no
 * self-enrolment), and the draft course later. globex: the user gus and the
 * published course gcourse. */
static void setup(const char* location, const char* options) {
  char* out = NULL;
  engine = NULL;
  CHECK_OK(lms_engine_open(location, options, &engine));
  acme = create_tenant(engine, "acme");
  globex = create_tenant(engine, "globex");
  create_user(acme, "ann");
  create_user(acme, "ben");
  create_user(acme, "cat");
  create_user(acme, "dan");
  create_user(acme, "eve");
  add(lms_user_create(engine, SYS, acme,
                      "{\"key\":\"gone\",\"display_name\":\"Gone\","
                      "\"status\":\"deprovisioned\"}",
                      &out),
      &out);
  create_course(acme, "basics",
                "{\"key\":\"basics\",\"title\":\"Basics\","
                "\"activities\":[{\"key\":\"intro\",\"kind\":\"lesson\","
                "\"title\":\"Intro\"},{\"key\":\"quiz\",\"kind\":"
                "\"assessment\",\"title\":\"Quiz\"}],"
                "\"default_due_days\":30,\"self_enrolment\":true}",
                0);
  create_course(acme, "advanced",
                "{\"key\":\"advanced\",\"title\":\"Advanced\","
                "\"activities\":[{\"key\":\"deep\",\"kind\":\"lesson\","
                "\"title\":\"Deep\"}],\"prerequisites\":[\"basics\"]}",
                0);
  create_course(acme, "later", "{\"key\":\"later\",\"title\":\"Later\"}", 1);
  create_user(globex, "gus");
  create_course(globex, "gcourse",
                "{\"key\":\"gcourse\",\"title\":\"G\",\"activities\":[{\"key\":"
                "\"a\",\"kind\":\"lesson\",\"title\":\"A\"}]}",
                0);
}

static void test_enrol_typed(void) {
  int64_t id = -1;
  int64_t other = -1;
  char* out = NULL;
  const size_t events = event_count(engine, acme);

  /* No due date given: the course's 30 days from the enrolment. */
  CHECK_OK(lms_enrolment_create(engine, SYS, acme, "ann", "basics", 0, &id));
  CHECK(id > 0);
  ann_basics = id;
  out = get_enrolment(id);
  CHECK_CONTAINS(out, "\"user_key\":\"ann\"");
  CHECK_CONTAINS(out, "\"course_key\":\"basics\"");
  CHECK_CONTAINS(out, "\"cycle\":1");
  CHECK_CONTAINS(out, "\"status\":\"enrolled\"");
  CHECK_CONTAINS(out, "\"source\":\"manual\"");
  CHECK_CONTAINS(out, "\"source_key\":\"\"");
  CHECK_CONTAINS(out, "\"enrolled_at\":\"2026-01-01T00:00:00.000Z\"");
  CHECK_CONTAINS(out, "\"due_at\":\"2026-01-31T00:00:00.000Z\"");
  CHECK_CONTAINS(out, "\"completed_at\":null");
  CHECK_CONTAINS(out, "\"expires_at\":null");
  CHECK_CONTAINS(out, "\"score\":null");
  lms_free(out);
  CHECK(event_count(engine, acme) == events + 1);

  /* Twice: the user is already active in the course. */
  CHECK_ERROR(LMS_E_EXISTS, "user_key",
              lms_enrolment_create(engine, SYS, acme, "ann", "basics", 0, &id));
  CHECK(id == 0);

  /* An explicit due date; the prerequisite is not completed: locked. A
   * course without default_due_days and no due date given: none. */
  CHECK_OK(lms_enrolment_create(engine, SYS, acme, "ann", "advanced",
                                DEFAULT_START_MS + 7 * DAY_MS, &other));
  CHECK(other > 0 && other != ann_basics);
  ann_advanced = other;
  out = get_enrolment(other);
  CHECK_CONTAINS(out, "\"status\":\"locked\"");
  CHECK_CONTAINS(out, "\"due_at\":\"2026-01-08T00:00:00.000Z\"");
  lms_free(out);
  CHECK(event_count(engine, acme) == events + 2);

  /* What enrol refuses; *out_enrolment_id is 0 after each. */
  id = -1;
  CHECK_ERROR(LMS_E_INVALID, "due_at",
              lms_enrolment_create(engine, SYS, acme, "ben", "basics",
                                   DEFAULT_START_MS - 1, &id));
  CHECK(id == 0);
  id = -1;
  CHECK_ERROR(LMS_E_CONFLICT, "published",
              lms_enrolment_create(engine, SYS, acme, "ben", "later", 0, &id));
  CHECK(id == 0);
  CHECK_ERROR(
      LMS_E_NOT_FOUND, "user_key",
      lms_enrolment_create(engine, SYS, acme, "nobody", "basics", 0, &id));
  CHECK_ERROR(
      LMS_E_NOT_FOUND, "course_key",
      lms_enrolment_create(engine, SYS, acme, "ben", "nothing", 0, &id));
  CHECK_ERROR(
      LMS_E_INVALID, "user_key",
      lms_enrolment_create(engine, SYS, acme, "gone", "basics", 0, &id));
  CHECK_ERROR(LMS_E_INVALID, "user_key",
              lms_enrolment_create(engine, SYS, acme, "", "basics", 0, &id));
  CHECK_ERROR(LMS_E_MISUSE, "user_key",
              lms_enrolment_create(engine, SYS, acme, NULL, "basics", 0, &id));
  CHECK_ERROR(LMS_E_MISUSE, "course_key",
              lms_enrolment_create(engine, SYS, acme, "ben", NULL, 0, &id));
  CHECK_ERROR(
      LMS_E_MISUSE, "actor",
      lms_enrolment_create(engine, NULL, acme, "ben", "basics", 0, &id));
  CHECK_ERROR(LMS_E_MISUSE, "engine",
              lms_enrolment_create(NULL, SYS, acme, "ben", "basics", 0, &id));
  CHECK(id == 0);
  CHECK_ERROR(
      LMS_E_MISUSE, "out_enrolment_id",
      lms_enrolment_create(engine, SYS, acme, "ben", "basics", 0, NULL));
  /* A user without enrolment.manage may not enrol someone else. */
  CHECK_STATUS(LMS_E_DENIED, lms_enrolment_create(engine, "ben", acme, "cat",
                                                  "basics", 0, &id));
  CHECK(id == 0);
  /* Another tenant's user and course are unknown here. */
  CHECK_ERROR(
      LMS_E_NOT_FOUND, "user_key",
      lms_enrolment_create(engine, SYS, globex, "ann", "gcourse", 0, &id));
  CHECK(event_count(engine, acme) == events + 2);
}

static void test_enrol_json(void) {
  char* out = NULL;
  CHECK_OK(lms_enrolment_create_json(
      engine, SYS, acme,
      "{\"user_key\":\"ben\",\"course_key\":\"basics\",\"source\":\"import\","
      "\"due_at\":\"2026-03-01T12:00:00.000Z\"}",
      &out));
  CHECK_CONTAINS(out, "\"user_key\":\"ben\"");
  CHECK_CONTAINS(out, "\"source\":\"import\"");
  CHECK_CONTAINS(out, "\"status\":\"enrolled\"");
  CHECK_CONTAINS(out, "\"due_at\":\"2026-03-01T12:00:00.000Z\"");
  ben_basics = json_int(out, "id");
  lms_free(out);

  /* "due_at": null is the course's default, as is its absence. */
  CHECK_OK(lms_enrolment_create_json(
      engine, SYS, acme,
      "{\"user_key\":\"ben\",\"course_key\":\"advanced\",\"due_at\":null}",
      &out));
  CHECK_CONTAINS(out, "\"source\":\"manual\"");
  CHECK_CONTAINS(out, "\"status\":\"locked\"");
  CHECK_CONTAINS(out, "\"due_at\":null");
  lms_free(out);

  CHECK_ERROR(LMS_E_EXISTS, "user_key",
              lms_enrolment_create_json(
                  engine, SYS, acme,
                  "{\"user_key\":\"ben\",\"course_key\":\"basics\"}", &out));
  CHECK(out == NULL);
  CHECK_ERROR(LMS_E_INVALID, "source",
              lms_enrolment_create_json(engine, SYS, acme,
                                        "{\"user_key\":\"dan\",\"course_key\":"
                                        "\"basics\",\"source\":\"self\"}",
                                        &out));
  CHECK_ERROR(LMS_E_INVALID, "source",
              lms_enrolment_create_json(engine, SYS, acme,
                                        "{\"user_key\":\"dan\",\"course_key\":"
                                        "\"basics\",\"source\":\"audience\"}",
                                        &out));
  CHECK_ERROR(LMS_E_INVALID, "course_key",
              lms_enrolment_create_json(engine, SYS, acme,
                                        "{\"user_key\":\"dan\"}", &out));
  CHECK_ERROR(LMS_E_MISUSE, "out_json",
              lms_enrolment_create_json(
                  engine, SYS, acme,
                  "{\"user_key\":\"dan\",\"course_key\":\"basics\"}", NULL));
  CHECK(out == NULL);
}

static void test_enrol_self(void) {
  char* out = NULL;
  const size_t events = event_count(engine, acme);
  CHECK_OK(lms_enrolment_self(engine, "cat", acme, "basics", &out));
  CHECK_CONTAINS(out, "\"user_key\":\"cat\"");
  CHECK_CONTAINS(out, "\"source\":\"self\"");
  CHECK_CONTAINS(out, "\"status\":\"enrolled\"");
  CHECK_CONTAINS(out, "\"due_at\":\"2026-01-31T00:00:00.000Z\"");
  lms_free(out);
  CHECK(event_count(engine, acme) == events + 1);

  /* Where the course does not allow it, and twice. */
  CHECK_ERROR(LMS_E_CONFLICT, "self-enrolment",
              lms_enrolment_self(engine, "cat", acme, "advanced", &out));
  CHECK(out == NULL);
  CHECK_STATUS(LMS_E_EXISTS,
               lms_enrolment_self(engine, "cat", acme, "basics", &out));
  /* The system has no record to enrol; keys are checked. */
  CHECK_ERROR(LMS_E_INVALID, "actor",
              lms_enrolment_self(engine, SYS, acme, "basics", &out));
  CHECK_STATUS(LMS_E_NOT_FOUND,
               lms_enrolment_self(engine, "cat", acme, "nothing", &out));
  CHECK_ERROR(LMS_E_MISUSE, "course_key",
              lms_enrolment_self(engine, "cat", acme, NULL, &out));
  CHECK(out == NULL);
  CHECK(event_count(engine, acme) == events + 1);
}

static void test_enrol_batch(void) {
  char* out = NULL;
  size_t events = event_count(engine, acme);
  /* ann is already in basics, and dan is asked for twice. */
  CHECK_OK(lms_enrolment_create_batch(
      engine, SYS, acme,
      "[{\"user_key\":\"dan\",\"course_key\":\"basics\"},"
      "{\"user_key\":\"eve\",\"course_key\":\"basics\",\"source\":\"import\"},"
      "{\"user_key\":\"ann\",\"course_key\":\"basics\"},"
      "{\"user_key\":\"dan\",\"course_key\":\"advanced\"},"
      "{\"user_key\":\"dan\",\"course_key\":\"basics\"}]",
      &out));
  CHECK_STR_EQ(out, "{\"already_enrolled\":2,\"enrolled\":3}");
  lms_free(out);
  CHECK(event_count(engine, acme) == events + 3);
  events += 3;

  CHECK_OK(
      lms_enrolment_list(engine, SYS, acme, "{\"user_key\":\"eve\"}", &out));
  CHECK(count_of(out, "\"user_key\":\"eve\"") == 1);
  CHECK_CONTAINS(out, "\"source\":\"import\"");
  lms_free(out);

  /* Empty: nothing to do. */
  CHECK_OK(lms_enrolment_create_batch(engine, SYS, acme, "[]", &out));
  CHECK_STR_EQ(out, "{\"already_enrolled\":0,\"enrolled\":0}");
  lms_free(out);

  /* All or nothing; the error names the request. */
  CHECK_ERROR(LMS_E_NOT_FOUND, "enrolments[1].user_key",
              lms_enrolment_create_batch(
                  engine, SYS, acme,
                  "[{\"user_key\":\"eve\",\"course_key\":\"advanced\"},"
                  "{\"user_key\":\"nobody\",\"course_key\":\"advanced\"}]",
                  &out));
  CHECK(out == NULL);
  CHECK_ERROR(LMS_E_INVALID, "enrolments[0].colour",
              lms_enrolment_create_batch(
                  engine, SYS, acme,
                  "[{\"user_key\":\"eve\",\"course_key\":\"advanced\","
                  "\"colour\":\"red\"}]",
                  &out));
  CHECK_ERROR(LMS_E_INVALID, "enrolments",
              lms_enrolment_create_batch(
                  engine, SYS, acme,
                  "{\"user_key\":\"eve\",\"course_key\":\"advanced\"}", &out));
  CHECK_ERROR(LMS_E_INVALID, "specs_json",
              lms_enrolment_create_batch(engine, SYS, acme, "[{", &out));
  CHECK_ERROR(LMS_E_MISUSE, "specs_json",
              lms_enrolment_create_batch(engine, SYS, acme, NULL, &out));
  CHECK(out == NULL);
  CHECK(event_count(engine, acme) == events);
}

static void test_progress_to_completion(void) {
  char* out = NULL;
  char* types = NULL;
  int64_t seq;

  /* advanced waits for basics. */
  CHECK_ERROR(LMS_E_CONFLICT, "locked",
              lms_progress_record(engine, SYS, acme,
                                  "{\"user_key\":\"ann\",\"course_key\":"
                                  "\"advanced\",\"activity_key\":\"deep\","
                                  "\"progress\":0.1}",
                                  &out));
  CHECK(out == NULL);

  /* A first report starts the enrolment. */
  CHECK_OK(lms_engine_set_time(engine, DEFAULT_START_MS + DAY_MS));
  seq = last_event_seq(engine, acme);
  CHECK_OK(lms_progress_record(
      engine, SYS, acme,
      "{\"user_key\":\"ann\",\"course_key\":\"basics\",\"activity_key\":"
      "\"intro\",\"progress\":0.5,\"time_spent_ms\":60000}",
      &out));
  CHECK_CONTAINS(out, "{\"activity\":{");
  CHECK_CONTAINS(out, "\"activity_key\":\"intro\"");
  CHECK_CONTAINS(out, "\"state\":\"in_progress\"");
  CHECK_CONTAINS(out, "\"progress\":0.5");
  CHECK_CONTAINS(out, "\"time_spent_ms\":60000");
  CHECK_CONTAINS(out, "\"started_at\":\"2026-01-02T00:00:00.000Z\"");
  CHECK_CONTAINS(out, "\"enrolment\":{");
  CHECK_CONTAINS(out, "\"status\":\"in_progress\"");
  CHECK(json_int(strstr(out, "\"enrolment\":"), "id") == ann_basics);
  lms_free(out);
  types = event_types(engine, acme, seq);
  CHECK_STR_EQ(types, "progress.recorded,enrolment.started");
  free(types);

  /* Progress never falls; time adds up. */
  CHECK_OK(lms_progress_record(
      engine, SYS, acme,
      "{\"user_key\":\"ann\",\"course_key\":\"basics\",\"activity_key\":"
      "\"intro\",\"progress\":0.25,\"time_spent_ms\":1000}",
      &out));
  CHECK_CONTAINS(out, "\"progress\":0.5");
  CHECK_CONTAINS(out, "\"time_spent_ms\":61000");
  lms_free(out);

  record(
      "{\"user_key\":\"ann\",\"course_key\":\"basics\",\"activity_key\":"
      "\"intro\",\"completed\":true}",
      "in_progress");

  /* The last required activity completes the course, which unlocks
   * advanced. */
  CHECK_OK(lms_engine_set_time(engine, DEFAULT_START_MS + 2 * DAY_MS));
  seq = last_event_seq(engine, acme);
  CHECK_OK(lms_progress_record(
      engine, SYS, acme,
      "{\"user_key\":\"ann\",\"course_key\":\"basics\",\"activity_key\":"
      "\"quiz\",\"completed\":true,\"score\":0.75,\"passed\":true}",
      &out));
  CHECK_CONTAINS(out, "\"state\":\"completed\"");
  CHECK_CONTAINS(out, "\"passed\":true");
  CHECK_CONTAINS(out, "\"status\":\"completed\"");
  CHECK_CONTAINS(out, "\"completed_at\":\"2026-01-03T00:00:00.000Z\"");
  CHECK_CONTAINS(out, "\"score\":0.75");
  lms_free(out);
  types = event_types(engine, acme, seq);
  CHECK_STR_EQ(types,
               "progress.recorded,enrolment.completed,enrolment.unlocked");
  free(types);
  out = get_enrolment(ann_advanced);
  CHECK_CONTAINS(out, "\"status\":\"enrolled\"");
  CHECK_CONTAINS(out, "\"updated_at\":\"2026-01-03T00:00:00.000Z\"");
  lms_free(out);
  /* ben has not completed basics: still locked. */
  CHECK_OK(lms_enrolment_list(engine, SYS, acme,
                              "{\"user_key\":\"ben\",\"course_key\":"
                              "\"advanced\"}",
                              &out));
  CHECK_CONTAINS(out, "\"status\":\"locked\"");
  lms_free(out);

  /* The same completed report again changes nothing and writes nothing. */
  seq = last_event_seq(engine, acme);
  CHECK_OK(lms_engine_set_time(engine, DEFAULT_START_MS + 3 * DAY_MS));
  CHECK_OK(lms_progress_record(
      engine, SYS, acme,
      "{\"user_key\":\"ann\",\"course_key\":\"basics\",\"activity_key\":"
      "\"quiz\",\"completed\":true,\"score\":0.75,\"passed\":true}",
      &out));
  CHECK_CONTAINS(out, "\"state\":\"completed\"");
  CHECK_CONTAINS(out, "\"status\":\"completed\"");
  CHECK_CONTAINS(out, "\"updated_at\":\"2026-01-03T00:00:00.000Z\"");
  CHECK_LACKS(out, "2026-01-04");
  lms_free(out);
  CHECK(last_event_seq(engine, acme) == seq);

  /* Now advanced takes progress. */
  record(
      "{\"user_key\":\"ann\",\"course_key\":\"advanced\",\"activity_key\":"
      "\"deep\",\"progress\":0.1}",
      "in_progress");

  /* What recording refuses. */
  CHECK_ERROR(LMS_E_NOT_FOUND, "activity_key",
              lms_progress_record(engine, SYS, acme,
                                  "{\"user_key\":\"ann\",\"course_key\":"
                                  "\"basics\",\"activity_key\":\"nope\"}",
                                  &out));
  CHECK_ERROR(LMS_E_NOT_FOUND, "user_key",
              lms_progress_record(engine, SYS, acme,
                                  "{\"user_key\":\"eve\",\"course_key\":"
                                  "\"advanced\",\"activity_key\":\"deep\"}",
                                  &out));
  CHECK_ERROR(LMS_E_INVALID, "progress",
              lms_progress_record(engine, SYS, acme,
                                  "{\"user_key\":\"dan\",\"course_key\":"
                                  "\"basics\",\"activity_key\":\"intro\","
                                  "\"progress\":1.5}",
                                  &out));
  CHECK_ERROR(LMS_E_INVALID, "score",
              lms_progress_record(engine, SYS, acme,
                                  "{\"user_key\":\"dan\",\"course_key\":"
                                  "\"basics\",\"activity_key\":\"intro\","
                                  "\"score\":-0.1}",
                                  &out));
  CHECK_ERROR(LMS_E_INVALID, "time_spent_ms",
              lms_progress_record(engine, SYS, acme,
                                  "{\"user_key\":\"dan\",\"course_key\":"
                                  "\"basics\",\"activity_key\":\"intro\","
                                  "\"time_spent_ms\":-1}",
                                  &out));
  /* A learner records their own progress, not another's. */
  record(
      "{\"user_key\":\"dan\",\"course_key\":\"basics\",\"activity_key\":"
      "\"intro\",\"progress\":0.2}",
      "in_progress");
  CHECK_OK(lms_progress_record(engine, "cat", acme,
                               "{\"user_key\":\"cat\",\"course_key\":"
                               "\"basics\",\"activity_key\":\"intro\","
                               "\"progress\":0.3}",
                               &out));
  CHECK_CONTAINS(out, "\"user_key\":\"cat\"");
  lms_free(out);
  CHECK_STATUS(LMS_E_DENIED,
               lms_progress_record(engine, "cat", acme,
                                   "{\"user_key\":\"dan\",\"course_key\":"
                                   "\"basics\",\"activity_key\":\"intro\","
                                   "\"progress\":0.9}",
                                   &out));
  CHECK(out == NULL);
}

static void test_get_progress(void) {
  char* out = NULL;
  CHECK_OK(lms_progress_get(engine, SYS, acme, ann_basics, &out));
  CHECK(count_of(out, "\"activity_key\":") == 2);
  CHECK_CONTAINS(out, "{\"activities\":[{");
  /* By activity key: intro, then quiz. */
  CHECK(strstr(out, "\"intro\"") < strstr(out, "\"quiz\""));
  CHECK(count_of(out, "\"state\":\"completed\"") == 2);
  CHECK_CONTAINS(out, "\"time_spent_ms\":61000");
  CHECK_CONTAINS(out, "\"score\":0.75");
  lms_free(out);

  /* Nothing recorded yet: an empty list. */
  CHECK_OK(lms_progress_get(engine, SYS, acme, ben_basics, &out));
  CHECK_STR_EQ(out, "{\"activities\":[]}");
  lms_free(out);

  /* The learner reads their own; another's is denied. */
  CHECK_OK(lms_progress_get(engine, "ann", acme, ann_basics, &out));
  lms_free(out);
  CHECK_STATUS(LMS_E_DENIED,
               lms_progress_get(engine, "cat", acme, ann_basics, &out));
  CHECK_ERROR(LMS_E_NOT_FOUND, "enrolment",
              lms_progress_get(engine, SYS, acme, INT64_C(999999), &out));
  CHECK_STATUS(LMS_E_NOT_FOUND,
               lms_progress_get(engine, SYS, globex, ann_basics, &out));
  CHECK(out == NULL);
}

static void test_withdraw(void) {
  char* out = NULL;
  int64_t id = 0;
  const size_t events = event_count(engine, acme);
  CHECK_OK(lms_engine_set_time(engine, DEFAULT_START_MS + 4 * DAY_MS));
  CHECK_OK(lms_enrolment_withdraw(engine, SYS, acme, ben_basics, &out));
  CHECK(json_int(out, "id") == ben_basics);
  CHECK_CONTAINS(out, "\"status\":\"withdrawn\"");
  CHECK_CONTAINS(out, "\"updated_at\":\"2026-01-05T00:00:00.000Z\"");
  lms_free(out);
  CHECK(event_count(engine, acme) == events + 1);
  out = get_enrolment(ben_basics);
  CHECK_CONTAINS(out, "\"status\":\"withdrawn\"");
  lms_free(out);

  /* Withdrawn and completed enrolments stay as they are. */
  CHECK_STATUS(LMS_E_CONFLICT,
               lms_enrolment_withdraw(engine, SYS, acme, ben_basics, &out));
  CHECK_STATUS(LMS_E_CONFLICT,
               lms_enrolment_withdraw(engine, SYS, acme, ann_basics, &out));
  CHECK(out == NULL);
  /* A withdrawn enrolment takes no progress. */
  CHECK_ERROR(LMS_E_CONFLICT, "withdrawn",
              lms_progress_record(engine, SYS, acme,
                                  "{\"user_key\":\"ben\",\"course_key\":"
                                  "\"basics\",\"activity_key\":\"intro\"}",
                                  &out));
  /* A learner may not withdraw; unknown and other tenant's ids. */
  CHECK_STATUS(LMS_E_DENIED,
               lms_enrolment_withdraw(engine, "ann", acme, ann_advanced, &out));
  CHECK_STATUS(LMS_E_NOT_FOUND, lms_enrolment_withdraw(engine, SYS, acme,
                                                       INT64_C(999999), &out));
  CHECK_STATUS(LMS_E_NOT_FOUND,
               lms_enrolment_withdraw(engine, SYS, globex, ann_advanced, &out));
  CHECK(out == NULL);
  CHECK(event_count(engine, acme) == events + 1);

  /* Enrolling again starts the next cycle. */
  CHECK_OK(lms_enrolment_create(engine, SYS, acme, "ben", "basics", 0, &id));
  CHECK(id != ben_basics);
  out = get_enrolment(id);
  CHECK_CONTAINS(out, "\"cycle\":2");
  CHECK_CONTAINS(out, "\"status\":\"enrolled\"");
  CHECK_CONTAINS(out, "\"due_at\":\"2026-02-04T00:00:00.000Z\"");
  lms_free(out);
}

static void test_list(void) {
  char* out = NULL;
  int64_t after;
  int64_t gus = 0;
  /* acme holds: ann basics, ann advanced, ben basics (withdrawn), ben
   * advanced, cat basics, dan basics, eve basics, dan advanced, ben basics
   * (cycle 2). */
  CHECK_OK(lms_enrolment_list(engine, SYS, acme, NULL, &out));
  CHECK(count_of(out, "\"cycle\":") == 9);
  CHECK_CONTAINS(out, "\"next_after\":0");
  lms_free(out);

  CHECK_OK(lms_enrolment_list(engine, SYS, acme,
                              "{\"course_key\":\"advanced\"}", &out));
  CHECK(count_of(out, "\"cycle\":") == 3);
  CHECK(count_of(out, "\"course_key\":\"advanced\"") == 3);
  lms_free(out);

  CHECK_OK(
      lms_enrolment_list(engine, SYS, acme, "{\"user_key\":\"ben\"}", &out));
  CHECK(count_of(out, "\"user_key\":\"ben\"") == 3);
  CHECK_CONTAINS(out, "\"cycle\":2");
  lms_free(out);

  CHECK_OK(lms_enrolment_list(engine, SYS, acme, "{\"status\":\"withdrawn\"}",
                              &out));
  CHECK(count_of(out, "\"cycle\":") == 1);
  CHECK(json_int(out, "id") == ben_basics);
  lms_free(out);

  CHECK_OK(lms_enrolment_list(engine, SYS, acme,
                              "{\"user_key\":\"ann\",\"course_key\":\"basics\","
                              "\"status\":\"completed\"}",
                              &out));
  CHECK(count_of(out, "\"cycle\":") == 1);
  CHECK(json_int(out, "id") == ann_basics);
  lms_free(out);

  CHECK_OK(
      lms_enrolment_list(engine, SYS, acme, "{\"status\":\"expired\"}", &out));
  CHECK_STR_EQ(out, "{\"enrolments\":[],\"next_after\":0}");
  lms_free(out);

  /* Paging by id. */
  CHECK_OK(lms_enrolment_list(engine, SYS, acme, "{\"limit\":4}", &out));
  CHECK(count_of(out, "\"cycle\":") == 4);
  after = json_int(out, "next_after");
  CHECK(after != 0);
  lms_free(out);
  {
    char query[128];
    snprintf(query, sizeof query, "{\"after\":%lld,\"limit\":4}",
             (long long)after);
    CHECK_OK(lms_enrolment_list(engine, SYS, acme, query, &out));
    CHECK(count_of(out, "\"cycle\":") == 4);
    CHECK(json_int(out, "id") > after);
    after = json_int(out, "next_after");
    lms_free(out);
    snprintf(query, sizeof query, "{\"after\":%lld,\"limit\":4}",
             (long long)after);
    CHECK_OK(lms_enrolment_list(engine, SYS, acme, query, &out));
    CHECK(count_of(out, "\"cycle\":") == 1);
    CHECK_CONTAINS(out, "\"next_after\":0");
    lms_free(out);
  }

  /* A learner sees their own enrolments only. */
  CHECK_OK(lms_enrolment_list(engine, "ann", acme, NULL, &out));
  CHECK(count_of(out, "\"cycle\":") == 2);
  CHECK_LACKS(out, "\"user_key\":\"ben\"");
  lms_free(out);

  /* Another tenant's list holds none of these, and a user of acme sees
   * nothing of globex's. */
  CHECK_OK(lms_enrolment_list(engine, SYS, globex, NULL, &out));
  CHECK_STR_EQ(out, "{\"enrolments\":[],\"next_after\":0}");
  lms_free(out);
  CHECK_OK(
      lms_enrolment_create(engine, SYS, globex, "gus", "gcourse", 0, &gus));
  CHECK_OK(lms_enrolment_list(engine, "ann", globex, NULL, &out));
  CHECK_STR_EQ(out, "{\"enrolments\":[],\"next_after\":0}");
  lms_free(out);
  CHECK_STATUS(LMS_E_DENIED,
               lms_enrolment_get(engine, "ann", globex, gus, &out));
  CHECK_STATUS(LMS_E_NOT_FOUND,
               lms_enrolment_get(engine, SYS, acme, gus, &out));
  CHECK(out == NULL);

  CHECK_ERROR(
      LMS_E_INVALID, "status",
      lms_enrolment_list(engine, SYS, acme, "{\"status\":\"done\"}", &out));
  CHECK_ERROR(LMS_E_INVALID, "limit",
              lms_enrolment_list(engine, SYS, acme, "{\"limit\":0}", &out));
  CHECK_ERROR(
      LMS_E_INVALID, "order",
      lms_enrolment_list(engine, SYS, acme, "{\"order\":\"id\"}", &out));
  CHECK(out == NULL);
}

static void run(const char* location, const char* options) {
  setup(location, options);
  test_enrol_typed();
  test_enrol_json();
  test_enrol_self();
  test_enrol_batch();
  test_progress_to_completion();
  test_get_progress();
  test_withdraw();
  test_list();
  lms_engine_destroy(engine);
  engine = NULL;
}

int main(void) {
  run(":memory:",
      "{\"clock\":\"manual\",\"start\":\"2026-01-01T00:00:00.000Z\"}");
  run(NULL,
      "{\"backend\":\"memory\",\"clock\":\"manual\","
      "\"start\":\"2026-01-01T00:00:00.000Z\"}");
  printf("enrolment_test: ok\n");
  return EXIT_SUCCESS;
}
