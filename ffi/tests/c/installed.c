/* A program built against an installed libgasdev (make -C ffi install-check): found through
 * pkg-config, linked shared and static, run. */
#include <gasdev.h>
#include <stdio.h>
#include <string.h>

int main(void) {
    static const char id[] = "88.111.1/GT-A100-000001";
    gasdev_ident ident;
    gasdev_result rc = gasdev_ident_parse((const uint8_t *)id, strlen(id), GASDEV_SCHEME_DETECT,
                                          GASDEV_IDENT_REQUIRE_ITEM, &ident, NULL);
    printf("libgasdev %s: %s is %s\n", gasdev_version(), id, gasdev_result_name(rc));
    return rc != GASDEV_RESULT_OK || strcmp(gasdev_version(), GASDEV_VERSION_STRING) != 0;
}
