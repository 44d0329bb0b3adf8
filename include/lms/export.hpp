// SPDX-License-Identifier: Apache-2.0
//
// LMS_API marks the symbols the shared library exports; everything else is
// hidden. lms.h defines the same macro under the same guard so that the C
// header stays free of C++ includes.

#pragma once

#ifndef LMS_API
#if defined(_WIN32)
#define LMS_API
#else
#define LMS_API __attribute__((visibility("default")))
#endif
#endif
