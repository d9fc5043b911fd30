#ifndef CVECTOR_PHILOX_H
#define CVECTOR_PHILOX_H

#include <stddef.h>
#include <stdint.h>

/// Philox4x32-10 under the key (key0, key1) for the `count` counters
/// (first_word0 + i, word1, word2, word3), i = 0..<count: word k of block i goes to out[4 i + k].
/// `level` must be at most cvector_best_level().
void cvector_philox_blocks(int level, uint32_t first_word0, size_t count, uint32_t word1, uint32_t word2,
                           uint32_t word3, uint32_t key0, uint32_t key1, uint32_t *out);

#endif
