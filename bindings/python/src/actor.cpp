// SPDX-License-Identifier: Apache-2.0
//
// lms.Actor: who makes a call. lms.SYSTEM is the engine's own principal;
// lms.Actor.user(key) a user of the tenant addressed. Immutable values.

#include "lms/actor.hpp"

#include <pybind11/operators.h>
#include <pybind11/pybind11.h>

#include <functional>
#include <string>

#include "bindings.hpp"
#include "convert.hpp"
#include "lms/error.hpp"

namespace lms::python {

void init_actor(py::module_& m) {
  py::class_<Actor>(m, "Actor",
                    "Who makes a call: lms.SYSTEM or Actor.user(key).")
      .def_static(
          "user",
          [](const py::object& key) {
            // Through parse() so that "" is refused; a user key must not
            // name the system principal either.
            Actor actor = Actor::parse(utf8_from_python(key, "actor"));
            if (actor.is_system())
              throw Error(ErrorCode::invalid_argument,
                          "actor: a user key cannot name the system "
                          "principal, got " +
                              repr_of(actor.to_string()));
            return actor;
          },
          py::arg("key"),
          "The user with the host's key `key`, acting in the tenant a call "
          "addresses.")
      .def_property_readonly("is_system", &Actor::is_system,
                             "True for the system principal.")
      .def_property_readonly("user_key", &Actor::user_key,
                             "The user's key; '' for the system principal.")
      .def("__str__", &Actor::to_string, "'@system' or the user's key.")
      .def("__repr__",
           [](const Actor& actor) {
             return actor.is_system()
                        ? std::string("lms.SYSTEM")
                        : "lms.Actor.user(" + repr_of(actor.user_key()) + ")";
           })
      .def(py::self == py::self)
      .def("__hash__", [](const Actor& actor) {
        return std::hash<std::string>{}(actor.to_string());
      });
  m.attr("SYSTEM") = Actor::system();
}

}  // namespace lms::python
