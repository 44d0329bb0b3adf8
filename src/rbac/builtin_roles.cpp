// SPDX-License-Identifier: Apache-2.0
//
// The built-in roles every tenant has, and their permissions: the one place
// they are defined (README.md's permission table is checked against it by a
// unit test). Built once, on first use, thread-safely; immutable after.

#include <algorithm>
#include <initializer_list>

#include "rbac/resolve.hpp"

namespace lms::rbac {
namespace {

RoleSpec allowing(std::string_view key, std::string_view name,
                  std::initializer_list<Permission> permissions) {
  RoleSpec role{std::string{key}, std::string{name}, {}};
  for (const Permission p : permissions) {
    role.permissions.emplace(p, PermissionValue::allow);
  }
  return role;
}

std::vector<RoleSpec> make_builtin_roles() {
  using P = Permission;
  // tenant.manage creates and lists tenants: it belongs to the host product
  // (the system actor) alone, never to anyone inside a tenant.
  RoleSpec tenant_admin{
      std::string{kRoleTenantAdmin}, "Tenant administrator", {}};
  for (const Permission p : all_permissions()) {
    if (p != P::tenant_manage) {
      tenant_admin.permissions.emplace(p, PermissionValue::allow);
    }
  }
  return {
      std::move(tenant_admin),
      allowing(kRoleAuthor, "Course author",
               {P::course_view, P::course_author, P::course_publish,
                P::orgunit_view}),
      allowing(kRoleInstructor, "Instructor",
               {P::user_view, P::course_view, P::enrolment_view,
                P::enrolment_manage, P::progress_view, P::progress_record,
                P::attempt_grade, P::grade_override, P::report_view}),
      allowing(
          kRoleManager, "Manager",
          {P::user_view, P::orgunit_view, P::course_view, P::enrolment_view,
           P::enrolment_manage, P::progress_view, P::report_view}),
      allowing(
          kRoleLearner, "Learner",
          {P::user_view, P::course_view, P::enrolment_view, P::enrolment_self,
           P::progress_view, P::progress_record, P::attempt_take}),
      allowing(
          kRoleAuditor, "Auditor",
          {P::user_view, P::orgunit_view, P::course_view, P::enrolment_view,
           P::progress_view, P::report_view, P::audit_view, P::events_consume}),
  };
}

}  // namespace

const std::vector<RoleSpec>& builtin_roles() {
  static const std::vector<RoleSpec> roles = make_builtin_roles();
  return roles;
}

bool is_builtin_role(std::string_view key) {
  return std::ranges::any_of(
      builtin_roles(), [key](const RoleSpec& role) { return role.key == key; });
}

}  // namespace lms::rbac
