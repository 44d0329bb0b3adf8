// SPDX-License-Identifier: Apache-2.0
//
// Tests of the persisted names of the access-control enums (lms/permission.hpp,
// lms/access.hpp): the exact catalogue, round trips, and the errors for
// unknown names and corrupt values.

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "lms/access.hpp"
#include "lms/error.hpp"
#include "lms/permission.hpp"

namespace lms {
namespace {

Error CaptureError(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "no lms::Error thrown";
  return Error(ErrorCode::internal, "no error");
}

TEST(AccessEnumNamesTest, PermissionCatalogueInEnumOrder) {
  std::vector<std::string> names;
  for (const Permission p : all_permissions()) {
    EXPECT_EQ(static_cast<std::size_t>(p), names.size());
    names.emplace_back(to_string(p));
  }
  EXPECT_EQ(names,
            (std::vector<std::string>{
                "tenant.manage",    "user.view",      "user.manage",
                "orgunit.view",     "orgunit.manage", "course.view",
                "course.author",    "course.publish", "enrolment.view",
                "enrolment.manage", "enrolment.self", "progress.view",
                "progress.record",  "attempt.take",   "attempt.grade",
                "grade.override",   "report.view",    "role.manage",
                "role.assign",      "audit.view",     "events.consume"}));
  EXPECT_EQ(names.size(), kPermissionCount);
}

TEST(AccessEnumNamesTest, PermissionNamesRoundTrip) {
  for (const Permission p : all_permissions()) {
    EXPECT_EQ(parse_permission(to_string(p), "permission"), p);
  }
}

TEST(AccessEnumNamesTest, UnknownPermissionNamesTheField) {
  for (const char* bad : {"user.fly", "User.View", "user_view", ""}) {
    const Error e = CaptureError([&] { parse_permission(bad, "permission"); });
    EXPECT_EQ(e.code(), ErrorCode::invalid_argument);
    EXPECT_EQ(std::string{e.what()},
              "permission: unknown permission, got '" + std::string{bad} + "'");
  }
}

TEST(AccessEnumNamesTest, ScopeKindNamesRoundTrip) {
  const std::vector<std::pair<ScopeKind, std::string>> names{
      {ScopeKind::tenant, "tenant"},
      {ScopeKind::org_unit, "org_unit"},
      {ScopeKind::course, "course"}};
  for (const auto& [kind, name] : names) {
    EXPECT_EQ(to_string(kind), name);
    EXPECT_EQ(parse_scope_kind(name, "kind"), kind);
  }
  const Error e = CaptureError([] { parse_scope_kind("user", "scope.kind"); });
  EXPECT_EQ(e.code(), ErrorCode::invalid_argument);
  EXPECT_STREQ(e.what(), "scope.kind: unknown scope kind, got 'user'");
}

TEST(AccessEnumNamesTest, PermissionValueNamesRoundTrip) {
  const std::vector<std::pair<PermissionValue, std::string>> names{
      {PermissionValue::allow, "allow"},
      {PermissionValue::prevent, "prevent"},
      {PermissionValue::prohibit, "prohibit"}};
  for (const auto& [value, name] : names) {
    EXPECT_EQ(to_string(value), name);
    EXPECT_EQ(parse_permission_value(name, "value"), value);
  }
  const Error e = CaptureError([] { parse_permission_value("deny", "value"); });
  EXPECT_STREQ(e.what(), "value: unknown permission value, got 'deny'");
}

TEST(AccessEnumNamesTest, ResourceKindNamesRoundTrip) {
  const std::vector<std::pair<ResourceKind, std::string>> names{
      {ResourceKind::tenant, "tenant"},
      {ResourceKind::user, "user"},
      {ResourceKind::org_unit, "org_unit"},
      {ResourceKind::course, "course"}};
  for (const auto& [kind, name] : names) {
    EXPECT_EQ(to_string(kind), name);
    EXPECT_EQ(parse_resource_kind(name, "kind"), kind);
  }
  const Error e = CaptureError([] { parse_resource_kind("role", "kind"); });
  EXPECT_STREQ(e.what(), "kind: unknown resource kind, got 'role'");
}

TEST(AccessEnumNamesTest, GrantSourceNames) {
  EXPECT_EQ(to_string(GrantSource::assignment), "assignment");
  EXPECT_EQ(to_string(GrantSource::self), "self");
  EXPECT_EQ(to_string(GrantSource::manager), "manager");
}

TEST(AccessEnumNamesTest, CorruptValuesAreInternalErrors) {
  const Error e = CaptureError(
      [] { to_string(static_cast<Permission>(kPermissionCount)); });
  EXPECT_EQ(e.code(), ErrorCode::internal);
  EXPECT_STREQ(e.what(), "invalid Permission 21");
  EXPECT_EQ(
      CaptureError([] { to_string(static_cast<PermissionValue>(3)); }).code(),
      ErrorCode::internal);
}

}  // namespace
}  // namespace lms
