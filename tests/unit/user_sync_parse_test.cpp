// SPDX-License-Identifier: Apache-2.0
//
// Tests of the HR sync document parsers (lms/user_sync.hpp): CSV and JSON
// Lines into user records, and the errors naming row, column and line.

#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <string>

#include "lms/error.hpp"
#include "lms/user_sync.hpp"

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

void ExpectInvalid(std::string_view csv, const std::string& message) {
  const Error e = CaptureError([&] { parse_users_csv(csv); });
  EXPECT_EQ(e.code(), ErrorCode::invalid_argument) << csv;
  EXPECT_EQ(std::string{e.what()}, message) << csv;
}

TEST(UserSyncParseTest, ReadsEveryKnownColumn) {
  const auto records = parse_users_csv(
      "key,display_name,email,org_unit,manager_key,hire_date,status\n"
      "E-1,Ada,ada@example.com,eng,E-0,2024-03-01,suspended\n");
  ASSERT_EQ(records.size(), 1u);
  const UserRecord& r = records[0];
  EXPECT_EQ(r.key, "E-1");
  EXPECT_EQ(r.display_name, "Ada");
  EXPECT_EQ(r.email, "ada@example.com");
  EXPECT_EQ(r.org_unit, "eng");
  EXPECT_EQ(r.manager_key, "E-0");
  EXPECT_EQ(r.hire_date,
            std::optional<Date>{Date{std::chrono::year{2024} / 3 / 1}});
  EXPECT_EQ(r.status, UserStatus::suspended);
  EXPECT_EQ(r.attributes, Json::object());
}

TEST(UserSyncParseTest, ColumnsMayComeInAnyOrderAndEmptyCellsDefault) {
  const auto records = parse_users_csv(
      "status,hire_date,display_name,key\n"
      ",,Ada,E-1\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0], (UserRecord{"E-1", "Ada", "", "", "", std::nullopt,
                                    Json::object(), UserStatus::active}));
}

TEST(UserSyncParseTest, HeaderOnlyGivesNoRecords) {
  EXPECT_TRUE(parse_users_csv("key,display_name\n").empty());
  EXPECT_TRUE(parse_users_csv("key,display_name").empty());
}

TEST(UserSyncParseTest, ReadsQuotedFields) {
  const auto records = parse_users_csv(
      "key,display_name,org_unit,attributes.note\n"
      "\"E-1\",\"Lovelace, Ada\",\"\",\n"
      "E-2,\"She said \"\"hi\"\"\",,\"line one\nline two\"\n"
      "E-3,\"\"\"\",x,\n");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].key, "E-1");
  EXPECT_EQ(records[0].display_name, "Lovelace, Ada");
  EXPECT_EQ(records[0].org_unit, "");
  EXPECT_EQ(records[1].display_name, "She said \"hi\"");
  EXPECT_EQ(records[1].attributes["note"], "line one\nline two");
  EXPECT_EQ(records[2].display_name, "\"");
  EXPECT_EQ(records[2].org_unit, "x");
}

TEST(UserSyncParseTest, ReadsCrlfLineBreaks) {
  const auto records = parse_users_csv(
      "key,display_name,attributes.note\r\n"
      "E-1,Ada,\r\n"
      "E-2,\"Bob\",\r\n"
      "E-3,Cy,\"Multi\r\nLine\"\r\n"
      "E-4,Di,\r\n");
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[0].display_name, "Ada");
  EXPECT_EQ(records[1].display_name, "Bob");
  EXPECT_EQ(records[2].attributes["note"], "Multi\r\nLine");
  EXPECT_EQ(records[3].key, "E-4");
  EXPECT_EQ(records[3].display_name, "Di");
}

TEST(UserSyncParseTest, LastRecordNeedsNoLineBreak) {
  const auto records = parse_users_csv("key,display_name\nE-1,Ada");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].display_name, "Ada");
  const auto crlf = parse_users_csv("key,display_name\r\nE-1,\"Ada\"");
  ASSERT_EQ(crlf.size(), 1u);
  EXPECT_EQ(crlf[0].display_name, "Ada");
}

TEST(UserSyncParseTest, IgnoresEmptyLinesAtTheEnd) {
  EXPECT_EQ(parse_users_csv("key,display_name\nE-1,Ada\n\n\r\n\n").size(), 1u);
}

TEST(UserSyncParseTest, SkipsAUtf8Bom) {
  const auto records =
      parse_users_csv("\xEF\xBB\xBFkey,display_name\nE-1,Ad\xC3\xA9la\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].display_name, "Ad\xC3\xA9la");
}

TEST(UserSyncParseTest, AttributeColumnsBecomeStringAttributes) {
  const auto records = parse_users_csv(
      "key,display_name,attributes.department,attributes.level\n"
      "E-1,Ada,R&D,3\n"
      "E-2,Bob,,\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].attributes,
            (Json{{"department", "R&D"}, {"level", "3"}}));
  EXPECT_EQ(records[1].attributes, Json::object());
}

TEST(UserSyncParseTest, RefusesUnknownColumn) {
  ExpectInvalid("key,display_name,nickname\n",
                "row 1, column 'nickname': unknown column");
  ExpectInvalid("key,display_name,attributes.\n",
                "row 1, column 'attributes.': unknown column");
  ExpectInvalid("key,display_name,Key\n",
                "row 1, column 'Key': unknown column");
}

TEST(UserSyncParseTest, RefusesDuplicateColumn) {
  ExpectInvalid("key,display_name,email,email\n",
                "row 1, column 'email': duplicate column");
  ExpectInvalid("key,attributes.a,display_name,attributes.a\n",
                "row 1, column 'attributes.a': duplicate column");
}

TEST(UserSyncParseTest, RequiresKeyAndDisplayNameColumns) {
  ExpectInvalid("display_name,email\n", "row 1: missing column 'key'");
  ExpectInvalid("key,email\n", "row 1: missing column 'display_name'");
}

TEST(UserSyncParseTest, RequiresAHeaderRow) {
  ExpectInvalid("", "row 1: a header row is required");
  ExpectInvalid("\n\n", "row 1: a header row is required");
  ExpectInvalid("\xEF\xBB\xBF", "row 1: a header row is required");
}

TEST(UserSyncParseTest, RefusesRowsWithTheWrongNumberOfFields) {
  ExpectInvalid("key,display_name\nE-1,Ada\nE-2\n",
                "row 3: expected 2 fields, got 1");
  ExpectInvalid("key,display_name\nE-1,Ada,extra\n",
                "row 2: expected 2 fields, got 3");
  // An empty line before the last record is a row with one empty field.
  ExpectInvalid("key,display_name\n\nE-1,Ada\n",
                "row 2: expected 2 fields, got 1");
}

TEST(UserSyncParseTest, RowsAreCountedByRecordNotByLine) {
  ExpectInvalid(
      "key,display_name,attributes.note\nE-1,Ada,\"two\nlines\"\nE-2\n",
      "row 3: expected 3 fields, got 1");
}

// Content the engine refuses is reported by cell too, not by the record's
// position in the batch.
TEST(UserSyncParseTest, NamesRowAndColumnOfContentTheEngineRefuses) {
  ExpectInvalid("key,display_name\nE-1,Ada\nE-2,\n",
                "row 3, column 'display_name': must not be empty");
  ExpectInvalid("key,display_name,attributes.title\nE-1,Ada,\xC3\x28\n",
                "row 2, column 'attributes.title': must be valid UTF-8, got "
                "'\\xC3('");
}

TEST(UserSyncParseTest, NamesRowAndColumnOfABadHireDate) {
  ExpectInvalid(
      "key,display_name,hire_date\nE-1,Ada,2024-03-01\n"
      "E-2,Bob,03/01/2024\n",
      "row 3, column 'hire_date': must be a date YYYY-MM-DD, got "
      "'03/01/2024'");
}

TEST(UserSyncParseTest, NamesRowAndColumnOfABadStatus) {
  ExpectInvalid("key,display_name,status\nE-1,Ada,retired\n",
                "row 2, column 'status': unknown status, got 'retired'");
}

TEST(UserSyncParseTest, RefusesAnUnterminatedQuote) {
  ExpectInvalid("key,display_name\nE-1,Ada\nE-2,\"Bob\nE-3,Cy\n",
                "row 3: unterminated quoted field");
}

TEST(UserSyncParseTest, RefusesTextAfterAClosingQuote) {
  ExpectInvalid("key,display_name\nE-1,\"Ada\"x\n",
                "row 2: unexpected text after a quoted field");
}

TEST(UserSyncParseTest, ParsesManyRows) {
  std::string csv = "key,display_name,email,hire_date,attributes.site\n";
  constexpr int kRows = 20'000;
  for (int i = 0; i < kRows; ++i) {
    csv += "E-" + std::to_string(i) + ",User " + std::to_string(i) + ",u" +
           std::to_string(i) + "@example.com,2020-01-01,HQ\n";
  }
  const auto records = parse_users_csv(csv);
  ASSERT_EQ(records.size(), static_cast<std::size_t>(kRows));
  EXPECT_EQ(records.back().key, "E-19999");
  EXPECT_EQ(records.back().attributes, (Json{{"site", "HQ"}}));
}

TEST(UserSyncParseTest, ReadsJsonLines) {
  const auto records = parse_users_jsonl(
      "{\"key\": \"E-1\", \"display_name\": \"Ada\", \"attributes\": "
      "{\"level\": 3}}\r\n"
      "\n"
      "   \n"
      "{\"key\": \"E-2\", \"display_name\": \"Bob\", \"status\": "
      "\"suspended\"}");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].key, "E-1");
  EXPECT_EQ(records[0].attributes, (Json{{"level", 3}}));
  EXPECT_EQ(records[1].status, UserStatus::suspended);
}

TEST(UserSyncParseTest, EmptyJsonLinesDocumentHasNoRecords) {
  EXPECT_TRUE(parse_users_jsonl("").empty());
  EXPECT_TRUE(parse_users_jsonl("\n\n").empty());
}

TEST(UserSyncParseTest, JsonLinesErrorsNameTheLine) {
  const std::string first = "{\"key\": \"E-1\", \"display_name\": \"Ada\"}\n";
  Error e = CaptureError(
      [&] { parse_users_jsonl(first + "\n{\"key\": \"E-2\"}\n"); });
  EXPECT_EQ(e.code(), ErrorCode::invalid_argument);
  EXPECT_STREQ(e.what(), "line 3: display_name: is required");

  e = CaptureError([&] { parse_users_jsonl(first + "{\"key\": \n"); });
  EXPECT_EQ(e.code(), ErrorCode::invalid_argument);
  EXPECT_TRUE(std::string_view{e.what()}.starts_with(
      "line 2: user: malformed JSON at byte "))
      << e.what();

  e = CaptureError([&] { parse_users_jsonl("[1]\n"); });
  EXPECT_STREQ(e.what(), "line 1: user: must be a JSON object");
}

}  // namespace
}  // namespace lms
