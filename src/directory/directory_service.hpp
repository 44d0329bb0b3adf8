// SPDX-License-Identifier: Apache-2.0
//
// The directory: tenants, users and org units, with their rules (keys
// unique, references existing, the org tree acyclic and bounded). Every
// function works inside the Call's transaction and appends the events of
// its changes there; the caller has authorized the call. Stateless;
// thread-safe.

#pragma once

#include <string_view>
#include <vector>

#include "events/event_log.hpp"
#include "lms/org_unit.hpp"
#include "lms/storage.hpp"
#include "lms/tenant.hpp"
#include "lms/user.hpp"

namespace lms {

// Tenant `id`; Error{not_found} naming the id when there is none.
Tenant require_tenant(Transaction& tx, TenantId id);

// User or org unit `key` of `tenant`; Error{not_found} naming `field` when
// there is none. The services and the authorization point word a missing
// record the same way through these.
User require_user(Transaction& tx, TenantId tenant, std::string_view field,
                  std::string_view key);
OrgUnit require_org_unit(Transaction& tx, TenantId tenant,
                         std::string_view field, std::string_view key);

class DirectoryService {
 public:
  // Throws already_exists when the key is taken.
  Tenant create_tenant(const Call& call, const TenantSpec& spec);
  Tenant get_tenant(const Call& call, TenantId id);
  std::vector<Tenant> list_tenants(const Call& call);

  // Throws already_exists for a taken key, not_found for an unknown org
  // unit.
  User create_user(const Call& call, const UserRecord& record);
  User get_user(const Call& call, std::string_view key);
  // An update that changes nothing writes nothing and appends no event.
  User update_user(const Call& call, std::string_view key,
                   const UserUpdate& update);
  UserPage list_users(const Call& call, const UserQuery& query);

  OrgUnit create_org_unit(const Call& call, const OrgUnitSpec& spec);
  OrgUnit get_org_unit(const Call& call, std::string_view key);
  // Throws invalid_argument when `new_parent` is `key` or below it.
  OrgUnit move_org_unit(const Call& call, std::string_view key,
                        std::string_view new_parent);
  std::vector<OrgUnit> list_org_subtree(const Call& call,
                                        std::string_view root);

  // Error{not_found} naming `field` unless org unit `key` exists; an empty
  // `key` (no org unit) passes.
  void require_org_unit(const Call& call, std::string_view field,
                        std::string_view key);

  // The write halves of create_user and update_user, for callers that
  // checked the records themselves (HR sync).
  // REQUIRES: `record` is valid, its org unit exists, its key is free.
  User insert_user(const Call& call, const UserRecord& record);
  // Replaces `current` by `record` and appends "user.updated"; a non-empty
  // `source` is recorded in the payload. REQUIRES: `record` is valid, has
  // the key of `current`, differs from it and its org unit exists.
  User replace_user(const Call& call, const User& current,
                    const UserRecord& record, std::string_view source = {});
};

}  // namespace lms
