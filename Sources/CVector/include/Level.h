#ifndef CVECTOR_LEVEL_H
#define CVECTOR_LEVEL_H

/// Instruction sets the kernels can run with.
enum {
    CVECTOR_SCALAR = 0,
    CVECTOR_AVX2 = 1,
    CVECTOR_AVX512 = 2,
};

/// The widest level this CPU and operating system support (CVECTOR_AVX512 needs AVX-512 F, BW,
/// VL and DQ).
int cvector_best_level(void);

#endif
