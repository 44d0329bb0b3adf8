// SPDX-License-Identifier: Apache-2.0
//
// The JSON type of the C++ API (nlohmann::json) and the JSON forms of the
// domain's value types: the shapes the C ABI publishes and the Python module
// builds on. Readers are strict: an unknown field, a missing required field
// or a value of the wrong type throws Error{invalid_argument} naming the
// field. Shape only: lengths and content are checked by the services, so a
// C++ caller gets the same checks without JSON. All functions are pure and
// thread-safe.

#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

#include "lms/export.hpp"

namespace lms {

using Json = nlohmann::json;

struct Tenant;
struct TenantSpec;
struct UserRecord;
struct User;
struct UserUpdate;
struct UserQuery;
struct UserPage;
struct OrgUnit;
struct OrgUnitSpec;
struct Activity;
struct CourseSpec;
struct Course;
struct CourseUpdate;
struct CourseQuery;
struct CoursePage;
struct CompletionRule;
struct EnrolmentSpec;
struct Enrolment;
struct EnrolmentQuery;
struct EnrolmentPage;
struct BulkEnrolResult;
struct ProgressUpdate;
struct ActivityProgress;
struct Event;
struct SyncOptions;
struct SyncResult;
struct Scope;
struct RoleSpec;
struct Role;
struct AssignmentSpec;
struct Assignment;
struct AssignmentQuery;
struct Override;
struct Resource;
struct Decision;
enum class Permission : std::int32_t;
enum class PermissionValue : std::int32_t;

// Parses `text` as one JSON document. Throws Error{invalid_argument} naming
// `what` and the byte offset when it is malformed or not valid UTF-8.
LMS_API Json parse_json(std::string_view text, std::string_view what);

LMS_API Json to_json(const Tenant& tenant);
LMS_API Json to_json(const User& user);
LMS_API Json to_json(const UserPage& page);
LMS_API Json to_json(const OrgUnit& unit);
LMS_API Json to_json(const Activity& activity);
// {"required_count": int | null, "min_score": number | null,
//  "must_pass": [activity key]}
LMS_API Json to_json(const CompletionRule& rule);
// {"key", "title", "description", "activities": [activity], "prerequisites",
//  "recertification_days": int | null, "default_due_days": int | null,
//  "due_from": "enrolment" | "hire_date", "self_enrolment": bool,
//  "enrolment_opens": timestamp | null, "enrolment_closes": timestamp | null,
//  "completion": completion rule, "score_policy": "highest" | "latest",
//  "version", "status", "created_at", "updated_at"}
LMS_API Json to_json(const Course& course);
LMS_API Json to_json(const CoursePage& page);
// {"id", "user_key", "course_key", "cycle", "status": "locked" | "enrolled"
//  | "in_progress" | "completed" | "failed" | "withdrawn" | "expired",
//  "source": "manual" | "self" | "import" | "audience" | "path",
//  "source_key", "enrolled_at", "due_at": timestamp | null, "completed_at":
//  timestamp | null, "expires_at": timestamp | null, "score": number | null,
//  "updated_at"}
LMS_API Json to_json(const Enrolment& enrolment);
// {"enrolments": [enrolment], "next_after": id (0 on the last page)}
LMS_API Json to_json(const EnrolmentPage& page);
// {"enrolled": int, "already_enrolled": int}
LMS_API Json to_json(const BulkEnrolResult& result);
// {"enrolment_id", "activity_key", "state": "not_started" | "in_progress" |
//  "completed", "progress": number, "score": number | null, "passed": bool |
//  null, "time_spent_ms": int, "started_at", "completed_at": timestamp |
//  null, "updated_at"}
LMS_API Json to_json(const ActivityProgress& progress);
LMS_API Json to_json(const Event& event);
LMS_API Json to_json(const SyncResult& result);
// {"kind": "tenant" | "org_unit" | "course", "key": string ("" for the
//  tenant)}
LMS_API Json to_json(const Scope& scope);
// {"key", "name", "permissions": {"user.view": "allow" | "prohibit", ...},
//  "builtin": bool, "created_at", "updated_at"}
LMS_API Json to_json(const Role& role);
// {"id", "user_key", "role_key", "scope": scope, "valid_from": timestamp |
//  null, "valid_until": timestamp | null, "created_at"}
LMS_API Json to_json(const Assignment& assignment);
// {"role_key", "scope": scope, "permission", "value": "allow" | "prevent" |
//  "prohibit"}
LMS_API Json to_json(const Override& override);
// {"kind": "tenant" | "user" | "org_unit" | "course", "key"}
LMS_API Json to_json(const Resource& resource);
// {"allowed": bool, "permission", "resource": resource, "roles": [verdict],
//  "prohibited_by": verdict | null, "reason": string}, where a verdict is
// {"source": "assignment" | "self" | "manager", "assignment_id": int,
//  "role_key", "assigned_at": scope, "decided_at": scope | null,
//  "value": "allow" | "prevent" | "prohibit" | null}
LMS_API Json to_json(const Decision& decision);

// {"key": string, "name": string}
LMS_API TenantSpec tenant_spec_from_json(const Json& j);
// {"key": string, "display_name": string, "email"?: string,
//  "org_unit"?: string, "manager_key"?: string, "hire_date"?: "YYYY-MM-DD",
//  "attributes"?: {name: string | number | bool}, "status"?: "active" |
//  "suspended" | "deprovisioned"}
LMS_API UserRecord user_record_from_json(const Json& j);
// Any subset of the user fields but "key"; "hire_date": null clears it.
LMS_API UserUpdate user_update_from_json(const Json& j);
// {"org_unit"?: string (subtree), "status"?: string, "attributes"?: {name:
//  value} (all equal), "after"?: string (key), "limit"?: 1..1000}
LMS_API UserQuery user_query_from_json(const Json& j);
// {"key": string, "name": string, "parent"?: string}
LMS_API OrgUnitSpec org_unit_spec_from_json(const Json& j);
// {"key": string, "title": string, "description"?: string,
//  "activities"?: [{"key", "kind": "lesson" | "assessment" | "scorm" | "xapi"
//  | "external", "title", "required"?: bool (default true)}],
//  "prerequisites"?: [course key], "recertification_days"?: int | null,
//  "default_due_days"?: int | null, "due_from"?: "enrolment" | "hire_date",
//  "self_enrolment"?: bool, "enrolment_opens"?: timestamp | null,
//  "enrolment_closes"?: timestamp | null, "completion"?: completion rule
//  (every field optional), "score_policy"?: "highest" | "latest"}
LMS_API CourseSpec course_spec_from_json(const Json& j);
// Any subset of the course fields but "key".
LMS_API CourseUpdate course_update_from_json(const Json& j);
// {"status"?: string, "after"?: string (key), "limit"?: 1..1000}
LMS_API CourseQuery course_query_from_json(const Json& j);
// The completion rule's fields, every one optional (see to_json).
LMS_API CompletionRule completion_rule_from_json(const Json& j);
// {"user_key", "course_key", "due_at"?: timestamp | null, "source"?:
//  "manual" | "import"}
LMS_API EnrolmentSpec enrolment_spec_from_json(const Json& j);
// [enrolment spec, ...], fields named "enrolments[i].user_key".
LMS_API std::vector<EnrolmentSpec> enrolment_specs_from_json(const Json& j);
// {"user_key"?, "course_key"?, "status"?, "after"?: id, "limit"?: 1..1000}
LMS_API EnrolmentQuery enrolment_query_from_json(const Json& j);
// {"user_key", "course_key", "activity_key", "progress"?: 0..1,
//  "completed"?: bool, "score"?: 0..1, "passed"?: bool, "time_spent_ms"?:
//  int >= 0}
LMS_API ProgressUpdate progress_update_from_json(const Json& j);
// {"mode"?: "incremental" | "full", "missing"?: "keep" | "suspend" |
//  "deprovision", "dry_run"?: bool}
LMS_API SyncOptions sync_options_from_json(const Json& j);
// {"kind", "key"?} (key required for org_unit and course)
LMS_API Scope scope_from_json(const Json& j);
// {"key", "name", "permissions"?: {permission: "allow" | "prohibit"}}
LMS_API RoleSpec role_spec_from_json(const Json& j);
// {permission: "allow" | "prohibit", ...}
LMS_API std::map<Permission, PermissionValue> role_permissions_from_json(
    const Json& j);
// {"user_key", "role_key", "scope"?: scope (default: the tenant),
//  "valid_from"?: timestamp | null, "valid_until"?: timestamp | null}
LMS_API AssignmentSpec assignment_spec_from_json(const Json& j);
// {"user_key"?, "role_key"?, "scope"?}
LMS_API AssignmentQuery assignment_query_from_json(const Json& j);
// {"role_key", "scope", "permission", "value"}
LMS_API Override override_from_json(const Json& j);
// {"kind", "key"?} (key required but for the tenant)
LMS_API Resource resource_from_json(const Json& j);

}  // namespace lms
