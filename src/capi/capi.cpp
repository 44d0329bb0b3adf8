// SPDX-License-Identifier: Apache-2.0
//
// The C ABI (include/lms/lms.h) over the C++ API: every function reads its
// C arguments, calls lms::Engine or the JSON codec, and writes its result as
// a malloc'ed JSON text. No rule of the domain lives here; what is specific
// to the boundary is the NULL checks, the options of lms_engine_open, the
// mapping of exceptions to lms_status and the per-thread error message.
//
// Thread safety: every function may be called from any thread; an
// lms_engine is as safe to share as the lms::Engine inside it, and the
// error message is thread-local.

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <memory>
#include <new>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/field_error.hpp"
#include "lms/access.hpp"
#include "lms/engine.hpp"
#include "lms/enrolment.hpp"
#include "lms/error.hpp"
#include "lms/json.hpp"
#include "lms/lms.h"
#include "lms/permission.hpp"
#include "lms/progress.hpp"

struct lms_engine {
  lms::Engine engine;
  // The clock lms_engine_set_time moves; null when the engine runs on the
  // system clock.
  std::shared_ptr<lms::ManualClock> manual_clock;
};

namespace {

// The message lms_last_error() returns. `fallback` covers the one case in
// which the message cannot be stored: no memory left to copy it.
struct ErrorSlot {
  std::string text;
  const char* fallback = nullptr;
};

ErrorSlot& error_slot() {
  thread_local ErrorSlot slot;
  return slot;
}

void clear_error() noexcept {
  ErrorSlot& slot = error_slot();
  slot.text.clear();
  slot.fallback = nullptr;
}

lms_status fail(lms_status status, std::string_view message) noexcept {
  ErrorSlot& slot = error_slot();
  try {
    slot.text.assign(message);
    slot.fallback = nullptr;
  } catch (...) {
    slot.text.clear();
    slot.fallback = "out of memory (the error message could not be stored)";
  }
  return status;
}

// A broken contract of the C ABI itself (a NULL handle or pointer, a call
// the engine's configuration does not allow): LMS_E_MISUSE, which has no
// lms::ErrorCode because C++ callers cannot make these mistakes.
class Misuse : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The one guard around every body: maps whatever escapes to an lms_status
// and the thread's error message, so no exception crosses the boundary.
template <typename Body>
lms_status guard(Body&& body) noexcept {
  clear_error();
  try {
    body();
    return LMS_OK;
  } catch (const lms::Error& e) {
    // lms::ErrorCode values are the lms_status numbers 1..9 by contract.
    return fail(static_cast<lms_status>(e.code()), e.what());
  } catch (const Misuse& e) {
    return fail(LMS_E_MISUSE, e.what());
  } catch (const std::bad_alloc&) {
    return fail(LMS_E_NOMEM, "out of memory");
  } catch (const std::exception& e) {
    return fail(LMS_E_INTERNAL, std::string("internal error: ") + e.what());
  } catch (...) {
    return fail(LMS_E_INTERNAL, "internal error: unknown exception");
  }
}

template <typename T>
void require(const T* pointer, const char* name) {
  if (pointer == nullptr)
    throw Misuse(std::string(name) + ": must not be NULL");
}

// The actor of a call; `name` is the parameter's name ("actor", or
// "subject" for the calls that ask on someone's behalf).
lms::Actor actor_of(const char* actor, const char* name = "actor") {
  require(actor, name);
  return lms::Actor::parse(actor);
}

lms::Json parse(const char* text, const char* name) {
  require(text, name);
  return lms::parse_json(text, name);
}

// A malloc'ed, NUL-terminated copy of `json`'s text: what lms_free frees.
char* dump(const lms::Json& json) {
  const std::string text = json.dump();
  char* copy = static_cast<char*>(std::malloc(text.size() + 1));
  if (copy == nullptr) throw std::bad_alloc();
  std::memcpy(copy, text.c_str(), text.size() + 1);
  return copy;
}

// {"<name>": [item...]}: the published shape of the list calls that return
// every item at once.
template <typename T>
lms::Json list_json(const char* name, const std::vector<T>& items) {
  lms::Json array = lms::Json::array();
  for (const T& item : items) array.push_back(lms::to_json(item));
  lms::Json list = lms::Json::object();
  list[name] = std::move(array);
  return list;
}

// The options of lms_engine_open. They configure the boundary rather than
// the domain, so their reader lives here; it is as strict as the codec's.
struct OpenOptions {
  bool memory_backend = false;
  bool manual_clock = false;
  bool has_start = false;
  lms::Timestamp start =
      lms::parse_timestamp("2026-01-01T00:00:00.000Z", "start");
  std::optional<std::chrono::milliseconds> access_cache_ttl;
};

const std::string& string_field(const lms::Json& value, std::string_view name) {
  if (!value.is_string())
    lms::detail::throw_field_error(lms::ErrorCode::invalid_argument, name,
                                   "must be a string");
  return value.get_ref<const std::string&>();
}

OpenOptions read_open_options(const char* options_json) {
  OpenOptions options;
  if (options_json == nullptr) return options;
  const lms::Json json = lms::parse_json(options_json, "options_json");
  if (!json.is_object())
    lms::detail::throw_field_error(lms::ErrorCode::invalid_argument,
                                   "options_json", "must be a JSON object");
  for (const auto& [name, value] : json.items()) {
    if (name == "backend") {
      const std::string& backend = string_field(value, name);
      if (backend != "sqlite" && backend != "memory")
        lms::detail::throw_field_error(lms::ErrorCode::invalid_argument, name,
                                       "must be 'sqlite' or 'memory'", backend);
      options.memory_backend = backend == "memory";
    } else if (name == "clock") {
      const std::string& clock = string_field(value, name);
      if (clock != "system" && clock != "manual")
        lms::detail::throw_field_error(lms::ErrorCode::invalid_argument, name,
                                       "must be 'system' or 'manual'", clock);
      options.manual_clock = clock == "manual";
    } else if (name == "start") {
      options.start = lms::parse_timestamp(string_field(value, name), name);
      options.has_start = true;
    } else if (name == "access_cache_ttl_ms") {
      // Booleans and fractions are not durations, however JSON spells them.
      if (!value.is_number_integer() || value.get<std::int64_t>() < 0)
        lms::detail::throw_field_error(lms::ErrorCode::invalid_argument, name,
                                       "must be a non-negative integer",
                                       value.dump());
      options.access_cache_ttl =
          std::chrono::milliseconds{value.get<std::int64_t>()};
    } else {
      // Named through quote_value: the name comes from the caller and
      // must not garble the message.
      lms::detail::throw_field_error(lms::ErrorCode::invalid_argument,
                                     "options_json", "unknown field", name);
    }
  }
  // A start the system clock would ignore is a caller's mistake.
  if (options.has_start && !options.manual_clock)
    lms::detail::throw_field_error(lms::ErrorCode::invalid_argument, "start",
                                   "needs \"clock\": \"manual\"");
  return options;
}

std::vector<lms::UserRecord> parse_sync_document(const char* format,
                                                 const char* data,
                                                 size_t data_len) {
  require(format, "format");
  if (data == nullptr && data_len != 0)
    throw Misuse("data: must not be NULL when data_len is not 0");
  const std::string_view text =
      data == nullptr ? std::string_view{} : std::string_view{data, data_len};
  const std::string_view name = format;
  if (name == "csv") return lms::parse_users_csv(text);
  if (name == "jsonl") return lms::parse_users_jsonl(text);
  lms::detail::throw_field_error(lms::ErrorCode::invalid_argument, "format",
                                 "must be 'csv' or 'jsonl'", name);
}

// The shape of every call that answers with a JSON document: clears
// out_json, checks the handle, out_json and the actor (the parameter named
// `actor_name`), then hands the document `body(engine, actor)` returns to
// the caller.
template <typename Body>
lms_status named_engine_call(lms_engine* engine, const char* actor_name,
                             const char* actor, char** out_json,
                             Body&& body) noexcept {
  if (out_json != nullptr) *out_json = nullptr;
  return guard([&] {
    require(engine, "engine");
    require(out_json, "out_json");
    const lms::Actor who = actor_of(actor, actor_name);
    *out_json = dump(body(engine->engine, who));
  });
}

template <typename Body>
lms_status engine_call(lms_engine* engine, const char* actor, char** out_json,
                       Body&& body) noexcept {
  return named_engine_call(engine, "actor", actor, out_json,
                           std::forward<Body>(body));
}

// The shape of every call that answers with its status alone: checks the
// handle and the actor, then runs `body(engine, actor)`.
template <typename Body>
lms_status engine_do(lms_engine* engine, const char* actor,
                     Body&& body) noexcept {
  return guard([&] {
    require(engine, "engine");
    const lms::Actor who = actor_of(actor);
    body(engine->engine, who);
  });
}

// A permission named in a C argument (`name` is the parameter's name).
lms::Permission permission_of(const char* text, const char* name) {
  require(text, name);
  return lms::parse_permission(text, name);
}

lms::ResourceKind resource_kind_of(const char* kind) {
  require(kind, "resource_kind");
  return lms::parse_resource_kind(kind, "resource_kind");
}

// The resource of lms_check and lms_explain: a kind and a key, which is
// empty (or NULL) for the tenant and names the record for any other kind.
lms::Resource resource_of(const char* kind, const char* key) {
  lms::Resource resource;
  resource.kind = resource_kind_of(kind);
  if (resource.kind == lms::ResourceKind::tenant) {
    if (key != nullptr && *key != '\0')
      lms::detail::throw_field_error(lms::ErrorCode::invalid_argument,
                                     "resource_key",
                                     "must be empty for the tenant", key);
    return resource;
  }
  require(key, "resource_key");
  if (*key == '\0')
    lms::detail::throw_field_error(
        lms::ErrorCode::invalid_argument, "resource_key",
        "must not be empty for a " +
            std::string(lms::to_string(resource.kind)));
  resource.key = key;
  return resource;
}

// The override lms_override_clear names: {"role_key", "scope",
// "permission"}, the shape of lms_override_set without "value". Rather
// than a second reader of the same shape, the document is read by the
// codec's override_from_json -- so both calls accept and refuse alike and
// name fields in the same words -- over a copy that carries a placeholder
// value; a "value" the caller sent is refused first, as the codec refuses
// any unknown field.
lms::Override override_key_of(const char* override_json) {
  lms::Json json = parse(override_json, "override_json");
  if (json.is_object()) {
    if (json.contains("value"))
      lms::detail::throw_field_error(lms::ErrorCode::invalid_argument, "value",
                                     "unknown field");
    json["value"] = lms::to_string(lms::PermissionValue::allow);
  }
  return lms::override_from_json(json);
}

}  // namespace

extern "C" {

const char* lms_version(void) { return LMS_VERSION_STRING; }

uint32_t lms_version_number(void) { return LMS_VERSION_NUMBER; }

const char* lms_status_name(lms_status status) {
  switch (status) {
    case LMS_OK:
      return "LMS_OK";
    case LMS_E_NOT_FOUND:
      return "LMS_E_NOT_FOUND";
    case LMS_E_EXISTS:
      return "LMS_E_EXISTS";
    case LMS_E_INVALID:
      return "LMS_E_INVALID";
    case LMS_E_DENIED:
      return "LMS_E_DENIED";
    case LMS_E_CONFLICT:
      return "LMS_E_CONFLICT";
    case LMS_E_LIMIT:
      return "LMS_E_LIMIT";
    case LMS_E_STORAGE:
      return "LMS_E_STORAGE";
    case LMS_E_INTERNAL:
      return "LMS_E_INTERNAL";
    case LMS_E_NOT_SUPPORTED:
      return "LMS_E_NOT_SUPPORTED";
    case LMS_E_NOMEM:
      return "LMS_E_NOMEM";
    case LMS_E_MISUSE:
      return "LMS_E_MISUSE";
    case LMS_E_VERSION:
      return "LMS_E_VERSION";
    case LMS_E_USER:
      return "LMS_E_USER";
    default:
      return "LMS_E_UNKNOWN";
  }
}

const char* lms_last_error(void) {
  const ErrorSlot& slot = error_slot();
  return slot.fallback != nullptr ? slot.fallback : slot.text.c_str();
}

void lms_free(void* buffer) { std::free(buffer); }

// --- Engine ---------------------------------------------------------------

lms_status lms_engine_open(const char* location, const char* options_json,
                           lms_engine** out_engine) {
  if (out_engine != nullptr) *out_engine = nullptr;
  return guard([&] {
    require(out_engine, "out_engine");
    const OpenOptions options = read_open_options(options_json);
    std::shared_ptr<lms::ManualClock> manual_clock;
    lms::EngineOptions engine_options;
    engine_options.access_cache_ttl = options.access_cache_ttl;
    if (options.manual_clock) {
      manual_clock = std::make_shared<lms::ManualClock>(options.start);
      engine_options.clock = manual_clock;
    }
    std::unique_ptr<lms::Storage> storage;
    if (options.memory_backend) {
      storage = lms::make_memory_storage();
    } else {
      if (location == nullptr)
        throw Misuse("location: must not be NULL with the sqlite backend");
      storage = lms::open_sqlite(location);
    }
    *out_engine = new lms_engine{
        lms::Engine(std::move(storage), std::move(engine_options)),
        std::move(manual_clock)};
  });
}

void lms_engine_destroy(lms_engine* engine) { delete engine; }

lms_status lms_engine_set_time(lms_engine* engine, int64_t unix_ms) {
  return guard([&] {
    require(engine, "engine");
    if (engine->manual_clock == nullptr)
      throw Misuse(
          "engine: runs on the system clock; open it with "
          "{\"clock\": \"manual\"} to set the time");
    engine->manual_clock->set(lms::from_unix_ms(unix_ms));
  });
}

lms_status lms_engine_now(lms_engine* engine, int64_t* out_unix_ms) {
  if (out_unix_ms != nullptr) *out_unix_ms = 0;
  return guard([&] {
    require(engine, "engine");
    require(out_unix_ms, "out_unix_ms");
    *out_unix_ms = lms::to_unix_ms(engine->engine.clock().now());
  });
}

// --- Tenants --------------------------------------------------------------

lms_status lms_tenant_create(lms_engine* engine, const char* actor,
                             const char* spec_json, char** out_json) {
  return engine_call(
      engine, actor, out_json, [&](lms::Engine& e, const lms::Actor& who) {
        const lms::TenantSpec spec =
            lms::tenant_spec_from_json(parse(spec_json, "spec_json"));
        return lms::to_json(e.create_tenant(who, spec));
      });
}

lms_status lms_tenant_get(lms_engine* engine, const char* actor,
                          int64_t tenant_id, char** out_json) {
  return engine_call(engine, actor, out_json,
                     [&](lms::Engine& e, const lms::Actor& who) {
                       return lms::to_json(e.get_tenant(who, tenant_id));
                     });
}

lms_status lms_tenant_list(lms_engine* engine, const char* actor,
                           char** out_json) {
  return engine_call(engine, actor, out_json,
                     [&](lms::Engine& e, const lms::Actor& who) {
                       return list_json("tenants", e.list_tenants(who));
                     });
}

// --- Users ----------------------------------------------------------------

lms_status lms_user_create(lms_engine* engine, const char* actor,
                           int64_t tenant_id, const char* user_json,
                           char** out_json) {
  return engine_call(
      engine, actor, out_json, [&](lms::Engine& e, const lms::Actor& who) {
        const lms::UserRecord record =
            lms::user_record_from_json(parse(user_json, "user_json"));
        return lms::to_json(e.create_user(who, tenant_id, record));
      });
}

lms_status lms_user_get(lms_engine* engine, const char* actor,
                        int64_t tenant_id, const char* key, char** out_json) {
  return engine_call(engine, actor, out_json,
                     [&](lms::Engine& e, const lms::Actor& who) {
                       require(key, "key");
                       return lms::to_json(e.get_user(who, tenant_id, key));
                     });
}

lms_status lms_user_update(lms_engine* engine, const char* actor,
                           int64_t tenant_id, const char* key,
                           const char* patch_json, char** out_json) {
  return engine_call(
      engine, actor, out_json, [&](lms::Engine& e, const lms::Actor& who) {
        require(key, "key");
        const lms::UserUpdate update =
            lms::user_update_from_json(parse(patch_json, "patch_json"));
        return lms::to_json(e.update_user(who, tenant_id, key, update));
      });
}

lms_status lms_user_list(lms_engine* engine, const char* actor,
                         int64_t tenant_id, const char* query_json,
                         char** out_json) {
  return engine_call(
      engine, actor, out_json, [&](lms::Engine& e, const lms::Actor& who) {
        const lms::UserQuery query =
            query_json == nullptr
                ? lms::UserQuery{}
                : lms::user_query_from_json(parse(query_json, "query_json"));
        return lms::to_json(e.list_users(who, tenant_id, query));
      });
}

lms_status lms_user_sync(lms_engine* engine, const char* actor,
                         int64_t tenant_id, const char* format,
                         const char* data, size_t data_len,
                         const char* options_json, char** out_json) {
  return engine_call(
      engine, actor, out_json, [&](lms::Engine& e, const lms::Actor& who) {
        const lms::SyncOptions options =
            options_json == nullptr ? lms::SyncOptions{}
                                    : lms::sync_options_from_json(
                                          parse(options_json, "options_json"));
        const std::vector<lms::UserRecord> batch =
            parse_sync_document(format, data, data_len);
        return lms::to_json(e.sync_users(who, tenant_id, batch, options));
      });
}

// --- Org units ------------------------------------------------------------

lms_status lms_orgunit_create(lms_engine* engine, const char* actor,
                              int64_t tenant_id, const char* spec_json,
                              char** out_json) {
  return engine_call(
      engine, actor, out_json, [&](lms::Engine& e, const lms::Actor& who) {
        const lms::OrgUnitSpec spec =
            lms::org_unit_spec_from_json(parse(spec_json, "spec_json"));
        return lms::to_json(e.create_org_unit(who, tenant_id, spec));
      });
}

lms_status lms_orgunit_get(lms_engine* engine, const char* actor,
                           int64_t tenant_id, const char* key,
                           char** out_json) {
  return engine_call(engine, actor, out_json,
                     [&](lms::Engine& e, const lms::Actor& who) {
                       require(key, "key");
                       return lms::to_json(e.get_org_unit(who, tenant_id, key));
                     });
}

lms_status lms_orgunit_move(lms_engine* engine, const char* actor,
                            int64_t tenant_id, const char* key,
                            const char* new_parent, char** out_json) {
  return engine_call(
      engine, actor, out_json, [&](lms::Engine& e, const lms::Actor& who) {
        require(key, "key");
        require(new_parent, "new_parent");
        return lms::to_json(e.move_org_unit(who, tenant_id, key, new_parent));
      });
}

lms_status lms_orgunit_list(lms_engine* engine, const char* actor,
                            int64_t tenant_id, const char* root,
                            char** out_json) {
  return engine_call(
      engine, actor, out_json, [&](lms::Engine& e, const lms::Actor& who) {
        require(root, "root");
        return list_json("org_units", e.list_org_subtree(who, tenant_id, root));
      });
}

// --- Courses --------------------------------------------------------------

lms_status lms_course_create(lms_engine* engine, const char* actor,
                             int64_t tenant_id, const char* spec_json,
                             char** out_json) {
  return engine_call(
      engine, actor, out_json, [&](lms::Engine& e, const lms::Actor& who) {
        const lms::CourseSpec spec =
            lms::course_spec_from_json(parse(spec_json, "spec_json"));
        return lms::to_json(e.create_course(who, tenant_id, spec));
      });
}

lms_status lms_course_get(lms_engine* engine, const char* actor,
                          int64_t tenant_id, const char* key, char** out_json) {
  return engine_call(engine, actor, out_json,
                     [&](lms::Engine& e, const lms::Actor& who) {
                       require(key, "key");
                       return lms::to_json(e.get_course(who, tenant_id, key));
                     });
}

lms_status lms_course_update(lms_engine* engine, const char* actor,
                             int64_t tenant_id, const char* key,
                             const char* patch_json, char** out_json) {
  return engine_call(
      engine, actor, out_json, [&](lms::Engine& e, const lms::Actor& who) {
        require(key, "key");
        const lms::CourseUpdate update =
            lms::course_update_from_json(parse(patch_json, "patch_json"));
        return lms::to_json(e.update_course(who, tenant_id, key, update));
      });
}

lms_status lms_course_publish(lms_engine* engine, const char* actor,
                              int64_t tenant_id, const char* key,
                              char** out_json) {
  return engine_call(
      engine, actor, out_json, [&](lms::Engine& e, const lms::Actor& who) {
        require(key, "key");
        return lms::to_json(e.publish_course(who, tenant_id, key));
      });
}

lms_status lms_course_archive(lms_engine* engine, const char* actor,
                              int64_t tenant_id, const char* key,
                              char** out_json) {
  return engine_call(
      engine, actor, out_json, [&](lms::Engine& e, const lms::Actor& who) {
        require(key, "key");
        return lms::to_json(e.archive_course(who, tenant_id, key));
      });
}

lms_status lms_course_list(lms_engine* engine, const char* actor,
                           int64_t tenant_id, const char* query_json,
                           char** out_json) {
  return engine_call(
      engine, actor, out_json, [&](lms::Engine& e, const lms::Actor& who) {
        const lms::CourseQuery query =
            query_json == nullptr
                ? lms::CourseQuery{}
                : lms::course_query_from_json(parse(query_json, "query_json"));
        return lms::to_json(e.list_courses(who, tenant_id, query));
      });
}

// --- Enrolments -----------------------------------------------------------

lms_status lms_enrolment_create(lms_engine* engine, const char* actor,
                                int64_t tenant_id, const char* user_key,
                                const char* course_key, int64_t due_at_ms,
                                int64_t* out_enrolment_id) {
  if (out_enrolment_id != nullptr) *out_enrolment_id = 0;
  return guard([&] {
    require(engine, "engine");
    require(out_enrolment_id, "out_enrolment_id");
    const lms::Actor who = actor_of(actor);
    require(user_key, "user_key");
    require(course_key, "course_key");
    lms::EnrolmentSpec spec;
    spec.user_key = user_key;
    spec.course_key = course_key;
    if (due_at_ms != 0) spec.due_at = lms::from_unix_ms(due_at_ms);
    *out_enrolment_id = engine->engine.enrol(who, tenant_id, spec).id;
  });
}

lms_status lms_enrolment_create_json(lms_engine* engine, const char* actor,
                                     int64_t tenant_id, const char* spec_json,
                                     char** out_json) {
  return engine_call(
      engine, actor, out_json, [&](lms::Engine& e, const lms::Actor& who) {
        const lms::EnrolmentSpec spec =
            lms::enrolment_spec_from_json(parse(spec_json, "spec_json"));
        return lms::to_json(e.enrol(who, tenant_id, spec));
      });
}

lms_status lms_enrolment_self(lms_engine* engine, const char* actor,
                              int64_t tenant_id, const char* course_key,
                              char** out_json) {
  return engine_call(
      engine, actor, out_json, [&](lms::Engine& e, const lms::Actor& who) {
        require(course_key, "course_key");
        return lms::to_json(e.enrol_self(who, tenant_id, course_key));
      });
}

lms_status lms_enrolment_create_batch(lms_engine* engine, const char* actor,
                                      int64_t tenant_id, const char* specs_json,
                                      char** out_json) {
  return engine_call(
      engine, actor, out_json, [&](lms::Engine& e, const lms::Actor& who) {
        const std::vector<lms::EnrolmentSpec> specs =
            lms::enrolment_specs_from_json(parse(specs_json, "specs_json"));
        return lms::to_json(e.enrol_many(who, tenant_id, specs));
      });
}

lms_status lms_enrolment_withdraw(lms_engine* engine, const char* actor,
                                  int64_t tenant_id, int64_t enrolment_id,
                                  char** out_json) {
  return engine_call(
      engine, actor, out_json, [&](lms::Engine& e, const lms::Actor& who) {
        return lms::to_json(e.withdraw(who, tenant_id, enrolment_id));
      });
}

lms_status lms_enrolment_get(lms_engine* engine, const char* actor,
                             int64_t tenant_id, int64_t enrolment_id,
                             char** out_json) {
  return engine_call(
      engine, actor, out_json, [&](lms::Engine& e, const lms::Actor& who) {
        return lms::to_json(e.get_enrolment(who, tenant_id, enrolment_id));
      });
}

lms_status lms_enrolment_list(lms_engine* engine, const char* actor,
                              int64_t tenant_id, const char* query_json,
                              char** out_json) {
  return engine_call(
      engine, actor, out_json, [&](lms::Engine& e, const lms::Actor& who) {
        const lms::EnrolmentQuery query =
            query_json == nullptr ? lms::EnrolmentQuery{}
                                  : lms::enrolment_query_from_json(
                                        parse(query_json, "query_json"));
        return lms::to_json(e.list_enrolments(who, tenant_id, query));
      });
}

// --- Progress -------------------------------------------------------------

lms_status lms_progress_record(lms_engine* engine, const char* actor,
                               int64_t tenant_id, const char* update_json,
                               char** out_json) {
  return engine_call(
      engine, actor, out_json, [&](lms::Engine& e, const lms::Actor& who) {
        const lms::ProgressUpdate update =
            lms::progress_update_from_json(parse(update_json, "update_json"));
        const lms::RecordedProgress recorded =
            e.record_progress(who, tenant_id, update);
        // {"activity": progress, "enrolment": enrolment}: composed here
        // from the codec's two shapes rather than a codec of its own.
        lms::Json result = lms::Json::object();
        result["activity"] = lms::to_json(recorded.activity);
        result["enrolment"] = lms::to_json(recorded.enrolment);
        return result;
      });
}

lms_status lms_progress_get(lms_engine* engine, const char* actor,
                            int64_t tenant_id, int64_t enrolment_id,
                            char** out_json) {
  return engine_call(
      engine, actor, out_json, [&](lms::Engine& e, const lms::Actor& who) {
        return list_json("activities",
                         e.get_progress(who, tenant_id, enrolment_id));
      });
}

// --- Access control -------------------------------------------------------

lms_status lms_role_create(lms_engine* engine, const char* actor,
                           int64_t tenant_id, const char* spec_json,
                           char** out_json) {
  return engine_call(
      engine, actor, out_json, [&](lms::Engine& e, const lms::Actor& who) {
        const lms::RoleSpec spec =
            lms::role_spec_from_json(parse(spec_json, "spec_json"));
        return lms::to_json(e.create_role(who, tenant_id, spec));
      });
}

lms_status lms_role_update(lms_engine* engine, const char* actor,
                           int64_t tenant_id, const char* key,
                           const char* permissions_json, char** out_json) {
  return engine_call(
      engine, actor, out_json, [&](lms::Engine& e, const lms::Actor& who) {
        require(key, "key");
        const auto permissions = lms::role_permissions_from_json(
            parse(permissions_json, "permissions_json"));
        return lms::to_json(e.update_role(who, tenant_id, key, permissions));
      });
}

lms_status lms_role_get(lms_engine* engine, const char* actor,
                        int64_t tenant_id, const char* key, char** out_json) {
  return engine_call(engine, actor, out_json,
                     [&](lms::Engine& e, const lms::Actor& who) {
                       require(key, "key");
                       return lms::to_json(e.get_role(who, tenant_id, key));
                     });
}

lms_status lms_role_list(lms_engine* engine, const char* actor,
                         int64_t tenant_id, char** out_json) {
  return engine_call(engine, actor, out_json,
                     [&](lms::Engine& e, const lms::Actor& who) {
                       return list_json("roles", e.list_roles(who, tenant_id));
                     });
}

lms_status lms_role_assign(lms_engine* engine, const char* actor,
                           int64_t tenant_id, const char* assignment_json,
                           char** out_json) {
  return engine_call(
      engine, actor, out_json, [&](lms::Engine& e, const lms::Actor& who) {
        const lms::AssignmentSpec spec = lms::assignment_spec_from_json(
            parse(assignment_json, "assignment_json"));
        return lms::to_json(e.assign_role(who, tenant_id, spec));
      });
}

lms_status lms_role_unassign(lms_engine* engine, const char* actor,
                             int64_t tenant_id, int64_t assignment_id) {
  return engine_do(engine, actor, [&](lms::Engine& e, const lms::Actor& who) {
    e.unassign_role(who, tenant_id, assignment_id);
  });
}

lms_status lms_assignment_list(lms_engine* engine, const char* actor,
                               int64_t tenant_id, const char* query_json,
                               char** out_json) {
  return engine_call(
      engine, actor, out_json, [&](lms::Engine& e, const lms::Actor& who) {
        const lms::AssignmentQuery query =
            query_json == nullptr ? lms::AssignmentQuery{}
                                  : lms::assignment_query_from_json(
                                        parse(query_json, "query_json"));
        return list_json("assignments",
                         e.list_assignments(who, tenant_id, query));
      });
}

lms_status lms_override_set(lms_engine* engine, const char* actor,
                            int64_t tenant_id, const char* override_json) {
  return engine_do(engine, actor, [&](lms::Engine& e, const lms::Actor& who) {
    const lms::Override override =
        lms::override_from_json(parse(override_json, "override_json"));
    e.set_override(who, tenant_id, override);
  });
}

lms_status lms_override_clear(lms_engine* engine, const char* actor,
                              int64_t tenant_id, const char* override_json) {
  return engine_do(engine, actor, [&](lms::Engine& e, const lms::Actor& who) {
    const lms::Override target = override_key_of(override_json);
    e.clear_override(who, tenant_id, target.role_key, target.scope,
                     target.permission);
  });
}

lms_status lms_override_list(lms_engine* engine, const char* actor,
                             int64_t tenant_id, char** out_json) {
  return engine_call(
      engine, actor, out_json, [&](lms::Engine& e, const lms::Actor& who) {
        return list_json("overrides", e.list_overrides(who, tenant_id));
      });
}

lms_status lms_check(lms_engine* engine, const char* subject, int64_t tenant_id,
                     const char* permission, const char* resource_kind,
                     const char* resource_key, int* out_allowed) {
  if (out_allowed != nullptr) *out_allowed = 0;
  return guard([&] {
    require(engine, "engine");
    require(out_allowed, "out_allowed");
    const lms::Actor who = actor_of(subject, "subject");
    const lms::Permission wanted = permission_of(permission, "permission");
    const lms::Resource resource = resource_of(resource_kind, resource_key);
    *out_allowed =
        engine->engine.check(who, tenant_id, wanted, resource) ? 1 : 0;
  });
}

lms_status lms_explain(lms_engine* engine, const char* subject,
                       int64_t tenant_id, const char* permission,
                       const char* resource_kind, const char* resource_key,
                       char** out_json) {
  return named_engine_call(
      engine, "subject", subject, out_json,
      [&](lms::Engine& e, const lms::Actor& who) {
        const lms::Permission wanted = permission_of(permission, "permission");
        const lms::Resource resource = resource_of(resource_kind, resource_key);
        return lms::to_json(e.explain(who, tenant_id, wanted, resource));
      });
}

lms_status lms_visible(lms_engine* engine, const char* subject,
                       int64_t tenant_id, const char* permission,
                       const char* resource_kind, char** out_json) {
  return named_engine_call(
      engine, "subject", subject, out_json,
      [&](lms::Engine& e, const lms::Actor& who) {
        const lms::Permission wanted = permission_of(permission, "permission");
        const lms::ResourceKind kind = resource_kind_of(resource_kind);
        lms::Json keys = lms::Json::object();
        keys["keys"] = e.visible(who, tenant_id, wanted, kind);
        return keys;
      });
}

// --- Events ---------------------------------------------------------------

lms_status lms_event_list(lms_engine* engine, const char* actor,
                          int64_t tenant_id, int64_t after, size_t limit,
                          char** out_json) {
  return engine_call(
      engine, actor, out_json, [&](lms::Engine& e, const lms::Actor& who) {
        return list_json("events",
                         e.events_after(who, tenant_id, after, limit));
      });
}

}  // extern "C"
