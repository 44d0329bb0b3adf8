// SPDX-License-Identifier: Apache-2.0
//
// lms.ActivityProgress (what the engine keeps of one activity of one
// enrolment) and lms.RecordedProgress (what Engine.record_progress did).
// Read-only values; equal when every field is.

#include "lms/progress.hpp"

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <string>

#include "bindings.hpp"
#include "convert.hpp"

namespace lms::python {

void init_progress(py::module_& m) {
  py::class_<ActivityProgress>(
      m, "ActivityProgress",
      "The progress of one activity of an enrolment. Monotonic: a "
      "completion never regresses, progress never falls, time accumulates.")
      .def_readonly("enrolment_id", &ActivityProgress::enrolment_id,
                    "The enrolment's id.")
      .def_readonly("activity_key", &ActivityProgress::activity_key,
                    "The activity's key in the course.")
      .def_property_readonly(
          "state",
          [](const ActivityProgress& p) {
            return std::string(to_string(p.state));
          },
          "'not_started', 'in_progress' or 'completed'.")
      .def_readonly("progress", &ActivityProgress::progress,
                    "0..1; never falls.")
      .def_readonly("score", &ActivityProgress::score,
                    "The score (0..1) the course's score policy picked: the "
                    "highest or the latest reported; None if none.")
      .def_readonly("passed", &ActivityProgress::passed,
                    "The pass that goes with the score picked (under "
                    "'highest', True once any report passed); None if none.")
      .def_property_readonly(
          "time_spent",
          [](const ActivityProgress& p) {
            return python_from_duration(p.time_spent);
          },
          "The time of every report added up, a datetime.timedelta.")
      .def_property_readonly(
          "started_at",
          [](const ActivityProgress& p) {
            return python_from_timestamp(p.started_at);
          },
          "When the first report came, a timezone-aware UTC datetime.")
      .def_property_readonly(
          "completed_at",
          [](const ActivityProgress& p) {
            return python_from_timestamp(p.completed_at);
          },
          "When it was first completed, a timezone-aware UTC datetime, or "
          "None.")
      .def_property_readonly(
          "updated_at",
          [](const ActivityProgress& p) {
            return python_from_timestamp(p.updated_at);
          },
          "When it last changed, a timezone-aware UTC datetime.")
      .def(
          "__eq__",
          [](const ActivityProgress& a, const ActivityProgress& b) {
            return a == b;
          },
          py::is_operator())
      .def("__repr__", [](const ActivityProgress& p) {
        return "lms.ActivityProgress(enrolment_id=" +
               std::to_string(p.enrolment_id) +
               ", activity_key=" + repr_of(p.activity_key) +
               ", state=" + repr_of(to_string(p.state)) + ", progress=" +
               py::repr(py::float_(p.progress)).cast<std::string>() + ")";
      });

  py::class_<RecordedProgress>(m, "RecordedProgress",
                               "What Engine.record_progress did.")
      .def_readonly("activity", &RecordedProgress::activity,
                    "The activity's progress as now kept, an "
                    "ActivityProgress.")
      .def_readonly("enrolment", &RecordedProgress::enrolment,
                    "The enrolment after any change of status the update "
                    "caused (started, completed, failed), an Enrolment.")
      .def(
          "__eq__",
          [](const RecordedProgress& a, const RecordedProgress& b) {
            return a.activity == b.activity && a.enrolment == b.enrolment;
          },
          py::is_operator())
      .def("__repr__", [](const RecordedProgress& r) {
        return "lms.RecordedProgress(activity=" +
               py::repr(py::cast(r.activity)).cast<std::string>() +
               ", enrolment=" +
               py::repr(py::cast(r.enrolment)).cast<std::string>() + ")";
      });
}

}  // namespace lms::python
