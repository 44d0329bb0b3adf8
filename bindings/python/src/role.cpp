// SPDX-License-Identifier: Apache-2.0
//
// lms.Role (a named map of permissions to 'allow' or 'prohibit'; built-in
// or custom to a tenant), lms.PERMISSIONS (the fixed catalogue of
// permission names) and lms.BUILTIN_ROLES (the keys of the roles every
// tenant has). Read-only values; equal when every field is.

#include <pybind11/pybind11.h>

#include <string>

#include "bindings.hpp"
#include "convert.hpp"
#include "lms/access.hpp"
#include "lms/json.hpp"
#include "lms/permission.hpp"

namespace lms::python {

void init_role(py::module_& m) {
  py::tuple permissions(all_permissions().size());
  std::size_t index = 0;
  for (const Permission p : all_permissions())
    permissions[index++] = py::str(std::string(to_string(p)));
  m.attr("PERMISSIONS") = permissions;
  m.attr("BUILTIN_ROLES") =
      py::make_tuple(std::string(kRoleTenantAdmin), std::string(kRoleAuthor),
                     std::string(kRoleInstructor), std::string(kRoleManager),
                     std::string(kRoleLearner), std::string(kRoleAuditor));

  py::class_<Role>(m, "Role",
                   "A role: which permissions it allows or prohibits. "
                   "Built-in roles are the same in every tenant and cannot "
                   "change (override them at a scope instead).")
      .def_readonly("key", &Role::key, "The role's key, unique in the tenant.")
      .def_readonly("name", &Role::name, "The name shown.")
      .def_property_readonly(
          "permissions",
          [](const Role& r) {
            py::dict out;
            for (const auto& [permission, value] : r.permissions)
              out[py::str(std::string(to_string(permission)))] =
                  py::str(std::string(to_string(value)));
            return out;
          },
          "A new dict of permission name ('user.view') to 'allow' or "
          "'prohibit'; a permission not in it is not granted.")
      .def_readonly("builtin", &Role::builtin,
                    "True for the built-in roles (see BUILTIN_ROLES).")
      .def_property_readonly(
          "created_at",
          [](const Role& r) { return python_from_timestamp(r.created_at); },
          "When it was created (the epoch for built-in roles), a "
          "timezone-aware UTC datetime.")
      .def_property_readonly(
          "updated_at",
          [](const Role& r) { return python_from_timestamp(r.updated_at); },
          "When it last changed, a timezone-aware UTC datetime.")
      .def(
          "__eq__",
          [](const Role& a, const Role& b) { return to_json(a) == to_json(b); },
          py::is_operator())
      .def("__repr__", [](const Role& r) {
        return "lms.Role(key=" + repr_of(r.key) + ", name=" + repr_of(r.name) +
               ", builtin=" + (r.builtin ? "True" : "False") + ", <" +
               std::to_string(r.permissions.size()) + " permissions>)";
      });
}

}  // namespace lms::python
