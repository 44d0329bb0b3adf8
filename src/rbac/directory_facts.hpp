// SPDX-License-Identifier: Apache-2.0
//
// What access decisions read of the directory and the catalog -- whether
// the tenant exists, where a resource sits, a user's status and manager
// chain -- through the call's access cache when it may be used, else
// straight from the call's transaction. Misses read storage once and are
// kept; an unknown record is never cached, so its error is always the
// services' own ("<field>: no user 'x'").
// Thread safety: belongs to its call's thread.

#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "events/event_log.hpp"
#include "lms/access.hpp"
#include "rbac/access_cache.hpp"
#include "rbac/scope_path.hpp"

namespace lms::rbac {

class DirectoryFacts {
 public:
  // Narrows `validity` to that of every fact read through the cache.
  DirectoryFacts(const Call& call, Validity& validity)
      : call_(call), cache_(usable_cache(call)), validity_(validity) {}

  // Throws Error{not_found} when the call's tenant does not exist.
  void require_tenant();
  // The user's facts; nullopt when there is no such user in the tenant.
  std::optional<UserFacts> find_user(std::string_view key);
  // The scopes covering `resource`, nearest first (rbac::resource_path).
  // Throws Error{not_found} naming `field` when it does not exist.
  std::vector<Scope> path(const Resource& resource, std::string_view field);
  // The managers above user `key`, nearest first (DirectoryStore::
  // manager_chain).
  std::vector<std::string> manager_chain(std::string_view key);

 private:
  std::shared_ptr<const OrgTree> org_tree();

  const Call& call_;
  AccessCache* cache_;
  Validity& validity_;
};

}  // namespace lms::rbac
