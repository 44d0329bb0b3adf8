// SPDX-License-Identifier: Apache-2.0
//
// Appending events and shaping their payloads (see event_log.hpp).

#include "events/event_log.hpp"

#include <string>
#include <utility>

#include "lms/event.hpp"
#include "rbac/access_cache.hpp"

namespace lms {

void append_event(const Call& call, EventType type, std::string_view subject,
                  Json payload) {
  Event event;
  event.tenant_id = call.tenant;
  event.time = call.now;
  event.actor = call.actor.to_string();
  event.type = std::string{type.name};
  event.subject = std::string{subject};
  event.payload = std::move(payload);
  call.tx.events().append_event(event);
  if (call.cache) call.cache->note(call.tenant, type.effect, subject);
}

Json record_payload(Json record) {
  record.erase("created_at");
  record.erase("updated_at");
  return record;
}

Json field_changes(const Json& before, const Json& after) {
  const Json old_fields = record_payload(before);
  const Json new_fields = record_payload(after);
  Json changes = Json::object();
  // A field may be absent from one form when it is empty (e.g. no hire
  // date); absence reads as null.
  const auto value_in = [](const Json& fields, const std::string& name) {
    const auto it = fields.find(name);
    return it == fields.end() ? Json{} : *it;
  };
  for (const Json* side : {&old_fields, &new_fields}) {
    for (const auto& item : side->items()) {
      const std::string& name = item.key();
      Json from = value_in(old_fields, name);
      Json to = value_in(new_fields, name);
      if (from != to)
        changes[name] = Json{{"from", std::move(from)}, {"to", std::move(to)}};
    }
  }
  return changes;
}

}  // namespace lms
