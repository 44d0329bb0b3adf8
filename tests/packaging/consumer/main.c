/* SPDX-License-Identifier: Apache-2.0 */
/* Opens an in-memory engine through the installed library. */
#include <lms/lms.h>
#include <stdio.h>
#include <string.h>

int main(void) {
  lms_engine* engine = NULL;
  char* tenant = NULL;
  if (lms_engine_open(NULL, "{\"backend\": \"memory\"}", &engine) != LMS_OK)
    return 1;
  if (lms_tenant_create(engine, LMS_ACTOR_SYSTEM,
                        "{\"key\": \"acme\", \"name\": \"Acme\"}",
                        &tenant) != LMS_OK)
    return 2;
  int ok = strstr(tenant, "\"acme\"") != NULL &&
           strcmp(lms_version(), LMS_VERSION_STRING) == 0;
  printf("consumer: %s %s\n", lms_version(), ok ? "ok" : "FAILED");
  lms_free(tenant);
  lms_engine_destroy(engine);
  return ok ? 0 : 3;
}
