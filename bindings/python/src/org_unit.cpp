// SPDX-License-Identifier: Apache-2.0
//
// lms.OrgUnit: a department in a tenant's tree. A read-only value; equal
// when every field is.

#include "lms/org_unit.hpp"

#include <pybind11/pybind11.h>

#include <string>

#include "bindings.hpp"
#include "convert.hpp"
#include "lms/json.hpp"

namespace lms::python {

void init_org_unit(py::module_& m) {
  py::class_<OrgUnit>(m, "OrgUnit",
                      "An org unit: a node of the department tree.")
      .def_readonly("key", &OrgUnit::key,
                    "The host's key, unique in the tenant.")
      .def_readonly("name", &OrgUnit::name, "The name shown.")
      .def_readonly("parent", &OrgUnit::parent,
                    "Key of the parent unit; '' for a root.")
      .def_property_readonly(
          "created_at",
          [](const OrgUnit& u) { return python_from_timestamp(u.created_at); },
          "When it was created, a timezone-aware UTC datetime.")
      .def_property_readonly(
          "updated_at",
          [](const OrgUnit& u) { return python_from_timestamp(u.updated_at); },
          "When it last changed, a timezone-aware UTC datetime.")
      .def(
          "__eq__",
          [](const OrgUnit& a, const OrgUnit& b) {
            return to_json(a) == to_json(b);
          },
          py::is_operator())
      .def("__repr__", [](const OrgUnit& u) {
        return "lms.OrgUnit(key=" + repr_of(u.key) +
               ", name=" + repr_of(u.name) + ", parent=" + repr_of(u.parent) +
               ")";
      });
}

}  // namespace lms::python
