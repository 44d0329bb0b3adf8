// SPDX-License-Identifier: Apache-2.0
//
// Keyset paging shared by the backends: fetch one row more than the page
// holds, and the extra row says whether a next page exists. Pure functions;
// thread-safe.

#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <type_traits>
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

// Cuts `rows` (fetched with rows_to_fetch(limit), ordered by `member`, a
// key or an id) to the page and returns its next_after: that member of the
// last row kept when rows were cut, else its empty (zero) value.
template <typename Row, typename Member>
auto cut_page(std::vector<Row>& rows, std::size_t limit, Member member) {
  using Key = std::remove_cvref_t<std::invoke_result_t<Member, const Row&>>;
  if (rows.size() <= limit) return Key{};
  rows.resize(limit);
  return rows.empty() ? Key{} : std::invoke(member, rows.back());
}

// cut_page() for rows ordered by key.
template <typename Row>
std::string cut_page(std::vector<Row>& rows, std::size_t limit) {
  return cut_page(rows, limit, &Row::key);
}

}  // namespace lms::detail
