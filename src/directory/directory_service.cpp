// SPDX-License-Identifier: Apache-2.0
//
// The directory's rules (see directory_service.hpp). Stateless;
// thread-safe.

#include "directory/directory_service.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <utility>

#include "core/field_error.hpp"
#include "core/validate.hpp"
#include "lms/error.hpp"
#include "lms/json.hpp"
#include "lms/limits.hpp"

namespace lms {
namespace {

[[noreturn]] void throw_no(std::string_view field, std::string_view what,
                           std::string_view key) {
  detail::throw_field_error(
      ErrorCode::not_found, field,
      "no " + std::string{what} + " " + detail::quote_value(key));
}

[[noreturn]] void throw_taken(std::string_view what, std::string_view key) {
  detail::throw_field_error(
      ErrorCode::already_exists, "key",
      std::string{what} + " " + detail::quote_value(key) + " already exists");
}

// `key` and its ancestors, from `key` up to its root.
// REQUIRES: org unit `key` exists.
std::vector<std::string> ancestry(const Call& call, std::string_view key) {
  std::vector<std::string> chain;
  std::string current{key};
  while (!current.empty()) {
    auto unit = call.tx.directory().find_org_unit(call.tenant, current);
    if (!unit)
      throw Error(
          ErrorCode::internal,
          "org unit " + detail::quote_value(current) + " has a missing parent");
    chain.push_back(std::move(current));
    current = std::move(unit->parent);
  }
  return chain;
}

// The levels of the subtree rooted at `key`: 1 for a leaf.
std::size_t subtree_height(const Call& call, std::string_view key) {
  const auto units = call.tx.directory().list_org_subtree(call.tenant, key);
  std::unordered_map<std::string, std::size_t> level;
  std::size_t height = 0;
  // Parents come before children, so a child's parent has its level.
  for (const auto& unit : units) {
    const auto parent = level.find(unit.parent);
    const std::size_t mine =
        unit.key == key || parent == level.end() ? 1 : parent->second + 1;
    level.emplace(unit.key, mine);
    height = std::max(height, mine);
  }
  return height;
}

void check_depth(std::string_view parent, std::size_t depth) {
  if (depth > limits::kOrgUnitDepth)
    detail::throw_field_error(ErrorCode::limit_exceeded, "parent",
                              "org units nest at most " +
                                  std::to_string(limits::kOrgUnitDepth) +
                                  " levels deep",
                              parent);
}

User apply(const User& user, const UserUpdate& update) {
  User result = user;
  if (update.display_name) result.display_name = *update.display_name;
  if (update.email) result.email = *update.email;
  if (update.org_unit) result.org_unit = *update.org_unit;
  if (update.manager_key) result.manager_key = *update.manager_key;
  if (update.hire_date) result.hire_date = *update.hire_date;
  if (update.attributes) result.attributes = *update.attributes;
  if (update.status) result.status = *update.status;
  return result;
}

}  // namespace

Tenant require_tenant(Transaction& tx, TenantId id) {
  auto tenant = tx.directory().find_tenant(id);
  if (!tenant)
    detail::throw_field_error(ErrorCode::not_found, "tenant",
                              "no tenant with id " + std::to_string(id));
  return *std::move(tenant);
}

User require_user(Transaction& tx, TenantId tenant, std::string_view field,
                  std::string_view key) {
  auto user = tx.directory().find_user(tenant, key);
  if (!user) throw_no(field, "user", key);
  return *std::move(user);
}

OrgUnit require_org_unit(Transaction& tx, TenantId tenant,
                         std::string_view field, std::string_view key) {
  auto unit = tx.directory().find_org_unit(tenant, key);
  if (!unit) throw_no(field, "org unit", key);
  return *std::move(unit);
}

Tenant DirectoryService::create_tenant(const Call& call,
                                       const TenantSpec& spec) {
  detail::validate_tenant_spec(spec);
  auto& directory = call.tx.directory();
  if (directory.find_tenant_by_key(spec.key)) throw_taken("tenant", spec.key);
  Tenant tenant;
  tenant.id = directory.insert_tenant(spec, call.now);
  tenant.key = spec.key;
  tenant.name = spec.name;
  tenant.created_at = call.now;
  // The event belongs to the new tenant, not to the tenant-level call.
  append_event(Call{call.tx, call.actor, tenant.id, call.now, call.cache},
               kTenantCreated, tenant.key, record_payload(to_json(tenant)));
  return tenant;
}

Tenant DirectoryService::get_tenant(const Call& call, TenantId id) {
  return require_tenant(call.tx, id);
}

std::vector<Tenant> DirectoryService::list_tenants(const Call& call) {
  return call.tx.directory().list_tenants();
}

User DirectoryService::create_user(const Call& call, const UserRecord& record) {
  detail::validate_user_record(record);
  if (call.tx.directory().find_user(call.tenant, record.key))
    throw_taken("user", record.key);
  require_org_unit(call, "org_unit", record.org_unit);
  return insert_user(call, record);
}

User DirectoryService::get_user(const Call& call, std::string_view key) {
  return require_user(call.tx, call.tenant, "key", key);
}

User DirectoryService::update_user(const Call& call, std::string_view key,
                                   const UserUpdate& update) {
  const User current = get_user(call, key);
  const User wanted = apply(current, update);
  detail::validate_user_record(wanted);
  if (static_cast<const UserRecord&>(wanted) ==
      static_cast<const UserRecord&>(current))
    return current;
  if (wanted.org_unit != current.org_unit)
    require_org_unit(call, "org_unit", wanted.org_unit);
  return replace_user(call, current, wanted);
}

UserPage DirectoryService::list_users(const Call& call,
                                      const UserQuery& query) {
  detail::validate_user_query(query);
  if (query.org_unit) require_org_unit(call, "org_unit", *query.org_unit);
  return call.tx.directory().list_users(call.tenant, query);
}

OrgUnit DirectoryService::create_org_unit(const Call& call,
                                          const OrgUnitSpec& spec) {
  detail::validate_org_unit_spec(spec);
  auto& directory = call.tx.directory();
  if (directory.find_org_unit(call.tenant, spec.key))
    throw_taken("org unit", spec.key);
  if (!spec.parent.empty()) {
    require_org_unit(call, "parent", spec.parent);
    check_depth(spec.parent, ancestry(call, spec.parent).size() + 1);
  }
  OrgUnit unit;
  static_cast<OrgUnitSpec&>(unit) = spec;
  unit.created_at = call.now;
  unit.updated_at = call.now;
  directory.insert_org_unit(call.tenant, unit);
  append_event(call, kOrgUnitCreated, unit.key, record_payload(to_json(unit)));
  return unit;
}

OrgUnit DirectoryService::get_org_unit(const Call& call, std::string_view key) {
  return lms::require_org_unit(call.tx, call.tenant, "key", key);
}

OrgUnit DirectoryService::move_org_unit(const Call& call, std::string_view key,
                                        std::string_view new_parent) {
  OrgUnit unit = get_org_unit(call, key);
  detail::validate_optional_key("parent", new_parent);
  if (unit.parent == new_parent) return unit;
  if (!new_parent.empty()) {
    require_org_unit(call, "parent", new_parent);
    const auto chain = ancestry(call, new_parent);
    if (std::find(chain.begin(), chain.end(), key) != chain.end())
      detail::throw_field_error(
          ErrorCode::invalid_argument, "parent",
          "moving " + detail::quote_value(key) + " under " +
              detail::quote_value(new_parent) + " would make a cycle");
    check_depth(new_parent, chain.size() + subtree_height(call, key));
  }
  Json payload{{"from", unit.parent}, {"to", std::string{new_parent}}};
  unit.parent = std::string{new_parent};
  unit.updated_at = call.now;
  call.tx.directory().update_org_unit(call.tenant, unit);
  append_event(call, kOrgUnitMoved, unit.key, std::move(payload));
  return unit;
}

std::vector<OrgUnit> DirectoryService::list_org_subtree(const Call& call,
                                                        std::string_view root) {
  require_org_unit(call, "root", root);
  return call.tx.directory().list_org_subtree(call.tenant, root);
}

void DirectoryService::require_org_unit(const Call& call,
                                        std::string_view field,
                                        std::string_view key) {
  if (!key.empty()) lms::require_org_unit(call.tx, call.tenant, field, key);
}

User DirectoryService::insert_user(const Call& call, const UserRecord& record) {
  User user;
  static_cast<UserRecord&>(user) = record;
  user.created_at = call.now;
  user.updated_at = call.now;
  call.tx.directory().insert_user(call.tenant, user);
  append_event(call, kUserCreated, user.key, record_payload(to_json(user)));
  return user;
}

User DirectoryService::replace_user(const Call& call, const User& current,
                                    const UserRecord& record,
                                    std::string_view source) {
  User user = current;
  static_cast<UserRecord&>(user) = record;
  user.updated_at = call.now;
  call.tx.directory().update_user(call.tenant, user);
  Json payload{{"changes", field_changes(to_json(current), to_json(user))}};
  if (!source.empty()) payload["source"] = std::string{source};
  append_event(call, kUserUpdated, user.key, std::move(payload));
  return user;
}

}  // namespace lms
