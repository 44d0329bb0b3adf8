// SPDX-License-Identifier: Apache-2.0
//
// Keyset paging shared by the backends: fetch one row more than the page
// holds, and the extra row says whether a next page exists. Pure functions;
// thread-safe.

#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace lms::detail {

// `count` as an SQL LIMIT: an int64 to which one can still be added.
inline std::int64_t sql_count(std::size_t count) {
  constexpr auto kMax =
      static_cast<std::size_t>(std::numeric_limits<std::int64_t>::max() - 1);
  return static_cast<std::int64_t>(std::min(count, kMax));
}

// The row count to fetch for a page of `limit`: one more than the page.
inline std::int64_t rows_to_fetch(std::size_t limit) {
  return sql_count(limit) + 1;
}

// Cuts `rows` (fetched with rows_to_fetch(limit), ordered by key) to the
// page and returns its next_after: the last key kept when rows were cut,
// else "".
template <typename Row>
std::string cut_page(std::vector<Row>& rows, std::size_t limit) {
  if (rows.size() <= limit) return {};
  rows.resize(limit);
  return rows.empty() ? std::string{} : rows.back().key;
}

}  // namespace lms::detail
