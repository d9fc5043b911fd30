// Everyday behaviours as discrete choice, four citizens per AVX-512 vector or two per AVX2
// vector: lane 4 c + l holds behaviour l (of one group of four) of citizen c. Every lane is
// computed with the same IEEE single-precision operations, in the same order, as Agents'
// ConductRule.probabilities and PortableMath.exp compute one citizen's group (no fused
// multiply-add: the AVX2 kernel is built for AVX2 alone, not FMA), so the acts are those of the
// portable code at every level.

#include "Conduct.h"
#include "Constants.h"

#if defined(__x86_64__)

#include <immintrin.h>

#pragma clang fp contract(off)

#define AVX512_TARGET __attribute__((target("avx512f,avx512bw,avx512vl,avx512dq")))
#define AVX2_TARGET __attribute__((target("avx2")))

// e^x lane by lane, as PortableMath.exp: clamp to [−87, 88], split x · log2(e) into an integer
// and a remainder, a degree-6 polynomial for the remainder's exponential, scaled by 2^n.
static inline AVX512_TARGET __m512 exp_avx512(__m512 x) {
    __m512 clamped = _mm512_mask_blend_ps(_mm512_cmp_ps_mask(x, _mm512_set1_ps(CVECTOR_EXP_LOWEST), _CMP_LT_OQ), x,
                                          _mm512_set1_ps(CVECTOR_EXP_LOWEST));
    clamped = _mm512_mask_blend_ps(_mm512_cmp_ps_mask(x, _mm512_set1_ps(CVECTOR_EXP_HIGHEST), _CMP_GT_OQ), clamped,
                                   _mm512_set1_ps(CVECTOR_EXP_HIGHEST));
    const __m512 magic = _mm512_set1_ps(CVECTOR_EXP_MAGIC);
    const __m512 shifted = _mm512_add_ps(_mm512_mul_ps(clamped, _mm512_set1_ps(CVECTOR_EXP_LOG2E)), magic);
    const __m512 n = _mm512_sub_ps(shifted, magic);
    const __m512 r = _mm512_sub_ps(_mm512_sub_ps(clamped, _mm512_mul_ps(n, _mm512_set1_ps(CVECTOR_EXP_LN2_HIGH))),
                                   _mm512_mul_ps(n, _mm512_set1_ps(CVECTOR_EXP_LN2_LOW)));
    __m512 p = _mm512_set1_ps(CVECTOR_EXP_C6);
    p = _mm512_add_ps(_mm512_mul_ps(p, r), _mm512_set1_ps(CVECTOR_EXP_C5));
    p = _mm512_add_ps(_mm512_mul_ps(p, r), _mm512_set1_ps(CVECTOR_EXP_C4));
    p = _mm512_add_ps(_mm512_mul_ps(p, r), _mm512_set1_ps(CVECTOR_EXP_C3));
    p = _mm512_add_ps(_mm512_mul_ps(p, r), _mm512_set1_ps(CVECTOR_EXP_C2));
    p = _mm512_add_ps(_mm512_mul_ps(p, r), _mm512_set1_ps(CVECTOR_EXP_C1));
    p = _mm512_add_ps(_mm512_mul_ps(p, r), _mm512_set1_ps(CVECTOR_EXP_C0));
    const __m512i exponent = _mm512_slli_epi32(
        _mm512_add_epi32(_mm512_sub_epi32(_mm512_castps_si512(shifted), _mm512_castps_si512(magic)),
                         _mm512_set1_epi32(127)),
        23);
    return _mm512_mul_ps(p, _mm512_castsi512_ps(exponent));
}

// Each of four citizens' values, repeated in its quarter of the vector.
static inline AVX512_TARGET __m512 per_citizen_avx512(const float *values, __mmask16 valid) {
    const __m512i quarters = _mm512_setr_epi32(0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3);
    return _mm512_permutexvar_ps(quarters, _mm512_maskz_loadu_ps(valid, values));
}

AVX512_TARGET void cvector_conduct_acts_avx512(size_t count, size_t groups, const cvector_conduct_group *constants,
                                               const cvector_conduct_inputs *in, uint32_t *done) {
    for (size_t i = 0; i < count; i += 4) {
        const size_t citizens = count - i < 4 ? count - i : 4;
        const __mmask16 valid_citizens = (__mmask16)((1u << citizens) - 1);
        const __mmask16 valid_lanes = (__mmask16)(citizens == 4 ? 0xFFFF : (1u << (4 * citizens)) - 1);
        __m512 traits[CVECTOR_TRAITS];
        for (int k = 0; k < CVECTOR_TRAITS; k++) traits[k] = per_citizen_avx512(in->traits[k] + i, valid_citizens);
        const __m512 social_weight = per_citizen_avx512(in->social_weight + i, valid_citizens);
        const __m512 ambition_stake = per_citizen_avx512(in->ambition_stake + i, valid_citizens);
        uint32_t citizen_bits[4] = {0, 0, 0, 0};
        for (size_t g = 0; g < groups; g++) {
            const cvector_conduct_group *group = constants + g;
            __m512 trait_sum = _mm512_mul_ps(_mm512_broadcast_f32x4(_mm_loadu_ps(group->trait_weights[0])), traits[0]);
            for (int k = 1; k < CVECTOR_TRAITS; k++)
                trait_sum = _mm512_add_ps(
                    trait_sum, _mm512_mul_ps(_mm512_broadcast_f32x4(_mm_loadu_ps(group->trait_weights[k])), traits[k]));
            const size_t at = 4 * (g * in->stride + i);
            const __m512 counts = _mm512_maskz_loadu_ps(valid_lanes, in->counts + at);
            __m512 utility = _mm512_add_ps(_mm512_broadcast_f32x4(_mm_loadu_ps(group->base_utility)), trait_sum);
            utility = _mm512_add_ps(utility, _mm512_mul_ps(social_weight, counts));
            const __m512 incentive = _mm512_broadcast_f32x4(_mm_loadu_ps(group->incentive));
            utility = _mm512_add_ps(utility, _mm512_mul_ps(incentive, ambition_stake));
            const __m512 negated = _mm512_castsi512_ps(
                _mm512_xor_si512(_mm512_castps_si512(utility), _mm512_set1_epi32((int)0x80000000u)));
            const __m512 exponential = exp_avx512(negated);
            const __m512 probability =
                _mm512_div_ps(_mm512_set1_ps(1.0f), _mm512_add_ps(_mm512_set1_ps(1.0f), exponential));
            const __m512i draws = _mm512_maskz_loadu_epi32(valid_lanes, in->draws + at);
            const __m512d two32 = _mm512_set1_pd(0x1p32);
            const __mmask8 low = _mm512_cmp_pd_mask(
                _mm512_cvtepu32_pd(_mm512_castsi512_si256(draws)),
                _mm512_mul_pd(_mm512_cvtps_pd(_mm512_castps512_ps256(probability)), two32), _CMP_LT_OQ);
            const __mmask8 high = _mm512_cmp_pd_mask(
                _mm512_cvtepu32_pd(_mm512_extracti64x4_epi64(draws, 1)),
                _mm512_mul_pd(_mm512_cvtps_pd(_mm512_extractf32x8_ps(probability, 1)), two32),
                _CMP_LT_OQ);
            const uint32_t mask = (uint32_t)low | (uint32_t)high << 8;
            for (size_t c = 0; c < 4; c++) citizen_bits[c] |= ((mask >> (4 * c)) & 15u) << (4 * g);
        }
        for (size_t c = 0; c < citizens; c++) done[i + c] = citizen_bits[c];
    }
}

// e^x lane by lane, as exp_avx512 and PortableMath.exp. The clamps are blends, not min and max,
// so a NaN stays NaN as in the portable code.
static inline AVX2_TARGET __m256 exp_avx2(__m256 x) {
    const __m256 lowest = _mm256_set1_ps(CVECTOR_EXP_LOWEST), highest = _mm256_set1_ps(CVECTOR_EXP_HIGHEST);
    __m256 clamped = _mm256_blendv_ps(x, lowest, _mm256_cmp_ps(x, lowest, _CMP_LT_OQ));
    clamped = _mm256_blendv_ps(clamped, highest, _mm256_cmp_ps(x, highest, _CMP_GT_OQ));
    const __m256 magic = _mm256_set1_ps(CVECTOR_EXP_MAGIC);
    const __m256 shifted = _mm256_add_ps(_mm256_mul_ps(clamped, _mm256_set1_ps(CVECTOR_EXP_LOG2E)), magic);
    const __m256 n = _mm256_sub_ps(shifted, magic);
    const __m256 r = _mm256_sub_ps(_mm256_sub_ps(clamped, _mm256_mul_ps(n, _mm256_set1_ps(CVECTOR_EXP_LN2_HIGH))),
                                   _mm256_mul_ps(n, _mm256_set1_ps(CVECTOR_EXP_LN2_LOW)));
    __m256 p = _mm256_set1_ps(CVECTOR_EXP_C6);
    p = _mm256_add_ps(_mm256_mul_ps(p, r), _mm256_set1_ps(CVECTOR_EXP_C5));
    p = _mm256_add_ps(_mm256_mul_ps(p, r), _mm256_set1_ps(CVECTOR_EXP_C4));
    p = _mm256_add_ps(_mm256_mul_ps(p, r), _mm256_set1_ps(CVECTOR_EXP_C3));
    p = _mm256_add_ps(_mm256_mul_ps(p, r), _mm256_set1_ps(CVECTOR_EXP_C2));
    p = _mm256_add_ps(_mm256_mul_ps(p, r), _mm256_set1_ps(CVECTOR_EXP_C1));
    p = _mm256_add_ps(_mm256_mul_ps(p, r), _mm256_set1_ps(CVECTOR_EXP_C0));
    const __m256i exponent = _mm256_slli_epi32(
        _mm256_add_epi32(_mm256_sub_epi32(_mm256_castps_si256(shifted), _mm256_castps_si256(magic)),
                         _mm256_set1_epi32(127)),
        23);
    return _mm256_mul_ps(p, _mm256_castsi256_ps(exponent));
}

// Each of two citizens' values, repeated in its half of the vector; `valid` (all ones or zero in
// lanes 0 and 1) says which citizens to read.
static inline AVX2_TARGET __m256 per_citizen_avx2(const float *values, __m256i valid) {
    const __m256i halves = _mm256_setr_epi32(0, 0, 0, 0, 1, 1, 1, 1);
    return _mm256_permutevar8x32_ps(_mm256_maskload_ps(values, valid), halves);
}

// A group's four per-behaviour constants, repeated in both halves of the vector.
static inline AVX2_TARGET __m256 per_behaviour_avx2(const float lanes[4]) {
    return _mm256_broadcast_ps((const __m128 *)lanes);
}

// Bit l set when draw l is below probability l · 2³², for the four lanes of one citizen, both
// sides exact in double: the draw, as an int32 less 2³¹ (its top bit flipped), converted and
// 2³¹ added back; the probability widened and scaled by a power of two.
static inline AVX2_TARGET uint32_t citizen_acts_avx2(__m128i draws, __m128 probability) {
    const __m128i flipped = _mm_xor_si128(draws, _mm_set1_epi32((int)0x80000000u));
    const __m256d exact_draws = _mm256_add_pd(_mm256_cvtepi32_pd(flipped), _mm256_set1_pd(0x1p31));
    const __m256d thresholds = _mm256_mul_pd(_mm256_cvtps_pd(probability), _mm256_set1_pd(0x1p32));
    return (uint32_t)_mm256_movemask_pd(_mm256_cmp_pd(exact_draws, thresholds, _CMP_LT_OQ));
}

// As cvector_conduct_acts_avx512, two citizens per vector: lanes 0-3 are the first citizen's
// four behaviours of a group, lanes 4-7 the second's. A lone last citizen's loads are masked.
AVX2_TARGET void cvector_conduct_acts_avx2(size_t count, size_t groups, const cvector_conduct_group *constants,
                                           const cvector_conduct_inputs *in, uint32_t *done) {
    for (size_t i = 0; i < count; i += 2) {
        const size_t citizens = count - i < 2 ? count - i : 2;
        const int second = citizens == 2 ? -1 : 0;
        const __m256i valid_citizens = _mm256_setr_epi32(-1, second, 0, 0, 0, 0, 0, 0);
        const __m256i valid_lanes = _mm256_setr_epi32(-1, -1, -1, -1, second, second, second, second);
        __m256 traits[CVECTOR_TRAITS];
        for (int k = 0; k < CVECTOR_TRAITS; k++) traits[k] = per_citizen_avx2(in->traits[k] + i, valid_citizens);
        const __m256 social_weight = per_citizen_avx2(in->social_weight + i, valid_citizens);
        const __m256 ambition_stake = per_citizen_avx2(in->ambition_stake + i, valid_citizens);
        uint32_t citizen_bits[2] = {0, 0};
        for (size_t g = 0; g < groups; g++) {
            const cvector_conduct_group *group = constants + g;
            __m256 trait_sum = _mm256_mul_ps(per_behaviour_avx2(group->trait_weights[0]), traits[0]);
            for (int k = 1; k < CVECTOR_TRAITS; k++)
                trait_sum =
                    _mm256_add_ps(trait_sum, _mm256_mul_ps(per_behaviour_avx2(group->trait_weights[k]), traits[k]));
            const size_t at = 4 * (g * in->stride + i);
            const __m256 counts = _mm256_maskload_ps(in->counts + at, valid_lanes);
            __m256 utility = _mm256_add_ps(per_behaviour_avx2(group->base_utility), trait_sum);
            utility = _mm256_add_ps(utility, _mm256_mul_ps(social_weight, counts));
            const __m256 incentive = per_behaviour_avx2(group->incentive);
            utility = _mm256_add_ps(utility, _mm256_mul_ps(incentive, ambition_stake));
            const __m256 negated = _mm256_castsi256_ps(
                _mm256_xor_si256(_mm256_castps_si256(utility), _mm256_set1_epi32((int)0x80000000u)));
            const __m256 exponential = exp_avx2(negated);
            const __m256 probability =
                _mm256_div_ps(_mm256_set1_ps(1.0f), _mm256_add_ps(_mm256_set1_ps(1.0f), exponential));
            const __m256i draws = _mm256_maskload_epi32((const int *)(in->draws + at), valid_lanes);
            citizen_bits[0] |=
                citizen_acts_avx2(_mm256_castsi256_si128(draws), _mm256_castps256_ps128(probability)) << (4 * g);
            citizen_bits[1] |=
                citizen_acts_avx2(_mm256_extracti128_si256(draws, 1), _mm256_extractf128_ps(probability, 1)) << (4 * g);
        }
        for (size_t c = 0; c < citizens; c++) done[i + c] = citizen_bits[c];
    }
}

#endif
