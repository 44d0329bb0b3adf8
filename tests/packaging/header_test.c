/* SPDX-License-Identifier: Apache-2.0 */
/* lms.h must stand alone as C11. */
#include "lms/lms.h"

int lms_header_test_c(void) { return LMS_OK + (int)sizeof(lms_status); }
