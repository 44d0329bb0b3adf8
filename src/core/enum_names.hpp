// SPDX-License-Identifier: Apache-2.0
//
// Converting persisted enums to and from their names, from one table per
// enum whose index is the enumerator's value. Pure functions; thread-safe.

#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "core/field_error.hpp"

namespace lms::detail {

template <std::size_t N>
using EnumNames = std::array<std::string_view, N>;

// The name of `value`. Throws Error{internal} for a value outside the table:
// only a cast from a corrupt integer produces one. `type` names the enum.
template <typename E, std::size_t N>
std::string_view enum_name(E value, const EnumNames<N>& names,
                           std::string_view type) {
  const auto index = static_cast<std::size_t>(value);
  if (index >= N) {
    throw Error(ErrorCode::internal,
                "invalid " + std::string{type} + " " + std::to_string(index));
  }
  return names[index];
}

// The enumerator named `text`. Throws Error{invalid_argument} as
// "<field>: <problem>, got '<text>'" when no name matches.
template <typename E, std::size_t N>
E parse_enum(std::string_view text, std::string_view field,
             const EnumNames<N>& names, std::string_view problem) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == text) return static_cast<E>(i);
  }
  throw_field_error(ErrorCode::invalid_argument, field, problem, text);
}

}  // namespace lms::detail
