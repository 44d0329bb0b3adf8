# SPDX-License-Identifier: Apache-2.0
# Warning and sanitizer settings, applied per target through
# lms_target_defaults() -- never as global flags.

set(CMAKE_CXX_STANDARD 20)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
set(CMAKE_CXX_EXTENSIONS OFF)
set(CMAKE_C_STANDARD 11)
set(CMAKE_C_STANDARD_REQUIRED ON)
set(CMAKE_C_EXTENSIONS OFF)
set(CMAKE_POSITION_INDEPENDENT_CODE ON)
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)

add_library(lms_warnings INTERFACE)
target_compile_options(lms_warnings INTERFACE
  -Wall -Wextra -Wpedantic
  $<$<COMPILE_LANGUAGE:CXX>:-Wnon-virtual-dtor -Woverloaded-virtual>
  $<$<BOOL:${LMS_WERROR}>:-Werror>)

add_library(lms_sanitizers INTERFACE)
if(LMS_SANITIZE)
  target_compile_options(lms_sanitizers INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=all
    -fno-omit-frame-pointer)
  target_link_options(lms_sanitizers INTERFACE -fsanitize=address,undefined)
endif()

# Warnings and sanitizers for a target of this project.
function(lms_target_defaults target)
  target_link_libraries(${target} PRIVATE
    $<BUILD_INTERFACE:lms_warnings> $<BUILD_INTERFACE:lms_sanitizers>)
endfunction()
