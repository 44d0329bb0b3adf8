// SPDX-License-Identifier: Apache-2.0
//
// The default bodies of the storage interface's optional calls, built on
// the basic calls so that a backend need not override them. They hold no
// state of their own: as thread-safe as the transaction they run on.

#include "lms/storage.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "lms/error.hpp"
#include "storage/manager_chain.hpp"

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

std::vector<std::string> DirectoryStore::manager_chain(
    TenantId tenant, std::string_view user_key) {
  return detail::walk_manager_chain(
      user_key, [&](std::string_view key) -> std::optional<std::string> {
        auto user = find_user(tenant, key);
        if (!user) return std::nullopt;
        return std::move(user->manager_key);
      });
}

std::vector<std::string> DirectoryStore::visible_user_keys(
    TenantId tenant, const UserVisibility& visibility) {
  std::vector<std::string> keys = list_user_keys(tenant);
  if (visibility.everyone) return keys;
  const std::vector<User> users = find_users(tenant, keys);

  // Everyone below reports_of, breadth first, each user at the level it is
  // first reached and no deeper than manager_chain() looks up: so a user is
  // a report exactly when reports_of is in that user's manager chain.
  std::set<std::string, std::less<>> reports;
  if (!visibility.reports_of.empty()) {
    std::map<std::string_view, std::vector<std::string_view>> by_manager;
    for (const User& user : users) {
      by_manager[user.manager_key].push_back(user.key);
    }
    std::vector<std::string_view> level{visibility.reports_of};
    for (std::int64_t depth = 0;
         depth < detail::kManagerChainSteps && !level.empty(); ++depth) {
      std::vector<std::string_view> next;
      for (std::string_view manager : level) {
        const auto below = by_manager.find(manager);
        if (below == by_manager.end()) continue;
        for (std::string_view report : below->second) {
          if (report != visibility.reports_of &&
              reports.emplace(report).second) {
            next.push_back(report);
          }
        }
      }
      level = std::move(next);
    }
  }

  const auto contains = [](const std::vector<std::string>& sorted,
                           const std::string& key) {
    return std::binary_search(sorted.begin(), sorted.end(), key);
  };
  keys.clear();
  for (const User& user : users) {
    const bool by_unit = user.org_unit.empty()
                             ? visibility.without_org_unit
                             : contains(visibility.org_units, user.org_unit);
    if (by_unit || user.key == visibility.self ||
        (reports.contains(user.key) &&
         !contains(visibility.reports_excluded_org_units, user.org_unit))) {
      keys.push_back(user.key);
    }
  }
  return keys;
}

std::vector<std::int64_t> EnrolmentStore::insert_enrolments(
    TenantId tenant, std::span<const Enrolment> enrolments) {
  std::vector<std::int64_t> ids;
  ids.reserve(enrolments.size());
  for (const Enrolment& enrolment : enrolments)
    ids.push_back(insert_enrolment(tenant, enrolment));
  return ids;
}

EnrolmentStore& Transaction::enrolments() {
  throw Error(ErrorCode::not_supported,
              "enrolments: this storage backend does not support enrolments");
}

AccessStore& Transaction::access() {
  throw Error(ErrorCode::not_supported,
              "access: this storage backend does not support access control");
}

}  // namespace lms
