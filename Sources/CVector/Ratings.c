// Peer ratings received, 16 citizens per AVX-512 vector or 8 per AVX2 vector: lane c is citizen c,
// and rating k of every citizen is drawn, read (a gather of its rater's word) and scored at once.
// Every lane is computed with the same single-precision operations, in the same order, as the
// portable Swift code (Sim's SocietyKernel and Agents' PeerRatingRule; no fused multiply-add: the
// targets leave out FMA and contraction is off), so sums and counts are the same at every level.

#include "Ratings.h"

#if defined(__x86_64__)

#include <immintrin.h>

#include "Constants.h"

#pragma clang fp contract(off)

#define AVX512_TARGET __attribute__((target("avx512f,avx512bw,avx512vl,avx512dq,popcnt")))

// ⌊a · b / 2³²⌋ lane by lane: the index below b that draw a picks.
static inline AVX512_TARGET __m512i high_product(__m512i a, __m512i b) {
    const __m512i even = _mm512_srli_epi64(_mm512_mul_epu32(a, b), 32);
    const __m512i odd = _mm512_mul_epu32(_mm512_srli_epi64(a, 32), _mm512_srli_epi64(b, 32));
    return _mm512_mask_blend_epi32(0xAAAA, even, odd);
}

// Lanes 0..7 from `low` and 8..15 from `high`, 64-bit values narrowed to 32 bits.
static inline AVX512_TARGET __m512i narrow(__m512i low, __m512i high) {
    return _mm512_inserti64x4(_mm512_castsi256_si512(_mm512_cvtepi64_epi32(low)), _mm512_cvtepi64_epi32(high), 1);
}

// Lanes whose draw, as the uniform (draw + ½) · 2⁻³², falls below `chance`.
static inline AVX512_TARGET __mmask16 uniform_below(__m512i draws, double chance) {
    const __m512d half = _mm512_set1_pd(0.5), scale = _mm512_set1_pd(0x1p-32), bound = _mm512_set1_pd(chance);
    const __m512d low = _mm512_mul_pd(_mm512_add_pd(_mm512_cvtepu32_pd(_mm512_castsi512_si256(draws)), half), scale);
    const __m512d high =
        _mm512_mul_pd(_mm512_add_pd(_mm512_cvtepu32_pd(_mm512_extracti64x4_epi64(draws, 1)), half), scale);
    return (__mmask16)(_mm512_cmp_pd_mask(low, bound, _CMP_LT_OQ) |
                       (uint32_t)_mm512_cmp_pd_mask(high, bound, _CMP_LT_OQ) << 8);
}

// A score fraction (the word's top bits over their maximum) as a float.
static inline AVX512_TARGET __m512 score_fraction(__m512i words) {
    return _mm512_div_ps(_mm512_cvtepi32_ps(_mm512_srli_epi32(words, CVECTOR_SCORE_SHIFT)),
                         _mm512_set1_ps((float)CVECTOR_SCORE_FRACTION_MAX));
}

AVX512_TARGET void cvector_receive_ratings_avx512(size_t count, const cvector_rating_rules *rules,
                                                  const cvector_rating_inputs *in, float *weight_sums,
                                                  float *weighted_ratings, uint64_t totals[3]) {
    const __m512i word_zero = _mm512_setr_epi32(0, 4, 8, 12, 16, 20, 24, 28, 32, 36, 40, 44, 48, 52, 56, 60);
    const __m512i block_start = _mm512_set1_epi64(in->offsets[0]);
    const __m512 one = _mm512_set1_ps(1.0f), five = _mm512_set1_ps(5.0f);
    const int most = rules->whole + (rules->extra_chance > 0 ? 1 : 0);
    uint64_t ratings = 0, rating_sum = 0, fives = 0;
    for (size_t i = 0; i < count; i += 16) {
        const size_t n = count - i < 16 ? count - i : 16;
        const __mmask16 valid = (__mmask16)(n == 16 ? 0xFFFF : (1u << n) - 1);
        const __m512i starts_low = _mm512_maskz_loadu_epi64((__mmask8)valid, in->offsets + i);
        const __m512i starts_high = _mm512_maskz_loadu_epi64((__mmask8)(valid >> 8), in->offsets + i + 8);
        const __m512i ends_low = _mm512_maskz_loadu_epi64((__mmask8)valid, in->offsets + i + 1);
        const __m512i ends_high = _mm512_maskz_loadu_epi64((__mmask8)(valid >> 8), in->offsets + i + 9);
        const __m512i starts =
            narrow(_mm512_sub_epi64(starts_low, block_start), _mm512_sub_epi64(starts_high, block_start));
        const __m512i degrees =
            narrow(_mm512_sub_epi64(ends_low, starts_low), _mm512_sub_epi64(ends_high, starts_high));
        const __mmask16 free = _mm256_mask_cmpeq_epi16_mask(
            valid, _mm256_maskz_loadu_epi16(valid, in->detained + i), _mm256_setzero_si256());
        const __mmask16 active = free & _mm512_cmpgt_epi32_mask(degrees, _mm512_setzero_si512());

        const uint32_t *draws = in->draws + 4 * i;
        const __m512i extra_draws = _mm512_mask_i32gather_epi32(_mm512_setzero_si512(), active, word_zero, draws, 4);
        const __m512i rating_count = _mm512_mask_add_epi32(
            _mm512_set1_epi32(rules->whole), uniform_below(extra_draws, rules->extra_chance),
            _mm512_set1_epi32(rules->whole), _mm512_set1_epi32(1));

        const __m512i own = _mm512_maskz_loadu_epi32(valid, in->own_words + i);
        const __m512 honest = _mm512_maskz_loadu_ps(valid, in->honest + i);
        const __mmask16 stigmatized = _mm512_test_epi32_mask(own, _mm512_set1_epi32(CVECTOR_STIGMATIZED));
        const __m512 strategic = _mm512_sub_ps(
            _mm512_add_ps(_mm512_mul_ps(_mm512_set1_ps(rules->inflation),
                                        _mm512_sub_ps(score_fraction(own), _mm512_set1_ps(0.5f))),
                          _mm512_set1_ps(rules->fake_nice)),
            _mm512_maskz_mov_ps(stigmatized, _mm512_set1_ps(rules->stigma)));

        __m512 weight_sum = _mm512_setzero_ps(), weighted = _mm512_setzero_ps();
        for (int k = 1; k <= most; k++) {
            const __mmask16 rating = active & _mm512_cmpge_epi32_mask(rating_count, _mm512_set1_epi32(k));
            const __m512i index_draws = _mm512_mask_i32gather_epi32(
                _mm512_setzero_si512(), rating, _mm512_add_epi32(word_zero, _mm512_set1_epi32(k)), draws, 4);
            const __m512i slots = _mm512_add_epi32(starts, high_product(index_draws, degrees));
            const __m512i rater =
                _mm512_mask_i32gather_epi32(_mm512_setzero_si512(), rating, slots, in->tie_words, 4);
            const __mmask16 present = _mm512_mask_test_epi32_mask(rating, rater, _mm512_set1_epi32(CVECTOR_PRESENT));
            const __m512 rater_fraction = score_fraction(rater);
            const __m512 stake = _mm512_mul_ps(
                rater_fraction,
                _mm512_mask_blend_ps(_mm512_test_epi32_mask(rater, _mm512_set1_epi32(CVECTOR_LISTED)), one,
                                     _mm512_set1_ps(rules->listed_stake)));
            const __m512 raw = _mm512_add_ps(honest, _mm512_mul_ps(stake, strategic));
            // max(1, raw) then min(5, ·), as Swift's max and min: raw ≥ 1 ? raw : 1, then · < 5 ? · : 5.
            __m512 clamped = _mm512_mask_blend_ps(_mm512_cmp_ps_mask(raw, one, _CMP_GE_OQ), one, raw);
            clamped = _mm512_mask_blend_ps(_mm512_cmp_ps_mask(clamped, five, _CMP_LT_OQ), five, clamped);
            // Nearest integer, halves away from zero (the value is at least 1).
            const __m512i truncated = _mm512_cvttps_epi32(clamped);
            const __m512 fraction = _mm512_sub_ps(clamped, _mm512_cvtepi32_ps(truncated));
            const __m512i score = _mm512_mask_add_epi32(
                truncated, _mm512_cmp_ps_mask(fraction, _mm512_set1_ps(0.5f), _CMP_GE_OQ), truncated,
                _mm512_set1_epi32(1));
            const __m512 weight =
                _mm512_add_ps(one, _mm512_mul_ps(_mm512_set1_ps(rules->rater_weight), rater_fraction));
            weight_sum = _mm512_mask_add_ps(weight_sum, present, weight_sum, weight);
            weighted =
                _mm512_mask_add_ps(weighted, present, weighted, _mm512_mul_ps(weight, _mm512_cvtepi32_ps(score)));
            ratings += (uint64_t)__builtin_popcount(present);
            rating_sum += (uint64_t)(uint32_t)_mm512_reduce_add_epi32(_mm512_maskz_mov_epi32(present, score));
            fives += (uint64_t)__builtin_popcount(_mm512_mask_cmpeq_epi32_mask(present, score, _mm512_set1_epi32(5)));
        }
        _mm512_mask_storeu_ps(weight_sums + i, valid, weight_sum);
        _mm512_mask_storeu_ps(weighted_ratings + i, valid, weighted);
    }
    totals[0] += ratings;
    totals[1] += rating_sum;
    totals[2] += fives;
}

#define AVX2_TARGET __attribute__((target("avx2,popcnt")))

// ⌊a · b / 2³²⌋ lane by lane, 8 lanes: the index below b that draw a picks.
static inline AVX2_TARGET __m256i high_product_avx2(__m256i a, __m256i b) {
    const __m256i even = _mm256_srli_epi64(_mm256_mul_epu32(a, b), 32);
    const __m256i odd = _mm256_mul_epu32(_mm256_srli_epi64(a, 32), _mm256_srli_epi64(b, 32));
    return _mm256_blend_epi32(even, odd, 0xAA);
}

// Lanes 0..3 from `low` and 4..7 from `high`, 64-bit values narrowed to 32 bits (their low halves).
static inline AVX2_TARGET __m256i narrow_avx2(__m256i low, __m256i high) {
    // Per 128-bit half: low's two values, then high's two; the middle 64-bit quarters then swap.
    const __m256 pairs = _mm256_shuffle_ps(_mm256_castsi256_ps(low), _mm256_castsi256_ps(high), 0x88);
    return _mm256_permute4x64_epi64(_mm256_castps_si256(pairs), 0xD8);
}

// 4 lanes' u32 draws as the uniform (draw + ½) · 2⁻³², each exactly: draw − 2³¹ as an int32 (the
// top bit flipped), to double, plus 2³¹.
static inline AVX2_TARGET __m256d uniform_avx2(__m128i draws) {
    const __m256d shifted = _mm256_cvtepi32_pd(_mm_xor_si128(draws, _mm_set1_epi32(INT32_MIN)));
    const __m256d exact = _mm256_add_pd(shifted, _mm256_set1_pd(0x1p31));
    return _mm256_mul_pd(_mm256_add_pd(exact, _mm256_set1_pd(0.5)), _mm256_set1_pd(0x1p-32));
}

// All-ones in the lanes whose draw, as the uniform (draw + ½) · 2⁻³², falls below `chance`.
static inline AVX2_TARGET __m256i uniform_below_avx2(__m256i draws, double chance) {
    const __m256d bound = _mm256_set1_pd(chance);
    const __m256i low = _mm256_castpd_si256(
        _mm256_cmp_pd(uniform_avx2(_mm256_castsi256_si128(draws)), bound, _CMP_LT_OQ));
    const __m256i high = _mm256_castpd_si256(
        _mm256_cmp_pd(uniform_avx2(_mm256_extracti128_si256(draws, 1)), bound, _CMP_LT_OQ));
    return narrow_avx2(low, high);
}

// A score fraction (the word's top bits over their maximum) as a float, 8 lanes.
static inline AVX2_TARGET __m256 score_fraction_avx2(__m256i words) {
    return _mm256_div_ps(_mm256_cvtepi32_ps(_mm256_srli_epi32(words, CVECTOR_SCORE_SHIFT)),
                         _mm256_set1_ps((float)CVECTOR_SCORE_FRACTION_MAX));
}

// All-ones in the lanes where word & bit is set.
static inline AVX2_TARGET __m256i has_bit_avx2(__m256i words, uint32_t bit) {
    const __m256i b = _mm256_set1_epi32((int)bit);
    return _mm256_cmpeq_epi32(_mm256_and_si256(words, b), b);
}

// The sum of the 8 lanes.
static inline AVX2_TARGET uint32_t lane_sum_avx2(__m256i v) {
    __m128i sum = _mm_add_epi32(_mm256_castsi256_si128(v), _mm256_extracti128_si256(v, 1));
    sum = _mm_add_epi32(sum, _mm_shuffle_epi32(sum, 0x4E));
    sum = _mm_add_epi32(sum, _mm_shuffle_epi32(sum, 0xB1));
    return (uint32_t)_mm_cvtsi128_si32(sum);
}

// Lanes set in an all-ones-or-zero mask.
static inline AVX2_TARGET uint64_t lane_count_avx2(__m256i mask) {
    return (uint64_t)__builtin_popcount((unsigned)_mm256_movemask_ps(_mm256_castsi256_ps(mask)));
}

// The AVX-512 kernel's ratings, 8 citizens per AVX2 vector: masks are all-ones lanes, masked
// moves blends, and a partial last group reads its columns with masked loads (detention ticks,
// 16 bits wide, through a zeroed copy) and gathers only its valid lanes.
AVX2_TARGET void cvector_receive_ratings_avx2(size_t count, const cvector_rating_rules *rules,
                                              const cvector_rating_inputs *in, float *weight_sums,
                                              float *weighted_ratings, uint64_t totals[3]) {
    const __m256i lane = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
    const __m256i word_zero = _mm256_slli_epi32(lane, 2);
    const __m256i zero = _mm256_setzero_si256();
    const __m256i block_start = _mm256_set1_epi64x(in->offsets[0]);
    const __m256 one = _mm256_set1_ps(1.0f), five = _mm256_set1_ps(5.0f);
    const int most = rules->whole + (rules->extra_chance > 0 ? 1 : 0);
    const long long *offsets = (const long long *)in->offsets;
    const int *draws = (const int *)in->draws;
    uint64_t ratings = 0, rating_sum = 0, fives = 0;
    for (size_t i = 0; i < count; i += 8) {
        const size_t n = count - i < 8 ? count - i : 8;
        const __m256i valid = _mm256_cmpgt_epi32(_mm256_set1_epi32((int)n), lane);
        const __m256i valid_low = _mm256_cvtepi32_epi64(_mm256_castsi256_si128(valid));
        const __m256i valid_high = _mm256_cvtepi32_epi64(_mm256_extracti128_si256(valid, 1));
        const __m256i starts_low = _mm256_maskload_epi64(offsets + i, valid_low);
        const __m256i starts_high = _mm256_maskload_epi64(offsets + i + 4, valid_high);
        const __m256i ends_low = _mm256_maskload_epi64(offsets + i + 1, valid_low);
        const __m256i ends_high = _mm256_maskload_epi64(offsets + i + 5, valid_high);
        const __m256i starts =
            narrow_avx2(_mm256_sub_epi64(starts_low, block_start), _mm256_sub_epi64(starts_high, block_start));
        const __m256i degrees =
            narrow_avx2(_mm256_sub_epi64(ends_low, starts_low), _mm256_sub_epi64(ends_high, starts_high));
        uint16_t tail[8] = {0};
        const uint16_t *detained = in->detained + i;
        if (n < 8) {
            for (size_t c = 0; c < n; c++) tail[c] = detained[c];
            detained = tail;
        }
        const __m256i free = _mm256_and_si256(
            valid, _mm256_cmpeq_epi32(_mm256_cvtepu16_epi32(_mm_loadu_si128((const __m128i *)detained)), zero));
        const __m256i active = _mm256_and_si256(free, _mm256_cmpgt_epi32(degrees, zero));

        const int *group_draws = draws + 4 * i;
        const __m256i extra_draws = _mm256_mask_i32gather_epi32(zero, group_draws, word_zero, active, 4);
        // whole − (−1) where the extra rating is drawn.
        const __m256i rating_count =
            _mm256_sub_epi32(_mm256_set1_epi32(rules->whole), uniform_below_avx2(extra_draws, rules->extra_chance));

        const __m256i own = _mm256_maskload_epi32((const int *)in->own_words + i, valid);
        const __m256 honest = _mm256_maskload_ps(in->honest + i, valid);
        const __m256 stigma =
            _mm256_and_ps(_mm256_castsi256_ps(has_bit_avx2(own, CVECTOR_STIGMATIZED)), _mm256_set1_ps(rules->stigma));
        const __m256 strategic = _mm256_sub_ps(
            _mm256_add_ps(_mm256_mul_ps(_mm256_set1_ps(rules->inflation),
                                        _mm256_sub_ps(score_fraction_avx2(own), _mm256_set1_ps(0.5f))),
                          _mm256_set1_ps(rules->fake_nice)),
            stigma);

        __m256 weight_sum = _mm256_setzero_ps(), weighted = _mm256_setzero_ps();
        __m256i scores = zero;
        for (int k = 1; k <= most; k++) {
            const __m256i rating = _mm256_and_si256(active, _mm256_cmpgt_epi32(rating_count, _mm256_set1_epi32(k - 1)));
            const __m256i index_draws = _mm256_mask_i32gather_epi32(
                zero, group_draws, _mm256_add_epi32(word_zero, _mm256_set1_epi32(k)), rating, 4);
            const __m256i slots = _mm256_add_epi32(starts, high_product_avx2(index_draws, degrees));
            const __m256i rater =
                _mm256_mask_i32gather_epi32(zero, (const int *)in->tie_words, slots, rating, 4);
            const __m256i present = _mm256_and_si256(rating, has_bit_avx2(rater, CVECTOR_PRESENT));
            const __m256 presentf = _mm256_castsi256_ps(present);
            const __m256 rater_fraction = score_fraction_avx2(rater);
            const __m256 stake = _mm256_mul_ps(
                rater_fraction, _mm256_blendv_ps(one, _mm256_set1_ps(rules->listed_stake),
                                                 _mm256_castsi256_ps(has_bit_avx2(rater, CVECTOR_LISTED))));
            const __m256 raw = _mm256_add_ps(honest, _mm256_mul_ps(stake, strategic));
            // max(1, raw) then min(5, ·), as Swift's max and min: raw ≥ 1 ? raw : 1, then · < 5 ? · : 5.
            __m256 clamped = _mm256_blendv_ps(one, raw, _mm256_cmp_ps(raw, one, _CMP_GE_OQ));
            clamped = _mm256_blendv_ps(five, clamped, _mm256_cmp_ps(clamped, five, _CMP_LT_OQ));
            // Nearest integer, halves away from zero (the value is at least 1): truncated − (−1).
            const __m256i truncated = _mm256_cvttps_epi32(clamped);
            const __m256 fraction = _mm256_sub_ps(clamped, _mm256_cvtepi32_ps(truncated));
            const __m256i score = _mm256_sub_epi32(
                truncated, _mm256_castps_si256(_mm256_cmp_ps(fraction, _mm256_set1_ps(0.5f), _CMP_GE_OQ)));
            const __m256 weight =
                _mm256_add_ps(one, _mm256_mul_ps(_mm256_set1_ps(rules->rater_weight), rater_fraction));
            // Sums move only in present lanes, as the AVX-512 kernel's masked adds.
            weight_sum = _mm256_blendv_ps(weight_sum, _mm256_add_ps(weight_sum, weight), presentf);
            weighted = _mm256_blendv_ps(
                weighted, _mm256_add_ps(weighted, _mm256_mul_ps(weight, _mm256_cvtepi32_ps(score))), presentf);
            ratings += lane_count_avx2(present);
            scores = _mm256_add_epi32(scores, _mm256_and_si256(present, score));
            fives += lane_count_avx2(_mm256_and_si256(present, _mm256_cmpeq_epi32(score, _mm256_set1_epi32(5))));
        }
        rating_sum += lane_sum_avx2(scores);
        _mm256_maskstore_ps(weight_sums + i, valid, weight_sum);
        _mm256_maskstore_ps(weighted_ratings + i, valid, weighted);
    }
    totals[0] += ratings;
    totals[1] += rating_sum;
    totals[2] += fives;
}

#endif
