// SPDX-License-Identifier: Apache-2.0
//
// HR sync: applies a batch of user records to a tenant as a diff, through
// the directory service's writes so that a synced change reads in the event
// log like any other. Memory stays bounded by the batch: existing users are
// read a chunk of keys at a time, never all at once. Stateless; thread-safe.

#pragma once

#include <span>

#include "directory/directory_service.hpp"
#include "events/event_log.hpp"
#include "lms/user.hpp"
#include "lms/user_sync.hpp"

namespace lms {

// Checks the whole batch first -- every record valid, no key twice, every
// org unit existing -- naming the record at fault by position and key, then
// creates, updates and (in full mode) applies the missing policy. With
// options.dry_run it only counts. REQUIRES: call.tx is a write transaction
// unless options.dry_run; the caller has authorized the call.
SyncResult sync_users(const Call& call, DirectoryService& directory,
                      std::span<const UserRecord> batch,
                      const SyncOptions& options);

}  // namespace lms
