// SPDX-License-Identifier: Apache-2.0
//
// The SQLite transaction: one object plays the Transaction and its
// stores over the one connection it leases for its lifetime.
// Thread safety: a transaction belongs to the thread that began it; the
// lease keeps every other thread off its connection.

#pragma once

#include <memory>
#include <string_view>

#include "lms/storage.hpp"
#include "sqlite/connection.hpp"

namespace lms::sqlite {

// A connection held for the life of one transaction: the writer under its
// mutex, or a reader taken from the pool. Destroying the lease gives the
// connection back.
class ConnectionLease {
 public:
  virtual ~ConnectionLease() = default;
  virtual Connection& connection() = 0;
};

class SqliteTransaction final : public Transaction,
                                public DirectoryStore,
                                public CatalogStore,
                                public AccessStore,
                                public EnrolmentStore,
                                public EventStore {
 public:
  // Begins a transaction on the leased connection: BEGIN IMMEDIATE for a
  // write (it takes the database's write lock now, not at the first write),
  // BEGIN for a read (its snapshot starts at the first read). Throws
  // Error{storage}.
  SqliteTransaction(std::unique_ptr<ConnectionLease> lease,
                    TransactionMode mode);
  // Rolls back unless committed. Never throws.
  ~SqliteTransaction() override;

  void commit() override;
  DirectoryStore& directory() override { return *this; }
  CatalogStore& catalog() override { return *this; }
  EventStore& events() override { return *this; }
  AccessStore& access() override { return *this; }
  EnrolmentStore& enrolments() override { return *this; }

  TenantId insert_tenant(const TenantSpec& spec, Timestamp now) override;
  std::optional<Tenant> find_tenant(TenantId id) override;
  std::optional<Tenant> find_tenant_by_key(std::string_view key) override;
  std::vector<Tenant> list_tenants() override;

  void insert_org_unit(TenantId tenant, const OrgUnit& unit) override;
  void update_org_unit(TenantId tenant, const OrgUnit& unit) override;
  std::optional<OrgUnit> find_org_unit(TenantId tenant,
                                       std::string_view key) override;
  std::vector<OrgUnit> list_org_subtree(TenantId tenant,
                                        std::string_view root) override;

  void insert_user(TenantId tenant, const User& user) override;
  void update_user(TenantId tenant, const User& user) override;
  std::optional<User> find_user(TenantId tenant, std::string_view key) override;
  std::vector<User> find_users(TenantId tenant,
                               std::span<const std::string> keys) override;
  UserPage list_users(TenantId tenant, const UserQuery& query) override;
  std::vector<std::string> list_user_keys(TenantId tenant) override;
  std::vector<std::string> manager_chain(TenantId tenant,
                                         std::string_view user_key) override;
  std::vector<std::string> visible_user_keys(
      TenantId tenant, const UserVisibility& visibility) override;

  void insert_course(TenantId tenant, const Course& course) override;
  void update_course(TenantId tenant, const Course& course) override;
  std::optional<Course> find_course(TenantId tenant,
                                    std::string_view key) override;
  CoursePage list_courses(TenantId tenant, const CourseQuery& query) override;

  void insert_role(TenantId tenant, const Role& role) override;
  void update_role(TenantId tenant, const Role& role) override;
  std::optional<Role> find_role(TenantId tenant, std::string_view key) override;
  std::vector<Role> list_roles(TenantId tenant) override;
  std::int64_t insert_assignment(TenantId tenant,
                                 const Assignment& assignment) override;
  void delete_assignment(TenantId tenant, std::int64_t id) override;
  std::optional<Assignment> find_assignment(TenantId tenant,
                                            std::int64_t id) override;
  std::vector<Assignment> list_assignments(
      TenantId tenant, const AssignmentQuery& query) override;
  void put_override(TenantId tenant, const Override& override) override;
  void delete_override(TenantId tenant, std::string_view role_key,
                       const Scope& scope, Permission permission) override;
  std::vector<Override> list_overrides(TenantId tenant) override;

  std::int64_t insert_enrolment(TenantId tenant,
                                const Enrolment& enrolment) override;
  void update_enrolment(TenantId tenant, const Enrolment& enrolment) override;
  std::optional<Enrolment> find_enrolment(TenantId tenant,
                                          std::int64_t id) override;
  std::vector<Enrolment> latest_enrolments(
      TenantId tenant, std::string_view course_key,
      std::span<const std::string> user_keys) override;
  EnrolmentPage list_enrolments(TenantId tenant,
                                const EnrolmentQuery& query) override;
  void put_progress(TenantId tenant, const ActivityProgress& progress) override;
  std::vector<ActivityProgress> list_progress(
      TenantId tenant, std::int64_t enrolment_id) override;

  std::int64_t append_event(const Event& event) override;
  std::vector<Event> events_after(TenantId tenant, std::int64_t after,
                                  std::size_t limit) override;

 private:
  // Throws Error{internal} unless this is a write transaction not yet
  // committed: a write anywhere else is a bug of the caller.
  void require_write(std::string_view method) const;
  void write_prerequisites(TenantId tenant, const Course& course);
  void read_prerequisites(TenantId tenant, Course& course);

  std::unique_ptr<ConnectionLease> lease_;
  Connection& db_;
  TransactionMode mode_;
  bool committed_ = false;
};

}  // namespace lms::sqlite
