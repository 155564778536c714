// The header compiles as C++17 with every warning an error, and its types are usable from C++.
#include "gasdev.h"

#include <cstddef>
#include <type_traits>

static_assert(GASDEV_RESULT_OK == 0, "OK is 0");
static_assert(std::is_standard_layout<gasdev_frame>::value, "plain C struct");
static_assert(std::is_trivially_copyable<gasdev_ident>::value, "plain C struct");
static_assert(sizeof(gasdev_result) == 4, "gasdev_result is 32 bits");

int gasdev_header_cxx_probe();
int gasdev_header_cxx_probe() {
    gasdev_frame f{};
    f.message_type = GASDEV_MESSAGE_TYPE_STATUS;
    gasdev_result (*fn)(const uint8_t *, size_t, gasdev_frame *, size_t *) = gasdev_frame_decode;
    return fn != nullptr ? static_cast<int>(f.message_type) : 0;
}
