// SPDX-License-Identifier: Apache-2.0
//
// Conversions between Python values and the C++ API's types: Python data to
// lms::Json (so that the C++ codec in lms/json.hpp applies its one set of
// field rules), lms::Json back to Python, and the time types to timezone-
// aware datetime objects. A Python value that cannot cross (a str with a
// lone surrogate, an unsupported type) throws Error{invalid_argument} naming
// the field, which the module's translator raises as
// lms.InvalidArgumentError. Every function needs the GIL.

#pragma once

#include <pybind11/pybind11.h>

#include <chrono>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "lms/json.hpp"
#include "lms/time.hpp"

namespace lms::python {

namespace py = pybind11;

// `value` as JSON: None, bool, int, float, str, list, tuple, dict (str
// keys), datetime.date (as "YYYY-MM-DD"), datetime.datetime (as a UTC
// timestamp "YYYY-MM-DDTHH:MM:SS.mmmZ"; a naive one is taken as UTC),
// lms.Activity and lms.CompletionRule. `field` names the value in errors;
// nested values are named "field.name" and "field[i]".
Json json_from_python(py::handle value, const std::string& field);

// A JSON object of the named values, leaving out those that are None.
Json json_object(
    std::initializer_list<std::pair<const char*, py::handle>> fields);

// The str `value` as UTF-8. Throws invalid_argument naming `field` when it
// is not a str or holds a lone surrogate.
std::string utf8_from_python(py::handle value, std::string_view field);

// `j` as Python data: None, bool, int, float, str, list, dict.
py::object python_from_json(const Json& j);

// A timezone-aware UTC datetime.datetime.
py::object python_from_timestamp(Timestamp t);
// The same, or None for nullopt.
py::object python_from_timestamp(const std::optional<Timestamp>& t);
// A datetime.date.
py::object python_from_date(Date d);
// A datetime.datetime; a naive one is taken as UTC. Raises TypeError for
// anything else.
Timestamp timestamp_from_python(py::handle value);
// A datetime.timedelta or a number of seconds, to whole milliseconds.
std::chrono::milliseconds duration_from_python(py::handle value);
// A datetime.timedelta.
py::object python_from_duration(std::chrono::milliseconds d);

// The name of `value`'s type, for error messages ("bytes").
std::string type_name(py::handle value);

// Python's repr() of the str `text`, for __repr__ methods.
std::string repr_of(std::string_view text);

}  // namespace lms::python
