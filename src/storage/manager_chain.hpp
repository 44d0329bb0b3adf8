// SPDX-License-Identifier: Apache-2.0
//
// The bound on manager chains that every backend shares: manager_chain()
// stops after this many steps and visible_user_keys() looks this many
// levels down, so that the two agree on who is below whom even when HR data
// holds a cycle or an absurdly deep chain. Constants only; thread-safe.

#pragma once

#include <cstdint>

namespace lms::detail {

inline constexpr std::int64_t kManagerChainSteps = 64;

}  // namespace lms::detail
