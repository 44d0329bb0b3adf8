// SPDX-License-Identifier: Apache-2.0
//
// The compiled, cached form of access control. Checks sit on the hot path
// of every call, so an Engine keeps, per tenant: the policy (role
// definitions and overrides, indexed for rbac::resolve), each actor's
// assignments, the directory facts decisions read (the org tree; each
// user's org unit, manager and status; which courses exist), and every
// decision made -- (actor, permission, resource) -> Decision. A warm check
// is a hash lookup; the first check after an actor's assignments change
// re-reads only those.
//
// Invalidation comes from the events a call commits (events/event_type.hpp
// declares each type's AccessEffect): once a call's transaction has
// committed, a directory or policy change drops every decision of the
// tenant (a policy change the policy too), an assignment change the cached
// state of that one user. While the commit runs, lookups in those tenants
// miss, so no one is served a decision the commit has made stale.
//
// Consistency under concurrency: a reader may load from a snapshot older
// than a commit that invalidates concurrently. Every store therefore passes
// the cache generation read before its transaction began, and is dropped
// when any invalidation happened since.
//
// Time: a decision holds while none of the actor's assignments starts or
// ends (Validity), and every value at most `ttl` after it was read, for
// hosts whose database other Engines or processes also write.
//
// Thread safety: AccessCache is safe for concurrent use; a CallCache
// belongs to its call's thread.

#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "events/event_log.hpp"
#include "events/event_type.hpp"
#include "lms/access.hpp"
#include "lms/actor.hpp"
#include "lms/permission.hpp"
#include "lms/tenant.hpp"
#include "lms/time.hpp"
#include "lms/user.hpp"
#include "rbac/resolve.hpp"
#include "rbac/scope_path.hpp"

namespace lms {

// The moments at which a cached value may be served: [from, until).
struct Validity {
  Timestamp from = Timestamp::min();
  Timestamp until = Timestamp::max();

  bool contains(Timestamp t) const { return from <= t && t < until; }
  // The moments both allow.
  Validity operator&(const Validity& other) const;
};

// When `assignment` grants: [valid_from, valid_until), unbounded where
// unset.
Validity validity_of(const Assignment& assignment);

// The longest stretch around `now` in which none of `assignments` starts or
// ends, so that the same ones are valid throughout.
Validity assignment_validity(std::span<const Assignment> assignments,
                             Timestamp now);

// What decisions read of a user.
struct UserFacts {
  std::string org_unit;
  std::string manager_key;
  UserStatus status = UserStatus::active;
};

// A tenant's role definitions (built-in and custom) and overrides.
struct AccessPolicy {
  rbac::RoleDefinitions roles;
  rbac::OverrideIndex overrides;
};

// What a call has changed that cached access state depends on, noted as
// its events are appended.
class AccessChanges {
 public:
  void note(TenantId tenant, AccessEffect effect, std::string_view subject);
  // Whether any event was noted, whatever its effect.
  bool written() const { return written_; }
  // The tenants whose cached state the changes may have made stale.
  std::vector<TenantId> tenants() const;

 private:
  friend class AccessCache;
  bool written_ = false;
  std::vector<TenantId> directory_;
  std::vector<TenantId> policy_;
  std::vector<std::pair<TenantId, std::string>> assignments_;
};

class AccessCache {
 public:
  template <typename T>
  struct Entry {
    std::shared_ptr<const T> value;
    Validity validity;
  };

  // `ttl`: how long a value read from storage may be served; nullopt for
  // until invalidated. REQUIRES: ttl, if set, is positive.
  explicit AccessCache(std::optional<std::chrono::milliseconds> ttl);

  // Read before a transaction begins; passed back with what it read.
  std::uint64_t generation() const {
    return generation_.load(std::memory_order_acquire);
  }
  // The validity of a value read from storage at `now`.
  Validity fresh(Timestamp now) const;

  std::optional<Entry<AccessPolicy>> policy(TenantId tenant,
                                            Timestamp now) const;
  void store_policy(std::uint64_t generation, TenantId tenant,
                    Entry<AccessPolicy> entry);

  std::optional<Entry<std::vector<Assignment>>> assignments(
      TenantId tenant, std::string_view user, Timestamp now) const;
  void store_assignments(std::uint64_t generation, TenantId tenant,
                         std::string_view user,
                         Entry<std::vector<Assignment>> entry);

  // Whether the tenant is known to exist (tenants are never deleted).
  bool knows_tenant(TenantId tenant) const;

  std::optional<Entry<rbac::OrgTree>> org_tree(TenantId tenant,
                                               Timestamp now) const;
  void store_org_tree(std::uint64_t generation, TenantId tenant,
                      Entry<rbac::OrgTree> entry);

  std::optional<Entry<UserFacts>> user(TenantId tenant, std::string_view key,
                                       Timestamp now) const;
  void store_user(std::uint64_t generation, TenantId tenant,
                  std::string_view key, Entry<UserFacts> entry);

  // Whether the course is known to exist (courses are never deleted).
  bool knows_course(TenantId tenant, std::string_view key) const;
  void store_course(TenantId tenant, std::string_view key);

  // The decision cached for `user` at `now`, or null.
  std::shared_ptr<const Decision> decision(TenantId tenant,
                                           std::string_view user,
                                           Permission permission,
                                           const Resource& resource,
                                           Timestamp now) const;
  void store_decision(std::uint64_t generation, TenantId tenant,
                      std::string_view user, Validity validity,
                      Decision decision);

  // Called as a transaction that changed `tenants` starts to commit: until
  // release(), lookups in them miss, so that no one is served what the
  // commit is making stale.
  void hold(std::span<const TenantId> tenants);
  // Drops what `changes` (in `tenants`, its tenants()) may have made stale
  // and ends hold(). Called once the transaction has committed -- or failed
  // to, which is harmless.
  void release(std::span<const TenantId> tenants, const AccessChanges& changes);

 private:
  struct DecisionKey {
    Permission permission;
    ResourceKind kind;
    std::string_view key;  // points into the entry's Decision
    bool operator==(const DecisionKey&) const = default;
  };
  struct DecisionKeyHash {
    std::size_t operator()(const DecisionKey& key) const;
  };
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const {
      return std::hash<std::string_view>{}(s);
    }
  };
  struct ActorEntry {
    std::optional<Entry<std::vector<Assignment>>> assignments;
    std::unordered_map<DecisionKey, Entry<Decision>, DecisionKeyHash> decisions;
  };
  template <typename T>
  using ByKey = std::unordered_map<std::string, T, StringHash, std::equal_to<>>;
  struct TenantEntry {
    // Commits under way that change the tenant (hold/release); lookups
    // miss while there are any.
    int committing = 0;
    std::optional<Entry<AccessPolicy>> policy;
    std::optional<Entry<rbac::OrgTree>> org_tree;
    ByKey<Entry<UserFacts>> users;
    ByKey<bool> courses;
    ByKey<ActorEntry> actors;
  };

  // The tenant's entry for a lookup: null when there is none or a commit
  // changing it is under way. REQUIRES: mutex_ held.
  const TenantEntry* find_tenant(TenantId tenant) const;

  // The actor's entry, creating it. REQUIRES: mutex_ held exclusively.
  ActorEntry& actor_entry(TenantId tenant, std::string_view user);
  void clear_decisions(TenantEntry& tenant);

  std::optional<std::chrono::milliseconds> ttl_;
  mutable std::shared_mutex mutex_;
  std::atomic<std::uint64_t> generation_{0};
  std::unordered_map<TenantId, TenantEntry> tenants_;
  std::size_t decision_count_ = 0;
};

// One call's use of the cache (Call::cache).
class CallCache {
 public:
  // REQUIRES: constructed before the call's transaction begins.
  explicit CallCache(AccessCache& cache)
      : cache_(cache), generation_(cache.generation()) {}

  void note(TenantId tenant, AccessEffect effect, std::string_view subject) {
    changes_.note(tenant, effect, subject);
  }
  // The cache -- or null once the call has written anything, since its own
  // uncommitted writes are not in the cache (and may roll back).
  AccessCache* usable() { return changes_.written() ? nullptr : &cache_; }
  std::uint64_t generation() const { return generation_; }

  // Runs `commit`, the call's transaction's commit. While it runs, the
  // tenants the call changed are answered from storage alone; then what the
  // call changed is dropped -- also when `commit` throws, since its outcome
  // is then unknown and dropping is always safe.
  template <typename Commit>
  void commit(Commit&& commit) {
    const std::vector<TenantId> tenants = changes_.tenants();
    cache_.hold(tenants);
    try {
      std::forward<Commit>(commit)();
    } catch (...) {
      cache_.release(tenants, changes_);
      throw;
    }
    cache_.release(tenants, changes_);
  }

 private:
  AccessCache& cache_;
  std::uint64_t generation_;
  AccessChanges changes_;
};
// The call's cache when decisions may use it: not for the system principal
// (nothing to resolve) or the tenant-level calls, nor once the call has
// written anything (CallCache::usable).
inline AccessCache* usable_cache(const Call& call) {
  if (!call.cache || call.tenant == 0 || call.actor.is_system()) return nullptr;
  return call.cache->usable();
}

// The value `lookup` finds in the call's usable cache, or else the one
// `read` returns from storage, then handed to `store` with the call's
// generation; narrows `validity` to the value's. Returns a shared_ptr to
// const.
template <typename Lookup, typename Read, typename Store>
auto read_through(const Call& call, Validity& validity, Lookup lookup,
                  Read read, Store store) {
  using Value = decltype(read());
  AccessCache* cache = usable_cache(call);
  if (cache) {
    if (auto entry = lookup(*cache)) {
      validity = validity & entry->validity;
      return entry->value;
    }
  }
  std::shared_ptr<const Value> value = std::make_shared<Value>(read());
  if (cache) {
    AccessCache::Entry<Value> entry{value, cache->fresh(call.now)};
    validity = validity & entry.validity;
    store(*cache, call.cache->generation(), std::move(entry));
  }
  return value;
}

}  // namespace lms
