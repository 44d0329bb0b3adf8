// SPDX-License-Identifier: Apache-2.0
//
// The context every service works in for one API call, and the one place
// that appends the call's events: the audit trail records who did what, to
// which record, when. Thread safety: a Call belongs to the thread running
// the API call, like its Transaction; the functions are otherwise pure.

#pragma once

#include <string_view>

#include "events/event_type.hpp"
#include "lms/actor.hpp"
#include "lms/json.hpp"
#include "lms/storage.hpp"
#include "lms/tenant.hpp"
#include "lms/time.hpp"

namespace lms {

class CallCache;

// One API call: its transaction, who makes it, the tenant it addresses (0
// for tenant-level calls) and the moment it happens, read once from the
// engine's clock so that a record's timestamps and its event agree.
struct Call {
  Transaction& tx;
  const Actor& actor;
  TenantId tenant;
  Timestamp now;
  // The engine's access cache as this call sees it, collecting what the
  // call changes (see rbac/access_cache.hpp); null decides uncached.
  CallCache* cache = nullptr;
};

// Appends an event of `call.tenant` through call.tx, noting its access
// effect in call.cache.
void append_event(const Call& call, EventType type, std::string_view subject,
                  Json payload);

// A record's JSON without created_at/updated_at: the payload of a
// "*.created" event, since the event carries its own time.
Json record_payload(Json record);

// {field: {"from": old, "to": new}} for every field whose value differs
// between two JSON forms of one record, timestamps left out.
Json field_changes(const Json& before, const Json& after);

}  // namespace lms
