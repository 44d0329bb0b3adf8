// SPDX-License-Identifier: Apache-2.0
//
// Forwarding wrappers over a Storage: the base for fault injection and call
// counting (LevelDB's EnvWrapper). Override on_call() to observe or fail any
// storage call; every method forwards to the wrapped backend after it.
// Thread safety: as the wrapped storage's, provided on_call() is.

#pragma once

#include <memory>
#include <string_view>

#include "lms/storage.hpp"

namespace lms {

class LMS_API StorageWrapper : public Storage {
 public:
  // `target` must outlive the wrapper.
  explicit StorageWrapper(Storage& target) : target_(target) {}

  std::unique_ptr<Transaction> begin(TransactionMode mode) override;
  std::uint64_t capabilities() const override { return target_.capabilities(); }

  // Called before every call on a transaction of this storage, with the
  // method's name ("insert_user", "commit", ...) and whether it writes.
  // Throwing from here makes the call fail with that exception.
  // Default: does nothing.
  virtual void on_call(std::string_view method, bool writes);

 protected:
  Storage& target() { return target_; }

 private:
  Storage& target_;
};

}  // namespace lms
