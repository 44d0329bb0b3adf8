# SPDX-License-Identifier: Apache-2.0
# Every dependency comes from Debian's packages (./dev installs them).
find_package(SQLite3 REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(fmt REQUIRED)
find_package(Threads REQUIRED)
