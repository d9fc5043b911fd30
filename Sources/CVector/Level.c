#include "Level.h"

int cvector_best_level(void) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
        __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512dq"))
        return CVECTOR_AVX512;
    if (__builtin_cpu_supports("avx2")) return CVECTOR_AVX2;
#endif
    return CVECTOR_SCALAR;
}
