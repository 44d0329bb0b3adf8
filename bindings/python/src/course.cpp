// SPDX-License-Identifier: Apache-2.0
//
// lms.Activity (a step of a course; the one value type Python code builds,
// to pass to Engine.create_course), lms.Course and lms.CoursePage (one page
// of Engine.list_courses). Read-only values; equal when every field is.

#include "lms/course.hpp"

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <string>

#include "bindings.hpp"
#include "convert.hpp"
#include "lms/error.hpp"
#include "lms/json.hpp"

namespace lms::python {
namespace {

Activity make_activity(const py::object& key, const py::object& kind,
                       const py::object& title, const py::object& required) {
  if (!PyBool_Check(required.ptr()))
    throw Error(ErrorCode::invalid_argument, "required: must be a bool");
  Activity activity;
  activity.key = utf8_from_python(key, "key");
  activity.kind = parse_activity_kind(utf8_from_python(kind, "kind"), "kind");
  activity.title = utf8_from_python(title, "title");
  activity.required = required.ptr() == Py_True;
  return activity;
}

}  // namespace

void init_course(py::module_& m) {
  py::class_<Activity>(m, "Activity", "A step of a course.")
      .def(py::init(&make_activity), py::arg("key"), py::arg("kind"),
           py::arg("title"), py::arg("required") = true,
           "An activity: `kind` is 'lesson', 'assessment', 'scorm', 'xapi' "
           "or 'external'; `required` ones count towards completion.")
      .def_readonly("key", &Activity::key, "Unique within the course.")
      .def_property_readonly(
          "kind",
          [](const Activity& a) { return std::string(to_string(a.kind)); },
          "'lesson', 'assessment', 'scorm', 'xapi' or 'external'.")
      .def_readonly("title", &Activity::title, "The title shown.")
      .def_readonly("required", &Activity::required,
                    "Whether it counts towards completion.")
      .def(
          "__eq__", [](const Activity& a, const Activity& b) { return a == b; },
          py::is_operator())
      .def("__repr__", [](const Activity& a) {
        return "lms.Activity(key=" + repr_of(a.key) +
               ", kind=" + repr_of(to_string(a.kind)) +
               ", title=" + repr_of(a.title) +
               ", required=" + (a.required ? "True" : "False") + ")";
      });

  py::class_<Course>(m, "Course", "A versioned course of a tenant's catalog.")
      .def_readonly("key", &Course::key,
                    "The host's key, unique in the tenant.")
      .def_readonly("title", &Course::title, "The title shown.")
      .def_readonly("description", &Course::description,
                    "The description; may be ''.")
      .def_readonly("activities", &Course::activities,
                    "The activities, in the order learners meet them.")
      .def_readonly("prerequisites", &Course::prerequisites,
                    "Keys of the courses to complete first.")
      .def_readonly("recertification_days", &Course::recertification_days,
                    "Days a completion stays valid; None: forever.")
      .def_readonly("default_due_days", &Course::default_due_days,
                    "Days from enrolment to the due date; None: no due date.")
      .def_readonly("version", &Course::version,
                    "1 at creation, +1 on every change.")
      .def_property_readonly(
          "status",
          [](const Course& c) { return std::string(to_string(c.status)); },
          "'draft', 'published' or 'archived'.")
      .def_property_readonly(
          "created_at",
          [](const Course& c) { return python_from_timestamp(c.created_at); },
          "When it was created, a timezone-aware UTC datetime.")
      .def_property_readonly(
          "updated_at",
          [](const Course& c) { return python_from_timestamp(c.updated_at); },
          "When it last changed, a timezone-aware UTC datetime.")
      .def(
          "__eq__",
          [](const Course& a, const Course& b) {
            return to_json(a) == to_json(b);
          },
          py::is_operator())
      .def("__repr__", [](const Course& c) {
        return "lms.Course(key=" + repr_of(c.key) +
               ", title=" + repr_of(c.title) +
               ", version=" + std::to_string(c.version) +
               ", status=" + repr_of(to_string(c.status)) + ")";
      });

  py::class_<CoursePage>(m, "CoursePage", "One page of Engine.list_courses.")
      .def_readonly("courses", &CoursePage::courses, "The courses, by key.")
      .def_readonly("next_after", &CoursePage::next_after,
                    "Pass as after= for the next page; '' on the last page.")
      .def("__repr__", [](const CoursePage& p) {
        return "lms.CoursePage(<" + std::to_string(p.courses.size()) +
               " courses>, next_after=" + repr_of(p.next_after) + ")";
      });
}

}  // namespace lms::python
