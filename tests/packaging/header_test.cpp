// SPDX-License-Identifier: Apache-2.0
// lms.h must stand alone as C++.
#include "lms/lms.h"

int lms_header_test_cxx() {
  return LMS_OK + static_cast<int>(sizeof(lms_status));
}
