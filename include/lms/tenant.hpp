// SPDX-License-Identifier: Apache-2.0
//
// A tenant is one customer organisation of the host product. Every other
// record belongs to exactly one tenant, and no call sees another tenant's
// data. Plain value types.

#pragma once

#include <cstdint>
#include <string>

#include "lms/time.hpp"

namespace lms {

using TenantId = std::int64_t;

// What the host supplies to create a tenant.
struct TenantSpec {
  std::string key;   // the host's id for the customer; unique
  std::string name;  // shown in reports
};

struct Tenant {
  TenantId id = 0;  // assigned by the engine
  std::string key;
  std::string name;
  Timestamp created_at{};
};

}  // namespace lms
