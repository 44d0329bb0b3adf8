// SPDX-License-Identifier: Apache-2.0
//
// Every call of the API names who makes it. The host authenticates people;
// the engine only decides what the named actor may do. An Actor is a plain
// value, safe to copy and share.

#pragma once

#include <string>
#include <string_view>

#include "lms/export.hpp"

namespace lms {

class LMS_API Actor {
 public:
  // The engine's own principal: the host acting on its own authority
  // (provisioning, HR sync, administration scripts). It may do everything.
  static Actor system() { return Actor{Kind::system, {}}; }

  // A user of the tenant the call addresses, by the host's key. Throws
  // Error{invalid_argument} for an empty key or one starting with '@' (the
  // prefix of the engine's principals), so no user key can pass for the
  // system principal.
  static Actor user(std::string key);

  // Parses the C ABI's and the event log's text form: "@system" or a user
  // key. Throws Error{invalid_argument} for an empty text or an unknown
  // '@' principal.
  static Actor parse(std::string_view text);

  bool is_system() const { return kind_ == Kind::system; }
  // The user's key; empty for the system principal.
  const std::string& user_key() const { return user_key_; }
  // "@system" or the user's key.
  std::string to_string() const;

  friend bool operator==(const Actor&, const Actor&) = default;

 private:
  enum class Kind { system, user };
  Actor(Kind kind, std::string key) : kind_(kind), user_key_(std::move(key)) {}

  Kind kind_;
  std::string user_key_;
};

// The text form of the system principal. User keys never start with '@'.
inline constexpr std::string_view kSystemActorText = "@system";

}  // namespace lms
