// SPDX-License-Identifier: Apache-2.0
//
// Tests of the JSON forms of the domain's value types (lms/json.hpp): the
// published output shapes, round trips, and the strict readers' errors.

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <limits>
#include <string>

#include "lms/course.hpp"
#include "lms/error.hpp"
#include "lms/event.hpp"
#include "lms/json.hpp"
#include "lms/org_unit.hpp"
#include "lms/tenant.hpp"
#include "lms/user.hpp"
#include "lms/user_sync.hpp"

namespace lms {
namespace {

using namespace std::chrono_literals;
using std::chrono::March;

Error CaptureError(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "no lms::Error thrown";
  return Error(ErrorCode::internal, "no error");
}

const Timestamp kCreated = from_unix_ms(1'767'225'600'000);  // 2026-01-01
const Timestamp kUpdated = from_unix_ms(1'767'225'600'123);

User SampleUser() {
  User user;
  user.key = "E-1001";
  user.display_name = "Ada Lovelace";
  user.email = "ada@example.com";
  user.org_unit = "eng";
  user.manager_key = "E-1";
  user.hire_date = Date{2024y / March / 1};
  user.attributes = Json{
      {"department", "R&D"}, {"level", 3}, {"ratio", 0.5}, {"manager", true}};
  user.status = UserStatus::suspended;
  user.created_at = kCreated;
  user.updated_at = kUpdated;
  return user;
}

Course SampleCourse() {
  Course course;
  course.key = "safety-101";
  course.title = "Safety";
  course.description = "Basics";
  course.activities = {{"intro", ActivityKind::lesson, "Intro", true},
                       {"quiz", ActivityKind::assessment, "Quiz", false}};
  course.prerequisites = {"induction"};
  course.recertification_days = 365;
  course.version = 3;
  course.status = CourseStatus::published;
  course.created_at = kCreated;
  course.updated_at = kUpdated;
  return course;
}

TEST(JsonCodecTest, WritesTheTenantShape) {
  const Tenant tenant{7, "acme", "Acme Corp", kCreated};
  EXPECT_EQ(to_json(tenant), Json::parse(R"({"id": 7, "key": "acme",
      "name": "Acme Corp", "created_at": "2026-01-01T00:00:00.000Z"})"));
}

TEST(JsonCodecTest, WritesTheUserShape) {
  EXPECT_EQ(to_json(SampleUser()), Json::parse(R"({
      "key": "E-1001", "display_name": "Ada Lovelace",
      "email": "ada@example.com", "org_unit": "eng", "manager_key": "E-1",
      "hire_date": "2024-03-01",
      "attributes": {"department": "R&D", "level": 3, "ratio": 0.5,
                     "manager": true},
      "status": "suspended",
      "created_at": "2026-01-01T00:00:00.000Z",
      "updated_at": "2026-01-01T00:00:00.123Z"})"));
}

TEST(JsonCodecTest, WritesAnUnsetHireDateAsNull) {
  User user = SampleUser();
  user.hire_date.reset();
  EXPECT_TRUE(to_json(user).at("hire_date").is_null());
}

TEST(JsonCodecTest, WritesTheUserPageShape) {
  const UserPage page{{SampleUser()}, "E-1001"};
  const Json j = to_json(page);
  EXPECT_EQ(j.size(), 2u);
  EXPECT_EQ(j.at("users"), Json::array({to_json(SampleUser())}));
  EXPECT_EQ(j.at("next_after"), "E-1001");
}

TEST(JsonCodecTest, WritesTheOrgUnitShape) {
  OrgUnit unit;
  unit.key = "eng";
  unit.name = "Engineering";
  unit.created_at = kCreated;
  unit.updated_at = kUpdated;
  EXPECT_EQ(to_json(unit), Json::parse(R"({"key": "eng",
      "name": "Engineering", "parent": "",
      "created_at": "2026-01-01T00:00:00.000Z",
      "updated_at": "2026-01-01T00:00:00.123Z"})"));
}

TEST(JsonCodecTest, WritesTheCourseShape) {
  EXPECT_EQ(to_json(SampleCourse()), Json::parse(R"({
      "key": "safety-101", "title": "Safety", "description": "Basics",
      "activities": [
        {"key": "intro", "kind": "lesson", "title": "Intro", "required": true},
        {"key": "quiz", "kind": "assessment", "title": "Quiz",
         "required": false}],
      "prerequisites": ["induction"], "recertification_days": 365,
      "default_due_days": null, "due_from": "enrolment",
      "self_enrolment": false, "enrolment_opens": null,
      "enrolment_closes": null,
      "completion": {"required_count": null, "min_score": null,
                     "must_pass": []},
      "score_policy": "highest", "version": 3, "status": "published",
      "created_at": "2026-01-01T00:00:00.000Z",
      "updated_at": "2026-01-01T00:00:00.123Z"})"));
}

TEST(JsonCodecTest, WritesTheCoursePageShape) {
  const CoursePage page{{SampleCourse()}, ""};
  EXPECT_EQ(to_json(page),
            (Json{{"courses", Json::array({to_json(SampleCourse())})},
                  {"next_after", ""}}));
}

TEST(JsonCodecTest, WritesTheEventShape) {
  Event event;
  event.seq = 12;
  event.tenant_id = 3;
  event.time = kUpdated;
  event.actor = "@system";
  event.type = "user.created";
  event.subject = "E-1001";
  event.payload = Json{{"status", "active"}};
  EXPECT_EQ(to_json(event), Json::parse(R"({"seq": 12, "tenant_id": 3,
      "time": "2026-01-01T00:00:00.123Z", "actor": "@system",
      "type": "user.created", "subject": "E-1001",
      "payload": {"status": "active"}})"));
}

TEST(JsonCodecTest, WritesTheSyncResultShape) {
  const SyncResult result{1, 2, 3, 4, 5};
  EXPECT_EQ(to_json(result), Json::parse(R"({"created": 1, "updated": 2,
      "unchanged": 3, "suspended": 4, "deprovisioned": 5})"));
}

TEST(JsonCodecTest, UserRecordRoundTrips) {
  const User user = SampleUser();
  Json j = to_json(user);
  j.erase("created_at");
  j.erase("updated_at");
  EXPECT_EQ(user_record_from_json(j), static_cast<const UserRecord&>(user));
}

TEST(JsonCodecTest, UserRecordDefaultsOptionalFields) {
  const UserRecord r =
      user_record_from_json(Json{{"key", "k"}, {"display_name", "K"}});
  EXPECT_EQ(r,
            (UserRecord{
                "k", "K", "", "", "", {}, Json::object(), UserStatus::active}));
}

TEST(JsonCodecTest, CourseSpecRoundTrips) {
  const Course course = SampleCourse();
  Json j = to_json(course);
  for (const char* out_only : {"version", "status", "created_at", "updated_at"})
    j.erase(out_only);
  EXPECT_EQ(course_spec_from_json(j), static_cast<const CourseSpec&>(course));
}

TEST(JsonCodecTest, ActivityRequiredDefaultsToTrue) {
  const CourseSpec spec = course_spec_from_json(Json::parse(
      R"({"key": "c", "title": "C",
          "activities": [{"key": "a", "kind": "scorm", "title": "A"}]})"));
  ASSERT_EQ(spec.activities.size(), 1u);
  EXPECT_TRUE(spec.activities[0].required);
  EXPECT_EQ(spec.activities[0].kind, ActivityKind::scorm);
}

TEST(JsonCodecTest, ReadsTenantAndOrgUnitSpecs) {
  const TenantSpec t =
      tenant_spec_from_json(Json{{"key", "acme"}, {"name", "Acme"}});
  EXPECT_EQ(t.key, "acme");
  EXPECT_EQ(t.name, "Acme");
  EXPECT_EQ(org_unit_spec_from_json(
                Json{{"key", "eng"}, {"name", "Eng"}, {"parent", "root"}}),
            (OrgUnitSpec{"eng", "Eng", "root"}));
  EXPECT_EQ(org_unit_spec_from_json(Json{{"key", "eng"}, {"name", "Eng"}}),
            (OrgUnitSpec{"eng", "Eng", ""}));
}

TEST(JsonCodecTest, UserUpdateKeepsAbsentFieldsAndClearsNullHireDate) {
  const UserUpdate u = user_update_from_json(
      Json::parse(R"({"email": "new@example.com", "hire_date": null})"));
  EXPECT_EQ(u.email, "new@example.com");
  ASSERT_TRUE(u.hire_date.has_value());
  EXPECT_FALSE(u.hire_date->has_value());
  EXPECT_FALSE(u.display_name.has_value());
  EXPECT_FALSE(u.org_unit.has_value());
  EXPECT_FALSE(u.manager_key.has_value());
  EXPECT_FALSE(u.attributes.has_value());
  EXPECT_FALSE(u.status.has_value());
}

TEST(JsonCodecTest, UserUpdateReadsEveryField) {
  const UserUpdate u = user_update_from_json(Json::parse(R"({
      "display_name": "D", "email": "", "org_unit": "", "manager_key": "m",
      "hire_date": "2020-02-29", "attributes": {"a": 1},
      "status": "deprovisioned"})"));
  EXPECT_EQ(u.display_name, "D");
  EXPECT_EQ(u.email, "");
  EXPECT_EQ(u.org_unit, "");
  EXPECT_EQ(u.manager_key, "m");
  EXPECT_EQ(u.hire_date, std::optional<Date>{Date{2020y / 2 / 29}});
  EXPECT_EQ(u.attributes, Json({{"a", 1}}));
  EXPECT_EQ(u.status, UserStatus::deprovisioned);
}

TEST(JsonCodecTest, EmptyUserUpdateChangesNothing) {
  const UserUpdate u = user_update_from_json(Json::object());
  EXPECT_FALSE(u.display_name || u.email || u.org_unit || u.manager_key ||
               u.hire_date || u.attributes || u.status);
}

TEST(JsonCodecTest, CourseUpdateClearsPeriodsWithNull) {
  const CourseUpdate u = course_update_from_json(Json::parse(
      R"({"recertification_days": null, "default_due_days": 30,
          "prerequisites": []})"));
  ASSERT_TRUE(u.recertification_days.has_value());
  EXPECT_FALSE(u.recertification_days->has_value());
  EXPECT_EQ(u.default_due_days, std::optional<std::int32_t>{30});
  EXPECT_EQ(u.prerequisites, std::vector<std::string>{});
  EXPECT_FALSE(u.title.has_value());
  EXPECT_FALSE(u.activities.has_value());
}

TEST(JsonCodecTest, UserQuerySortsAttributePairs) {
  const UserQuery q = user_query_from_json(Json::parse(
      R"({"org_unit": "eng", "status": "active", "after": "E-5",
          "limit": 25, "attributes": {"title": "CTO", "level": 3,
                                      "active": true}})"));
  EXPECT_EQ(q.org_unit, "eng");
  EXPECT_EQ(q.status, UserStatus::active);
  EXPECT_EQ(q.after, "E-5");
  EXPECT_EQ(q.limit, 25u);
  ASSERT_EQ(q.attributes.size(), 3u);
  EXPECT_EQ(q.attributes[0], (std::pair<std::string, Json>{"active", true}));
  EXPECT_EQ(q.attributes[1], (std::pair<std::string, Json>{"level", 3}));
  EXPECT_EQ(q.attributes[2], (std::pair<std::string, Json>{"title", "CTO"}));
}

TEST(JsonCodecTest, QueriesDefaultWhenEmpty) {
  const UserQuery u = user_query_from_json(Json::object());
  EXPECT_EQ(u.limit, 100u);
  EXPECT_TRUE(u.after.empty());
  EXPECT_TRUE(u.attributes.empty());
  const CourseQuery c = course_query_from_json(
      Json::parse(R"({"status": "archived", "limit": 1000})"));
  EXPECT_EQ(c.status, CourseStatus::archived);
  EXPECT_EQ(c.limit, 1000u);
}

TEST(JsonCodecTest, QueryLimitFromACxxIntIsAccepted) {
  EXPECT_EQ(course_query_from_json(Json{{"limit", 7}}).limit, 7u);
}

TEST(JsonCodecTest, ReadsSyncOptions) {
  const SyncOptions o = sync_options_from_json(Json::parse(
      R"({"mode": "full", "missing": "deprovision", "dry_run": true})"));
  EXPECT_EQ(o.mode, SyncMode::full);
  EXPECT_EQ(o.missing, MissingPolicy::deprovision);
  EXPECT_TRUE(o.dry_run);
  const SyncOptions d = sync_options_from_json(Json::object());
  EXPECT_EQ(d.mode, SyncMode::incremental);
  EXPECT_EQ(d.missing, MissingPolicy::keep);
  EXPECT_FALSE(d.dry_run);
}

TEST(JsonCodecTest, ParsesJson) {
  EXPECT_EQ(parse_json(R"({"a": [1, "é"]})", "doc"),
            (Json{{"a", Json::array({1, "é"})}}));
}

TEST(JsonCodecTest, RefusesMalformedJsonNamingTheByte) {
  const Error e = CaptureError([] { parse_json(R"({"a": 1,})", "spec_json"); });
  EXPECT_EQ(e.code(), ErrorCode::invalid_argument);
  EXPECT_STREQ(e.what(), "spec_json: malformed JSON at byte 9");
}

TEST(JsonCodecTest, RefusesTrailingTextAndEmptyDocuments) {
  for (const char* text : {"", "{} {}", "{\"a\":1} x", "nul"}) {
    const Error e = CaptureError([&] { parse_json(text, "doc"); });
    EXPECT_EQ(e.code(), ErrorCode::invalid_argument) << text;
    EXPECT_TRUE(
        std::string_view{e.what()}.starts_with("doc: malformed JSON at byte "))
        << e.what();
  }
}

TEST(JsonCodecTest, RefusesInvalidUtf8InStrings) {
  for (const char* text : {"{\"a\": \"\xC3\"}", "{\"a\": \"\xFF\"}",
                           "{\"a\": \"\xED\xA0\x80\"}", "{\"\xC0\xAF\": 1}"}) {
    const Error e = CaptureError([&] { parse_json(text, "doc"); });
    EXPECT_EQ(e.code(), ErrorCode::invalid_argument);
    EXPECT_TRUE(
        std::string_view{e.what()}.starts_with("doc: invalid UTF-8 at byte "))
        << e.what();
  }
}

TEST(JsonCodecTest, RefusesNumbersOutOfRange) {
  const Error e = CaptureError([] { parse_json("[1e400]", "doc"); });
  EXPECT_EQ(e.code(), ErrorCode::invalid_argument);
  EXPECT_TRUE(std::string_view{e.what()}.starts_with("doc: "));
}

// One bad input of a reader and the exact message it must give.
struct BadInput {
  const char* name;
  std::function<void(const Json&)> read;
  const char* json;
  const char* message;
};

void PrintTo(const BadInput& b, std::ostream* os) { *os << b.name; }

class JsonCodecBadInputTest : public testing::TestWithParam<BadInput> {};

TEST_P(JsonCodecBadInputTest, IsRefusedNamingTheField) {
  const BadInput& b = GetParam();
  const Json j = Json::parse(b.json);
  const Error e = CaptureError([&] { b.read(j); });
  EXPECT_EQ(e.code(), ErrorCode::invalid_argument);
  EXPECT_STREQ(e.what(), b.message);
}

const auto kUser = [](const Json& j) { user_record_from_json(j); };
const auto kUserUpdate = [](const Json& j) { user_update_from_json(j); };
const auto kUserQuery = [](const Json& j) { user_query_from_json(j); };
const auto kTenant = [](const Json& j) { tenant_spec_from_json(j); };
const auto kOrgUnit = [](const Json& j) { org_unit_spec_from_json(j); };
const auto kCourse = [](const Json& j) { course_spec_from_json(j); };
const auto kCourseUpdate = [](const Json& j) { course_update_from_json(j); };
const auto kCourseQuery = [](const Json& j) { course_query_from_json(j); };
const auto kSyncOptions = [](const Json& j) { sync_options_from_json(j); };

INSTANTIATE_TEST_SUITE_P(
    Readers, JsonCodecBadInputTest,
    testing::Values(
        BadInput{"UserNotObject", kUser, "[]", "user: must be a JSON object"},
        BadInput{"TenantNotObject", kTenant, "\"acme\"",
                 "tenant: must be a JSON object"},
        BadInput{"UserUnknownField", kUser,
                 R"({"key": "k", "display_name": "K", "nickname": "x"})",
                 "nickname: unknown field"},
        BadInput{"UserHostileUnknownField", kUser,
                 "{\"key\": \"k\", \"display_name\": \"K\", \"a\\nb\": 1}",
                 "'a\\x0Ab': unknown field"},
        BadInput{"UserOutOnlyField", kUser,
                 R"({"key": "k", "display_name": "K", "created_at": "x"})",
                 "created_at: unknown field"},
        BadInput{"UserMissingKey", kUser, R"({"display_name": "K"})",
                 "key: is required"},
        BadInput{"UserMissingDisplayName", kUser, R"({"key": "k"})",
                 "display_name: is required"},
        BadInput{"UserKeyNotString", kUser,
                 R"({"key": 5, "display_name": "K"})", "key: must be a string"},
        BadInput{"UserEmailNull", kUser,
                 R"({"key": "k", "display_name": "K", "email": null})",
                 "email: must be a string"},
        BadInput{
            "UserBadHireDate", kUser,
            R"({"key": "k", "display_name": "K", "hire_date": "2023-02-29"})",
            "hire_date: must be a date YYYY-MM-DD, got '2023-02-29'"},
        BadInput{"UserBadStatus", kUser,
                 R"({"key": "k", "display_name": "K", "status": "gone"})",
                 "status: unknown status, got 'gone'"},
        BadInput{"UserAttributesNotObject", kUser,
                 R"({"key": "k", "display_name": "K", "attributes": [1]})",
                 "attributes: must be an object"},
        BadInput{"UserNullAttribute", kUser,
                 R"({"key": "k", "display_name": "K",
                     "attributes": {"department": null}})",
                 "attributes.department: must be a string, number or boolean"},
        BadInput{"UserNestedAttribute", kUser,
                 R"({"key": "k", "display_name": "K",
                     "attributes": {"team": {"name": "x"}}})",
                 "attributes.team: must be a string, number or boolean"},
        BadInput{"UserArrayAttribute", kUser,
                 R"({"key": "k", "display_name": "K",
                     "attributes": {"tags": ["a"]}})",
                 "attributes.tags: must be a string, number or boolean"},
        BadInput{"UpdateKey", kUserUpdate, R"({"key": "other"})",
                 "key: cannot be changed"},
        BadInput{"UpdateDisplayNameNull", kUserUpdate,
                 R"({"display_name": null})", "display_name: must be a string"},
        BadInput{"UpdateHireDateNumber", kUserUpdate, R"({"hire_date": 2020})",
                 "hire_date: must be a string"},
        BadInput{"UpdateUnknownField", kUserUpdate, R"({"created_at": "x"})",
                 "created_at: unknown field"},
        BadInput{"QueryNegativeLimit", kUserQuery, R"({"limit": -1})",
                 "limit: must be an integer between 1 and 1000"},
        BadInput{"QueryFloatLimit", kUserQuery, R"({"limit": 2.5})",
                 "limit: must be an integer between 1 and 1000"},
        BadInput{"QueryStringLimit", kCourseQuery, R"({"limit": "10"})",
                 "limit: must be an integer between 1 and 1000"},
        BadInput{"QueryBadStatus", kCourseQuery, R"({"status": "live"})",
                 "status: unknown status, got 'live'"},
        BadInput{"QueryNullAttribute", kUserQuery,
                 R"({"attributes": {"level": null}})",
                 "attributes.level: must be a string, number or boolean"},
        BadInput{"QueryAfterNotString", kUserQuery, R"({"after": 3})",
                 "after: must be a string"},
        BadInput{"TenantMissingName", kTenant, R"({"key": "acme"})",
                 "name: is required"},
        BadInput{"OrgUnitParentNotString", kOrgUnit,
                 R"({"key": "a", "name": "A", "parent": false})",
                 "parent: must be a string"},
        BadInput{"CourseActivitiesNotArray", kCourse,
                 R"({"key": "c", "title": "C", "activities": {}})",
                 "activities: must be an array"},
        BadInput{"CourseActivityNotObject", kCourse,
                 R"({"key": "c", "title": "C", "activities": ["a"]})",
                 "activities[0]: must be an object"},
        BadInput{"CourseActivityBadKind", kCourse,
                 R"({"key": "c", "title": "C", "activities": [
                     {"key": "a", "kind": "lesson", "title": "A"},
                     {"key": "b", "kind": "lesson", "title": "B"},
                     {"key": "c", "kind": "video", "title": "C"}]})",
                 "activities[2].kind: unknown activity kind, got 'video'"},
        BadInput{"CourseActivityMissingTitle", kCourse,
                 R"({"key": "c", "title": "C", "activities": [
                     {"key": "a", "kind": "lesson"}]})",
                 "activities[0].title: is required"},
        BadInput{"CourseActivityUnknownField", kCourse,
                 R"({"key": "c", "title": "C", "activities": [
                     {"key": "a", "kind": "lesson", "title": "A", "x": 1}]})",
                 "activities[0].x: unknown field"},
        BadInput{"CourseActivityRequiredNotBool", kCourse,
                 R"({"key": "c", "title": "C", "activities": [
                     {"key": "a", "kind": "lesson", "title": "A",
                      "required": "yes"}]})",
                 "activities[0].required: must be a boolean"},
        BadInput{"CoursePrerequisiteNotString", kCourse,
                 R"({"key": "c", "title": "C", "prerequisites": ["a", 2]})",
                 "prerequisites[1]: must be a string"},
        BadInput{"CourseDaysFloat", kCourse,
                 R"({"key": "c", "title": "C", "default_due_days": 1.5})",
                 "default_due_days: must be an integer"},
        BadInput{"CourseDaysHuge", kCourse,
                 R"({"key": "c", "title": "C",
                     "recertification_days": 99999999999999999999})",
                 "recertification_days: must be an integer"},
        BadInput{"CourseDaysOverInt32", kCourse,
                 R"({"key": "c", "title": "C",
                     "recertification_days": 2147483648})",
                 "recertification_days: must be an integer"},
        BadInput{"CourseDaysUnderInt32", kCourse,
                 R"({"key": "c", "title": "C",
                     "recertification_days": -2147483649})",
                 "recertification_days: must be an integer"},
        BadInput{"CourseOutOnlyField", kCourse,
                 R"({"key": "c", "title": "C", "version": 2})",
                 "version: unknown field"},
        BadInput{"CourseUpdateKey", kCourseUpdate, R"({"key": "d"})",
                 "key: cannot be changed"},
        BadInput{"CourseUpdateDaysString", kCourseUpdate,
                 R"({"default_due_days": "30"})",
                 "default_due_days: must be an integer"},
        BadInput{"SyncBadMode", kSyncOptions, R"({"mode": "partial"})",
                 "mode: unknown mode, got 'partial'"},
        BadInput{"SyncBadMissing", kSyncOptions, R"({"missing": "delete"})",
                 "missing: unknown missing policy, got 'delete'"},
        BadInput{"SyncDryRunNotBool", kSyncOptions, R"({"dry_run": 1})",
                 "dry_run: must be a boolean"}),
    [](const testing::TestParamInfo<BadInput>& info) {
      return std::string{info.param.name};
    });

TEST(JsonCodecTest, RefusesANonFiniteAttributeBuiltInCxx) {
  // JSON text cannot spell NaN, but a C++ caller can build one.
  const Json j{
      {"key", "k"},
      {"display_name", "K"},
      {"attributes", {{"ratio", std::numeric_limits<double>::quiet_NaN()}}}};
  const Error e = CaptureError([&] { user_record_from_json(j); });
  EXPECT_EQ(e.code(), ErrorCode::invalid_argument);
  EXPECT_STREQ(e.what(),
               "attributes.ratio: must be a string, number or boolean");
}

TEST(JsonCodecTest, AcceptsInt32BoundsForDays) {
  const CourseSpec spec = course_spec_from_json(Json::parse(
      R"({"key": "c", "title": "C", "recertification_days": 2147483647,
          "default_due_days": -2147483648})"));
  EXPECT_EQ(spec.recertification_days, 2147483647);
  EXPECT_EQ(spec.default_due_days, std::numeric_limits<std::int32_t>::min());
}

}  // namespace
}  // namespace lms
