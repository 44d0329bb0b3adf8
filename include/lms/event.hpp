// SPDX-License-Identifier: Apache-2.0
//
// Every change appends one event in the same transaction as the change: the
// audit trail and, later, the integration outbox. Plain value type.

#pragma once

#include <cstdint>
#include <string>

#include "lms/json.hpp"
#include "lms/tenant.hpp"
#include "lms/time.hpp"

namespace lms {

struct Event {
  std::int64_t seq = 0;  // assigned at append; increases with every event
  TenantId tenant_id = 0;
  Timestamp time{};
  std::string actor;    // "@system" or the acting user's key
  std::string type;     // "user.created", "course.published", ...
  std::string subject;  // key of the record changed
  Json payload = Json::object();
};

}  // namespace lms
