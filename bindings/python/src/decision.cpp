// SPDX-License-Identifier: Apache-2.0
//
// lms.Decision (the answer of Engine.explain: allowed or not, and why) and
// lms.RoleVerdict (what one role the subject holds said). Read-only values.
// A Decision has no truth value -- `if engine.explain(...)` would always
// hold -- so bool() of it raises TypeError: ask for .allowed.

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <string>

#include "access_convert.hpp"
#include "bindings.hpp"
#include "convert.hpp"
#include "lms/access.hpp"
#include "lms/json.hpp"

namespace lms::python {
namespace {

std::string verdict_repr(const RoleVerdict& v) {
  std::string out = "lms.RoleVerdict(source=" + repr_of(to_string(v.source));
  if (v.source == GrantSource::assignment)
    out += ", assignment_id=" + std::to_string(v.assignment_id);
  out += ", role_key=" + repr_of(v.role_key) +
         ", value=" + (v.value ? repr_of(to_string(*v.value)) : "None") + ")";
  return out;
}

}  // namespace

void init_decision(py::module_& m) {
  py::class_<RoleVerdict>(m, "RoleVerdict",
                          "What one role the subject holds for the resource "
                          "said in a decision.")
      .def_property_readonly(
          "source",
          [](const RoleVerdict& v) { return std::string(to_string(v.source)); },
          "How the subject holds the role: 'assignment', 'self' (the "
          "resource is their own record) or 'manager' (they are above the "
          "subject in the manager chain).")
      .def_property_readonly(
          "assignment_id",
          [](const RoleVerdict& v) -> py::object {
            if (v.source != GrantSource::assignment) return py::none();
            return py::int_(v.assignment_id);
          },
          "The id of the assignment that gives the role; None for a "
          "relationship.")
      .def_readonly("role_key", &RoleVerdict::role_key, "The role's key.")
      .def_readonly("assigned_at", &RoleVerdict::assigned_at,
                    "The assignment's scope, an lms.Scope (the tenant for a "
                    "relationship).")
      .def_readonly("decided_at", &RoleVerdict::decided_at,
                    "The scope of the override that decided for this role, "
                    "or None when the role's definition decided.")
      .def_property_readonly(
          "value",
          [](const RoleVerdict& v) -> py::object {
            if (!v.value) return py::none();
            return py::str(std::string(to_string(*v.value)));
          },
          "'allow', 'prevent' or 'prohibit'; None when the role says "
          "nothing of the permission.")
      .def(
          "__eq__",
          [](const RoleVerdict& a, const RoleVerdict& b) {
            return a.source == b.source && a.assignment_id == b.assignment_id &&
                   a.role_key == b.role_key && a.assigned_at == b.assigned_at &&
                   a.decided_at == b.decided_at && a.value == b.value;
          },
          py::is_operator())
      .def("__repr__", &verdict_repr);

  py::class_<Decision>(m, "Decision",
                       "Whether a subject may do a permission on a resource, "
                       "and why (Engine.explain). Read .allowed; a Decision "
                       "has no truth value.")
      .def_readonly("allowed", &Decision::allowed,
                    "True when the subject may do it.")
      .def_property_readonly(
          "permission",
          [](const Decision& d) {
            return std::string(to_string(d.permission));
          },
          "The permission's name, e.g. 'user.view'.")
      .def_readonly("resource", &Decision::resource,
                    "What it was checked against, an lms.Resource.")
      .def_readonly("roles", &Decision::roles,
                    "A RoleVerdict for every role the subject holds that "
                    "covers the resource: assignments, then self, then "
                    "manager.")
      .def_readonly("prohibited_by", &Decision::prohibited_by,
                    "The RoleVerdict of the prohibit that denied outright, "
                    "or None.")
      .def_readonly("reason", &Decision::reason,
                    "One sentence saying what decided, for logs and "
                    "support.")
      .def("__bool__",
           [](const Decision&) -> bool {
             throw py::type_error(
                 "lms.Decision has no truth value; use .allowed");
           })
      .def(
          "__eq__",
          [](const Decision& a, const Decision& b) {
            return to_json(a) == to_json(b);
          },
          py::is_operator())
      .def("__repr__", [](const Decision& d) {
        return std::string("lms.Decision(allowed=") +
               (d.allowed ? "True" : "False") +
               ", permission=" + repr_of(to_string(d.permission)) +
               ", resource=" + resource_repr(d.resource) +
               ", reason=" + repr_of(d.reason) + ")";
      });
}

}  // namespace lms::python
