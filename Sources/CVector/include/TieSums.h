#ifndef CVECTOR_TIE_SUMS_H
#define CVECTOR_TIE_SUMS_H

#include <stddef.h>
#include <stdint.h>

/// The bits of a signal word and the tie kinds that tie sums read (Sim's SignalWord and TieKind;
/// a test checks that they agree).
enum {
    CVECTOR_EXPRESSED_DISSENT = 1u << 0,
    CVECTOR_PRESENT = 1u << 1,
    CVECTOR_LISTED = 1u << 2,
    CVECTOR_TRAVEL_BANNED = 1u << 3,
    CVECTOR_STIGMATIZED = 1u << 4,
    CVECTOR_SCHOOL_RESTRICTED = 1u << 6,
    CVECTOR_BEHAVIOUR_SHIFT = 7,
    CVECTOR_BEHAVIOURS = 12,
    CVECTOR_SCORE_SHIFT = 19,
    CVECTOR_KIND_FAMILY = 0,
    CVECTOR_KIND_SOCIAL = 1,
    CVECTOR_KIND_DISTANT = 2,
};

/// Sums over a citizen's visible ties: present, and not a distant tie while either end is
/// travel-banned.
typedef struct {
    /// Visible ties that expressed dissent, visible ties, listed ones, ones outranking the reader.
    uint32_t counts[4];
    /// `counts` over visible family ties.
    uint32_t family_counts[4];
    /// Σ score fraction over visible ties, and over visible family ties.
    uint64_t fraction_sum;
    uint64_t family_fraction_sum;
    /// Visible ties that did behaviour b.
    uint32_t behaviour_counts[CVECTOR_BEHAVIOURS];
    /// 1 when a visible tie is stigmatized, else 0.
    uint32_t visible_stigmatized;
    /// 1 when a family tie (present or not) is under a school restriction, else 0.
    uint32_t family_school_restricted;
} cvector_tie_sums;

#if defined(__x86_64__)
/// The sums over `count` ties of a reader whose signal word is `own_word`, 16 ties at a time with
/// AVX-512: tie i has signal word `words[i]` and kind `kinds[i]` (every tie social when `kinds` is
/// NULL). Needs CVECTOR_AVX512.
void cvector_sum_ties_avx512(const uint32_t *words, const uint8_t *kinds, size_t count, uint32_t own_word,
                             cvector_tie_sums *sums);
#endif

#endif
