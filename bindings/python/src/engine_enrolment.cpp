// SPDX-License-Identifier: Apache-2.0
//
// The enrolment and progress methods of lms.Engine. As in engine.cpp, each
// method turns its Python arguments into the C++ input through the JSON
// codec of lms/json.hpp (so a bad field is named as it would be from C),
// calls the engine with the GIL released, and returns the wrapped value
// types.

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cstdint>
#include <string>
#include <vector>

#include "bindings.hpp"
#include "convert.hpp"
#include "engine_handle.hpp"
#include "lms/engine.hpp"
#include "lms/error.hpp"
#include "lms/json.hpp"

namespace lms::python {
namespace {

[[noreturn]] void throw_invalid(const std::string& message) {
  throw Error(ErrorCode::invalid_argument, message);
}

// The enrolments argument of enrol_many: an iterable of dicts, each shaped
// like enrol()'s keywords; their fields are named "enrolments[i].user_key".
std::vector<EnrolmentSpec> enrolment_specs_from_python(
    const py::object& enrolments) {
  if (PyUnicode_Check(enrolments.ptr()) || PyDict_Check(enrolments.ptr()) ||
      !py::isinstance<py::iterable>(enrolments))
    throw_invalid("enrolments: must be an iterable of dicts, got " +
                  type_name(enrolments));
  Json array = Json::array();
  std::size_t index = 0;
  for (py::handle item : enrolments) {
    const std::string field = "enrolments[" + std::to_string(index++) + "]";
    if (!PyDict_Check(item.ptr()))
      throw_invalid(field + ": must be a dict, got " + type_name(item));
    array.push_back(json_from_python(item, field));
  }
  return enrolment_specs_from_json(array);
}

// time_spent as whole milliseconds; only a datetime.timedelta is taken, so
// that no number is mistaken for the wrong unit.
Json time_spent_json(const py::object& time_spent) {
  if (!py::isinstance(time_spent,
                      py::module_::import("datetime").attr("timedelta")))
    throw_invalid("time_spent: must be a datetime.timedelta, got " +
                  type_name(time_spent));
  return duration_from_python(time_spent).count();
}

}  // namespace

void init_engine_enrolment(py::class_<EngineHandle>& cls) {
  // --- Enrolments ----------------------------------------------------------
  cls.def(
         "enrol",
         [](const EngineHandle& self, const Actor& actor, TenantId tenant_id,
            const py::object& user_key, const py::object& course_key,
            const py::object& due_at, const py::object& source) {
           const EnrolmentSpec spec =
               enrolment_spec_from_json(json_object({{"user_key", user_key},
                                                     {"course_key", course_key},
                                                     {"due_at", due_at},
                                                     {"source", source}}));
           return self.run([&](Engine& engine) {
             return engine.enrol(actor, tenant_id, spec);
           });
         },
         py::arg("actor"), py::arg("tenant_id"), py::kw_only(),
         py::arg("user_key"), py::arg("course_key"),
         py::arg("due_at") = py::none(), py::arg("source") = "manual",
         "Enrols user `user_key` in course `course_key` and returns the "
         "Enrolment; it is 'locked' while the user has not completed every "
         "prerequisite of the course. `due_at` (a datetime, a naive one "
         "taken as UTC; None: the course's default due period) must not be "
         "before now; `source` is 'manual' or 'import'. Needs "
         "enrolment.manage (an instructor assigned at the course, a manager "
         "of the user, an administrator of the user's unit). Raises "
         "NotFoundError for an unknown user or course, InvalidArgumentError "
         "for a deprovisioned user, a due date in the past or a bad field, "
         "ConflictError for a course that is not published or outside its "
         "enrolment window, AlreadyExistsError when the user is active in "
         "the course, PermissionDeniedError.")
      .def(
          "enrol_self",
          [](const EngineHandle& self, const Actor& actor, TenantId tenant_id,
             const py::object& course_key) {
            const std::string course =
                utf8_from_python(course_key, "course_key");
            return self.run([&](Engine& engine) {
              return engine.enrol_self(actor, tenant_id, course);
            });
          },
          py::arg("actor"), py::arg("tenant_id"), py::arg("course_key"),
          "The actor (a user) enrols themselves in course `course_key`, with "
          "the course's default due date, and gets the Enrolment. Needs "
          "enrolment.self on the enrolment, which every user holds on their "
          "own through the learner role unless an override at the course "
          "says otherwise. Raises as enrol(), ConflictError when the course "
          "does not allow self-enrolment, InvalidArgumentError for the "
          "system principal.")
      .def(
          "enrol_many",
          [](const EngineHandle& self, const Actor& actor, TenantId tenant_id,
             const py::object& enrolments) {
            const std::vector<EnrolmentSpec> specs =
                enrolment_specs_from_python(enrolments);
            return self.run([&](Engine& engine) {
              return engine.enrol_many(actor, tenant_id, specs);
            });
          },
          py::arg("actor"), py::arg("tenant_id"), py::arg("enrolments"),
          "Enrols every request of `enrolments` (an iterable of dicts "
          "{'user_key', 'course_key', 'due_at'?, 'source'?} shaped like "
          "enrol()'s keywords) as enrol() does, all or nothing; requests for "
          "users already active in the course are counted instead of "
          "refused. Returns a BulkEnrolResult. Raises as enrol(), naming the "
          "request ('enrolments[3].user_key'), and LimitExceededError "
          "beyond 1,000,000 requests.")
      .def(
          "withdraw",
          [](const EngineHandle& self, const Actor& actor, TenantId tenant_id,
             std::int64_t enrolment_id) {
            return self.run([&](Engine& engine) {
              return engine.withdraw(actor, tenant_id, enrolment_id);
            });
          },
          py::arg("actor"), py::arg("tenant_id"), py::arg("enrolment_id"),
          "Takes the user out of the course: enrolment `enrolment_id` "
          "becomes 'withdrawn' and is returned; a later enrol() starts the "
          "next cycle. Needs enrolment.manage. Raises NotFoundError for an "
          "unknown id, ConflictError for a completed, withdrawn or expired "
          "enrolment, PermissionDeniedError.")
      .def(
          "get_enrolment",
          [](const EngineHandle& self, const Actor& actor, TenantId tenant_id,
             std::int64_t enrolment_id) {
            return self.run([&](Engine& engine) {
              return engine.get_enrolment(actor, tenant_id, enrolment_id);
            });
          },
          py::arg("actor"), py::arg("tenant_id"), py::arg("enrolment_id"),
          "The Enrolment `enrolment_id`. Needs enrolment.view. Raises "
          "NotFoundError, PermissionDeniedError.")
      .def(
          "list_enrolments",
          [](const EngineHandle& self, const Actor& actor, TenantId tenant_id,
             const py::object& user_key, const py::object& course_key,
             const py::object& status, const py::object& after,
             const py::object& limit) {
            const EnrolmentQuery query = enrolment_query_from_json(
                json_object({{"user_key", user_key},
                             {"course_key", course_key},
                             {"status", status},
                             {"after", after},
                             {"limit", limit}}));
            return self.run([&](Engine& engine) {
              return engine.list_enrolments(actor, tenant_id, query);
            });
          },
          py::arg("actor"), py::arg("tenant_id"), py::kw_only(),
          py::arg("user_key") = py::none(), py::arg("course_key") = py::none(),
          py::arg("status") = py::none(), py::arg("after") = 0,
          py::arg("limit") = 100,
          "One page of enrolments by id: those of user `user_key`, in course "
          "`course_key` and with `status` where given, with an id after "
          "`after`; at most `limit` (1..1000), and only those the actor may "
          "view. Returns an EnrolmentPage; pass its next_after as `after` "
          "for the next page. Raises InvalidArgumentError naming a bad "
          "field.")

      // --- Progress
      // ------------------------------------------------------------
      .def(
          "record_progress",
          [](const EngineHandle& self, const Actor& actor, TenantId tenant_id,
             const py::object& user_key, const py::object& course_key,
             const py::object& activity_key, const py::object& progress,
             const py::object& completed, const py::object& score,
             const py::object& passed, const py::object& time_spent) {
            Json json = json_object({{"user_key", user_key},
                                     {"course_key", course_key},
                                     {"activity_key", activity_key},
                                     {"progress", progress},
                                     {"completed", completed},
                                     {"score", score},
                                     {"passed", passed}});
            json["time_spent_ms"] = time_spent_json(time_spent);
            const ProgressUpdate update = progress_update_from_json(json);
            return self.run([&](Engine& engine) {
              return engine.record_progress(actor, tenant_id, update);
            });
          },
          py::arg("actor"), py::arg("tenant_id"), py::kw_only(),
          py::arg("user_key"), py::arg("course_key"), py::arg("activity_key"),
          py::arg("progress") = py::none(), py::arg("completed") = false,
          py::arg("score") = py::none(), py::arg("passed") = py::none(),
          py::arg("time_spent") =
              py::module_::import("datetime").attr("timedelta")(),
          "Records a report of activity `activity_key` on user `user_key`'s "
          "current enrolment in course `course_key`: `progress` (0..1; "
          "lower than the kept progress changes nothing), completed=True "
          "(completes the activity), `score` (0..1, kept by the course's "
          "score policy), `passed` (an assessment's verdict), `time_spent` "
          "(a datetime.timedelta since the last report, whole milliseconds, "
          "up to a day, added to the total). The enrolment moves on: "
          "started, then completed or failed by the course's completion "
          "rule; a completion unlocks the user's enrolments waiting for it. "
          "A report that changes nothing writes nothing. Returns a "
          "RecordedProgress. Needs progress.record. Raises NotFoundError for "
          "an unknown course or activity or a user not enrolled in the "
          "course, ConflictError when the enrolment is locked, withdrawn or "
          "expired, InvalidArgumentError for progress or score outside 0..1, "
          "a negative time or a bad field, PermissionDeniedError.")
      .def(
          "get_progress",
          [](const EngineHandle& self, const Actor& actor, TenantId tenant_id,
             std::int64_t enrolment_id) {
            return self.run([&](Engine& engine) {
              return engine.get_progress(actor, tenant_id, enrolment_id);
            });
          },
          py::arg("actor"), py::arg("tenant_id"), py::arg("enrolment_id"),
          "What is kept of each activity of enrolment `enrolment_id` that "
          "has a report, a list of ActivityProgress by activity key. Needs "
          "progress.view. Raises NotFoundError for an unknown id, "
          "PermissionDeniedError.");
}

}  // namespace lms::python
