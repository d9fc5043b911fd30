// Sums over one citizen's ties' signal words, 16 ties per AVX-512 vector: which ties are visible,
// family, dissenting, listed, outranking the reader or did each behaviour are 16-bit masks, and
// counts are their population counts. Integer sums only, so they equal any other way of adding
// the same ties (Sim's TieSums, four ties at a time, is the portable one).
//
// A lane past the last tie loads word 0, which is not present: it is never visible and adds
// nothing, so the last, partial vector needs no other care.

#include "TieSums.h"

#if defined(__x86_64__)

#include <immintrin.h>
#include <string.h>

#define AVX512_TARGET __attribute__((target("avx512f,avx512bw,avx512vl,avx512dq,popcnt")))

// Vectors per segment: each lane's 32-bit fraction sum stays below 2³² (65,536 · 8,191).
#define SEGMENT_VECTORS 65536

#define COUNT(mask) ((uint32_t)__builtin_popcount(mask))
#define TEST(mask, word, bit) _mm512_mask_test_epi32_mask(mask, word, _mm512_set1_epi32((int)(bit)))

// The sum of the 16 lanes, in 64 bits.
static inline AVX512_TARGET uint64_t wide_sum(__m512i lanes) {
    const __m512i low = _mm512_cvtepu32_epi64(_mm512_castsi512_si256(lanes));
    const __m512i high = _mm512_cvtepu32_epi64(_mm512_extracti64x4_epi64(lanes, 1));
    return (uint64_t)_mm512_reduce_add_epi64(_mm512_add_epi64(low, high));
}

AVX512_TARGET void cvector_sum_ties_avx512(const uint32_t *words, const uint8_t *kinds, size_t count,
                                           uint32_t own_word, cvector_tie_sums *sums) {
    const __m512i own_fraction = _mm512_set1_epi32((int)(own_word >> CVECTOR_SCORE_SHIFT));
    const __mmask16 reader_banned = (own_word & CVECTOR_TRAVEL_BANNED) ? 0xFFFF : 0;
    __mmask16 stigmatized = 0, school_restricted = 0;
    uint32_t c[4] = {0}, f[4] = {0}, b[CVECTOR_BEHAVIOURS] = {0};
    uint64_t fraction_total = 0, family_fraction_total = 0;
    size_t i = 0;
    while (i < count) {
        const size_t segment_end = count - i > 16 * (size_t)SEGMENT_VECTORS ? i + 16 * (size_t)SEGMENT_VECTORS : count;
        __m512i fraction_sum = _mm512_setzero_si512(), family_fraction_sum = _mm512_setzero_si512();
        for (; i < segment_end; i += 16) {
            const __mmask16 valid = segment_end - i >= 16 ? 0xFFFF : (__mmask16)((1u << (segment_end - i)) - 1);
            const __m512i word = _mm512_maskz_loadu_epi32(valid, words + i);
            __mmask16 family = 0, distant = 0;
            if (kinds) {
                const __m128i kind = _mm_maskz_loadu_epi8(valid, kinds + i);
                family = _mm_cmpeq_epi8_mask(kind, _mm_set1_epi8(CVECTOR_KIND_FAMILY)) & valid;
                distant = _mm_cmpeq_epi8_mask(kind, _mm_set1_epi8(CVECTOR_KIND_DISTANT));
            }
            const __mmask16 banned = TEST(0xFFFF, word, CVECTOR_TRAVEL_BANNED) | reader_banned;
            const __mmask16 visible = TEST(0xFFFF, word, CVECTOR_PRESENT) & ~(distant & banned);
            const __mmask16 visible_family = visible & family;
            school_restricted |= TEST(family, word, CVECTOR_SCHOOL_RESTRICTED);
            stigmatized |= TEST(visible, word, CVECTOR_STIGMATIZED);
            const __m512i fraction = _mm512_srli_epi32(word, CVECTOR_SCORE_SHIFT);
            const __mmask16 dissent = TEST(visible, word, CVECTOR_EXPRESSED_DISSENT);
            const __mmask16 listed = TEST(visible, word, CVECTOR_LISTED);
            const __mmask16 outranks = _mm512_mask_cmpgt_epu32_mask(visible, fraction, own_fraction);
            c[0] += COUNT(dissent), c[1] += COUNT(visible), c[2] += COUNT(listed), c[3] += COUNT(outranks);
            f[0] += COUNT(dissent & family), f[1] += COUNT(visible_family), f[2] += COUNT(listed & family);
            f[3] += COUNT(outranks & family);
            fraction_sum = _mm512_mask_add_epi32(fraction_sum, visible, fraction_sum, fraction);
            family_fraction_sum = _mm512_mask_add_epi32(family_fraction_sum, visible_family, family_fraction_sum,
                                                        fraction);
#pragma clang loop unroll(full)
            for (int k = 0; k < CVECTOR_BEHAVIOURS; k++)
                b[k] += COUNT(TEST(visible, word, 1u << (CVECTOR_BEHAVIOUR_SHIFT + k)));
        }
        fraction_total += wide_sum(fraction_sum);
        family_fraction_total += wide_sum(family_fraction_sum);
    }
    memcpy(sums->counts, c, sizeof c);
    memcpy(sums->family_counts, f, sizeof f);
    memcpy(sums->behaviour_counts, b, sizeof b);
    sums->fraction_sum = fraction_total;
    sums->family_fraction_sum = family_fraction_total;
    sums->visible_stigmatized = stigmatized != 0;
    sums->family_school_restricted = school_restricted != 0;
}

#endif
