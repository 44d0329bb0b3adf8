// SPDX-License-Identifier: Apache-2.0
//
// The types of the events the engine appends, each declared with what it
// means for cached access decisions (rbac/access_cache.hpp). A change and
// its event commit together, so the events of a committed call say exactly
// which cached decisions it may have changed; declaring the effect beside
// the name makes every new kind of change say whether it can change one.
// Consumers match on the names; never rename one.

#pragma once

#include <string_view>

namespace lms {

enum class AccessEffect {
  // No decision depends on it (courses, tenants, progress...).
  none,
  // Users -- their status, org unit and manager -- or the org tree: every
  // decision in the tenant may change.
  directory,
  // Role definitions or overrides: every decision in the tenant may change.
  policy,
  // The assignments of the event's subject (a user key): that user's
  // decisions may change.
  assignments,
};

struct EventType {
  std::string_view name;
  AccessEffect effect;
};

inline constexpr EventType kTenantCreated{"tenant.created", AccessEffect::none};
inline constexpr EventType kUserCreated{"user.created",
                                        AccessEffect::directory};
inline constexpr EventType kUserUpdated{"user.updated",
                                        AccessEffect::directory};
inline constexpr EventType kOrgUnitCreated{"orgunit.created",
                                           AccessEffect::directory};
inline constexpr EventType kOrgUnitMoved{"orgunit.moved",
                                         AccessEffect::directory};
inline constexpr EventType kCourseCreated{"course.created", AccessEffect::none};
inline constexpr EventType kCourseUpdated{"course.updated", AccessEffect::none};
inline constexpr EventType kCoursePublished{"course.published",
                                            AccessEffect::none};
inline constexpr EventType kCourseArchived{"course.archived",
                                           AccessEffect::none};
inline constexpr EventType kRoleCreated{"role.created", AccessEffect::policy};
inline constexpr EventType kRoleUpdated{"role.updated", AccessEffect::policy};
inline constexpr EventType kRoleAssigned{"role.assigned",
                                         AccessEffect::assignments};
inline constexpr EventType kRoleUnassigned{"role.unassigned",
                                           AccessEffect::assignments};
inline constexpr EventType kOverrideSet{"override.set", AccessEffect::policy};
inline constexpr EventType kOverrideCleared{"override.cleared",
                                            AccessEffect::policy};

inline constexpr EventType kEnrolmentCreated{"enrolment.created",
                                             AccessEffect::none};
inline constexpr EventType kEnrolmentUnlocked{"enrolment.unlocked",
                                              AccessEffect::none};
inline constexpr EventType kEnrolmentStarted{"enrolment.started",
                                             AccessEffect::none};
inline constexpr EventType kEnrolmentCompleted{"enrolment.completed",
                                               AccessEffect::none};
inline constexpr EventType kEnrolmentFailed{"enrolment.failed",
                                            AccessEffect::none};
inline constexpr EventType kEnrolmentWithdrawn{"enrolment.withdrawn",
                                               AccessEffect::none};
inline constexpr EventType kProgressRecorded{"progress.recorded",
                                             AccessEffect::none};

}  // namespace lms
