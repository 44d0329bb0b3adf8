// SPDX-License-Identifier: Apache-2.0
//
// The pieces of the native module `_lms`: one init_* function per wrapped
// class, each defined in its own file; module.cpp only calls them in order.
// Called once, at import, with the GIL held.

#pragma once

#include <pybind11/pybind11.h>

namespace lms::python {

namespace py = pybind11;

void init_errors(py::module_& m);
void init_actor(py::module_& m);
void init_clock(py::module_& m);
void init_tenant(py::module_& m);
void init_user(py::module_& m);
void init_org_unit(py::module_& m);
void init_course(py::module_& m);
void init_enrolment(py::module_& m);
void init_progress(py::module_& m);
void init_event(py::module_& m);
void init_sync_result(py::module_& m);
void init_scope(py::module_& m);
void init_role(py::module_& m);
void init_assignment(py::module_& m);
void init_override(py::module_& m);
void init_decision(py::module_& m);
void init_engine(py::module_& m);

}  // namespace lms::python
