// SPDX-License-Identifier: Apache-2.0
//
// Hostile and malformed input through the C++ API, table-driven: every
// string field empty, oversized, not UTF-8 or holding control characters,
// too many entries, out-of-range numbers, cycles, other tenants' keys. Each
// case must fail with the right code, name its field, and leave the storage
// exactly as it was. SQL metacharacters, on the other hand, are ordinary
// text and must round-trip. Single-threaded.

#include <functional>
#include <string>
#include <vector>

#include "lms/limits.hpp"
#include "unit/engine_fixture.hpp"

namespace lms::testing {
namespace {

struct BadInput {
  std::string name;
  std::function<void()> call;
  ErrorCode code;
  std::string message;  // a substring of the error message
};

// A string field of some call: `set` makes the call with the field set to
// the given value.
struct StringField {
  std::string field;  // as the message names it
  std::function<void(const std::string&)> set;
  std::size_t max_bytes;
  bool may_be_empty;
  bool is_key;
};

class BadInputTest : public EngineTest {
 protected:
  void SetUp() override {
    other_ = engine_.create_tenant(system_, {"globex", "Globex"}).id;
    engine_.create_org_unit(system_, tenant_, {"a", "A", ""});
    engine_.create_org_unit(system_, tenant_, {"b", "B", "a"});
    engine_.create_org_unit(system_, tenant_, {"c", "C", "b"});
    engine_.create_user(system_, tenant_, user_record("u1", "a"));
    engine_.create_course(system_, tenant_, course_spec("p"));
    engine_.create_course(system_, tenant_, course_spec("q", {"p"}));
    engine_.create_org_unit(system_, other_, {"ops", "Ops", ""});
    engine_.create_user(system_, other_, user_record("theirs", "ops"));
    engine_.create_course(system_, other_, course_spec("their-course"));
  }

  // Everything both tenants hold, as text.
  std::string snapshot() {
    Json state;
    for (const Tenant& tenant : engine_.list_tenants(system_))
      state["tenants"].push_back(to_json(tenant));
    for (const TenantId tenant : {tenant_, other_}) {
      Json part;
      for (const Event& event : events(tenant))
        part["events"].push_back(to_json(event));
      UserQuery users;
      users.limit = limits::kPageSize;
      part["users"] = to_json(engine_.list_users(system_, tenant, users));
      CourseQuery courses;
      courses.limit = limits::kPageSize;
      part["courses"] = to_json(engine_.list_courses(system_, tenant, courses));
      for (const OrgUnit& unit : engine_.list_org_subtree(system_, tenant))
        part["org_units"].push_back(to_json(unit));
      state["tenant " + std::to_string(tenant)] = std::move(part);
    }
    return state.dump();
  }

  std::vector<StringField> string_fields() {
    const auto user_with = [this](auto edit) {
      return [this, edit](const std::string& value) {
        UserRecord record = user_record("new-user");
        edit(record, value);
        engine_.create_user(system_, tenant_, record);
      };
    };
    const auto course_with = [this](auto edit) {
      return [this, edit](const std::string& value) {
        CourseSpec spec = course_spec("new-course");
        edit(spec, value);
        engine_.create_course(system_, tenant_, spec);
      };
    };
    const std::size_t key = limits::kKeyBytes;
    const std::size_t name = limits::kNameBytes;
    return {
        {"key",
         [this](const std::string& v) {
           engine_.create_tenant(system_, {v, "Name"});
         },
         key, false, true},
        {"name",
         [this](const std::string& v) {
           engine_.create_tenant(system_, {"new-tenant", v});
         },
         name, false, false},
        {"key", user_with([](UserRecord& r, auto& v) { r.key = v; }), key,
         false, true},
        {"display_name",
         user_with([](UserRecord& r, auto& v) { r.display_name = v; }), name,
         false, false},
        {"email", user_with([](UserRecord& r, auto& v) { r.email = v; }),
         limits::kEmailBytes, true, false},
        {"org_unit", user_with([](UserRecord& r, auto& v) { r.org_unit = v; }),
         key, true, true},
        {"manager_key",
         user_with([](UserRecord& r, auto& v) { r.manager_key = v; }), key,
         true, true},
        {"attributes.title",
         user_with([](UserRecord& r, auto& v) { r.attributes["title"] = v; }),
         limits::kAttributeValueBytes, true, false},
        {"display_name",
         [this](const std::string& v) {
           UserUpdate update;
           update.display_name = v;
           engine_.update_user(system_, tenant_, "u1", update);
         },
         name, false, false},
        {"key",
         [this](const std::string& v) {
           engine_.create_org_unit(system_, tenant_, {v, "Name", ""});
         },
         key, false, true},
        {"name",
         [this](const std::string& v) {
           engine_.create_org_unit(system_, tenant_, {"new-unit", v, ""});
         },
         name, false, false},
        {"parent",
         [this](const std::string& v) {
           engine_.create_org_unit(system_, tenant_, {"new-unit", "N", v});
         },
         key, true, true},
        {"parent",
         [this](const std::string& v) {
           engine_.move_org_unit(system_, tenant_, "c", v);
         },
         key, true, true},
        {"key", course_with([](CourseSpec& s, auto& v) { s.key = v; }), key,
         false, true},
        {"title", course_with([](CourseSpec& s, auto& v) { s.title = v; }),
         name, false, false},
        {"description",
         course_with([](CourseSpec& s, auto& v) { s.description = v; }),
         limits::kDescriptionBytes, true, false},
        {"activities[1].key",
         course_with([](CourseSpec& s, auto& v) { s.activities[1].key = v; }),
         key, false, true},
        {"activities[0].title",
         course_with([](CourseSpec& s, auto& v) { s.activities[0].title = v; }),
         name, false, false},
        {"prerequisites[1]", course_with([](CourseSpec& s, auto& v) {
           s.prerequisites = {"p", v};
         }),
         key, false, true},
        {"title",
         [this](const std::string& v) {
           CourseUpdate update;
           update.title = v;
           engine_.update_course(system_, tenant_, "p", update);
         },
         name, false, false},
    };
  }

  // Cases for every string field: empty, one byte too long, not UTF-8;
  // keys also with control characters and a leading '@'.
  void add_string_cases(std::vector<BadInput>& cases) {
    const auto invalid = ErrorCode::invalid_argument;
    for (const StringField& f : string_fields()) {
      const auto with = [set = f.set](std::string value) {
        return [set, value] { set(value); };
      };
      const std::string field = f.field + ": ";
      if (!f.may_be_empty)
        cases.push_back(
            {field + "empty", with(""), invalid, field + "must not be empty"});
      cases.push_back({field + "too long",
                       with(std::string(f.max_bytes + 1, 'x')), invalid,
                       field + "must be at most " +
                           std::to_string(f.max_bytes) + " bytes"});
      for (const char* bad :
           {"\xC3(", "x\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xFF"})
        cases.push_back({field + "invalid UTF-8", with(bad), invalid,
                         field + "must be valid UTF-8"});
      if (f.is_key) {
        for (const char* bad : {"a\x01z", "tab\there", "new\nline", "del\x7F"})
          cases.push_back({field + "control character", with(bad), invalid,
                           field + "must not contain control characters"});
        cases.push_back({field + "leading @", with("@admin"), invalid,
                         field + "must not start with '@'"});
      }
    }
  }

  TenantId other_ = 0;
};

TEST_P(BadInputTest, IsRejectedNamingTheFieldAndWritesNothing) {
  const auto invalid = ErrorCode::invalid_argument;
  const auto not_found = ErrorCode::not_found;
  const auto limit = ErrorCode::limit_exceeded;
  std::vector<BadInput> cases;
  add_string_cases(cases);

  const auto user_with = [this](std::function<void(UserRecord&)> edit) {
    return [this, edit] {
      UserRecord record = user_record("new-user");
      edit(record);
      engine_.create_user(system_, tenant_, record);
    };
  };
  const auto course_with = [this](std::function<void(CourseSpec&)> edit) {
    return [this, edit] {
      CourseSpec spec = course_spec("new-course");
      edit(spec);
      engine_.create_course(system_, tenant_, spec);
    };
  };
  const auto list_users_limit = [this](std::size_t n) {
    return [this, n] {
      UserQuery query;
      query.limit = n;
      engine_.list_users(system_, tenant_, query);
    };
  };
  const auto list_courses_limit = [this](std::size_t n) {
    return [this, n] {
      CourseQuery query;
      query.limit = n;
      engine_.list_courses(system_, tenant_, query);
    };
  };

  cases.insert(
      cases.end(),
      {
          {"email without @", user_with([](auto& r) { r.email = "nobody"; }),
           invalid, "email: must be one address"},
          {"email with two @", user_with([](auto& r) { r.email = "a@b@c"; }),
           invalid, "email: must be one address"},
          {"email with space", user_with([](auto& r) { r.email = "a b@c.d"; }),
           invalid, "email: must be one address"},
          {"email empty local part",
           user_with([](auto& r) { r.email = "@c.d"; }), invalid,
           "email: must be one address"},
          {"65 attributes", user_with([](auto& r) {
             for (int i = 0; i <= 64; ++i)
               r.attributes["a" + std::to_string(i)] = i;
           }),
           limit, "attributes: must have at most 64 entries"},
          {"bad attribute name",
           user_with([](auto& r) { r.attributes["bad-name"] = "x"; }), invalid,
           "attributes: names must match"},
          {"attribute name starting with a digit",
           user_with([](auto& r) { r.attributes["1st"] = "x"; }), invalid,
           "attributes: names must match"},
          {"attribute name of 65 bytes",
           user_with([](auto& r) { r.attributes[std::string(65, 'n')] = 1; }),
           invalid, "attributes: names must match"},
          {"attribute value null",
           user_with([](auto& r) { r.attributes["title"] = nullptr; }), invalid,
           "attributes.title: must be a string, number or bool"},
          {"attribute value array",
           user_with([](auto& r) { r.attributes["title"] = Json::array(); }),
           invalid, "attributes.title: must be a string, number or bool"},
          {"attributes not an object",
           user_with([](auto& r) { r.attributes = Json::array(); }), invalid,
           "attributes: must be an object"},
          {"self manager on create",
           user_with([](auto& r) { r.manager_key = r.key; }), invalid,
           "manager_key: a user cannot be their own manager"},
          {"self manager on update",
           [this] {
             UserUpdate update;
             update.manager_key = "u1";
             engine_.update_user(system_, tenant_, "u1", update);
           },
           invalid, "manager_key: a user cannot be their own manager"},
          {"unknown user status",
           user_with([](auto& r) { r.status = static_cast<UserStatus>(7); }),
           invalid, "status: must be active, suspended or deprovisioned"},
          {"list users limit 0", list_users_limit(0), invalid,
           "limit: must be between 1 and 1000, got '0'"},
          {"list users limit 1001", list_users_limit(1001), invalid,
           "limit: must be between 1 and 1000, got '1001'"},
          {"list courses limit 0", list_courses_limit(0), invalid,
           "limit: must be between 1 and 1000, got '0'"},
          {"list courses limit 1001", list_courses_limit(1001), invalid,
           "limit: must be between 1 and 1000, got '1001'"},
          {"events limit 0",
           [this] { engine_.events_after(system_, tenant_, 0, 0); }, invalid,
           "limit: must be between 1 and 1000, got '0'"},
          {"events limit 1001",
           [this] { engine_.events_after(system_, tenant_, 0, 1001); }, invalid,
           "limit: must be between 1 and 1000, got '1001'"},
          {"bad attribute filter name",
           [this] {
             UserQuery query;
             query.attributes = {{"no-such name", "x"}};
             engine_.list_users(system_, tenant_, query);
           },
           invalid, "attributes: names must match"},
          {"recertification 0 days",
           course_with([](auto& s) { s.recertification_days = 0; }), invalid,
           "recertification_days: must be between 1 and 36500 days, got '0'"},
          {"recertification 36501 days",
           course_with([](auto& s) { s.recertification_days = 36501; }),
           invalid, "recertification_days: must be between 1 and 36500 days"},
          {"due 0 days", course_with([](auto& s) { s.default_due_days = 0; }),
           invalid, "default_due_days: must be between 1 and 36500 days"},
          {"due 36501 days on update",
           [this] {
             CourseUpdate update;
             update.default_due_days = 36501;
             engine_.update_course(system_, tenant_, "p", update);
           },
           invalid, "default_due_days: must be between 1 and 36500 days"},
          {"501 activities", course_with([](auto& s) {
             s.activities.clear();
             for (std::size_t i = 0; i <= limits::kActivitiesPerCourse; ++i)
               s.activities.push_back({"act" + std::to_string(i),
                                       ActivityKind::lesson, "T", true});
           }),
           limit, "activities: must have at most 500 entries"},
          {"51 prerequisites", course_with([](auto& s) {
             for (std::size_t i = 0; i <= limits::kPrerequisitesPerCourse; ++i)
               s.prerequisites.push_back("pre" + std::to_string(i));
           }),
           limit, "prerequisites: must have at most 50 entries"},
          {"duplicate activity keys", course_with([](auto& s) {
             s.activities[1].key = s.activities[0].key;
           }),
           invalid, "activities[1].key: duplicates activities[0].key"},
          {"unknown activity kind", course_with([](auto& s) {
             s.activities[0].kind = static_cast<ActivityKind>(-1);
           }),
           invalid, "activities[0].kind: must be lesson"},
          {"duplicate keys in a sync batch",
           [this] {
             const std::vector<UserRecord> batch{
                 user_record("x"), user_record("y"), user_record("x")};
             engine_.sync_users(system_, tenant_, batch);
           },
           invalid,
           "records[2] (key 'x'): key: duplicates the key of records[0]"},
          {"bad record in a sync batch",
           [this] {
             std::vector<UserRecord> batch{user_record("x"), user_record("y")};
             batch[1].display_name = std::string(300, 'n');
             engine_.sync_users(system_, tenant_, batch);
           },
           invalid, "records[1] (key 'y'): display_name: must be at most 256"},
          {"bad sync mode",
           [this] {
             SyncOptions options;
             options.mode = static_cast<SyncMode>(9);
             engine_.sync_users(system_, tenant_, std::vector{user_record("x")},
                                options);
           },
           invalid, "mode: must be incremental or full"},
          {"org unit cycle",
           [this] { engine_.move_org_unit(system_, tenant_, "a", "c"); },
           invalid, "parent: moving 'a' under 'c' would make a cycle"},
          {"prerequisite cycle",
           [this] {
             CourseUpdate update;
             update.prerequisites = std::vector<std::string>{"q"};
             engine_.update_course(system_, tenant_, "p", update);
           },
           invalid, "prerequisites: 'p' -> 'q' -> 'p' would make a cycle"},
          {"other tenant's user",
           [this] { engine_.get_user(system_, tenant_, "theirs"); }, not_found,
           "key: no user 'theirs'"},
          {"other tenant's user on update",
           [this] {
             UserUpdate update;
             update.display_name = "Mine now";
             engine_.update_user(system_, tenant_, "theirs", update);
           },
           not_found, "key: no user 'theirs'"},
          {"other tenant's org unit",
           [this] { engine_.move_org_unit(system_, tenant_, "ops", "a"); },
           not_found, "key: no org unit 'ops'"},
          {"other tenant's org unit as parent",
           [this] { engine_.move_org_unit(system_, tenant_, "c", "ops"); },
           not_found, "parent: no org unit 'ops'"},
          {"other tenant's org unit in a sync",
           [this] {
             engine_.sync_users(system_, tenant_,
                                std::vector{user_record("x", "ops")});
           },
           not_found, "records[0] (key 'x'): org_unit: no org unit 'ops'"},
          {"other tenant's course",
           [this] { engine_.publish_course(system_, tenant_, "their-course"); },
           not_found, "key: no course 'their-course'"},
          {"other tenant's course as prerequisite",
           course_with([](auto& s) { s.prerequisites = {"their-course"}; }),
           not_found, "prerequisites[0]: no course 'their-course'"},
          {"unknown tenant",
           [this] { engine_.create_user(system_, 12345, user_record("x")); },
           not_found, "tenant: no tenant with id 12345"},
      });

  const std::string before = snapshot();
  for (const BadInput& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_TRUE(fails_with(c.call, c.code, c.message));
    ASSERT_EQ(snapshot(), before);
  }
}

// Quotes, comment markers, wildcards and backslashes are text like any
// other: stored and read back byte for byte, never interpreted.
TEST_P(BadInputTest, SqlMetacharactersRoundTripExactly) {
  const std::vector<std::string> hostile{
      "Robert'); DROP TABLE users;--", "\" OR \"1\"=\"1", "100% _done_ \\",
      "x' UNION SELECT * FROM events --", "a/*b*/c; PRAGMA x"};
  int n = 0;
  for (const std::string& text : hostile) {
    SCOPED_TRACE(text);
    const std::string key = text + std::to_string(n++);
    const Tenant tenant = engine_.create_tenant(system_, {key, text});
    EXPECT_EQ(engine_.get_tenant(system_, tenant.id).name, text);

    engine_.create_org_unit(system_, tenant_, {key, text, ""});
    EXPECT_EQ(engine_.get_org_unit(system_, tenant_, key).name, text);

    UserRecord record = user_record(key, key);
    record.display_name = text;
    record.email = "o'hara+" + std::to_string(n) + "@example.com";
    record.manager_key = text;
    record.attributes = {{"note", text}};
    engine_.create_user(system_, tenant_, record);
    const User user = engine_.get_user(system_, tenant_, key);
    EXPECT_EQ(static_cast<const UserRecord&>(user), record);
    UserQuery query;
    query.attributes = {{"note", text}};
    const UserPage page = engine_.list_users(system_, tenant_, query);
    ASSERT_EQ(page.users.size(), 1u);
    EXPECT_EQ(page.users[0].key, key);

    CourseSpec spec = course_spec(key);
    spec.title = text;
    spec.description = text + "\n" + text;
    spec.activities[0].key = text;
    spec.activities[0].title = text;
    engine_.create_course(system_, tenant_, spec);
    EXPECT_EQ(static_cast<const CourseSpec&>(
                  engine_.get_course(system_, tenant_, key)),
              spec);
  }
  // A filter value that would match everything if it were a pattern.
  UserQuery wildcard;
  wildcard.attributes = {{"note", "%"}};
  EXPECT_TRUE(engine_.list_users(system_, tenant_, wildcard).users.empty());
}

INSTANTIATE_TEST_SUITE_P(Engine, BadInputTest,
                         ::testing::Values(EngineBackend::memory,
                                           EngineBackend::sqlite),
                         backend_name);

}  // namespace
}  // namespace lms::testing
