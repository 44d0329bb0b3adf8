// SPDX-License-Identifier: Apache-2.0
//
// lms.Enrolment (a user in a course, one per cycle), lms.EnrolmentPage (one
// page of Engine.list_enrolments) and lms.BulkEnrolResult (what
// Engine.enrol_many did). Read-only values; equal when every field is.

#include "lms/enrolment.hpp"

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <string>

#include "bindings.hpp"
#include "convert.hpp"

namespace lms::python {

void init_enrolment(py::module_& m) {
  py::class_<Enrolment>(m, "Enrolment",
                        "A user in a course: one record per cycle, every "
                        "past cycle kept.")
      .def_readonly("id", &Enrolment::id,
                    "The engine's id, for Engine.get_enrolment, withdraw "
                    "and get_progress.")
      .def_readonly("user_key", &Enrolment::user_key, "The user's key.")
      .def_readonly("course_key", &Enrolment::course_key, "The course's key.")
      .def_readonly("cycle", &Enrolment::cycle,
                    "1 for the user's first enrolment in the course, +1 for "
                    "each later one.")
      .def_property_readonly(
          "status",
          [](const Enrolment& e) { return std::string(to_string(e.status)); },
          "'locked' (prerequisites not completed), 'enrolled', "
          "'in_progress', 'completed', 'failed', 'withdrawn' or 'expired'.")
      .def_property_readonly(
          "source",
          [](const Enrolment& e) { return std::string(to_string(e.source)); },
          "How it came about: 'manual', 'self', 'import', 'audience' or "
          "'path'.")
      .def_readonly("source_key", &Enrolment::source_key,
                    "The audience or learning path that enrolled the user; "
                    "'' otherwise.")
      .def_property_readonly(
          "enrolled_at",
          [](const Enrolment& e) {
            return python_from_timestamp(e.enrolled_at);
          },
          "When the user was enrolled, a timezone-aware UTC datetime.")
      .def_property_readonly(
          "due_at",
          [](const Enrolment& e) { return python_from_timestamp(e.due_at); },
          "When it is due, a timezone-aware UTC datetime, or None.")
      .def_property_readonly(
          "completed_at",
          [](const Enrolment& e) {
            return python_from_timestamp(e.completed_at);
          },
          "When it completed (or failed), a timezone-aware UTC datetime, or "
          "None.")
      .def_property_readonly(
          "expires_at",
          [](const Enrolment& e) {
            return python_from_timestamp(e.expires_at);
          },
          "When the completion stops being valid, a timezone-aware UTC "
          "datetime, or None (never, or not complete).")
      .def_readonly("score", &Enrolment::score,
                    "The course score (0..1, the mean of the scored required "
                    "activities) once completed or failed; None otherwise.")
      .def_property_readonly(
          "updated_at",
          [](const Enrolment& e) {
            return python_from_timestamp(e.updated_at);
          },
          "When it last changed, a timezone-aware UTC datetime.")
      .def(
          "__eq__",
          [](const Enrolment& a, const Enrolment& b) { return a == b; },
          py::is_operator())
      .def("__repr__", [](const Enrolment& e) {
        return "lms.Enrolment(id=" + std::to_string(e.id) +
               ", user_key=" + repr_of(e.user_key) +
               ", course_key=" + repr_of(e.course_key) +
               ", cycle=" + std::to_string(e.cycle) +
               ", status=" + repr_of(to_string(e.status)) + ")";
      });

  py::class_<EnrolmentPage>(m, "EnrolmentPage",
                            "One page of Engine.list_enrolments.")
      .def_readonly("enrolments", &EnrolmentPage::enrolments,
                    "The enrolments, by id.")
      .def_readonly("next_after", &EnrolmentPage::next_after,
                    "Pass as after= for the next page; 0 on the last page.")
      .def("__repr__", [](const EnrolmentPage& p) {
        return "lms.EnrolmentPage(<" + std::to_string(p.enrolments.size()) +
               " enrolments>, next_after=" + std::to_string(p.next_after) + ")";
      });

  py::class_<BulkEnrolResult>(m, "BulkEnrolResult",
                              "What Engine.enrol_many did.")
      .def_readonly("enrolled", &BulkEnrolResult::enrolled,
                    "New enrolments made.")
      .def_readonly("already_enrolled", &BulkEnrolResult::already_enrolled,
                    "Requests for users already active in the course, left "
                    "as they were.")
      .def(
          "__eq__",
          [](const BulkEnrolResult& a, const BulkEnrolResult& b) {
            return a == b;
          },
          py::is_operator())
      .def("__repr__", [](const BulkEnrolResult& r) {
        return "lms.BulkEnrolResult(enrolled=" + std::to_string(r.enrolled) +
               ", already_enrolled=" + std::to_string(r.already_enrolled) + ")";
      });
}

}  // namespace lms::python
