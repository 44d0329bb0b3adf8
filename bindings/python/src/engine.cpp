// SPDX-License-Identifier: Apache-2.0
//
// lms.Engine: the C++ API's lms::Engine for Python. Each method turns its
// Python arguments into the C++ input (through the JSON codec of
// lms/json.hpp, so field rules live in one place), calls the engine with the
// GIL released, and returns the C++ result as the wrapped value types.
//
// The enrolment and progress methods are in engine_enrolment.cpp, the
// access-control methods in engine_access.cpp.
//
// Thread safety: see engine_handle.hpp.

#include "lms/engine.hpp"

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "bindings.hpp"
#include "convert.hpp"
#include "engine_handle.hpp"
#include "lms/error.hpp"
#include "lms/json.hpp"
#include "lms/storage.hpp"

namespace lms::python {
namespace {

[[noreturn]] void throw_invalid(const std::string& message) {
  throw Error(ErrorCode::invalid_argument, message);
}

EngineHandle open_engine(const py::object& path, const std::string& backend,
                         std::shared_ptr<ManualClock> clock,
                         const py::object& access_cache_ttl) {
  EngineOptions options;
  if (clock) options.clock = std::move(clock);
  if (!access_cache_ttl.is_none())
    options.access_cache_ttl = duration_from_python(access_cache_ttl);
  if (backend == "memory") {
    py::gil_scoped_release release;
    return EngineHandle(
        std::make_shared<Engine>(make_memory_storage(), std::move(options)));
  }
  if (backend != "sqlite")
    throw_invalid("backend: must be 'sqlite' or 'memory', got " +
                  repr_of(backend));
  if (path.is_none())
    throw_invalid(
        "path: required with backend 'sqlite' (':memory:' for a private "
        "in-memory database)");
  const std::string location =
      utf8_from_python(py::module_::import("os").attr("fspath")(path), "path");
  py::gil_scoped_release release;
  return EngineHandle(
      std::make_shared<Engine>(Engine::open(location, std::move(options))));
}

// The keyword arguments as a JSON object; None stays null.
Json json_from_kwargs(const py::kwargs& changes) {
  Json object = Json::object();
  for (auto [name, value] : changes) {
    const std::string field = utf8_from_python(name, "changes");
    object[field] = json_from_python(value, field);
  }
  return object;
}

std::vector<UserRecord> records_from_python(const py::object& records) {
  std::vector<UserRecord> batch;
  std::size_t index = 0;
  for (py::handle record : records) {
    const std::string field = "records[" + std::to_string(index++) + "]";
    if (!PyDict_Check(record.ptr()))
      throw_invalid(field + ": must be a dict, got " + type_name(record));
    const Json json = json_from_python(record, field);
    try {
      batch.push_back(user_record_from_json(json));
    } catch (const Error& error) {
      throw Error(error.code(), field + ": " + error.what());
    }
  }
  return batch;
}

std::vector<UserRecord> records_from_csv(const py::object& csv_path) {
  const std::string text = py::module_::import("pathlib")
                               .attr("Path")(csv_path)
                               .attr("read_bytes")()
                               .cast<std::string>();
  py::gil_scoped_release release;
  return parse_users_csv(text);
}

SyncResult sync_users(const EngineHandle& self, const Actor& actor,
                      TenantId tenant, const py::object& records,
                      const py::object& csv_path, const py::object& mode,
                      const py::object& missing, const py::object& dry_run) {
  if (records.is_none() == csv_path.is_none())
    throw_invalid("records: pass either records or csv_path");
  const SyncOptions options = sync_options_from_json(json_object(
      {{"mode", mode}, {"missing", missing}, {"dry_run", dry_run}}));
  const std::vector<UserRecord> batch = records.is_none()
                                            ? records_from_csv(csv_path)
                                            : records_from_python(records);
  return self.run([&](Engine& engine) {
    return engine.sync_users(actor, tenant, batch, options);
  });
}

}  // namespace

void init_engine(py::module_& m) {
  py::class_<EngineHandle> cls(
      m, "Engine",
      "The learning engine over one database. Every method names its actor "
      "first, checks that the actor may do it (PermissionDeniedError when "
      "not; list calls filter instead) and raises an lms.Error subclass "
      "when it fails; a failed call writes nothing. Usable as a context "
      "manager (closes on exit).");
  cls.def(py::init(&open_engine), py::arg("path") = py::none(), py::kw_only(),
          py::arg("backend") = "sqlite", py::arg("clock") = py::none(),
          py::arg("access_cache_ttl") = py::none(),
          "Opens an engine. backend='sqlite' (default): `path` is a database "
          "file (created when missing) or ':memory:'; backend='memory': the "
          "in-memory backend, `path` is ignored. `clock` (a ManualClock) "
          "replaces the system clock. `access_cache_ttl` (a timedelta or "
          "seconds) bounds how long access checks may be answered from what "
          "was read before: by default until this engine changes it; set it "
          "when other processes write the same database; 0 turns the cache "
          "off. Raises InvalidArgumentError for a bad backend, a missing "
          "path or a negative TTL, StorageError when the database cannot be "
          "opened or was written by a newer library.")
      .def("close", &EngineHandle::close,
           "Closes the engine; later calls raise ValueError. Idempotent.")
      .def_property_readonly("closed", &EngineHandle::closed,
                             "Whether close() has been called.")
      .def(
          "__enter__", [](py::object self) { return self; },
          "Returns the engine itself.")
      .def(
          "__exit__",
          [](EngineHandle& self, py::args) {
            self.close();
            return false;
          },
          "Closes the engine.")

      // --- Tenants ---------------------------------------------------------
      .def(
          "create_tenant",
          [](const EngineHandle& self, const Actor& actor,
             const py::object& key, const py::object& name) {
            const TenantSpec spec = tenant_spec_from_json(
                json_object({{"key", key}, {"name", name}}));
            return self.run([&](Engine& engine) {
              return engine.create_tenant(actor, spec);
            });
          },
          py::arg("actor"), py::kw_only(), py::arg("key"), py::arg("name"),
          "Creates a tenant (system principal only). Raises "
          "AlreadyExistsError for a taken key.")
      .def(
          "get_tenant",
          [](const EngineHandle& self, const Actor& actor, TenantId tenant_id) {
            return self.run([&](Engine& engine) {
              return engine.get_tenant(actor, tenant_id);
            });
          },
          py::arg("actor"), py::arg("tenant_id"),
          "The tenant `tenant_id`. Raises NotFoundError.")
      .def(
          "list_tenants",
          [](const EngineHandle& self, const Actor& actor) {
            return self.run(
                [&](Engine& engine) { return engine.list_tenants(actor); });
          },
          py::arg("actor"), "Every tenant, by id (system principal only).")

      // --- Users -----------------------------------------------------------
      .def(
          "create_user",
          [](const EngineHandle& self, const Actor& actor, TenantId tenant_id,
             const py::object& key, const py::object& display_name,
             const py::object& email, const py::object& org_unit,
             const py::object& manager_key, const py::object& hire_date,
             const py::object& attributes, const py::object& status) {
            const UserRecord record = user_record_from_json(
                json_object({{"key", key},
                             {"display_name", display_name},
                             {"email", email},
                             {"org_unit", org_unit},
                             {"manager_key", manager_key},
                             {"hire_date", hire_date},
                             {"attributes", attributes},
                             {"status", status}}));
            return self.run([&](Engine& engine) {
              return engine.create_user(actor, tenant_id, record);
            });
          },
          py::arg("actor"), py::arg("tenant_id"), py::kw_only(), py::arg("key"),
          py::arg("display_name"), py::arg("email") = "",
          py::arg("org_unit") = "", py::arg("manager_key") = "",
          py::arg("hire_date") = py::none(), py::arg("attributes") = py::none(),
          py::arg("status") = "active",
          "Creates a user. `hire_date` is a datetime.date or 'YYYY-MM-DD'; "
          "`attributes` a flat dict of str to str, int, float or bool. "
          "Raises AlreadyExistsError for a taken key, NotFoundError for an "
          "unknown org unit, InvalidArgumentError naming a bad field.")
      .def(
          "get_user",
          [](const EngineHandle& self, const Actor& actor, TenantId tenant_id,
             const py::object& key) {
            const std::string user_key = utf8_from_python(key, "key");
            return self.run([&](Engine& engine) {
              return engine.get_user(actor, tenant_id, user_key);
            });
          },
          py::arg("actor"), py::arg("tenant_id"), py::arg("key"),
          "The user `key`. Raises NotFoundError.")
      .def(
          "update_user",
          [](const EngineHandle& self, const Actor& actor, TenantId tenant_id,
             const py::object& key, const py::kwargs& changes) {
            const std::string user_key = utf8_from_python(key, "key");
            const UserUpdate update =
                user_update_from_json(json_from_kwargs(changes));
            return self.run([&](Engine& engine) {
              return engine.update_user(actor, tenant_id, user_key, update);
            });
          },
          py::arg("actor"), py::arg("tenant_id"), py::arg("key"),
          "Changes the fields passed as keywords (display_name, email, "
          "org_unit, manager_key, hire_date, attributes, status) and returns "
          "the user; hire_date=None clears it, attributes= replaces them "
          "all. A change that changes nothing writes nothing. Raises "
          "NotFoundError, InvalidArgumentError naming an unknown or bad "
          "field.")
      .def(
          "list_users",
          [](const EngineHandle& self, const Actor& actor, TenantId tenant_id,
             const py::object& org_unit, const py::object& status,
             const py::object& attributes, const py::object& after,
             const py::object& limit) {
            const UserQuery query =
                user_query_from_json(json_object({{"org_unit", org_unit},
                                                  {"status", status},
                                                  {"attributes", attributes},
                                                  {"after", after},
                                                  {"limit", limit}}));
            return self.run([&](Engine& engine) {
              return engine.list_users(actor, tenant_id, query);
            });
          },
          py::arg("actor"), py::arg("tenant_id"), py::kw_only(),
          py::arg("org_unit") = py::none(), py::arg("status") = py::none(),
          py::arg("attributes") = py::none(), py::arg("after") = "",
          py::arg("limit") = 100,
          "One page of users by key: those in `org_unit` or below it, with "
          "`status`, whose attributes equal every pair of `attributes`, with "
          "a key after `after`; at most `limit` (1..1000), and only those "
          "the actor may view (a manager sees their chain). Returns a "
          "UserPage; pass its next_after as `after` for the next page.")
      .def("sync_users", &sync_users, py::arg("actor"), py::arg("tenant_id"),
           py::arg("records") = py::none(), py::kw_only(),
           py::arg("csv_path") = py::none(), py::arg("mode") = "incremental",
           py::arg("missing") = "keep", py::arg("dry_run") = false,
           "Applies an HR batch as a diff: `records` (an iterable of dicts "
           "shaped like create_user's keywords) or the CSV file `csv_path` "
           "(a header row; columns key, display_name, email, org_unit, "
           "manager_key, hire_date, status, attributes.<name>). New keys are "
           "created, changed ones updated; with mode='full' the users the "
           "batch omits are kept, suspended or deprovisioned as `missing` "
           "says. dry_run=True computes the result and writes nothing. All "
           "or nothing: a bad record raises InvalidArgumentError naming it "
           "and its field. Returns a SyncResult.")

      // --- Org units -------------------------------------------------------
      .def(
          "create_org_unit",
          [](const EngineHandle& self, const Actor& actor, TenantId tenant_id,
             const py::object& key, const py::object& name,
             const py::object& parent) {
            const OrgUnitSpec spec = org_unit_spec_from_json(json_object(
                {{"key", key}, {"name", name}, {"parent", parent}}));
            return self.run([&](Engine& engine) {
              return engine.create_org_unit(actor, tenant_id, spec);
            });
          },
          py::arg("actor"), py::arg("tenant_id"), py::kw_only(), py::arg("key"),
          py::arg("name"), py::arg("parent") = "",
          "Creates an org unit under `parent` ('' for a root). Raises "
          "AlreadyExistsError, NotFoundError for an unknown parent.")
      .def(
          "get_org_unit",
          [](const EngineHandle& self, const Actor& actor, TenantId tenant_id,
             const py::object& key) {
            const std::string unit_key = utf8_from_python(key, "key");
            return self.run([&](Engine& engine) {
              return engine.get_org_unit(actor, tenant_id, unit_key);
            });
          },
          py::arg("actor"), py::arg("tenant_id"), py::arg("key"),
          "The org unit `key`. Raises NotFoundError.")
      .def(
          "move_org_unit",
          [](const EngineHandle& self, const Actor& actor, TenantId tenant_id,
             const py::object& key, const py::object& new_parent) {
            const std::string unit_key = utf8_from_python(key, "key");
            const std::string parent_key =
                new_parent.is_none()
                    ? std::string()
                    : utf8_from_python(new_parent, "new_parent");
            return self.run([&](Engine& engine) {
              return engine.move_org_unit(actor, tenant_id, unit_key,
                                          parent_key);
            });
          },
          py::arg("actor"), py::arg("tenant_id"), py::arg("key"),
          py::arg("new_parent"),
          "Moves `key` under `new_parent` ('' or None: makes it a root). "
          "Raises InvalidArgumentError when that would make a cycle, "
          "NotFoundError for an unknown unit.")
      .def(
          "list_org_units",
          [](const EngineHandle& self, const Actor& actor, TenantId tenant_id,
             const py::object& root) {
            const std::string root_key = utf8_from_python(root, "root");
            return self.run([&](Engine& engine) {
              return engine.list_org_subtree(actor, tenant_id, root_key);
            });
          },
          py::arg("actor"), py::arg("tenant_id"), py::arg("root") = "",
          "`root` and every unit below it, parents first ('' for every "
          "unit). Raises NotFoundError for an unknown root.")

      // --- Courses ---------------------------------------------------------
      .def(
          "create_course",
          [](const EngineHandle& self, const Actor& actor, TenantId tenant_id,
             const py::object& key, const py::object& title,
             const py::object& description, const py::object& activities,
             const py::object& prerequisites,
             const py::object& recertification_days,
             const py::object& default_due_days, const py::object& due_from,
             const py::object& self_enrolment,
             const py::object& enrolment_opens,
             const py::object& enrolment_closes, const py::object& completion,
             const py::object& score_policy) {
            const CourseSpec spec = course_spec_from_json(
                json_object({{"key", key},
                             {"title", title},
                             {"description", description},
                             {"activities", activities},
                             {"prerequisites", prerequisites},
                             {"recertification_days", recertification_days},
                             {"default_due_days", default_due_days},
                             {"due_from", due_from},
                             {"self_enrolment", self_enrolment},
                             {"enrolment_opens", enrolment_opens},
                             {"enrolment_closes", enrolment_closes},
                             {"completion", completion},
                             {"score_policy", score_policy}}));
            return self.run([&](Engine& engine) {
              return engine.create_course(actor, tenant_id, spec);
            });
          },
          py::arg("actor"), py::arg("tenant_id"), py::kw_only(), py::arg("key"),
          py::arg("title"), py::arg("description") = "",
          py::arg("activities") = py::tuple(),
          py::arg("prerequisites") = py::tuple(),
          py::arg("recertification_days") = py::none(),
          py::arg("default_due_days") = py::none(),
          py::arg("due_from") = "enrolment", py::arg("self_enrolment") = false,
          py::arg("enrolment_opens") = py::none(),
          py::arg("enrolment_closes") = py::none(),
          py::arg("completion") = py::none(),
          py::arg("score_policy") = "highest",
          "Creates a draft course at version 1. `activities` are Activity "
          "objects or dicts {'key', 'kind', 'title', 'required'}; "
          "`prerequisites` course keys. `recertification_days`: days a "
          "completion stays valid (None: forever); `default_due_days`: days "
          "from `due_from` ('enrolment' or 'hire_date') to a new "
          "enrolment's due date (None: none). `self_enrolment`: whether "
          "learners may enrol themselves; new enrolments are taken from "
          "`enrolment_opens` until `enrolment_closes` (datetimes, a naive "
          "one taken as UTC; None: unbounded). `completion`: a "
          "CompletionRule or a dict {'required_count', 'min_score', "
          "'must_pass'} (None: every required activity completed); "
          "`score_policy`: which of several scores of an activity counts, "
          "'highest' or 'latest'. Raises AlreadyExistsError, NotFoundError "
          "for an unknown prerequisite, InvalidArgumentError naming a bad "
          "field.")
      .def(
          "get_course",
          [](const EngineHandle& self, const Actor& actor, TenantId tenant_id,
             const py::object& key) {
            const std::string course_key = utf8_from_python(key, "key");
            return self.run([&](Engine& engine) {
              return engine.get_course(actor, tenant_id, course_key);
            });
          },
          py::arg("actor"), py::arg("tenant_id"), py::arg("key"),
          "The course `key`. Raises NotFoundError.")
      .def(
          "update_course",
          [](const EngineHandle& self, const Actor& actor, TenantId tenant_id,
             const py::object& key, const py::kwargs& changes) {
            const std::string course_key = utf8_from_python(key, "key");
            const CourseUpdate update =
                course_update_from_json(json_from_kwargs(changes));
            return self.run([&](Engine& engine) {
              return engine.update_course(actor, tenant_id, course_key, update);
            });
          },
          py::arg("actor"), py::arg("tenant_id"), py::arg("key"),
          "Changes the fields passed as keywords (title, description, "
          "activities, prerequisites, recertification_days, "
          "default_due_days, due_from, self_enrolment, enrolment_opens, "
          "enrolment_closes, completion, score_policy; as create_course "
          "takes them) and bumps the version; None clears a period or an "
          "enrolment window bound. Raises ConflictError for an archived "
          "course, InvalidArgumentError for a prerequisite cycle or an "
          "unknown or bad field.")
      .def(
          "publish_course",
          [](const EngineHandle& self, const Actor& actor, TenantId tenant_id,
             const py::object& key) {
            const std::string course_key = utf8_from_python(key, "key");
            return self.run([&](Engine& engine) {
              return engine.publish_course(actor, tenant_id, course_key);
            });
          },
          py::arg("actor"), py::arg("tenant_id"), py::arg("key"),
          "draft -> published. Raises ConflictError from any other status.")
      .def(
          "archive_course",
          [](const EngineHandle& self, const Actor& actor, TenantId tenant_id,
             const py::object& key) {
            const std::string course_key = utf8_from_python(key, "key");
            return self.run([&](Engine& engine) {
              return engine.archive_course(actor, tenant_id, course_key);
            });
          },
          py::arg("actor"), py::arg("tenant_id"), py::arg("key"),
          "draft or published -> archived. Raises ConflictError when already "
          "archived.")
      .def(
          "list_courses",
          [](const EngineHandle& self, const Actor& actor, TenantId tenant_id,
             const py::object& status, const py::object& after,
             const py::object& limit) {
            const CourseQuery query = course_query_from_json(json_object(
                {{"status", status}, {"after", after}, {"limit", limit}}));
            return self.run([&](Engine& engine) {
              return engine.list_courses(actor, tenant_id, query);
            });
          },
          py::arg("actor"), py::arg("tenant_id"), py::kw_only(),
          py::arg("status") = py::none(), py::arg("after") = "",
          py::arg("limit") = 100,
          "One page of courses by key, with `status` if given, after "
          "`after`, at most `limit` (1..1000), and only those the actor may "
          "view. Returns a CoursePage.")

      // --- Events ----------------------------------------------------------
      .def(
          "events_after",
          [](const EngineHandle& self, const Actor& actor, TenantId tenant_id,
             std::int64_t after, std::int64_t limit) {
            // A negative limit becomes 0, which the engine refuses by name.
            const auto count = static_cast<std::size_t>(limit < 0 ? 0 : limit);
            return self.run([&](Engine& engine) {
              return engine.events_after(actor, tenant_id, after, count);
            });
          },
          py::arg("actor"), py::arg("tenant_id"), py::arg("after") = 0,
          py::arg("limit") = 100,
          "Up to `limit` (1..1000) events of the tenant with seq > `after`, "
          "in order (system principal only). Returns a list of Event.");
  init_engine_enrolment(cls);
  init_engine_access(cls);
}

}  // namespace lms::python
