// SPDX-License-Identifier: Apache-2.0
//
// lms.Activity (a step of a course) and lms.CompletionRule (when an
// enrolment of the course is complete) -- the value types Python code
// builds, to pass to Engine.create_course -- lms.Course and lms.CoursePage
// (one page of Engine.list_courses). Read-only values; equal when every
// field is.

#include "lms/course.hpp"

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cstdint>
#include <optional>
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

CompletionRule make_completion_rule(const py::object& required_count,
                                    const py::object& min_score,
                                    const py::object& must_pass) {
  return completion_rule_from_json(
      json_object({{"required_count", required_count},
                   {"min_score", min_score},
                   {"must_pass", must_pass}}));
}

std::string optional_repr(const std::optional<std::int32_t>& n) {
  return n ? std::to_string(*n) : "None";
}

std::string optional_repr(const std::optional<double>& x) {
  return x ? py::repr(py::float_(*x)).cast<std::string>() : "None";
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

  py::class_<CompletionRule>(
      m, "CompletionRule",
      "When an enrolment of a course is complete: every required activity "
      "completed (or any `required_count` of them), then a mean score of "
      "the scored required activities of at least `min_score` and a pass "
      "on each activity of `must_pass`. An enrolment that completes the "
      "activities but misses the score or a pass has failed.")
      .def(py::init(&make_completion_rule), py::kw_only(),
           py::arg("required_count") = py::none(),
           py::arg("min_score") = py::none(),
           py::arg("must_pass") = py::tuple(),
           "A completion rule: `required_count` (None: every required "
           "activity), `min_score` (0..1; None: no score needed), "
           "`must_pass` (activity keys). Checked against the course's "
           "activities when the course is created or updated; raises "
           "InvalidArgumentError naming a field of the wrong type.")
      .def_readonly("required_count", &CompletionRule::required_count,
                    "How many required activities must be completed; None: "
                    "all of them.")
      .def_readonly("min_score", &CompletionRule::min_score,
                    "The least mean score (0..1) of the scored required "
                    "activities; None: no score needed.")
      .def_readonly("must_pass", &CompletionRule::must_pass,
                    "Keys of the activities that must be passed.")
      .def(
          "__eq__",
          [](const CompletionRule& a, const CompletionRule& b) {
            return a == b;
          },
          py::is_operator())
      .def("__repr__", [](const CompletionRule& r) {
        std::string keys;
        for (const std::string& key : r.must_pass)
          keys += (keys.empty() ? "" : ", ") + repr_of(key);
        return "lms.CompletionRule(required_count=" +
               optional_repr(r.required_count) +
               ", min_score=" + optional_repr(r.min_score) + ", must_pass=[" +
               keys + "])";
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
                    "Days from `due_from` to the due date of a new "
                    "enrolment; None: no default due date.")
      .def_property_readonly(
          "due_from",
          [](const Course& c) { return std::string(to_string(c.due_from)); },
          "What the default due period counts from: 'enrolment' or "
          "'hire_date' (the user's; enrolment for users without one).")
      .def_readonly("self_enrolment", &Course::self_enrolment,
                    "Whether learners may enrol themselves.")
      .def_property_readonly(
          "enrolment_opens",
          [](const Course& c) {
            return python_from_timestamp(c.enrolment_opens);
          },
          "When new enrolments open, a timezone-aware UTC datetime, or None "
          "(always open).")
      .def_property_readonly(
          "enrolment_closes",
          [](const Course& c) {
            return python_from_timestamp(c.enrolment_closes);
          },
          "When new enrolments close (exclusive), a timezone-aware UTC "
          "datetime, or None (never).")
      .def_readonly("completion", &Course::completion,
                    "When an enrolment is complete, a CompletionRule.")
      .def_property_readonly(
          "score_policy",
          [](const Course& c) {
            return std::string(to_string(c.score_policy));
          },
          "Which of several scores of an activity counts: 'highest' or "
          "'latest'.")
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
