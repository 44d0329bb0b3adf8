// SPDX-License-Identifier: Apache-2.0
//
// lms::Engine (see engine.hpp): each API call is one storage transaction
// that authorizes, lets a service do the work and commits. Its only mutable
// state is the access cache, itself thread-safe; the storage serialises
// writers. So an Engine is safe for concurrent use from multiple threads.

#include "lms/engine.hpp"

#include <algorithm>
#include <iterator>
#include <optional>
#include <set>
#include <string>
#include <type_traits>
#include <utility>

#include "catalog/catalog_service.hpp"
#include "core/field_error.hpp"
#include "core/validate.hpp"
#include "directory/directory_service.hpp"
#include "directory/user_sync.hpp"
#include "enrolment/enrolment_service.hpp"
#include "events/event_log.hpp"
#include "lms/error.hpp"
#include "lms/limits.hpp"
#include "progress/progress_service.hpp"
#include "rbac/access_cache.hpp"
#include "rbac/access_service.hpp"
#include "rbac/authorizer.hpp"
#include "rbac/scope_path.hpp"

namespace lms {

struct Engine::Impl {
  std::unique_ptr<Storage> storage;
  std::shared_ptr<Clock> clock;
  // Null when the host turned caching off (a zero TTL).
  std::unique_ptr<AccessCache> cache;
  DirectoryService directory;
  CatalogService catalog;
  AccessService access;
  EnrolmentService enrolments;
  ProgressService progress{enrolments};

  // Runs `work(call)` in one transaction of `mode`; a write transaction
  // commits only when `work` returns. `work` authorizes before anything
  // else.
  template <typename Work>
  auto run(TransactionMode mode, const Actor& actor, TenantId tenant,
           Work&& work) {
    std::optional<CallCache> call_cache;
    if (cache) call_cache.emplace(*cache);
    auto tx = storage->begin(mode);
    const Call call{*tx, actor, tenant, clock->now(),
                    call_cache ? &*call_cache : nullptr};
    if constexpr (std::is_void_v<decltype(work(call))>) {
      std::forward<Work>(work)(call);
      finish(mode, *tx, call_cache);
    } else {
      auto result = std::forward<Work>(work)(call);
      finish(mode, *tx, call_cache);
      return result;
    }
  }

  // Commits a write transaction; the call's cache keeps what it changed
  // from being served meanwhile and drops it after (CallCache::commit).
  static void finish(TransactionMode mode, Transaction& tx,
                     std::optional<CallCache>& call_cache) {
    if (mode != TransactionMode::write) return;
    if (call_cache) {
      call_cache->commit([&] { tx.commit(); });
    } else {
      tx.commit();
    }
  }

  // run() for the calls that need `permission` on one resource.
  template <typename Work>
  auto guarded(TransactionMode mode, const Actor& actor, TenantId tenant,
               Permission permission, const Resource& resource, Work&& work) {
    return run(mode, actor, tenant, [&](const Call& call) {
      authorize(call, permission, resource);
      return std::forward<Work>(work)(call);
    });
  }

  template <typename Work>
  auto read(const Actor& actor, TenantId tenant, Permission permission,
            const Resource& resource, Work&& work) {
    return guarded(TransactionMode::read, actor, tenant, permission, resource,
                   std::forward<Work>(work));
  }

  template <typename Work>
  auto write(const Actor& actor, TenantId tenant, Permission permission,
             const Resource& resource, Work&& work) {
    return guarded(TransactionMode::write, actor, tenant, permission, resource,
                   std::forward<Work>(work));
  }

  // run() for the calls on one enrolment: the permission is checked on the
  // enrolment found by id, so an id of another tenant (or of none) is
  // not_found, whoever asks.
  template <typename Work>
  auto on_enrolment(TransactionMode mode, const Actor& actor, TenantId tenant,
                    std::int64_t enrolment_id, Permission permission,
                    Work&& work) {
    return run(mode, actor, tenant, [&](const Call& c) {
      require_tenant(c.tx, tenant);
      const Enrolment enrolment = enrolments.get(c, enrolment_id);
      authorize_enrolment(c, permission, enrolment.user_key,
                          enrolment.course_key);
      return std::forward<Work>(work)(c, enrolment);
    });
  }

  // The decision for `subject`: warm from the cache without opening a
  // transaction, else decided (and cached) in a read transaction. No
  // permission is needed to ask, but an unknown tenant or resource is
  // not_found as for any call.
  std::shared_ptr<const Decision> decision(const Actor& subject,
                                           TenantId tenant,
                                           Permission permission,
                                           const Resource& resource) {
    detail::validate_permission("permission", permission);
    detail::validate_resource("resource", resource);
    if (cache) {
      if (auto cached = cache->decision(tenant, subject.user_key(), permission,
                                        resource, clock->now()))
        return cached;
    }
    return std::make_shared<const Decision>(
        run(TransactionMode::read, subject, tenant, [&](const Call& c) {
          // decide() takes tenant 0 for the tenant-level calls; a host
          // asking about it names no tenant.
          if (tenant == 0) require_tenant(c.tx, tenant);
          return decide(c, permission, resource, "resource.key");
        }));
  }
};

namespace {

// The org unit `key` names, or the tenant when it is empty; `field` names
// it in errors. The key is validated first so that a malformed one is
// invalid_argument, not a missing record.
Resource unit_or_tenant(std::string_view field, std::string_view key) {
  detail::validate_optional_key(field, key);
  return key.empty() ? Resource::tenant()
                     : Resource::org_unit(std::string{key});
}

// The scope's resource, the scope validated first (see unit_or_tenant).
Resource scope_resource(const Scope& scope) {
  detail::validate_scope("scope", scope);
  return rbac::scope_resource(scope);
}

// The keys of the records of `kind` the call's actor holds `permission`
// on, for filtering a list.
std::set<std::string, std::less<>> visible_set(const Call& call,
                                               Permission permission,
                                               ResourceKind kind) {
  const auto keys = visible_keys(call, permission, kind);
  return {keys.begin(), keys.end()};
}

}  // namespace

Engine::Engine(std::unique_ptr<Storage> storage, EngineOptions options)
    : impl_(std::make_unique<Impl>()) {
  if (!storage)
    throw Error(ErrorCode::invalid_argument, "storage: must not be null");
  impl_->storage = std::move(storage);
  impl_->clock = options.clock ? std::move(options.clock) : system_clock();
  if (options.access_cache_ttl && options.access_cache_ttl->count() < 0)
    throw Error(ErrorCode::invalid_argument,
                "access_cache_ttl: must not be negative, got " +
                    std::to_string(options.access_cache_ttl->count()) + " ms");
  if (!options.access_cache_ttl || options.access_cache_ttl->count() > 0)
    impl_->cache = std::make_unique<AccessCache>(options.access_cache_ttl);
}

Engine Engine::open(const std::string& path, EngineOptions options) {
  return Engine(open_sqlite(path), std::move(options));
}

Engine::Engine(Engine&&) noexcept = default;
Engine& Engine::operator=(Engine&&) noexcept = default;
Engine::~Engine() = default;

const Clock& Engine::clock() const { return *impl_->clock; }

// --- Tenants ---------------------------------------------------------------

Tenant Engine::create_tenant(const Actor& actor, const TenantSpec& spec) {
  return impl_->write(
      actor, 0, Permission::tenant_manage, Resource::tenant(),
      [&](const Call& c) { return impl_->directory.create_tenant(c, spec); });
}

Tenant Engine::get_tenant(const Actor& actor, TenantId tenant) {
  return impl_->read(
      actor, 0, Permission::tenant_manage, Resource::tenant(),
      [&](const Call& c) { return impl_->directory.get_tenant(c, tenant); });
}

std::vector<Tenant> Engine::list_tenants(const Actor& actor) {
  return impl_->read(
      actor, 0, Permission::tenant_manage, Resource::tenant(),
      [&](const Call& c) { return impl_->directory.list_tenants(c); });
}

// --- Users -----------------------------------------------------------------

User Engine::create_user(const Actor& actor, TenantId tenant,
                         const UserRecord& record) {
  return impl_->run(TransactionMode::write, actor, tenant, [&](const Call& c) {
    authorize(c, Permission::user_manage,
              unit_or_tenant("org_unit", record.org_unit), "org_unit");
    return impl_->directory.create_user(c, record);
  });
}

User Engine::get_user(const Actor& actor, TenantId tenant,
                      std::string_view key) {
  return impl_->read(
      actor, tenant, Permission::user_view, Resource::user(std::string{key}),
      [&](const Call& c) { return impl_->directory.get_user(c, key); });
}

User Engine::update_user(const Actor& actor, TenantId tenant,
                         std::string_view key, const UserUpdate& update) {
  return impl_->write(
      actor, tenant, Permission::user_manage, Resource::user(std::string{key}),
      [&](const Call& c) {
        // Moving a user hands them to another unit's managers: the actor
        // needs user.manage there too.
        if (update.org_unit &&
            *update.org_unit != impl_->directory.get_user(c, key).org_unit)
          authorize(c, Permission::user_manage,
                    unit_or_tenant("org_unit", *update.org_unit), "org_unit");
        return impl_->directory.update_user(c, key, update);
      });
}

UserPage Engine::list_users(const Actor& actor, TenantId tenant,
                            const UserQuery& query) {
  return impl_->run(TransactionMode::read, actor, tenant, [&](const Call& c) {
    require_tenant(c.tx, tenant);
    if (actor.is_system()) return impl_->directory.list_users(c, query);
    auto visible = visible_keys(c, Permission::user_view, ResourceKind::user);
    UserQuery filtered = query;
    if (query.keys) {
      auto wanted = *query.keys;
      std::sort(wanted.begin(), wanted.end());
      std::vector<std::string> both;
      std::set_intersection(visible.begin(), visible.end(), wanted.begin(),
                            wanted.end(), std::back_inserter(both));
      visible = std::move(both);
    }
    filtered.keys = std::move(visible);
    return impl_->directory.list_users(c, filtered);
  });
}

SyncResult Engine::sync_users(const Actor& actor, TenantId tenant,
                              std::span<const UserRecord> batch,
                              const SyncOptions& options) {
  // A dry run computes the same diff in a read transaction, which cannot
  // write even by mistake.
  const auto mode =
      options.dry_run ? TransactionMode::read : TransactionMode::write;
  return impl_->guarded(mode, actor, tenant, Permission::user_manage,
                        Resource::tenant(), [&](const Call& c) {
                          return lms::sync_users(c, impl_->directory, batch,
                                                 options);
                        });
}

// --- Org units -------------------------------------------------------------

OrgUnit Engine::create_org_unit(const Actor& actor, TenantId tenant,
                                const OrgUnitSpec& spec) {
  return impl_->run(TransactionMode::write, actor, tenant, [&](const Call& c) {
    authorize(c, Permission::orgunit_manage,
              unit_or_tenant("parent", spec.parent), "parent");
    return impl_->directory.create_org_unit(c, spec);
  });
}

OrgUnit Engine::get_org_unit(const Actor& actor, TenantId tenant,
                             std::string_view key) {
  return impl_->read(actor, tenant, Permission::orgunit_view,
                     Resource::org_unit(std::string{key}), [&](const Call& c) {
                       return impl_->directory.get_org_unit(c, key);
                     });
}

OrgUnit Engine::move_org_unit(const Actor& actor, TenantId tenant,
                              std::string_view key,
                              std::string_view new_parent) {
  return impl_->write(
      actor, tenant, Permission::orgunit_manage,
      Resource::org_unit(std::string{key}), [&](const Call& c) {
        authorize(c, Permission::orgunit_manage,
                  unit_or_tenant("parent", new_parent), "parent");
        return impl_->directory.move_org_unit(c, key, new_parent);
      });
}

std::vector<OrgUnit> Engine::list_org_subtree(const Actor& actor,
                                              TenantId tenant,
                                              std::string_view root) {
  return impl_->run(TransactionMode::read, actor, tenant, [&](const Call& c) {
    require_tenant(c.tx, tenant);
    auto units = impl_->directory.list_org_subtree(c, root);
    if (actor.is_system()) return units;
    const auto visible =
        visible_set(c, Permission::orgunit_view, ResourceKind::org_unit);
    std::erase_if(units, [&](const OrgUnit& unit) {
      return !visible.contains(unit.key);
    });
    return units;
  });
}

// --- Courses ---------------------------------------------------------------

Course Engine::create_course(const Actor& actor, TenantId tenant,
                             const CourseSpec& spec) {
  return impl_->write(
      actor, tenant, Permission::course_author, Resource::tenant(),
      [&](const Call& c) { return impl_->catalog.create_course(c, spec); });
}

Course Engine::get_course(const Actor& actor, TenantId tenant,
                          std::string_view key) {
  return impl_->read(actor, tenant, Permission::course_view,
                     Resource::course(std::string{key}), [&](const Call& c) {
                       return impl_->catalog.get_course(c, key);
                     });
}

Course Engine::update_course(const Actor& actor, TenantId tenant,
                             std::string_view key, const CourseUpdate& update) {
  return impl_->write(actor, tenant, Permission::course_author,
                      Resource::course(std::string{key}), [&](const Call& c) {
                        return impl_->catalog.update_course(c, key, update);
                      });
}

Course Engine::publish_course(const Actor& actor, TenantId tenant,
                              std::string_view key) {
  return impl_->write(actor, tenant, Permission::course_publish,
                      Resource::course(std::string{key}), [&](const Call& c) {
                        return impl_->catalog.publish_course(c, key);
                      });
}

Course Engine::archive_course(const Actor& actor, TenantId tenant,
                              std::string_view key) {
  return impl_->write(actor, tenant, Permission::course_publish,
                      Resource::course(std::string{key}), [&](const Call& c) {
                        return impl_->catalog.archive_course(c, key);
                      });
}

CoursePage Engine::list_courses(const Actor& actor, TenantId tenant,
                                const CourseQuery& query) {
  return impl_->run(TransactionMode::read, actor, tenant, [&](const Call& c) {
    require_tenant(c.tx, tenant);
    if (actor.is_system()) return impl_->catalog.list_courses(c, query);
    const auto visible =
        visible_set(c, Permission::course_view, ResourceKind::course);
    // Pages of the catalog filtered until this page is full, so that a
    // caller pages through the visible courses as through all of them.
    CoursePage result;
    CourseQuery next = query;
    for (;;) {
      const CoursePage page = impl_->catalog.list_courses(c, next);
      for (std::size_t i = 0; i < page.courses.size(); ++i) {
        if (!visible.contains(page.courses[i].key)) continue;
        result.courses.push_back(page.courses[i]);
        if (result.courses.size() == query.limit) {
          const bool more =
              i + 1 < page.courses.size() || !page.next_after.empty();
          if (more) result.next_after = page.courses[i].key;
          return result;
        }
      }
      if (page.next_after.empty()) return result;
      next.after = page.next_after;
    }
  });
}

// --- Enrolments --------------------------------------------------------------

Enrolment Engine::enrol(const Actor& actor, TenantId tenant,
                        const EnrolmentSpec& spec) {
  return impl_->run(TransactionMode::write, actor, tenant, [&](const Call& c) {
    detail::validate_enrolment_spec("", spec);
    authorize_enrolment(c, Permission::enrolment_manage, spec.user_key,
                        spec.course_key);
    return impl_->enrolments.enrol(c, spec, spec.source);
  });
}

Enrolment Engine::enrol_self(const Actor& actor, TenantId tenant,
                             std::string_view course_key) {
  return impl_->run(TransactionMode::write, actor, tenant, [&](const Call& c) {
    if (actor.is_system())
      detail::throw_field_error(ErrorCode::invalid_argument, "actor",
                                "the system principal has no record to enrol");
    detail::validate_key("course_key", course_key);
    EnrolmentSpec spec;
    spec.user_key = actor.user_key();
    spec.course_key = course_key;
    authorize_enrolment(c, Permission::enrolment_self, spec.user_key,
                        spec.course_key);
    return impl_->enrolments.enrol(c, spec, EnrolmentSource::self);
  });
}

BulkEnrolResult Engine::enrol_many(const Actor& actor, TenantId tenant,
                                   std::span<const EnrolmentSpec> specs) {
  return impl_->run(TransactionMode::write, actor, tenant, [&](const Call& c) {
    require_tenant(c.tx, tenant);
    // The service has found each user and course before it asks; the
    // system principal needs no per-pair decision at all.
    EnrolmentService::Authorize authorize_pair;
    if (!actor.is_system())
      authorize_pair = [&](const EnrolmentSpec& spec) {
        authorize_enrolment(c, Permission::enrolment_manage, spec.user_key,
                            spec.course_key);
      };
    return impl_->enrolments.enrol_many(c, specs, authorize_pair);
  });
}

Enrolment Engine::withdraw(const Actor& actor, TenantId tenant,
                           std::int64_t enrolment_id) {
  return impl_->on_enrolment(
      TransactionMode::write, actor, tenant, enrolment_id,
      Permission::enrolment_manage, [&](const Call& c, const Enrolment&) {
        return impl_->enrolments.withdraw(c, enrolment_id);
      });
}

Enrolment Engine::get_enrolment(const Actor& actor, TenantId tenant,
                                std::int64_t enrolment_id) {
  return impl_->on_enrolment(
      TransactionMode::read, actor, tenant, enrolment_id,
      Permission::enrolment_view,
      [&](const Call&, const Enrolment& enrolment) { return enrolment; });
}

EnrolmentPage Engine::list_enrolments(const Actor& actor, TenantId tenant,
                                      const EnrolmentQuery& query) {
  return impl_->run(TransactionMode::read, actor, tenant, [&](const Call& c) {
    detail::validate_enrolment_query(query);
    require_tenant(c.tx, tenant);
    auto& store = c.tx.enrolments();
    if (actor.is_system()) return store.list_enrolments(tenant, query);
    // Pages filtered until this page is full, so that a caller pages
    // through the enrolments they may view as through all of them.
    EnrolmentPage result;
    EnrolmentQuery next = query;
    next.limit = limits::kPageSize;
    for (;;) {
      const EnrolmentPage page = store.list_enrolments(tenant, next);
      for (const Enrolment& e : page.enrolments) {
        if (!decide_enrolment(c, Permission::enrolment_view, e.user_key,
                              e.course_key)
                 .allowed)
          continue;
        if (result.enrolments.size() == query.limit) {
          result.next_after = result.enrolments.back().id;
          return result;
        }
        result.enrolments.push_back(e);
      }
      if (page.next_after == 0) return result;
      next.after = page.next_after;
    }
  });
}

// --- Progress ----------------------------------------------------------------

RecordedProgress Engine::record_progress(const Actor& actor, TenantId tenant,
                                         const ProgressUpdate& update) {
  return impl_->run(TransactionMode::write, actor, tenant, [&](const Call& c) {
    detail::validate_progress_update(update);
    authorize_enrolment(c, Permission::progress_record, update.user_key,
                        update.course_key);
    return impl_->progress.record(c, update);
  });
}

std::vector<ActivityProgress> Engine::get_progress(const Actor& actor,
                                                   TenantId tenant,
                                                   std::int64_t enrolment_id) {
  return impl_->on_enrolment(TransactionMode::read, actor, tenant, enrolment_id,
                             Permission::progress_view,
                             [&](const Call& c, const Enrolment&) {
                               return impl_->progress.list(c, enrolment_id);
                             });
}

// --- Access control ----------------------------------------------------------

Role Engine::create_role(const Actor& actor, TenantId tenant,
                         const RoleSpec& spec) {
  return impl_->write(
      actor, tenant, Permission::role_manage, Resource::tenant(),
      [&](const Call& c) { return impl_->access.create_role(c, spec); });
}

Role Engine::update_role(
    const Actor& actor, TenantId tenant, std::string_view key,
    const std::map<Permission, PermissionValue>& permissions) {
  return impl_->write(actor, tenant, Permission::role_manage,
                      Resource::tenant(), [&](const Call& c) {
                        return impl_->access.update_role(c, key, permissions);
                      });
}

Role Engine::get_role(const Actor& actor, TenantId tenant,
                      std::string_view key) {
  return impl_->read(
      actor, tenant, Permission::role_assign, Resource::tenant(),
      [&](const Call& c) { return impl_->access.get_role(c, key); });
}

std::vector<Role> Engine::list_roles(const Actor& actor, TenantId tenant) {
  return impl_->read(
      actor, tenant, Permission::role_assign, Resource::tenant(),
      [&](const Call& c) { return impl_->access.list_roles(c); });
}

Assignment Engine::assign_role(const Actor& actor, TenantId tenant,
                               const AssignmentSpec& spec) {
  return impl_->run(TransactionMode::write, actor, tenant, [&](const Call& c) {
    authorize(c, Permission::role_assign, scope_resource(spec.scope),
              "scope.key");
    return impl_->access.assign_role(c, spec);
  });
}

void Engine::unassign_role(const Actor& actor, TenantId tenant,
                           std::int64_t assignment_id) {
  impl_->run(TransactionMode::write, actor, tenant, [&](const Call& c) {
    // The scope to check is the assignment's: an id of another tenant (or
    // of none) is not_found, whoever asks.
    require_tenant(c.tx, tenant);
    const Assignment assignment =
        impl_->access.get_assignment(c, assignment_id);
    authorize(c, Permission::role_assign,
              rbac::scope_resource(assignment.scope));
    impl_->access.unassign_role(c, assignment);
  });
}

std::vector<Assignment> Engine::list_assignments(const Actor& actor,
                                                 TenantId tenant,
                                                 const AssignmentQuery& query) {
  return impl_->read(
      actor, tenant, Permission::role_assign, Resource::tenant(),
      [&](const Call& c) { return impl_->access.list_assignments(c, query); });
}

void Engine::set_override(const Actor& actor, TenantId tenant,
                          const Override& override) {
  impl_->run(TransactionMode::write, actor, tenant, [&](const Call& c) {
    authorize(c, Permission::role_manage, scope_resource(override.scope),
              "scope.key");
    impl_->access.set_override(c, override);
  });
}

void Engine::clear_override(const Actor& actor, TenantId tenant,
                            std::string_view role_key, const Scope& scope,
                            Permission permission) {
  impl_->run(TransactionMode::write, actor, tenant, [&](const Call& c) {
    authorize(c, Permission::role_manage, scope_resource(scope), "scope.key");
    impl_->access.clear_override(c, role_key, scope, permission);
  });
}

std::vector<Override> Engine::list_overrides(const Actor& actor,
                                             TenantId tenant) {
  return impl_->read(
      actor, tenant, Permission::role_manage, Resource::tenant(),
      [&](const Call& c) { return impl_->access.list_overrides(c); });
}

bool Engine::check(const Actor& subject, TenantId tenant, Permission permission,
                   const Resource& resource) {
  return impl_->decision(subject, tenant, permission, resource)->allowed;
}

Decision Engine::explain(const Actor& subject, TenantId tenant,
                         Permission permission, const Resource& resource) {
  return *impl_->decision(subject, tenant, permission, resource);
}

std::vector<std::string> Engine::visible(const Actor& subject, TenantId tenant,
                                         Permission permission,
                                         ResourceKind kind) {
  return impl_->run(TransactionMode::read, subject, tenant, [&](const Call& c) {
    detail::validate_permission("permission", permission);
    require_tenant(c.tx, tenant);
    return visible_keys(c, permission, kind);
  });
}

// --- Events ----------------------------------------------------------------

std::vector<Event> Engine::events_after(const Actor& actor, TenantId tenant,
                                        std::int64_t after, std::size_t limit) {
  return impl_->read(actor, tenant, Permission::events_consume,
                     Resource::tenant(), [&](const Call& c) {
                       detail::validate_page_limit("limit", limit);
                       return c.tx.events().events_after(c.tenant, after,
                                                         limit);
                     });
}

}  // namespace lms
