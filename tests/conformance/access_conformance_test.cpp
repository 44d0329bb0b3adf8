// SPDX-License-Identifier: Apache-2.0
//
// The access-control cases of the storage conformance suite (instantiated
// over every backend in storage_conformance_test.cpp): roles, assignments
// and overrides, manager chains and the visibility filter, each with its
// errors, tenant isolation and rollback. Also the interface's default
// access(). Single-threaded; each test owns a fresh storage.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "conformance/storage_conformance.hpp"
#include "conformance/storage_test_support.hpp"
#include "lms/error.hpp"
#include "lms/storage.hpp"
#include "lms/storage_wrapper.hpp"

namespace lms::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// A user whose manager is `manager_key`.
User MakeReport(std::string key, std::string manager_key,
                std::string org_unit = {}) {
  User user = MakeUser(std::move(key), std::move(org_unit));
  user.manager_key = std::move(manager_key);
  return user;
}

// The key of the i-th user of a long chain: "n000" reports to "n001", ...
std::string ChainKey(int i) {
  std::string key = std::to_string(1000 + i);
  key[0] = 'n';
  return key;
}

// The filters of list_assignments, without designated initialisers (GCC
// warns about the fields they leave out).
AssignmentQuery Query(std::optional<std::string> user_key,
                      std::optional<std::string> role_key,
                      std::optional<Scope> scope) {
  AssignmentQuery query;
  query.user_key = std::move(user_key);
  query.role_key = std::move(role_key);
  query.scope = std::move(scope);
  return query;
}

// Builds a UserVisibility clause by clause, for the same reason.
class Sees {
 public:
  Sees& everyone() {
    visibility_.everyone = true;
    return *this;
  }
  Sees& units(std::vector<std::string> keys) {
    visibility_.org_units = std::move(keys);
    return *this;
  }
  Sees& without_org_unit() {
    visibility_.without_org_unit = true;
    return *this;
  }
  Sees& reports_of(std::string key, std::vector<std::string> excluded = {}) {
    visibility_.reports_of = std::move(key);
    visibility_.reports_excluded_org_units = std::move(excluded);
    return *this;
  }
  Sees& self(std::string key) {
    visibility_.self = std::move(key);
    return *this;
  }
  operator const UserVisibility&() const { return visibility_; }

 private:
  UserVisibility visibility_;
};

// --- Roles ------------------------------------------------------------------

TEST_P(StorageConformanceTest, RoleRoundTripsWithItsPermissions) {
  const TenantId t = AddTenant("acme");
  const Role role =
      MakeRole("coach", {{Permission::user_view, PermissionValue::allow},
                         {Permission::course_author, PermissionValue::prohibit},
                         {Permission::events_consume, PermissionValue::allow}});
  const Role empty = MakeRole("nobody");
  Write([&](Transaction& tx) {
    tx.access().insert_role(t, role);
    tx.access().insert_role(t, empty);
  });
  Read([&](Transaction& tx) {
    EXPECT_EQ(Describe(tx.access().find_role(t, "coach")), Describe(role));
    EXPECT_EQ(Describe(tx.access().find_role(t, "nobody")), Describe(empty));
    EXPECT_FALSE(tx.access().find_role(t, "Coach"));
  });
}

TEST_P(StorageConformanceTest, UpdateRoleReplacesEveryField) {
  const TenantId t = AddTenant("acme");
  Write([&](Transaction& tx) {
    tx.access().insert_role(
        t,
        MakeRole("coach", {{Permission::user_view, PermissionValue::allow}}));
  });
  Role changed =
      MakeRole("coach", {{Permission::report_view, PermissionValue::prohibit}});
  changed.name = "Renamed";
  changed.updated_at = Time(kT0 + 500);
  Write([&](Transaction& tx) { tx.access().update_role(t, changed); });
  Read([&](Transaction& tx) {
    EXPECT_EQ(Describe(tx.access().find_role(t, "coach")), Describe(changed));
  });
}

TEST_P(StorageConformanceTest, RolesAreListedByKey) {
  const TenantId t = AddTenant("acme");
  Write([&](Transaction& tx) {
    for (const char* key : {"zeta", "alpha", "Mid", "beta"}) {
      tx.access().insert_role(t, MakeRole(key));
    }
  });
  const auto roles =
      Read([&](Transaction& tx) { return tx.access().list_roles(t); });
  EXPECT_THAT(Keys(roles), ElementsAre("Mid", "alpha", "beta", "zeta"));
  EXPECT_EQ(Describe(roles[1]), Describe(MakeRole("alpha")));
}

TEST_P(StorageConformanceTest, DuplicateRoleKeyIsAlreadyExists) {
  const TenantId t = AddTenant("acme");
  Write([&](Transaction& tx) { tx.access().insert_role(t, MakeRole("r")); });
  EXPECT_EQ(WriteErrorCode([&](Transaction& tx) {
              tx.access().insert_role(t, MakeRole("r"));
            }),
            ErrorCode::already_exists);
}

TEST_P(StorageConformanceTest, UpdateOfMissingRoleIsNotFound) {
  const TenantId t = AddTenant("acme");
  EXPECT_EQ(WriteErrorCode([&](Transaction& tx) {
              tx.access().update_role(t, MakeRole("r"));
            }),
            ErrorCode::not_found);
}

// --- Assignments ------------------------------------------------------------

TEST_P(StorageConformanceTest, AssignmentsGetIncreasingIdsAndRoundTrip) {
  const TenantId t = AddTenant("acme");
  AddUsers(t, {MakeUser("u1"), MakeUser("u2")});
  Assignment open = MakeAssignment("u1", "instructor", Scope::course("c1"));
  open.id = 999;  // ignored
  Assignment bounded = MakeAssignment("u2", "custom", Scope::org_unit("eng"));
  bounded.valid_from = Time(kT0 - 1000);
  bounded.valid_until = Time(kT0 + 86'400'000);
  Assignment from_only = MakeAssignment("u1", "learner");
  from_only.valid_from = Time(kT0);
  const auto ids = Write([&](Transaction& tx) {
    return std::vector<std::int64_t>{
        tx.access().insert_assignment(t, open),
        tx.access().insert_assignment(t, bounded),
        tx.access().insert_assignment(t, from_only)};
  });
  EXPECT_GT(ids[0], 0);
  EXPECT_LT(ids[0], ids[1]);
  EXPECT_LT(ids[1], ids[2]);
  open.id = ids[0];
  bounded.id = ids[1];
  from_only.id = ids[2];
  Read([&](Transaction& tx) {
    EXPECT_EQ(Describe(tx.access().find_assignment(t, ids[0])), Describe(open));
    EXPECT_EQ(Describe(tx.access().find_assignment(t, ids[1])),
              Describe(bounded));
    EXPECT_EQ(Describe(tx.access().find_assignment(t, ids[2])),
              Describe(from_only));
    EXPECT_FALSE(tx.access().find_assignment(t, ids[2] + 1));
  });
}

TEST_P(StorageConformanceTest, DeletedAssignmentIsGoneAndItsIdNotReused) {
  const TenantId t = AddTenant("acme");
  AddUsers(t, {MakeUser("u1")});
  const std::int64_t first = Write([&](Transaction& tx) {
    return tx.access().insert_assignment(t, MakeAssignment("u1", "author"));
  });
  const std::int64_t second = Write([&](Transaction& tx) {
    return tx.access().insert_assignment(t, MakeAssignment("u1", "learner"));
  });
  Write([&](Transaction& tx) { tx.access().delete_assignment(t, second); });
  const std::int64_t third = Write([&](Transaction& tx) {
    return tx.access().insert_assignment(t, MakeAssignment("u1", "auditor"));
  });
  EXPECT_GT(third, second);
  Read([&](Transaction& tx) {
    EXPECT_FALSE(tx.access().find_assignment(t, second));
    std::vector<std::int64_t> ids;
    for (const Assignment& a : tx.access().list_assignments(t, {})) {
      ids.push_back(a.id);
    }
    EXPECT_THAT(ids, ElementsAre(first, third));
  });
  EXPECT_EQ(WriteErrorCode([&](Transaction& tx) {
              tx.access().delete_assignment(t, second);
            }),
            ErrorCode::not_found);
}

TEST_P(StorageConformanceTest, ListAssignmentsAppliesEveryFilterSet) {
  const TenantId t = AddTenant("acme");
  AddUsers(t, {MakeUser("u1"), MakeUser("u2")});
  const std::vector<Assignment> inputs = {
      MakeAssignment("u2", "learner"),
      MakeAssignment("u1", "instructor", Scope::course("c1")),
      MakeAssignment("u1", "learner", Scope::course("c1")),
      MakeAssignment("u2", "instructor", Scope::course("c2")),
      MakeAssignment("u1", "manager", Scope::org_unit("c1")),
  };
  std::vector<std::int64_t> ids;
  Write([&](Transaction& tx) {
    for (const Assignment& a : inputs) {
      ids.push_back(tx.access().insert_assignment(t, a));
    }
  });
  const auto list = [&](const AssignmentQuery& query) {
    std::vector<std::int64_t> found;
    Read([&](Transaction& tx) {
      for (const Assignment& a : tx.access().list_assignments(t, query)) {
        found.push_back(a.id);
      }
    });
    return found;
  };
  EXPECT_THAT(list({}), ElementsAre(ids[0], ids[1], ids[2], ids[3], ids[4]));
  EXPECT_THAT(list(Query("u1", {}, {})), ElementsAre(ids[1], ids[2], ids[4]));
  EXPECT_THAT(list(Query({}, "instructor", {})), ElementsAre(ids[1], ids[3]));
  // Kind and key both count: org unit "c1" is not course "c1".
  EXPECT_THAT(list(Query({}, {}, Scope::course("c1"))),
              ElementsAre(ids[1], ids[2]));
  EXPECT_THAT(list(Query({}, {}, Scope::tenant())), ElementsAre(ids[0]));
  EXPECT_THAT(list(Query("u1", "learner", Scope::course("c1"))),
              ElementsAre(ids[2]));
  EXPECT_THAT(list(Query("u2", {}, Scope::course("c1"))), IsEmpty());
  EXPECT_THAT(list(Query("nobody", {}, {})), IsEmpty());
  Read([&](Transaction& tx) {
    const auto found =
        tx.access().list_assignments(t, Query({}, {}, Scope::org_unit("c1")));
    ASSERT_EQ(found.size(), 1u);
    Assignment expected = inputs[4];
    expected.id = ids[4];
    EXPECT_EQ(Describe(found[0]), Describe(expected));
  });
}

TEST_P(StorageConformanceTest, AssignmentOfUnknownUserIsStorageError) {
  const TenantId a = AddTenant("a");
  const TenantId b = AddTenant("b");
  AddUsers(a, {MakeUser("u1")});
  EXPECT_EQ(WriteErrorCode([&](Transaction& tx) {
              tx.access().insert_assignment(a, MakeAssignment("nope", "r"));
            }),
            ErrorCode::storage);
  // Another tenant's user is no user here.
  EXPECT_EQ(WriteErrorCode([&](Transaction& tx) {
              tx.access().insert_assignment(b, MakeAssignment("u1", "r"));
            }),
            ErrorCode::storage);
}

// --- Overrides --------------------------------------------------------------

TEST_P(StorageConformanceTest, PutOverrideReplacesTheValue) {
  const TenantId t = AddTenant("acme");
  const Override allow{"learner", Scope::course("c1"), Permission::report_view,
                       PermissionValue::allow};
  Override prohibit = allow;
  prohibit.value = PermissionValue::prohibit;
  Write([&](Transaction& tx) { tx.access().put_override(t, allow); });
  Write([&](Transaction& tx) { tx.access().put_override(t, prohibit); });
  Read([&](Transaction& tx) {
    EXPECT_THAT(Describe(tx.access().list_overrides(t)),
                ElementsAre(Describe(prohibit)));
  });
}

TEST_P(StorageConformanceTest, OverridesAreListedByRoleScopeAndPermission) {
  const TenantId t = AddTenant("acme");
  // Scopes order by kind (tenant, org unit, course) then key, permissions
  // by their enum number: orders their stored names do not sort into.
  const std::vector<Override> sorted = {
      {"a", Scope::tenant(), Permission::user_manage, PermissionValue::allow},
      {"a", Scope::tenant(), Permission::course_view, PermissionValue::prevent},
      {"a", Scope::org_unit("z"), Permission::user_view,
       PermissionValue::prohibit},
      {"a", Scope::course("b"), Permission::user_view, PermissionValue::allow},
      {"a", Scope::course("c"), Permission::tenant_manage,
       PermissionValue::allow},
      {"b", Scope::tenant(), Permission::tenant_manage,
       PermissionValue::prevent},
  };
  Write([&](Transaction& tx) {
    for (const std::size_t i : std::vector<std::size_t>{4, 1, 5, 0, 3, 2}) {
      tx.access().put_override(t, sorted[i]);
    }
  });
  const auto listed =
      Read([&](Transaction& tx) { return tx.access().list_overrides(t); });
  EXPECT_EQ(Describe(listed), Describe(sorted));
}

TEST_P(StorageConformanceTest, DeleteOverrideRemovesOnlyThatOne) {
  const TenantId t = AddTenant("acme");
  const Override kept{"r", Scope::org_unit("eng"), Permission::user_view,
                      PermissionValue::allow};
  Write([&](Transaction& tx) {
    tx.access().put_override(t, kept);
    tx.access().put_override(t,
                             {"r", Scope::course("eng"), Permission::user_view,
                              PermissionValue::prevent});
  });
  Write([&](Transaction& tx) {
    tx.access().delete_override(t, "r", Scope::course("eng"),
                                Permission::user_view);
  });
  Read([&](Transaction& tx) {
    EXPECT_THAT(Describe(tx.access().list_overrides(t)),
                ElementsAre(Describe(kept)));
  });
  EXPECT_EQ(WriteErrorCode([&](Transaction& tx) {
              tx.access().delete_override(t, "r", Scope::course("eng"),
                                          Permission::user_view);
            }),
            ErrorCode::not_found);
  EXPECT_EQ(WriteErrorCode([&](Transaction& tx) {
              tx.access().delete_override(t, "r", Scope::org_unit("eng"),
                                          Permission::user_manage);
            }),
            ErrorCode::not_found);
}

// --- Tenant isolation -------------------------------------------------------

TEST_P(StorageConformanceTest, AccessRecordsOfTwoTenantsAreIndependent) {
  const TenantId a = AddTenant("a");
  const TenantId b = AddTenant("b");
  AddUsers(a, {MakeUser("u1")});
  AddUsers(b, {MakeUser("u1")});
  const auto value = [&](TenantId t) {
    return t == a ? PermissionValue::allow : PermissionValue::prohibit;
  };
  std::map<TenantId, std::int64_t> ids;
  Write([&](Transaction& tx) {
    for (const TenantId t : {a, b}) {
      Role role = MakeRole("r", {{Permission::user_view, value(t)}});
      role.name = t == a ? "A" : "B";
      tx.access().insert_role(t, role);
      ids[t] = tx.access().insert_assignment(t, MakeAssignment("u1", "r"));
      tx.access().put_override(
          t, {"r", Scope::tenant(), Permission::user_view, value(t)});
    }
    tx.access().insert_role(a, MakeRole("only-a"));
    tx.access().put_override(a,
                             {"only-a", Scope::tenant(), Permission::user_view,
                              PermissionValue::allow});
  });
  Read([&](Transaction& tx) {
    for (const TenantId t : {a, b}) {
      EXPECT_EQ(tx.access().find_role(t, "r")->name, t == a ? "A" : "B");
      const auto assignments = tx.access().list_assignments(t, {});
      ASSERT_EQ(assignments.size(), 1u);
      EXPECT_EQ(assignments[0].id, ids[t]);
      EXPECT_TRUE(tx.access().find_assignment(t, ids[t]));
    }
    EXPECT_THAT(Keys(tx.access().list_roles(b)), ElementsAre("r"));
    EXPECT_FALSE(tx.access().find_role(b, "only-a"));
    EXPECT_FALSE(tx.access().find_assignment(b, ids[a]));
    EXPECT_FALSE(tx.access().find_assignment(a, ids[b]));
    EXPECT_THAT(Describe(tx.access().list_overrides(b)),
                ElementsAre(Describe(Override{"r", Scope::tenant(),
                                              Permission::user_view,
                                              PermissionValue::prohibit})));
    EXPECT_EQ(tx.access().list_assignments(b, Query("u1", {}, {})).size(), 1u);
  });
  // Another tenant's records are not found, and stay as they are.
  EXPECT_EQ(WriteErrorCode([&](Transaction& tx) {
              tx.access().delete_assignment(b, ids[a]);
            }),
            ErrorCode::not_found);
  EXPECT_EQ(WriteErrorCode([&](Transaction& tx) {
              tx.access().update_role(b, MakeRole("only-a"));
            }),
            ErrorCode::not_found);
  EXPECT_EQ(WriteErrorCode([&](Transaction& tx) {
              tx.access().delete_override(b, "only-a", Scope::tenant(),
                                          Permission::user_view);
            }),
            ErrorCode::not_found);
  Write([&](Transaction& tx) {
    tx.access().delete_assignment(b, ids[b]);
    tx.access().update_role(b, MakeRole("r"));
    tx.access().delete_override(b, "r", Scope::tenant(), Permission::user_view);
  });
  Read([&](Transaction& tx) {
    EXPECT_TRUE(tx.access().find_assignment(a, ids[a]));
    EXPECT_EQ(tx.access().find_role(a, "r")->name, "A");
    EXPECT_EQ(tx.access().list_overrides(a).size(), 2u);
  });
}

// --- Transactions -----------------------------------------------------------

TEST_P(StorageConformanceTest, UncommittedAccessWritesLeaveNoTrace) {
  const TenantId t = AddTenant("acme");
  AddUsers(t, {MakeUser("u1")});
  const Role role =
      MakeRole("r", {{Permission::course_view, PermissionValue::allow}});
  const Override override{"r", Scope::course("c1"), Permission::course_view,
                          PermissionValue::prevent};
  const std::int64_t id = Write([&](Transaction& tx) {
    tx.access().insert_role(t, role);
    tx.access().put_override(t, override);
    return tx.access().insert_assignment(t, MakeAssignment("u1", "r"));
  });
  {
    auto tx = storage_->begin(TransactionMode::write);
    auto& access = tx->access();
    access.insert_role(t, MakeRole("ghost"));
    access.update_role(t, MakeRole("r"));
    access.insert_assignment(t, MakeAssignment("u1", "ghost"));
    access.delete_assignment(t, id);
    access.put_override(t, {"ghost", Scope::tenant(), Permission::user_view,
                            PermissionValue::allow});
    Override replaced = override;
    replaced.value = PermissionValue::allow;
    access.put_override(t, replaced);
    access.delete_override(t, "r", Scope::course("c1"),
                           Permission::course_view);
  }
  Read([&](Transaction& tx) {
    EXPECT_THAT(Keys(tx.access().list_roles(t)), ElementsAre("r"));
    EXPECT_EQ(Describe(tx.access().find_role(t, "r")), Describe(role));
    const auto assignments = tx.access().list_assignments(t, {});
    ASSERT_EQ(assignments.size(), 1u);
    EXPECT_EQ(assignments[0].id, id);
    EXPECT_THAT(Describe(tx.access().list_overrides(t)),
                ElementsAre(Describe(override)));
  });
  // Ids still increase after the rollback.
  EXPECT_GT(Write([&](Transaction& tx) {
              return tx.access().insert_assignment(t,
                                                   MakeAssignment("u1", "r"));
            }),
            id);
}

TEST_P(StorageConformanceTest, AccessWritesThroughAReadTransactionAreInternal) {
  const TenantId t = AddTenant("acme");
  AddUsers(t, {MakeUser("u1")});
  auto tx = storage_->begin(TransactionMode::read);
  auto& access = tx->access();
  const auto code = [](auto write) {
    try {
      write();
    } catch (const Error& e) {
      return e.code();
    }
    return ErrorCode::not_found;  // no error at all
  };
  EXPECT_EQ(code([&] { access.insert_role(t, MakeRole("r")); }),
            ErrorCode::internal);
  EXPECT_EQ(code([&] { access.update_role(t, MakeRole("r")); }),
            ErrorCode::internal);
  EXPECT_EQ(
      code([&] { access.insert_assignment(t, MakeAssignment("u1", "r")); }),
      ErrorCode::internal);
  EXPECT_EQ(code([&] { access.delete_assignment(t, 1); }), ErrorCode::internal);
  EXPECT_EQ(code([&] {
              access.put_override(t,
                                  {"r", Scope::tenant(), Permission::user_view,
                                   PermissionValue::allow});
            }),
            ErrorCode::internal);
  EXPECT_EQ(code([&] {
              access.delete_override(t, "r", Scope::tenant(),
                                     Permission::user_view);
            }),
            ErrorCode::internal);
}

// --- Manager chains ---------------------------------------------------------

TEST_P(StorageConformanceTest, ManagerChainIsNearestFirst) {
  const TenantId t = AddTenant("acme");
  AddUsers(
      t, {MakeReport("u1", "m1"), MakeReport("m1", "m2"),
          MakeReport("m2", "ceo"), MakeUser("ceo"), MakeReport("peer", "m1")});
  Read([&](Transaction& tx) {
    EXPECT_THAT(tx.directory().manager_chain(t, "u1"),
                ElementsAre("m1", "m2", "ceo"));
    EXPECT_THAT(tx.directory().manager_chain(t, "m2"), ElementsAre("ceo"));
    EXPECT_THAT(tx.directory().manager_chain(t, "ceo"), IsEmpty());
    EXPECT_THAT(tx.directory().manager_chain(t, "nobody"), IsEmpty());
  });
}

TEST_P(StorageConformanceTest, ManagerChainStopsAtAnUnknownManager) {
  const TenantId t = AddTenant("acme");
  AddUsers(t, {MakeReport("u1", "m1"), MakeReport("m1", "gone"),
               MakeReport("gone-too", "m1")});
  Read([&](Transaction& tx) {
    EXPECT_THAT(tx.directory().manager_chain(t, "u1"), ElementsAre("m1"));
  });
}

TEST_P(StorageConformanceTest, ManagerChainStopsWhereACycleCloses) {
  const TenantId t = AddTenant("acme");
  AddUsers(t, {MakeReport("a", "b"), MakeReport("b", "c"), MakeReport("c", "a"),
               MakeReport("x", "a"), MakeReport("self", "self")});
  Read([&](Transaction& tx) {
    EXPECT_THAT(tx.directory().manager_chain(t, "a"), ElementsAre("b", "c"));
    EXPECT_THAT(tx.directory().manager_chain(t, "x"),
                ElementsAre("a", "b", "c"));
    EXPECT_THAT(tx.directory().manager_chain(t, "self"), IsEmpty());
  });
}

TEST_P(StorageConformanceTest, ManagerChainStopsAfter64Steps) {
  const TenantId t = AddTenant("acme");
  std::vector<User> users;
  for (int i = 0; i < 70; ++i) {
    users.push_back(MakeReport(ChainKey(i), i < 69 ? ChainKey(i + 1) : ""));
  }
  AddUsers(t, users);
  Read([&](Transaction& tx) {
    const auto chain = tx.directory().manager_chain(t, ChainKey(0));
    ASSERT_EQ(chain.size(), 64u);
    EXPECT_EQ(chain.front(), ChainKey(1));
    EXPECT_EQ(chain.back(), ChainKey(64));
    EXPECT_EQ(tx.directory().manager_chain(t, ChainKey(5)).size(), 64u);
    EXPECT_EQ(tx.directory().manager_chain(t, ChainKey(6)).size(), 63u);
  });
}

TEST_P(StorageConformanceTest, ManagerChainStaysInTheTenant) {
  const TenantId a = AddTenant("a");
  const TenantId b = AddTenant("b");
  AddUsers(a, {MakeReport("u1", "m1"), MakeReport("m1", "boss")});
  AddUsers(b, {MakeReport("u1", "other"), MakeUser("other"), MakeUser("boss"),
               MakeUser("m1")});
  Read([&](Transaction& tx) {
    EXPECT_THAT(tx.directory().manager_chain(a, "u1"), ElementsAre("m1"));
    EXPECT_THAT(tx.directory().manager_chain(b, "u1"), ElementsAre("other"));
  });
}

// --- Visibility -------------------------------------------------------------

std::vector<std::string> Visible(Transaction& tx, TenantId t,
                                 const UserVisibility& visibility) {
  return tx.directory().visible_user_keys(t, visibility);
}

TEST_P(StorageConformanceTest, VisibleUserKeysPerClause) {
  const TenantId t = AddTenant("acme");
  const TenantId other = AddTenant("other");
  AddOrgUnits(t, {MakeOrgUnit("hq"), MakeOrgUnit("eng", "hq"),
                  MakeOrgUnit("web", "eng"), MakeOrgUnit("ops", "hq")});
  AddOrgUnits(other, {MakeOrgUnit("eng")});
  AddUsers(
      t, {MakeUser("boss", "hq"), MakeReport("lead", "boss", "eng"),
          MakeReport("dev1", "lead", "eng"), MakeReport("dev2", "lead", "web"),
          MakeReport("ops1", "lead", "ops"), MakeReport("nounit", "boss"),
          MakeReport("nounit2", "nounit"), MakeUser("peer", "eng"),
          MakeUser("other", "ops")});
  AddUsers(other, {MakeReport("x", "boss", "eng"), MakeUser("boss")});
  Read([&](Transaction& tx) {
    EXPECT_THAT(Visible(tx, t, {}), IsEmpty());
    EXPECT_THAT(Visible(tx, t, Sees().everyone()),
                ElementsAre("boss", "dev1", "dev2", "lead", "nounit", "nounit2",
                            "ops1", "other", "peer"));
    // Exact units: "eng" does not bring "web" along.
    EXPECT_THAT(Visible(tx, t, Sees().units({"eng", "ops"})),
                ElementsAre("dev1", "lead", "ops1", "other", "peer"));
    EXPECT_THAT(Visible(tx, t, Sees().units({"missing"})), IsEmpty());
    EXPECT_THAT(Visible(tx, t, Sees().without_org_unit()),
                ElementsAre("nounit", "nounit2"));
    EXPECT_THAT(Visible(tx, t, Sees().without_org_unit().units({"ops"})),
                ElementsAre("nounit", "nounit2", "ops1", "other"));
    EXPECT_THAT(Visible(tx, t, Sees().self("dev2")), ElementsAre("dev2"));
    EXPECT_THAT(Visible(tx, t, Sees().self("nobody")), IsEmpty());
    // Direct and indirect reports, never the manager or a peer.
    EXPECT_THAT(Visible(tx, t, Sees().reports_of("lead")),
                ElementsAre("dev1", "dev2", "ops1"));
    EXPECT_THAT(
        Visible(tx, t, Sees().reports_of("boss")),
        ElementsAre("dev1", "dev2", "lead", "nounit", "nounit2", "ops1"));
    EXPECT_THAT(Visible(tx, t, Sees().reports_of("dev1")), IsEmpty());
    EXPECT_THAT(Visible(tx, t, Sees().reports_of("nobody")), IsEmpty());
    // The other tenant's "boss" manages "x" there, not here.
    EXPECT_THAT(Visible(tx, other, Sees().reports_of("boss")),
                ElementsAre("x"));
    EXPECT_THAT(Visible(tx, other, Sees().everyone()),
                ElementsAre("boss", "x"));
  });
}

TEST_P(StorageConformanceTest, VisibleReportsSkipExcludedOrgUnitsOnly) {
  const TenantId t = AddTenant("acme");
  AddOrgUnits(t, {MakeOrgUnit("eng"), MakeOrgUnit("web"), MakeOrgUnit("ops")});
  AddUsers(t,
           {MakeUser("boss", "eng"), MakeReport("lead", "boss", "eng"),
            MakeReport("dev", "lead", "web"), MakeReport("ops1", "lead", "ops"),
            MakeReport("free", "lead"), MakeReport("below-web", "dev", "eng")});
  Read([&](Transaction& tx) {
    // An excluded report hides only itself: its own reports still count,
    // and users without an org unit are never excluded.
    EXPECT_THAT(Visible(tx, t, Sees().reports_of("boss", {"ops", "web"})),
                ElementsAre("below-web", "free", "lead"));
    // The other clauses ignore the exclusion.
    EXPECT_THAT(Visible(tx, t,
                        Sees()
                            .units({"ops"})
                            .reports_of("boss", {"ops", "web"})
                            .self("dev")),
                ElementsAre("below-web", "dev", "free", "lead", "ops1"));
    // Everyone is everyone.
    EXPECT_EQ(
        Visible(tx, t,
                Sees().everyone().reports_of("boss", {"eng", "ops", "web"}))
            .size(),
        6u);
  });
}

TEST_P(StorageConformanceTest, VisibleClausesCombineWithoutDuplicates) {
  const TenantId t = AddTenant("acme");
  AddOrgUnits(t, {MakeOrgUnit("eng")});
  AddUsers(t, {MakeUser("boss", "eng"), MakeReport("a", "boss", "eng"),
               MakeReport("b", "a"), MakeUser("c"), MakeUser("d", "eng")});
  Read([&](Transaction& tx) {
    EXPECT_THAT(
        Visible(tx, t, Sees().units({"eng"}).reports_of("boss").self("boss")),
        ElementsAre("a", "b", "boss", "d"));
    EXPECT_THAT(Visible(tx, t, Sees().reports_of("boss").self("c")),
                ElementsAre("a", "b", "c"));
  });
}

// A user is a report of M exactly when M is in the user's manager chain,
// whatever cycles and dead ends the HR data holds.
TEST_P(StorageConformanceTest, VisibleReportsAgreeWithManagerChains) {
  const TenantId t = AddTenant("acme");
  AddUsers(t,
           {MakeReport("a", "b"), MakeReport("b", "c"), MakeReport("c", "a"),
            MakeReport("x", "a"), MakeReport("y", "x"), MakeReport("z", "gone"),
            MakeReport("w", "z"), MakeReport("s", "s"), MakeReport("t", "s"),
            MakeUser("top"), MakeReport("m", "top")});
  Read([&](Transaction& tx) {
    const auto keys = tx.directory().list_user_keys(t);
    for (const std::string& manager : keys) {
      std::vector<std::string> expected;
      for (const std::string& user : keys) {
        const auto chain = tx.directory().manager_chain(t, user);
        if (std::find(chain.begin(), chain.end(), manager) != chain.end()) {
          expected.push_back(user);
        }
      }
      EXPECT_EQ(Visible(tx, t, Sees().reports_of(manager)), expected)
          << "reports of " << manager;
    }
  });
}

TEST_P(StorageConformanceTest, VisibleReportsGoAsDeepAsManagerChains) {
  const TenantId t = AddTenant("acme");
  std::vector<User> users;
  for (int i = 0; i < 70; ++i) {
    users.push_back(MakeReport(ChainKey(i), i < 69 ? ChainKey(i + 1) : ""));
  }
  AddUsers(t, users);
  Read([&](Transaction& tx) {
    const auto reports = Visible(tx, t, Sees().reports_of(ChainKey(69)));
    ASSERT_EQ(reports.size(), 64u);
    EXPECT_EQ(reports.front(), ChainKey(5));
    EXPECT_EQ(reports.back(), ChainKey(68));
  });
}

// --- The interface's defaults -----------------------------------------------

// A transaction of a backend written before access control.
class PreAccessTransaction final : public Transaction {
 public:
  void commit() override {}
  DirectoryStore& directory() override { throw Error(ErrorCode::internal, ""); }
  CatalogStore& catalog() override { throw Error(ErrorCode::internal, ""); }
  EventStore& events() override { throw Error(ErrorCode::internal, ""); }
};

class PreAccessStorage final : public Storage {
 public:
  std::unique_ptr<Transaction> begin(TransactionMode) override {
    return std::make_unique<PreAccessTransaction>();
  }
};

TEST(StorageDefaultsTest, AccessIsNotSupportedByDefault) {
  PreAccessTransaction tx;
  try {
    tx.access();
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::not_supported);
  }
}

TEST(StorageWrapperTest, AccessOverABackendWithoutItIsNotSupported) {
  PreAccessStorage target;
  StorageWrapper wrapper(target);
  auto tx = wrapper.begin(TransactionMode::read);
  try {
    tx->access().list_roles(1);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::not_supported);
  }
}

}  // namespace
}  // namespace lms::testing
