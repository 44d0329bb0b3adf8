/* SPDX-License-Identifier: Apache-2.0
 *
 * The assertions and helpers declared in check.h. Single-threaded.
 */

#include "check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void fail_here(const char* file, int line) {
  fprintf(stderr, "%s:%d: lms_last_error(): \"%s\"\n", file, line,
          lms_last_error());
  fflush(stderr);
  exit(EXIT_FAILURE);
}

void check_true(int ok, const char* what, const char* file, int line) {
  if (ok) return;
  fprintf(stderr, "%s:%d: CHECK failed: %s\n", file, line, what);
  fail_here(file, line);
}

void check_status(lms_status expected, lms_status actual, const char* what,
                  const char* file, int line) {
  if (expected == actual) return;
  fprintf(stderr, "%s:%d: %s\n  returned %s (%d), expected %s (%d)\n", file,
          line, what, lms_status_name(actual), (int)actual,
          lms_status_name(expected), (int)expected);
  fail_here(file, line);
}

void check_error(lms_status expected, const char* part, lms_status actual,
                 const char* what, const char* file, int line) {
  check_status(expected, actual, what, file, line);
  if (strstr(lms_last_error(), part) != NULL) return;
  fprintf(stderr, "%s:%d: %s\n  the error message lacks \"%s\"\n", file, line,
          what, part);
  fail_here(file, line);
}

void check_contains(const char* text, const char* part, int wanted,
                    const char* what, const char* file, int line) {
  if (text != NULL && (strstr(text, part) != NULL) == (wanted != 0)) return;
  fprintf(stderr, "%s:%d: %s %s \"%s\"; it is:\n  %s\n", file, line, what,
          wanted ? "lacks" : "contains", part, text ? text : "(NULL)");
  fail_here(file, line);
}

void check_str_eq(const char* actual, const char* expected, const char* what,
                  const char* file, int line) {
  if (actual != NULL && strcmp(actual, expected) == 0) return;
  fprintf(stderr, "%s:%d: %s is \"%s\", expected \"%s\"\n", file, line, what,
          actual ? actual : "(NULL)", expected);
  fail_here(file, line);
}

lms_engine* open_memory_engine(void) {
  lms_engine* engine = NULL;
  CHECK_OK(lms_engine_open(
      NULL, "{\"backend\":\"memory\",\"clock\":\"manual\"}", &engine));
  CHECK(engine != NULL);
  return engine;
}

int64_t create_tenant(lms_engine* engine, const char* key) {
  char spec[256];
  char* tenant = NULL;
  int64_t id;
  snprintf(spec, sizeof spec, "{\"key\":\"%s\",\"name\":\"%s\"}", key, key);
  CHECK_OK(lms_tenant_create(engine, LMS_ACTOR_SYSTEM, spec, &tenant));
  id = json_int(tenant, "id");
  lms_free(tenant);
  return id;
}

size_t count_of(const char* text, const char* part) {
  size_t n = 0;
  const size_t len = strlen(part);
  for (const char* at = strstr(text, part); at != NULL;
       at = strstr(at + len, part))
    ++n;
  return n;
}

/* The text right after "\"<field>\":" in `json`, or NULL. */
static const char* value_of(const char* json, const char* field) {
  char pattern[128];
  const char* at;
  snprintf(pattern, sizeof pattern, "\"%s\":", field);
  at = strstr(json, pattern);
  return at == NULL ? NULL : at + strlen(pattern);
}

int64_t json_int(const char* json, const char* field) {
  const char* value = value_of(json, field);
  char* end = NULL;
  long long n;
  CHECK(value != NULL);
  n = strtoll(value, &end, 10);
  CHECK(end != value);
  return (int64_t)n;
}

void json_string(const char* json, const char* field, char* buffer,
                 size_t size) {
  const char* value = value_of(json, field);
  const char* end;
  CHECK(value != NULL && value[0] == '"');
  ++value;
  end = strchr(value, '"');
  CHECK(end != NULL && (size_t)(end - value) < size);
  memcpy(buffer, value, (size_t)(end - value));
  buffer[end - value] = '\0';
}

void record_keys(const char* json, char* buffer, size_t size) {
  static const char kKey[] = "\"key\":\"";
  size_t used = 0;
  CHECK(size > 0);
  buffer[0] = '\0';
  for (const char* at = strstr(json, kKey); at != NULL;
       at = strstr(at + 1, kKey)) {
    const char* key = at + strlen(kKey);
    const char* end = strchr(key, '"');
    CHECK(end != NULL);
    if (at > json && at[-1] == '{') continue;
    CHECK(used + (size_t)(end - key) + 2 <= size);
    if (used > 0) buffer[used++] = ',';
    memcpy(buffer + used, key, (size_t)(end - key));
    used += (size_t)(end - key);
    buffer[used] = '\0';
  }
}

/* Reads every event of `tenant_id` page by page: how many there are and
 * the last seq (0 when none). Event fields come in name order and the
 * payload precedes "seq", so the last "\"seq\":" of a page is the seq of
 * its last event. */
static void walk_events(lms_engine* engine, int64_t tenant_id, size_t* count,
                        int64_t* last_seq) {
  *count = 0;
  *last_seq = 0;
  for (;;) {
    char* events = NULL;
    const char* last = NULL;
    size_t page = 0;
    CHECK_OK(lms_event_list(engine, LMS_ACTOR_SYSTEM, tenant_id, *last_seq,
                            1000, &events));
    for (const char* at = strstr(events, "\"seq\":"); at != NULL;
         at = strstr(at + 1, "\"seq\":")) {
      last = at;
      ++page;
    }
    if (last != NULL) *last_seq = json_int(last, "seq");
    lms_free(events);
    *count += page;
    if (page < 1000) return;
  }
}

size_t event_count(lms_engine* engine, int64_t tenant_id) {
  size_t count;
  int64_t last_seq;
  walk_events(engine, tenant_id, &count, &last_seq);
  return count;
}

int64_t last_event_seq(lms_engine* engine, int64_t tenant_id) {
  size_t count;
  int64_t last_seq;
  walk_events(engine, tenant_id, &count, &last_seq);
  return last_seq;
}

char* event_types(lms_engine* engine, int64_t tenant_id, int64_t after) {
  /* "type" is the last field of an event object, so an event's type is the
   * "type" string followed by the end of the object and then of the list
   * or the start of the next event; a "type" inside a payload is not. */
  static const char kType[] = "\"type\":\"";
  char* events = NULL;
  char* types;
  size_t used = 0;
  CHECK_OK(lms_event_list(engine, LMS_ACTOR_SYSTEM, tenant_id, after, 1000,
                          &events));
  types = malloc(strlen(events) + 1);
  CHECK(types != NULL);
  types[0] = '\0';
  for (const char* at = strstr(events, kType); at != NULL;
       at = strstr(at + 1, kType)) {
    const char* value = at + strlen(kType);
    const char* end = strchr(value, '"');
    CHECK(end != NULL);
    if (strncmp(end, "\"}]", 3) != 0 && strncmp(end, "\"},{", 4) != 0) continue;
    if (used > 0) types[used++] = ',';
    memcpy(types + used, value, (size_t)(end - value));
    used += (size_t)(end - value);
    types[used] = '\0';
  }
  lms_free(events);
  return types;
}
