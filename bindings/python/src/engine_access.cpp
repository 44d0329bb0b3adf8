// SPDX-License-Identifier: Apache-2.0
//
// The access-control methods of lms.Engine: roles, assignments, overrides,
// and the answers check, explain and visible. As in engine.cpp, each method
// turns its Python arguments into the C++ input through the JSON codec of
// lms/json.hpp (so a bad field is named as it would be from C), calls the
// engine with the GIL released, and returns the wrapped value types.

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "access_convert.hpp"
#include "bindings.hpp"
#include "convert.hpp"
#include "engine_handle.hpp"
#include "lms/access.hpp"
#include "lms/engine.hpp"
#include "lms/error.hpp"
#include "lms/json.hpp"
#include "lms/permission.hpp"

namespace lms::python {
namespace {

// A JSON object of the named values, leaving out those that are null.
Json object_of(std::initializer_list<std::pair<const char*, Json>> fields) {
  Json object = Json::object();
  for (const auto& [name, value] : fields) {
    if (!value.is_null()) object[name] = value;
  }
  return object;
}

Json optional_string(const py::object& value, const char* field) {
  if (value.is_none()) return nullptr;
  return utf8_from_python(value, field);
}

// The permissions argument of create_role and update_role: a dict of
// permission name to 'allow' or 'prohibit'.
Json permissions_json(const py::object& permissions) {
  if (!PyDict_Check(permissions.ptr()))
    throw Error(ErrorCode::invalid_argument,
                "permissions: must be a dict of permission name to 'allow' "
                "or 'prohibit', got " +
                    type_name(permissions));
  return json_from_python(permissions, "permissions");
}

}  // namespace

void init_engine_access(py::class_<EngineHandle>& cls) {
  // --- Roles ---------------------------------------------------------------
  cls.def(
         "create_role",
         [](const EngineHandle& self, const Actor& actor, TenantId tenant_id,
            const py::object& key, const py::object& name,
            const py::object& permissions) {
           const RoleSpec spec = role_spec_from_json(
               object_of({{"key", json_from_python(key, "key")},
                          {"name", json_from_python(name, "name")},
                          {"permissions", permissions_json(permissions)}}));
           return self.run([&](Engine& engine) {
             return engine.create_role(actor, tenant_id, spec);
           });
         },
         py::arg("actor"), py::arg("tenant_id"), py::kw_only(), py::arg("key"),
         py::arg("name"), py::arg("permissions") = py::dict(),
         "Creates a custom role of the tenant. `permissions` maps permission "
         "names (see PERMISSIONS) to 'allow' or 'prohibit'. Needs "
         "role.manage at the tenant and holding every permission it allows. "
         "Raises AlreadyExistsError for a taken key (a built-in role's "
         "too), InvalidArgumentError naming an unknown permission or a bad "
         "field, PermissionDeniedError.")
      .def(
          "update_role",
          [](const EngineHandle& self, const Actor& actor, TenantId tenant_id,
             const py::object& key, const py::object& permissions) {
            const std::string role_key = utf8_from_python(key, "key");
            const Json json = permissions_json(permissions);
            const std::map<Permission, PermissionValue> map =
                role_permissions_from_json(json);
            return self.run([&](Engine& engine) {
              return engine.update_role(actor, tenant_id, role_key, map);
            });
          },
          py::arg("actor"), py::arg("tenant_id"), py::arg("key"),
          py::arg("permissions"),
          "Replaces the permissions of custom role `key` with `permissions` "
          "(permission name to 'allow' or 'prohibit') and returns the role. "
          "Raises ConflictError for a built-in role (override it at a scope "
          "instead), NotFoundError, InvalidArgumentError naming an unknown "
          "permission, PermissionDeniedError.")
      .def(
          "get_role",
          [](const EngineHandle& self, const Actor& actor, TenantId tenant_id,
             const py::object& key) {
            const std::string role_key = utf8_from_python(key, "key");
            return self.run([&](Engine& engine) {
              return engine.get_role(actor, tenant_id, role_key);
            });
          },
          py::arg("actor"), py::arg("tenant_id"), py::arg("key"),
          "The role `key`, built-in or custom. Raises NotFoundError.")
      .def(
          "list_roles",
          [](const EngineHandle& self, const Actor& actor, TenantId tenant_id) {
            return self.run([&](Engine& engine) {
              return engine.list_roles(actor, tenant_id);
            });
          },
          py::arg("actor"), py::arg("tenant_id"),
          "Every role of the tenant: the built-in ones first (in the order "
          "of BUILTIN_ROLES), then the custom ones by key.")

      // --- Assignments -------------------------------------------------------
      .def(
          "assign_role",
          [](const EngineHandle& self, const Actor& actor, TenantId tenant_id,
             const py::object& user_key, const py::object& role_key,
             const py::object& scope, const py::object& valid_from,
             const py::object& valid_until) {
            const AssignmentSpec spec = assignment_spec_from_json(object_of(
                {{"user_key", json_from_python(user_key, "user_key")},
                 {"role_key", json_from_python(role_key, "role_key")},
                 {"scope", scope.is_none()
                               ? Json(nullptr)
                               : scope_json_from_python(scope, "scope")},
                 {"valid_from",
                  timestamp_json_from_python(valid_from, "valid_from")},
                 {"valid_until",
                  timestamp_json_from_python(valid_until, "valid_until")}}));
            return self.run([&](Engine& engine) {
              return engine.assign_role(actor, tenant_id, spec);
            });
          },
          py::arg("actor"), py::arg("tenant_id"), py::kw_only(),
          py::arg("user_key"), py::arg("role_key"),
          py::arg("scope") = Scope::tenant(),
          py::arg("valid_from") = py::none(),
          py::arg("valid_until") = py::none(),
          "Gives user `user_key` role `role_key` at `scope` (an lms.Scope, "
          "or a dict {'kind', 'key'}; default the tenant), counting from "
          "`valid_from` until `valid_until` (datetimes, a naive one taken as "
          "UTC; None: unbounded). Needs role.assign at the scope and holding "
          "there "
          "every permission the role allows. Returns the Assignment. Raises "
          "NotFoundError for an unknown user, role or scope, "
          "InvalidArgumentError for a deprovisioned user or an empty "
          "validity window, PermissionDeniedError.")
      .def(
          "unassign_role",
          [](const EngineHandle& self, const Actor& actor, TenantId tenant_id,
             std::int64_t assignment_id) {
            self.run([&](Engine& engine) {
              engine.unassign_role(actor, tenant_id, assignment_id);
            });
          },
          py::arg("actor"), py::arg("tenant_id"), py::arg("assignment_id"),
          "Removes assignment `assignment_id` (an Assignment's id), under "
          "the same rule as assign_role at its scope. Raises NotFoundError, "
          "PermissionDeniedError.")
      .def(
          "list_assignments",
          [](const EngineHandle& self, const Actor& actor, TenantId tenant_id,
             const py::object& user_key, const py::object& role_key,
             const py::object& scope) {
            const AssignmentQuery query = assignment_query_from_json(object_of(
                {{"user_key", optional_string(user_key, "user_key")},
                 {"role_key", optional_string(role_key, "role_key")},
                 {"scope", scope.is_none()
                               ? Json(nullptr)
                               : scope_json_from_python(scope, "scope")}}));
            return self.run([&](Engine& engine) {
              return engine.list_assignments(actor, tenant_id, query);
            });
          },
          py::arg("actor"), py::arg("tenant_id"), py::kw_only(),
          py::arg("user_key") = py::none(), py::arg("role_key") = py::none(),
          py::arg("scope") = py::none(),
          "The assignments of the tenant, by id, of user `user_key`, of role "
          "`role_key` and at `scope` (an lms.Scope) where given.")

      // --- Overrides ---------------------------------------------------------
      .def(
          "set_override",
          [](const EngineHandle& self, const Actor& actor, TenantId tenant_id,
             const py::object& role_key, const py::object& scope,
             const py::object& permission, const py::object& value) {
            const Override override = override_from_json(object_of(
                {{"role_key", json_from_python(role_key, "role_key")},
                 {"scope", scope_json_from_python(scope, "scope")},
                 {"permission", json_from_python(permission, "permission")},
                 {"value", json_from_python(value, "value")}}));
            self.run([&](Engine& engine) {
              engine.set_override(actor, tenant_id, override);
            });
          },
          py::arg("actor"), py::arg("tenant_id"), py::kw_only(),
          py::arg("role_key"), py::arg("scope"), py::arg("permission"),
          py::arg("value"),
          "Sets role `role_key`'s `permission` to `value` ('allow', "
          "'prevent' or 'prohibit') at `scope` (an lms.Scope) and below, "
          "replacing any override there. Needs role.manage at the scope; "
          "'allow' needs holding the permission there. Raises NotFoundError "
          "for an unknown role or scope, InvalidArgumentError naming a bad "
          "field, PermissionDeniedError.")
      .def(
          "clear_override",
          [](const EngineHandle& self, const Actor& actor, TenantId tenant_id,
             const py::object& role_key, const py::object& scope,
             const py::object& permission) {
            const std::string role = utf8_from_python(role_key, "role_key");
            const Scope where = scope_from_python(scope, "scope");
            const Permission what =
                permission_from_python(permission, "permission");
            self.run([&](Engine& engine) {
              engine.clear_override(actor, tenant_id, role, where, what);
            });
          },
          py::arg("actor"), py::arg("tenant_id"), py::kw_only(),
          py::arg("role_key"), py::arg("scope"), py::arg("permission"),
          "Removes the override of role `role_key`'s `permission` at "
          "`scope`. Needs role.manage at the scope. Raises NotFoundError "
          "when there is none, PermissionDeniedError.")
      .def(
          "list_overrides",
          [](const EngineHandle& self, const Actor& actor, TenantId tenant_id) {
            return self.run([&](Engine& engine) {
              return engine.list_overrides(actor, tenant_id);
            });
          },
          py::arg("actor"), py::arg("tenant_id"),
          "Every override of the tenant, by role key, scope and permission.")

      // --- Answers -----------------------------------------------------------
      .def(
          "check",
          [](const EngineHandle& self, const Actor& subject, TenantId tenant_id,
             const py::object& permission, const py::object& resource) {
            const Permission what =
                permission_from_python(permission, "permission");
            const Resource on = resource_from_python(resource, "resource");
            return self.run([&](Engine& engine) {
              return engine.check(subject, tenant_id, what, on);
            });
          },
          py::arg("subject"), py::arg("tenant_id"), py::arg("permission"),
          py::arg("resource"),
          "Whether `subject` may do `permission` (a name from PERMISSIONS) "
          "on `resource` (an lms.Resource, or a dict {'kind', 'key'}). The "
          "host asks on the subject's behalf: no permission is needed to "
          "ask. Raises NotFoundError for "
          "an unknown tenant or resource, InvalidArgumentError for an "
          "unknown permission.")
      .def(
          "explain",
          [](const EngineHandle& self, const Actor& subject, TenantId tenant_id,
             const py::object& permission, const py::object& resource) {
            const Permission what =
                permission_from_python(permission, "permission");
            const Resource on = resource_from_python(resource, "resource");
            return self.run([&](Engine& engine) {
              return engine.explain(subject, tenant_id, what, on);
            });
          },
          py::arg("subject"), py::arg("tenant_id"), py::arg("permission"),
          py::arg("resource"),
          "check() with its reasons: a Decision listing every role the "
          "subject holds that covers the resource and what it said, where "
          "the deciding override sits, and any prohibit. Raises as check().")
      .def(
          "visible",
          [](const EngineHandle& self, const Actor& subject, TenantId tenant_id,
             const py::object& permission, const py::object& kind) {
            const Permission what =
                permission_from_python(permission, "permission");
            const ResourceKind of =
                parse_resource_kind(utf8_from_python(kind, "kind"), "kind");
            return self.run([&](Engine& engine) {
              return engine.visible(subject, tenant_id, what, of);
            });
          },
          py::arg("subject"), py::arg("tenant_id"), py::arg("permission"),
          py::arg("kind"),
          "The keys of every record of `kind` ('user', 'org_unit' or "
          "'course') on which `subject` holds `permission`, ascending. "
          "Raises InvalidArgumentError for kind 'tenant' or an unknown "
          "permission or kind.");
}

}  // namespace lms::python
