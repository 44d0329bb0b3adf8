// SPDX-License-Identifier: Apache-2.0
//
// Org units form a tree of departments per tenant; a user sits in at most
// one. A unit covers its subtree. Plain value types.

#pragma once

#include <string>

#include "lms/time.hpp"

namespace lms {

struct OrgUnitSpec {
  std::string key;
  std::string name;
  std::string parent;  // key of the parent unit; empty for a root

  friend bool operator==(const OrgUnitSpec&, const OrgUnitSpec&) = default;
};

struct OrgUnit : OrgUnitSpec {
  Timestamp created_at{};
  Timestamp updated_at{};
};

}  // namespace lms
