// SPDX-License-Identifier: Apache-2.0
//
// The enrolment cases of the storage conformance suite (instantiated over
// every backend in storage_conformance_test.cpp): enrolments with every
// field, cycles and the one-active rule, latest cycles, filtered paging,
// progress, foreign keys, tenant isolation and rollback. Also the
// interface's defaults. Single-threaded; each test owns a fresh storage.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "conformance/storage_conformance.hpp"
#include "conformance/storage_test_support.hpp"
#include "lms/error.hpp"
#include "lms/json.hpp"
#include "lms/storage.hpp"

namespace lms::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

Enrolment MakeEnrolment(std::string user, std::string course,
                        std::int32_t cycle = 1,
                        EnrolmentStatus status = EnrolmentStatus::enrolled) {
  Enrolment e;
  e.user_key = std::move(user);
  e.course_key = std::move(course);
  e.cycle = cycle;
  e.status = status;
  e.enrolled_at = Time(kT0 + 10);
  e.updated_at = Time(kT0 + 11);
  return e;
}

// Every field, as JSON text, so that a mismatch prints readably.
std::string Describe(const Enrolment& e) { return to_json(e).dump(); }
std::string Describe(const ActivityProgress& p) { return to_json(p).dump(); }
template <typename T>
std::vector<std::string> DescribeAll(const std::vector<T>& records) {
  std::vector<std::string> out;
  for (const T& r : records) out.push_back(Describe(r));
  return out;
}

std::vector<std::int64_t> Ids(const std::vector<Enrolment>& enrolments) {
  std::vector<std::int64_t> ids;
  for (const Enrolment& e : enrolments) ids.push_back(e.id);
  return ids;
}

class EnrolmentStoreTest : public StorageConformanceTest {
 protected:
  // A tenant with users u1..u3 and published courses c1, c2.
  TenantId Seed(const std::string& key = "acme") {
    const TenantId t = AddTenant(key);
    Write([&](Transaction& tx) {
      for (const char* user : {"u1", "u2", "u3"})
        tx.directory().insert_user(t, MakeUser(user));
      for (const char* course : {"c1", "c2"})
        tx.catalog().insert_course(t,
                                   MakeCourse(course, CourseStatus::published));
    });
    return t;
  }

  std::int64_t Insert(TenantId t, const Enrolment& e) {
    return Write([&](Transaction& tx) {
      return tx.enrolments().insert_enrolment(t, e);
    });
  }
};

TEST_P(EnrolmentStoreTest, EnrolmentWithEveryFieldRoundTrips) {
  const TenantId t = Seed();
  Enrolment e = MakeEnrolment("u1", "c1", 3, EnrolmentStatus::completed);
  e.source = EnrolmentSource::audience;
  e.source_key = "new-managers";
  e.due_at = Time(kT0 + 1000);
  e.completed_at = Time(kT0 + 500);
  e.expires_at = Time(kT0 + 99'000);
  e.score = 0.875;
  e.id = Insert(t, e);
  EXPECT_GT(e.id, 0);
  Read([&](Transaction& tx) {
    EXPECT_EQ(Describe(*tx.enrolments().find_enrolment(t, e.id)), Describe(e));
    EXPECT_FALSE(tx.enrolments().find_enrolment(t, e.id + 1));
  });
}

TEST_P(EnrolmentStoreTest, UpdateReplacesEveryField) {
  const TenantId t = Seed();
  Enrolment e = MakeEnrolment("u1", "c1");
  e.id = Insert(t, e);
  e.status = EnrolmentStatus::failed;
  e.score = 0.25;
  e.completed_at = Time(kT0 + 70);
  e.due_at = Time(kT0 + 80);
  e.updated_at = Time(kT0 + 90);
  Write([&](Transaction& tx) { tx.enrolments().update_enrolment(t, e); });
  Read([&](Transaction& tx) {
    EXPECT_EQ(Describe(*tx.enrolments().find_enrolment(t, e.id)), Describe(e));
  });
  e.id += 100;
  EXPECT_EQ(WriteErrorCode([&](Transaction& tx) {
              tx.enrolments().update_enrolment(t, e);
            }),
            ErrorCode::not_found);
}

TEST_P(EnrolmentStoreTest, OneActiveEnrolmentPerUserAndCourse) {
  const TenantId t = Seed();
  Insert(t, MakeEnrolment("u1", "c1", 1, EnrolmentStatus::locked));
  // A second active one, whatever its cycle, is refused by the store.
  EXPECT_EQ(WriteErrorCode([&](Transaction& tx) {
              tx.enrolments().insert_enrolment(
                  t,
                  MakeEnrolment("u1", "c1", 2, EnrolmentStatus::in_progress));
            }),
            ErrorCode::already_exists);
  // Other users and courses are independent.
  Insert(t, MakeEnrolment("u2", "c1"));
  Insert(t, MakeEnrolment("u1", "c2"));
}

TEST_P(EnrolmentStoreTest, ActivatingASecondEnrolmentIsRefused) {
  const TenantId t = Seed();
  Insert(t, MakeEnrolment("u1", "c1", 1, EnrolmentStatus::enrolled));
  Enrolment old = MakeEnrolment("u1", "c1", 2, EnrolmentStatus::withdrawn);
  old.id = Insert(t, old);
  old.status = EnrolmentStatus::enrolled;
  EXPECT_EQ(WriteErrorCode([&](Transaction& tx) {
              tx.enrolments().update_enrolment(t, old);
            }),
            ErrorCode::already_exists);
}

TEST_P(EnrolmentStoreTest, OneEnrolmentPerCycle) {
  const TenantId t = Seed();
  Insert(t, MakeEnrolment("u1", "c1", 1, EnrolmentStatus::completed));
  EXPECT_EQ(WriteErrorCode([&](Transaction& tx) {
              tx.enrolments().insert_enrolment(
                  t, MakeEnrolment("u1", "c1", 1, EnrolmentStatus::withdrawn));
            }),
            ErrorCode::already_exists);
  // Past cycles may be many; a new active one beside them is fine.
  Insert(t, MakeEnrolment("u1", "c1", 2, EnrolmentStatus::expired));
  Insert(t, MakeEnrolment("u1", "c1", 3, EnrolmentStatus::enrolled));
}

TEST_P(EnrolmentStoreTest, EnrolmentNeedsAnExistingUserAndCourse) {
  const TenantId t = Seed();
  const TenantId other = Seed("other");
  EXPECT_EQ(WriteErrorCode([&](Transaction& tx) {
              tx.enrolments().insert_enrolment(t,
                                               MakeEnrolment("nobody", "c1"));
            }),
            ErrorCode::storage);
  EXPECT_EQ(WriteErrorCode([&](Transaction& tx) {
              tx.enrolments().insert_enrolment(t, MakeEnrolment("u1", "nope"));
            }),
            ErrorCode::storage);
  // Another tenant's user of the same key does not count.
  Write([&](Transaction& tx) {
    tx.directory().insert_user(other, MakeUser("only-other"));
  });
  EXPECT_EQ(WriteErrorCode([&](Transaction& tx) {
              tx.enrolments().insert_enrolment(
                  t, MakeEnrolment("only-other", "c1"));
            }),
            ErrorCode::storage);
}

TEST_P(EnrolmentStoreTest, LatestEnrolmentsAreTheHighestCyclePerUser) {
  const TenantId t = Seed();
  Insert(t, MakeEnrolment("u1", "c1", 1, EnrolmentStatus::completed));
  const auto u1_latest =
      Insert(t, MakeEnrolment("u1", "c1", 2, EnrolmentStatus::in_progress));
  const auto u3_latest = Insert(t, MakeEnrolment("u3", "c1"));
  Insert(t, MakeEnrolment("u2", "c2"));
  Read([&](Transaction& tx) {
    const std::vector<std::string> users{"u1", "u2", "u3"};
    EXPECT_THAT(Ids(tx.enrolments().latest_enrolments(t, "c1", users)),
                ElementsAre(u1_latest, u3_latest));
    EXPECT_THAT(tx.enrolments().latest_enrolments(t, "c1", {}), IsEmpty());
    const std::vector<std::string> hostile{"u1' OR '1'='1", "\"u2\""};
    EXPECT_THAT(tx.enrolments().latest_enrolments(t, "c1", hostile), IsEmpty());
  });
}

TEST_P(EnrolmentStoreTest, InsertEnrolmentsReturnsIdsInOrder) {
  const TenantId t = Seed();
  const std::vector<Enrolment> batch{MakeEnrolment("u1", "c1"),
                                     MakeEnrolment("u2", "c1"),
                                     MakeEnrolment("u3", "c2")};
  const auto ids = Write([&](Transaction& tx) {
    return tx.enrolments().insert_enrolments(t, batch);
  });
  ASSERT_EQ(ids.size(), 3u);
  Read([&](Transaction& tx) {
    for (std::size_t i = 0; i < ids.size(); ++i) {
      Enrolment expected = batch[i];
      expected.id = ids[i];
      EXPECT_EQ(Describe(*tx.enrolments().find_enrolment(t, ids[i])),
                Describe(expected));
    }
  });
}

TEST_P(EnrolmentStoreTest, ListFiltersAndPagesById) {
  const TenantId t = Seed();
  const auto a = Insert(t, MakeEnrolment("u1", "c1"));
  const auto b =
      Insert(t, MakeEnrolment("u1", "c2", 1, EnrolmentStatus::locked));
  const auto c = Insert(t, MakeEnrolment("u2", "c1"));
  const auto d =
      Insert(t, MakeEnrolment("u3", "c1", 1, EnrolmentStatus::locked));
  Read([&](Transaction& tx) {
    auto& store = tx.enrolments();
    EXPECT_THAT(Ids(store.list_enrolments(t, {}).enrolments),
                ElementsAre(a, b, c, d));
    EnrolmentQuery query;
    query.user_key = "u1";
    EXPECT_THAT(Ids(store.list_enrolments(t, query).enrolments),
                ElementsAre(a, b));
    query = {};
    query.course_key = "c1";
    query.status = EnrolmentStatus::locked;
    EXPECT_THAT(Ids(store.list_enrolments(t, query).enrolments),
                ElementsAre(d));
    query = {};
    query.limit = 2;
    const EnrolmentPage first = store.list_enrolments(t, query);
    EXPECT_THAT(Ids(first.enrolments), ElementsAre(a, b));
    EXPECT_EQ(first.next_after, b);
    query.after = first.next_after;
    const EnrolmentPage second = store.list_enrolments(t, query);
    EXPECT_THAT(Ids(second.enrolments), ElementsAre(c, d));
    EXPECT_EQ(second.next_after, 0);
    query = {};
    query.user_key = "'; DROP TABLE enrolments; --";
    EXPECT_THAT(store.list_enrolments(t, query).enrolments, IsEmpty());
  });
}

TEST_P(EnrolmentStoreTest, TenantsDoNotSeeEachOthersEnrolments) {
  const TenantId t = Seed();
  const TenantId other = Seed("other");
  const auto id = Insert(t, MakeEnrolment("u1", "c1"));
  Read([&](Transaction& tx) {
    EXPECT_FALSE(tx.enrolments().find_enrolment(other, id));
    EXPECT_THAT(tx.enrolments().list_enrolments(other, {}).enrolments,
                IsEmpty());
    const std::vector<std::string> users{"u1"};
    EXPECT_THAT(tx.enrolments().latest_enrolments(other, "c1", users),
                IsEmpty());
  });
  Enrolment moved = MakeEnrolment("u1", "c1");
  moved.id = id;
  EXPECT_EQ(WriteErrorCode([&](Transaction& tx) {
              tx.enrolments().update_enrolment(other, moved);
            }),
            ErrorCode::not_found);
}

ActivityProgress MakeProgress(std::int64_t enrolment, std::string activity) {
  ActivityProgress p;
  p.enrolment_id = enrolment;
  p.activity_key = std::move(activity);
  p.state = ActivityState::in_progress;
  p.progress = 0.5;
  p.time_spent = std::chrono::milliseconds{1234};
  p.started_at = Time(kT0 + 20);
  p.updated_at = Time(kT0 + 21);
  return p;
}

TEST_P(EnrolmentStoreTest, ProgressIsKeptPerActivityAndReplaced) {
  const TenantId t = Seed();
  const auto id = Insert(t, MakeEnrolment("u1", "c1"));
  const auto other = Insert(t, MakeEnrolment("u2", "c1"));
  ActivityProgress quiz = MakeProgress(id, "quiz");
  quiz.state = ActivityState::completed;
  quiz.progress = 1;
  quiz.score = 0.9;
  quiz.passed = true;
  quiz.completed_at = Time(kT0 + 30);
  const ActivityProgress intro = MakeProgress(id, "intro");
  Write([&](Transaction& tx) {
    tx.enrolments().put_progress(t, quiz);
    tx.enrolments().put_progress(t, intro);
    tx.enrolments().put_progress(t, MakeProgress(other, "intro"));
  });
  Read([&](Transaction& tx) {
    EXPECT_THAT(DescribeAll(tx.enrolments().list_progress(t, id)),
                ElementsAre(Describe(intro), Describe(quiz)));
  });
  quiz.passed = false;
  quiz.score.reset();
  Write([&](Transaction& tx) { tx.enrolments().put_progress(t, quiz); });
  Read([&](Transaction& tx) {
    EXPECT_THAT(DescribeAll(tx.enrolments().list_progress(t, id)),
                ElementsAre(Describe(intro), Describe(quiz)));
    EXPECT_EQ(tx.enrolments().list_progress(t, other).size(), 1u);
  });
}

TEST_P(EnrolmentStoreTest, ProgressNeedsAnEnrolmentOfTheTenant) {
  const TenantId t = Seed();
  const TenantId other = Seed("other");
  const auto id = Insert(t, MakeEnrolment("u1", "c1"));
  EXPECT_EQ(WriteErrorCode([&](Transaction& tx) {
              tx.enrolments().put_progress(t, MakeProgress(id + 9, "intro"));
            }),
            ErrorCode::storage);
  EXPECT_EQ(WriteErrorCode([&](Transaction& tx) {
              tx.enrolments().put_progress(other, MakeProgress(id, "intro"));
            }),
            ErrorCode::storage);
  Read([&](Transaction& tx) {
    EXPECT_THAT(tx.enrolments().list_progress(other, id), IsEmpty());
  });
}

TEST_P(EnrolmentStoreTest, RolledBackEnrolmentsLeaveNoTrace) {
  const TenantId t = Seed();
  const auto kept = Insert(t, MakeEnrolment("u1", "c1"));
  {
    auto tx = storage_->begin(TransactionMode::write);
    tx->enrolments().insert_enrolment(t, MakeEnrolment("u2", "c1"));
    Enrolment changed =
        MakeEnrolment("u1", "c1", 1, EnrolmentStatus::withdrawn);
    changed.id = kept;
    tx->enrolments().update_enrolment(t, changed);
    tx->enrolments().put_progress(t, MakeProgress(kept, "intro"));
  }
  Read([&](Transaction& tx) {
    EXPECT_THAT(Ids(tx.enrolments().list_enrolments(t, {}).enrolments),
                ElementsAre(kept));
    EXPECT_EQ(tx.enrolments().find_enrolment(t, kept)->status,
              EnrolmentStatus::enrolled);
    EXPECT_THAT(tx.enrolments().list_progress(t, kept), IsEmpty());
  });
  // The id of the rolled-back insert may be reused, never a committed one.
  EXPECT_GT(Insert(t, MakeEnrolment("u3", "c1")), kept);
}

INSTANTIATE_TEST_SUITE_P(
    Backends, EnrolmentStoreTest, ::testing::ValuesIn(Backends()),
    [](const ::testing::TestParamInfo<StorageBackend>& info) {
      return info.param.name;
    });

// A backend written before enrolments: the interface's default.
class NoEnrolmentsTransaction final : public Transaction {
 public:
  explicit NoEnrolmentsTransaction(std::unique_ptr<Transaction> inner)
      : inner_(std::move(inner)) {}
  void commit() override { inner_->commit(); }
  DirectoryStore& directory() override { return inner_->directory(); }
  CatalogStore& catalog() override { return inner_->catalog(); }
  EventStore& events() override { return inner_->events(); }

 private:
  std::unique_ptr<Transaction> inner_;
};

TEST(EnrolmentStoreDefaultTest, OldBackendsSayNotSupported) {
  auto storage = make_memory_storage();
  NoEnrolmentsTransaction tx(storage->begin(TransactionMode::read));
  try {
    tx.enrolments();
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::not_supported);
  }
}

}  // namespace
}  // namespace lms::testing
