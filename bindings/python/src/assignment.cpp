// SPDX-License-Identifier: Apache-2.0
//
// lms.Assignment: a user holds a role at a scope, optionally only within
// [valid_from, valid_until). A read-only value; equal when every field is.

#include <pybind11/pybind11.h>

#include <string>

#include "access_convert.hpp"
#include "bindings.hpp"
#include "convert.hpp"
#include "lms/access.hpp"
#include "lms/json.hpp"

namespace lms::python {

void init_assignment(py::module_& m) {
  py::class_<Assignment>(m, "Assignment",
                         "User `user_key` holds role `role_key` at `scope`.")
      .def_readonly("id", &Assignment::id,
                    "The engine's id, for Engine.unassign_role.")
      .def_readonly("user_key", &Assignment::user_key, "The user's key.")
      .def_readonly("role_key", &Assignment::role_key, "The role's key.")
      .def_readonly("scope", &Assignment::scope,
                    "Where it applies, an lms.Scope.")
      .def_property_readonly(
          "valid_from",
          [](const Assignment& a) {
            return python_from_timestamp(a.valid_from);
          },
          "When it starts to count, a timezone-aware UTC datetime, or None "
          "(from creation).")
      .def_property_readonly(
          "valid_until",
          [](const Assignment& a) {
            return python_from_timestamp(a.valid_until);
          },
          "When it stops counting (exclusive), a timezone-aware UTC "
          "datetime, or None (never).")
      .def_property_readonly(
          "created_at",
          [](const Assignment& a) {
            return python_from_timestamp(a.created_at);
          },
          "When it was made, a timezone-aware UTC datetime.")
      .def(
          "__eq__",
          [](const Assignment& a, const Assignment& b) {
            return to_json(a) == to_json(b);
          },
          py::is_operator())
      .def("__repr__", [](const Assignment& a) {
        return "lms.Assignment(id=" + std::to_string(a.id) +
               ", user_key=" + repr_of(a.user_key) +
               ", role_key=" + repr_of(a.role_key) +
               ", scope=" + scope_repr(a.scope) + ")";
      });
}

}  // namespace lms::python
