// SPDX-License-Identifier: Apache-2.0
//
// Users are people of a tenant, keyed by the host's own id (an employee
// number, a CRM contact id). Plain value types; see engine.hpp for the calls.

#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lms/export.hpp"
#include "lms/json.hpp"
#include "lms/time.hpp"

namespace lms {

// Persisted by name; never renumbered.
enum class UserStatus : std::int32_t {
  active = 0,
  suspended = 1,      // temporarily holds no rights; the record is kept
  deprovisioned = 2,  // left the organisation; the record is kept
};

LMS_API std::string_view to_string(UserStatus status);
// Throws Error{invalid_argument} naming `field` for an unknown name.
LMS_API UserStatus parse_user_status(std::string_view text,
                                     std::string_view field);

// A user as the host (or its HR system) describes one: the input of create
// and of sync.
struct UserRecord {
  std::string key;
  std::string display_name;
  std::string email;        // may be empty
  std::string org_unit;     // key of an existing org unit; empty for none
  std::string manager_key;  // key of the manager; empty for none
  std::optional<Date> hire_date;
  // A flat JSON object: names [A-Za-z_][A-Za-z0-9_]*, values string, number
  // or bool (department, title, location, ...).
  Json attributes = Json::object();
  UserStatus status = UserStatus::active;

  friend bool operator==(const UserRecord&, const UserRecord&) = default;
};

struct User : UserRecord {
  Timestamp created_at{};
  Timestamp updated_at{};
};

// A change to some fields of a user; absent fields keep their value.
struct UserUpdate {
  std::optional<std::string> display_name;
  std::optional<std::string> email;
  std::optional<std::string> org_unit;           // "" moves the user out of any
  std::optional<std::string> manager_key;        // "" clears the manager
  std::optional<std::optional<Date>> hire_date;  // nullopt inside clears it
  std::optional<Json> attributes;                // replaces all attributes
  std::optional<UserStatus> status;
};

// Filters and keyset paging of list_users. Results are ordered by key.
struct UserQuery {
  // Only users in this org unit or below it.
  std::optional<std::string> org_unit;
  std::optional<UserStatus> status;
  // Only users whose attribute `name` equals the value (string, number or
  // bool), for every pair.
  std::vector<std::pair<std::string, Json>> attributes;
  // Only users among these keys (sorted, unique). Default: no such filter.
  std::optional<std::vector<std::string>> keys;
  // Only users with a key greater than this one (the previous page's
  // next_after). Default: from the start.
  std::string after;
  // Default: 100. 1..limits::kPageSize.
  std::size_t limit = 100;
};

struct UserPage {
  std::vector<User> users;
  // Pass as UserQuery::after for the next page; empty when this is the last.
  std::string next_after;
};

}  // namespace lms
