// SPDX-License-Identifier: Apache-2.0
//
// Content validation of every input the engine accepts, whichever surface
// (C++, C ABI, Python) it came through: UTF-8, lengths, characters, value
// ranges and the structural rules of a record that need no storage. Each
// check throws Error{invalid_argument} (or limit_exceeded for a count)
// through throw_field_error, so the message starts with the field's name.
// The services check existence and state; the rules here live nowhere else.
// Pure functions; thread-safe.

#pragma once

#include <cstddef>
#include <map>
#include <string_view>

#include "lms/access.hpp"
#include "lms/course.hpp"
#include "lms/enrolment.hpp"
#include "lms/org_unit.hpp"
#include "lms/progress.hpp"
#include "lms/tenant.hpp"
#include "lms/time.hpp"
#include "lms/user.hpp"
#include "lms/user_sync.hpp"

namespace lms::detail {

// True when `text` is well-formed UTF-8: no overlong forms, no surrogates,
// nothing above U+10FFFF.
bool is_valid_utf8(std::string_view text);

// A key of a tenant, user, org unit, course or activity: 1..kKeyBytes bytes
// of UTF-8, no control characters, not starting with '@'.
void validate_key(std::string_view field, std::string_view value);
// A reference to a key that may be empty ("none").
void validate_optional_key(std::string_view field, std::string_view value);
// A name or title: 1..kNameBytes bytes of UTF-8, no control characters.
void validate_name(std::string_view field, std::string_view value);
// At most `max` entries in the list `field`: Error{limit_exceeded}.
void validate_count(std::string_view field, std::size_t count, std::size_t max);
// A time the text form can hold: years 1900..9999.
void validate_timestamp(std::string_view field, Timestamp value);
// A page size: 1..kPageSize.
void validate_page_limit(std::string_view field, std::size_t limit);

void validate_tenant_spec(const TenantSpec& spec);
// Every field of `record`, including that nobody is their own manager.
void validate_user_record(const UserRecord& record);
void validate_user_query(const UserQuery& query);
void validate_org_unit_spec(const OrgUnitSpec& spec);
// Every field of `spec`, including activity keys unique within the course,
// prerequisites without duplicates and without the course itself, an
// enrolment window that is not empty and a completion rule that the
// activities can meet.
void validate_course_spec(const CourseSpec& spec);
void validate_course_query(const CourseQuery& query);
void validate_sync_options(const SyncOptions& options);
// Keys and a source the caller may set (manual, import), each field named
// "<field>.user_key" ("user_key" when `field` is empty).
void validate_enrolment_spec(std::string_view field, const EnrolmentSpec& spec);
void validate_enrolment_query(const EnrolmentQuery& query);
// Keys, progress and score in 0..1, time spent in 0..kMaxTimeSpentMs.
void validate_progress_update(const ProgressUpdate& update);

// A permission of the catalogue (a C++ caller can cast any integer).
void validate_permission(std::string_view field, Permission permission);
// What a role says of each permission: allow or prohibit, never prevent
// (prevent is for overrides), as "<field>.<permission>: ...".
void validate_role_permissions(
    std::string_view field,
    const std::map<Permission, PermissionValue>& permissions);
void validate_role_spec(const RoleSpec& spec);
// The tenant scope has an empty key; an org unit or course scope a key.
void validate_scope(std::string_view field, const Scope& scope);
// Every field, and a validity window that is not empty.
void validate_assignment_spec(const AssignmentSpec& spec);
void validate_assignment_query(const AssignmentQuery& query);
void validate_override(const Override& override);
// The tenant resource has an empty key; any other a key.
void validate_resource(std::string_view field, const Resource& resource);

}  // namespace lms::detail
