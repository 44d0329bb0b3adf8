// SPDX-License-Identifier: Apache-2.0
//
// Translates lms::Error into the lms.Error subclass of its code, and any
// other C++ exception escaping the library (a bug) into lms.InternalError,
// as the C ABI maps it to LMS_E_INTERNAL. pybind11's own exceptions and
// std::bad_alloc go on to pybind11's translators. The exception classes live
// in pure Python (lms/_errors.py, looked up by code name in its BY_CODE
// table) so that they are ordinary, picklable Python exceptions.

#include <pybind11/pybind11.h>

#include <exception>
#include <new>
#include <string>
#include <string_view>

#include "bindings.hpp"
#include "lms/error.hpp"

namespace lms::python {
namespace {

void raise_python_error(std::string_view code, const char* message) {
  try {
    py::object by_code = py::module_::import("lms._errors").attr("BY_CODE");
    py::object cls =
        by_code.attr("get")(py::str(std::string(code)), by_code["unknown"]);
    PyErr_SetString(cls.ptr(), message);
  } catch (py::error_already_set& lookup_failure) {
    // lms._errors could not be imported: report that failure instead.
    lookup_failure.restore();
  }
}

}  // namespace

void init_errors(py::module_&) {
  py::register_exception_translator([](std::exception_ptr pending) {
    try {
      if (pending) std::rethrow_exception(pending);
    } catch (const Error& error) {
      raise_python_error(error_code_name(error.code()), error.what());
    } catch (const py::builtin_exception&) {
      throw;
    } catch (const py::error_already_set&) {
      throw;
    } catch (const std::bad_alloc&) {
      throw;
    } catch (const std::exception& bug) {
      raise_python_error(error_code_name(ErrorCode::internal), bug.what());
    }
  });
}

}  // namespace lms::python
