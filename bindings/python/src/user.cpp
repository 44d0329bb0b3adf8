// SPDX-License-Identifier: Apache-2.0
//
// lms.User (a person of a tenant) and lms.UserPage (one page of
// Engine.list_users). Read-only values; equal when every field is.

#include "lms/user.hpp"

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <string>

#include "bindings.hpp"
#include "convert.hpp"
#include "lms/json.hpp"

namespace lms::python {

void init_user(py::module_& m) {
  py::class_<User>(m, "User", "A user of a tenant, keyed by the host's id.")
      .def_readonly("key", &User::key, "The host's key, unique in the tenant.")
      .def_readonly("display_name", &User::display_name, "The name shown.")
      .def_readonly("email", &User::email, "The e-mail address; '' if none.")
      .def_readonly("org_unit", &User::org_unit,
                    "Key of the user's org unit; '' if none.")
      .def_readonly("manager_key", &User::manager_key,
                    "Key of the user's manager; '' if none.")
      .def_property_readonly(
          "hire_date",
          [](const User& u) -> py::object {
            return u.hire_date ? python_from_date(*u.hire_date) : py::none();
          },
          "The hire date, a datetime.date, or None.")
      .def_property_readonly(
          "attributes",
          [](const User& u) { return python_from_json(u.attributes); },
          "The HR attributes: a new dict of str to str, int, float or bool.")
      .def_property_readonly(
          "status",
          [](const User& u) { return std::string(to_string(u.status)); },
          "'active', 'suspended' or 'deprovisioned'.")
      .def_property_readonly(
          "created_at",
          [](const User& u) { return python_from_timestamp(u.created_at); },
          "When it was created, a timezone-aware UTC datetime.")
      .def_property_readonly(
          "updated_at",
          [](const User& u) { return python_from_timestamp(u.updated_at); },
          "When it last changed, a timezone-aware UTC datetime.")
      .def(
          "__eq__",
          [](const User& a, const User& b) { return to_json(a) == to_json(b); },
          py::is_operator())
      .def("__repr__", [](const User& u) {
        return "lms.User(key=" + repr_of(u.key) +
               ", display_name=" + repr_of(u.display_name) +
               ", status=" + repr_of(to_string(u.status)) + ")";
      });

  py::class_<UserPage>(m, "UserPage", "One page of Engine.list_users.")
      .def_readonly("users", &UserPage::users, "The users, by key.")
      .def_readonly("next_after", &UserPage::next_after,
                    "Pass as after= for the next page; '' on the last page.")
      .def("__repr__", [](const UserPage& p) {
        return "lms.UserPage(<" + std::to_string(p.users.size()) +
               " users>, next_after=" + repr_of(p.next_after) + ")";
      });
}

}  // namespace lms::python
