#ifndef CVECTOR_TIE_SUMS_H
#define CVECTOR_TIE_SUMS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/// What a citizen sees of its ties at tick t (Swift's `Neighbourhood`): the sums over its present,
/// visible ties that the rules of tick t+1 read, family ties weighing `family_weight` where
/// weights are summed. A distant tie is invisible while either end is travel-banned.
typedef struct __attribute__((swift_name("Neighbourhood"))) {
    /// Present, visible ties.
    int32_t active;
    /// Of those, ties that expressed dissent.
    int32_t dissenting;
    /// Ties on a list.
    int32_t listed_ties __attribute__((swift_name("listedTies")));
    /// Ties on a list, family ties weighing `family_weight`.
    float listed_weight __attribute__((swift_name("listedWeight")));
    /// Σ weight over ties.
    float score_weight __attribute__((swift_name("scoreWeight")));
    /// Σ weight · score fraction over ties.
    float weighted_score_fraction __attribute__((swift_name("weightedScoreFraction")));
    /// Ties whose score fraction exceeds the citizen's.
    int32_t outranking;
    /// Whether any tie is stigmatized.
    bool stigmatized;
    /// Whether a family tie (present or not) is under a school restriction.
    bool school_restricted __attribute__((swift_name("schoolRestricted")));
} cvector_neighbourhood;

/// A block of citizens whose ties are summed: citizen i's ties are slots offsets[i]..<offsets[i + 1],
/// whose tick-t signal words and kinds are words[slot − offsets[0]] and kinds[slot − offsets[0]]
/// (every tie social when `kinds` is NULL); own_words[i] is its own word, detained[i] its
/// detention ticks left.
typedef struct {
    const int64_t *offsets;
    const uint32_t *words;
    const uint8_t *kinds;
    const uint32_t *own_words;
    const uint16_t *detained;
} cvector_tie_block;

#if defined(__x86_64__)
/// The sums over the ties of `count` citizens, 16 ties per AVX-512 vector: seen[i] is what citizen
/// i sees, and behaviour_counts[4 (g · stride + i) + k] the number of its visible ties who did
/// behaviour 4 g + k, for the `groups` groups of four behaviours (at most CVECTOR_BEHAVIOUR_GROUPS).
/// A detained citizen /// sees nothing and counts nothing. Needs CVECTOR_AVX512.
void cvector_sum_block_ties_avx512(const cvector_tie_block *block, size_t count, int groups, float family_weight,
                                   cvector_neighbourhood *seen, float *behaviour_counts, size_t stride);

/// cvector_sum_block_ties_avx512 with 8 ties per AVX2 vector. Needs CVECTOR_AVX2.
void cvector_sum_block_ties_avx2(const cvector_tie_block *block, size_t count, int groups, float family_weight,
                                 cvector_neighbourhood *seen, float *behaviour_counts, size_t stride);
#endif

#endif
