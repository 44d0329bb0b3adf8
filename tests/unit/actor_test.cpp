// SPDX-License-Identifier: Apache-2.0
//
// Tests of lms::Actor's text form, of lms::Error and of the names of the
// domain's enums.

#include "lms/actor.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "lms/course.hpp"
#include "lms/error.hpp"
#include "lms/user.hpp"

namespace lms {
namespace {

Error CaptureError(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "no lms::Error thrown";
  return Error(ErrorCode::internal, "no error");
}

TEST(ActorTest, ParsesTheSystemPrincipal) {
  const Actor a = Actor::parse("@system");
  EXPECT_TRUE(a.is_system());
  EXPECT_EQ(a, Actor::system());
  EXPECT_EQ(a.to_string(), "@system");
}

TEST(ActorTest, ParsesAUserKey) {
  const Actor a = Actor::parse("E-1001");
  EXPECT_FALSE(a.is_system());
  EXPECT_EQ(a.user_key(), "E-1001");
  EXPECT_EQ(a, Actor::user("E-1001"));
  EXPECT_EQ(a.to_string(), "E-1001");
}

TEST(ActorTest, RefusesAnEmptyText) {
  const Error e = CaptureError([] { Actor::parse(""); });
  EXPECT_EQ(e.code(), ErrorCode::invalid_argument);
  EXPECT_STREQ(e.what(), "actor: must not be empty");
}

TEST(ActorTest, RefusesAnUnknownPrincipal) {
  const Error e = CaptureError([] { Actor::parse("@admin"); });
  EXPECT_EQ(e.code(), ErrorCode::invalid_argument);
  EXPECT_STREQ(e.what(), "actor: unknown principal, got '@admin'");
}

// No user key can pass for the system principal, not even through the
// C++ factory that skips parsing.
TEST(ActorTest, UserFactoryRefusesKeysThatCouldPassForThePrincipal) {
  for (const char* key : {"", "@system", "@admin"}) {
    const Error e = CaptureError([&] { Actor::user(key); });
    EXPECT_EQ(e.code(), ErrorCode::invalid_argument) << key;
    EXPECT_FALSE(Actor::system() == Actor::parse("x"));
  }
  EXPECT_TRUE(Actor::parse("@system").is_system());
  EXPECT_FALSE(Actor::user("E1").is_system());
}

TEST(ErrorTest, CarriesCodeAndMessage) {
  const Error e(ErrorCode::conflict, "course: archived");
  EXPECT_EQ(e.code(), ErrorCode::conflict);
  EXPECT_STREQ(e.what(), "course: archived");
}

TEST(ErrorTest, NamesEveryCode) {
  EXPECT_EQ(error_code_name(ErrorCode::not_found), "not_found");
  EXPECT_EQ(error_code_name(ErrorCode::already_exists), "already_exists");
  EXPECT_EQ(error_code_name(ErrorCode::invalid_argument), "invalid_argument");
  EXPECT_EQ(error_code_name(ErrorCode::permission_denied), "permission_denied");
  EXPECT_EQ(error_code_name(ErrorCode::conflict), "conflict");
  EXPECT_EQ(error_code_name(ErrorCode::limit_exceeded), "limit_exceeded");
  EXPECT_EQ(error_code_name(ErrorCode::storage), "storage");
  EXPECT_EQ(error_code_name(ErrorCode::internal), "internal");
  EXPECT_EQ(error_code_name(ErrorCode::not_supported), "not_supported");
  EXPECT_EQ(error_code_name(static_cast<ErrorCode>(42)), "unknown");
}

TEST(EnumNamesTest, RoundTripEveryName) {
  for (const auto s :
       {UserStatus::active, UserStatus::suspended, UserStatus::deprovisioned}) {
    EXPECT_EQ(parse_user_status(to_string(s), "status"), s);
  }
  for (const auto s :
       {CourseStatus::draft, CourseStatus::published, CourseStatus::archived}) {
    EXPECT_EQ(parse_course_status(to_string(s), "status"), s);
  }
  for (const auto k :
       {ActivityKind::lesson, ActivityKind::assessment, ActivityKind::scorm,
        ActivityKind::xapi, ActivityKind::external}) {
    EXPECT_EQ(parse_activity_kind(to_string(k), "kind"), k);
  }
  EXPECT_EQ(to_string(UserStatus::deprovisioned), "deprovisioned");
  EXPECT_EQ(to_string(CourseStatus::published), "published");
  EXPECT_EQ(to_string(ActivityKind::xapi), "xapi");
}

TEST(EnumNamesTest, RefusesUnknownNamesNamingTheField) {
  Error e = CaptureError([] { parse_user_status("Active", "status"); });
  EXPECT_EQ(e.code(), ErrorCode::invalid_argument);
  EXPECT_STREQ(e.what(), "status: unknown status, got 'Active'");
  e = CaptureError([] { parse_course_status("", "query.status"); });
  EXPECT_STREQ(e.what(), "query.status: unknown status, got ''");
  e = CaptureError([] { parse_activity_kind("video", "activities[0].kind"); });
  EXPECT_STREQ(e.what(),
               "activities[0].kind: unknown activity kind, got 'video'");
}

TEST(EnumNamesTest, ACorruptValueIsAnInternalError) {
  const Error e = CaptureError([] { to_string(static_cast<UserStatus>(9)); });
  EXPECT_EQ(e.code(), ErrorCode::internal);
}

}  // namespace
}  // namespace lms
