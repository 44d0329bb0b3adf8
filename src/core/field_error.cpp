// SPDX-License-Identifier: Apache-2.0
//
// Wording of field errors (see field_error.hpp).

#include "core/field_error.hpp"

#include <cstdio>

namespace lms::detail {
namespace {

constexpr std::size_t kQuotedBytes = 64;

// Length of the valid UTF-8 sequence starting at s[i], or 0 when invalid.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) {
    return static_cast<unsigned char>(s[k]);
  };
  const unsigned char lead = byte(i);
  std::size_t len = lead < 0x80           ? 1
                    : (lead >> 5) == 0x6  ? 2
                    : (lead >> 4) == 0xE  ? 3
                    : (lead >> 3) == 0x1E ? 4
                                          : 0;
  if (len == 0 || i + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k)
    if ((byte(i + k) >> 6) != 0x2) return 0;
  return len;
}

}  // namespace

std::string quote_value(std::string_view value) {
  std::string out = "'";
  std::size_t i = 0;
  while (i < value.size() && out.size() < kQuotedBytes) {
    const std::size_t len = utf8_sequence_length(value, i);
    const auto c = static_cast<unsigned char>(value[i]);
    if (len == 0 || (len == 1 && (c < 0x20 || c == 0x7F))) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02X", c);
      out += hex;
      ++i;
    } else {
      out.append(value.substr(i, len));
      i += len;
    }
  }
  if (i < value.size()) out += "...";
  out += "'";
  return out;
}

void throw_field_error(ErrorCode code, std::string_view field,
                       std::string_view problem) {
  std::string message{field};
  message += ": ";
  message += problem;
  throw Error(code, message);
}

void throw_field_error(ErrorCode code, std::string_view field,
                       std::string_view problem, std::string_view value) {
  std::string message{field};
  message += ": ";
  message += problem;
  message += ", got ";
  message += quote_value(value);
  throw Error(code, message);
}

}  // namespace lms::detail
