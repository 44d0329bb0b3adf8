/* SPDX-License-Identifier: Apache-2.0
 *
 * The C ABI of LMS Engine: a stable interface for hosts written in C, Go,
 * C#, Rust or Java. It is a thin adapter over the C++ API (engine.hpp).
 *
 * Conventions:
 * - Every function returns lms_status: LMS_OK (0) or an error code. On
 *   failure every out_* parameter is set to NULL/0 and lms_last_error()
 *   gives the message, which names the field and the value at fault.
 *   Callers treat unknown non-zero codes as errors.
 * - Strings in are UTF-8, NUL-terminated and borrowed for the call.
 * - Results come out as JSON documents (char **out_json), NUL-terminated,
 *   owned by the caller and freed with lms_free().
 * - Every call names its actor: LMS_ACTOR_SYSTEM for the host acting on its
 *   own authority, or the key of a user of the tenant addressed.
 * - JSON inputs are strict: unknown fields, missing required fields and
 *   wrong types fail with LMS_E_INVALID naming the field.
 * - A failed call writes nothing.
 *
 * Thread safety: an lms_engine may be used from many threads at once.
 * lms_last_error() is per thread.
 *
 * Timestamps in JSON are "YYYY-MM-DDTHH:MM:SS.mmmZ" (UTC); dates
 * "YYYY-MM-DD".
 */

#ifndef LMS_LMS_H
#define LMS_LMS_H

#include <stddef.h>
#include <stdint.h>

#ifndef LMS_API
#if defined(_WIN32)
#define LMS_API
#else
#define LMS_API __attribute__((visibility("default")))
#endif
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* The library version. The build reads these lines: keep their form. */
#define LMS_VERSION_MAJOR 0
#define LMS_VERSION_MINOR 1
#define LMS_VERSION_PATCH 0
#define LMS_VERSION_STRING "0.1.0"
#define LMS_VERSION_NUMBER \
  (LMS_VERSION_MAJOR * 10000 + LMS_VERSION_MINOR * 100 + LMS_VERSION_PATCH)
/* The SONAME version: changes only when the ABI breaks. */
#define LMS_ABI_VERSION 0

/* The actor text of the engine's system principal. */
#define LMS_ACTOR_SYSTEM "@system"

typedef int32_t lms_status;

/* Status codes. Never renumbered or reused. 1..9 mirror lms::ErrorCode. */
#define LMS_OK 0
#define LMS_E_NOT_FOUND 1     /* no such record (or another tenant's) */
#define LMS_E_EXISTS 2        /* the key is taken */
#define LMS_E_INVALID 3       /* malformed or out-of-range input */
#define LMS_E_DENIED 4        /* the actor may not do this */
#define LMS_E_CONFLICT 5      /* contradicts the record's state */
#define LMS_E_LIMIT 6         /* a documented limit was hit */
#define LMS_E_STORAGE 7       /* the backend failed */
#define LMS_E_INTERNAL 8      /* a bug in the library */
#define LMS_E_NOT_SUPPORTED 9 /* the backend cannot do this */
#define LMS_E_NOMEM 100       /* out of memory */
#define LMS_E_MISUSE 101      /* NULL handle or pointer, wrong call order */
#define LMS_E_VERSION 102     /* incompatible version */
#define LMS_E_USER 103        /* reserved for errors raised by host code */

/* An engine. Create with lms_engine_open(), destroy with
 * lms_engine_destroy(). */
typedef struct lms_engine lms_engine;

/** @return the library's version text, e.g. "0.1.0". Static storage.
 *  @since 0.1 */
LMS_API const char* lms_version(void);

/** @return LMS_VERSION_NUMBER of the library actually loaded. @since 0.1 */
LMS_API uint32_t lms_version_number(void);

/** @return the static name of @p status ("LMS_E_NOT_FOUND"), or
 *  "LMS_E_UNKNOWN". @since 0.1 */
LMS_API const char* lms_status_name(lms_status status);

/** @return the message of the calling thread's last failed call; "" when
 *  there was none. Never NULL; owned by the library and valid until the
 *  thread's next lms_* call. @since 0.1 */
LMS_API const char* lms_last_error(void);

/** Frees a buffer the library returned. NULL is a no-op. @since 0.1 */
LMS_API void lms_free(void* buffer);

/* --- Engine ------------------------------------------------------------ */

/**
 * Opens an engine.
 *
 * @param location an SQLite file path (created when missing), ":memory:"
 *        for a private SQLite in-memory database; ignored (may be NULL) for
 *        the memory backend.
 * @param options_json NULL, or an object:
 *        {"backend"?: "sqlite" (default) | "memory",
 *         "clock"?: "system" (default) | "manual",
 *         "start"?: timestamp -- the manual clock's first reading
 *                   (default 2026-01-01T00:00:00.000Z),
 *         "access_cache_ttl_ms"?: integer >= 0 -- how long access checks
 *                   may be answered from what was read before (default:
 *                   until this engine changes it; 0 turns the cache off;
 *                   set it when other processes write the same database --
 *                   see EngineOptions::access_cache_ttl in engine.hpp)}
 * @param[out] out_engine the engine; destroy with lms_engine_destroy().
 * @return LMS_OK; LMS_E_INVALID for bad options; LMS_E_STORAGE when the
 *         database cannot be opened or has a newer schema; LMS_E_MISUSE
 *         for a NULL out_engine or a NULL location with the sqlite backend.
 * @since 0.1
 */
LMS_API lms_status lms_engine_open(const char* location,
                                   const char* options_json,
                                   lms_engine** out_engine);

/** Closes @p engine and frees it. NULL is a no-op. @since 0.1 */
LMS_API void lms_engine_destroy(lms_engine* engine);

/**
 * Sets the manual clock of @p engine to @p unix_ms.
 * @return LMS_OK; LMS_E_MISUSE when the engine runs on the system clock.
 * @since 0.1
 */
LMS_API lms_status lms_engine_set_time(lms_engine* engine, int64_t unix_ms);

/**
 * Reads the engine's clock.
 * @param[out] out_unix_ms milliseconds since 1970-01-01T00:00:00Z.
 * @since 0.1
 */
LMS_API lms_status lms_engine_now(lms_engine* engine, int64_t* out_unix_ms);

/* --- Tenants ------------------------------------------------------------ */

/* Tenant JSON (out): {"id": int, "key": string, "name": string,
 *                     "created_at": timestamp} */

/**
 * Creates a tenant. @p spec_json: {"key": string, "name": string}.
 * @param[out] out_json the tenant.
 * @return LMS_OK; LMS_E_EXISTS for a taken key; LMS_E_INVALID; LMS_E_DENIED
 *         unless @p actor is LMS_ACTOR_SYSTEM.
 * @since 0.1
 */
LMS_API lms_status lms_tenant_create(lms_engine* engine, const char* actor,
                                     const char* spec_json, char** out_json);

/** Gets tenant @p tenant_id. @return LMS_OK; LMS_E_NOT_FOUND. @since 0.1 */
LMS_API lms_status lms_tenant_get(lms_engine* engine, const char* actor,
                                  int64_t tenant_id, char** out_json);

/** Lists every tenant: {"tenants": [tenant...]}, by id. @since 0.1 */
LMS_API lms_status lms_tenant_list(lms_engine* engine, const char* actor,
                                   char** out_json);

/* --- Users -------------------------------------------------------------- */

/* User JSON (out): {"key", "display_name", "email", "org_unit",
 *   "manager_key": string ("" when unset), "hire_date": date | null,
 *   "attributes": {name: string | number | bool},
 *   "status": "active" | "suspended" | "deprovisioned",
 *   "created_at", "updated_at": timestamp}
 * User record JSON (in): the same without the timestamps; "key" and
 *   "display_name" required. Limits: keys 1..128 bytes, names 1..256,
 *   email ..254, 64 attributes of ..1024 bytes. */

/**
 * Creates a user in @p tenant_id from @p user_json (a user record).
 * @param[out] out_json the user.
 * @return LMS_OK; LMS_E_EXISTS; LMS_E_INVALID; LMS_E_NOT_FOUND for an
 *         unknown tenant or org unit; LMS_E_DENIED.
 * @since 0.1
 */
LMS_API lms_status lms_user_create(lms_engine* engine, const char* actor,
                                   int64_t tenant_id, const char* user_json,
                                   char** out_json);

/** Gets the user @p key. @return LMS_OK; LMS_E_NOT_FOUND. @since 0.1 */
LMS_API lms_status lms_user_get(lms_engine* engine, const char* actor,
                                int64_t tenant_id, const char* key,
                                char** out_json);

/**
 * Changes the fields @p patch_json names (any user field but "key";
 * "hire_date": null clears it; "attributes" replaces them all).
 * @param[out] out_json the user after the change.
 * @return LMS_OK; LMS_E_NOT_FOUND; LMS_E_INVALID; LMS_E_DENIED.
 * @since 0.1
 */
LMS_API lms_status lms_user_update(lms_engine* engine, const char* actor,
                                   int64_t tenant_id, const char* key,
                                   const char* patch_json, char** out_json);

/**
 * Lists one page of users, by key. @p query_json: NULL or
 * {"org_unit"?: key (its subtree), "status"?: string,
 *  "attributes"?: {name: value} (all equal), "after"?: key,
 *  "limit"?: 1..1000 (default 100)}.
 * @param[out] out_json {"users": [user...], "next_after": key ("" at the
 *             end)}.
 * @since 0.1
 */
LMS_API lms_status lms_user_list(lms_engine* engine, const char* actor,
                                 int64_t tenant_id, const char* query_json,
                                 char** out_json);

/**
 * Applies an HR batch as a diff (create new keys, update changed ones,
 * leave unchanged ones; in full mode apply the missing policy). All or
 * nothing.
 *
 * @param format "csv" (a header row, columns key, display_name, email,
 *        org_unit, manager_key, hire_date, status, attributes.<name>) or
 *        "jsonl" (one user record object per line).
 * @param data the document, @p data_len bytes (need not be NUL-terminated).
 * @param options_json NULL or {"mode"?: "incremental" | "full",
 *        "missing"?: "keep" | "suspend" | "deprovision", "dry_run"?: bool}.
 * @param[out] out_json {"created", "updated", "unchanged", "suspended",
 *             "deprovisioned": int}.
 * @return LMS_OK; LMS_E_INVALID naming the row and column (CSV) or line
 *         (JSON Lines) of the first bad record; LMS_E_LIMIT over 1,000,000
 *         records; LMS_E_NOT_FOUND for an unknown org unit; LMS_E_DENIED.
 * @since 0.1
 */
LMS_API lms_status lms_user_sync(lms_engine* engine, const char* actor,
                                 int64_t tenant_id, const char* format,
                                 const char* data, size_t data_len,
                                 const char* options_json, char** out_json);

/* --- Org units ---------------------------------------------------------- */

/* Org unit JSON: {"key", "name", "parent": string ("" for a root),
 *                 "created_at", "updated_at": timestamp (out only)} */

/** Creates an org unit from {"key", "name", "parent"?}. @return LMS_OK;
 *  LMS_E_EXISTS; LMS_E_NOT_FOUND for an unknown parent; LMS_E_INVALID.
 *  @since 0.1 */
LMS_API lms_status lms_orgunit_create(lms_engine* engine, const char* actor,
                                      int64_t tenant_id, const char* spec_json,
                                      char** out_json);

/** Gets the org unit @p key. @since 0.1 */
LMS_API lms_status lms_orgunit_get(lms_engine* engine, const char* actor,
                                   int64_t tenant_id, const char* key,
                                   char** out_json);

/** Moves @p key under @p new_parent ("" makes it a root). @return LMS_OK;
 *  LMS_E_INVALID when the move would make a cycle; LMS_E_NOT_FOUND.
 *  @since 0.1 */
LMS_API lms_status lms_orgunit_move(lms_engine* engine, const char* actor,
                                    int64_t tenant_id, const char* key,
                                    const char* new_parent, char** out_json);

/** Lists @p root ("" for all) and its subtree, parents first:
 *  {"org_units": [unit...]}. @since 0.1 */
LMS_API lms_status lms_orgunit_list(lms_engine* engine, const char* actor,
                                    int64_t tenant_id, const char* root,
                                    char** out_json);

/* --- Courses ------------------------------------------------------------ */

/* Course JSON: {"key", "title", "description": string,
 *   "activities": [{"key", "kind": "lesson" | "assessment" | "scorm" |
 *                   "xapi" | "external", "title", "required": bool}],
 *   "prerequisites": [course key], "recertification_days": int | null,
 *   "default_due_days": int | null,
 *   "due_from": "enrolment" | "hire_date" (what default_due_days counts
 *               from; default "enrolment"),
 *   "self_enrolment": bool (default false),
 *   "enrolment_opens", "enrolment_closes": timestamp | null (the window
 *               for new enrolments, [opens, closes)),
 *   "completion": {"required_count": int | null (null: every required
 *               activity), "min_score": 0..1 | null, "must_pass":
 *               [activity key]},
 *   "score_policy": "highest" (default) | "latest",
 *   "version": int, "status": "draft" | "published" | "archived",
 *   "created_at", "updated_at": timestamp}  (the last four out only) */

/** Creates a draft course at version 1. @return LMS_OK; LMS_E_EXISTS;
 *  LMS_E_NOT_FOUND for an unknown prerequisite; LMS_E_INVALID. @since 0.1 */
LMS_API lms_status lms_course_create(lms_engine* engine, const char* actor,
                                     int64_t tenant_id, const char* spec_json,
                                     char** out_json);

/** Gets the course @p key. @since 0.1 */
LMS_API lms_status lms_course_get(lms_engine* engine, const char* actor,
                                  int64_t tenant_id, const char* key,
                                  char** out_json);

/** Changes the fields @p patch_json names and bumps the version.
 *  @return LMS_OK; LMS_E_CONFLICT for an archived course; LMS_E_INVALID
 *  for a prerequisite cycle. @since 0.1 */
LMS_API lms_status lms_course_update(lms_engine* engine, const char* actor,
                                     int64_t tenant_id, const char* key,
                                     const char* patch_json, char** out_json);

/** draft -> published. @return LMS_E_CONFLICT from any other status.
 *  @since 0.1 */
LMS_API lms_status lms_course_publish(lms_engine* engine, const char* actor,
                                      int64_t tenant_id, const char* key,
                                      char** out_json);

/** draft or published -> archived. @return LMS_E_CONFLICT when archived.
 *  @since 0.1 */
LMS_API lms_status lms_course_archive(lms_engine* engine, const char* actor,
                                      int64_t tenant_id, const char* key,
                                      char** out_json);

/** Lists one page of courses: @p query_json NULL or {"status"?, "after"?,
 *  "limit"?}; out {"courses": [course...], "next_after": key}. @since 0.1 */
LMS_API lms_status lms_course_list(lms_engine* engine, const char* actor,
                                   int64_t tenant_id, const char* query_json,
                                   char** out_json);

/* --- Enrolments ---------------------------------------------------------- */

/* Permissions on an enrolment are checked at the course and at the user:
 * an instructor assigned at the course, a manager of the user, an
 * administrator of the user's unit, the learner for themselves.
 *
 * Enrolment JSON (out): {"id": int, "user_key", "course_key",
 *   "cycle": int (1 for the user's first enrolment in the course),
 *   "status": "locked" (waiting for prerequisites) | "enrolled" |
 *             "in_progress" | "completed" | "failed" | "withdrawn" |
 *             "expired",
 *   "source": "manual" | "self" | "import" | "audience" | "path",
 *   "source_key": string ("" unless an audience or path enrolled the user),
 *   "enrolled_at": timestamp, "due_at": timestamp | null,
 *   "completed_at": timestamp | null, "expires_at": timestamp | null,
 *   "score": number | null, "updated_at": timestamp}
 * Enrolment spec JSON (in): {"user_key", "course_key",
 *   "due_at"?: timestamp | null (absent or null: the course's default),
 *   "source"?: "manual" (default) | "import"} */

/**
 * Enrols @p user_key in @p course_key (source "manual"). Needs
 * enrolment.manage on the enrolment. The enrolment is "locked" while the
 * user has not completed every prerequisite of the course.
 *
 * @param due_at_ms the due date in milliseconds since
 *        1970-01-01T00:00:00Z, not before the engine's clock; 0 for the
 *        course's default (none when it has no default_due_days).
 * @param[out] out_enrolment_id the new enrolment's id; 0 on failure.
 * @return LMS_OK; LMS_E_NOT_FOUND for an unknown tenant, user or course;
 *         LMS_E_INVALID for a malformed key, a deprovisioned user or a due
 *         date in the past; LMS_E_CONFLICT for a course that is not
 *         published or outside its enrolment window; LMS_E_EXISTS when the
 *         user already has an active (locked, enrolled or in progress)
 *         enrolment in the course; LMS_E_DENIED; LMS_E_MISUSE for a NULL
 *         engine, actor, key or out_enrolment_id.
 * @since 0.2
 */
LMS_API lms_status lms_enrolment_create(lms_engine* engine, const char* actor,
                                        int64_t tenant_id, const char* user_key,
                                        const char* course_key,
                                        int64_t due_at_ms,
                                        int64_t* out_enrolment_id);

/**
 * Enrols from @p spec_json (an enrolment spec), which may also name the
 * source "import". As lms_enrolment_create otherwise.
 * @param[out] out_json the enrolment.
 * @return as lms_enrolment_create; LMS_E_INVALID also for malformed JSON,
 *         an unknown field or a source other than "manual" or "import".
 * @since 0.2
 */
LMS_API lms_status lms_enrolment_create_json(lms_engine* engine,
                                             const char* actor,
                                             int64_t tenant_id,
                                             const char* spec_json,
                                             char** out_json);

/**
 * The user @p actor enrols themselves in @p course_key (source "self").
 * Needs enrolment.self on their record and course.view on the course.
 * @param[out] out_json the enrolment.
 * @return LMS_OK; LMS_E_CONFLICT when the course does not allow
 *         self-enrolment (and as lms_enrolment_create); LMS_E_INVALID for
 *         LMS_ACTOR_SYSTEM, which has no record; LMS_E_NOT_FOUND;
 *         LMS_E_EXISTS; LMS_E_DENIED.
 * @since 0.2
 */
LMS_API lms_status lms_enrolment_self(lms_engine* engine, const char* actor,
                                      int64_t tenant_id, const char* course_key,
                                      char** out_json);

/**
 * Enrols every spec of @p specs_json (a JSON array of enrolment specs) as
 * lms_enrolment_create_json does, all or nothing. Requests for a user
 * already active in the course are counted, not refused.
 * @param[out] out_json {"enrolled": int (new enrolments),
 *             "already_enrolled": int}.
 * @return LMS_OK; the codes of lms_enrolment_create_json, the message
 *         naming the request ("enrolments[3].user_key"); LMS_E_LIMIT over
 *         1,000,000 specs.
 * @since 0.2
 */
LMS_API lms_status lms_enrolment_create_batch(lms_engine* engine,
                                              const char* actor,
                                              int64_t tenant_id,
                                              const char* specs_json,
                                              char** out_json);

/**
 * Takes the user of enrolment @p enrolment_id out of its course. Needs
 * enrolment.manage.
 * @param[out] out_json the enrolment, now "withdrawn".
 * @return LMS_OK; LMS_E_NOT_FOUND for an unknown id (or another tenant's);
 *         LMS_E_CONFLICT for a completed, withdrawn or expired enrolment;
 *         LMS_E_DENIED.
 * @since 0.2
 */
LMS_API lms_status lms_enrolment_withdraw(lms_engine* engine, const char* actor,
                                          int64_t tenant_id,
                                          int64_t enrolment_id,
                                          char** out_json);

/** Gets enrolment @p enrolment_id (needs enrolment.view). @return LMS_OK;
 *  LMS_E_NOT_FOUND for an unknown id (or another tenant's); LMS_E_DENIED.
 *  @since 0.2 */
LMS_API lms_status lms_enrolment_get(lms_engine* engine, const char* actor,
                                     int64_t tenant_id, int64_t enrolment_id,
                                     char** out_json);

/**
 * Lists one page of the enrolments @p actor may view, by id (every cycle,
 * past ones included). @p query_json: NULL or {"user_key"?,
 * "course_key"?, "status"?, "after"?: id, "limit"?: 1..1000 (default
 * 100)}.
 * @param[out] out_json {"enrolments": [enrolment...], "next_after": id (0
 *             on the last page)}.
 * @return LMS_OK; LMS_E_INVALID; LMS_E_NOT_FOUND for an unknown tenant.
 * @since 0.2
 */
LMS_API lms_status lms_enrolment_list(lms_engine* engine, const char* actor,
                                      int64_t tenant_id, const char* query_json,
                                      char** out_json);

/* --- Progress ------------------------------------------------------------ */

/* Progress JSON (out), one activity of one enrolment:
 *   {"enrolment_id": int, "activity_key",
 *    "state": "not_started" | "in_progress" | "completed",
 *    "progress": 0..1 (never falls), "score": number | null (by the
 *    course's score_policy), "passed": bool | null,
 *    "time_spent_ms": int (the sum of every report),
 *    "started_at": timestamp, "completed_at": timestamp | null (the first
 *    completion), "updated_at": timestamp} */

/**
 * Records a report of an activity on the user's current enrolment in the
 * course, and moves the enrolment on: started, then completed or failed by
 * the course's completion rule. A completion unlocks the user's enrolments
 * waiting for it. Recording is monotonic; an update that changes nothing
 * writes nothing. Needs progress.record on the enrolment.
 *
 * @param update_json {"user_key", "course_key", "activity_key",
 *        "progress"?: 0..1, "completed"?: bool, "score"?: 0..1,
 *        "passed"?: bool, "time_spent_ms"?: int 0..86400000 (added to the
 *        total)}.
 * @param[out] out_json {"activity": progress, "enrolment": enrolment}: the
 *             activity as now kept and the enrolment after the update.
 * @return LMS_OK; LMS_E_NOT_FOUND for an unknown course or activity or a
 *         user not enrolled in the course; LMS_E_CONFLICT when the
 *         enrolment is locked, withdrawn or expired; LMS_E_INVALID for
 *         malformed JSON, an unknown field, progress or score outside 0..1
 *         or a negative time; LMS_E_DENIED.
 * @since 0.2
 */
LMS_API lms_status lms_progress_record(lms_engine* engine, const char* actor,
                                       int64_t tenant_id,
                                       const char* update_json,
                                       char** out_json);

/**
 * What is kept of each activity of enrolment @p enrolment_id (needs
 * progress.view); activities without a report are absent.
 * @param[out] out_json {"activities": [progress...]}, by activity key.
 * @return LMS_OK; LMS_E_NOT_FOUND for an unknown id (or another tenant's);
 *         LMS_E_DENIED.
 * @since 0.2
 */
LMS_API lms_status lms_progress_get(lms_engine* engine, const char* actor,
                                    int64_t tenant_id, int64_t enrolment_id,
                                    char** out_json);

/* --- Access control ------------------------------------------------------ */

/* Permissions are named "tenant.manage", "user.view", ... (README.md,
 * "Access control", has the table). Scope JSON: {"kind": "tenant" |
 * "org_unit" | "course", "key": string ("" for the tenant)}. Resource kinds:
 * "tenant", "user", "org_unit", "course". */

/* Role JSON (out): {"key", "name", "permissions": {permission: "allow" |
 *   "prohibit"}, "builtin": bool, "created_at", "updated_at"} */

/** Creates a custom role from {"key", "name", "permissions"?}. Needs
 *  role.manage at the tenant and holding every permission it allows.
 *  @return LMS_OK; LMS_E_EXISTS; LMS_E_INVALID for an unknown permission
 *  name or value; LMS_E_DENIED. @since 0.2 */
LMS_API lms_status lms_role_create(lms_engine* engine, const char* actor,
                                   int64_t tenant_id, const char* spec_json,
                                   char** out_json);

/** Replaces the permissions of custom role @p key with @p permissions_json
 *  ({permission: "allow" | "prohibit"}). @return LMS_E_CONFLICT for a
 *  built-in role. @since 0.2 */
LMS_API lms_status lms_role_update(lms_engine* engine, const char* actor,
                                   int64_t tenant_id, const char* key,
                                   const char* permissions_json,
                                   char** out_json);

/** Gets role @p key (built-in or custom). @since 0.2 */
LMS_API lms_status lms_role_get(lms_engine* engine, const char* actor,
                                int64_t tenant_id, const char* key,
                                char** out_json);

/** Lists the roles: {"roles": [role...]}, built-in first. @since 0.2 */
LMS_API lms_status lms_role_list(lms_engine* engine, const char* actor,
                                 int64_t tenant_id, char** out_json);

/* Assignment JSON (out): {"id": int, "user_key", "role_key", "scope": scope,
 *   "valid_from": timestamp | null, "valid_until": timestamp | null,
 *   "created_at": timestamp} */

/**
 * Assigns a role: @p assignment_json {"user_key", "role_key", "scope"?
 * (default the tenant), "valid_from"?, "valid_until"?}. Needs role.assign
 * at the scope and holding there every permission the role allows.
 * @param[out] out_json the assignment.
 * @return LMS_OK; LMS_E_NOT_FOUND for an unknown user, role or scope;
 *         LMS_E_INVALID for a deprovisioned user or an empty window;
 *         LMS_E_DENIED.
 * @since 0.2
 */
LMS_API lms_status lms_role_assign(lms_engine* engine, const char* actor,
                                   int64_t tenant_id,
                                   const char* assignment_json,
                                   char** out_json);

/** Removes assignment @p assignment_id. @return LMS_OK; LMS_E_NOT_FOUND;
 *  LMS_E_DENIED. @since 0.2 */
LMS_API lms_status lms_role_unassign(lms_engine* engine, const char* actor,
                                     int64_t tenant_id, int64_t assignment_id);

/** Lists assignments: @p query_json NULL or {"user_key"?, "role_key"?,
 *  "scope"?}; out {"assignments": [assignment...]}. @since 0.2 */
LMS_API lms_status lms_assignment_list(lms_engine* engine, const char* actor,
                                       int64_t tenant_id,
                                       const char* query_json, char** out_json);

/** Sets an override, @p override_json {"role_key", "scope", "permission",
 *  "value": "allow" | "prevent" | "prohibit"}. Needs role.manage at the
 *  scope; allowing needs holding the permission there. @since 0.2 */
LMS_API lms_status lms_override_set(lms_engine* engine, const char* actor,
                                    int64_t tenant_id,
                                    const char* override_json);

/** Removes the override named by @p override_json {"role_key", "scope",
 *  "permission"}. @return LMS_OK; LMS_E_NOT_FOUND. @since 0.2 */
LMS_API lms_status lms_override_clear(lms_engine* engine, const char* actor,
                                      int64_t tenant_id,
                                      const char* override_json);

/** Lists every override: {"overrides": [override...]}. @since 0.2 */
LMS_API lms_status lms_override_list(lms_engine* engine, const char* actor,
                                     int64_t tenant_id, char** out_json);

/**
 * Whether @p subject may do @p permission on the resource (@p resource_kind,
 * @p resource_key; key "" for the tenant). The host asks on the subject's
 * behalf: no permission is needed to ask.
 * @param[out] out_allowed 1 when allowed, 0 when denied.
 * @return LMS_OK (also when denied); LMS_E_NOT_FOUND for an unknown tenant
 *         or resource; LMS_E_INVALID for an unknown permission or kind.
 * @since 0.2
 */
LMS_API lms_status lms_check(lms_engine* engine, const char* subject,
                             int64_t tenant_id, const char* permission,
                             const char* resource_kind,
                             const char* resource_key, int* out_allowed);

/**
 * lms_check with its reasons.
 * @param[out] out_json {"allowed": bool, "permission", "resource": {"kind",
 *   "key"}, "roles": [verdict], "prohibited_by": verdict | null,
 *   "reason": string}; a verdict is {"source": "assignment" | "self" |
 *   "manager", "assignment_id", "role_key", "assigned_at": scope,
 *   "decided_at": scope | null, "value": "allow" | "prevent" | "prohibit" |
 *   null}.
 * @since 0.2
 */
LMS_API lms_status lms_explain(lms_engine* engine, const char* subject,
                               int64_t tenant_id, const char* permission,
                               const char* resource_kind,
                               const char* resource_key, char** out_json);

/** The keys of every record of @p resource_kind ("user", "org_unit",
 *  "course") on which @p subject holds @p permission: {"keys": [key...]},
 *  ascending. @since 0.2 */
LMS_API lms_status lms_visible(lms_engine* engine, const char* subject,
                               int64_t tenant_id, const char* permission,
                               const char* resource_kind, char** out_json);

/* --- Events ------------------------------------------------------------- */

/**
 * Reads up to @p limit (1..1000) events of @p tenant_id with seq > @p after.
 * @param[out] out_json {"events": [{"seq": int, "tenant_id": int,
 *             "time": timestamp, "actor": string, "type": string,
 *             "subject": string, "payload": object}]}
 * @since 0.1
 */
LMS_API lms_status lms_event_list(lms_engine* engine, const char* actor,
                                  int64_t tenant_id, int64_t after,
                                  size_t limit, char** out_json);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* LMS_LMS_H */
