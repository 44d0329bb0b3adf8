// SPDX-License-Identifier: Apache-2.0
//
// lms.Override: role `role_key`'s `permission` is 'allow', 'prevent' or
// 'prohibit' at `scope` and below. A read-only value; equal when every
// field is.

#include <pybind11/pybind11.h>

#include <string>

#include "access_convert.hpp"
#include "bindings.hpp"
#include "convert.hpp"
#include "lms/access.hpp"

namespace lms::python {

void init_override(py::module_& m) {
  py::class_<Override>(m, "Override",
                       "A role's permission set to 'allow', 'prevent' or "
                       "'prohibit' at a scope and below.")
      .def_readonly("role_key", &Override::role_key, "The role's key.")
      .def_readonly("scope", &Override::scope,
                    "Where it applies, an lms.Scope.")
      .def_property_readonly(
          "permission",
          [](const Override& o) {
            return std::string(to_string(o.permission));
          },
          "The permission's name, e.g. 'course.publish'.")
      .def_property_readonly(
          "value",
          [](const Override& o) { return std::string(to_string(o.value)); },
          "'allow', 'prevent' (cancels this role's allow here and below) or "
          "'prohibit' (denies outright, whatever other roles say).")
      .def(
          "__eq__", [](const Override& a, const Override& b) { return a == b; },
          py::is_operator())
      .def("__repr__", [](const Override& o) {
        return "lms.Override(role_key=" + repr_of(o.role_key) +
               ", scope=" + scope_repr(o.scope) +
               ", permission=" + repr_of(to_string(o.permission)) +
               ", value=" + repr_of(to_string(o.value)) + ")";
      });
}

}  // namespace lms::python
