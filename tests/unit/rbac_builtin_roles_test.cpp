// SPDX-License-Identifier: Apache-2.0
//
// Tests of the built-in roles (src/rbac/builtin_roles.cpp) and of README.md's
// permission table, which must say what builtin_roles() says: the table is
// the documentation users read, the code is what the engine enforces.

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "rbac/resolve.hpp"

namespace lms::rbac {
namespace {

TEST(RbacBuiltinRolesTest, AreTheSixRolesOfAccessHppInOrder) {
  std::vector<std::string> keys;
  for (const auto& role : builtin_roles()) keys.push_back(role.key);
  EXPECT_EQ(keys, (std::vector<std::string>{
                      std::string{kRoleTenantAdmin}, std::string{kRoleAuthor},
                      std::string{kRoleInstructor}, std::string{kRoleManager},
                      std::string{kRoleLearner}, std::string{kRoleAuditor}}));
  EXPECT_EQ(builtin_roles()[0].name, "Tenant administrator");
}

TEST(RbacBuiltinRolesTest, OnlyAllow) {
  for (const auto& role : builtin_roles()) {
    EXPECT_FALSE(role.name.empty()) << role.key;
    for (const auto& [permission, value] : role.permissions) {
      EXPECT_EQ(value, PermissionValue::allow)
          << role.key << " " << to_string(permission);
    }
  }
}

TEST(RbacBuiltinRolesTest, TenantAdminHoldsEverythingButTenantManage) {
  const RoleSpec& admin = builtin_roles()[0];
  EXPECT_EQ(admin.permissions.size(), kPermissionCount - 1);
  EXPECT_FALSE(admin.permissions.contains(Permission::tenant_manage));
}

TEST(RbacBuiltinRolesTest, NoneHoldsTenantManage) {
  for (const auto& role : builtin_roles()) {
    EXPECT_FALSE(role.permissions.contains(Permission::tenant_manage))
        << role.key;
  }
}

TEST(RbacBuiltinRolesTest, LearnersTakeAttemptsAndInstructorsGradeThem) {
  const auto holds = [](std::string_view key, Permission p) {
    for (const auto& role : builtin_roles()) {
      if (role.key == key) return role.permissions.contains(p);
    }
    ADD_FAILURE() << "no role " << key;
    return false;
  };
  EXPECT_TRUE(holds(kRoleLearner, Permission::attempt_take));
  EXPECT_FALSE(holds(kRoleLearner, Permission::attempt_grade));
  EXPECT_TRUE(holds(kRoleInstructor, Permission::attempt_grade));
  EXPECT_FALSE(holds(kRoleInstructor, Permission::attempt_take));
  EXPECT_TRUE(holds(kRoleAuditor, Permission::audit_view));
  EXPECT_FALSE(holds(kRoleManager, Permission::audit_view));
}

TEST(RbacBuiltinRolesTest, IsBuiltinRoleKnowsExactlyTheBuiltinKeys) {
  for (const auto& role : builtin_roles()) {
    EXPECT_TRUE(is_builtin_role(role.key)) << role.key;
  }
  EXPECT_FALSE(is_builtin_role(""));
  EXPECT_FALSE(is_builtin_role("Tenant_admin"));
  EXPECT_FALSE(is_builtin_role("team_lead"));
}

std::string Trim(std::string_view s) {
  const auto first = s.find_first_not_of(' ');
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(' ');
  return std::string{s.substr(first, last - first + 1)};
}

// The cells of a Markdown table row "| a | b | c |".
std::vector<std::string> Cells(std::string_view row) {
  std::vector<std::string> cells;
  row.remove_prefix(1);
  while (!row.empty()) {
    const auto bar = row.find('|');
    cells.push_back(Trim(row.substr(0, bar)));
    row.remove_prefix(bar == std::string_view::npos ? row.size() : bar + 1);
  }
  return cells;
}

// The roles cell the table must have for `permission`: the built-in keys
// that hold it, in builtin_roles() order, or a dash when none does.
std::string ExpectedRolesCell(Permission permission) {
  std::string cell;
  for (const auto& role : builtin_roles()) {
    if (!role.permissions.contains(permission)) continue;
    if (!cell.empty()) cell += ", ";
    cell += "`" + role.key + "`";
  }
  return cell.empty() ? "—" : cell;
}

TEST(RbacBuiltinRolesTest, ReadmePermissionTableMatchesBuiltinRoles) {
  const std::string path = std::string{LMS_SOURCE_DIR} + "/README.md";
  std::ifstream in(path);
  ASSERT_TRUE(in) << "cannot read " << path;
  std::stringstream text;
  text << in.rdbuf();
  const std::string readme = text.str();
  constexpr std::string_view kBegin = "<!-- permission-table -->";
  constexpr std::string_view kEnd = "<!-- /permission-table -->";
  const auto begin = readme.find(kBegin);
  const auto end = readme.find(kEnd);
  if (begin == std::string::npos || end == std::string::npos) {
    GTEST_SKIP() << path << " has no permission table markers";
  }
  ASSERT_LT(begin, end);

  // Rows after the header and its separator, in catalogue order.
  std::istringstream table(
      readme.substr(begin + kBegin.size(), end - begin - kBegin.size()));
  std::vector<std::vector<std::string>> rows;
  for (std::string line; std::getline(table, line);) {
    if (line.starts_with("|")) rows.push_back(Cells(line));
  }
  ASSERT_EQ(rows.size(), kPermissionCount + 2)
      << "the table needs a header, a separator and one row per permission";
  EXPECT_EQ(rows[0], (std::vector<std::string>{"permission", "what it guards",
                                               "built-in roles"}));
  for (std::size_t i = 0; i < kPermissionCount; ++i) {
    const Permission p = all_permissions()[i];
    const auto& row = rows[i + 2];
    ASSERT_EQ(row.size(), 3u) << "row of " << to_string(p);
    EXPECT_EQ(row[0], "`" + std::string{to_string(p)} + "`");
    EXPECT_FALSE(row[1].empty()) << "row of " << to_string(p);
    EXPECT_EQ(row[2], ExpectedRolesCell(p)) << "row of " << to_string(p);
  }
}

}  // namespace
}  // namespace lms::rbac
