// SPDX-License-Identifier: Apache-2.0
//
// The Python object behind lms.Engine: a shared reference to an lms::Engine,
// whose calls run with the GIL released. Shared by the files that define
// lms.Engine's methods (engine.cpp, engine_access.cpp,
// engine_enrolment.cpp).
//
// Thread safety: an Engine may be used from many Python threads at once.
// close() only drops this object's reference; a call already running keeps
// the engine alive until it returns.

#pragma once

#include <pybind11/pybind11.h>

#include <memory>
#include <utility>

#include "lms/engine.hpp"

namespace lms::python {

namespace py = pybind11;

class EngineHandle {
 public:
  explicit EngineHandle(std::shared_ptr<Engine> engine)
      : engine_(std::move(engine)) {}

  // Returns call(engine), run with the GIL released. Raises ValueError when
  // the engine is closed.
  template <class Call>
  auto run(Call&& call) const {
    std::shared_ptr<Engine> engine = engine_;
    if (!engine) throw py::value_error("lms.Engine: the engine is closed");
    py::gil_scoped_release release;
    return std::forward<Call>(call)(*engine);
  }

  void close() {
    std::shared_ptr<Engine> engine = std::move(engine_);
    py::gil_scoped_release release;
    engine.reset();
  }

  bool closed() const { return !engine_; }

 private:
  std::shared_ptr<Engine> engine_;
};

// Adds the access-control methods (roles, assignments, overrides, check,
// explain, visible) to lms.Engine.
void init_engine_access(py::class_<EngineHandle>& engine);
// Adds the enrolment and progress methods (enrol, enrol_self, enrol_many,
// withdraw, get_enrolment, list_enrolments, record_progress, get_progress)
// to lms.Engine.
void init_engine_enrolment(py::class_<EngineHandle>& engine);

}  // namespace lms::python
