// SPDX-License-Identifier: Apache-2.0
//
// lms.Tenant: one customer organisation of the host product. A read-only
// value; equal when every field is.

#include "lms/tenant.hpp"

#include <pybind11/pybind11.h>

#include <string>

#include "bindings.hpp"
#include "convert.hpp"
#include "lms/json.hpp"

namespace lms::python {

void init_tenant(py::module_& m) {
  py::class_<Tenant>(m, "Tenant", "A tenant: one customer organisation.")
      .def_readonly("id", &Tenant::id, "The engine's id for the tenant.")
      .def_readonly("key", &Tenant::key, "The host's key, unique.")
      .def_readonly("name", &Tenant::name, "The name shown in reports.")
      .def_property_readonly(
          "created_at",
          [](const Tenant& t) { return python_from_timestamp(t.created_at); },
          "When it was created, a timezone-aware UTC datetime.")
      .def(
          "__eq__",
          [](const Tenant& a, const Tenant& b) {
            return to_json(a) == to_json(b);
          },
          py::is_operator())
      .def("__repr__", [](const Tenant& t) {
        return "lms.Tenant(id=" + std::to_string(t.id) +
               ", key=" + repr_of(t.key) + ", name=" + repr_of(t.name) + ")";
      });
}

}  // namespace lms::python
