// SPDX-License-Identifier: Apache-2.0
//
// The native module `_lms`, private to the `lms` package: wires the wrapped
// classes together and holds nothing of its own. The classes are defined in
// dependency order (the engine's signatures name the value types).

#include "bindings.hpp"

PYBIND11_MODULE(_lms, m) {
  m.doc() = "Native part of the lms package; import lms instead.";
  lms::python::init_errors(m);
  lms::python::init_actor(m);
  lms::python::init_clock(m);
  lms::python::init_tenant(m);
  lms::python::init_user(m);
  lms::python::init_org_unit(m);
  lms::python::init_course(m);
  lms::python::init_enrolment(m);
  lms::python::init_progress(m);
  lms::python::init_event(m);
  lms::python::init_sync_result(m);
  lms::python::init_scope(m);
  lms::python::init_role(m);
  lms::python::init_assignment(m);
  lms::python::init_override(m);
  lms::python::init_decision(m);
  lms::python::init_engine(m);
}
