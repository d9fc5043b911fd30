#ifndef CVECTOR_RATINGS_H
#define CVECTOR_RATINGS_H

#include <stddef.h>
#include <stdint.h>

/// The constants of the peer-rating rule (Agents' PeerRatingRule): ratings per citizen are
/// `whole` plus one with probability `extra_chance`.
typedef struct {
    int32_t whole;
    double extra_chance;
    float listed_stake;
    float inflation;
    float fake_nice;
    float stigma;
    float rater_weight;
} cvector_rating_rules;

/// A block of citizens about to be rated: citizen i's ties are slots offsets[i]..<offsets[i + 1],
/// whose tick-t signal words are tie_words[slot − offsets[0]]; own_words[i] is its own word,
/// detained[i] its detention ticks left, honest[i] its honest rating, draws[4 i ..< 4 i + 4] the
/// first block of its rating stream.
typedef struct {
    const int64_t *offsets;
    const uint32_t *tie_words;
    const uint32_t *own_words;
    const uint16_t *detained;
    const float *honest;
    const uint32_t *draws;
} cvector_rating_inputs;

/// Ratings received, 16 citizens per vector: for citizen i (i < count), weight_sums[i] and
/// weighted_ratings[i] are Σ weight and Σ weight · rating over the ratings it received (0 for a
/// detained citizen or one without ties); totals[0..<3] grow by the ratings given, their sum and
/// the five-star ones. Needs CVECTOR_AVX512 and rules->whole + (rules->extra_chance > 0) ≤
/// CVECTOR_RATINGS_LIMIT.
#if defined(__x86_64__)
void cvector_receive_ratings_avx512(size_t count, const cvector_rating_rules *rules,
                                    const cvector_rating_inputs *inputs, float *weight_sums,
                                    float *weighted_ratings, uint64_t totals[3]);

/// cvector_receive_ratings_avx512 with 8 citizens per vector and the same results. Needs
/// CVECTOR_AVX2 (or better) and rules->whole + (rules->extra_chance > 0) ≤
/// CVECTOR_RATINGS_LIMIT.
void cvector_receive_ratings_avx2(size_t count, const cvector_rating_rules *rules,
                                  const cvector_rating_inputs *inputs, float *weight_sums,
                                  float *weighted_ratings, uint64_t totals[3]);
#endif

#endif
