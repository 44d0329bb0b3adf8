// SPDX-License-Identifier: Apache-2.0
//
// Conversions for the access-control calls: a scope or resource argument
// (an lms.Scope / lms.Resource, or a dict in the JSON form {"kind", "key"})
// to the JSON the C++ codec reads, a validity bound to a timestamp, a
// permission name to lms::Permission; and the reprs the value types share.
// Every function needs the GIL; a bad value throws Error{invalid_argument}
// naming `field`.

#pragma once

#include <pybind11/pybind11.h>

#include <string>

#include "lms/access.hpp"
#include "lms/json.hpp"
#include "lms/permission.hpp"

namespace lms::python {

namespace py = pybind11;

// An lms.Scope as its JSON form, or a dict as it is (for the codec to read
// and name its fields "<field>.kind", ...). Refuses anything else.
Json scope_json_from_python(py::handle value, const std::string& field);
// The same for lms.Resource.
Json resource_json_from_python(py::handle value, const std::string& field);

// scope_from_json / resource_from_json of the above (the codec names their
// fields "scope.kind", "resource.key", ...).
Scope scope_from_python(py::handle value, const std::string& field);
Resource resource_from_python(py::handle value, const std::string& field);

// None as null, a datetime (a naive one taken as UTC) as its timestamp
// text, a str as it is (for the codec to parse as "YYYY-MM-DDTHH:MM:SSZ").
Json timestamp_json_from_python(py::handle value, const std::string& field);

// parse_permission of the str `value`.
Permission permission_from_python(py::handle value, const std::string& field);

// "lms.Scope.course('c1')", "lms.Resource.tenant()".
std::string scope_repr(const Scope& scope);
std::string resource_repr(const Resource& resource);

}  // namespace lms::python
