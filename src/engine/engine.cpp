// SPDX-License-Identifier: Apache-2.0
//
// lms::Engine (see engine.hpp): each API call is one storage transaction
// that authorizes, lets a service do the work and commits. The engine holds
// no mutable state of its own -- the storage serialises writers -- so it is
// safe for concurrent use from multiple threads.

#include "lms/engine.hpp"

#include <utility>

#include "catalog/catalog_service.hpp"
#include "core/validate.hpp"
#include "directory/directory_service.hpp"
#include "directory/user_sync.hpp"
#include "events/event_log.hpp"
#include "lms/error.hpp"
#include "rbac/authorizer.hpp"

namespace lms {

struct Engine::Impl {
  std::unique_ptr<Storage> storage;
  std::shared_ptr<Clock> clock;
  DirectoryService directory;
  CatalogService catalog;

  // Runs `work(call)` in one transaction of `mode` after authorizing
  // `permission`; a write transaction commits only when `work` returns.
  template <typename Work>
  auto run(TransactionMode mode, const Actor& actor, TenantId tenant,
           Permission permission, Work&& work) {
    auto tx = storage->begin(mode);
    authorize(*tx, actor, tenant, permission);
    const Call call{*tx, actor, tenant, clock->now()};
    auto result = std::forward<Work>(work)(call);
    if (mode == TransactionMode::write) tx->commit();
    return result;
  }

  template <typename Work>
  auto read(const Actor& actor, TenantId tenant, Permission permission,
            Work&& work) {
    return run(TransactionMode::read, actor, tenant, permission,
               std::forward<Work>(work));
  }

  template <typename Work>
  auto write(const Actor& actor, TenantId tenant, Permission permission,
             Work&& work) {
    return run(TransactionMode::write, actor, tenant, permission,
               std::forward<Work>(work));
  }
};

Engine::Engine(std::unique_ptr<Storage> storage, EngineOptions options)
    : impl_(std::make_unique<Impl>()) {
  if (!storage)
    throw Error(ErrorCode::invalid_argument, "storage: must not be null");
  impl_->storage = std::move(storage);
  impl_->clock = options.clock ? std::move(options.clock) : system_clock();
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
  return impl_->write(actor, 0, Permission::tenant_manage, [&](const Call& c) {
    return impl_->directory.create_tenant(c, spec);
  });
}

Tenant Engine::get_tenant(const Actor& actor, TenantId tenant) {
  return impl_->read(actor, 0, Permission::tenant_manage, [&](const Call& c) {
    return impl_->directory.get_tenant(c, tenant);
  });
}

std::vector<Tenant> Engine::list_tenants(const Actor& actor) {
  return impl_->read(actor, 0, Permission::tenant_manage, [&](const Call& c) {
    return impl_->directory.list_tenants(c);
  });
}

// --- Users -----------------------------------------------------------------

User Engine::create_user(const Actor& actor, TenantId tenant,
                         const UserRecord& record) {
  return impl_->write(
      actor, tenant, Permission::user_manage,
      [&](const Call& c) { return impl_->directory.create_user(c, record); });
}

User Engine::get_user(const Actor& actor, TenantId tenant,
                      std::string_view key) {
  return impl_->read(actor, tenant, Permission::user_view, [&](const Call& c) {
    return impl_->directory.get_user(c, key);
  });
}

User Engine::update_user(const Actor& actor, TenantId tenant,
                         std::string_view key, const UserUpdate& update) {
  return impl_->write(actor, tenant, Permission::user_manage,
                      [&](const Call& c) {
                        return impl_->directory.update_user(c, key, update);
                      });
}

UserPage Engine::list_users(const Actor& actor, TenantId tenant,
                            const UserQuery& query) {
  return impl_->read(actor, tenant, Permission::user_view, [&](const Call& c) {
    return impl_->directory.list_users(c, query);
  });
}

SyncResult Engine::sync_users(const Actor& actor, TenantId tenant,
                              std::span<const UserRecord> batch,
                              const SyncOptions& options) {
  // A dry run computes the same diff in a read transaction, which cannot
  // write even by mistake.
  const auto mode =
      options.dry_run ? TransactionMode::read : TransactionMode::write;
  return impl_->run(
      mode, actor, tenant, Permission::user_manage, [&](const Call& c) {
        return lms::sync_users(c, impl_->directory, batch, options);
      });
}

// --- Org units -------------------------------------------------------------

OrgUnit Engine::create_org_unit(const Actor& actor, TenantId tenant,
                                const OrgUnitSpec& spec) {
  return impl_->write(
      actor, tenant, Permission::orgunit_manage,
      [&](const Call& c) { return impl_->directory.create_org_unit(c, spec); });
}

OrgUnit Engine::get_org_unit(const Actor& actor, TenantId tenant,
                             std::string_view key) {
  return impl_->read(
      actor, tenant, Permission::orgunit_view,
      [&](const Call& c) { return impl_->directory.get_org_unit(c, key); });
}

OrgUnit Engine::move_org_unit(const Actor& actor, TenantId tenant,
                              std::string_view key,
                              std::string_view new_parent) {
  return impl_->write(
      actor, tenant, Permission::orgunit_manage, [&](const Call& c) {
        return impl_->directory.move_org_unit(c, key, new_parent);
      });
}

std::vector<OrgUnit> Engine::list_org_subtree(const Actor& actor,
                                              TenantId tenant,
                                              std::string_view root) {
  return impl_->read(actor, tenant, Permission::orgunit_view,
                     [&](const Call& c) {
                       return impl_->directory.list_org_subtree(c, root);
                     });
}

// --- Courses ---------------------------------------------------------------

Course Engine::create_course(const Actor& actor, TenantId tenant,
                             const CourseSpec& spec) {
  return impl_->write(
      actor, tenant, Permission::course_author,
      [&](const Call& c) { return impl_->catalog.create_course(c, spec); });
}

Course Engine::get_course(const Actor& actor, TenantId tenant,
                          std::string_view key) {
  return impl_->read(
      actor, tenant, Permission::course_view,
      [&](const Call& c) { return impl_->catalog.get_course(c, key); });
}

Course Engine::update_course(const Actor& actor, TenantId tenant,
                             std::string_view key, const CourseUpdate& update) {
  return impl_->write(actor, tenant, Permission::course_author,
                      [&](const Call& c) {
                        return impl_->catalog.update_course(c, key, update);
                      });
}

Course Engine::publish_course(const Actor& actor, TenantId tenant,
                              std::string_view key) {
  return impl_->write(
      actor, tenant, Permission::course_publish,
      [&](const Call& c) { return impl_->catalog.publish_course(c, key); });
}

Course Engine::archive_course(const Actor& actor, TenantId tenant,
                              std::string_view key) {
  return impl_->write(
      actor, tenant, Permission::course_publish,
      [&](const Call& c) { return impl_->catalog.archive_course(c, key); });
}

CoursePage Engine::list_courses(const Actor& actor, TenantId tenant,
                                const CourseQuery& query) {
  return impl_->read(
      actor, tenant, Permission::course_view,
      [&](const Call& c) { return impl_->catalog.list_courses(c, query); });
}

// --- Events ----------------------------------------------------------------

std::vector<Event> Engine::events_after(const Actor& actor, TenantId tenant,
                                        std::int64_t after, std::size_t limit) {
  return impl_->read(
      actor, tenant, Permission::events_consume, [&](const Call& c) {
        detail::validate_page_limit("limit", limit);
        return c.tx.events().events_after(c.tenant, after, limit);
      });
}

}  // namespace lms
