#pragma once

// VITRINE_ASAN is defined when AddressSanitizer is compiled in (GCC or Clang): the imaging
// worker then limits its memory through ASan instead of RLIMIT_AS, which ASan's huge
// virtual reservations would trip at once.
#if defined(__SANITIZE_ADDRESS__)
#define VITRINE_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define VITRINE_ASAN 1
#endif
#endif
