#ifndef CVECTOR_CONDUCT_H
#define CVECTOR_CONDUCT_H

#include <stddef.h>
#include <stdint.h>

/// Traits a behaviour's utility weighs: hardship, risk aversion, threshold, conformity, ambition,
/// ln means.
enum { CVECTOR_TRAITS = 6 };

/// The constants of four behaviours' utilities, lane l for behaviour l (Agents' ConductRule.Group).
typedef struct {
    float base_utility[4];
    float trait_weights[CVECTOR_TRAITS][4];
    float incentive[4];
} cvector_conduct_group;

/// What a block of citizens' choices depend on: citizen i's trait k is traits[k][i]; the count of
/// its ties who did behaviour l of group g, and its draw for that behaviour (uniform on 0..<2³²),
/// are at index 4 (g · stride + i) + l of counts and draws.
typedef struct {
    const float *traits[CVECTOR_TRAITS];
    const float *social_weight;
    const float *ambition_stake;
    const float *counts;
    const uint32_t *draws;
    size_t stride;
} cvector_conduct_inputs;

#if defined(__x86_64__)
/// Sets bit 4 g + l of done[i] when citizen i (i < count) does behaviour l of group g
/// (g < groups ≤ CVECTOR_CONDUCT_GROUP_LIMIT), four citizens per vector with AVX-512. Needs
/// CVECTOR_AVX512.
void cvector_conduct_acts_avx512(size_t count, size_t groups, const cvector_conduct_group *constants,
                                 const cvector_conduct_inputs *inputs, uint32_t *done);

/// As cvector_conduct_acts_avx512, two citizens per vector with AVX2 (without FMA, so every
/// lane rounds as the portable code does). Needs CVECTOR_AVX2.
void cvector_conduct_acts_avx2(size_t count, size_t groups, const cvector_conduct_group *constants,
                               const cvector_conduct_inputs *inputs, uint32_t *done);
#endif

#endif
