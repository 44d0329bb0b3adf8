// SPDX-License-Identifier: Apache-2.0
//
// The one way the library words an error about an input field, so that
// every message reads the same from C++, C and Python:
//   "<field>: <problem>"            e.g. "email: must be at most 254 bytes"
//   "<field>: <problem>, got <v>"   e.g. "status: unknown status, got 'gone'"
// Values are quoted, cut to 64 bytes and have invalid UTF-8 and control
// characters escaped, so a hostile value cannot garble the message.
// Pure functions; thread-safe.

#pragma once

#include <string>
#include <string_view>

#include "lms/error.hpp"

namespace lms::detail {

// 'value' quoted and made printable (see above).
std::string quote_value(std::string_view value);

// Throws Error{code} with "<field>: <problem>".
[[noreturn]] void throw_field_error(ErrorCode code, std::string_view field,
                                    std::string_view problem);

// Throws Error{code} with "<field>: <problem>, got <quoted value>".
[[noreturn]] void throw_field_error(ErrorCode code, std::string_view field,
                                    std::string_view problem,
                                    std::string_view value);

}  // namespace lms::detail
