// SPDX-License-Identifier: Apache-2.0
//
// lms.SyncResult: the diff an HR sync applied (or, in a dry run, would
// apply). A read-only value; equal when every count is.

#include <pybind11/pybind11.h>

#include <string>

#include "bindings.hpp"
#include "lms/user_sync.hpp"

namespace lms::python {

void init_sync_result(py::module_& m) {
  py::class_<SyncResult>(m, "SyncResult", "What Engine.sync_users did.")
      .def_readonly("created", &SyncResult::created, "Users created.")
      .def_readonly("updated", &SyncResult::updated, "Users changed.")
      .def_readonly("unchanged", &SyncResult::unchanged,
                    "Users of the batch already up to date.")
      .def_readonly("suspended", &SyncResult::suspended,
                    "Users suspended by the missing policy.")
      .def_readonly("deprovisioned", &SyncResult::deprovisioned,
                    "Users deprovisioned by the missing policy.")
      .def(
          "__eq__",
          [](const SyncResult& a, const SyncResult& b) { return a == b; },
          py::is_operator())
      .def("__repr__", [](const SyncResult& r) {
        return "lms.SyncResult(created=" + std::to_string(r.created) +
               ", updated=" + std::to_string(r.updated) +
               ", unchanged=" + std::to_string(r.unchanged) +
               ", suspended=" + std::to_string(r.suspended) +
               ", deprovisioned=" + std::to_string(r.deprovisioned) + ")";
      });
}

}  // namespace lms::python
