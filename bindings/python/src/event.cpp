// SPDX-License-Identifier: Apache-2.0
//
// lms.Event: one entry of a tenant's append-only event log (the audit
// trail). A read-only value; equal when every field is.

#include "lms/event.hpp"

#include <pybind11/pybind11.h>

#include <string>

#include "bindings.hpp"
#include "convert.hpp"
#include "lms/json.hpp"

namespace lms::python {

void init_event(py::module_& m) {
  py::class_<Event>(m, "Event", "An entry of the event log.")
      .def_readonly("seq", &Event::seq,
                    "Position in the log; increases with every event.")
      .def_readonly("tenant_id", &Event::tenant_id, "The tenant's id.")
      .def_property_readonly(
          "time", [](const Event& e) { return python_from_timestamp(e.time); },
          "When it happened, a timezone-aware UTC datetime.")
      .def_readonly("actor", &Event::actor,
                    "'@system' or the acting user's key.")
      .def_readonly("type", &Event::type,
                    "What happened: 'user.created', 'course.published', ...")
      .def_readonly("subject", &Event::subject, "Key of the record changed.")
      .def_property_readonly(
          "payload", [](const Event& e) { return python_from_json(e.payload); },
          "Details of the change, a new dict.")
      .def(
          "__eq__",
          [](const Event& a, const Event& b) {
            return to_json(a) == to_json(b);
          },
          py::is_operator())
      .def("__repr__", [](const Event& e) {
        return "lms.Event(seq=" + std::to_string(e.seq) +
               ", type=" + repr_of(e.type) + ", subject=" + repr_of(e.subject) +
               ", actor=" + repr_of(e.actor) + ")";
      });
}

}  // namespace lms::python
