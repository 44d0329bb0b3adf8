/* SPDX-License-Identifier: Apache-2.0
 *
 * Access control through the C ABI: custom roles, assignments and
 * overrides; lms_check over a representative slice of the access matrix
 * (tenant admin, author, instructor of the course and of another course,
 * manager of the subject and not, learner on self and on another, a
 * suspended user, the admin of another tenant), backed by real calls that
 * succeed or are denied; lms_explain's reasons; lms_visible for a manager;
 * escalation attempts, each refused with nothing written; and the access
 * cache's TTL for writes made by another engine on the same file.
 * Single-threaded; every buffer the library returns is freed.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

#define SYS LMS_ACTOR_SYSTEM

static lms_engine* engine;
static int64_t acme;
static int64_t globex;

/* Runs a call that returns JSON, requires LMS_OK and frees the result. */
#define DO(call)         \
  do {                   \
    char* out_ = NULL;   \
    CHECK_OK(call);      \
    CHECK(out_ != NULL); \
    lms_free(out_);      \
  } while (0)

static void create_user(int64_t tenant, const char* json) {
  DO(lms_user_create(engine, SYS, tenant, json, &out_));
}

/* Assigns `role` to `user` at `scope` (a scope object, or NULL for the
 * tenant) as the system; returns the assignment's id. */
static int64_t assign(int64_t tenant, const char* user, const char* role,
                      const char* scope) {
  char spec[256];
  char* out = NULL;
  int64_t id;
  if (scope == NULL)
    snprintf(spec, sizeof spec, "{\"user_key\":\"%s\",\"role_key\":\"%s\"}",
             user, role);
  else
    snprintf(spec, sizeof spec,
             "{\"user_key\":\"%s\",\"role_key\":\"%s\",\"scope\":%s}", user,
             role, scope);
  CHECK_OK(lms_role_assign(engine, SYS, tenant, spec, &out));
  id = json_int(out, "id");
  CHECK(id > 0);
  lms_free(out);
  return id;
}

/* lms_check's answer; the call itself must succeed. */
static int allowed(const char* subject, int64_t tenant, const char* permission,
                   const char* kind, const char* key) {
  int answer = -1;
  CHECK_OK(lms_check(engine, subject, tenant, permission, kind, key, &answer));
  CHECK(answer == 0 || answer == 1);
  return answer;
}

#define ALLOWED(subject, permission, kind, key) \
  CHECK(allowed((subject), acme, (permission), (kind), (key)) == 1)
#define DENIED(subject, permission, kind, key) \
  CHECK(allowed((subject), acme, (permission), (kind), (key)) == 0)

/* acme: org units hq > eng > web and hq > sales; courses c1 and c2; the
 * manager chain boss > mgr > emp > emp3 and mgr > emp2; other in sales
 * with no manager; admin (tenant_admin), author1 (author), inst1 and inst2
 * (instructors of c1 and c2), sus (a tenant admin, then suspended).
 * globex: gadmin, its tenant admin. */
static void make_fixture(void) {
  engine = open_memory_engine();
  acme = create_tenant(engine, "acme");
  globex = create_tenant(engine, "globex");
  DO(lms_orgunit_create(engine, SYS, acme, "{\"key\":\"hq\",\"name\":\"HQ\"}",
                        &out_));
  DO(lms_orgunit_create(engine, SYS, acme,
                        "{\"key\":\"eng\",\"name\":\"Eng\",\"parent\":\"hq\"}",
                        &out_));
  DO(lms_orgunit_create(engine, SYS, acme,
                        "{\"key\":\"web\",\"name\":\"Web\",\"parent\":\"eng\"}",
                        &out_));
  DO(lms_orgunit_create(
      engine, SYS, acme,
      "{\"key\":\"sales\",\"name\":\"Sales\",\"parent\":\"hq\"}", &out_));
  DO(lms_course_create(engine, SYS, acme, "{\"key\":\"c1\",\"title\":\"C1\"}",
                       &out_));
  DO(lms_course_create(engine, SYS, acme, "{\"key\":\"c2\",\"title\":\"C2\"}",
                       &out_));

  create_user(acme,
              "{\"key\":\"boss\",\"display_name\":\"Boss\","
              "\"org_unit\":\"hq\"}");
  create_user(acme,
              "{\"key\":\"mgr\",\"display_name\":\"Manager\","
              "\"org_unit\":\"eng\",\"manager_key\":\"boss\"}");
  create_user(acme,
              "{\"key\":\"emp\",\"display_name\":\"Employee\","
              "\"org_unit\":\"web\",\"manager_key\":\"mgr\"}");
  create_user(acme,
              "{\"key\":\"emp2\",\"display_name\":\"Employee 2\","
              "\"org_unit\":\"web\",\"manager_key\":\"mgr\"}");
  create_user(acme,
              "{\"key\":\"emp3\",\"display_name\":\"Employee 3\","
              "\"org_unit\":\"web\",\"manager_key\":\"emp\"}");
  create_user(acme,
              "{\"key\":\"other\",\"display_name\":\"Other\","
              "\"org_unit\":\"sales\"}");
  create_user(acme, "{\"key\":\"admin\",\"display_name\":\"Admin\"}");
  create_user(acme, "{\"key\":\"author1\",\"display_name\":\"Author\"}");
  create_user(acme, "{\"key\":\"inst1\",\"display_name\":\"Instructor 1\"}");
  create_user(acme, "{\"key\":\"inst2\",\"display_name\":\"Instructor 2\"}");
  create_user(acme, "{\"key\":\"sus\",\"display_name\":\"Suspended\"}");
  create_user(globex, "{\"key\":\"gadmin\",\"display_name\":\"G Admin\"}");

  assign(acme, "admin", "tenant_admin", NULL);
  assign(acme, "author1", "author", NULL);
  assign(acme, "inst1", "instructor", "{\"kind\":\"course\",\"key\":\"c1\"}");
  assign(acme, "inst2", "instructor", "{\"kind\":\"course\",\"key\":\"c2\"}");
  assign(acme, "sus", "tenant_admin", NULL);
  DO(lms_user_update(engine, SYS, acme, "sus", "{\"status\":\"suspended\"}",
                     &out_));
  assign(globex, "gadmin", "tenant_admin", NULL);
}

static void test_roles(void) {
  char* out = NULL;
  const size_t events = event_count(engine, acme);

  CHECK_OK(lms_role_create(engine, SYS, acme,
                           "{\"key\":\"reviewer\",\"name\":\"Reviewer\","
                           "\"permissions\":{\"course.view\":\"allow\","
                           "\"report.view\":\"allow\"}}",
                           &out));
  CHECK_CONTAINS(out, "\"key\":\"reviewer\"");
  CHECK_CONTAINS(out, "\"name\":\"Reviewer\"");
  CHECK_CONTAINS(out, "\"builtin\":false");
  CHECK_CONTAINS(out,
                 "\"permissions\":{\"course.view\":\"allow\","
                 "\"report.view\":\"allow\"}");
  CHECK_CONTAINS(out, "\"created_at\":\"2026-01-01T00:00:00.000Z\"");
  lms_free(out);
  CHECK(event_count(engine, acme) == events + 1);

  CHECK_OK(lms_role_get(engine, SYS, acme, "reviewer", &out));
  CHECK_CONTAINS(out, "\"report.view\":\"allow\"");
  lms_free(out);
  CHECK_OK(lms_role_get(engine, SYS, acme, "instructor", &out));
  CHECK_CONTAINS(out, "\"builtin\":true");
  CHECK_CONTAINS(out, "\"attempt.grade\":\"allow\"");
  lms_free(out);

  /* Built-in roles first, in their order, then custom ones by key. */
  CHECK_OK(lms_role_list(engine, SYS, acme, &out));
  CHECK(count_of(out, "\"builtin\":true") == 6);
  CHECK(count_of(out, "\"builtin\":false") == 1);
  {
    const char* admin = strstr(out, "\"key\":\"tenant_admin\"");
    const char* author = strstr(out, "\"key\":\"author\"");
    const char* auditor = strstr(out, "\"key\":\"auditor\"");
    const char* reviewer = strstr(out, "\"key\":\"reviewer\"");
    CHECK(admin != NULL && author != NULL && auditor != NULL &&
          reviewer != NULL);
    CHECK(admin < author && author < auditor && auditor < reviewer);
  }
  lms_free(out);
  /* Another tenant has the built-in roles only. */
  CHECK_OK(lms_role_list(engine, SYS, globex, &out));
  CHECK(count_of(out, "\"builtin\":true") == 6);
  CHECK_LACKS(out, "reviewer");
  lms_free(out);

  /* Update replaces the permissions. */
  CHECK_OK(lms_role_update(engine, SYS, acme, "reviewer",
                           "{\"course.view\":\"allow\","
                           "\"user.manage\":\"prohibit\"}",
                           &out));
  CHECK_CONTAINS(out,
                 "\"permissions\":{\"course.view\":\"allow\","
                 "\"user.manage\":\"prohibit\"}");
  CHECK_LACKS(out, "report.view");
  lms_free(out);
  CHECK(event_count(engine, acme) == events + 2);

  /* Built-in roles are fixed; their keys are taken. */
  CHECK_ERROR(LMS_E_CONFLICT, "learner",
              lms_role_update(engine, SYS, acme, "learner",
                              "{\"user.manage\":\"allow\"}", &out));
  CHECK(out == NULL);
  CHECK_ERROR(LMS_E_EXISTS, "key",
              lms_role_create(engine, SYS, acme,
                              "{\"key\":\"learner\",\"name\":\"Mine\"}", &out));
  CHECK_ERROR(
      LMS_E_EXISTS, "key",
      lms_role_create(engine, SYS, acme,
                      "{\"key\":\"reviewer\",\"name\":\"Again\"}", &out));
  CHECK_STATUS(LMS_E_NOT_FOUND,
               lms_role_get(engine, SYS, acme, "wizard", &out));
  CHECK_STATUS(LMS_E_NOT_FOUND,
               lms_role_get(engine, SYS, globex, "reviewer", &out));
  CHECK(out == NULL);
  CHECK(event_count(engine, acme) == events + 2);
}

static void test_assignments(void) {
  char* out = NULL;
  size_t events;
  int64_t id;

  /* emp2, an auditor of eng for 2026: its subtree and the users in it. */
  CHECK_OK(lms_role_assign(engine, SYS, acme,
                           "{\"user_key\":\"emp2\",\"role_key\":\"auditor\","
                           "\"scope\":{\"kind\":\"org_unit\",\"key\":\"eng\"},"
                           "\"valid_from\":\"2026-01-01T00:00:00.000Z\","
                           "\"valid_until\":\"2027-01-01T00:00:00.000Z\"}",
                           &out));
  id = json_int(out, "id");
  CHECK_CONTAINS(out, "\"user_key\":\"emp2\"");
  CHECK_CONTAINS(out, "\"role_key\":\"auditor\"");
  CHECK_CONTAINS(out, "\"scope\":{\"key\":\"eng\",\"kind\":\"org_unit\"}");
  CHECK_CONTAINS(out, "\"valid_from\":\"2026-01-01T00:00:00.000Z\"");
  CHECK_CONTAINS(out, "\"valid_until\":\"2027-01-01T00:00:00.000Z\"");
  lms_free(out);

  /* Filters. */
  CHECK_OK(lms_assignment_list(engine, SYS, acme, NULL, &out));
  CHECK(count_of(out, "\"user_key\":") == 6);
  lms_free(out);
  CHECK_OK(
      lms_assignment_list(engine, SYS, acme, "{\"user_key\":\"emp2\"}", &out));
  CHECK(count_of(out, "\"user_key\":") == 1);
  CHECK_CONTAINS(out, "\"role_key\":\"auditor\"");
  lms_free(out);
  CHECK_OK(lms_assignment_list(engine, SYS, acme,
                               "{\"role_key\":\"instructor\"}", &out));
  CHECK(count_of(out, "\"user_key\":") == 2);
  CHECK_CONTAINS(out, "\"user_key\":\"inst1\"");
  CHECK_CONTAINS(out, "\"user_key\":\"inst2\"");
  lms_free(out);
  CHECK_OK(lms_assignment_list(
      engine, SYS, acme, "{\"scope\":{\"kind\":\"course\",\"key\":\"c1\"}}",
      &out));
  CHECK(count_of(out, "\"user_key\":") == 1);
  CHECK_CONTAINS(out, "\"user_key\":\"inst1\"");
  lms_free(out);
  /* globex sees its own assignment only. */
  CHECK_OK(lms_assignment_list(engine, SYS, globex, NULL, &out));
  CHECK(count_of(out, "\"user_key\":") == 1);
  CHECK_CONTAINS(out, "\"user_key\":\"gadmin\"");
  lms_free(out);

  /* The assignment at eng covers the users of its subtree only. */
  ALLOWED("emp2", "user.view", "user", "emp");
  ALLOWED("emp2", "user.view", "user", "mgr");
  ALLOWED("emp2", "orgunit.view", "org_unit", "web");
  DENIED("emp2", "user.view", "user", "other");
  DENIED("emp2", "user.view", "user", "boss");
  DENIED("emp2", "orgunit.view", "org_unit", "sales");
  DENIED("emp2", "user.manage", "user", "emp");

  /* Unassign removes it, once. */
  events = event_count(engine, acme);
  CHECK_OK(lms_role_unassign(engine, SYS, acme, id));
  CHECK(event_count(engine, acme) == events + 1);
  CHECK_OK(
      lms_assignment_list(engine, SYS, acme, "{\"user_key\":\"emp2\"}", &out));
  CHECK_STR_EQ(out, "{\"assignments\":[]}");
  lms_free(out);
  DENIED("emp2", "user.view", "user", "emp");
  CHECK_STATUS(LMS_E_NOT_FOUND, lms_role_unassign(engine, SYS, acme, id));
  CHECK(event_count(engine, acme) == events + 1);

  /* An assignment outside its window grants nothing. */
  id = assign(acme, "emp2", "reviewer", NULL);
  ALLOWED("emp2", "course.view", "course", "c1");
  CHECK_OK(lms_role_unassign(engine, SYS, acme, id));
  CHECK_OK(lms_role_assign(engine, SYS, acme,
                           "{\"user_key\":\"emp2\",\"role_key\":\"reviewer\","
                           "\"valid_until\":\"2026-02-01T00:00:00.000Z\"}",
                           &out));
  id = json_int(out, "id");
  lms_free(out);
  ALLOWED("emp2", "course.view", "course", "c1");
  /* 2026-03-01T00:00:00.000Z */
  CHECK_OK(lms_engine_set_time(engine, INT64_C(1772323200000)));
  DENIED("emp2", "course.view", "course", "c1");
  CHECK_OK(lms_role_unassign(engine, SYS, acme, id));
}

static void test_overrides(void) {
  static const char kProhibitGrade[] =
      "{\"role_key\":\"instructor\","
      "\"scope\":{\"kind\":\"course\",\"key\":\"c1\"},"
      "\"permission\":\"attempt.grade\",\"value\":\"prohibit\"}";
  static const char kGradeKey[] =
      "{\"role_key\":\"instructor\","
      "\"scope\":{\"kind\":\"course\",\"key\":\"c1\"},"
      "\"permission\":\"attempt.grade\"}";
  char* out = NULL;
  size_t events = event_count(engine, acme);

  ALLOWED("inst1", "attempt.grade", "course", "c1");
  CHECK_OK(lms_override_set(engine, SYS, acme, kProhibitGrade));
  CHECK(event_count(engine, acme) == events + 1);
  CHECK_OK(lms_override_list(engine, SYS, acme, &out));
  CHECK_STR_EQ(out,
               "{\"overrides\":[{\"permission\":\"attempt.grade\","
               "\"role_key\":\"instructor\","
               "\"scope\":{\"key\":\"c1\",\"kind\":\"course\"},"
               "\"value\":\"prohibit\"}]}");
  lms_free(out);
  DENIED("inst1", "attempt.grade", "course", "c1");

  /* explain names the prohibit and where it sits. */
  CHECK_OK(lms_explain(engine, "inst1", acme, "attempt.grade", "course", "c1",
                       &out));
  CHECK_CONTAINS(out, "\"allowed\":false");
  CHECK_LACKS(out, "\"prohibited_by\":null");
  CHECK_CONTAINS(out, "\"decided_at\":{\"key\":\"c1\",\"kind\":\"course\"}");
  CHECK_CONTAINS(out, "\"value\":\"prohibit\"");
  CHECK_CONTAINS(out, "\"role_key\":\"instructor\"");
  lms_free(out);

  /* Setting it again replaces it; clearing takes the override's key
   * without its value. */
  CHECK_OK(lms_override_set(engine, SYS, acme,
                            "{\"role_key\":\"instructor\","
                            "\"scope\":{\"kind\":\"course\",\"key\":\"c1\"},"
                            "\"permission\":\"attempt.grade\","
                            "\"value\":\"prevent\"}"));
  CHECK_OK(lms_override_list(engine, SYS, acme, &out));
  CHECK(count_of(out, "\"role_key\":") == 1);
  CHECK_CONTAINS(out, "\"value\":\"prevent\"");
  lms_free(out);
  DENIED("inst1", "attempt.grade", "course", "c1");
  events = event_count(engine, acme);
  CHECK_ERROR(LMS_E_INVALID, "value",
              lms_override_clear(engine, SYS, acme, kProhibitGrade));
  CHECK(event_count(engine, acme) == events);
  CHECK_OK(lms_override_clear(engine, SYS, acme, kGradeKey));
  CHECK(event_count(engine, acme) == events + 1);
  CHECK_OK(lms_override_list(engine, SYS, acme, &out));
  CHECK_STR_EQ(out, "{\"overrides\":[]}");
  lms_free(out);
  ALLOWED("inst1", "attempt.grade", "course", "c1");
  CHECK_STATUS(LMS_E_NOT_FOUND,
               lms_override_clear(engine, SYS, acme, kGradeKey));
  CHECK(event_count(engine, acme) == events + 1);
}

/* The slice of the access matrix, by lms_check and by the calls it
 * guards. */
static void test_matrix(void) {
  char* out = NULL;

  /* Tenant admin: everything inside the tenant, nothing of the host's. */
  ALLOWED("admin", "user.manage", "tenant", NULL);
  ALLOWED("admin", "user.manage", "user", "other");
  ALLOWED("admin", "course.author", "course", "c1");
  ALLOWED("admin", "course.publish", "course", "c2");
  DENIED("admin", "tenant.manage", "tenant", "");
  DO(lms_user_create(engine, "admin", acme,
                     "{\"key\":\"new1\",\"display_name\":\"New\"}", &out_));
  DO(lms_user_update(engine, "admin", acme, "other",
                     "{\"display_name\":\"Other person\"}", &out_));
  CHECK_STATUS(LMS_E_DENIED,
               lms_tenant_create(engine, "admin",
                                 "{\"key\":\"t\",\"name\":\"T\"}", &out));

  /* Author: courses, not people. */
  ALLOWED("author1", "course.author", "course", "c1");
  ALLOWED("author1", "course.publish", "course", "c1");
  DENIED("author1", "user.manage", "tenant", NULL);
  DO(lms_course_update(engine, "author1", acme, "c1", "{\"title\":\"C one\"}",
                       &out_));
  CHECK_STATUS(
      LMS_E_DENIED,
      lms_user_create(engine, "author1", acme,
                      "{\"key\":\"new2\",\"display_name\":\"N\"}", &out));

  /* Instructor of the course vs of another course. */
  ALLOWED("inst1", "course.view", "course", "c1");
  ALLOWED("inst1", "enrolment.manage", "course", "c1");
  ALLOWED("inst1", "progress.record", "course", "c1");
  DENIED("inst2", "course.view", "course", "c1");
  DENIED("inst2", "enrolment.manage", "course", "c1");
  DENIED("inst2", "progress.record", "course", "c1");
  /* Instructors teach; they neither author nor publish. */
  DENIED("inst1", "course.author", "course", "c1");
  DENIED("inst1", "course.publish", "course", "c1");
  DO(lms_course_get(engine, "inst1", acme, "c1", &out_));
  CHECK_STATUS(LMS_E_DENIED, lms_course_get(engine, "inst2", acme, "c1", &out));
  CHECK_STATUS(LMS_E_DENIED, lms_course_update(engine, "inst1", acme, "c1",
                                               "{\"title\":\"X\"}", &out));
  CHECK_STATUS(LMS_E_DENIED,
               lms_course_publish(engine, "inst1", acme, "c1", &out));
  CHECK(out == NULL);

  /* Manager of the subject (directly and down the chain) vs not. */
  ALLOWED("mgr", "user.view", "user", "emp");
  ALLOWED("mgr", "user.view", "user", "emp3");
  ALLOWED("mgr", "progress.view", "user", "emp");
  DENIED("mgr", "user.manage", "user", "emp");
  DENIED("mgr", "user.view", "user", "other");
  DENIED("mgr", "user.view", "user", "boss");
  DENIED("mgr", "user.manage", "tenant", NULL);
  DO(lms_user_get(engine, "mgr", acme, "emp3", &out_));
  CHECK_STATUS(LMS_E_DENIED, lms_user_get(engine, "mgr", acme, "other", &out));
  CHECK_STATUS(LMS_E_DENIED, lms_user_update(engine, "mgr", acme, "emp",
                                             "{\"email\":\"e@x.test\"}", &out));

  /* Learner on self vs on another. */
  ALLOWED("emp", "user.view", "user", "emp");
  ALLOWED("emp", "progress.record", "user", "emp");
  DENIED("emp", "user.manage", "user", "emp");
  DENIED("emp", "user.view", "user", "emp2");
  DENIED("emp", "user.view", "user", "mgr");
  DO(lms_user_get(engine, "emp", acme, "emp", &out_));
  CHECK_STATUS(LMS_E_DENIED, lms_user_get(engine, "emp", acme, "emp2", &out));
  CHECK_STATUS(LMS_E_DENIED,
               lms_user_update(engine, "emp", acme, "emp",
                               "{\"display_name\":\"Me\"}", &out));

  /* A suspended user holds nothing, not even their assignment or their
   * own record. */
  DENIED("sus", "user.view", "user", "sus");
  DENIED("sus", "user.manage", "tenant", NULL);
  DENIED("sus", "course.view", "course", "c1");
  CHECK_STATUS(LMS_E_DENIED, lms_user_get(engine, "sus", acme, "sus", &out));

  /* The admin of another tenant holds nothing here. */
  CHECK(allowed("gadmin", globex, "user.manage", "tenant", NULL) == 1);
  DENIED("gadmin", "user.view", "user", "other");
  DENIED("gadmin", "user.manage", "tenant", NULL);
  CHECK_STATUS(LMS_E_DENIED,
               lms_user_get(engine, "gadmin", acme, "other", &out));
  CHECK_STATUS(
      LMS_E_DENIED,
      lms_user_create(engine, "gadmin", acme,
                      "{\"key\":\"new3\",\"display_name\":\"N\"}", &out));
  CHECK(out == NULL);

  /* The system may do everything; a key of another tenant is not found,
   * whoever asks. */
  ALLOWED(SYS, "tenant.manage", "tenant", NULL);
  CHECK_STATUS(LMS_E_NOT_FOUND, lms_check(engine, "admin", acme, "user.view",
                                          "user", "gadmin", &(int){0}));
  CHECK_STATUS(LMS_E_NOT_FOUND, lms_check(engine, SYS, acme, "course.view",
                                          "course", "nowhere", &(int){0}));
}

static void test_explain(void) {
  char* out = NULL;

  CHECK_OK(
      lms_explain(engine, "inst1", acme, "course.view", "course", "c1", &out));
  CHECK_CONTAINS(out, "\"allowed\":true");
  CHECK_CONTAINS(out, "\"permission\":\"course.view\"");
  CHECK_CONTAINS(out, "\"resource\":{\"key\":\"c1\",\"kind\":\"course\"}");
  CHECK_CONTAINS(out, "\"source\":\"assignment\"");
  CHECK_CONTAINS(out, "\"role_key\":\"instructor\"");
  CHECK_CONTAINS(out, "\"assigned_at\":{\"key\":\"c1\",\"kind\":\"course\"}");
  CHECK_CONTAINS(out, "\"prohibited_by\":null");
  CHECK_CONTAINS(out, "\"reason\":\"allowed");
  lms_free(out);

  CHECK_OK(lms_explain(engine, "mgr", acme, "user.view", "user", "emp3", &out));
  CHECK_CONTAINS(out, "\"allowed\":true");
  CHECK_CONTAINS(out, "\"source\":\"manager\"");
  CHECK_CONTAINS(out, "\"role_key\":\"manager\"");
  lms_free(out);

  CHECK_OK(lms_explain(engine, "emp", acme, "user.view", "user", "emp", &out));
  CHECK_CONTAINS(out, "\"allowed\":true");
  CHECK_CONTAINS(out, "\"source\":\"self\"");
  CHECK_CONTAINS(out, "\"role_key\":\"learner\"");
  lms_free(out);

  /* No role covers it: denied, with an empty list of roles. */
  CHECK_OK(
      lms_explain(engine, "emp", acme, "user.view", "user", "other", &out));
  CHECK_CONTAINS(out, "\"allowed\":false");
  CHECK_CONTAINS(out, "\"roles\":[]");
  CHECK_CONTAINS(out, "\"reason\":\"denied");
  lms_free(out);

  /* The tenant resource: a NULL key or "". */
  CHECK_OK(
      lms_explain(engine, "admin", acme, "user.manage", "tenant", NULL, &out));
  CHECK_CONTAINS(out, "\"resource\":{\"key\":\"\",\"kind\":\"tenant\"}");
  CHECK_CONTAINS(out, "\"role_key\":\"tenant_admin\"");
  lms_free(out);
  CHECK_ERROR(
      LMS_E_INVALID, "resource_key",
      lms_explain(engine, "admin", acme, "user.manage", "tenant", "x", &out));
  CHECK(out == NULL);
}

static void test_visible(void) {
  char* out = NULL;
  /* Below mgr: emp, emp2 and (through emp) emp3; and mgr's own record. */
  CHECK_OK(lms_visible(engine, "mgr", acme, "user.view", "user", &out));
  CHECK_STR_EQ(out, "{\"keys\":[\"emp\",\"emp2\",\"emp3\",\"mgr\"]}");
  lms_free(out);
  CHECK_OK(lms_visible(engine, "emp", acme, "user.view", "user", &out));
  CHECK_STR_EQ(out, "{\"keys\":[\"emp\",\"emp3\"]}");
  lms_free(out);
  CHECK_OK(lms_visible(engine, "sus", acme, "user.view", "user", &out));
  CHECK_STR_EQ(out, "{\"keys\":[]}");
  lms_free(out);
  CHECK_OK(lms_visible(engine, "inst1", acme, "course.view", "course", &out));
  CHECK_STR_EQ(out, "{\"keys\":[\"c1\"]}");
  lms_free(out);
  CHECK_OK(lms_visible(engine, "gadmin", acme, "user.view", "user", &out));
  CHECK_STR_EQ(out, "{\"keys\":[]}");
  lms_free(out);

  /* A manager listing users gets their chain, not an error. */
  CHECK_OK(lms_user_list(engine, "mgr", acme, NULL, &out));
  {
    char keys[256];
    record_keys(out, keys, sizeof keys);
    CHECK_STR_EQ(keys, "emp,emp2,emp3,mgr");
  }
  lms_free(out);
}

/* Requires an escalation attempt to be refused and to write nothing. */
static void check_refused(lms_status status, size_t events,
                          const char* assignments) {
  char* now = NULL;
  CHECK_STATUS(LMS_E_DENIED, status);
  CHECK(event_count(engine, acme) == events);
  CHECK_OK(lms_assignment_list(engine, SYS, acme, NULL, &now));
  CHECK_STR_EQ(now, assignments);
  lms_free(now);
}

static void test_escalation(void) {
  char* before = NULL;
  char* out = NULL;
  size_t events;
  int64_t inst1_assignment;

  /* deleg may assign and manage roles at the tenant, and holds nothing
   * else but course.view. */
  DO(lms_role_create(engine, SYS, acme,
                     "{\"key\":\"delegate\",\"name\":\"Delegate\","
                     "\"permissions\":{\"role.assign\":\"allow\","
                     "\"role.manage\":\"allow\",\"course.view\":\"allow\"}}",
                     &out_));
  DO(lms_role_create(engine, SYS, acme,
                     "{\"key\":\"viewer\",\"name\":\"Viewer\","
                     "\"permissions\":{\"course.view\":\"allow\"}}",
                     &out_));
  create_user(acme, "{\"key\":\"deleg\",\"display_name\":\"Delegate\"}");
  assign(acme, "deleg", "delegate", NULL);

  events = event_count(engine, acme);
  CHECK_OK(lms_assignment_list(engine, SYS, acme, NULL, &before));

  /* An instructor assigning tenant_admin, or even their own role. */
  check_refused(
      lms_role_assign(engine, "inst1", acme,
                      "{\"user_key\":\"emp\",\"role_key\":\"tenant_admin\"}",
                      &out),
      events, before);
  check_refused(lms_role_assign(engine, "inst1", acme,
                                "{\"user_key\":\"inst1\","
                                "\"role_key\":\"tenant_admin\"}",
                                &out),
                events, before);
  check_refused(
      lms_role_assign(engine, "inst1", acme,
                      "{\"user_key\":\"emp\",\"role_key\":\"instructor\","
                      "\"scope\":{\"kind\":\"course\",\"key\":\"c1\"}}",
                      &out),
      events, before);
  /* A manager over their reports. */
  check_refused(
      lms_role_assign(engine, "mgr", acme,
                      "{\"user_key\":\"emp\",\"role_key\":\"manager\"}", &out),
      events, before);
  /* deleg may assign, but not hand out what it does not hold. */
  check_refused(
      lms_role_assign(engine, "deleg", acme,
                      "{\"user_key\":\"emp\",\"role_key\":\"tenant_admin\"}",
                      &out),
      events, before);
  check_refused(
      lms_role_assign(engine, "deleg", acme,
                      "{\"user_key\":\"deleg\",\"role_key\":\"author\"}", &out),
      events, before);
  check_refused(lms_role_create(engine, "deleg", acme,
                                "{\"key\":\"power\",\"name\":\"Power\","
                                "\"permissions\":{\"user.manage\":\"allow\"}}",
                                &out),
                events, before);
  check_refused(lms_role_update(engine, "deleg", acme, "viewer",
                                "{\"course.view\":\"allow\","
                                "\"user.manage\":\"allow\"}",
                                &out),
                events, before);
  check_refused(
      lms_override_set(engine, "deleg", acme,
                       "{\"role_key\":\"learner\",\"scope\":{\"kind\":"
                       "\"tenant\",\"key\":\"\"},\"permission\":"
                       "\"user.manage\",\"value\":\"allow\"}"),
      events, before);
  /* Unassigning needs the same as assigning: a learner may not, nor may
   * deleg take away a role it could not give. */
  CHECK_OK(
      lms_assignment_list(engine, SYS, acme, "{\"user_key\":\"inst1\"}", &out));
  inst1_assignment = json_int(out, "id");
  lms_free(out);
  out = NULL;
  check_refused(lms_role_unassign(engine, "emp", acme, inst1_assignment),
                events, before);
  check_refused(lms_role_unassign(engine, "deleg", acme, inst1_assignment),
                events, before);
  CHECK(out == NULL);
  CHECK_ERROR(LMS_E_NOT_FOUND, "",
              lms_role_get(engine, SYS, acme, "power", &out));
  CHECK_OK(lms_role_get(engine, SYS, acme, "viewer", &out));
  CHECK_LACKS(out, "user.manage");
  lms_free(out);

  /* What deleg holds, deleg may hand out. */
  CHECK_OK(lms_role_assign(engine, "deleg", acme,
                           "{\"user_key\":\"emp\",\"role_key\":\"viewer\"}",
                           &out));
  CHECK_CONTAINS(out, "\"role_key\":\"viewer\"");
  lms_free(out);
  CHECK(event_count(engine, acme) == events + 1);
  lms_free(before);
}

/* Two engines on one file: `reader` caches access decisions for a minute
 * of its manual clock, `fresh` not at all. A write through `writer` is seen
 * by `fresh` at once, and by `reader` once its minute is over. */
static void test_cache_ttl(void) {
  static const char* const kPath = "capi_access_cache_test.db";
  lms_engine* writer = NULL;
  lms_engine* reader = NULL;
  lms_engine* fresh = NULL;
  int64_t tenant;
  int answer = -1;
  char* out = NULL;
  remove(kPath);
  CHECK_OK(lms_engine_open(kPath, NULL, &writer));
  tenant = create_tenant(writer, "ttl");
  CHECK_OK(lms_user_create(writer, SYS, tenant,
                           "{\"key\":\"u\",\"display_name\":\"U\"}", &out));
  lms_free(out);
  CHECK_OK(lms_course_create(writer, SYS, tenant,
                             "{\"key\":\"c\",\"title\":\"C\"}", &out));
  lms_free(out);
  CHECK_OK(lms_engine_open(
      kPath, "{\"clock\":\"manual\",\"access_cache_ttl_ms\":60000}", &reader));
  CHECK_OK(lms_engine_open(kPath, "{\"access_cache_ttl_ms\":0}", &fresh));
  CHECK_OK(
      lms_check(reader, "u", tenant, "course.view", "course", "c", &answer));
  CHECK(answer == 0);
  CHECK_OK(
      lms_check(fresh, "u", tenant, "course.view", "course", "c", &answer));
  CHECK(answer == 0);
  CHECK_OK(lms_role_assign(
      writer, SYS, tenant,
      "{\"user_key\":\"u\",\"role_key\":\"instructor\",\"scope\":"
      "{\"kind\":\"course\",\"key\":\"c\"}}",
      &out));
  lms_free(out);
  CHECK_OK(
      lms_check(fresh, "u", tenant, "course.view", "course", "c", &answer));
  CHECK(answer == 1);
  /* As documented: not before the TTL is over... */
  CHECK_OK(lms_engine_set_time(reader, DEFAULT_START_MS + 59999));
  CHECK_OK(
      lms_check(reader, "u", tenant, "course.view", "course", "c", &answer));
  CHECK(answer == 0);
  /* ...and then. */
  CHECK_OK(lms_engine_set_time(reader, DEFAULT_START_MS + 60000));
  CHECK_OK(
      lms_check(reader, "u", tenant, "course.view", "course", "c", &answer));
  CHECK(answer == 1);
  lms_engine_destroy(fresh);
  lms_engine_destroy(reader);
  lms_engine_destroy(writer);
  remove(kPath);
}

int main(void) {
  make_fixture();
  test_roles();
  test_assignments();
  test_matrix();
  test_explain();
  test_visible();
  test_overrides();
  test_escalation();
  test_cache_ttl();
  lms_engine_destroy(engine);
  puts("access_test: ok");
  return EXIT_SUCCESS;
}
