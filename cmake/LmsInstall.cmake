# SPDX-License-Identifier: Apache-2.0
# Install rules: the library, its headers, an exported lmsConfig.cmake
# (find_package(lms) works, SameMajorVersion) and a pkg-config file.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(TARGETS lms EXPORT lmsTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY include/lms DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT lmsTargets NAMESPACE lms::
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/lms)
configure_package_config_file(cmake/lmsConfig.cmake.in
  ${PROJECT_BINARY_DIR}/lmsConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/lms)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/lmsConfigVersion.cmake
  COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/lmsConfig.cmake
              ${PROJECT_BINARY_DIR}/lmsConfigVersion.cmake
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/lms)
configure_file(cmake/lms.pc.in ${PROJECT_BINARY_DIR}/lms.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/lms.pc
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
