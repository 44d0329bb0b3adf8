/* SPDX-License-Identifier: Apache-2.0
 *
 * Hostile and broken input through the C ABI, as one table: every case
 * names a call, its arguments, the status it must fail with and a part of
 * the message (the field at fault). After each case the database must hold
 * exactly what it held before: a rejected call writes nothing. The table
 * runs on SQLite and on the memory backend. A separate check proves that
 * SQL metacharacters are plain data.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

enum call {
  TENANT_CREATE,
  TENANT_GET,
  USER_CREATE,
  USER_GET,
  USER_UPDATE,
  USER_LIST,
  SYNC_CSV,
  SYNC_JSONL,
  ORGUNIT_CREATE,
  ORGUNIT_MOVE,
  ORGUNIT_LIST,
  COURSE_CREATE,
  COURSE_UPDATE,
  COURSE_PUBLISH,
  COURSE_LIST,
  EVENT_LIST,
  ENGINE_OPEN,
  ROLE_CREATE,
  ROLE_UPDATE,
  ROLE_GET,
  ROLE_LIST,
  ROLE_ASSIGN,
  ROLE_UNASSIGN,
  ASSIGNMENT_LIST,
  OVERRIDE_SET,
  OVERRIDE_CLEAR,
  OVERRIDE_LIST,
  CHECK_CALL,
  EXPLAIN,
  VISIBLE,
  ENROL_CREATE,
  ENROL_CREATE_JSON,
  ENROL_SELF,
  ENROL_BATCH,
  ENROL_WITHDRAW,
  ENROL_GET,
  ENROL_LIST,
  PROGRESS_RECORD,
  PROGRESS_GET,
};

/* Which tenant a case addresses. */
enum tenant { OWN, OTHER, MISSING };

/* Arguments that are not plain text. */
enum flags {
  NULL_ENGINE = 1, /* pass NULL as the handle */
  NULL_OUT = 2,    /* pass NULL as the out-parameter (out_allowed too) */
  PAST_DUE = 4,    /* lms_enrolment_create: a due date before the clock */
};

struct bad_case {
  const char* name;
  enum call call;
  enum tenant tenant;
  const char* actor;
  /* The key (get, update, move, publish), or the JSON document (create,
   * list query, sync options, assign, override, enrolment spec or specs,
   * progress update) when the call takes no key; the permission of check,
   * explain and visible; the assignment id of unassign as decimal text
   * (NULL: the fixture's assignment); the enrolment id of the enrolment
   * and progress calls likewise (NULL: the fixture's enrolment in the
   * first tenant, OTHER_ENROLMENT: the one in the second); the user key
   * of lms_enrolment_create; the course key of lms_enrolment_self. */
  const char* key;
  /* The JSON document of a call that also takes a key, the new parent of
   * a move, the data of a sync; the resource kind of visible; the resource
   * of check and explain as "<kind> <key>" ("<kind>" alone: a NULL key);
   * the course key of lms_enrolment_create. */
  const char* input;
  int flags;
  lms_status status;
  const char* part; /* in lms_last_error() */
};

#define SYS LMS_ACTOR_SYSTEM

/* The key of an enrolment case that names the second tenant's enrolment. */
#define OTHER_ENROLMENT "other"

/* Oversized and invalid values, filled in by make_inputs(). */
static char user_key_129[512];
static char user_name_257[512];
static char user_email_255[512];
static char tenant_key_129[512];
static char course_title_257[512];
static char orgunit_name_257[512];
static char role_name_257[512];
static char role_key_129[512];

/* Invalid UTF-8 inside JSON strings, as bytes: 0xC3 must be followed by a
 * continuation byte, and 0xFF never occurs in UTF-8. */
static const char kBadUtf8Name[] = {
    '{', '"', 'k', 'e', 'y', '"',        ':', '"', 'u', '9', '"', ',',
    '"', 'd', 'i', 's', 'p', 'l',        'a', 'y', '_', 'n', 'a', 'm',
    'e', '"', ':', '"', 'A', (char)0xC3, '(', 'B', '"', '}', '\0'};
static const char kBadUtf8Key[] = {
    '{', '"', 'k', 'e', 'y', '"', ':', '"', (char)0xFF, '"', ',', '"',
    'n', 'a', 'm', 'e', '"', ':', '"', 'X', '"',        '}', '\0'};
static const char kBadUtf8RoleKey[] = {
    '{', '"', 'k', 'e', 'y', '"', ':', '"', 'r', (char)0xC3, '(', '"', ',',
    '"', 'n', 'a', 'm', 'e', '"', ':', '"', 'R', '"',        '}', '\0'};
static const char kBadUtf8Csv[] = {
    'k', 'e', 'y', ',',  'd', 'i', 's', 'p', 'l',        'a', 'y',  '_', 'n',
    'a', 'm', 'e', '\n', 'u', '9', ',', 'A', (char)0xC3, '(', '\n', '\0'};

static const struct bad_case kCases[] = {
    /* Malformed JSON. */
    {"tenant: malformed JSON", TENANT_CREATE, OWN, SYS, "{\"key\":\"t\",", NULL,
     0, LMS_E_INVALID, "spec_json"},
    {"user: malformed JSON", USER_CREATE, OWN, SYS, "{key: 'u9'}", NULL, 0,
     LMS_E_INVALID, "user_json"},
    {"user: empty document", USER_CREATE, OWN, SYS, "", NULL, 0, LMS_E_INVALID,
     "user_json"},
    {"user: trailing garbage", USER_CREATE, OWN, SYS,
     "{\"key\":\"u9\",\"display_name\":\"U\"} x", NULL, 0, LMS_E_INVALID,
     "user_json"},
    {"user update: malformed JSON", USER_UPDATE, OWN, SYS, "alice", "{\"a\"", 0,
     LMS_E_INVALID, "patch_json"},
    {"user list: malformed query", USER_LIST, OWN, SYS, "[", NULL, 0,
     LMS_E_INVALID, "query_json"},
    {"sync: malformed options", SYNC_JSONL, OWN, SYS,
     "{\"mode\":", "{\"key\":\"u9\",\"display_name\":\"U\"}\n", 0,
     LMS_E_INVALID, "options_json"},
    {"open: malformed options", ENGINE_OPEN, OWN, SYS, "{\"backend\"", NULL, 0,
     LMS_E_INVALID, "options_json"},

    /* Not an object. */
    {"tenant: array", TENANT_CREATE, OWN, SYS, "[\"t\",\"T\"]", NULL, 0,
     LMS_E_INVALID, "tenant"},
    {"user: string", USER_CREATE, OWN, SYS, "\"u9\"", NULL, 0, LMS_E_INVALID,
     "user"},
    {"course: null", COURSE_CREATE, OWN, SYS, "null", NULL, 0, LMS_E_INVALID,
     "course"},

    /* Unknown fields. */
    {"tenant: unknown field", TENANT_CREATE, OWN, SYS,
     "{\"key\":\"t\",\"name\":\"T\",\"plan\":\"gold\"}", NULL, 0, LMS_E_INVALID,
     "plan"},
    {"user: unknown field", USER_CREATE, OWN, SYS,
     "{\"key\":\"u9\",\"display_name\":\"U\",\"salary\":1}", NULL, 0,
     LMS_E_INVALID, "salary"},
    {"user: misspelt field", USER_CREATE, OWN, SYS,
     "{\"key\":\"u9\",\"displayName\":\"U\"}", NULL, 0, LMS_E_INVALID,
     "displayName"},
    {"user update: unknown field", USER_UPDATE, OWN, SYS, "alice",
     "{\"nickname\":\"Al\"}", 0, LMS_E_INVALID, "nickname"},
    {"user update: key", USER_UPDATE, OWN, SYS, "alice", "{\"key\":\"al\"}", 0,
     LMS_E_INVALID, "key"},
    {"user list: unknown field", USER_LIST, OWN, SYS, "{\"sort\":\"name\"}",
     NULL, 0, LMS_E_INVALID, "sort"},
    {"org unit: unknown field", ORGUNIT_CREATE, OWN, SYS,
     "{\"key\":\"o9\",\"name\":\"O\",\"manager\":\"alice\"}", NULL, 0,
     LMS_E_INVALID, "manager"},
    {"course: unknown field", COURSE_CREATE, OWN, SYS,
     "{\"key\":\"c9\",\"title\":\"C\",\"price\":10}", NULL, 0, LMS_E_INVALID,
     "price"},
    {"course: unknown activity field", COURSE_CREATE, OWN, SYS,
     "{\"key\":\"c9\",\"title\":\"C\",\"activities\":[{\"key\":\"a\","
     "\"kind\":\"lesson\",\"title\":\"A\",\"url\":\"x\"}]}",
     NULL, 0, LMS_E_INVALID, "url"},
    {"course list: unknown field", COURSE_LIST, OWN, SYS, "{\"owner\":\"x\"}",
     NULL, 0, LMS_E_INVALID, "owner"},
    {"sync: unknown option", SYNC_JSONL, OWN, SYS, "{\"batch_size\":10}",
     "{\"key\":\"u9\",\"display_name\":\"U\"}\n", 0, LMS_E_INVALID,
     "batch_size"},
    {"sync: unknown JSONL field", SYNC_JSONL, OWN, SYS, NULL,
     "{\"key\":\"u9\",\"display_name\":\"U\",\"badge\":\"x\"}\n", 0,
     LMS_E_INVALID, "badge"},
    {"sync: unknown CSV column", SYNC_CSV, OWN, SYS, NULL,
     "key,display_name,colour\nu9,U,red\n", 0, LMS_E_INVALID, "colour"},
    {"open: unknown option", ENGINE_OPEN, OWN, SYS,
     "{\"backend\":\"memory\",\"journal_mode\":\"wal\"}", NULL, 0,
     LMS_E_INVALID, "journal_mode"},

    /* Missing required fields. */
    {"tenant: no name", TENANT_CREATE, OWN, SYS, "{\"key\":\"t\"}", NULL, 0,
     LMS_E_INVALID, "name"},
    {"user: no key", USER_CREATE, OWN, SYS, "{\"display_name\":\"U\"}", NULL, 0,
     LMS_E_INVALID, "key"},
    {"user: no display_name", USER_CREATE, OWN, SYS, "{\"key\":\"u9\"}", NULL,
     0, LMS_E_INVALID, "display_name"},
    {"org unit: no name", ORGUNIT_CREATE, OWN, SYS, "{\"key\":\"o9\"}", NULL, 0,
     LMS_E_INVALID, "name"},
    {"course: no title", COURSE_CREATE, OWN, SYS, "{\"key\":\"c9\"}", NULL, 0,
     LMS_E_INVALID, "title"},
    {"course: activity without kind", COURSE_CREATE, OWN, SYS,
     "{\"key\":\"c9\",\"title\":\"C\",\"activities\":[{\"key\":\"a\","
     "\"title\":\"A\"}]}",
     NULL, 0, LMS_E_INVALID, "kind"},
    {"sync: CSV without display_name", SYNC_CSV, OWN, SYS, NULL, "key\nu9\n", 0,
     LMS_E_INVALID, "display_name"},

    /* Wrong types. */
    {"tenant: numeric key", TENANT_CREATE, OWN, SYS,
     "{\"key\":7,\"name\":\"T\"}", NULL, 0, LMS_E_INVALID, "key"},
    {"user: attributes array", USER_CREATE, OWN, SYS,
     "{\"key\":\"u9\",\"display_name\":\"U\",\"attributes\":[1]}", NULL, 0,
     LMS_E_INVALID, "attributes"},
    {"user: nested attribute", USER_CREATE, OWN, SYS,
     "{\"key\":\"u9\",\"display_name\":\"U\",\"attributes\":{\"a\":{}}}", NULL,
     0, LMS_E_INVALID, "attributes"},
    {"user: status number", USER_UPDATE, OWN, SYS, "alice", "{\"status\":1}", 0,
     LMS_E_INVALID, "status"},
    {"user: unknown status", USER_UPDATE, OWN, SYS, "alice",
     "{\"status\":\"retired\"}", 0, LMS_E_INVALID, "status"},
    {"user: impossible date", USER_CREATE, OWN, SYS,
     "{\"key\":\"u9\",\"display_name\":\"U\",\"hire_date\":\"2026-02-30\"}",
     NULL, 0, LMS_E_INVALID, "hire_date"},
    {"user list: limit string", USER_LIST, OWN, SYS, "{\"limit\":\"10\"}", NULL,
     0, LMS_E_INVALID, "limit"},
    {"user list: limit 0", USER_LIST, OWN, SYS, "{\"limit\":0}", NULL, 0,
     LMS_E_INVALID, "limit"},
    {"user list: limit 1001", USER_LIST, OWN, SYS, "{\"limit\":1001}", NULL, 0,
     LMS_E_INVALID, "limit"},
    {"course: activity kind", COURSE_CREATE, OWN, SYS,
     "{\"key\":\"c9\",\"title\":\"C\",\"activities\":[{\"key\":\"a\","
     "\"kind\":\"video\",\"title\":\"A\"}]}",
     NULL, 0, LMS_E_INVALID, "kind"},
    {"course: days as text", COURSE_CREATE, OWN, SYS,
     "{\"key\":\"c9\",\"title\":\"C\",\"recertification_days\":\"ten\"}", NULL,
     0, LMS_E_INVALID, "recertification_days"},
    {"course: prerequisites object", COURSE_UPDATE, OWN, SYS, "basics",
     "{\"prerequisites\":{\"a\":1}}", 0, LMS_E_INVALID, "prerequisites"},
    {"sync: dry_run string", SYNC_JSONL, OWN, SYS, "{\"dry_run\":\"yes\"}",
     "{\"key\":\"u9\",\"display_name\":\"U\"}\n", 0, LMS_E_INVALID, "dry_run"},
    {"open: backend number", ENGINE_OPEN, OWN, SYS, "{\"backend\":2}", NULL, 0,
     LMS_E_INVALID, "backend"},
    {"events: limit 0", EVENT_LIST, OWN, SYS, NULL, NULL, 0, LMS_E_INVALID,
     "limit"},

    /* Empty and oversized strings. */
    {"tenant: empty key", TENANT_CREATE, OWN, SYS,
     "{\"key\":\"\",\"name\":\"T\"}", NULL, 0, LMS_E_INVALID, "key"},
    {"tenant: key 129 bytes", TENANT_CREATE, OWN, SYS, tenant_key_129, NULL, 0,
     LMS_E_INVALID, "key"},
    {"user: empty key", USER_CREATE, OWN, SYS,
     "{\"key\":\"\",\"display_name\":\"U\"}", NULL, 0, LMS_E_INVALID, "key"},
    {"user: empty display_name", USER_CREATE, OWN, SYS,
     "{\"key\":\"u9\",\"display_name\":\"\"}", NULL, 0, LMS_E_INVALID,
     "display_name"},
    {"user: key 129 bytes", USER_CREATE, OWN, SYS, user_key_129, NULL, 0,
     LMS_E_INVALID, "key"},
    {"user: display_name 257 bytes", USER_CREATE, OWN, SYS, user_name_257, NULL,
     0, LMS_E_INVALID, "display_name"},
    {"user: email 255 bytes", USER_CREATE, OWN, SYS, user_email_255, NULL, 0,
     LMS_E_INVALID, "email"},
    {"user: key with a control character", USER_CREATE, OWN, SYS,
     "{\"key\":\"u\\u0001\",\"display_name\":\"U\"}", NULL, 0, LMS_E_INVALID,
     "key"},
    {"user: key like an actor", USER_CREATE, OWN, SYS,
     "{\"key\":\"@system\",\"display_name\":\"U\"}", NULL, 0, LMS_E_INVALID,
     "key"},
    {"org unit: name 257 bytes", ORGUNIT_CREATE, OWN, SYS, orgunit_name_257,
     NULL, 0, LMS_E_INVALID, "name"},
    {"course: title 257 bytes", COURSE_CREATE, OWN, SYS, course_title_257, NULL,
     0, LMS_E_INVALID, "title"},
    {"course: empty title", COURSE_UPDATE, OWN, SYS, "basics",
     "{\"title\":\"\"}", 0, LMS_E_INVALID, "title"},

    /* Invalid UTF-8. */
    {"user: invalid UTF-8 name", USER_CREATE, OWN, SYS, kBadUtf8Name, NULL, 0,
     LMS_E_INVALID, "user_json"},
    {"org unit: invalid UTF-8 key", ORGUNIT_CREATE, OWN, SYS, kBadUtf8Key, NULL,
     0, LMS_E_INVALID, "spec_json"},
    {"sync: invalid UTF-8 in CSV", SYNC_CSV, OWN, SYS, NULL, kBadUtf8Csv, 0,
     LMS_E_INVALID, "display_name"},

    /* Duplicates. */
    {"tenant: taken key", TENANT_CREATE, OWN, SYS,
     "{\"key\":\"acme\",\"name\":\"Acme again\"}", NULL, 0, LMS_E_EXISTS,
     "key"},
    {"user: taken key", USER_CREATE, OWN, SYS,
     "{\"key\":\"alice\",\"display_name\":\"A\"}", NULL, 0, LMS_E_EXISTS,
     "key"},
    {"sync: duplicate key in JSONL", SYNC_JSONL, OWN, SYS, NULL,
     "{\"key\":\"dup\",\"display_name\":\"One\"}\n"
     "{\"key\":\"dup\",\"display_name\":\"Two\"}\n",
     0, LMS_E_INVALID, "dup"},
    {"sync: duplicate key in CSV", SYNC_CSV, OWN, SYS, NULL,
     "key,display_name\nu8,A\nu9,B\nu8,C\n", 0, LMS_E_INVALID, "u8"},

    /* Graph rules. */
    {"org unit: move below itself", ORGUNIT_MOVE, OWN, SYS, "root", "leaf", 0,
     LMS_E_INVALID, "parent"},
    {"org unit: own parent", ORGUNIT_MOVE, OWN, SYS, "mid", "mid", 0,
     LMS_E_INVALID, "parent"},
    {"course: prerequisite cycle", COURSE_UPDATE, OWN, SYS, "basics",
     "{\"prerequisites\":[\"advanced\"]}", 0, LMS_E_INVALID, "prerequisites"},
    {"course: publish twice", COURSE_PUBLISH, OWN, SYS, "advanced", NULL, 0,
     LMS_E_CONFLICT, ""},

    /* Another tenant's and unknown records. */
    {"user: other tenant's key", USER_GET, OTHER, SYS, "alice", NULL, 0,
     LMS_E_NOT_FOUND, ""},
    {"user: update other tenant's", USER_UPDATE, OTHER, SYS, "alice",
     "{\"display_name\":\"Hijacked\"}", 0, LMS_E_NOT_FOUND, ""},
    {"user: other tenant's org unit", USER_CREATE, OTHER, SYS,
     "{\"key\":\"u9\",\"display_name\":\"U\",\"org_unit\":\"root\"}", NULL, 0,
     LMS_E_NOT_FOUND, "org_unit"},
    {"org unit: other tenant's parent", ORGUNIT_CREATE, OTHER, SYS,
     "{\"key\":\"o9\",\"name\":\"O\",\"parent\":\"root\"}", NULL, 0,
     LMS_E_NOT_FOUND, "parent"},
    {"org unit: move other tenant's", ORGUNIT_MOVE, OTHER, SYS, "leaf", "", 0,
     LMS_E_NOT_FOUND, ""},
    {"org unit: list other tenant's root", ORGUNIT_LIST, OTHER, SYS, "root",
     NULL, 0, LMS_E_NOT_FOUND, ""},
    {"course: other tenant's prerequisite", COURSE_CREATE, OTHER, SYS,
     "{\"key\":\"c9\",\"title\":\"C\",\"prerequisites\":[\"basics\"]}", NULL, 0,
     LMS_E_NOT_FOUND, "prerequisites"},
    {"course: publish other tenant's", COURSE_PUBLISH, OTHER, SYS, "basics",
     NULL, 0, LMS_E_NOT_FOUND, ""},
    {"sync: other tenant's org unit", SYNC_CSV, OTHER, SYS, NULL,
     "key,display_name,org_unit\nu9,U,root\n", 0, LMS_E_NOT_FOUND, "org_unit"},
    {"tenant: unknown id", TENANT_GET, MISSING, SYS, NULL, NULL, 0,
     LMS_E_NOT_FOUND, ""},
    {"user: unknown tenant", USER_CREATE, MISSING, SYS,
     "{\"key\":\"u9\",\"display_name\":\"U\"}", NULL, 0, LMS_E_NOT_FOUND, ""},
    {"events: unknown tenant", EVENT_LIST, MISSING, SYS, NULL, NULL, 0,
     LMS_E_NOT_FOUND, ""},

    /* Actors. */
    {"actor: empty", USER_GET, OWN, "", "alice", NULL, 0, LMS_E_INVALID,
     "actor"},
    {"actor: read-only user creates", USER_CREATE, OWN, "alice",
     "{\"key\":\"u9\",\"display_name\":\"U\"}", NULL, 0, LMS_E_DENIED, ""},
    {"actor: read-only user syncs", SYNC_JSONL, OWN, "alice", NULL,
     "{\"key\":\"u9\",\"display_name\":\"U\"}\n", 0, LMS_E_DENIED, ""},
    /* alice is no user of globex: she holds nothing there... */
    {"actor: other tenant's user", USER_GET, OTHER, "alice", "gus", NULL, 0,
     LMS_E_DENIED, ""},
    /* ...and a key globex lacks is not found, whoever asks. */
    {"actor: other tenant's user, missing key", USER_GET, OTHER, "alice",
     "alice", NULL, 0, LMS_E_NOT_FOUND, "key"},
    {"actor: user creates a tenant", TENANT_CREATE, OWN, "alice",
     "{\"key\":\"t\",\"name\":\"T\"}", NULL, 0, LMS_E_DENIED, ""},

    /* NULL handle and NULL pointers. */
    {"NULL engine: tenant create", TENANT_CREATE, OWN, SYS,
     "{\"key\":\"t\",\"name\":\"T\"}", NULL, NULL_ENGINE, LMS_E_MISUSE,
     "engine"},
    {"NULL engine: user get", USER_GET, OWN, SYS, "alice", NULL, NULL_ENGINE,
     LMS_E_MISUSE, "engine"},
    {"NULL engine: sync", SYNC_CSV, OWN, SYS, NULL, "key,display_name\n",
     NULL_ENGINE, LMS_E_MISUSE, "engine"},
    {"NULL engine: events", EVENT_LIST, OWN, SYS, NULL, NULL, NULL_ENGINE,
     LMS_E_MISUSE, "engine"},
    {"NULL actor", USER_CREATE, OWN, NULL,
     "{\"key\":\"u9\",\"display_name\":\"U\"}", NULL, 0, LMS_E_MISUSE, "actor"},
    {"NULL spec", USER_CREATE, OWN, SYS, NULL, NULL, 0, LMS_E_MISUSE,
     "user_json"},
    {"NULL key", USER_GET, OWN, SYS, NULL, NULL, 0, LMS_E_MISUSE, "key"},
    {"NULL patch", USER_UPDATE, OWN, SYS, "alice", NULL, 0, LMS_E_MISUSE,
     "patch_json"},
    {"NULL new parent", ORGUNIT_MOVE, OWN, SYS, "leaf", NULL, 0, LMS_E_MISUSE,
     "new_parent"},
    {"NULL root", ORGUNIT_LIST, OWN, SYS, NULL, NULL, 0, LMS_E_MISUSE, "root"},
    {"NULL course spec", COURSE_CREATE, OWN, SYS, NULL, NULL, 0, LMS_E_MISUSE,
     "spec_json"},
    {"NULL out: user create", USER_CREATE, OWN, SYS,
     "{\"key\":\"u9\",\"display_name\":\"U\"}", NULL, NULL_OUT, LMS_E_MISUSE,
     "out_json"},
    {"NULL out: sync", SYNC_JSONL, OWN, SYS, NULL,
     "{\"key\":\"u9\",\"display_name\":\"U\"}\n", NULL_OUT, LMS_E_MISUSE,
     "out_json"},
    {"NULL out: course create", COURSE_CREATE, OWN, SYS,
     "{\"key\":\"c9\",\"title\":\"C\"}", NULL, NULL_OUT, LMS_E_MISUSE,
     "out_json"},
    {"NULL out: open", ENGINE_OPEN, OWN, SYS, "{\"backend\":\"memory\"}", NULL,
     NULL_OUT, LMS_E_MISUSE, "out_engine"},

    /* Access control: unknown names. */
    {"role: unknown permission", ROLE_CREATE, OWN, SYS,
     "{\"key\":\"r9\",\"name\":\"R\",\"permissions\":{\"user.fly\":\"allow\"}}",
     NULL, 0, LMS_E_INVALID, "permissions"},
    {"role: unknown permission value", ROLE_CREATE, OWN, SYS,
     "{\"key\":\"r9\",\"name\":\"R\",\"permissions\":{\"user.view\":\"maybe\"}"
     "}",
     NULL, 0, LMS_E_INVALID, "permissions"},
    {"role: prevent in a definition", ROLE_CREATE, OWN, SYS,
     "{\"key\":\"r9\",\"name\":\"R\",\"permissions\":{\"user.view\":"
     "\"prevent\"}}",
     NULL, 0, LMS_E_INVALID, "permissions"},
    {"role update: unknown permission", ROLE_UPDATE, OWN, SYS, "reviewer",
     "{\"user.fly\":\"allow\"}", 0, LMS_E_INVALID, "user.fly"},
    {"check: unknown permission", CHECK_CALL, OWN, SYS, "user.fly",
     "user alice", 0, LMS_E_INVALID, "permission"},
    {"check: unknown resource kind", CHECK_CALL, OWN, SYS, "user.view",
     "planet alice", 0, LMS_E_INVALID, "resource_kind"},
    {"explain: unknown permission", EXPLAIN, OWN, SYS, "course.fly",
     "course basics", 0, LMS_E_INVALID, "permission"},
    {"explain: unknown resource kind", EXPLAIN, OWN, SYS, "course.view",
     "courses basics", 0, LMS_E_INVALID, "resource_kind"},
    {"visible: unknown permission", VISIBLE, OWN, SYS, "user.see", "user", 0,
     LMS_E_INVALID, "permission"},
    {"visible: unknown resource kind", VISIBLE, OWN, SYS, "user.view", "people",
     0, LMS_E_INVALID, "resource_kind"},
    {"visible: the tenant kind", VISIBLE, OWN, SYS, "user.view", "tenant", 0,
     LMS_E_INVALID, "kind"},
    {"override: unknown permission", OVERRIDE_SET, OWN, SYS,
     "{\"role_key\":\"learner\",\"scope\":{\"kind\":\"tenant\"},"
     "\"permission\":\"user.fly\",\"value\":\"allow\"}",
     NULL, 0, LMS_E_INVALID, "permission"},
    {"override: unknown value", OVERRIDE_SET, OWN, SYS,
     "{\"role_key\":\"learner\",\"scope\":{\"kind\":\"tenant\"},"
     "\"permission\":\"user.view\",\"value\":\"deny\"}",
     NULL, 0, LMS_E_INVALID, "value"},
    {"assign: unknown role", ROLE_ASSIGN, OWN, SYS,
     "{\"user_key\":\"alice\",\"role_key\":\"wizard\"}", NULL, 0,
     LMS_E_NOT_FOUND, "role_key"},
    {"assign: unknown user", ROLE_ASSIGN, OWN, SYS,
     "{\"user_key\":\"nobody\",\"role_key\":\"learner\"}", NULL, 0,
     LMS_E_NOT_FOUND, "user_key"},
    {"assign: unknown scope kind", ROLE_ASSIGN, OWN, SYS,
     "{\"user_key\":\"alice\",\"role_key\":\"learner\","
     "\"scope\":{\"kind\":\"planet\",\"key\":\"x\"}}",
     NULL, 0, LMS_E_INVALID, "kind"},
    {"assign: unknown org unit", ROLE_ASSIGN, OWN, SYS,
     "{\"user_key\":\"alice\",\"role_key\":\"learner\","
     "\"scope\":{\"kind\":\"org_unit\",\"key\":\"nowhere\"}}",
     NULL, 0, LMS_E_NOT_FOUND, "scope"},
    {"role get: unknown role", ROLE_GET, OWN, SYS, "wizard", NULL, 0,
     LMS_E_NOT_FOUND, "key"},
    {"role update: unknown role", ROLE_UPDATE, OWN, SYS, "wizard", "{}", 0,
     LMS_E_NOT_FOUND, "key"},
    {"override: unknown role", OVERRIDE_SET, OWN, SYS,
     "{\"role_key\":\"wizard\",\"scope\":{\"kind\":\"tenant\"},"
     "\"permission\":\"user.view\",\"value\":\"allow\"}",
     NULL, 0, LMS_E_NOT_FOUND, "role_key"},
    {"override clear: none set", OVERRIDE_CLEAR, OWN, SYS,
     "{\"role_key\":\"learner\",\"scope\":{\"kind\":\"tenant\"},"
     "\"permission\":\"user.view\"}",
     NULL, 0, LMS_E_NOT_FOUND, "permission"},
    {"unassign: unknown id", ROLE_UNASSIGN, OWN, SYS, "999999", NULL, 0,
     LMS_E_NOT_FOUND, "assignment_id"},
    {"check: unknown user", CHECK_CALL, OWN, SYS, "user.view", "user nobody", 0,
     LMS_E_NOT_FOUND, "resource"},
    {"check: unknown tenant", CHECK_CALL, MISSING, SYS, "user.view", "tenant",
     0, LMS_E_NOT_FOUND, "tenant"},

    /* Access control: another tenant's scopes and records. */
    {"assign: other tenant's org unit", ROLE_ASSIGN, OWN, SYS,
     "{\"user_key\":\"alice\",\"role_key\":\"learner\","
     "\"scope\":{\"kind\":\"org_unit\",\"key\":\"gunit\"}}",
     NULL, 0, LMS_E_NOT_FOUND, "scope"},
    {"assign: other tenant's course", ROLE_ASSIGN, OWN, SYS,
     "{\"user_key\":\"alice\",\"role_key\":\"learner\","
     "\"scope\":{\"kind\":\"course\",\"key\":\"gcourse\"}}",
     NULL, 0, LMS_E_NOT_FOUND, "scope"},
    {"assign: other tenant's user", ROLE_ASSIGN, OTHER, SYS,
     "{\"user_key\":\"alice\",\"role_key\":\"learner\"}", NULL, 0,
     LMS_E_NOT_FOUND, "user_key"},
    {"assign: other tenant's custom role", ROLE_ASSIGN, OTHER, SYS,
     "{\"user_key\":\"gus\",\"role_key\":\"reviewer\"}", NULL, 0,
     LMS_E_NOT_FOUND, "role_key"},
    {"override: other tenant's course", OVERRIDE_SET, OWN, SYS,
     "{\"role_key\":\"learner\",\"scope\":{\"kind\":\"course\","
     "\"key\":\"gcourse\"},\"permission\":\"user.view\",\"value\":"
     "\"prevent\"}",
     NULL, 0, LMS_E_NOT_FOUND, "scope"},
    {"role get: other tenant's custom role", ROLE_GET, OTHER, SYS, "reviewer",
     NULL, 0, LMS_E_NOT_FOUND, "key"},
    {"role update: other tenant's custom role", ROLE_UPDATE, OTHER, SYS,
     "reviewer", "{}", 0, LMS_E_NOT_FOUND, "key"},
    {"unassign: other tenant's assignment", ROLE_UNASSIGN, OTHER, SYS, NULL,
     NULL, 0, LMS_E_NOT_FOUND, "assignment_id"},
    {"check: other tenant's user", CHECK_CALL, OTHER, SYS, "user.view",
     "user alice", 0, LMS_E_NOT_FOUND, "resource"},
    {"explain: other tenant's course", EXPLAIN, OTHER, SYS, "course.view",
     "course basics", 0, LMS_E_NOT_FOUND, "resource"},
    {"role list: unknown tenant", ROLE_LIST, MISSING, SYS, NULL, NULL, 0,
     LMS_E_NOT_FOUND, "tenant"},

    /* Access control: rules of assignments and roles. */
    {"assign: deprovisioned user", ROLE_ASSIGN, OWN, SYS,
     "{\"user_key\":\"gone\",\"role_key\":\"learner\"}", NULL, 0, LMS_E_INVALID,
     "user_key"},
    {"assign: empty window", ROLE_ASSIGN, OWN, SYS,
     "{\"user_key\":\"alice\",\"role_key\":\"learner\","
     "\"valid_from\":\"2026-06-01T00:00:00.000Z\","
     "\"valid_until\":\"2026-06-01T00:00:00.000Z\"}",
     NULL, 0, LMS_E_INVALID, "valid_until"},
    {"assign: bad timestamp", ROLE_ASSIGN, OWN, SYS,
     "{\"user_key\":\"alice\",\"role_key\":\"learner\","
     "\"valid_from\":\"yesterday\"}",
     NULL, 0, LMS_E_INVALID, "valid_from"},
    {"role: name 257 bytes", ROLE_CREATE, OWN, SYS, role_name_257, NULL, 0,
     LMS_E_INVALID, "name"},
    {"role: key 129 bytes", ROLE_CREATE, OWN, SYS, role_key_129, NULL, 0,
     LMS_E_INVALID, "key"},
    {"role: empty name", ROLE_CREATE, OWN, SYS,
     "{\"key\":\"r9\",\"name\":\"\"}", NULL, 0, LMS_E_INVALID, "name"},
    {"role: invalid UTF-8 key", ROLE_CREATE, OWN, SYS, kBadUtf8RoleKey, NULL, 0,
     LMS_E_INVALID, "spec_json"},
    {"role: taken key", ROLE_CREATE, OWN, SYS,
     "{\"key\":\"reviewer\",\"name\":\"R\"}", NULL, 0, LMS_E_EXISTS, "key"},
    {"role: built-in key", ROLE_CREATE, OWN, SYS,
     "{\"key\":\"tenant_admin\",\"name\":\"R\"}", NULL, 0, LMS_E_EXISTS, "key"},
    {"role update: built-in role", ROLE_UPDATE, OWN, SYS, "learner",
     "{\"user.view\":\"allow\"}", 0, LMS_E_CONFLICT, "learner"},
    {"check: key for the tenant", CHECK_CALL, OWN, SYS, "user.view",
     "tenant acme", 0, LMS_E_INVALID, "resource_key"},
    {"check: empty user key", CHECK_CALL, OWN, SYS, "user.view", "user ", 0,
     LMS_E_INVALID, "resource_key"},
    {"explain: key for the tenant", EXPLAIN, OWN, SYS, "user.view",
     "tenant alice", 0, LMS_E_INVALID, "resource_key"},

    /* Access control: malformed JSON, unknown and missing fields. */
    {"role: malformed JSON", ROLE_CREATE, OWN, SYS, "{\"key\":", NULL, 0,
     LMS_E_INVALID, "spec_json"},
    {"role: unknown field", ROLE_CREATE, OWN, SYS,
     "{\"key\":\"r9\",\"name\":\"R\",\"colour\":\"red\"}", NULL, 0,
     LMS_E_INVALID, "colour"},
    {"role: no name", ROLE_CREATE, OWN, SYS, "{\"key\":\"r9\"}", NULL, 0,
     LMS_E_INVALID, "name"},
    {"role: permissions array", ROLE_CREATE, OWN, SYS,
     "{\"key\":\"r9\",\"name\":\"R\",\"permissions\":[\"user.view\"]}", NULL, 0,
     LMS_E_INVALID, "permissions"},
    {"role update: malformed JSON", ROLE_UPDATE, OWN, SYS, "reviewer", "{\"a\"",
     0, LMS_E_INVALID, "permissions_json"},
    {"role update: value number", ROLE_UPDATE, OWN, SYS, "reviewer",
     "{\"user.view\":1}", 0, LMS_E_INVALID, "user.view"},
    {"assign: malformed JSON", ROLE_ASSIGN, OWN, SYS, "{\"user_key\"", NULL, 0,
     LMS_E_INVALID, "assignment_json"},
    {"assign: unknown field", ROLE_ASSIGN, OWN, SYS,
     "{\"user_key\":\"alice\",\"role_key\":\"learner\",\"expires\":1}", NULL, 0,
     LMS_E_INVALID, "expires"},
    {"assign: no role_key", ROLE_ASSIGN, OWN, SYS, "{\"user_key\":\"alice\"}",
     NULL, 0, LMS_E_INVALID, "role_key"},
    {"assign: unknown scope field", ROLE_ASSIGN, OWN, SYS,
     "{\"user_key\":\"alice\",\"role_key\":\"learner\","
     "\"scope\":{\"kind\":\"tenant\",\"depth\":1}}",
     NULL, 0, LMS_E_INVALID, "depth"},
    {"assign: org unit scope without key", ROLE_ASSIGN, OWN, SYS,
     "{\"user_key\":\"alice\",\"role_key\":\"learner\","
     "\"scope\":{\"kind\":\"org_unit\"}}",
     NULL, 0, LMS_E_INVALID, "key"},
    {"assignment list: unknown field", ASSIGNMENT_LIST, OWN, SYS,
     "{\"sort\":\"id\"}", NULL, 0, LMS_E_INVALID, "sort"},
    {"assignment list: malformed query", ASSIGNMENT_LIST, OWN, SYS, "[", NULL,
     0, LMS_E_INVALID, "query_json"},
    {"override: malformed JSON", OVERRIDE_SET, OWN, SYS, "{", NULL, 0,
     LMS_E_INVALID, "override_json"},
    {"override: unknown field", OVERRIDE_SET, OWN, SYS,
     "{\"role_key\":\"learner\",\"scope\":{\"kind\":\"tenant\"},"
     "\"permission\":\"user.view\",\"value\":\"allow\",\"reason\":\"x\"}",
     NULL, 0, LMS_E_INVALID, "reason"},
    {"override: no value", OVERRIDE_SET, OWN, SYS,
     "{\"role_key\":\"learner\",\"scope\":{\"kind\":\"tenant\"},"
     "\"permission\":\"user.view\"}",
     NULL, 0, LMS_E_INVALID, "value"},
    {"override clear: value given", OVERRIDE_CLEAR, OWN, SYS,
     "{\"role_key\":\"learner\",\"scope\":{\"kind\":\"tenant\"},"
     "\"permission\":\"user.view\",\"value\":\"allow\"}",
     NULL, 0, LMS_E_INVALID, "value"},
    {"override clear: unknown field", OVERRIDE_CLEAR, OWN, SYS,
     "{\"role_key\":\"learner\",\"scope\":{\"kind\":\"tenant\"},"
     "\"permission\":\"user.view\",\"why\":\"x\"}",
     NULL, 0, LMS_E_INVALID, "why"},
    {"override clear: no permission", OVERRIDE_CLEAR, OWN, SYS,
     "{\"role_key\":\"learner\",\"scope\":{\"kind\":\"tenant\"}}", NULL, 0,
     LMS_E_INVALID, "permission"},
    {"override clear: malformed JSON", OVERRIDE_CLEAR, OWN, SYS, "nope", NULL,
     0, LMS_E_INVALID, "override_json"},
    {"override clear: array", OVERRIDE_CLEAR, OWN, SYS, "[]", NULL, 0,
     LMS_E_INVALID, "override"},

    /* Access control: actors without the permission. */
    {"actor: plain user creates a role", ROLE_CREATE, OWN, "alice",
     "{\"key\":\"r9\",\"name\":\"R\"}", NULL, 0, LMS_E_DENIED, "role.manage"},
    {"actor: plain user assigns themself", ROLE_ASSIGN, OWN, "alice",
     "{\"user_key\":\"alice\",\"role_key\":\"tenant_admin\"}", NULL, 0,
     LMS_E_DENIED, "role.assign"},
    {"actor: plain user unassigns", ROLE_UNASSIGN, OWN, "alice", NULL, NULL, 0,
     LMS_E_DENIED, "role.assign"},
    {"actor: plain user sets an override", OVERRIDE_SET, OWN, "alice",
     "{\"role_key\":\"learner\",\"scope\":{\"kind\":\"tenant\"},"
     "\"permission\":\"user.manage\",\"value\":\"allow\"}",
     NULL, 0, LMS_E_DENIED, "role.manage"},
    {"actor: plain user updates a role", ROLE_UPDATE, OWN, "alice", "reviewer",
     "{\"user.manage\":\"allow\"}", 0, LMS_E_DENIED, "role.manage"},
    {"check: empty subject", CHECK_CALL, OWN, "", "user.view", "user alice", 0,
     LMS_E_INVALID, "actor"},

    /* Access control: NULL handle and NULL pointers. */
    {"NULL engine: role create", ROLE_CREATE, OWN, SYS,
     "{\"key\":\"r9\",\"name\":\"R\"}", NULL, NULL_ENGINE, LMS_E_MISUSE,
     "engine"},
    {"NULL engine: role update", ROLE_UPDATE, OWN, SYS, "reviewer", "{}",
     NULL_ENGINE, LMS_E_MISUSE, "engine"},
    {"NULL engine: role get", ROLE_GET, OWN, SYS, "reviewer", NULL, NULL_ENGINE,
     LMS_E_MISUSE, "engine"},
    {"NULL engine: role list", ROLE_LIST, OWN, SYS, NULL, NULL, NULL_ENGINE,
     LMS_E_MISUSE, "engine"},
    {"NULL engine: assign", ROLE_ASSIGN, OWN, SYS,
     "{\"user_key\":\"alice\",\"role_key\":\"learner\"}", NULL, NULL_ENGINE,
     LMS_E_MISUSE, "engine"},
    {"NULL engine: unassign", ROLE_UNASSIGN, OWN, SYS, NULL, NULL, NULL_ENGINE,
     LMS_E_MISUSE, "engine"},
    {"NULL engine: assignment list", ASSIGNMENT_LIST, OWN, SYS, NULL, NULL,
     NULL_ENGINE, LMS_E_MISUSE, "engine"},
    {"NULL engine: override set", OVERRIDE_SET, OWN, SYS,
     "{\"role_key\":\"learner\",\"scope\":{\"kind\":\"tenant\"},"
     "\"permission\":\"user.view\",\"value\":\"allow\"}",
     NULL, NULL_ENGINE, LMS_E_MISUSE, "engine"},
    {"NULL engine: override clear", OVERRIDE_CLEAR, OWN, SYS,
     "{\"role_key\":\"learner\",\"scope\":{\"kind\":\"tenant\"},"
     "\"permission\":\"user.view\"}",
     NULL, NULL_ENGINE, LMS_E_MISUSE, "engine"},
    {"NULL engine: override list", OVERRIDE_LIST, OWN, SYS, NULL, NULL,
     NULL_ENGINE, LMS_E_MISUSE, "engine"},
    {"NULL engine: check", CHECK_CALL, OWN, SYS, "user.view", "user alice",
     NULL_ENGINE, LMS_E_MISUSE, "engine"},
    {"NULL engine: explain", EXPLAIN, OWN, SYS, "user.view", "user alice",
     NULL_ENGINE, LMS_E_MISUSE, "engine"},
    {"NULL engine: visible", VISIBLE, OWN, SYS, "user.view", "user",
     NULL_ENGINE, LMS_E_MISUSE, "engine"},
    {"NULL actor: role create", ROLE_CREATE, OWN, NULL,
     "{\"key\":\"r9\",\"name\":\"R\"}", NULL, 0, LMS_E_MISUSE, "actor"},
    {"NULL actor: role update", ROLE_UPDATE, OWN, NULL, "reviewer", "{}", 0,
     LMS_E_MISUSE, "actor"},
    {"NULL actor: role get", ROLE_GET, OWN, NULL, "reviewer", NULL, 0,
     LMS_E_MISUSE, "actor"},
    {"NULL actor: role list", ROLE_LIST, OWN, NULL, NULL, NULL, 0, LMS_E_MISUSE,
     "actor"},
    {"NULL actor: assign", ROLE_ASSIGN, OWN, NULL,
     "{\"user_key\":\"alice\",\"role_key\":\"learner\"}", NULL, 0, LMS_E_MISUSE,
     "actor"},
    {"NULL actor: unassign", ROLE_UNASSIGN, OWN, NULL, NULL, NULL, 0,
     LMS_E_MISUSE, "actor"},
    {"NULL actor: assignment list", ASSIGNMENT_LIST, OWN, NULL, NULL, NULL, 0,
     LMS_E_MISUSE, "actor"},
    {"NULL actor: override set", OVERRIDE_SET, OWN, NULL,
     "{\"role_key\":\"learner\",\"scope\":{\"kind\":\"tenant\"},"
     "\"permission\":\"user.view\",\"value\":\"allow\"}",
     NULL, 0, LMS_E_MISUSE, "actor"},
    {"NULL actor: override clear", OVERRIDE_CLEAR, OWN, NULL,
     "{\"role_key\":\"learner\",\"scope\":{\"kind\":\"tenant\"},"
     "\"permission\":\"user.view\"}",
     NULL, 0, LMS_E_MISUSE, "actor"},
    {"NULL actor: override list", OVERRIDE_LIST, OWN, NULL, NULL, NULL, 0,
     LMS_E_MISUSE, "actor"},
    {"NULL subject: check", CHECK_CALL, OWN, NULL, "user.view", "user alice", 0,
     LMS_E_MISUSE, "subject"},
    {"NULL subject: explain", EXPLAIN, OWN, NULL, "user.view", "user alice", 0,
     LMS_E_MISUSE, "subject"},
    {"NULL subject: visible", VISIBLE, OWN, NULL, "user.view", "user", 0,
     LMS_E_MISUSE, "subject"},
    {"NULL role spec", ROLE_CREATE, OWN, SYS, NULL, NULL, 0, LMS_E_MISUSE,
     "spec_json"},
    {"NULL role key: update", ROLE_UPDATE, OWN, SYS, NULL, "{}", 0,
     LMS_E_MISUSE, "key"},
    {"NULL role permissions", ROLE_UPDATE, OWN, SYS, "reviewer", NULL, 0,
     LMS_E_MISUSE, "permissions_json"},
    {"NULL role key: get", ROLE_GET, OWN, SYS, NULL, NULL, 0, LMS_E_MISUSE,
     "key"},
    {"NULL assignment", ROLE_ASSIGN, OWN, SYS, NULL, NULL, 0, LMS_E_MISUSE,
     "assignment_json"},
    {"NULL override: set", OVERRIDE_SET, OWN, SYS, NULL, NULL, 0, LMS_E_MISUSE,
     "override_json"},
    {"NULL override: clear", OVERRIDE_CLEAR, OWN, SYS, NULL, NULL, 0,
     LMS_E_MISUSE, "override_json"},
    {"NULL permission: check", CHECK_CALL, OWN, SYS, NULL, "user alice", 0,
     LMS_E_MISUSE, "permission"},
    {"NULL permission: explain", EXPLAIN, OWN, SYS, NULL, "user alice", 0,
     LMS_E_MISUSE, "permission"},
    {"NULL permission: visible", VISIBLE, OWN, SYS, NULL, "user", 0,
     LMS_E_MISUSE, "permission"},
    {"NULL resource kind: check", CHECK_CALL, OWN, SYS, "user.view", NULL, 0,
     LMS_E_MISUSE, "resource_kind"},
    {"NULL resource kind: explain", EXPLAIN, OWN, SYS, "user.view", NULL, 0,
     LMS_E_MISUSE, "resource_kind"},
    {"NULL resource kind: visible", VISIBLE, OWN, SYS, "user.view", NULL, 0,
     LMS_E_MISUSE, "resource_kind"},
    {"NULL resource key: check", CHECK_CALL, OWN, SYS, "user.view", "user", 0,
     LMS_E_MISUSE, "resource_key"},
    {"NULL resource key: explain", EXPLAIN, OWN, SYS, "course.view", "course",
     0, LMS_E_MISUSE, "resource_key"},
    {"NULL out: role create", ROLE_CREATE, OWN, SYS,
     "{\"key\":\"r9\",\"name\":\"R\"}", NULL, NULL_OUT, LMS_E_MISUSE,
     "out_json"},
    {"NULL out: role update", ROLE_UPDATE, OWN, SYS, "reviewer",
     "{\"course.view\":\"allow\"}", NULL_OUT, LMS_E_MISUSE, "out_json"},
    {"NULL out: role get", ROLE_GET, OWN, SYS, "reviewer", NULL, NULL_OUT,
     LMS_E_MISUSE, "out_json"},
    {"NULL out: role list", ROLE_LIST, OWN, SYS, NULL, NULL, NULL_OUT,
     LMS_E_MISUSE, "out_json"},
    {"NULL out: assign", ROLE_ASSIGN, OWN, SYS,
     "{\"user_key\":\"alice\",\"role_key\":\"learner\"}", NULL, NULL_OUT,
     LMS_E_MISUSE, "out_json"},
    {"NULL out: assignment list", ASSIGNMENT_LIST, OWN, SYS, NULL, NULL,
     NULL_OUT, LMS_E_MISUSE, "out_json"},
    {"NULL out: override list", OVERRIDE_LIST, OWN, SYS, NULL, NULL, NULL_OUT,
     LMS_E_MISUSE, "out_json"},
    {"NULL out: check", CHECK_CALL, OWN, SYS, "user.view", "user alice",
     NULL_OUT, LMS_E_MISUSE, "out_allowed"},
    {"NULL out: explain", EXPLAIN, OWN, SYS, "user.view", "user alice",
     NULL_OUT, LMS_E_MISUSE, "out_json"},
    {"NULL out: visible", VISIBLE, OWN, SYS, "user.view", "user", NULL_OUT,
     LMS_E_MISUSE, "out_json"},
    /* Enrolments and progress: NULL handle and NULL pointers. */
    {"NULL engine: enrol", ENROL_CREATE, OWN, SYS, "bob", "safety", NULL_ENGINE,
     LMS_E_MISUSE, "engine"},
    {"NULL engine: enrol JSON", ENROL_CREATE_JSON, OWN, SYS,
     "{\"user_key\":\"bob\",\"course_key\":\"safety\"}", NULL, NULL_ENGINE,
     LMS_E_MISUSE, "engine"},
    {"NULL engine: enrol self", ENROL_SELF, OWN, "bob", "safety", NULL,
     NULL_ENGINE, LMS_E_MISUSE, "engine"},
    {"NULL engine: enrol batch", ENROL_BATCH, OWN, SYS, "[]", NULL, NULL_ENGINE,
     LMS_E_MISUSE, "engine"},
    {"NULL engine: withdraw", ENROL_WITHDRAW, OWN, SYS, NULL, NULL, NULL_ENGINE,
     LMS_E_MISUSE, "engine"},
    {"NULL engine: enrolment get", ENROL_GET, OWN, SYS, NULL, NULL, NULL_ENGINE,
     LMS_E_MISUSE, "engine"},
    {"NULL engine: enrolment list", ENROL_LIST, OWN, SYS, NULL, NULL,
     NULL_ENGINE, LMS_E_MISUSE, "engine"},
    {"NULL engine: progress record", PROGRESS_RECORD, OWN, SYS,
     "{\"user_key\":\"alice\",\"course_key\":\"safety\","
     "\"activity_key\":\"intro\",\"progress\":0.5}",
     NULL, NULL_ENGINE, LMS_E_MISUSE, "engine"},
    {"NULL engine: progress get", PROGRESS_GET, OWN, SYS, NULL, NULL,
     NULL_ENGINE, LMS_E_MISUSE, "engine"},
    {"NULL actor: enrol", ENROL_CREATE, OWN, NULL, "bob", "safety", 0,
     LMS_E_MISUSE, "actor"},
    {"NULL actor: enrol JSON", ENROL_CREATE_JSON, OWN, NULL,
     "{\"user_key\":\"bob\",\"course_key\":\"safety\"}", NULL, 0, LMS_E_MISUSE,
     "actor"},
    {"NULL actor: enrol self", ENROL_SELF, OWN, NULL, "safety", NULL, 0,
     LMS_E_MISUSE, "actor"},
    {"NULL actor: enrol batch", ENROL_BATCH, OWN, NULL, "[]", NULL, 0,
     LMS_E_MISUSE, "actor"},
    {"NULL actor: withdraw", ENROL_WITHDRAW, OWN, NULL, NULL, NULL, 0,
     LMS_E_MISUSE, "actor"},
    {"NULL actor: enrolment get", ENROL_GET, OWN, NULL, NULL, NULL, 0,
     LMS_E_MISUSE, "actor"},
    {"NULL actor: enrolment list", ENROL_LIST, OWN, NULL, NULL, NULL, 0,
     LMS_E_MISUSE, "actor"},
    {"NULL actor: progress record", PROGRESS_RECORD, OWN, NULL,
     "{\"user_key\":\"alice\",\"course_key\":\"safety\","
     "\"activity_key\":\"intro\",\"progress\":0.5}",
     NULL, 0, LMS_E_MISUSE, "actor"},
    {"NULL actor: progress get", PROGRESS_GET, OWN, NULL, NULL, NULL, 0,
     LMS_E_MISUSE, "actor"},
    {"NULL user key: enrol", ENROL_CREATE, OWN, SYS, NULL, "safety", 0,
     LMS_E_MISUSE, "user_key"},
    {"NULL course key: enrol", ENROL_CREATE, OWN, SYS, "bob", NULL, 0,
     LMS_E_MISUSE, "course_key"},
    {"NULL enrolment spec", ENROL_CREATE_JSON, OWN, SYS, NULL, NULL, 0,
     LMS_E_MISUSE, "spec_json"},
    {"NULL course key: enrol self", ENROL_SELF, OWN, "bob", NULL, NULL, 0,
     LMS_E_MISUSE, "course_key"},
    {"NULL enrolment specs", ENROL_BATCH, OWN, SYS, NULL, NULL, 0, LMS_E_MISUSE,
     "specs_json"},
    {"NULL progress update", PROGRESS_RECORD, OWN, SYS, NULL, NULL, 0,
     LMS_E_MISUSE, "update_json"},
    {"NULL out: enrol", ENROL_CREATE, OWN, SYS, "bob", "safety", NULL_OUT,
     LMS_E_MISUSE, "out_enrolment_id"},
    {"NULL out: enrol JSON", ENROL_CREATE_JSON, OWN, SYS,
     "{\"user_key\":\"bob\",\"course_key\":\"safety\"}", NULL, NULL_OUT,
     LMS_E_MISUSE, "out_json"},
    {"NULL out: enrol self", ENROL_SELF, OWN, "bob", "safety", NULL, NULL_OUT,
     LMS_E_MISUSE, "out_json"},
    {"NULL out: enrol batch", ENROL_BATCH, OWN, SYS,
     "[{\"user_key\":\"bob\",\"course_key\":\"safety\"}]", NULL, NULL_OUT,
     LMS_E_MISUSE, "out_json"},
    {"NULL out: withdraw", ENROL_WITHDRAW, OWN, SYS, NULL, NULL, NULL_OUT,
     LMS_E_MISUSE, "out_json"},
    {"NULL out: enrolment get", ENROL_GET, OWN, SYS, NULL, NULL, NULL_OUT,
     LMS_E_MISUSE, "out_json"},
    {"NULL out: enrolment list", ENROL_LIST, OWN, SYS, NULL, NULL, NULL_OUT,
     LMS_E_MISUSE, "out_json"},
    {"NULL out: progress record", PROGRESS_RECORD, OWN, SYS,
     "{\"user_key\":\"alice\",\"course_key\":\"safety\","
     "\"activity_key\":\"intro\",\"progress\":0.5}",
     NULL, NULL_OUT, LMS_E_MISUSE, "out_json"},
    {"NULL out: progress get", PROGRESS_GET, OWN, SYS, NULL, NULL, NULL_OUT,
     LMS_E_MISUSE, "out_json"},

    /* Enrolments and progress: malformed JSON, wrong shapes, unknown and
     * missing fields, wrong types. */
    {"enrol JSON: malformed", ENROL_CREATE_JSON, OWN, SYS,
     "{\"user_key\":", NULL, 0, LMS_E_INVALID, "spec_json"},
    {"enrol batch: malformed", ENROL_BATCH, OWN, SYS, "[{]", NULL, 0,
     LMS_E_INVALID, "specs_json"},
    {"enrolment list: malformed query", ENROL_LIST, OWN, SYS, "{", NULL, 0,
     LMS_E_INVALID, "query_json"},
    {"progress: malformed", PROGRESS_RECORD, OWN, SYS, "{\"user_key\"", NULL, 0,
     LMS_E_INVALID, "update_json"},
    {"enrol JSON: array", ENROL_CREATE_JSON, OWN, SYS, "[]", NULL, 0,
     LMS_E_INVALID, "enrolment"},
    {"enrol batch: object", ENROL_BATCH, OWN, SYS,
     "{\"user_key\":\"bob\",\"course_key\":\"safety\"}", NULL, 0, LMS_E_INVALID,
     "enrolments"},
    {"enrol batch: number in the array", ENROL_BATCH, OWN, SYS, "[1]", NULL, 0,
     LMS_E_INVALID, "enrolments[0]"},
    {"progress: number", PROGRESS_RECORD, OWN, SYS, "7", NULL, 0, LMS_E_INVALID,
     "progress"},
    {"enrol JSON: unknown field", ENROL_CREATE_JSON, OWN, SYS,
     "{\"user_key\":\"bob\",\"course_key\":\"safety\",\"colour\":\"red\"}",
     NULL, 0, LMS_E_INVALID, "colour"},
    {"enrol batch: unknown field", ENROL_BATCH, OWN, SYS,
     "[{\"user_key\":\"bob\",\"course_key\":\"safety\"},"
     "{\"user_key\":\"gone\",\"course_key\":\"safety\",\"priority\":1}]",
     NULL, 0, LMS_E_INVALID, "enrolments[1].priority"},
    {"enrolment list: unknown field", ENROL_LIST, OWN, SYS, "{\"sort\":\"id\"}",
     NULL, 0, LMS_E_INVALID, "sort"},
    {"progress: unknown field", PROGRESS_RECORD, OWN, SYS,
     "{\"user_key\":\"alice\",\"course_key\":\"safety\","
     "\"activity_key\":\"intro\",\"attempts\":2}",
     NULL, 0, LMS_E_INVALID, "attempts"},
    {"enrol JSON: no course_key", ENROL_CREATE_JSON, OWN, SYS,
     "{\"user_key\":\"bob\"}", NULL, 0, LMS_E_INVALID, "course_key"},
    {"enrol batch: no user_key", ENROL_BATCH, OWN, SYS,
     "[{\"user_key\":\"bob\",\"course_key\":\"safety\"},"
     "{\"course_key\":\"safety\"}]",
     NULL, 0, LMS_E_INVALID, "enrolments[1].user_key"},
    {"progress: no activity_key", PROGRESS_RECORD, OWN, SYS,
     "{\"user_key\":\"alice\",\"course_key\":\"safety\",\"progress\":0.5}",
     NULL, 0, LMS_E_INVALID, "activity_key"},
    {"enrol JSON: due_at number", ENROL_CREATE_JSON, OWN, SYS,
     "{\"user_key\":\"bob\",\"course_key\":\"safety\",\"due_at\":1}", NULL, 0,
     LMS_E_INVALID, "due_at"},
    {"enrol JSON: due_at not a timestamp", ENROL_CREATE_JSON, OWN, SYS,
     "{\"user_key\":\"bob\",\"course_key\":\"safety\",\"due_at\":"
     "\"tomorrow\"}",
     NULL, 0, LMS_E_INVALID, "due_at"},
    {"enrol JSON: source self", ENROL_CREATE_JSON, OWN, SYS,
     "{\"user_key\":\"bob\",\"course_key\":\"safety\",\"source\":\"self\"}",
     NULL, 0, LMS_E_INVALID, "source"},
    {"enrol JSON: unknown source", ENROL_CREATE_JSON, OWN, SYS,
     "{\"user_key\":\"bob\",\"course_key\":\"safety\",\"source\":\"fax\"}",
     NULL, 0, LMS_E_INVALID, "source"},
    {"enrolment list: unknown status", ENROL_LIST, OWN, SYS,
     "{\"status\":\"done\"}", NULL, 0, LMS_E_INVALID, "status"},
    {"enrolment list: limit 0", ENROL_LIST, OWN, SYS, "{\"limit\":0}", NULL, 0,
     LMS_E_INVALID, "limit"},
    {"enrolment list: limit 1001", ENROL_LIST, OWN, SYS, "{\"limit\":1001}",
     NULL, 0, LMS_E_INVALID, "limit"},
    {"enrolment list: negative after", ENROL_LIST, OWN, SYS, "{\"after\":-1}",
     NULL, 0, LMS_E_INVALID, "after"},
    {"enrolment list: after string", ENROL_LIST, OWN, SYS, "{\"after\":\"1\"}",
     NULL, 0, LMS_E_INVALID, "after"},
    {"progress: progress string", PROGRESS_RECORD, OWN, SYS,
     "{\"user_key\":\"alice\",\"course_key\":\"safety\","
     "\"activity_key\":\"intro\",\"progress\":\"half\"}",
     NULL, 0, LMS_E_INVALID, "progress"},
    {"progress: completed string", PROGRESS_RECORD, OWN, SYS,
     "{\"user_key\":\"alice\",\"course_key\":\"safety\","
     "\"activity_key\":\"intro\",\"completed\":\"yes\"}",
     NULL, 0, LMS_E_INVALID, "completed"},
    {"progress: passed number", PROGRESS_RECORD, OWN, SYS,
     "{\"user_key\":\"alice\",\"course_key\":\"safety\","
     "\"activity_key\":\"intro\",\"passed\":1}",
     NULL, 0, LMS_E_INVALID, "passed"},
    {"progress: time_spent_ms fraction", PROGRESS_RECORD, OWN, SYS,
     "{\"user_key\":\"alice\",\"course_key\":\"safety\","
     "\"activity_key\":\"intro\",\"time_spent_ms\":1.5}",
     NULL, 0, LMS_E_INVALID, "time_spent_ms"},

    /* Enrolments and progress: out of range. */
    {"progress: progress 1.5", PROGRESS_RECORD, OWN, SYS,
     "{\"user_key\":\"alice\",\"course_key\":\"safety\","
     "\"activity_key\":\"intro\",\"progress\":1.5}",
     NULL, 0, LMS_E_INVALID, "progress"},
    {"progress: progress -0.01", PROGRESS_RECORD, OWN, SYS,
     "{\"user_key\":\"alice\",\"course_key\":\"safety\","
     "\"activity_key\":\"intro\",\"progress\":-0.01}",
     NULL, 0, LMS_E_INVALID, "progress"},
    {"progress: score -0.1", PROGRESS_RECORD, OWN, SYS,
     "{\"user_key\":\"alice\",\"course_key\":\"safety\","
     "\"activity_key\":\"intro\",\"score\":-0.1}",
     NULL, 0, LMS_E_INVALID, "score"},
    {"progress: score 1.01", PROGRESS_RECORD, OWN, SYS,
     "{\"user_key\":\"alice\",\"course_key\":\"safety\","
     "\"activity_key\":\"intro\",\"score\":1.01}",
     NULL, 0, LMS_E_INVALID, "score"},
    {"progress: negative time_spent_ms", PROGRESS_RECORD, OWN, SYS,
     "{\"user_key\":\"alice\",\"course_key\":\"safety\","
     "\"activity_key\":\"intro\",\"time_spent_ms\":-1}",
     NULL, 0, LMS_E_INVALID, "time_spent_ms"},
    {"progress: time_spent_ms over a day", PROGRESS_RECORD, OWN, SYS,
     "{\"user_key\":\"alice\",\"course_key\":\"safety\","
     "\"activity_key\":\"intro\",\"time_spent_ms\":86400001}",
     NULL, 0, LMS_E_INVALID, "time_spent_ms"},
    {"enrol: due in the past", ENROL_CREATE, OWN, SYS, "bob", "safety",
     PAST_DUE, LMS_E_INVALID, "due_at"},
    {"enrol JSON: due in the past", ENROL_CREATE_JSON, OWN, SYS,
     "{\"user_key\":\"bob\",\"course_key\":\"safety\","
     "\"due_at\":\"2025-12-31T23:59:59.999Z\"}",
     NULL, 0, LMS_E_INVALID, "due_at"},
    {"enrol batch: due in the past", ENROL_BATCH, OWN, SYS,
     "[{\"user_key\":\"bob\",\"course_key\":\"safety\","
     "\"due_at\":\"2025-12-31T23:59:59.999Z\"}]",
     NULL, 0, LMS_E_INVALID, "enrolments[0].due_at"},

    /* Enrolments and progress: unknown records. */
    {"enrol: unknown user", ENROL_CREATE, OWN, SYS, "nobody", "safety", 0,
     LMS_E_NOT_FOUND, "user_key"},
    {"enrol: unknown course", ENROL_CREATE, OWN, SYS, "bob", "nothing", 0,
     LMS_E_NOT_FOUND, "course_key"},
    {"enrol JSON: unknown course", ENROL_CREATE_JSON, OWN, SYS,
     "{\"user_key\":\"bob\",\"course_key\":\"nothing\"}", NULL, 0,
     LMS_E_NOT_FOUND, "course_key"},
    {"enrol batch: unknown user", ENROL_BATCH, OWN, SYS,
     "[{\"user_key\":\"bob\",\"course_key\":\"safety\"},"
     "{\"user_key\":\"nobody\",\"course_key\":\"safety\"}]",
     NULL, 0, LMS_E_NOT_FOUND, "enrolments[1].user_key"},
    {"enrol self: unknown course", ENROL_SELF, OWN, "bob", "nothing", NULL, 0,
     LMS_E_NOT_FOUND, "course_key"},
    {"progress: unknown course", PROGRESS_RECORD, OWN, SYS,
     "{\"user_key\":\"alice\",\"course_key\":\"nothing\","
     "\"activity_key\":\"intro\"}",
     NULL, 0, LMS_E_NOT_FOUND, "course_key"},
    {"progress: unknown activity", PROGRESS_RECORD, OWN, SYS,
     "{\"user_key\":\"alice\",\"course_key\":\"safety\","
     "\"activity_key\":\"outro\"}",
     NULL, 0, LMS_E_NOT_FOUND, "activity_key"},
    {"progress: user not enrolled", PROGRESS_RECORD, OWN, SYS,
     "{\"user_key\":\"bob\",\"course_key\":\"safety\","
     "\"activity_key\":\"intro\"}",
     NULL, 0, LMS_E_NOT_FOUND, "user_key"},
    {"withdraw: unknown id", ENROL_WITHDRAW, OWN, SYS, "999999", NULL, 0,
     LMS_E_NOT_FOUND, "enrolment_id"},
    {"enrolment get: unknown id", ENROL_GET, OWN, SYS, "999999", NULL, 0,
     LMS_E_NOT_FOUND, "enrolment_id"},
    {"enrolment get: id 0", ENROL_GET, OWN, SYS, "0", NULL, 0, LMS_E_NOT_FOUND,
     "enrolment_id"},
    {"progress get: unknown id", PROGRESS_GET, OWN, SYS, "-5", NULL, 0,
     LMS_E_NOT_FOUND, "enrolment_id"},
    {"enrol: unknown tenant", ENROL_CREATE, MISSING, SYS, "bob", "safety", 0,
     LMS_E_NOT_FOUND, "tenant"},
    {"enrol batch: unknown tenant", ENROL_BATCH, MISSING, SYS, "[]", NULL, 0,
     LMS_E_NOT_FOUND, "tenant"},
    {"enrolment list: unknown tenant", ENROL_LIST, MISSING, SYS, NULL, NULL, 0,
     LMS_E_NOT_FOUND, "tenant"},
    {"enrolment get: unknown tenant", ENROL_GET, MISSING, SYS, NULL, NULL, 0,
     LMS_E_NOT_FOUND, "tenant"},

    /* Enrolments and progress: another tenant's records. */
    {"enrol: other tenant's user", ENROL_CREATE, OWN, SYS, "gus", "safety", 0,
     LMS_E_NOT_FOUND, "user_key"},
    {"enrol: other tenant's course", ENROL_CREATE, OWN, SYS, "bob", "gcourse",
     0, LMS_E_NOT_FOUND, "course_key"},
    {"enrol self: other tenant's course", ENROL_SELF, OWN, "bob", "gcourse",
     NULL, 0, LMS_E_NOT_FOUND, "course_key"},
    {"withdraw: other tenant's enrolment", ENROL_WITHDRAW, OWN, SYS,
     OTHER_ENROLMENT, NULL, 0, LMS_E_NOT_FOUND, "enrolment_id"},
    {"enrolment get: other tenant's enrolment", ENROL_GET, OWN, SYS,
     OTHER_ENROLMENT, NULL, 0, LMS_E_NOT_FOUND, "enrolment_id"},
    {"progress get: other tenant's enrolment", PROGRESS_GET, OWN, SYS,
     OTHER_ENROLMENT, NULL, 0, LMS_E_NOT_FOUND, "enrolment_id"},
    {"enrolment get: this tenant's id from the other", ENROL_GET, OTHER, SYS,
     NULL, NULL, 0, LMS_E_NOT_FOUND, "enrolment_id"},
    {"withdraw: this tenant's id from the other", ENROL_WITHDRAW, OTHER, SYS,
     NULL, NULL, 0, LMS_E_NOT_FOUND, "enrolment_id"},
    {"progress: other tenant's enrolment", PROGRESS_RECORD, OTHER, SYS,
     "{\"user_key\":\"alice\",\"course_key\":\"safety\","
     "\"activity_key\":\"intro\"}",
     NULL, 0, LMS_E_NOT_FOUND, "course_key: no course 'safety'"},

    /* Enrolments and progress: SQL metacharacters in keys are plain keys
     * that match nothing. */
    {"enrol: SQL in the user key", ENROL_CREATE, OWN, SYS,
     "x'); DROP TABLE enrolments;--", "safety", 0, LMS_E_NOT_FOUND, "user_key"},
    {"enrol: SQL in the course key", ENROL_CREATE, OWN, SYS, "bob",
     "' OR '1'='1", 0, LMS_E_NOT_FOUND, "course_key"},
    {"enrol JSON: wildcard user key", ENROL_CREATE_JSON, OWN, SYS,
     "{\"user_key\":\"%\",\"course_key\":\"safety\"}", NULL, 0, LMS_E_NOT_FOUND,
     "user_key"},
    {"enrol self: wildcard course key", ENROL_SELF, OWN, "bob", "_afety", NULL,
     0, LMS_E_NOT_FOUND, "course_key"},
    {"progress: SQL in the course key", PROGRESS_RECORD, OWN, SYS,
     "{\"user_key\":\"alice\",\"course_key\":\"safety' --\","
     "\"activity_key\":\"intro\"}",
     NULL, 0, LMS_E_NOT_FOUND, "course_key"},
    {"progress: wildcard activity key", PROGRESS_RECORD, OWN, SYS,
     "{\"user_key\":\"alice\",\"course_key\":\"safety\","
     "\"activity_key\":\"%\"}",
     NULL, 0, LMS_E_NOT_FOUND, "activity_key"},
    {"progress: SQL in the user key", PROGRESS_RECORD, OWN, SYS,
     "{\"user_key\":\"alice' OR '1'='1\",\"course_key\":\"safety\","
     "\"activity_key\":\"intro\"}",
     NULL, 0, LMS_E_NOT_FOUND, "user_key"},

    /* Enrolments and progress: invalid UTF-8 and bad keys. */
    {"enrol: invalid UTF-8 user key", ENROL_CREATE, OWN, SYS,
     "b\xC3"
     "(",
     "safety", 0, LMS_E_INVALID, "user_key"},
    {"enrol: invalid UTF-8 course key", ENROL_CREATE, OWN, SYS, "bob", "s\xFF",
     0, LMS_E_INVALID, "course_key"},
    {"enrol self: invalid UTF-8 course key", ENROL_SELF, OWN, "bob",
     "s\xC3"
     "(",
     NULL, 0, LMS_E_INVALID, "course_key"},
    {"enrol JSON: invalid UTF-8", ENROL_CREATE_JSON, OWN, SYS,
     "{\"user_key\":\"b\xC3"
     "(\",\"course_key\":\"safety\"}",
     NULL, 0, LMS_E_INVALID, "spec_json"},
    {"enrol batch: invalid UTF-8", ENROL_BATCH, OWN, SYS,
     "[{\"user_key\":\"bob\",\"course_key\":\"s\xFF\"}]", NULL, 0,
     LMS_E_INVALID, "specs_json"},
    {"enrolment list: invalid UTF-8", ENROL_LIST, OWN, SYS,
     "{\"user_key\":\"\xFF\"}", NULL, 0, LMS_E_INVALID, "query_json"},
    {"progress: invalid UTF-8", PROGRESS_RECORD, OWN, SYS,
     "{\"user_key\":\"alice\",\"course_key\":\"safety\","
     "\"activity_key\":\"i\xC3"
     "(\"}",
     NULL, 0, LMS_E_INVALID, "update_json"},
    {"enrol: empty user key", ENROL_CREATE, OWN, SYS, "", "safety", 0,
     LMS_E_INVALID, "user_key"},
    {"enrol self: empty course key", ENROL_SELF, OWN, "bob", "", NULL, 0,
     LMS_E_INVALID, "course_key"},
    {"enrol: user key like an actor", ENROL_CREATE, OWN, SYS, "@system",
     "safety", 0, LMS_E_INVALID, "user_key"},

    /* Enrolments and progress: rules of the state. */
    {"enrol: twice", ENROL_CREATE, OWN, SYS, "alice", "safety", 0, LMS_E_EXISTS,
     "user_key"},
    {"enrol JSON: twice", ENROL_CREATE_JSON, OWN, SYS,
     "{\"user_key\":\"alice\",\"course_key\":\"safety\"}", NULL, 0,
     LMS_E_EXISTS, "user_key"},
    {"enrol: draft course", ENROL_CREATE, OWN, SYS, "bob", "basics", 0,
     LMS_E_CONFLICT, "course_key"},
    {"enrol: deprovisioned user", ENROL_CREATE, OWN, SYS, "gone", "safety", 0,
     LMS_E_INVALID, "user_key"},
    {"enrol self: not allowed by the course", ENROL_SELF, OWN, "bob", "safety",
     NULL, 0, LMS_E_CONFLICT, "self-enrolment"},
    {"enrol self: the system", ENROL_SELF, OWN, SYS, "safety", NULL, 0,
     LMS_E_INVALID, "actor"},
    {"withdraw: already withdrawn", ENROL_WITHDRAW, OTHER, SYS, OTHER_ENROLMENT,
     NULL, 0, LMS_E_CONFLICT, "withdrawn"},

    /* Enrolments and progress: actors without the permission. */
    {"actor: plain user enrols another", ENROL_CREATE, OWN, "alice", "bob",
     "safety", 0, LMS_E_DENIED, "enrolment.manage"},
    {"actor: plain user withdraws", ENROL_WITHDRAW, OWN, "alice", NULL, NULL, 0,
     LMS_E_DENIED, "enrolment.manage"},
    {"actor: instructor elsewhere records progress", PROGRESS_RECORD, OWN,
     "bob",
     "{\"user_key\":\"alice\",\"course_key\":\"safety\","
     "\"activity_key\":\"intro\",\"progress\":0.5}",
     NULL, 0, LMS_E_DENIED, "progress.record"},
    {"actor: instructor elsewhere reads an enrolment", ENROL_GET, OWN, "bob",
     NULL, NULL, 0, LMS_E_DENIED, "enrolment.view"},
    {"actor: instructor elsewhere reads progress", PROGRESS_GET, OWN, "bob",
     NULL, NULL, 0, LMS_E_DENIED, "progress.view"},
};

/* Writes {"<field>":"<n times c>"<rest>} into `buffer`. */
static void oversized(char* buffer, size_t size, const char* field, size_t n,
                      const char* rest) {
  char value[300];
  CHECK(n < sizeof value);
  memset(value, 'x', n);
  value[n] = '\0';
  snprintf(buffer, size, "{\"%s\":\"%s\"%s}", field, value, rest);
  CHECK(strlen(buffer) + 1 < size);
}

static void make_inputs(void) {
  char email[300];
  oversized(user_key_129, sizeof user_key_129, "key", 129,
            ",\"display_name\":\"U\"");
  oversized(user_name_257, sizeof user_name_257, "display_name", 257,
            ",\"key\":\"u9\"");
  /* 243 bytes of local part + "@example.org" = 255 bytes. */
  memset(email, 'x', 243);
  strcpy(email + 243, "@example.org");
  CHECK(strlen(email) == 255);
  snprintf(user_email_255, sizeof user_email_255,
           "{\"key\":\"u9\",\"display_name\":\"U\",\"email\":\"%s\"}", email);
  oversized(tenant_key_129, sizeof tenant_key_129, "key", 129,
            ",\"name\":\"T\"");
  oversized(course_title_257, sizeof course_title_257, "title", 257,
            ",\"key\":\"c9\"");
  oversized(orgunit_name_257, sizeof orgunit_name_257, "name", 257,
            ",\"key\":\"o9\"");
  oversized(role_name_257, sizeof role_name_257, "name", 257,
            ",\"key\":\"r9\"");
  oversized(role_key_129, sizeof role_key_129, "key", 129, ",\"name\":\"R\"");
}

struct fixture {
  lms_engine* engine;
  int64_t own;
  int64_t other;
  int64_t assignment;      /* bob's, in the first tenant */
  int64_t enrolment;       /* alice's in safety, in the first tenant */
  int64_t other_enrolment; /* gus's in gcourse, withdrawn, in the second */
};

/* Requires `status` to be LMS_OK and frees `*out`. Takes the address
 * because the call that sets *out runs as an argument of this one. */
static void add(lms_status status, char** out) {
  CHECK_OK(status);
  lms_free(*out);
  *out = NULL;
}

/* Two tenants; the first holds org units root > mid > leaf, the user
 * alice in leaf (who holds no role), bob (an instructor of basics), gone
 * (deprovisioned), the courses basics <- advanced (published), safety
 * (published, the activity intro, no self-enrolment) with alice enrolled,
 * and the custom role reviewer. The second holds the org unit gunit, the
 * course gcourse (published) and the user gus, whose enrolment in it is
 * withdrawn, and no user, course or org unit of the first's keys. */
static struct fixture make_fixture(const char* location, const char* options) {
  struct fixture f;
  char* out = NULL;
  f.engine = NULL;
  CHECK_OK(lms_engine_open(location, options, &f.engine));
  f.own = create_tenant(f.engine, "acme");
  f.other = create_tenant(f.engine, "globex");
  add(lms_orgunit_create(f.engine, SYS, f.own,
                         "{\"key\":\"root\",\"name\":\"Root\"}", &out),
      &out);
  add(lms_orgunit_create(
          f.engine, SYS, f.own,
          "{\"key\":\"mid\",\"name\":\"Mid\",\"parent\":\"root\"}", &out),
      &out);
  add(lms_orgunit_create(
          f.engine, SYS, f.own,
          "{\"key\":\"leaf\",\"name\":\"Leaf\",\"parent\":\"mid\"}", &out),
      &out);
  add(lms_user_create(f.engine, SYS, f.own,
                      "{\"key\":\"alice\",\"display_name\":\"Alice\","
                      "\"org_unit\":\"leaf\"}",
                      &out),
      &out);
  add(lms_course_create(f.engine, SYS, f.own,
                        "{\"key\":\"basics\",\"title\":\"Basics\"}", &out),
      &out);
  add(lms_course_create(f.engine, SYS, f.own,
                        "{\"key\":\"advanced\",\"title\":\"Advanced\","
                        "\"prerequisites\":[\"basics\"]}",
                        &out),
      &out);
  add(lms_course_publish(f.engine, SYS, f.own, "advanced", &out), &out);
  add(lms_user_create(f.engine, SYS, f.own,
                      "{\"key\":\"bob\",\"display_name\":\"Bob\"}", &out),
      &out);
  add(lms_user_create(f.engine, SYS, f.own,
                      "{\"key\":\"gone\",\"display_name\":\"Gone\","
                      "\"status\":\"deprovisioned\"}",
                      &out),
      &out);
  add(lms_role_create(f.engine, SYS, f.own,
                      "{\"key\":\"reviewer\",\"name\":\"Reviewer\","
                      "\"permissions\":{\"course.view\":\"allow\"}}",
                      &out),
      &out);
  CHECK_OK(
      lms_role_assign(f.engine, SYS, f.own,
                      "{\"user_key\":\"bob\",\"role_key\":\"instructor\","
                      "\"scope\":{\"kind\":\"course\",\"key\":\"basics\"}}",
                      &out));
  f.assignment = json_int(out, "id");
  lms_free(out);
  out = NULL;
  add(lms_course_create(f.engine, SYS, f.own,
                        "{\"key\":\"safety\",\"title\":\"Safety\","
                        "\"activities\":[{\"key\":\"intro\","
                        "\"kind\":\"lesson\",\"title\":\"Intro\"}]}",
                        &out),
      &out);
  add(lms_course_publish(f.engine, SYS, f.own, "safety", &out), &out);
  CHECK_OK(lms_enrolment_create(f.engine, SYS, f.own, "alice", "safety", 0,
                                &f.enrolment));
  add(lms_orgunit_create(f.engine, SYS, f.other,
                         "{\"key\":\"gunit\",\"name\":\"G\"}", &out),
      &out);
  add(lms_course_create(f.engine, SYS, f.other,
                        "{\"key\":\"gcourse\",\"title\":\"G\"}", &out),
      &out);
  add(lms_user_create(f.engine, SYS, f.other,
                      "{\"key\":\"gus\",\"display_name\":\"Gus\"}", &out),
      &out);
  add(lms_course_publish(f.engine, SYS, f.other, "gcourse", &out), &out);
  CHECK_OK(lms_enrolment_create(f.engine, SYS, f.other, "gus", "gcourse", 0,
                                &f.other_enrolment));
  add(lms_enrolment_withdraw(f.engine, SYS, f.other, f.other_enrolment, &out),
      &out);
  return f;
}

/* Appends `*json` (and frees it) to the snapshot in `*state`. Takes the
 * address of `json` for the reason add() does. */
static void append(char** state, lms_status status, char** out) {
  const char* json = *out;
  size_t used = *state == NULL ? 0 : strlen(*state);
  char* grown;
  CHECK_OK(status);
  grown = realloc(*state, used + strlen(json) + 2);
  CHECK(grown != NULL);
  memcpy(grown + used, json, strlen(json) + 1);
  strcat(grown, "\n");
  *state = grown;
  lms_free(*out);
  *out = NULL;
}

/* Everything the engine holds that the cases could touch, as text. Free
 * with free(). */
static char* snapshot(const struct fixture* f) {
  const int64_t tenants[2] = {f->own, f->other};
  const int64_t enrolments[2] = {f->enrolment, f->other_enrolment};
  char* state = NULL;
  char* out = NULL;
  size_t i;
  append(&state, lms_tenant_list(f->engine, SYS, &out), &out);
  for (i = 0; i < 2; ++i) {
    append(&state, lms_event_list(f->engine, SYS, tenants[i], 0, 1000, &out),
           &out);
    append(&state,
           lms_user_list(f->engine, SYS, tenants[i], "{\"limit\":1000}", &out),
           &out);
    append(&state, lms_orgunit_list(f->engine, SYS, tenants[i], "", &out),
           &out);
    append(
        &state,
        lms_course_list(f->engine, SYS, tenants[i], "{\"limit\":1000}", &out),
        &out);
    append(&state, lms_role_list(f->engine, SYS, tenants[i], &out), &out);
    append(&state, lms_assignment_list(f->engine, SYS, tenants[i], NULL, &out),
           &out);
    append(&state, lms_override_list(f->engine, SYS, tenants[i], &out), &out);
    append(&state,
           lms_enrolment_list(f->engine, SYS, tenants[i], "{\"limit\":1000}",
                              &out),
           &out);
    append(&state,
           lms_progress_get(f->engine, SYS, tenants[i], enrolments[i], &out),
           &out);
  }
  return state;
}

/* Splits "<kind> <key>" (see struct bad_case) into `kind` and `*key`,
 * which is NULL when there is no space. */
static void split_resource(const char* resource, char* kind, size_t size,
                           const char** key) {
  const char* space;
  *key = NULL;
  if (resource == NULL) return;
  space = strchr(resource, ' ');
  CHECK(strlen(resource) < size);
  strcpy(kind, resource);
  if (space == NULL) return;
  kind[space - resource] = '\0';
  *key = space + 1;
}

/* The enrolment id a case names (see struct bad_case). */
static int64_t enrolment_of(const struct fixture* f, const char* key) {
  if (key == NULL) return f->enrolment;
  if (strcmp(key, OTHER_ENROLMENT) == 0) return f->other_enrolment;
  return (int64_t)strtoll(key, NULL, 10);
}

static lms_status run_case(const struct fixture* f, const struct bad_case* c,
                           char** out, lms_engine** opened, int* allowed,
                           int64_t* enrolment_id) {
  lms_engine* engine = (c->flags & NULL_ENGINE) ? NULL : f->engine;
  char** out_json = (c->flags & NULL_OUT) ? NULL : out;
  const int64_t tenant = c->tenant == OWN     ? f->own
                         : c->tenant == OTHER ? f->other
                                              : INT64_C(999999);
  const char* data = c->input;
  const size_t len = data == NULL ? 0 : strlen(data);
  char kind_buffer[64];
  const char* kind = c->input == NULL ? NULL : kind_buffer;
  const char* resource_key = NULL;
  const int64_t assignment =
      c->key == NULL ? f->assignment : (int64_t)strtoll(c->key, NULL, 10);
  if (c->call == CHECK_CALL || c->call == EXPLAIN)
    split_resource(c->input, kind_buffer, sizeof kind_buffer, &resource_key);
  switch (c->call) {
    case TENANT_CREATE:
      return lms_tenant_create(engine, c->actor, c->key, out_json);
    case TENANT_GET:
      return lms_tenant_get(engine, c->actor, tenant, out_json);
    case USER_CREATE:
      return lms_user_create(engine, c->actor, tenant, c->key, out_json);
    case USER_GET:
      return lms_user_get(engine, c->actor, tenant, c->key, out_json);
    case USER_UPDATE:
      return lms_user_update(engine, c->actor, tenant, c->key, c->input,
                             out_json);
    case USER_LIST:
      return lms_user_list(engine, c->actor, tenant, c->key, out_json);
    case SYNC_CSV:
      return lms_user_sync(engine, c->actor, tenant, "csv", data, len, c->key,
                           out_json);
    case SYNC_JSONL:
      return lms_user_sync(engine, c->actor, tenant, "jsonl", data, len, c->key,
                           out_json);
    case ORGUNIT_CREATE:
      return lms_orgunit_create(engine, c->actor, tenant, c->key, out_json);
    case ORGUNIT_MOVE:
      return lms_orgunit_move(engine, c->actor, tenant, c->key, c->input,
                              out_json);
    case ORGUNIT_LIST:
      return lms_orgunit_list(engine, c->actor, tenant, c->key, out_json);
    case COURSE_CREATE:
      return lms_course_create(engine, c->actor, tenant, c->key, out_json);
    case COURSE_UPDATE:
      return lms_course_update(engine, c->actor, tenant, c->key, c->input,
                               out_json);
    case COURSE_PUBLISH:
      return lms_course_publish(engine, c->actor, tenant, c->key, out_json);
    case COURSE_LIST:
      return lms_course_list(engine, c->actor, tenant, c->key, out_json);
    case EVENT_LIST:
      return lms_event_list(engine, c->actor, tenant, 0,
                            c->tenant == MISSING ? 10 : 0, out_json);
    case ENGINE_OPEN:
      return lms_engine_open(NULL, c->key,
                             (c->flags & NULL_OUT) ? NULL : opened);
    case ROLE_CREATE:
      return lms_role_create(engine, c->actor, tenant, c->key, out_json);
    case ROLE_UPDATE:
      return lms_role_update(engine, c->actor, tenant, c->key, c->input,
                             out_json);
    case ROLE_GET:
      return lms_role_get(engine, c->actor, tenant, c->key, out_json);
    case ROLE_LIST:
      return lms_role_list(engine, c->actor, tenant, out_json);
    case ROLE_ASSIGN:
      return lms_role_assign(engine, c->actor, tenant, c->key, out_json);
    case ROLE_UNASSIGN:
      return lms_role_unassign(engine, c->actor, tenant, assignment);
    case ASSIGNMENT_LIST:
      return lms_assignment_list(engine, c->actor, tenant, c->key, out_json);
    case OVERRIDE_SET:
      return lms_override_set(engine, c->actor, tenant, c->key);
    case OVERRIDE_CLEAR:
      return lms_override_clear(engine, c->actor, tenant, c->key);
    case OVERRIDE_LIST:
      return lms_override_list(engine, c->actor, tenant, out_json);
    case CHECK_CALL:
      return lms_check(engine, c->actor, tenant, c->key, kind, resource_key,
                       (c->flags & NULL_OUT) ? NULL : allowed);
    case EXPLAIN:
      return lms_explain(engine, c->actor, tenant, c->key, kind, resource_key,
                         out_json);
    case VISIBLE:
      return lms_visible(engine, c->actor, tenant, c->key, c->input, out_json);
    case ENROL_CREATE:
      return lms_enrolment_create(
          engine, c->actor, tenant, c->key, c->input,
          (c->flags & PAST_DUE) ? DEFAULT_START_MS - 1 : 0,
          (c->flags & NULL_OUT) ? NULL : enrolment_id);
    case ENROL_CREATE_JSON:
      return lms_enrolment_create_json(engine, c->actor, tenant, c->key,
                                       out_json);
    case ENROL_SELF:
      return lms_enrolment_self(engine, c->actor, tenant, c->key, out_json);
    case ENROL_BATCH:
      return lms_enrolment_create_batch(engine, c->actor, tenant, c->key,
                                        out_json);
    case ENROL_WITHDRAW:
      return lms_enrolment_withdraw(engine, c->actor, tenant,
                                    enrolment_of(f, c->key), out_json);
    case ENROL_GET:
      return lms_enrolment_get(engine, c->actor, tenant,
                               enrolment_of(f, c->key), out_json);
    case ENROL_LIST:
      return lms_enrolment_list(engine, c->actor, tenant, c->key, out_json);
    case PROGRESS_RECORD:
      return lms_progress_record(engine, c->actor, tenant, c->key, out_json);
    case PROGRESS_GET:
      return lms_progress_get(engine, c->actor, tenant, enrolment_of(f, c->key),
                              out_json);
  }
  return LMS_E_USER; /* Unreachable: every call is handled above. */
}

static void run_table(const char* location, const char* options) {
  static char sentinel;
  struct fixture f = make_fixture(location, options);
  size_t i;
  for (i = 0; i < sizeof kCases / sizeof kCases[0]; ++i) {
    const struct bad_case* c = &kCases[i];
    char* before = snapshot(&f);
    char* after;
    char* out = &sentinel;
    lms_engine* opened = (lms_engine*)&sentinel;
    int allowed = -1;
    int64_t enrolment_id = -1;
    const lms_status status =
        run_case(&f, c, &out, &opened, &allowed, &enrolment_id);
    if (status != c->status || strstr(lms_last_error(), c->part) == NULL) {
      fprintf(stderr,
              "case \"%s\" (%s): returned %s (%s), expected %s with a "
              "message containing \"%s\"\n",
              c->name, location ? location : "memory", lms_status_name(status),
              lms_last_error(), lms_status_name(c->status), c->part);
      CHECK(0);
    }
    /* A failure resets the out-parameter it was given. */
    if (!(c->flags & NULL_OUT)) {
      switch (c->call) {
        case ENGINE_OPEN:
          CHECK(opened == NULL);
          break;
        case CHECK_CALL:
          CHECK(allowed == 0);
          break;
        case ENROL_CREATE:
          CHECK(enrolment_id == 0);
          break;
        case ROLE_UNASSIGN:
        case OVERRIDE_SET:
        case OVERRIDE_CLEAR:
          break; /* no out-parameter */
        default:
          CHECK(out == NULL);
      }
    }
    after = snapshot(&f);
    if (strcmp(before, after) != 0) {
      fprintf(stderr, "case \"%s\" changed the database:\n%s\nbecame\n%s\n",
              c->name, before, after);
      CHECK(0);
    }
    free(before);
    free(after);
  }
  lms_engine_destroy(f.engine);
}

/* Keys and values that mean something to SQL are stored and found as the
 * plain text they are. */
static void test_sql_metacharacters(const char* location, const char* options) {
  struct fixture f = make_fixture(location, options);
  char* out = NULL;
  int64_t enrolment = 0;
  add(lms_orgunit_create(f.engine, SYS, f.own,
                         "{\"key\":\"x'); DROP TABLE org_units;--\","
                         "\"name\":\"%_\\\\ OR 1=1\"}",
                         &out),
      &out);
  add(lms_user_create(
          f.engine, SYS, f.own,
          "{\"key\":\"o'brien\\\"; DELETE FROM users;--\","
          "\"display_name\":\"Robert'); DROP TABLE users;--\","
          "\"email\":\"a%b_c@x.test\","
          "\"org_unit\":\"x'); DROP TABLE org_units;--\","
          "\"attributes\":{\"dept\":\"%\",\"note\":\"' OR '1'='1\"}}",
          &out),
      &out);

  CHECK_OK(lms_user_get(f.engine, SYS, f.own, "o'brien\"; DELETE FROM users;--",
                        &out));
  CHECK_CONTAINS(out, "\"key\":\"o'brien\\\"; DELETE FROM users;--\"");
  CHECK_CONTAINS(out, "\"display_name\":\"Robert'); DROP TABLE users;--\"");
  CHECK_CONTAINS(out, "\"email\":\"a%b_c@x.test\"");
  CHECK_CONTAINS(out, "\"note\":\"' OR '1'='1\"");
  lms_free(out);
  CHECK_OK(lms_orgunit_get(f.engine, SYS, f.own, "x'); DROP TABLE org_units;--",
                           &out));
  CHECK_CONTAINS(out, "\"name\":\"%_\\\\ OR 1=1\"");
  lms_free(out);

  /* Wildcards match only themselves. */
  CHECK_STATUS(LMS_E_NOT_FOUND, lms_user_get(f.engine, SYS, f.own, "%", &out));
  CHECK_STATUS(LMS_E_NOT_FOUND,
               lms_user_get(f.engine, SYS, f.own, "_lice", &out));
  CHECK_OK(lms_user_list(f.engine, SYS, f.own,
                         "{\"attributes\":{\"dept\":\"%\"}}", &out));
  CHECK(count_of(out, "\"key\":") == 1);
  CHECK_CONTAINS(out, "o'brien");
  lms_free(out);
  CHECK_OK(lms_user_list(f.engine, SYS, f.own,
                         "{\"attributes\":{\"note\":\"' OR '1'='1\"}}", &out));
  CHECK(count_of(out, "\"key\":") == 1);
  lms_free(out);
  /* Every key sorts after "'": alice, bob, gone and o'brien. */
  CHECK_OK(
      lms_user_list(f.engine, SYS, f.own, "{\"after\":\"' OR 1=1 --\"}", &out));
  CHECK(count_of(out, "\"key\":") == 4);
  lms_free(out);
  CHECK_OK(lms_user_list(f.engine, SYS, f.own,
                         "{\"org_unit\":\"x'); DROP TABLE org_units;--\"}",
                         &out));
  CHECK(count_of(out, "\"key\":") == 1);
  lms_free(out);

  /* Roles and assignments too. */
  add(lms_role_create(f.engine, SYS, f.own,
                      "{\"key\":\"r'); DROP TABLE roles;--\","
                      "\"name\":\"%' OR 1=1\"}",
                      &out),
      &out);
  add(lms_role_assign(f.engine, SYS, f.own,
                      "{\"user_key\":\"o'brien\\\"; DELETE FROM users;--\","
                      "\"role_key\":\"r'); DROP TABLE roles;--\"}",
                      &out),
      &out);
  CHECK_OK(
      lms_role_get(f.engine, SYS, f.own, "r'); DROP TABLE roles;--", &out));
  CHECK_CONTAINS(out, "\"name\":\"%' OR 1=1\"");
  lms_free(out);
  CHECK_STATUS(LMS_E_NOT_FOUND, lms_role_get(f.engine, SYS, f.own, "%", &out));
  CHECK_OK(lms_assignment_list(f.engine, SYS, f.own,
                               "{\"role_key\":\"r'); DROP TABLE roles;--\"}",
                               &out));
  CHECK(count_of(out, "\"user_key\":") == 1);
  lms_free(out);

  /* Enrolments and progress too. */
  add(lms_course_create(f.engine, SYS, f.own,
                        "{\"key\":\"c'); DROP TABLE enrolments;--\","
                        "\"title\":\"%\",\"activities\":[{\"key\":"
                        "\"a' OR '1'='1\",\"kind\":\"lesson\","
                        "\"title\":\"_\"}]}",
                        &out),
      &out);
  add(lms_course_publish(f.engine, SYS, f.own, "c'); DROP TABLE enrolments;--",
                         &out),
      &out);
  CHECK_OK(lms_enrolment_create(
      f.engine, SYS, f.own, "o'brien\"; DELETE FROM users;--",
      "c'); DROP TABLE enrolments;--", 0, &enrolment));
  CHECK_OK(lms_enrolment_get(f.engine, SYS, f.own, enrolment, &out));
  CHECK_CONTAINS(out, "\"course_key\":\"c'); DROP TABLE enrolments;--\"");
  CHECK_CONTAINS(out, "\"user_key\":\"o'brien\\\"; DELETE FROM users;--\"");
  lms_free(out);
  CHECK_OK(lms_enrolment_list(
      f.engine, SYS, f.own,
      "{\"user_key\":\"o'brien\\\"; DELETE FROM users;--\"}", &out));
  CHECK(count_of(out, "\"cycle\":") == 1);
  lms_free(out);
  CHECK_OK(
      lms_enrolment_list(f.engine, SYS, f.own, "{\"course_key\":\"%\"}", &out));
  CHECK_STR_EQ(out, "{\"enrolments\":[],\"next_after\":0}");
  lms_free(out);
  CHECK_OK(lms_enrolment_list(f.engine, SYS, f.own,
                              "{\"user_key\":\"' OR '1'='1\"}", &out));
  CHECK_STR_EQ(out, "{\"enrolments\":[],\"next_after\":0}");
  lms_free(out);
  add(lms_progress_record(
          f.engine, SYS, f.own,
          "{\"user_key\":\"o'brien\\\"; DELETE FROM users;--\","
          "\"course_key\":\"c'); DROP TABLE enrolments;--\","
          "\"activity_key\":\"a' OR '1'='1\",\"completed\":true}",
          &out),
      &out);
  CHECK_OK(lms_progress_get(f.engine, SYS, f.own, enrolment, &out));
  CHECK(count_of(out, "\"activity_key\":\"a' OR '1'='1\"") == 1);
  lms_free(out);
  CHECK_OK(lms_enrolment_get(f.engine, SYS, f.own, enrolment, &out));
  CHECK_CONTAINS(out, "\"status\":\"completed\"");
  lms_free(out);
  /* alice's enrolment in safety is untouched. */
  CHECK_OK(lms_enrolment_get(f.engine, SYS, f.own, f.enrolment, &out));
  CHECK_CONTAINS(out, "\"status\":\"enrolled\"");
  lms_free(out);

  /* Every table is still there. */
  CHECK_OK(lms_user_get(f.engine, SYS, f.own, "alice", &out));
  lms_free(out);
  CHECK_OK(lms_orgunit_list(f.engine, SYS, f.own, "", &out));
  CHECK(count_of(out, "\"key\":") == 4);
  lms_free(out);
  lms_engine_destroy(f.engine);
}

int main(void) {
  make_inputs();
  run_table(":memory:", "{\"clock\":\"manual\"}");
  run_table(NULL, "{\"backend\":\"memory\",\"clock\":\"manual\"}");
  test_sql_metacharacters(":memory:", "{\"clock\":\"manual\"}");
  test_sql_metacharacters(NULL,
                          "{\"backend\":\"memory\",\"clock\":\"manual\"}");
  printf("bad_input_test: %zu cases on 2 backends ok\n",
         sizeof kCases / sizeof kCases[0]);
  return EXIT_SUCCESS;
}
