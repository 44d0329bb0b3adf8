// SPDX-License-Identifier: Apache-2.0
//
// Tests of the JSON forms of the access-control types (lms/json.hpp): the
// published output shapes of scopes, roles, assignments, overrides,
// resources and decisions, round trips, and the strict readers' errors.

#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "lms/access.hpp"
#include "lms/error.hpp"
#include "lms/json.hpp"

namespace lms {
namespace {

using PV = PermissionValue;

Error CaptureError(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "no lms::Error thrown";
  return Error(ErrorCode::internal, "no error");
}

const Timestamp kCreated = from_unix_ms(1'767'225'600'000);  // 2026-01-01
const Timestamp kUpdated = from_unix_ms(1'767'225'600'123);

TEST(AccessCodecTest, WritesTheScopeShape) {
  EXPECT_EQ(to_json(Scope::tenant()),
            Json::parse(R"({"kind": "tenant", "key": ""})"));
  EXPECT_EQ(to_json(Scope::org_unit("eng")),
            Json::parse(R"({"kind": "org_unit", "key": "eng"})"));
  EXPECT_EQ(to_json(Scope::course("c1")),
            Json::parse(R"({"kind": "course", "key": "c1"})"));
}

TEST(AccessCodecTest, WritesTheRoleShape) {
  Role role;
  role.key = "team_lead";
  role.name = "Team lead";
  role.permissions = {{Permission::report_view, PV::allow},
                      {Permission::audit_view, PV::prohibit}};
  role.created_at = kCreated;
  role.updated_at = kUpdated;
  EXPECT_EQ(to_json(role), Json::parse(R"({"key": "team_lead",
      "name": "Team lead",
      "permissions": {"report.view": "allow", "audit.view": "prohibit"},
      "builtin": false,
      "created_at": "2026-01-01T00:00:00.000Z",
      "updated_at": "2026-01-01T00:00:00.123Z"})"));
}

TEST(AccessCodecTest, WritesTheAssignmentShape) {
  Assignment a;
  a.id = 42;
  a.user_key = "E1";
  a.role_key = "instructor";
  a.scope = Scope::course("c1");
  a.valid_from = kCreated;
  a.created_at = kUpdated;
  EXPECT_EQ(to_json(a), Json::parse(R"({"id": 42, "user_key": "E1",
      "role_key": "instructor", "scope": {"kind": "course", "key": "c1"},
      "valid_from": "2026-01-01T00:00:00.000Z", "valid_until": null,
      "created_at": "2026-01-01T00:00:00.123Z"})"));
}

TEST(AccessCodecTest, WritesTheOverrideShape) {
  const Override o{"learner", Scope::org_unit("eng"), Permission::report_view,
                   PV::prevent};
  EXPECT_EQ(to_json(o), Json::parse(R"({"role_key": "learner",
      "scope": {"kind": "org_unit", "key": "eng"},
      "permission": "report.view", "value": "prevent"})"));
}

TEST(AccessCodecTest, WritesTheResourceShape) {
  EXPECT_EQ(to_json(Resource::user("E2")),
            Json::parse(R"({"kind": "user", "key": "E2"})"));
  EXPECT_EQ(to_json(Resource::tenant()),
            Json::parse(R"({"kind": "tenant", "key": ""})"));
}

TEST(AccessCodecTest, WritesTheDecisionShape) {
  Decision d;
  d.allowed = false;
  d.permission = Permission::report_view;
  d.resource = Resource::org_unit("eng");
  d.roles = {{GrantSource::assignment, 3, "learner", Scope::tenant(),
              Scope::org_unit("eng"), PV::prohibit},
             {GrantSource::manager, 0, "manager", Scope::tenant(), std::nullopt,
              std::nullopt}};
  d.prohibited_by = d.roles[0];
  d.reason = "denied: ...";
  EXPECT_EQ(to_json(d), Json::parse(R"({"allowed": false,
      "permission": "report.view",
      "resource": {"kind": "org_unit", "key": "eng"},
      "roles": [
        {"source": "assignment", "assignment_id": 3, "role_key": "learner",
         "assigned_at": {"kind": "tenant", "key": ""},
         "decided_at": {"kind": "org_unit", "key": "eng"},
         "value": "prohibit"},
        {"source": "manager", "assignment_id": 0, "role_key": "manager",
         "assigned_at": {"kind": "tenant", "key": ""},
         "decided_at": null, "value": null}],
      "prohibited_by":
        {"source": "assignment", "assignment_id": 3, "role_key": "learner",
         "assigned_at": {"kind": "tenant", "key": ""},
         "decided_at": {"kind": "org_unit", "key": "eng"},
         "value": "prohibit"},
      "reason": "denied: ..."})"));
}

TEST(AccessCodecTest, WritesNoProhibitAsNull) {
  const Decision d;
  EXPECT_TRUE(to_json(d)["prohibited_by"].is_null());
  EXPECT_EQ(to_json(d)["roles"], Json::array());
}

TEST(AccessCodecTest, ScopesRoundTrip) {
  for (const Scope& s :
       {Scope::tenant(), Scope::org_unit("eng"), Scope::course("c1")}) {
    EXPECT_EQ(scope_from_json(to_json(s)), s);
  }
  EXPECT_EQ(scope_from_json(Json::parse(R"({"kind": "tenant"})")),
            Scope::tenant());
}

TEST(AccessCodecTest, ResourcesRoundTrip) {
  for (const Resource& r :
       {Resource::tenant(), Resource::user("E1"), Resource::org_unit("eng"),
        Resource::course("c1")}) {
    EXPECT_EQ(resource_from_json(to_json(r)), r);
  }
  EXPECT_EQ(resource_from_json(Json::parse(R"({"kind": "tenant"})")),
            Resource::tenant());
}

TEST(AccessCodecTest, ReadsARoleSpec) {
  const RoleSpec spec = role_spec_from_json(Json::parse(R"({"key": "lead",
      "name": "Lead", "permissions": {"report.view": "allow",
                                      "audit.view": "prohibit"}})"));
  EXPECT_EQ(spec, (RoleSpec{"lead",
                            "Lead",
                            {{Permission::report_view, PV::allow},
                             {Permission::audit_view, PV::prohibit}}}));
  EXPECT_TRUE(role_spec_from_json(Json::parse(R"({"key": "k", "name": "K"})"))
                  .permissions.empty());
}

TEST(AccessCodecTest, RoleSpecRoundTripsThroughTheRoleShape) {
  Role role;
  role.key = "lead";
  role.name = "Lead";
  role.permissions = {{Permission::user_view, PV::allow}};
  Json j = to_json(role);
  for (const char* out_only : {"builtin", "created_at", "updated_at"}) {
    j.erase(out_only);
  }
  EXPECT_EQ(role_spec_from_json(j), static_cast<const RoleSpec&>(role));
}

TEST(AccessCodecTest, ReadsRolePermissions) {
  EXPECT_EQ(
      role_permissions_from_json(
          Json::parse(R"({"user.view": "allow", "role.assign":
                                "prohibit"})")),
      (std::map<Permission, PV>{{Permission::user_view, PV::allow},
                                {Permission::role_assign, PV::prohibit}}));
  EXPECT_TRUE(role_permissions_from_json(Json::object()).empty());
}

TEST(AccessCodecTest, ReadsAnAssignmentSpec) {
  const AssignmentSpec spec = assignment_spec_from_json(Json::parse(R"({
      "user_key": "E1", "role_key": "instructor",
      "scope": {"kind": "course", "key": "c1"},
      "valid_from": "2026-01-01T00:00:00Z",
      "valid_until": "2026-01-01T00:00:00.123Z"})"));
  EXPECT_EQ(spec, (AssignmentSpec{"E1", "instructor", Scope::course("c1"),
                                  kCreated, kUpdated}));
}

TEST(AccessCodecTest, AssignmentSpecDefaultsToTheTenantAndNoDates) {
  const AssignmentSpec spec = assignment_spec_from_json(Json::parse(
      R"({"user_key": "E1", "role_key": "learner", "valid_from": null,
          "valid_until": null})"));
  EXPECT_EQ(spec, (AssignmentSpec{"E1", "learner", Scope::tenant(),
                                  std::nullopt, std::nullopt}));
}

TEST(AccessCodecTest, ReadsAssignmentQueries) {
  const AssignmentQuery empty = assignment_query_from_json(Json::object());
  EXPECT_FALSE(empty.user_key || empty.role_key || empty.scope);
  const AssignmentQuery q = assignment_query_from_json(Json::parse(
      R"({"user_key": "E1", "role_key": "author",
          "scope": {"kind": "org_unit", "key": "eng"}})"));
  EXPECT_EQ(q.user_key, "E1");
  EXPECT_EQ(q.role_key, "author");
  EXPECT_EQ(q.scope, Scope::org_unit("eng"));
}

TEST(AccessCodecTest, OverrideRoundTrips) {
  for (const PV value : {PV::allow, PV::prevent, PV::prohibit}) {
    const Override o{"learner", Scope::course("c1"), Permission::attempt_take,
                     value};
    EXPECT_EQ(override_from_json(to_json(o)), o);
  }
}

// One bad input of a reader and the exact message it must give.
struct BadInput {
  const char* name;
  std::function<void(const Json&)> read;
  const char* json;
  const char* message;
};

void PrintTo(const BadInput& b, std::ostream* os) { *os << b.name; }

class AccessCodecBadInputTest : public testing::TestWithParam<BadInput> {};

TEST_P(AccessCodecBadInputTest, IsRefusedNamingTheField) {
  const BadInput& b = GetParam();
  const Json j = Json::parse(b.json);
  const Error e = CaptureError([&] { b.read(j); });
  EXPECT_EQ(e.code(), ErrorCode::invalid_argument);
  EXPECT_STREQ(e.what(), b.message);
}

const auto kScope = [](const Json& j) { scope_from_json(j); };
const auto kResource = [](const Json& j) { resource_from_json(j); };
const auto kRole = [](const Json& j) { role_spec_from_json(j); };
const auto kPermissions = [](const Json& j) { role_permissions_from_json(j); };
const auto kAssignment = [](const Json& j) { assignment_spec_from_json(j); };
const auto kQuery = [](const Json& j) { assignment_query_from_json(j); };
const auto kOverride = [](const Json& j) { override_from_json(j); };

INSTANTIATE_TEST_SUITE_P(
    Readers, AccessCodecBadInputTest,
    testing::Values(
        BadInput{"ScopeNotObject", kScope, "\"tenant\"",
                 "scope: must be a JSON object"},
        BadInput{"ScopeMissingKind", kScope, R"({"key": "eng"})",
                 "scope.kind: is required"},
        BadInput{"ScopeKindNotString", kScope, R"({"kind": 1})",
                 "scope.kind: must be a string"},
        BadInput{"ScopeUnknownKind", kScope, R"({"kind": "user", "key": "E1"})",
                 "scope.kind: unknown scope kind, got 'user'"},
        BadInput{"ScopeUnknownField", kScope, R"({"kind": "tenant", "id": 1})",
                 "scope.id: unknown field"},
        BadInput{"ScopeOrgUnitWithoutKey", kScope, R"({"kind": "org_unit"})",
                 "scope.key: is required unless kind is tenant"},
        BadInput{"ScopeCourseWithoutKey", kScope, R"({"kind": "course"})",
                 "scope.key: is required unless kind is tenant"},
        BadInput{"ScopeCourseEmptyKey", kScope,
                 R"({"kind": "course", "key": ""})",
                 "scope.key: must not be empty"},
        BadInput{"ScopeTenantWithKey", kScope,
                 R"({"kind": "tenant", "key": "acme"})",
                 "scope.key: must be empty when kind is tenant, got 'acme'"},
        BadInput{"ScopeKeyNotString", kScope, R"({"kind": "course", "key": 7})",
                 "scope.key: must be a string"},
        BadInput{"ResourceNotObject", kResource, "[]",
                 "resource: must be a JSON object"},
        BadInput{"ResourceUnknownKind", kResource,
                 R"({"kind": "role", "key": "x"})",
                 "resource.kind: unknown resource kind, got 'role'"},
        BadInput{"ResourceUserWithoutKey", kResource, R"({"kind": "user"})",
                 "resource.key: is required unless kind is tenant"},
        BadInput{"ResourceTenantWithKey", kResource,
                 R"({"kind": "tenant", "key": "x"})",
                 "resource.key: must be empty when kind is tenant, got 'x'"},
        BadInput{"ResourceUnknownField", kResource,
                 R"({"kind": "user", "key": "E1", "tenant": 2})",
                 "resource.tenant: unknown field"},
        BadInput{"RoleNotObject", kRole, "[]", "role: must be a JSON object"},
        BadInput{"RoleMissingKey", kRole, R"({"name": "N"})",
                 "key: is required"},
        BadInput{"RoleMissingName", kRole, R"({"key": "k"})",
                 "name: is required"},
        BadInput{"RoleOutOnlyField", kRole,
                 R"({"key": "k", "name": "N", "builtin": true})",
                 "builtin: unknown field"},
        BadInput{"RolePermissionsNotObject", kRole,
                 R"({"key": "k", "name": "N", "permissions": ["user.view"]})",
                 "permissions: must be an object"},
        BadInput{"RoleUnknownPermission", kRole,
                 R"({"key": "k", "name": "N",
                     "permissions": {"user.fly": "allow"}})",
                 "permissions: unknown permission, got 'user.fly'"},
        BadInput{"RolePrevent", kRole,
                 R"({"key": "k", "name": "N",
                     "permissions": {"user.view": "prevent"}})",
                 "permissions.user.view: must be allow or prohibit"},
        BadInput{"RolePermissionNotString", kRole,
                 R"({"key": "k", "name": "N",
                     "permissions": {"user.view": true}})",
                 "permissions.user.view: must be allow or prohibit"},
        BadInput{"PermissionsNotObject", kPermissions, "\"user.view\"",
                 "permissions: must be a JSON object"},
        BadInput{"PermissionsBadValue", kPermissions,
                 R"({"report.view": "allowed"})",
                 "permissions.report.view: must be allow or prohibit"},
        BadInput{"PermissionsUnknown", kPermissions, R"({"report": "allow"})",
                 "permissions: unknown permission, got 'report'"},
        BadInput{"AssignmentNotObject", kAssignment, "1",
                 "assignment: must be a JSON object"},
        BadInput{"AssignmentMissingUser", kAssignment,
                 R"({"role_key": "learner"})", "user_key: is required"},
        BadInput{"AssignmentMissingRole", kAssignment, R"({"user_key": "E1"})",
                 "role_key: is required"},
        BadInput{"AssignmentOutOnlyField", kAssignment,
                 R"({"user_key": "E1", "role_key": "r", "id": 3})",
                 "id: unknown field"},
        BadInput{"AssignmentScopeNotObject", kAssignment,
                 R"({"user_key": "E1", "role_key": "r", "scope": "tenant"})",
                 "scope: must be an object"},
        BadInput{"AssignmentScopeWithoutKey", kAssignment,
                 R"({"user_key": "E1", "role_key": "r",
                     "scope": {"kind": "course"}})",
                 "scope.key: is required unless kind is tenant"},
        BadInput{"AssignmentScopeUnknownField", kAssignment,
                 R"({"user_key": "E1", "role_key": "r",
                     "scope": {"kind": "tenant", "depth": 1}})",
                 "scope.depth: unknown field"},
        BadInput{"AssignmentBadValidFrom", kAssignment,
                 R"({"user_key": "E1", "role_key": "r",
                     "valid_from": "2026-01-01"})",
                 "valid_from: must be a timestamp YYYY-MM-DDTHH:MM:SS.mmmZ, "
                 "got '2026-01-01'"},
        BadInput{"AssignmentValidUntilNumber", kAssignment,
                 R"({"user_key": "E1", "role_key": "r", "valid_until": 0})",
                 "valid_until: must be a string or null"},
        BadInput{"QueryNotObject", kQuery, "null",
                 "query: must be a JSON object"},
        BadInput{"QueryUnknownField", kQuery, R"({"permission": "x"})",
                 "permission: unknown field"},
        BadInput{"QueryUserKeyNull", kQuery, R"({"user_key": null})",
                 "user_key: must be a string"},
        BadInput{"QueryBadScopeKind", kQuery, R"({"scope": {"kind": "org"}})",
                 "scope.kind: unknown scope kind, got 'org'"},
        BadInput{"OverrideNotObject", kOverride, "[]",
                 "override: must be a JSON object"},
        BadInput{"OverrideMissingScope", kOverride,
                 R"({"role_key": "r", "permission": "user.view",
                     "value": "allow"})",
                 "scope: is required"},
        BadInput{"OverrideMissingPermission", kOverride,
                 R"({"role_key": "r", "scope": {"kind": "tenant"},
                     "value": "allow"})",
                 "permission: is required"},
        BadInput{"OverrideMissingValue", kOverride,
                 R"({"role_key": "r", "scope": {"kind": "tenant"},
                     "permission": "user.view"})",
                 "value: is required"},
        BadInput{"OverrideUnknownPermission", kOverride,
                 R"({"role_key": "r", "scope": {"kind": "tenant"},
                     "permission": "user.delete", "value": "allow"})",
                 "permission: unknown permission, got 'user.delete'"},
        BadInput{"OverrideBadValue", kOverride,
                 R"({"role_key": "r", "scope": {"kind": "tenant"},
                     "permission": "user.view", "value": "deny"})",
                 "value: unknown permission value, got 'deny'"},
        BadInput{"OverrideValueNotString", kOverride,
                 R"({"role_key": "r", "scope": {"kind": "tenant"},
                     "permission": "user.view", "value": 2})",
                 "value: must be a string"},
        BadInput{"OverrideUnknownField", kOverride,
                 R"({"role_key": "r", "scope": {"kind": "tenant"},
                     "permission": "user.view", "value": "allow",
                     "reason": "x"})",
                 "reason: unknown field"}),
    [](const testing::TestParamInfo<BadInput>& info) {
      return std::string{info.param.name};
    });

}  // namespace
}  // namespace lms
