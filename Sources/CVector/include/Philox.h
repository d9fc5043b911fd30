#ifndef CVECTOR_PHILOX_H
#define CVECTOR_PHILOX_H

#include <stddef.h>
#include <stdint.h>

/// Philox4x32-10 under the key (key0, key1) for the `count` counters
/// (first_word0 + i, word1, word2, word3), i = 0..<count: word k of block i goes to out[4 i + k].
/// One counter at a time, on any CPU.
void cvector_philox_blocks_scalar(uint32_t first_word0, size_t count, uint32_t word1, uint32_t word2,
                                  uint32_t word3, uint32_t key0, uint32_t key1, uint32_t *out);

#if defined(__x86_64__)
/// cvector_philox_blocks_scalar, 8 counters per vector. Needs CVECTOR_AVX2.
void cvector_philox_blocks_avx2(uint32_t first_word0, size_t count, uint32_t word1, uint32_t word2,
                                uint32_t word3, uint32_t key0, uint32_t key1, uint32_t *out);

/// cvector_philox_blocks_scalar, 16 counters per vector. Needs CVECTOR_AVX512.
void cvector_philox_blocks_avx512(uint32_t first_word0, size_t count, uint32_t word1, uint32_t word2,
                                  uint32_t word3, uint32_t key0, uint32_t key1, uint32_t *out);
#endif

#endif
