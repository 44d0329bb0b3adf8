// SPDX-License-Identifier: Apache-2.0
//
// The fixture of the storage conformance suite, shared by the files that
// hold its cases (storage_conformance_test.cpp instantiates it over every
// backend): a fresh storage per test and short ways to read and write it.
// Test code; single-threaded.

#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "conformance/storage_test_support.hpp"
#include "lms/error.hpp"
#include "lms/storage.hpp"
#include "lms/storage_wrapper.hpp"

namespace lms::testing {

// A StorageWrapper that owns the memory backend it wraps. The owner is a
// base listed first, so the backend exists before the wrapper binds to it.
struct OwnedTarget {
  std::unique_ptr<Storage> owned = make_memory_storage();
};
class WrappedMemoryStorage final : private OwnedTarget, public StorageWrapper {
 public:
  WrappedMemoryStorage() : StorageWrapper(*owned) {}
};

struct StorageBackend {
  std::string name;
  // Opens a fresh, empty storage; files go into `dir`.
  std::function<std::unique_ptr<Storage>(const std::filesystem::path& dir)>
      open;
};

// Every backend the suite runs over (storage_conformance_test.cpp); files
// with fixtures of their own instantiate them over the same list.
std::vector<StorageBackend> Backends();

// Names the backend in test listings instead of dumping its bytes.
inline void PrintTo(const StorageBackend& backend, std::ostream* out) {
  *out << backend.name;
}

class StorageConformanceTest : public ::testing::TestWithParam<StorageBackend> {
 protected:
  void SetUp() override { storage_ = GetParam().open(dir_.path()); }

  // Runs `body` in a write transaction and commits; returns its result.
  template <typename Body>
  auto Write(Body body) {
    auto tx = storage_->begin(TransactionMode::write);
    if constexpr (std::is_void_v<decltype(body(*tx))>) {
      body(*tx);
      tx->commit();
    } else {
      auto result = body(*tx);
      tx->commit();
      return result;
    }
  }

  // Runs `body` in a read transaction; returns its result.
  template <typename Body>
  auto Read(Body body) {
    auto tx = storage_->begin(TransactionMode::read);
    return body(*tx);
  }

  TenantId AddTenant(const std::string& key) {
    return Write([&](Transaction& tx) {
      return tx.directory().insert_tenant({key, "Tenant " + key}, Time(kT0));
    });
  }

  void AddOrgUnits(TenantId tenant, const std::vector<OrgUnit>& units) {
    Write([&](Transaction& tx) {
      for (const OrgUnit& unit : units) {
        tx.directory().insert_org_unit(tenant, unit);
      }
    });
  }

  void AddUsers(TenantId tenant, const std::vector<User>& users) {
    Write([&](Transaction& tx) {
      for (const User& user : users) tx.directory().insert_user(tenant, user);
    });
  }

  UserPage ListUsers(TenantId tenant, const UserQuery& query) {
    return Read([&](Transaction& tx) {
      return tx.directory().list_users(tenant, query);
    });
  }

  std::vector<std::string> ListUserKeys(TenantId tenant,
                                        const UserQuery& query) {
    return Keys(ListUsers(tenant, query).users);
  }

  std::vector<std::string> SubtreeKeys(TenantId tenant, std::string_view root) {
    return Keys(Read([&](Transaction& tx) {
      return tx.directory().list_org_subtree(tenant, root);
    }));
  }

  // Runs `body` in a write transaction that is never committed.
  template <typename Body>
  ErrorCode WriteErrorCode(Body body) {
    auto tx = storage_->begin(TransactionMode::write);
    try {
      body(*tx);
    } catch (const Error& e) {
      return e.code();
    }
    ADD_FAILURE() << "no error";
    return ErrorCode::internal;
  }

  TempDir dir_;
  std::unique_ptr<Storage> storage_;
};

}  // namespace lms::testing
