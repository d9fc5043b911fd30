// Everyday behaviours as discrete choice, four citizens per AVX-512 vector: lane 4 c + l holds
// behaviour l (of one group of four) of citizen c. Every lane is computed with the same IEEE
// single-precision operations, in the same order, as Agents' ConductRule.probabilities and
// PortableMath.exp compute one citizen's group (no fused multiply-add), so the acts are those of
// the portable code.

#include "Conduct.h"

#if defined(__x86_64__)

#include <immintrin.h>

#pragma clang fp contract(off)

#define AVX512_TARGET __attribute__((target("avx512f,avx512bw,avx512vl,avx512dq")))

// 1.5 · 2²³: adding it rounds a float below 2²² in magnitude to an integer.
#define EXP_MAGIC 12582912.0f

// e^x lane by lane, as PortableMath.exp: clamp to [−87, 88], split x · log2(e) into an integer
// and a remainder, a degree-6 polynomial for the remainder's exponential, scaled by 2^n.
static inline AVX512_TARGET __m512 exp_avx512(__m512 x) {
    __m512 clamped = _mm512_mask_blend_ps(_mm512_cmp_ps_mask(x, _mm512_set1_ps(-87.0f), _CMP_LT_OQ), x,
                                          _mm512_set1_ps(-87.0f));
    clamped = _mm512_mask_blend_ps(_mm512_cmp_ps_mask(x, _mm512_set1_ps(88.0f), _CMP_GT_OQ), clamped,
                                   _mm512_set1_ps(88.0f));
    const __m512 magic = _mm512_set1_ps(EXP_MAGIC);
    const __m512 shifted = _mm512_add_ps(_mm512_mul_ps(clamped, _mm512_set1_ps(1.44269504f)), magic);
    const __m512 n = _mm512_sub_ps(shifted, magic);
    const __m512 r = _mm512_sub_ps(_mm512_sub_ps(clamped, _mm512_mul_ps(n, _mm512_set1_ps(0.693145751953125f))),
                                   _mm512_mul_ps(n, _mm512_set1_ps(1.428606765330187e-6f)));
    __m512 p = _mm512_set1_ps(1.0f / 720.0f);
    p = _mm512_add_ps(_mm512_mul_ps(p, r), _mm512_set1_ps(1.0f / 120.0f));
    p = _mm512_add_ps(_mm512_mul_ps(p, r), _mm512_set1_ps(1.0f / 24.0f));
    p = _mm512_add_ps(_mm512_mul_ps(p, r), _mm512_set1_ps(1.0f / 6.0f));
    p = _mm512_add_ps(_mm512_mul_ps(p, r), _mm512_set1_ps(0.5f));
    p = _mm512_add_ps(_mm512_mul_ps(p, r), _mm512_set1_ps(1.0f));
    p = _mm512_add_ps(_mm512_mul_ps(p, r), _mm512_set1_ps(1.0f));
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

#endif
