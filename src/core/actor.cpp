// SPDX-License-Identifier: Apache-2.0
//
// The text form of an Actor: "@system" or a user key. Pure functions;
// thread-safe.

#include "lms/actor.hpp"

#include "core/field_error.hpp"

namespace lms {

Actor Actor::user(std::string key) {
  if (key.empty()) {
    detail::throw_field_error(ErrorCode::invalid_argument, "actor",
                              "must not be empty");
  }
  // User keys never start with '@': the prefix is reserved for principals
  // of the engine, of which "@system" is the only one so far.
  if (key.front() == '@') {
    detail::throw_field_error(ErrorCode::invalid_argument, "actor",
                              "unknown principal", key);
  }
  return Actor{Kind::user, std::move(key)};
}

Actor Actor::parse(std::string_view text) {
  if (text == kSystemActorText) return system();
  return user(std::string{text});
}

std::string Actor::to_string() const {
  return is_system() ? std::string{kSystemActorText} : user_key_;
}

}  // namespace lms
