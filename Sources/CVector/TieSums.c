// Sums over a block of citizens' ties' signal words, 16 ties per AVX-512 vector or 8 per AVX2
// vector, by the same method as Sim's portable TieSums (four ties per SIMD4 vector): each lane
// spreads a tie's flag and behaviour bits into the bytes of 8-bit counters; the lanes are summed
// once per citizen. Counts are integers and the weighted sums take the same single-precision
// operations as Sim's Neighbourhood(visible:...), so the results equal the portable ones.
//
// A lane past the last tie holds word 0, which is not present: it is never visible and adds
// nothing.

#include "TieSums.h"

#if defined(__x86_64__)

#include <immintrin.h>

#include "Constants.h"

#pragma clang fp contract(off)

#define AVX512_TARGET __attribute__((target("avx512f,avx512bw,avx512vl,avx512dq")))
#define AVX2_TARGET __attribute__((target("avx2")))

// What a citizen sees, from the integer counts over its visible ties (and visible family ties).
static inline cvector_neighbourhood neighbourhood(uint32_t visible, uint32_t dissenting, uint32_t listed,
                                                  uint32_t outranking, uint32_t family_visible,
                                                  uint32_t family_listed, uint64_t fraction_sum,
                                                  uint64_t family_fraction_sum, float family_weight,
                                                  bool stigmatized, bool school_restricted) {
    return (cvector_neighbourhood){
        .active = (int32_t)visible,
        .dissenting = (int32_t)dissenting,
        .listed_ties = (int32_t)listed,
        .listed_weight = (float)(listed - family_listed) + family_weight * (float)family_listed,
        .score_weight = (float)(visible - family_visible) + family_weight * (float)family_visible,
        .weighted_score_fraction =
            (float)(fraction_sum - family_fraction_sum) + family_weight * (float)family_fraction_sum,
        .outranking = (int32_t)outranking,
        .stigmatized = stigmatized,
        .school_restricted = school_restricted,
    };
}

// The body of a block's sums with `sum` (sum_ties_avx512 or sum_ties_avx2) for one citizen's ties:
// citizen i's ties are slots offsets[i] ..< offsets[i + 1]; a detained citizen sees and counts nothing.
#define SUM_BLOCK_TIES(sum)                                                                                  \
    const int64_t first = block->offsets[0];                                                                 \
    for (size_t i = 0; i < count; i++) {                                                                     \
        float *counts = behaviour_counts + 4 * i;                                                            \
        if (block->detained[i]) {                                                                            \
            seen[i] = (cvector_neighbourhood){0};                                                            \
            for (int g = 0; g < groups; g++) _mm_storeu_ps(counts + 4 * g * stride, _mm_setzero_ps());       \
            continue;                                                                                        \
        }                                                                                                    \
        const int64_t start = block->offsets[i] - first;                                                     \
        seen[i] = sum(block->words + start, block->kinds ? block->kinds + start : NULL,                      \
                      (size_t)(block->offsets[i + 1] - block->offsets[i]), block->own_words[i], groups,      \
                      family_weight, counts, stride);                                                        \
    }

// AVX-512 vectors before the 8-bit counters must be emptied (each lane counts at most one tie a
// vector).
#define SEGMENT_VECTORS 255

// Bit k of each lane's low nibble, as 1 in byte k.
static inline AVX512_TARGET __m512i spread(__m512i nibbles) {
    const __m512i low = _mm512_and_si512(nibbles, _mm512_set1_epi32(15));
    // 0xFE is a | b | c: bits 0, 7 and 14 of the shifted copies land on bytes 0, 1 and 2.
    const __m512i three = _mm512_ternarylogic_epi32(low, _mm512_slli_epi32(low, 7), _mm512_slli_epi32(low, 14), 0xFE);
    // 0xA8 is (a | b) & c.
    return _mm512_ternarylogic_epi32(three, _mm512_slli_epi32(low, 21), _mm512_set1_epi32(0x01010101), 0xA8);
}

// Lanes 0..15 of the two 16-lane vectors a and b, folded pairwise at one of four levels of a
// reduction tree (see sum_lanes).
static inline AVX512_TARGET __m512i fold_quarters(__m512i a, __m512i b) {
    return _mm512_add_epi32(_mm512_shuffle_i32x4(a, b, 0x44), _mm512_shuffle_i32x4(a, b, 0xEE));
}
static inline AVX512_TARGET __m512i fold_halves(__m512i a, __m512i b) {
    return _mm512_add_epi32(_mm512_shuffle_i32x4(a, b, 0x88), _mm512_shuffle_i32x4(a, b, 0xDD));
}
static inline AVX512_TARGET __m512i fold_pairs(__m512i a, __m512i b) {
    return _mm512_add_epi32(_mm512_unpacklo_epi64(a, b), _mm512_unpackhi_epi64(a, b));
}
static inline AVX512_TARGET __m512i fold_lanes(__m512i a, __m512i b) {
    const __m512 x = _mm512_castsi512_ps(a), y = _mm512_castsi512_ps(b);
    return _mm512_add_epi32(_mm512_castps_si512(_mm512_shuffle_ps(x, y, _MM_SHUFFLE(2, 0, 2, 0))),
                            _mm512_castps_si512(_mm512_shuffle_ps(x, y, _MM_SHUFFLE(3, 1, 3, 1))));
}

// Lane j = the sum of the 16 lanes of v[j], for 16 vectors at once (a tree of 15 folds).
static inline AVX512_TARGET __m512i sum_lanes(const __m512i v[16]) {
    __m512i quarters[8], halves[4], pairs[2];
    for (int j = 0; j < 8; j++) quarters[j] = fold_quarters(v[2 * j], v[2 * j + 1]);
    for (int j = 0; j < 4; j++) halves[j] = fold_halves(quarters[2 * j], quarters[2 * j + 1]);
    for (int j = 0; j < 2; j++) pairs[j] = fold_pairs(halves[2 * j], halves[2 * j + 1]);
    // The tree leaves v[j]'s sum in lane 4 (j mod 4) + j / 4.
    const __m512i order = _mm512_setr_epi32(0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15);
    return _mm512_permutexvar_epi32(order, fold_lanes(pairs[0], pairs[1]));
}

// Byte k of every lane, as 16-bit halves: bytes 0 and 2 (even), bytes 1 and 3 (odd).
static inline AVX512_TARGET __m512i even_bytes(__m512i v) {
    return _mm512_and_si512(v, _mm512_set1_epi32(0x00FF00FF));
}
static inline AVX512_TARGET __m512i odd_bytes(__m512i v) {
    return _mm512_and_si512(_mm512_srli_epi32(v, 8), _mm512_set1_epi32(0x00FF00FF));
}

// The folded sums of one segment of at most 16 · SEGMENT_VECTORS ties: lanes 0..9 hold two 16-bit
// counts each (flags, family flags and the three behaviour groups, even bytes low then odd bytes),
// lanes 10 and 11 the segment's score fraction sums, over all and over family ties.
static inline AVX512_TARGET __m512i sum_segment(const uint32_t *words, const uint8_t *kinds, size_t count,
                                                uint32_t own_word, int groups, __mmask16 *stigmatized,
                                                __mmask16 *school_restricted) {
    const __m512i own_fraction = _mm512_set1_epi32((int)(own_word >> CVECTOR_SCORE_SHIFT));
    const __mmask16 reader_banned = (own_word & CVECTOR_TRAVEL_BANNED) ? 0xFFFF : 0;
    __m512i flag_bytes = _mm512_setzero_si512(), family_flag_bytes = _mm512_setzero_si512();
    // Three named vectors, not an array indexed by group, so that they stay in registers.
    __m512i behaviour_bytes0 = _mm512_setzero_si512(), behaviour_bytes1 = _mm512_setzero_si512(),
            behaviour_bytes2 = _mm512_setzero_si512();
    __m512i fraction_sum = _mm512_setzero_si512(), family_fraction_sum = _mm512_setzero_si512();
    for (size_t i = 0; i < count; i += 16) {
        const __mmask16 valid = count - i >= 16 ? 0xFFFF : (__mmask16)((1u << (count - i)) - 1);
        const __m512i word = _mm512_maskz_loadu_epi32(valid, words + i);
        __mmask16 family = 0, distant = 0;
        if (kinds) {
            const __m128i kind = _mm_maskz_loadu_epi8(valid, kinds + i);
            family = _mm_mask_cmpeq_epi8_mask(valid, kind, _mm_set1_epi8(CVECTOR_KIND_FAMILY));
            distant = _mm_cmpeq_epi8_mask(kind, _mm_set1_epi8(CVECTOR_KIND_DISTANT));
        }
        const __mmask16 banned =
            _mm512_test_epi32_mask(word, _mm512_set1_epi32(CVECTOR_TRAVEL_BANNED)) | reader_banned;
        const __mmask16 visible =
            _mm512_test_epi32_mask(word, _mm512_set1_epi32(CVECTOR_PRESENT)) & ~(distant & banned);
        *school_restricted |=
            _mm512_mask_test_epi32_mask(family, word, _mm512_set1_epi32(CVECTOR_SCHOOL_RESTRICTED));
        const __m512i seen = _mm512_maskz_mov_epi32(visible, word);
        *stigmatized |= _mm512_test_epi32_mask(seen, _mm512_set1_epi32(CVECTOR_STIGMATIZED));
        const __m512i fraction = _mm512_srli_epi32(seen, CVECTOR_SCORE_SHIFT);
        fraction_sum = _mm512_add_epi32(fraction_sum, fraction);
        family_fraction_sum = _mm512_mask_add_epi32(family_fraction_sum, family, family_fraction_sum, fraction);
        // Bits 0, 1, 2 of the word are expressed dissent, presence and listing; bit 3 becomes
        // "outranks the reader".
        const __m512i dissent_present_listed = _mm512_and_si512(seen, _mm512_set1_epi32(7));
        const __m512i flags =
            _mm512_mask_or_epi32(dissent_present_listed, _mm512_cmpgt_epu32_mask(fraction, own_fraction),
                                 dissent_present_listed, _mm512_set1_epi32(8));
        const __m512i flag_counts = spread(flags);
        flag_bytes = _mm512_add_epi32(flag_bytes, flag_counts);
        family_flag_bytes = _mm512_mask_add_epi32(family_flag_bytes, family, family_flag_bytes, flag_counts);
        if (groups > 0)
            behaviour_bytes0 =
                _mm512_add_epi32(behaviour_bytes0, spread(_mm512_srli_epi32(seen, CVECTOR_BEHAVIOUR_SHIFT)));
        if (groups > 1)
            behaviour_bytes1 =
                _mm512_add_epi32(behaviour_bytes1, spread(_mm512_srli_epi32(seen, CVECTOR_BEHAVIOUR_SHIFT + 4)));
        if (groups > 2)
            behaviour_bytes2 =
                _mm512_add_epi32(behaviour_bytes2, spread(_mm512_srli_epi32(seen, CVECTOR_BEHAVIOUR_SHIFT + 8)));
    }
    const __m512i zero = _mm512_setzero_si512();
    const __m512i lanes[16] = {
        even_bytes(flag_bytes),         odd_bytes(flag_bytes),         even_bytes(family_flag_bytes),
        odd_bytes(family_flag_bytes),  even_bytes(behaviour_bytes0), odd_bytes(behaviour_bytes0),
        even_bytes(behaviour_bytes1), odd_bytes(behaviour_bytes1), even_bytes(behaviour_bytes2),
        odd_bytes(behaviour_bytes2),  fraction_sum,                family_fraction_sum,
        zero,                           zero,                          zero,
        zero};
    return sum_lanes(lanes);
}

// What a citizen with `count` ties (words, kinds) and signal word `own_word` sees; its behaviour
// counts of group g go to counts[4 g · stride ..< 4 g · stride + 4].
static inline AVX512_TARGET cvector_neighbourhood sum_ties_avx512(const uint32_t *words, const uint8_t *kinds,
                                                                 size_t count, uint32_t own_word, int groups,
                                                                 float family_weight, float *counts, size_t stride) {
    __mmask16 stigmatized = 0, school_restricted = 0;
    __m512i low = _mm512_setzero_si512(), high = _mm512_setzero_si512();
    uint64_t fraction_sum = 0, family_fraction_sum = 0;
    size_t i = 0;
    do {
        const size_t segment = count - i > 16 * SEGMENT_VECTORS ? 16 * SEGMENT_VECTORS : count - i;
        const __m512i total = sum_segment(words + i, kinds ? kinds + i : NULL, segment, own_word, groups,
                                          &stigmatized, &school_restricted);
        low = _mm512_add_epi32(low, _mm512_and_si512(total, _mm512_set1_epi32(0xFFFF)));
        high = _mm512_add_epi32(high, _mm512_srli_epi32(total, 16));
        const __m128i fractions = _mm512_extracti32x4_epi32(total, 2);
        fraction_sum += (uint32_t)_mm_extract_epi32(fractions, 2);
        family_fraction_sum += (uint32_t)_mm_extract_epi32(fractions, 3);
        i += segment;
    } while (i < count);
    // Lane k of `low` (`high`) holds the count of byte 0 or 1 (byte 2 or 3) of vector k of the
    // segment sums: k = 0 dissent | listed, 1 present | outranking, 2 and 3 the same over family
    // ties, 4 + 2 g and 5 + 2 g behaviours 4 g | 4 g + 2 and 4 g + 1 | 4 g + 3.
    uint32_t lows[16], highs[16];
    _mm512_storeu_si512(lows, low);
    _mm512_storeu_si512(highs, high);
    const uint32_t visible = lows[1], listed = highs[0], family_visible = lows[3], family_listed = highs[2];
    const __m512 behaviours = _mm512_cvtepi32_ps(_mm512_permutex2var_epi32(
        low, _mm512_setr_epi32(4, 5, 20, 21, 6, 7, 22, 23, 8, 9, 24, 25, 0, 0, 0, 0), high));
    if (groups > 0) _mm_storeu_ps(counts, _mm512_extractf32x4_ps(behaviours, 0));
    if (groups > 1) _mm_storeu_ps(counts + 4 * stride, _mm512_extractf32x4_ps(behaviours, 1));
    if (groups > 2) _mm_storeu_ps(counts + 8 * stride, _mm512_extractf32x4_ps(behaviours, 2));
    return neighbourhood(visible, lows[0], listed, highs[1], family_visible, family_listed, fraction_sum,
                         family_fraction_sum, family_weight, stigmatized != 0, school_restricted != 0);
}

AVX512_TARGET void cvector_sum_block_ties_avx512(const cvector_tie_block *block, size_t count, int groups,
                                                 float family_weight, cvector_neighbourhood *seen,
                                                 float *behaviour_counts, size_t stride) {
    SUM_BLOCK_TIES(sum_ties_avx512);
}

// AVX2 vectors before the 8-bit counters must be emptied: 31 · 8 = 248 ties, so that a byte summed
// over the 8 lanes stays below 256 and the lanes can be summed with 32-bit adds.
#define AVX2_SEGMENT_VECTORS 31

// All ones in the lanes whose word has `bit` set.
static inline AVX2_TARGET __m256i has_bit_avx2(__m256i words, uint32_t bit) {
    const __m256i mask = _mm256_set1_epi32((int)bit);
    return _mm256_cmpeq_epi32(_mm256_and_si256(words, mask), mask);
}

// Bit k of each lane's nibble (below 16), as 1 in byte k: nibble · 0x00204081 is
// nibble | nibble << 7 | nibble << 14 | nibble << 21, whose bits 0, 8, 16 and 24 are bits 0..3.
static inline AVX2_TARGET __m256i spread_avx2(__m256i nibbles) {
    return _mm256_and_si256(_mm256_mullo_epi32(nibbles, _mm256_set1_epi32(0x00204081)),
                            _mm256_set1_epi32(0x01010101));
}

// Lane j = the sum of the 8 lanes of v[j], for 8 vectors at once (a tree of 7 folds).
static inline AVX2_TARGET __m256i sum_lanes_avx2(const __m256i v[8]) {
    __m256i halves[4], pairs[2];
    for (int j = 0; j < 4; j++)
        halves[j] = _mm256_add_epi32(_mm256_permute2x128_si256(v[2 * j], v[2 * j + 1], 0x20),
                                     _mm256_permute2x128_si256(v[2 * j], v[2 * j + 1], 0x31));
    for (int j = 0; j < 2; j++)
        pairs[j] = _mm256_add_epi32(_mm256_unpacklo_epi64(halves[2 * j], halves[2 * j + 1]),
                                    _mm256_unpackhi_epi64(halves[2 * j], halves[2 * j + 1]));
    const __m256 x = _mm256_castsi256_ps(pairs[0]), y = _mm256_castsi256_ps(pairs[1]);
    const __m256i sums = _mm256_add_epi32(_mm256_castps_si256(_mm256_shuffle_ps(x, y, _MM_SHUFFLE(2, 0, 2, 0))),
                                          _mm256_castps_si256(_mm256_shuffle_ps(x, y, _MM_SHUFFLE(3, 1, 3, 1))));
    // The tree leaves v[j]'s sum in lane j / 2 + 4 (j mod 2).
    return _mm256_permutevar8x32_epi32(sums, _mm256_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7));
}

// The sums of one segment of at most 8 · AVX2_SEGMENT_VECTORS ties, one per lane: the four byte
// counts of flags (dissent, visible, listed, outranking), of the same over family ties and of the
// three behaviour groups in lanes 0..4, the score fraction sums over all and over family ties in
// lanes 5 and 6. The words of visible ties and of family ties are ORed into the two masks.
static inline AVX2_TARGET __m256i sum_segment_avx2(const uint32_t *words, const uint8_t *kinds, size_t count,
                                                   uint32_t own_word, int groups, __m256i *visible_words,
                                                   __m256i *family_words) {
    const __m256i own_fraction = _mm256_set1_epi32((int)(own_word >> CVECTOR_SCORE_SHIFT));
    const __m256i reader_banned = _mm256_set1_epi32((own_word & CVECTOR_TRAVEL_BANNED) ? -1 : 0);
    const __m256i nibble = _mm256_set1_epi32(15);
    __m256i flag_bytes = _mm256_setzero_si256(), family_flag_bytes = _mm256_setzero_si256();
    __m256i behaviour_bytes0 = _mm256_setzero_si256(), behaviour_bytes1 = _mm256_setzero_si256(),
            behaviour_bytes2 = _mm256_setzero_si256();
    __m256i fraction_sum = _mm256_setzero_si256(), family_fraction_sum = _mm256_setzero_si256();
    for (size_t i = 0; i < count; i += 8) {
        // Without kinds every tie is social: -1 is neither family nor distant.
        __m256i word, kind = _mm256_set1_epi32(-1);
        if (count - i >= 8) {
            word = _mm256_loadu_si256((const __m256i *)(words + i));
            if (kinds) kind = _mm256_cvtepu8_epi32(_mm_loadl_epi64((const __m128i *)(kinds + i)));
        } else {
            const __m256i valid =
                _mm256_cmpgt_epi32(_mm256_set1_epi32((int)(count - i)), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
            word = _mm256_maskload_epi32((const int *)(words + i), valid);
            if (kinds) {
                uint8_t tail[8] = {0};
                for (size_t k = 0; k < count - i; k++) tail[k] = kinds[i + k];
                kind = _mm256_cvtepu8_epi32(_mm_loadl_epi64((const __m128i *)tail));
            }
        }
        const __m256i family = _mm256_cmpeq_epi32(kind, _mm256_set1_epi32(CVECTOR_KIND_FAMILY));
        const __m256i distant = _mm256_cmpeq_epi32(kind, _mm256_set1_epi32(CVECTOR_KIND_DISTANT));
        const __m256i banned = _mm256_or_si256(has_bit_avx2(word, CVECTOR_TRAVEL_BANNED), reader_banned);
        const __m256i visible =
            _mm256_andnot_si256(_mm256_and_si256(distant, banned), has_bit_avx2(word, CVECTOR_PRESENT));
        *family_words = _mm256_or_si256(*family_words, _mm256_and_si256(family, word));
        const __m256i seen = _mm256_and_si256(visible, word);
        *visible_words = _mm256_or_si256(*visible_words, seen);
        const __m256i fraction = _mm256_srli_epi32(seen, CVECTOR_SCORE_SHIFT);
        fraction_sum = _mm256_add_epi32(fraction_sum, fraction);
        family_fraction_sum = _mm256_add_epi32(family_fraction_sum, _mm256_and_si256(family, fraction));
        // Bits 0, 1, 2 of the word are expressed dissent, presence and listing; bit 3 becomes
        // "outranks the reader".
        const __m256i flags =
            _mm256_or_si256(_mm256_and_si256(seen, _mm256_set1_epi32(7)),
                            _mm256_and_si256(_mm256_cmpgt_epi32(fraction, own_fraction), _mm256_set1_epi32(8)));
        const __m256i flag_counts = spread_avx2(flags);
        flag_bytes = _mm256_add_epi32(flag_bytes, flag_counts);
        family_flag_bytes = _mm256_add_epi32(family_flag_bytes, _mm256_and_si256(family, flag_counts));
        const __m256i behaviours = _mm256_srli_epi32(seen, CVECTOR_BEHAVIOUR_SHIFT);
        if (groups > 0)
            behaviour_bytes0 = _mm256_add_epi32(behaviour_bytes0, spread_avx2(_mm256_and_si256(behaviours, nibble)));
        if (groups > 1)
            behaviour_bytes1 = _mm256_add_epi32(
                behaviour_bytes1, spread_avx2(_mm256_and_si256(_mm256_srli_epi32(behaviours, 4), nibble)));
        if (groups > 2)
            behaviour_bytes2 = _mm256_add_epi32(
                behaviour_bytes2, spread_avx2(_mm256_and_si256(_mm256_srli_epi32(behaviours, 8), nibble)));
    }
    const __m256i lanes[8] = {flag_bytes,          family_flag_bytes, behaviour_bytes0,      behaviour_bytes1,
                              behaviour_bytes2,    fraction_sum,      family_fraction_sum,   _mm256_setzero_si256()};
    return sum_lanes_avx2(lanes);
}

// What a citizen with `count` ties (words, kinds) and signal word `own_word` sees; its behaviour
// counts of group g go to counts[4 g · stride ..< 4 g · stride + 4].
static inline AVX2_TARGET cvector_neighbourhood sum_ties_avx2(const uint32_t *words, const uint8_t *kinds,
                                                             size_t count, uint32_t own_word, int groups,
                                                             float family_weight, float *counts, size_t stride) {
    __m256i visible_words = _mm256_setzero_si256(), family_words = _mm256_setzero_si256();
    // Byte k of lanes 0..4 of the segment sums, summed over segments.
    __m256i bytes[4] = {_mm256_setzero_si256(), _mm256_setzero_si256(), _mm256_setzero_si256(),
                        _mm256_setzero_si256()};
    uint64_t fraction_sum = 0, family_fraction_sum = 0;
    size_t i = 0;
    do {
        const size_t segment = count - i > 8 * AVX2_SEGMENT_VECTORS ? 8 * AVX2_SEGMENT_VECTORS : count - i;
        const __m256i total = sum_segment_avx2(words + i, kinds ? kinds + i : NULL, segment, own_word, groups,
                                               &visible_words, &family_words);
        for (int k = 0; k < 4; k++)
            bytes[k] = _mm256_add_epi32(bytes[k],
                                        _mm256_and_si256(_mm256_srli_epi32(total, 8 * k), _mm256_set1_epi32(255)));
        fraction_sum += (uint32_t)_mm256_extract_epi32(total, 5);
        family_fraction_sum += (uint32_t)_mm256_extract_epi32(total, 6);
        i += segment;
    } while (i < count);
    // Transposed, the 128-bit half of lane l of by_lane[l mod 4] holds lane l's four byte counts:
    // 0 dissent, visible, listed, outranking; 1 the same over family ties; 2 + g behaviours 4 g ..< 4 g + 4.
    const __m256i low01 = _mm256_unpacklo_epi32(bytes[0], bytes[1]), low23 = _mm256_unpacklo_epi32(bytes[2], bytes[3]);
    const __m256i high01 = _mm256_unpackhi_epi32(bytes[0], bytes[1]),
                  high23 = _mm256_unpackhi_epi32(bytes[2], bytes[3]);
    const __m256i by_lane[4] = {_mm256_unpacklo_epi64(low01, low23), _mm256_unpackhi_epi64(low01, low23),
                                _mm256_unpacklo_epi64(high01, high23), _mm256_unpackhi_epi64(high01, high23)};
    if (groups > 0) _mm_storeu_ps(counts, _mm_cvtepi32_ps(_mm256_castsi256_si128(by_lane[2])));
    if (groups > 1) _mm_storeu_ps(counts + 4 * stride, _mm_cvtepi32_ps(_mm256_castsi256_si128(by_lane[3])));
    if (groups > 2) _mm_storeu_ps(counts + 8 * stride, _mm_cvtepi32_ps(_mm256_extracti128_si256(by_lane[0], 1)));
    uint32_t flags[4], family_flags[4];
    _mm_storeu_si128((__m128i *)flags, _mm256_castsi256_si128(by_lane[0]));
    _mm_storeu_si128((__m128i *)family_flags, _mm256_castsi256_si128(by_lane[1]));
    return neighbourhood(flags[1], flags[0], flags[2], flags[3], family_flags[1], family_flags[2], fraction_sum,
                         family_fraction_sum, family_weight,
                         !_mm256_testz_si256(visible_words, _mm256_set1_epi32(CVECTOR_STIGMATIZED)),
                         !_mm256_testz_si256(family_words, _mm256_set1_epi32(CVECTOR_SCHOOL_RESTRICTED)));
}

AVX2_TARGET void cvector_sum_block_ties_avx2(const cvector_tie_block *block, size_t count, int groups,
                                             float family_weight, cvector_neighbourhood *seen,
                                             float *behaviour_counts, size_t stride) {
    SUM_BLOCK_TIES(sum_ties_avx2);
}

#endif
