#ifndef CVECTOR_TIE_SUMS_H
#define CVECTOR_TIE_SUMS_H

#include <stddef.h>
#include <stdint.h>

/// Tie kinds as Sim's TieKind raw values (a test checks that they agree).
enum {
    CVECTOR_KIND_FAMILY = 0,
    CVECTOR_KIND_DISTANT = 2,
};

/// Sums over a citizen's visible ties: present, and not a distant tie while either end is
/// travel-banned.
typedef struct {
    /// Visible ties that expressed dissent, visible ties, listed ones, ones outranking the reader.
    uint32_t counts[4];
    /// Visible family ties, and listed ones among them.
    uint32_t family_visible;
    uint32_t family_listed;
    /// Σ score fraction over visible ties, and over visible family ties.
    uint64_t fraction_sum;
    uint64_t family_fraction_sum;
    /// Visible ties that did behaviour b (b < 4 · groups; the others are 0).
    uint32_t behaviour_counts[12];
    /// 1 when a visible tie is stigmatized, else 0.
    uint32_t visible_stigmatized;
    /// 1 when a family tie (present or not) is under a school restriction, else 0.
    uint32_t family_school_restricted;
} cvector_tie_sums;

#if defined(__x86_64__)
/// The sums over `count` ties of a reader whose signal word is `own_word`, 16 ties per AVX-512
/// vector: tie i has signal word `words[i]` and kind `kinds[i]` (every tie social when `kinds` is
/// NULL); behaviours are counted for `groups` groups of four (at most 3). Needs CVECTOR_AVX512.
void cvector_sum_ties_avx512(const uint32_t *words, const uint8_t *kinds, size_t count, uint32_t own_word,
                             int groups, cvector_tie_sums *sums);
#endif

#endif
