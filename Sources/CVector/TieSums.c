// Sums over one citizen's ties' signal words, 16 ties per AVX-512 vector, by the same method as
// Sim's portable TieSums (four ties per SIMD4 vector): each lane spreads a tie's flag and
// behaviour bits into the bytes of 8-bit counters; the 16 lanes are summed once per citizen.
// Integer counts only, so the sums equal the portable ones.
//
// A lane past the last tie loads word 0, which is not present: it is never visible and adds
// nothing.

#include "TieSums.h"

#if defined(__x86_64__)

#include <immintrin.h>

#include "SignalWord.h"

#define AVX512_TARGET __attribute__((target("avx512f,avx512bw,avx512vl,avx512dq")))

// Vectors before the 8-bit counters must be emptied (each lane counts at most one tie a vector).
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

// out[j] = the sum of the 16 lanes of v[j], for 16 vectors at once (a tree of 15 folds).
static inline AVX512_TARGET void sum_lanes(const __m512i v[16], uint32_t out[16]) {
    __m512i quarters[8], halves[4], pairs[2];
    for (int j = 0; j < 8; j++) quarters[j] = fold_quarters(v[2 * j], v[2 * j + 1]);
    for (int j = 0; j < 4; j++) halves[j] = fold_halves(quarters[2 * j], quarters[2 * j + 1]);
    for (int j = 0; j < 2; j++) pairs[j] = fold_pairs(halves[2 * j], halves[2 * j + 1]);
    // The tree leaves v[j]'s sum in lane 4 (j mod 4) + j / 4.
    const __m512i order = _mm512_setr_epi32(0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15);
    _mm512_storeu_si512(out, _mm512_permutexvar_epi32(order, fold_lanes(pairs[0], pairs[1])));
}

// Byte k of every lane, as 16-bit halves: bytes 0 and 2 (even), bytes 1 and 3 (odd).
static inline AVX512_TARGET __m512i even_bytes(__m512i v) {
    return _mm512_and_si512(v, _mm512_set1_epi32(0x00FF00FF));
}
static inline AVX512_TARGET __m512i odd_bytes(__m512i v) {
    return _mm512_and_si512(_mm512_srli_epi32(v, 8), _mm512_set1_epi32(0x00FF00FF));
}

AVX512_TARGET void cvector_sum_ties_avx512(const uint32_t *words, const uint8_t *kinds, size_t count,
                                           uint32_t own_word, int groups, cvector_tie_sums *sums) {
    const __m512i own_fraction = _mm512_set1_epi32((int)(own_word >> CVECTOR_SCORE_SHIFT));
    const __mmask16 reader_banned = (own_word & CVECTOR_TRAVEL_BANNED) ? 0xFFFF : 0;
    __mmask16 stigmatized = 0, school_restricted = 0;
    *sums = (cvector_tie_sums){{0}};
    size_t i = 0;
    do {
        const size_t segment_end = count - i > 16 * SEGMENT_VECTORS ? i + 16 * SEGMENT_VECTORS : count;
        __m512i flag_bytes = _mm512_setzero_si512(), family_flag_bytes = _mm512_setzero_si512();
        __m512i behaviour_bytes[3] = {_mm512_setzero_si512(), _mm512_setzero_si512(), _mm512_setzero_si512()};
        __m512i fraction_sum = _mm512_setzero_si512(), family_fraction_sum = _mm512_setzero_si512();
        for (; i < segment_end; i += 16) {
            const __mmask16 valid = segment_end - i >= 16 ? 0xFFFF : (__mmask16)((1u << (segment_end - i)) - 1);
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
            school_restricted |=
                _mm512_mask_test_epi32_mask(family, word, _mm512_set1_epi32(CVECTOR_SCHOOL_RESTRICTED));
            const __m512i seen = _mm512_maskz_mov_epi32(visible, word);
            stigmatized |= _mm512_test_epi32_mask(seen, _mm512_set1_epi32(CVECTOR_STIGMATIZED));
            const __m512i fraction = _mm512_srli_epi32(seen, CVECTOR_SCORE_SHIFT);
            fraction_sum = _mm512_add_epi32(fraction_sum, fraction);
            family_fraction_sum = _mm512_mask_add_epi32(family_fraction_sum, family, family_fraction_sum, fraction);
            // Bits 0, 1, 2 of the word are expressed dissent, presence and listing; bit 3 becomes
            // "outranks the reader".
            const __m512i dissent_present_listed = _mm512_and_si512(seen, _mm512_set1_epi32(7));
            const __m512i flags = _mm512_mask_or_epi32(dissent_present_listed,
                                                       _mm512_cmpgt_epu32_mask(fraction, own_fraction),
                                                       dissent_present_listed, _mm512_set1_epi32(8));
            const __m512i flag_counts = spread(flags);
            flag_bytes = _mm512_add_epi32(flag_bytes, flag_counts);
            family_flag_bytes = _mm512_mask_add_epi32(family_flag_bytes, family, family_flag_bytes, flag_counts);
            for (int g = 0; g < groups; g++)
                behaviour_bytes[g] = _mm512_add_epi32(
                    behaviour_bytes[g], spread(_mm512_srli_epi32(seen, CVECTOR_BEHAVIOUR_SHIFT + 4 * g)));
        }
        const __m512i zero = _mm512_setzero_si512();
        const __m512i lanes[16] = {
            even_bytes(flag_bytes),         odd_bytes(flag_bytes),         even_bytes(family_flag_bytes),
            odd_bytes(family_flag_bytes),   even_bytes(behaviour_bytes[0]), odd_bytes(behaviour_bytes[0]),
            even_bytes(behaviour_bytes[1]), odd_bytes(behaviour_bytes[1]), even_bytes(behaviour_bytes[2]),
            odd_bytes(behaviour_bytes[2]),  fraction_sum,                  family_fraction_sum,
            zero,                           zero,                          zero,
            zero};
        uint32_t total[16];
        sum_lanes(lanes, total);
        // Each of total[0..<10] holds two 16-bit counts: byte 0 or 1 low, byte 2 or 3 high.
        sums->counts[0] += total[0] & 0xFFFF, sums->counts[2] += total[0] >> 16;
        sums->counts[1] += total[1] & 0xFFFF, sums->counts[3] += total[1] >> 16;
        sums->family_listed += total[2] >> 16;
        sums->family_visible += total[3] & 0xFFFF;
        for (int g = 0; g < 3; g++) {
            sums->behaviour_counts[4 * g] += total[4 + 2 * g] & 0xFFFF;
            sums->behaviour_counts[4 * g + 2] += total[4 + 2 * g] >> 16;
            sums->behaviour_counts[4 * g + 1] += total[5 + 2 * g] & 0xFFFF;
            sums->behaviour_counts[4 * g + 3] += total[5 + 2 * g] >> 16;
        }
        sums->fraction_sum += total[10];
        sums->family_fraction_sum += total[11];
    } while (i < count);
    sums->visible_stigmatized = stigmatized != 0;
    sums->family_school_restricted = school_restricted != 0;
}

#endif
