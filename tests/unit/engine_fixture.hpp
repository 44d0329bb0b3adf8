// SPDX-License-Identifier: Apache-2.0
//
// The fixture of the engine's behaviour tests: an Engine over a fresh
// backend (each test runs on the in-memory one and on SQLite ":memory:"), a
// ManualClock, one tenant, and helpers to build records and to check the
// code and wording of an lms::Error. One fixture per test; not shared
// between threads.

#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lms/engine.hpp"
#include "lms/error.hpp"

namespace lms::testing {

// Named apart from the conformance suite's Backend: both live in
// lms::testing and link into one test binary.
enum class EngineBackend { memory, sqlite };

inline std::unique_ptr<Storage> make_storage(EngineBackend backend) {
  return backend == EngineBackend::memory ? make_memory_storage()
                                          : open_sqlite(":memory:");
}

inline std::string backend_name(
    const ::testing::TestParamInfo<EngineBackend>& info) {
  return info.param == EngineBackend::memory ? "Memory" : "Sqlite";
}

// Passes when `call` throws lms::Error with `code` and a message containing
// `substring`.
template <typename Call>
::testing::AssertionResult fails_with(Call&& call, ErrorCode code,
                                      std::string_view substring) {
  try {
    call();
  } catch (const Error& e) {
    const std::string message = e.what();
    if (e.code() != code)
      return ::testing::AssertionFailure()
             << "code " << error_code_name(e.code()) << ", expected "
             << error_code_name(code) << " (message: " << message << ")";
    if (message.find(substring) == std::string::npos)
      return ::testing::AssertionFailure()
             << "message '" << message << "' lacks '" << substring << "'";
    return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure()
         << "no error, expected " << error_code_name(code);
}

inline UserRecord user_record(std::string key, std::string org_unit = {}) {
  UserRecord record;
  record.key = key;
  record.display_name = "User " + key;
  record.email = key + "@example.com";
  record.org_unit = std::move(org_unit);
  return record;
}

inline CourseSpec course_spec(std::string key,
                              std::vector<std::string> prerequisites = {}) {
  CourseSpec spec;
  spec.key = key;
  spec.title = "Course " + key;
  spec.activities = {{"intro", ActivityKind::lesson, "Introduction", true},
                     {"quiz", ActivityKind::assessment, "Quiz", true}};
  spec.prerequisites = std::move(prerequisites);
  return spec;
}

class EngineTest : public ::testing::TestWithParam<EngineBackend> {
 protected:
  std::shared_ptr<ManualClock> clock_ = std::make_shared<ManualClock>(
      from_unix_ms(1'767'225'600'000));  // 2026-01-01
  Engine engine_{make_storage(GetParam()), EngineOptions{clock_}};
  const Actor system_ = Actor::system();
  const TenantId tenant_ = engine_.create_tenant(system_, {"acme", "Acme"}).id;

  // The seq of the tenant's "tenant.created" event.
  const std::int64_t setup_seq_ =
      engine_.events_after(system_, tenant_, 0, 1).at(0).seq;

  // Every event of `tenant`.
  std::vector<Event> events(TenantId tenant) {
    return engine_.events_after(system_, tenant, 0, 1000);
  }
  // The events of the fixture's tenant since its creation.
  std::vector<Event> events() {
    return engine_.events_after(system_, tenant_, setup_seq_, 1000);
  }

  std::vector<std::string> event_types() {
    std::vector<std::string> types;
    for (const auto& event : events()) types.push_back(event.type);
    return types;
  }

  // An active user of the tenant acting on their own behalf.
  Actor reader(std::string key = "reader") {
    engine_.create_user(system_, tenant_, user_record(key));
    return Actor::user(std::move(key));
  }
};

}  // namespace lms::testing
