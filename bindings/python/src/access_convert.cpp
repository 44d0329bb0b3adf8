// SPDX-License-Identifier: Apache-2.0
//
// Conversions for the access-control calls (see access_convert.hpp). Type
// checks only: what a scope, resource or bound may hold is the C++ codec's
// and the engine's business.

#include "access_convert.hpp"

#include "convert.hpp"
#include "lms/error.hpp"
#include "lms/time.hpp"

namespace lms::python {
namespace {

[[noreturn]] void throw_invalid(const std::string& field,
                                const std::string& problem) {
  throw Error(ErrorCode::invalid_argument, field + ": " + problem);
}

}  // namespace

Json scope_json_from_python(py::handle value, const std::string& field) {
  if (py::isinstance<Scope>(value)) return to_json(value.cast<const Scope&>());
  if (PyDict_Check(value.ptr())) return json_from_python(value, field);
  throw_invalid(field, "must be an lms.Scope or a dict {'kind', 'key'}, got " +
                           type_name(value));
}

Json resource_json_from_python(py::handle value, const std::string& field) {
  if (py::isinstance<Resource>(value))
    return to_json(value.cast<const Resource&>());
  if (PyDict_Check(value.ptr())) return json_from_python(value, field);
  throw_invalid(field,
                "must be an lms.Resource or a dict {'kind', 'key'}, got " +
                    type_name(value));
}

Scope scope_from_python(py::handle value, const std::string& field) {
  if (py::isinstance<Scope>(value)) return value.cast<Scope>();
  const Json json = scope_json_from_python(value, field);
  return scope_from_json(json);
}

Resource resource_from_python(py::handle value, const std::string& field) {
  if (py::isinstance<Resource>(value)) return value.cast<Resource>();
  const Json json = resource_json_from_python(value, field);
  return resource_from_json(json);
}

Json timestamp_json_from_python(py::handle value, const std::string& field) {
  if (value.is_none()) return nullptr;
  if (PyUnicode_Check(value.ptr())) return utf8_from_python(value, field);
  py::module_ datetime = py::module_::import("datetime");
  if (!py::isinstance(value, datetime.attr("datetime")))
    throw_invalid(field,
                  "must be a datetime.datetime, got " + type_name(value));
  return format_timestamp(timestamp_from_python(value));
}

Permission permission_from_python(py::handle value, const std::string& field) {
  return parse_permission(utf8_from_python(value, field), field);
}

}  // namespace lms::python
