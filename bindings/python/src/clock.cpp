// SPDX-License-Identifier: Apache-2.0
//
// lms.ManualClock: a clock that stands still until moved, for tests and
// offline course checks. An engine built with one reads its time from it;
// the Python object and the engine share the same clock. Safe to move from
// any thread.

#include "lms/clock.hpp"

#include <pybind11/pybind11.h>

#include <memory>

#include "bindings.hpp"
#include "convert.hpp"

namespace lms::python {

void init_clock(py::module_& m) {
  py::class_<ManualClock, std::shared_ptr<ManualClock>>(
      m, "ManualClock",
      "A clock that stands still until told otherwise. Pass it to "
      "lms.Engine(clock=...).")
      .def(py::init([](const py::object& start) {
             return std::make_shared<ManualClock>(timestamp_from_python(start));
           }),
           py::arg("start"),
           "A clock reading `start` (a datetime; a naive one is taken as "
           "UTC), to the millisecond.")
      .def(
          "now",
          [](const ManualClock& clock) {
            return python_from_timestamp(clock.now());
          },
          "The current reading, a timezone-aware UTC datetime.")
      .def(
          "set",
          [](ManualClock& clock, const py::object& when) {
            clock.set(timestamp_from_python(when));
          },
          py::arg("when"),
          "Sets the clock to `when` (a datetime; a naive one is taken as "
          "UTC).")
      .def(
          "advance",
          [](ManualClock& clock, const py::object& by,
             const py::object& seconds) {
            if (!by.is_none()) clock.advance(duration_from_python(by));
            clock.advance(duration_from_python(seconds));
          },
          py::arg("by") = py::none(), py::kw_only(), py::arg("seconds") = 0,
          "Moves the clock forward by `by` (a timedelta or seconds) plus "
          "`seconds`; a negative amount moves it back.")
      .def("__repr__", [](const ManualClock& clock) {
        return "lms.ManualClock(" +
               py::repr(python_from_timestamp(clock.now()))
                   .cast<std::string>() +
               ")";
      });
}

}  // namespace lms::python
