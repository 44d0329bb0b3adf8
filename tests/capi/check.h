/* SPDX-License-Identifier: Apache-2.0
 *
 * Assertions and small helpers shared by the C ABI tests. A failed check
 * prints file:line, what was checked and lms_last_error(), then exits
 * non-zero: each test is its own program, so the first failure ends it.
 * The JSON helpers read the library's compact output (no spaces, object
 * fields in name order) by looking for text, which is all the tests need.
 * Single-threaded, like the tests.
 */

#ifndef LMS_TESTS_CAPI_CHECK_H
#define LMS_TESTS_CAPI_CHECK_H

#include <lms/lms.h>
#include <stddef.h>
#include <stdint.h>

#define CHECK(cond) check_true((cond) != 0, #cond, __FILE__, __LINE__)

/* Calls `call` and requires it to return `expected`. */
#define CHECK_STATUS(expected, call) \
  check_status((expected), (call), #call, __FILE__, __LINE__)

#define CHECK_OK(call) CHECK_STATUS(LMS_OK, call)

/* Calls `call`, requires `expected` and an lms_last_error() containing
 * `part`. */
#define CHECK_ERROR(expected, part, call) \
  check_error((expected), (part), (call), #call, __FILE__, __LINE__)

/* Requires `text` to contain `part`. */
#define CHECK_CONTAINS(text, part) \
  check_contains((text), (part), 1, #text, __FILE__, __LINE__)

/* Requires `text` not to contain `part`. */
#define CHECK_LACKS(text, part) \
  check_contains((text), (part), 0, #text, __FILE__, __LINE__)

#define CHECK_STR_EQ(actual, expected) \
  check_str_eq((actual), (expected), #actual, __FILE__, __LINE__)

/* 2026-01-01T00:00:00.000Z: the manual clock's default start. */
#define DEFAULT_START_MS INT64_C(1767225600000)

void check_true(int ok, const char* what, const char* file, int line);
void check_status(lms_status expected, lms_status actual, const char* what,
                  const char* file, int line);
void check_error(lms_status expected, const char* part, lms_status actual,
                 const char* what, const char* file, int line);
void check_contains(const char* text, const char* part, int wanted,
                    const char* what, const char* file, int line);
void check_str_eq(const char* actual, const char* expected, const char* what,
                  const char* file, int line);

/* Opens an engine on the memory backend with a manual clock at the default
 * start (2026-01-01T00:00:00.000Z). Destroy with lms_engine_destroy(). */
lms_engine* open_memory_engine(void);

/* Creates a tenant {"key": key, "name": key} as the system; returns its id. */
int64_t create_tenant(lms_engine* engine, const char* key);

/* The number of times `part` occurs in `text`. */
size_t count_of(const char* text, const char* part);

/* The integer after the first "\"<field>\":" in `json`; the check fails
 * when there is none. */
int64_t json_int(const char* json, const char* field);

/* Copies the string value of the first "\"<field>\":\"...\"" in `json`
 * (escapes are not decoded) into `buffer`; the check fails when there is
 * none or it does not fit. */
void json_string(const char* json, const char* field, char* buffer,
                 size_t size);

/* Joins with ',' into `buffer` the values of the "key" fields of `json`
 * that do not open their object: the keys of the users or courses of a
 * list (whose "key" follows other fields), not of the activities inside a
 * course (whose "key" comes first). */
void record_keys(const char* json, char* buffer, size_t size);

/* The number of events of `tenant_id`, read as the system. */
size_t event_count(lms_engine* engine, int64_t tenant_id);

/* The types of the events of `tenant_id` with seq > `after`, joined with
 * ',' ("user.created,user.updated"). Free with free(). */
char* event_types(lms_engine* engine, int64_t tenant_id, int64_t after);

/* The highest event seq of `tenant_id`, 0 when there is none. */
int64_t last_event_seq(lms_engine* engine, int64_t tenant_id);

#endif /* LMS_TESTS_CAPI_CHECK_H */
