#ifndef CPHILOX_H
#define CPHILOX_H

#include <stddef.h>
#include <stdint.h>

/// Instruction sets a batch of Philox blocks can be computed with; every level gives the same
/// words.
enum {
    CPHILOX_SCALAR = 0,
    CPHILOX_AVX2 = 1,
    CPHILOX_AVX512 = 2,
};

/// The fastest level this CPU and operating system support.
int cphilox_best_level(void);

/// Philox4x32-10 under the key (key0, key1) for the `count` counters
/// (first_word0 + i, word1, word2, word3), i = 0..<count: word k of block i goes to out[4 i + k].
/// `level` must be at most cphilox_best_level().
void cphilox_blocks(int level, uint32_t first_word0, size_t count, uint32_t word1, uint32_t word2,
                    uint32_t word3, uint32_t key0, uint32_t key1, uint32_t *out);

#endif
