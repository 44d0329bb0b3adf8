// SPDX-License-Identifier: Apache-2.0
//
// lms.Scope (where an assignment or override applies: the tenant, an org
// unit's subtree, a course) and lms.Resource (what a permission is checked
// against: the tenant, a user, an org unit, a course). Immutable, hashable
// values built by their static constructors, which read through the C++
// codec (scope_from_json, resource_from_json) so that a bad key is refused
// as it would be from C.

#include <pybind11/pybind11.h>

#include <functional>
#include <string>

#include "access_convert.hpp"
#include "bindings.hpp"
#include "convert.hpp"
#include "lms/access.hpp"
#include "lms/json.hpp"

namespace lms::python {
namespace {

Json keyed(std::string_view kind, const py::object& key) {
  return Json{{"kind", kind}, {"key", utf8_from_python(key, "key")}};
}

std::size_t hash_of(std::string_view kind, const std::string& key) {
  return std::hash<std::string>{}(std::string(kind) + '\0' + key);
}

}  // namespace

std::string scope_repr(const Scope& scope) {
  if (scope.kind == ScopeKind::tenant) return "lms.Scope.tenant()";
  return "lms.Scope." + std::string(to_string(scope.kind)) + "(" +
         repr_of(scope.key) + ")";
}

std::string resource_repr(const Resource& resource) {
  if (resource.kind == ResourceKind::tenant) return "lms.Resource.tenant()";
  return "lms.Resource." + std::string(to_string(resource.kind)) + "(" +
         repr_of(resource.key) + ")";
}

void init_scope(py::module_& m) {
  py::class_<Scope>(m, "Scope",
                    "Where an assignment or override applies: Scope.tenant(), "
                    "Scope.org_unit(key) (the unit's subtree and its users) "
                    "or Scope.course(key) (its enrolments, attempts and "
                    "progress).")
      .def_static(
          "tenant",
          [] {
            return scope_from_json(Json{{"kind", "tenant"}});
          },
          "The whole tenant.")
      .def_static(
          "org_unit",
          [](const py::object& key) {
            return scope_from_json(keyed("org_unit", key));
          },
          py::arg("key"),
          "The org unit `key`: its subtree and the users in it.")
      .def_static(
          "course",
          [](const py::object& key) {
            return scope_from_json(keyed("course", key));
          },
          py::arg("key"),
          "The course `key`: its enrolments, attempts and progress.")
      .def_property_readonly(
          "kind", [](const Scope& s) { return std::string(to_string(s.kind)); },
          "'tenant', 'org_unit' or 'course'.")
      .def_readonly("key", &Scope::key,
                    "The org unit's or course's key; '' for the tenant.")
      .def(
          "__eq__", [](const Scope& a, const Scope& b) { return a == b; },
          py::is_operator())
      .def("__hash__",
           [](const Scope& s) { return hash_of(to_string(s.kind), s.key); })
      .def("__repr__", &scope_repr);

  py::class_<Resource>(m, "Resource",
                       "What a permission is checked against: "
                       "Resource.tenant(), .user(key), .org_unit(key) or "
                       ".course(key).")
      .def_static(
          "tenant",
          [] {
            return resource_from_json(Json{{"kind", "tenant"}});
          },
          "The tenant itself.")
      .def_static(
          "user",
          [](const py::object& key) {
            return resource_from_json(keyed("user", key));
          },
          py::arg("key"), "The user `key`'s record.")
      .def_static(
          "org_unit",
          [](const py::object& key) {
            return resource_from_json(keyed("org_unit", key));
          },
          py::arg("key"), "The org unit `key`.")
      .def_static(
          "course",
          [](const py::object& key) {
            return resource_from_json(keyed("course", key));
          },
          py::arg("key"), "The course `key`.")
      .def_property_readonly(
          "kind",
          [](const Resource& r) { return std::string(to_string(r.kind)); },
          "'tenant', 'user', 'org_unit' or 'course'.")
      .def_readonly("key", &Resource::key,
                    "The record's key; '' for the tenant.")
      .def(
          "__eq__", [](const Resource& a, const Resource& b) { return a == b; },
          py::is_operator())
      .def("__hash__",
           [](const Resource& r) { return hash_of(to_string(r.kind), r.key); })
      .def("__repr__", &resource_repr);
}

}  // namespace lms::python
