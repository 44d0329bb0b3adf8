// SPDX-License-Identifier: Apache-2.0
//
// The access cache (see access_cache.hpp).

#include "rbac/access_cache.hpp"

#include <algorithm>
#include <mutex>

namespace lms {
namespace {

// Beyond this many cached decisions (users, actors, courses per tenant) the
// cache starts over rather than grow without bound in a long-running host;
// refilling costs one miss each.
constexpr std::size_t kMaxDecisions = std::size_t{1} << 18;
constexpr std::size_t kMaxUsers = std::size_t{1} << 18;
constexpr std::size_t kMaxActors = std::size_t{1} << 16;
constexpr std::size_t kMaxCourses = std::size_t{1} << 16;

template <typename T>
bool contains(const std::vector<T>& values, const T& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

// `entry` when it holds a value valid at `now`.
template <typename T>
std::optional<AccessCache::Entry<T>> valid_at(
    const std::optional<AccessCache::Entry<T>>& entry, Timestamp now) {
  if (!entry || !entry->validity.contains(now)) return std::nullopt;
  return entry;
}

// The value under `key` in `map` when it is valid at `now`.
template <typename Map>
auto valid_at(const Map& map, std::string_view key, Timestamp now)
    -> std::optional<typename Map::mapped_type> {
  const auto it = map.find(key);
  if (it == map.end() || !it->second.validity.contains(now))
    return std::nullopt;
  return it->second;
}

// Emplaces or replaces the value under `key`.
template <typename Map, typename Value>
void put(Map& map, std::string_view key, Value value) {
  const auto it = map.find(key);
  if (it != map.end())
    it->second = std::move(value);
  else
    map.emplace(std::string{key}, std::move(value));
}

}  // namespace

Validity Validity::operator&(const Validity& other) const {
  return {std::max(from, other.from), std::min(until, other.until)};
}

Validity validity_of(const Assignment& assignment) {
  Validity validity;
  if (assignment.valid_from) validity.from = *assignment.valid_from;
  if (assignment.valid_until) validity.until = *assignment.valid_until;
  return validity;
}

Validity assignment_validity(std::span<const Assignment> assignments,
                             Timestamp now) {
  Validity validity;
  const auto bound = [&](Timestamp moment) {
    if (moment <= now)
      validity.from = std::max(validity.from, moment);
    else
      validity.until = std::min(validity.until, moment);
  };
  for (const Assignment& assignment : assignments) {
    const Validity own = validity_of(assignment);
    bound(own.from);
    bound(own.until);
  }
  return validity;
}

void AccessChanges::note(TenantId tenant, AccessEffect effect,
                         std::string_view subject) {
  written_ = true;
  switch (effect) {
    case AccessEffect::none:
      return;
    case AccessEffect::directory:
      if (!contains(directory_, tenant)) directory_.push_back(tenant);
      return;
    case AccessEffect::policy:
      if (!contains(policy_, tenant)) policy_.push_back(tenant);
      return;
    case AccessEffect::assignments:
      assignments_.emplace_back(tenant, subject);
      return;
  }
}

std::vector<TenantId> AccessChanges::tenants() const {
  std::vector<TenantId> tenants = directory_;
  tenants.insert(tenants.end(), policy_.begin(), policy_.end());
  for (const auto& [tenant, user] : assignments_) tenants.push_back(tenant);
  std::sort(tenants.begin(), tenants.end());
  tenants.erase(std::unique(tenants.begin(), tenants.end()), tenants.end());
  return tenants;
}

std::size_t AccessCache::DecisionKeyHash::operator()(
    const DecisionKey& key) const {
  const auto tag = static_cast<std::size_t>(key.permission) * 8 +
                   static_cast<std::size_t>(key.kind);
  return std::hash<std::string_view>{}(key.key) ^ (tag * 0x9e3779b97f4a7c15u);
}

AccessCache::AccessCache(std::optional<std::chrono::milliseconds> ttl)
    : ttl_(ttl) {}

Validity AccessCache::fresh(Timestamp now) const {
  if (!ttl_) return {};
  return {now, now + *ttl_};
}

const AccessCache::TenantEntry* AccessCache::find_tenant(
    TenantId tenant) const {
  const auto it = tenants_.find(tenant);
  if (it == tenants_.end() || it->second.committing > 0) return nullptr;
  return &it->second;
}

bool AccessCache::knows_tenant(TenantId tenant) const {
  std::shared_lock lock(mutex_);
  return tenants_.contains(tenant);
}

std::optional<AccessCache::Entry<AccessPolicy>> AccessCache::policy(
    TenantId tenant, Timestamp now) const {
  std::shared_lock lock(mutex_);
  const TenantEntry* entry = find_tenant(tenant);
  return entry ? valid_at(entry->policy, now) : std::nullopt;
}

void AccessCache::store_policy(std::uint64_t generation, TenantId tenant,
                               Entry<AccessPolicy> entry) {
  std::unique_lock lock(mutex_);
  if (generation != this->generation()) return;
  tenants_[tenant].policy = std::move(entry);
}

std::optional<AccessCache::Entry<rbac::OrgTree>> AccessCache::org_tree(
    TenantId tenant, Timestamp now) const {
  std::shared_lock lock(mutex_);
  const TenantEntry* entry = find_tenant(tenant);
  return entry ? valid_at(entry->org_tree, now) : std::nullopt;
}

void AccessCache::store_org_tree(std::uint64_t generation, TenantId tenant,
                                 Entry<rbac::OrgTree> entry) {
  std::unique_lock lock(mutex_);
  if (generation != this->generation()) return;
  tenants_[tenant].org_tree = std::move(entry);
}

std::optional<AccessCache::Entry<UserFacts>> AccessCache::user(
    TenantId tenant, std::string_view key, Timestamp now) const {
  std::shared_lock lock(mutex_);
  const TenantEntry* entry = find_tenant(tenant);
  return entry ? valid_at(entry->users, key, now) : std::nullopt;
}

void AccessCache::store_user(std::uint64_t generation, TenantId tenant,
                             std::string_view key, Entry<UserFacts> entry) {
  std::unique_lock lock(mutex_);
  if (generation != this->generation()) return;
  auto& users = tenants_[tenant].users;
  if (users.size() >= kMaxUsers) users.clear();
  put(users, key, std::move(entry));
}

bool AccessCache::knows_course(TenantId tenant, std::string_view key) const {
  std::shared_lock lock(mutex_);
  const TenantEntry* entry = find_tenant(tenant);
  return entry && entry->courses.contains(key);
}

void AccessCache::store_course(TenantId tenant, std::string_view key) {
  std::unique_lock lock(mutex_);
  auto& courses = tenants_[tenant].courses;
  if (courses.size() >= kMaxCourses) courses.clear();
  put(courses, key, true);
}

std::optional<AccessCache::Entry<std::vector<Assignment>>>
AccessCache::assignments(TenantId tenant, std::string_view user,
                         Timestamp now) const {
  std::shared_lock lock(mutex_);
  const TenantEntry* entry = find_tenant(tenant);
  if (!entry) return std::nullopt;
  const auto actor = entry->actors.find(user);
  if (actor == entry->actors.end()) return std::nullopt;
  return valid_at(actor->second.assignments, now);
}

void AccessCache::store_assignments(std::uint64_t generation, TenantId tenant,
                                    std::string_view user,
                                    Entry<std::vector<Assignment>> entry) {
  std::unique_lock lock(mutex_);
  if (generation != this->generation()) return;
  actor_entry(tenant, user).assignments = std::move(entry);
}

std::shared_ptr<const Decision> AccessCache::decision(TenantId tenant,
                                                      std::string_view user,
                                                      Permission permission,
                                                      const Resource& resource,
                                                      Timestamp now) const {
  std::shared_lock lock(mutex_);
  const TenantEntry* entry = find_tenant(tenant);
  if (!entry) return nullptr;
  const auto actor = entry->actors.find(user);
  if (actor == entry->actors.end()) return nullptr;
  const auto& decisions = actor->second.decisions;
  const auto found =
      decisions.find(DecisionKey{permission, resource.kind, resource.key});
  if (found == decisions.end() || !found->second.validity.contains(now))
    return nullptr;
  return found->second.value;
}

void AccessCache::store_decision(std::uint64_t generation, TenantId tenant,
                                 std::string_view user, Validity validity,
                                 Decision decision) {
  auto value = std::make_shared<const Decision>(std::move(decision));
  std::unique_lock lock(mutex_);
  if (generation != this->generation()) return;
  if (decision_count_ >= kMaxDecisions) {
    for (auto& [id, entry] : tenants_) clear_decisions(entry);
  }
  // The key views the value's resource key, so a stale entry goes with its
  // key rather than being assigned over.
  const DecisionKey key{value->permission, value->resource.kind,
                        value->resource.key};
  auto& decisions = actor_entry(tenant, user).decisions;
  const bool replaced = decisions.erase(key) != 0;
  decisions.emplace(key, Entry<Decision>{std::move(value), validity});
  if (!replaced) ++decision_count_;
}

void AccessCache::hold(std::span<const TenantId> tenants) {
  if (tenants.empty()) return;
  std::unique_lock lock(mutex_);
  for (const TenantId tenant : tenants) ++tenants_[tenant].committing;
}

void AccessCache::release(std::span<const TenantId> tenants,
                          const AccessChanges& changes) {
  if (tenants.empty()) return;
  std::unique_lock lock(mutex_);
  generation_.fetch_add(1, std::memory_order_acq_rel);
  for (const TenantId tenant : tenants) --tenants_[tenant].committing;
  for (const TenantId tenant : changes.directory_) {
    const auto it = tenants_.find(tenant);
    if (it == tenants_.end()) continue;
    it->second.org_tree.reset();
    it->second.users.clear();
    clear_decisions(it->second);
  }
  for (const TenantId tenant : changes.policy_) {
    const auto it = tenants_.find(tenant);
    if (it == tenants_.end()) continue;
    it->second.policy.reset();
    clear_decisions(it->second);
  }
  for (const auto& [tenant, user] : changes.assignments_) {
    const auto it = tenants_.find(tenant);
    if (it == tenants_.end()) continue;
    const auto actor = it->second.actors.find(user);
    if (actor == it->second.actors.end()) continue;
    decision_count_ -= actor->second.decisions.size();
    it->second.actors.erase(actor);
  }
}

AccessCache::ActorEntry& AccessCache::actor_entry(TenantId tenant,
                                                  std::string_view user) {
  auto& actors = tenants_[tenant].actors;
  auto it = actors.find(user);
  if (it != actors.end()) return it->second;
  // Actors come from the host, unknown keys too: bounded like the rest.
  if (actors.size() >= kMaxActors) {
    for (const auto& [key, actor] : actors)
      decision_count_ -= actor.decisions.size();
    actors.clear();
  }
  return actors.emplace(std::string{user}, ActorEntry{}).first->second;
}

void AccessCache::clear_decisions(TenantEntry& tenant) {
  for (auto& [key, actor] : tenant.actors) {
    decision_count_ -= actor.decisions.size();
    actor.decisions.clear();
  }
}

}  // namespace lms
