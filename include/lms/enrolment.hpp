// SPDX-License-Identifier: Apache-2.0
//
// Enrolments: a user in a course, one record per cycle. The status moves
// through one state table (README.md, "Enrolment and progress"; enforced
// by the engine in one place); every past cycle is kept, so a user who
// never completed is always told apart from one whose completion expired.
// Plain value types; see engine.hpp for the calls.

#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lms/export.hpp"
#include "lms/time.hpp"

namespace lms {

// Persisted by name; never renumbered.
enum class EnrolmentStatus : std::int32_t {
  locked = 0,       // waiting for prerequisites to be completed
  enrolled = 1,     // may start; nothing recorded yet
  in_progress = 2,  // some progress recorded
  completed = 3,    // the course's completion rule holds
  failed = 4,       // every needed activity done, the score or a pass missed
  withdrawn = 5,    // taken out of the course
  expired = 6,      // the completion's validity ran out
};

// How the enrolment came about. Persisted by name; never renumbered.
enum class EnrolmentSource : std::int32_t {
  manual = 0,    // someone with enrolment.manage enrolled the user
  self = 1,      // the user enrolled themselves
  import = 2,    // a bulk import by the host
  audience = 3,  // an audience rule matched the user
  path = 4,      // enrolment in a learning path
};

LMS_API std::string_view to_string(EnrolmentStatus status);
LMS_API std::string_view to_string(EnrolmentSource source);
// Throw Error{invalid_argument} naming `field` for an unknown name.
LMS_API EnrolmentStatus parse_enrolment_status(std::string_view text,
                                               std::string_view field);
LMS_API EnrolmentSource parse_enrolment_source(std::string_view text,
                                               std::string_view field);

// locked, enrolled and in_progress: a user has at most one such enrolment
// per course.
LMS_API bool is_active(EnrolmentStatus status);

// A request to enrol `user_key` in `course_key`.
struct EnrolmentSpec {
  std::string user_key;
  std::string course_key;
  // nullopt: the course's default due period (none when it has none).
  // Must not be before the enrolment.
  std::optional<Timestamp> due_at;
  // manual or import; the engine sets the others.
  EnrolmentSource source = EnrolmentSource::manual;

  friend bool operator==(const EnrolmentSpec&, const EnrolmentSpec&) = default;
};

struct Enrolment {
  std::int64_t id = 0;  // assigned by the engine, unique per storage
  std::string user_key;
  std::string course_key;
  // 1 for the user's first enrolment in the course, +1 for each later one.
  std::int32_t cycle = 1;
  EnrolmentStatus status = EnrolmentStatus::enrolled;
  EnrolmentSource source = EnrolmentSource::manual;
  // The audience or learning path that enrolled the user; empty otherwise.
  std::string source_key;
  Timestamp enrolled_at{};
  std::optional<Timestamp> due_at;
  std::optional<Timestamp> completed_at;  // when completed (or failed)
  // When the completion stops being valid; nullopt: never, or not complete.
  std::optional<Timestamp> expires_at;
  // The course score (mean of the scored required activities) when
  // completed or failed.
  std::optional<double> score;
  Timestamp updated_at{};

  friend bool operator==(const Enrolment&, const Enrolment&) = default;
};

// Filters and keyset paging of list_enrolments, ordered by id.
struct EnrolmentQuery {
  std::optional<std::string> user_key;
  std::optional<std::string> course_key;
  std::optional<EnrolmentStatus> status;
  std::int64_t after = 0;   // Default: from the start. An id.
  std::size_t limit = 100;  // Default: 100. 1..limits::kPageSize.
};

struct EnrolmentPage {
  std::vector<Enrolment> enrolments;
  std::int64_t next_after = 0;  // 0 on the last page
};

// What a bulk enrolment did.
struct BulkEnrolResult {
  std::size_t enrolled = 0;  // new enrolments
  // Requests for a user already active in the course: left as they were.
  std::size_t already_enrolled = 0;

  friend bool operator==(const BulkEnrolResult&,
                         const BulkEnrolResult&) = default;
};

}  // namespace lms
