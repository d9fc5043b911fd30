// Philox4x32-10 (Salmon et al. 2011) for many counters at once, one counter per vector lane.
//
// Each round multiplies two words of every counter by a constant into 64-bit products. The
// vector multiply (vpmuludq) takes the even 32-bit lanes only, so the odd lanes are shifted down
// and multiplied separately, and the high and low halves are blended back into 32-bit lanes.
// The blocks are then transposed so each counter's four words are adjacent, as the scalar
// generator would leave them.

#include "Philox.h"
#include "Constants.h"

#if defined(__x86_64__)
#include <immintrin.h>
#endif

void cvector_philox_blocks_scalar(uint32_t first, size_t count, uint32_t w1, uint32_t w2, uint32_t w3, uint32_t key0,
                                  uint32_t key1, uint32_t *out) {
    for (size_t i = 0; i < count; i++) {
        uint32_t x0 = first + (uint32_t)i, x1 = w1, x2 = w2, x3 = w3;
        uint32_t k0 = key0, k1 = key1;
        for (int round = 0; round < 10; round++) {
            uint64_t p0 = (uint64_t)CVECTOR_PHILOX_M0 * x0;
            uint64_t p1 = (uint64_t)CVECTOR_PHILOX_M1 * x2;
            x0 = (uint32_t)(p1 >> 32) ^ x1 ^ k0;
            x1 = (uint32_t)p1;
            x2 = (uint32_t)(p0 >> 32) ^ x3 ^ k1;
            x3 = (uint32_t)p0;
            k0 += CVECTOR_PHILOX_W0;
            k1 += CVECTOR_PHILOX_W1;
        }
        out[4 * i] = x0;
        out[4 * i + 1] = x1;
        out[4 * i + 2] = x2;
        out[4 * i + 3] = x3;
    }
}

#if defined(__x86_64__)

__attribute__((target("avx2"))) void cvector_philox_blocks_avx2(uint32_t first, size_t count, uint32_t w1, uint32_t w2,
                                                                uint32_t w3, uint32_t key0, uint32_t key1, uint32_t *out) {
    const __m256i m0 = _mm256_set1_epi32((int)CVECTOR_PHILOX_M0), m1 = _mm256_set1_epi32((int)CVECTOR_PHILOX_M1);
    const __m256i lanes = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
    __m256i keys0[10], keys1[10];
    for (int round = 0; round < 10; round++) {
        keys0[round] = _mm256_set1_epi32((int)(key0 + (uint32_t)round * CVECTOR_PHILOX_W0));
        keys1[round] = _mm256_set1_epi32((int)(key1 + (uint32_t)round * CVECTOR_PHILOX_W1));
    }
    size_t i = 0;
    for (; i + 8 <= count; i += 8) {
        __m256i x0 = _mm256_add_epi32(_mm256_set1_epi32((int)(first + (uint32_t)i)), lanes);
        __m256i x1 = _mm256_set1_epi32((int)w1), x2 = _mm256_set1_epi32((int)w2), x3 = _mm256_set1_epi32((int)w3);
#pragma clang loop unroll(full)
        for (int round = 0; round < 10; round++) {
            __m256i even0 = _mm256_mul_epu32(x0, m0), odd0 = _mm256_mul_epu32(_mm256_srli_epi64(x0, 32), m0);
            __m256i even1 = _mm256_mul_epu32(x2, m1), odd1 = _mm256_mul_epu32(_mm256_srli_epi64(x2, 32), m1);
            __m256i high0 = _mm256_blend_epi32(_mm256_srli_epi64(even0, 32), odd0, 0xAA);
            __m256i low0 = _mm256_blend_epi32(even0, _mm256_slli_epi64(odd0, 32), 0xAA);
            __m256i high1 = _mm256_blend_epi32(_mm256_srli_epi64(even1, 32), odd1, 0xAA);
            __m256i low1 = _mm256_blend_epi32(even1, _mm256_slli_epi64(odd1, 32), 0xAA);
            x0 = _mm256_xor_si256(_mm256_xor_si256(high1, x1), keys0[round]);
            x1 = low1;
            x2 = _mm256_xor_si256(_mm256_xor_si256(high0, x3), keys1[round]);
            x3 = low0;
        }
        // Within each 128-bit half, u_m holds the block of counter 4 h + m; then halves are paired.
        __m256i t0 = _mm256_unpacklo_epi32(x0, x1), t1 = _mm256_unpackhi_epi32(x0, x1);
        __m256i t2 = _mm256_unpacklo_epi32(x2, x3), t3 = _mm256_unpackhi_epi32(x2, x3);
        __m256i u0 = _mm256_unpacklo_epi64(t0, t2), u1 = _mm256_unpackhi_epi64(t0, t2);
        __m256i u2 = _mm256_unpacklo_epi64(t1, t3), u3 = _mm256_unpackhi_epi64(t1, t3);
        __m256i *target = (__m256i *)(out + 4 * i);
        _mm256_storeu_si256(target, _mm256_permute2x128_si256(u0, u1, 0x20));
        _mm256_storeu_si256(target + 1, _mm256_permute2x128_si256(u2, u3, 0x20));
        _mm256_storeu_si256(target + 2, _mm256_permute2x128_si256(u0, u1, 0x31));
        _mm256_storeu_si256(target + 3, _mm256_permute2x128_si256(u2, u3, 0x31));
    }
    cvector_philox_blocks_scalar(first + (uint32_t)i, count - i, w1, w2, w3, key0, key1, out + 4 * i);
}

__attribute__((target("avx512f"))) void cvector_philox_blocks_avx512(uint32_t first, size_t count, uint32_t w1,
                                                                     uint32_t w2, uint32_t w3, uint32_t key0,
                                                                     uint32_t key1, uint32_t *out) {
    const __m512i m0 = _mm512_set1_epi32((int)CVECTOR_PHILOX_M0), m1 = _mm512_set1_epi32((int)CVECTOR_PHILOX_M1);
    const __m512i lanes = _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    const __mmask16 odd = 0xAAAA;
    __m512i keys0[10], keys1[10];
    for (int round = 0; round < 10; round++) {
        keys0[round] = _mm512_set1_epi32((int)(key0 + (uint32_t)round * CVECTOR_PHILOX_W0));
        keys1[round] = _mm512_set1_epi32((int)(key1 + (uint32_t)round * CVECTOR_PHILOX_W1));
    }
    size_t i = 0;
    for (; i + 16 <= count; i += 16) {
        __m512i x0 = _mm512_add_epi32(_mm512_set1_epi32((int)(first + (uint32_t)i)), lanes);
        __m512i x1 = _mm512_set1_epi32((int)w1), x2 = _mm512_set1_epi32((int)w2), x3 = _mm512_set1_epi32((int)w3);
#pragma clang loop unroll(full)
        for (int round = 0; round < 10; round++) {
            __m512i even0 = _mm512_mul_epu32(x0, m0), odd0 = _mm512_mul_epu32(_mm512_srli_epi64(x0, 32), m0);
            __m512i even1 = _mm512_mul_epu32(x2, m1), odd1 = _mm512_mul_epu32(_mm512_srli_epi64(x2, 32), m1);
            __m512i high0 = _mm512_mask_blend_epi32(odd, _mm512_srli_epi64(even0, 32), odd0);
            __m512i low0 = _mm512_mask_blend_epi32(odd, even0, _mm512_slli_epi64(odd0, 32));
            __m512i high1 = _mm512_mask_blend_epi32(odd, _mm512_srli_epi64(even1, 32), odd1);
            __m512i low1 = _mm512_mask_blend_epi32(odd, even1, _mm512_slli_epi64(odd1, 32));
            // 0x96 is the truth table of a ^ b ^ c.
            x0 = _mm512_ternarylogic_epi32(high1, x1, keys0[round], 0x96);
            x1 = low1;
            x2 = _mm512_ternarylogic_epi32(high0, x3, keys1[round], 0x96);
            x3 = low0;
        }
        // Within each 128-bit quarter q, u_m holds the block of counter 4 q + m; then the quarters
        // are transposed.
        __m512i t0 = _mm512_unpacklo_epi32(x0, x1), t1 = _mm512_unpackhi_epi32(x0, x1);
        __m512i t2 = _mm512_unpacklo_epi32(x2, x3), t3 = _mm512_unpackhi_epi32(x2, x3);
        __m512i u0 = _mm512_unpacklo_epi64(t0, t2), u1 = _mm512_unpackhi_epi64(t0, t2);
        __m512i u2 = _mm512_unpacklo_epi64(t1, t3), u3 = _mm512_unpackhi_epi64(t1, t3);
        __m512i a = _mm512_shuffle_i32x4(u0, u1, 0x44), b = _mm512_shuffle_i32x4(u0, u1, 0xEE);
        __m512i c = _mm512_shuffle_i32x4(u2, u3, 0x44), d = _mm512_shuffle_i32x4(u2, u3, 0xEE);
        _mm512_storeu_si512(out + 4 * i, _mm512_shuffle_i32x4(a, c, 0x88));
        _mm512_storeu_si512(out + 4 * i + 16, _mm512_shuffle_i32x4(a, c, 0xDD));
        _mm512_storeu_si512(out + 4 * i + 32, _mm512_shuffle_i32x4(b, d, 0x88));
        _mm512_storeu_si512(out + 4 * i + 48, _mm512_shuffle_i32x4(b, d, 0xDD));
    }
    cvector_philox_blocks_scalar(first + (uint32_t)i, count - i, w1, w2, w3, key0, key1, out + 4 * i);
}

#endif
