// SPDX-License-Identifier: Apache-2.0
//
// The default bodies of the storage interface's optional calls, built on
// the basic calls so that a backend need not override them. They hold no
// state of their own: as thread-safe as the transaction they run on.

#include "lms/storage.hpp"

namespace lms {

std::vector<User> DirectoryStore::find_users(
    TenantId tenant, std::span<const std::string> keys) {
  std::vector<User> users;
  users.reserve(keys.size());
  for (const std::string& key : keys) {
    if (auto user = find_user(tenant, key)) users.push_back(std::move(*user));
  }
  return users;
}

}  // namespace lms
