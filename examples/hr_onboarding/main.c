/* SPDX-License-Identifier: Apache-2.0 */
/*
 * HR onboarding: what an HR-suite vendor does first with LMS Engine, from C.
 * Opens (creating it) an SQLite database, creates a customer tenant and its
 * org tree, syncs the employee export of the HR system (CSV), creates and
 * publishes three courses, and prints a summary. Syncing the same export a
 * second time changes nothing.
 *
 * Usage: hr_onboarding <database> <employees.csv>
 * Exits non-zero, naming the call, when anything fails or a count is off.
 */
#include <lms/lms.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static lms_engine* engine;

/* Stops the demo with the library's own message. */
static void check(lms_status status, const char* call) {
  if (status == LMS_OK) return;
  fprintf(stderr, "%s failed: %s: %s\n", call, lms_status_name(status),
          lms_last_error());
  lms_engine_destroy(engine);
  exit(1);
}

static void expect(int condition, const char* what) {
  if (condition) return;
  fprintf(stderr, "unexpected result: %s\n", what);
  lms_engine_destroy(engine);
  exit(1);
}

/* The integer field "name" of a flat JSON object. A real host would use its
 * own JSON library; the demo stays dependency-free. */
static long json_int(const char* json, const char* name) {
  char pattern[64];
  snprintf(pattern, sizeof pattern, "\"%s\":", name);
  const char* at = strstr(json, pattern);
  return at ? strtol(at + strlen(pattern), NULL, 10) : -1;
}

/* How many times `needle` occurs in `haystack`. */
static long occurrences(const char* haystack, const char* needle) {
  long n = 0;
  for (const char* p = strstr(haystack, needle); p; p = strstr(p + 1, needle))
    ++n;
  return n;
}

static char* read_file(const char* path, size_t* out_len) {
  FILE* file = fopen(path, "rb");
  if (!file) {
    fprintf(stderr, "cannot open %s\n", path);
    exit(1);
  }
  fseek(file, 0, SEEK_END);
  long size = ftell(file);
  fseek(file, 0, SEEK_SET);
  char* data = malloc((size_t)size + 1);
  if (!data || fread(data, 1, (size_t)size, file) != (size_t)size) {
    fprintf(stderr, "cannot read %s\n", path);
    exit(1);
  }
  fclose(file);
  data[size] = '\0';
  *out_len = (size_t)size;
  return data;
}

/* Active users in the subtree of `unit`, paging through lms_user_list. Each
 * user object of a page carries exactly one "display_name" field. */
static long count_active_users(int64_t tenant, const char* unit) {
  char after[256] = "";
  long total = 0;
  for (;;) {
    char query[512];
    snprintf(query, sizeof query,
             "{\"org_unit\": \"%s\", \"status\": \"active\", "
             "\"after\": \"%s\", \"limit\": 1000}",
             unit, after);
    char* page = NULL;
    check(lms_user_list(engine, LMS_ACTOR_SYSTEM, tenant, query, &page),
          "lms_user_list");
    total += occurrences(page, "\"display_name\":");
    const char* next = strstr(page, "\"next_after\":\"");
    size_t len = next ? strcspn(next + 14, "\"") : 0;
    if (len > 0 && len < sizeof after) {
      memcpy(after, next + 14, len);
      after[len] = '\0';
    }
    lms_free(page);
    if (len == 0) return total;
  }
}

int main(int argc, char** argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: %s <database> <employees.csv>\n", argv[0]);
    return 2;
  }
  printf("LMS Engine %s: HR onboarding demo on %s\n", lms_version(), argv[1]);
  check(lms_engine_open(argv[1], NULL, &engine), "lms_engine_open");

  char* json = NULL;
  check(lms_tenant_create(engine, LMS_ACTOR_SYSTEM,
                          "{\"key\": \"acme\", \"name\": \"Acme Logistics\"}",
                          &json),
        "lms_tenant_create");
  int64_t tenant = json_int(json, "id");
  lms_free(json);
  printf("tenant: acme (id %lld)\n", (long long)tenant);

  /* The org tree: parents before children. */
  static const char* const units[][3] = {
      {"acme", "Acme Logistics", ""},
      {"eng", "Engineering", "acme"},
      {"eng-platform", "Platform", "eng"},
      {"eng-apps", "Applications", "eng"},
      {"sales", "Sales", "acme"},
      {"sales-emea", "Sales EMEA", "sales"},
      {"sales-amer", "Sales Americas", "sales"},
      {"hr", "People", "acme"},
      {"finance", "Finance", "acme"},
      {"ops", "Operations", "acme"},
  };
  const size_t unit_count = sizeof units / sizeof units[0];
  for (size_t i = 0; i < unit_count; ++i) {
    char spec[256];
    snprintf(spec, sizeof spec,
             "{\"key\": \"%s\", \"name\": \"%s\", \"parent\": \"%s\"}",
             units[i][0], units[i][1], units[i][2]);
    check(lms_orgunit_create(engine, LMS_ACTOR_SYSTEM, tenant, spec, &json),
          "lms_orgunit_create");
    lms_free(json);
  }
  printf("org units: %zu\n", unit_count);

  size_t csv_len = 0;
  char* csv = read_file(argv[2], &csv_len);
  check(lms_user_sync(engine, LMS_ACTOR_SYSTEM, tenant, "csv", csv, csv_len,
                      NULL, &json),
        "lms_user_sync");
  long created = json_int(json, "created");
  printf("first sync: %ld created, %ld updated, %ld unchanged\n", created,
         json_int(json, "updated"), json_int(json, "unchanged"));
  lms_free(json);
  check(lms_user_sync(engine, LMS_ACTOR_SYSTEM, tenant, "csv", csv, csv_len,
                      NULL, &json),
        "lms_user_sync");
  long unchanged = json_int(json, "unchanged");
  printf("second sync: %ld created, %ld updated, %ld unchanged\n",
         json_int(json, "created"), json_int(json, "updated"), unchanged);
  lms_free(json);
  free(csv);
  expect(created > 0 && unchanged == created,
         "the second sync of the same export changes nothing");

  printf("active users by org unit (with subtree):\n");
  long departments = 0;
  for (size_t i = 0; i < unit_count; ++i) {
    long active = count_active_users(tenant, units[i][0]);
    printf("  %-14s %5ld\n", units[i][0], active);
    if (strcmp(units[i][2], "acme") == 0) departments += active;
  }
  expect(departments == count_active_users(tenant, "acme"),
         "the departments add up to the company");

  static const char* const courses[] = {
      "{\"key\": \"security-101\", \"title\": \"Security awareness\", "
      "\"recertification_days\": 365, \"default_due_days\": 30, "
      "\"activities\": [{\"key\": \"intro\", \"kind\": \"lesson\", "
      "\"title\": \"Why it matters\"}, {\"key\": \"quiz\", \"kind\": "
      "\"assessment\", \"title\": \"Check yourself\"}]}",
      "{\"key\": \"code-of-conduct\", \"title\": \"Code of conduct\", "
      "\"recertification_days\": 730, \"default_due_days\": 14, "
      "\"activities\": [{\"key\": \"read\", \"kind\": \"lesson\", "
      "\"title\": \"The code\"}]}",
      "{\"key\": \"leadership\", \"title\": \"Leading a team\", "
      "\"prerequisites\": [\"security-101\", \"code-of-conduct\"], "
      "\"activities\": [{\"key\": \"module-1\", \"kind\": \"scorm\", "
      "\"title\": \"Feedback\"}, {\"key\": \"coaching\", \"kind\": "
      "\"external\", \"title\": \"Coaching session\", \"required\": false}]}",
  };
  static const char* const course_keys[] = {"security-101", "code-of-conduct",
                                            "leadership"};
  for (size_t i = 0; i < 3; ++i) {
    check(
        lms_course_create(engine, LMS_ACTOR_SYSTEM, tenant, courses[i], &json),
        "lms_course_create");
    lms_free(json);
    check(lms_course_publish(engine, LMS_ACTOR_SYSTEM, tenant, course_keys[i],
                             &json),
          "lms_course_publish");
    lms_free(json);
  }
  check(lms_course_list(engine, LMS_ACTOR_SYSTEM, tenant,
                        "{\"status\": \"published\"}", &json),
        "lms_course_list");
  /* Each course object carries one "status" field; activities have none. */
  long published = occurrences(json, "\"status\":\"published\"");
  lms_free(json);
  printf("courses published: %ld\n", published);
  expect(published == 3, "three published courses");

  long events = 0;
  for (int64_t after = 0;;) {
    check(lms_event_list(engine, LMS_ACTOR_SYSTEM, tenant, after, 1000, &json),
          "lms_event_list");
    long page = occurrences(json, "\"seq\":");
    const char* last = NULL;
    for (const char* p = strstr(json, "\"seq\":"); p;
         p = strstr(p + 1, "\"seq\":"))
      last = p;
    if (last) after = strtoll(last + 6, NULL, 10);
    lms_free(json);
    events += page;
    if (page < 1000) break;
  }
  printf("events: %ld\n", events);
  expect(events == 1 + (long)unit_count + created + 6,
         "one event per change: tenant, org units, users, courses");

  lms_engine_destroy(engine);
  printf("ok\n");
  return 0;
}
