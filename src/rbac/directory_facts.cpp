// SPDX-License-Identifier: Apache-2.0
//
// The directory as access decisions read it (see directory_facts.hpp).

#include "rbac/directory_facts.hpp"

#include <utility>

#include "catalog/catalog_service.hpp"
#include "directory/directory_service.hpp"
#include "storage/manager_chain.hpp"

namespace lms::rbac {

void DirectoryFacts::require_tenant() {
  if (cache_ && cache_->knows_tenant(call_.tenant)) return;
  lms::require_tenant(call_.tx, call_.tenant);
}

std::optional<UserFacts> DirectoryFacts::find_user(std::string_view key) {
  if (cache_) {
    if (auto entry = cache_->user(call_.tenant, key, call_.now)) {
      validity_ = validity_ & entry->validity;
      return *entry->value;
    }
  }
  auto user = call_.tx.directory().find_user(call_.tenant, key);
  if (!user) return std::nullopt;
  UserFacts facts{std::move(user->org_unit), std::move(user->manager_key),
                  user->status};
  if (cache_) {
    AccessCache::Entry<UserFacts> entry{std::make_shared<UserFacts>(facts),
                                        cache_->fresh(call_.now)};
    validity_ = validity_ & entry.validity;
    cache_->store_user(call_.cache->generation(), call_.tenant, key,
                       std::move(entry));
  }
  return facts;
}

std::vector<Scope> DirectoryFacts::path(const Resource& resource,
                                        std::string_view field) {
  // Whatever the cache cannot answer -- above all a record that does not
  // exist -- the transaction does, with the services' errors.
  const auto from_storage = [&] {
    return resource_path(call_.tx, call_.tenant, resource, field);
  };
  if (!cache_) return from_storage();
  switch (resource.kind) {
    case ResourceKind::tenant:
      return {Scope::tenant()};
    case ResourceKind::user: {
      const auto user = find_user(resource.key);
      if (!user) return from_storage();
      const auto tree = org_tree();
      if (!user->org_unit.empty() && !tree->contains(user->org_unit))
        return from_storage();
      return tree->path(user->org_unit);
    }
    case ResourceKind::org_unit: {
      const auto tree = org_tree();
      if (!tree->contains(resource.key)) return from_storage();
      return tree->path(resource.key);
    }
    case ResourceKind::course:
      if (!cache_->knows_course(call_.tenant, resource.key)) {
        require_course(call_.tx, call_.tenant, field, resource.key);
        cache_->store_course(call_.tenant, resource.key);
      }
      return {Scope::course(resource.key), Scope::tenant()};
  }
  return from_storage();
}

std::vector<std::string> DirectoryFacts::manager_chain(std::string_view key) {
  if (!cache_) return call_.tx.directory().manager_chain(call_.tenant, key);
  return detail::walk_manager_chain(
      key, [&](std::string_view user_key) -> std::optional<std::string> {
        auto user = find_user(user_key);
        if (!user) return std::nullopt;
        return std::move(user->manager_key);
      });
}

std::shared_ptr<const OrgTree> DirectoryFacts::org_tree() {
  return read_through(
      call_, validity_,
      [&](const AccessCache& cache) {
        return cache.org_tree(call_.tenant, call_.now);
      },
      [&] {
        return OrgTree(call_.tx.directory().list_org_subtree(call_.tenant, ""));
      },
      [&](AccessCache& cache, std::uint64_t generation, auto entry) {
        cache.store_org_tree(generation, call_.tenant, std::move(entry));
      });
}

}  // namespace lms::rbac
