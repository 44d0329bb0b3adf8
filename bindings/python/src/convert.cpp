// SPDX-License-Identifier: Apache-2.0
//
// Conversions between Python values and lms::Json and the time types (see
// convert.hpp). Type checks only: what a field may hold is the C++ codec's
// and the services' business.

#include "convert.hpp"

#include <cmath>
#include <cstdint>

#include "lms/course.hpp"
#include "lms/error.hpp"

namespace lms::python {
namespace {

// Nesting deeper than any valid input, so a hostile value cannot exhaust
// the stack.
constexpr int kMaxDepth = 64;

[[noreturn]] void throw_invalid(std::string_view field,
                                std::string_view problem) {
  std::string message{field};
  message += ": ";
  message += problem;
  throw Error(ErrorCode::invalid_argument, message);
}

py::object utc() {
  return py::module_::import("datetime").attr("timezone").attr("utc");
}

py::object unix_epoch() {
  return py::module_::import("datetime")
      .attr("datetime")(1970, 1, 1, py::arg("tzinfo") = utc());
}

std::int64_t whole_milliseconds(py::handle timedelta) {
  py::object one_ms = py::module_::import("datetime")
                          .attr("timedelta")(py::arg("milliseconds") = 1);
  return timedelta.attr("__floordiv__")(one_ms).cast<std::int64_t>();
}

Json convert(py::handle value, const std::string& field, int depth) {
  if (depth > kMaxDepth) throw_invalid(field, "nested too deeply");
  if (value.is_none()) return nullptr;
  if (PyBool_Check(value.ptr())) return value.ptr() == Py_True;
  if (PyLong_Check(value.ptr())) {
    int overflow = 0;
    const long long n = PyLong_AsLongLongAndOverflow(value.ptr(), &overflow);
    if (overflow != 0) throw_invalid(field, "integer out of range");
    if (n == -1 && PyErr_Occurred()) throw py::error_already_set();
    return static_cast<std::int64_t>(n);
  }
  if (PyFloat_Check(value.ptr())) return PyFloat_AsDouble(value.ptr());
  if (PyUnicode_Check(value.ptr())) return utf8_from_python(value, field);
  if (PyDict_Check(value.ptr())) {
    Json object = Json::object();
    for (auto [key, item] : py::reinterpret_borrow<py::dict>(value)) {
      if (!PyUnicode_Check(key.ptr()))
        throw_invalid(field, "keys must be str, got " + type_name(key));
      std::string name = utf8_from_python(key, field);
      std::string path = field + "." + name;
      object[name] = convert(item, path, depth + 1);
    }
    return object;
  }
  if (PyList_Check(value.ptr()) || PyTuple_Check(value.ptr())) {
    Json array = Json::array();
    std::size_t index = 0;
    for (py::handle item : value) {
      array.push_back(convert(item, field + "[" + std::to_string(index++) + "]",
                              depth + 1));
    }
    return array;
  }
  if (py::isinstance<Activity>(value))
    return to_json(value.cast<const Activity&>());
  if (py::isinstance<CompletionRule>(value))
    return to_json(value.cast<const CompletionRule&>());
  py::module_ datetime = py::module_::import("datetime");
  if (py::isinstance(value, datetime.attr("datetime")))
    return format_timestamp(timestamp_from_python(value));
  if (py::isinstance(value, datetime.attr("date")))
    return value.attr("isoformat")().cast<std::string>();
  throw_invalid(field, "unsupported type " + type_name(value));
}

}  // namespace

Json json_from_python(py::handle value, const std::string& field) {
  return convert(value, field, 0);
}

Json json_object(
    std::initializer_list<std::pair<const char*, py::handle>> fields) {
  Json object = Json::object();
  for (const auto& [name, value] : fields) {
    if (!value.is_none()) object[name] = json_from_python(value, name);
  }
  return object;
}

std::string utf8_from_python(py::handle value, std::string_view field) {
  if (!PyUnicode_Check(value.ptr()))
    throw_invalid(field, "must be a str, got " + type_name(value));
  Py_ssize_t size = 0;
  const char* data = PyUnicode_AsUTF8AndSize(value.ptr(), &size);
  if (data == nullptr) {
    PyErr_Clear();
    throw_invalid(field,
                  "must be valid UTF-8, got a str with a lone surrogate");
  }
  return std::string(data, static_cast<std::size_t>(size));
}

py::object python_from_json(const Json& j) {
  switch (j.type()) {
    case Json::value_t::null:
    case Json::value_t::discarded:
      return py::none();
    case Json::value_t::boolean:
      return py::bool_(j.get<bool>());
    case Json::value_t::number_integer:
      return py::int_(j.get<std::int64_t>());
    case Json::value_t::number_unsigned:
      return py::int_(j.get<std::uint64_t>());
    case Json::value_t::number_float:
      return py::float_(j.get<double>());
    case Json::value_t::string:
      return py::str(j.get_ref<const std::string&>());
    case Json::value_t::binary:
      return py::bytes(
          std::string(j.get_binary().begin(), j.get_binary().end()));
    case Json::value_t::array: {
      py::list list;
      for (const Json& item : j) list.append(python_from_json(item));
      return list;
    }
    case Json::value_t::object: {
      py::dict dict;
      for (const auto& [name, item] : j.items())
        dict[py::str(name)] = python_from_json(item);
      return dict;
    }
  }
  return py::none();
}

py::object python_from_timestamp(Timestamp t) {
  py::object delta =
      py::module_::import("datetime")
          .attr("timedelta")(py::arg("milliseconds") = to_unix_ms(t));
  return unix_epoch().attr("__add__")(delta);
}

py::object python_from_timestamp(const std::optional<Timestamp>& t) {
  return t ? python_from_timestamp(*t) : py::none();
}

py::object python_from_date(Date d) {
  const std::chrono::year_month_day ymd{d};
  return py::module_::import("datetime")
      .attr("date")(static_cast<int>(ymd.year()),
                    static_cast<unsigned>(ymd.month()),
                    static_cast<unsigned>(ymd.day()));
}

Timestamp timestamp_from_python(py::handle value) {
  py::module_ datetime = py::module_::import("datetime");
  if (!py::isinstance(value, datetime.attr("datetime")))
    throw py::type_error("expected a datetime.datetime, got " +
                         type_name(value));
  py::object aware = py::reinterpret_borrow<py::object>(value);
  if (aware.attr("tzinfo").is_none())
    aware = aware.attr("replace")(py::arg("tzinfo") = utc());
  return from_unix_ms(whole_milliseconds(aware.attr("__sub__")(unix_epoch())));
}

std::chrono::milliseconds duration_from_python(py::handle value) {
  py::module_ datetime = py::module_::import("datetime");
  if (py::isinstance(value, datetime.attr("timedelta")))
    return std::chrono::milliseconds{whole_milliseconds(value)};
  if (!PyBool_Check(value.ptr()) &&
      (PyLong_Check(value.ptr()) || PyFloat_Check(value.ptr()))) {
    return std::chrono::milliseconds{
        std::llround(value.cast<double>() * 1000.0)};
  }
  throw py::type_error("expected a datetime.timedelta or seconds, got " +
                       type_name(value));
}

py::object python_from_duration(std::chrono::milliseconds d) {
  return py::module_::import("datetime")
      .attr("timedelta")(py::arg("milliseconds") = d.count());
}

std::string type_name(py::handle value) {
  return py::str(py::type::handle_of(value).attr("__name__"));
}

std::string repr_of(std::string_view text) {
  return py::repr(py::str(std::string(text))).cast<std::string>();
}

}  // namespace lms::python
