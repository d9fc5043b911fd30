// Peer ratings received, 16 citizens per AVX-512 vector: lane c is citizen c, and rating k of
// every citizen is drawn, read (a gather of its rater's word) and scored at once. Every lane is
// computed with the same single-precision operations, in the same order, as the portable Swift
// code (Sim's SocietyKernel and Agents' PeerRatingRule; no fused multiply-add), so sums and
// counts are the same.

#include "Ratings.h"

#if defined(__x86_64__)

#include <immintrin.h>

#include "SignalWord.h"

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

#endif
