// SPDX-License-Identifier: Apache-2.0
//
// The documented size limits of the API's inputs. Every limit is checked
// before anything is written and reported as Error{invalid_argument} (for a
// field) or Error{limit_exceeded} (for a count), naming the field.

#pragma once

#include <cstddef>

namespace lms::limits {

// Keys of tenants, users, org units, courses and activities: 1..128 bytes of
// UTF-8 without control characters, not starting with '@'.
inline constexpr std::size_t kKeyBytes = 128;
// Names and titles: 1..256 bytes.
inline constexpr std::size_t kNameBytes = 256;
// E-mail addresses: 0..254 bytes.
inline constexpr std::size_t kEmailBytes = 254;
// Course descriptions: 0..65536 bytes.
inline constexpr std::size_t kDescriptionBytes = 65536;
// User attributes: at most 64 names of 1..64 bytes ([A-Za-z_][A-Za-z0-9_]*),
// string values of at most 1024 bytes.
inline constexpr std::size_t kAttributeCount = 64;
inline constexpr std::size_t kAttributeNameBytes = 64;
inline constexpr std::size_t kAttributeValueBytes = 1024;
// Activities per course and prerequisites per course.
inline constexpr std::size_t kActivitiesPerCourse = 500;
inline constexpr std::size_t kPrerequisitesPerCourse = 50;
// Org-unit tree depth.
inline constexpr std::size_t kOrgUnitDepth = 32;
// Records in one sync batch; bytes of one sync document (CSV or JSON Lines).
inline constexpr std::size_t kSyncBatchRecords = 1'000'000;
inline constexpr std::size_t kSyncDocumentBytes = 512u * 1024u * 1024u;
// Page size of list calls and of events_after.
inline constexpr std::size_t kPageSize = 1000;
// Recertification and due periods, in days.
inline constexpr int kMaxPeriodDays = 36500;
// Requests in one bulk enrolment.
inline constexpr std::size_t kBulkEnrolments = 1'000'000;
// Time spent reported in one progress update: at most a day.
inline constexpr long long kMaxTimeSpentMs = 24LL * 60 * 60 * 1000;

}  // namespace lms::limits
