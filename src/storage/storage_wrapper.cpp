// SPDX-License-Identifier: Apache-2.0
//
// StorageWrapper: hands out transactions that report every call to
// on_call() and then forward it to a transaction of the wrapped storage.
// Thread safety: as the wrapped storage's, provided on_call() is; each
// forwarding transaction, like the one it wraps, belongs to one thread.

#include "lms/storage_wrapper.hpp"

#include <utility>

namespace lms {
namespace {

// One object plays the transaction and its stores, so that every
// call passes through on_call() before it reaches the wrapped transaction.
class ForwardingTransaction final : public Transaction,
                                    public DirectoryStore,
                                    public CatalogStore,
                                    public AccessStore,
                                    public EnrolmentStore,
                                    public EventStore {
 public:
  ForwardingTransaction(StorageWrapper& wrapper,
                        std::unique_ptr<Transaction> target)
      : wrapper_(wrapper), target_(std::move(target)) {}

  void commit() override {
    wrapper_.on_call("commit", true);
    target_->commit();
  }
  DirectoryStore& directory() override { return *this; }
  CatalogStore& catalog() override { return *this; }
  EventStore& events() override { return *this; }
  // A target without access control fails each call with not_supported
  // after on_call(), like any other call the target refuses.
  AccessStore& access() override { return *this; }
  EnrolmentStore& enrolments() override { return *this; }

  // DirectoryStore
  TenantId insert_tenant(const TenantSpec& spec, Timestamp now) override {
    wrapper_.on_call("insert_tenant", true);
    return target_->directory().insert_tenant(spec, now);
  }
  std::optional<Tenant> find_tenant(TenantId id) override {
    wrapper_.on_call("find_tenant", false);
    return target_->directory().find_tenant(id);
  }
  std::optional<Tenant> find_tenant_by_key(std::string_view key) override {
    wrapper_.on_call("find_tenant_by_key", false);
    return target_->directory().find_tenant_by_key(key);
  }
  std::vector<Tenant> list_tenants() override {
    wrapper_.on_call("list_tenants", false);
    return target_->directory().list_tenants();
  }
  void insert_org_unit(TenantId tenant, const OrgUnit& unit) override {
    wrapper_.on_call("insert_org_unit", true);
    target_->directory().insert_org_unit(tenant, unit);
  }
  void update_org_unit(TenantId tenant, const OrgUnit& unit) override {
    wrapper_.on_call("update_org_unit", true);
    target_->directory().update_org_unit(tenant, unit);
  }
  std::optional<OrgUnit> find_org_unit(TenantId tenant,
                                       std::string_view key) override {
    wrapper_.on_call("find_org_unit", false);
    return target_->directory().find_org_unit(tenant, key);
  }
  std::vector<OrgUnit> list_org_subtree(TenantId tenant,
                                        std::string_view root) override {
    wrapper_.on_call("list_org_subtree", false);
    return target_->directory().list_org_subtree(tenant, root);
  }
  void insert_user(TenantId tenant, const User& user) override {
    wrapper_.on_call("insert_user", true);
    target_->directory().insert_user(tenant, user);
  }
  void update_user(TenantId tenant, const User& user) override {
    wrapper_.on_call("update_user", true);
    target_->directory().update_user(tenant, user);
  }
  std::optional<User> find_user(TenantId tenant,
                                std::string_view key) override {
    wrapper_.on_call("find_user", false);
    return target_->directory().find_user(tenant, key);
  }
  std::vector<User> find_users(TenantId tenant,
                               std::span<const std::string> keys) override {
    wrapper_.on_call("find_users", false);
    return target_->directory().find_users(tenant, keys);
  }
  UserPage list_users(TenantId tenant, const UserQuery& query) override {
    wrapper_.on_call("list_users", false);
    return target_->directory().list_users(tenant, query);
  }
  std::vector<std::string> list_user_keys(TenantId tenant) override {
    wrapper_.on_call("list_user_keys", false);
    return target_->directory().list_user_keys(tenant);
  }
  std::vector<std::string> manager_chain(TenantId tenant,
                                         std::string_view user_key) override {
    wrapper_.on_call("manager_chain", false);
    return target_->directory().manager_chain(tenant, user_key);
  }
  std::vector<std::string> visible_user_keys(
      TenantId tenant, const UserVisibility& visibility) override {
    wrapper_.on_call("visible_user_keys", false);
    return target_->directory().visible_user_keys(tenant, visibility);
  }

  // CatalogStore
  void insert_course(TenantId tenant, const Course& course) override {
    wrapper_.on_call("insert_course", true);
    target_->catalog().insert_course(tenant, course);
  }
  void update_course(TenantId tenant, const Course& course) override {
    wrapper_.on_call("update_course", true);
    target_->catalog().update_course(tenant, course);
  }
  std::optional<Course> find_course(TenantId tenant,
                                    std::string_view key) override {
    wrapper_.on_call("find_course", false);
    return target_->catalog().find_course(tenant, key);
  }
  CoursePage list_courses(TenantId tenant, const CourseQuery& query) override {
    wrapper_.on_call("list_courses", false);
    return target_->catalog().list_courses(tenant, query);
  }

  // AccessStore
  void insert_role(TenantId tenant, const Role& role) override {
    wrapper_.on_call("insert_role", true);
    target_->access().insert_role(tenant, role);
  }
  void update_role(TenantId tenant, const Role& role) override {
    wrapper_.on_call("update_role", true);
    target_->access().update_role(tenant, role);
  }
  std::optional<Role> find_role(TenantId tenant,
                                std::string_view key) override {
    wrapper_.on_call("find_role", false);
    return target_->access().find_role(tenant, key);
  }
  std::vector<Role> list_roles(TenantId tenant) override {
    wrapper_.on_call("list_roles", false);
    return target_->access().list_roles(tenant);
  }
  std::int64_t insert_assignment(TenantId tenant,
                                 const Assignment& assignment) override {
    wrapper_.on_call("insert_assignment", true);
    return target_->access().insert_assignment(tenant, assignment);
  }
  void delete_assignment(TenantId tenant, std::int64_t id) override {
    wrapper_.on_call("delete_assignment", true);
    target_->access().delete_assignment(tenant, id);
  }
  std::optional<Assignment> find_assignment(TenantId tenant,
                                            std::int64_t id) override {
    wrapper_.on_call("find_assignment", false);
    return target_->access().find_assignment(tenant, id);
  }
  std::vector<Assignment> list_assignments(
      TenantId tenant, const AssignmentQuery& query) override {
    wrapper_.on_call("list_assignments", false);
    return target_->access().list_assignments(tenant, query);
  }
  void put_override(TenantId tenant, const Override& override) override {
    wrapper_.on_call("put_override", true);
    target_->access().put_override(tenant, override);
  }
  void delete_override(TenantId tenant, std::string_view role_key,
                       const Scope& scope, Permission permission) override {
    wrapper_.on_call("delete_override", true);
    target_->access().delete_override(tenant, role_key, scope, permission);
  }
  std::vector<Override> list_overrides(TenantId tenant) override {
    wrapper_.on_call("list_overrides", false);
    return target_->access().list_overrides(tenant);
  }

  // EnrolmentStore
  std::int64_t insert_enrolment(TenantId tenant,
                                const Enrolment& enrolment) override {
    wrapper_.on_call("insert_enrolment", true);
    return target_->enrolments().insert_enrolment(tenant, enrolment);
  }
  std::vector<std::int64_t> insert_enrolments(
      TenantId tenant, std::span<const Enrolment> enrolments) override {
    wrapper_.on_call("insert_enrolments", true);
    return target_->enrolments().insert_enrolments(tenant, enrolments);
  }
  void update_enrolment(TenantId tenant, const Enrolment& enrolment) override {
    wrapper_.on_call("update_enrolment", true);
    target_->enrolments().update_enrolment(tenant, enrolment);
  }
  std::optional<Enrolment> find_enrolment(TenantId tenant,
                                          std::int64_t id) override {
    wrapper_.on_call("find_enrolment", false);
    return target_->enrolments().find_enrolment(tenant, id);
  }
  std::vector<Enrolment> latest_enrolments(
      TenantId tenant, std::string_view course_key,
      std::span<const std::string> user_keys) override {
    wrapper_.on_call("latest_enrolments", false);
    return target_->enrolments().latest_enrolments(tenant, course_key,
                                                   user_keys);
  }
  EnrolmentPage list_enrolments(TenantId tenant,
                                const EnrolmentQuery& query) override {
    wrapper_.on_call("list_enrolments", false);
    return target_->enrolments().list_enrolments(tenant, query);
  }
  void put_progress(TenantId tenant,
                    const ActivityProgress& progress) override {
    wrapper_.on_call("put_progress", true);
    target_->enrolments().put_progress(tenant, progress);
  }
  std::vector<ActivityProgress> list_progress(
      TenantId tenant, std::int64_t enrolment_id) override {
    wrapper_.on_call("list_progress", false);
    return target_->enrolments().list_progress(tenant, enrolment_id);
  }

  // EventStore
  std::int64_t append_event(const Event& event) override {
    wrapper_.on_call("append_event", true);
    return target_->events().append_event(event);
  }
  std::vector<Event> events_after(TenantId tenant, std::int64_t after,
                                  std::size_t limit) override {
    wrapper_.on_call("events_after", false);
    return target_->events().events_after(tenant, after, limit);
  }

 private:
  StorageWrapper& wrapper_;
  std::unique_ptr<Transaction> target_;
};

}  // namespace

std::unique_ptr<Transaction> StorageWrapper::begin(TransactionMode mode) {
  return std::make_unique<ForwardingTransaction>(*this, target_.begin(mode));
}

void StorageWrapper::on_call(std::string_view /*method*/, bool /*writes*/) {}

}  // namespace lms
