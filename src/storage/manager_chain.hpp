// SPDX-License-Identifier: Apache-2.0
//
// The bound on manager chains that every backend shares: manager_chain()
// stops after this many steps and visible_user_keys() looks this many
// levels down, so that the two agree on who is below whom even when HR data
// holds a cycle or an absurdly deep chain. And the walk up a chain, one
// lookup per step, for those who read users one at a time. Pure;
// thread-safe.

#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lms::detail {

inline constexpr std::int64_t kManagerChainSteps = 64;

// The managers above `user_key`, nearest first: `manager_of(key)` returns
// the manager key of user `key` ("" for none), or nullopt when there is no
// such user, which ends the chain. Stops after kManagerChainSteps, and
// where a cycle closes -- the user counts as seen, so that no one is named
// their own manager.
template <typename ManagerOf>
std::vector<std::string> walk_manager_chain(std::string_view user_key,
                                            ManagerOf&& manager_of) {
  std::vector<std::string> chain;
  std::set<std::string, std::less<>> seen{std::string{user_key}};
  std::optional<std::string> manager = manager_of(user_key);
  while (manager && !manager->empty() &&
         std::cmp_less(chain.size(), kManagerChainSteps) &&
         !seen.contains(*manager)) {
    std::optional<std::string> next = manager_of(*manager);
    if (!next) break;
    seen.insert(*manager);
    chain.push_back(std::move(*manager));
    manager = std::move(next);
  }
  return chain;
}

}  // namespace lms::detail
