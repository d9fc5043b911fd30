#ifndef CVECTOR_CONSTANTS_H
#define CVECTOR_CONSTANTS_H

// Every constant the C kernels share with the Swift code, in one place. Each one is defined again
// where the Swift code needs it (Sim's SignalWord and TieKind, Agents' Philox4x32 and
// PortableMath, the scenario's behaviour limit); SharedConstantsTests checks that the two agree.

/// The parts of a signal word the kernels read (Sim's SignalWord).
enum {
    CVECTOR_EXPRESSED_DISSENT = 1u << 0,
    CVECTOR_PRESENT = 1u << 1,
    CVECTOR_LISTED = 1u << 2,
    CVECTOR_TRAVEL_BANNED = 1u << 3,
    CVECTOR_STIGMATIZED = 1u << 4,
    CVECTOR_SCHOOL_RESTRICTED = 1u << 6,
    /// Behaviour b done sets bit CVECTOR_BEHAVIOUR_SHIFT + b.
    CVECTOR_BEHAVIOUR_SHIFT = 7,
    /// The score fraction, 0...CVECTOR_SCORE_FRACTION_MAX, is the word shifted down this far.
    CVECTOR_SCORE_SHIFT = 19,
    CVECTOR_SCORE_FRACTION_MAX = 8191,
};

/// Tie kinds (Sim's TieKind raw values).
enum {
    CVECTOR_KIND_FAMILY = 0,
    CVECTOR_KIND_SOCIAL = 1,
    CVECTOR_KIND_DISTANT = 2,
};

/// Limits the kernels are written for.
enum {
    /// Behaviours a scenario may have: one signal-word bit each, between the behaviour and the
    /// score bits (Sim's Behaviour.maximumCount).
    CVECTOR_BEHAVIOUR_LIMIT = CVECTOR_SCORE_SHIFT - CVECTOR_BEHAVIOUR_SHIFT,
    /// Groups of four behaviours the tie sums count.
    CVECTOR_BEHAVIOUR_GROUPS = (CVECTOR_BEHAVIOUR_LIMIT + 3) / 4,
    /// Groups of four behaviours whose acts fit the choice kernels' 32-bit result.
    CVECTOR_CONDUCT_GROUP_LIMIT = 8,
    /// Ratings a citizen may receive in a tick for the vector ratings kernels.
    CVECTOR_RATINGS_LIMIT = 3,
};

/// Philox4x32-10's round multipliers and Weyl key increments (Agents' Philox4x32).
#define CVECTOR_PHILOX_M0 0xD2511F53u
#define CVECTOR_PHILOX_M1 0xCD9E8D57u
#define CVECTOR_PHILOX_W0 0x9E3779B9u
#define CVECTOR_PHILOX_W1 0xBB67AE85u

/// The constants of Agents' PortableMath.exp. Inputs are clamped to [LOWEST, HIGHEST]; adding
/// MAGIC (1.5 · 2²³) rounds a float below 2²² in magnitude to an integer; ln 2 is split in two
/// (Cody and Waite) so the remainder keeps full precision; C0..C6 are the polynomial's
/// coefficients 1/k!, as the floats nearest to them (hexadecimal, so that Swift can import them).
#define CVECTOR_EXP_MAGIC 12582912.0f
#define CVECTOR_EXP_LOWEST (-87.0f)
#define CVECTOR_EXP_HIGHEST 88.0f
#define CVECTOR_EXP_LOG2E 1.44269504f
#define CVECTOR_EXP_LN2_HIGH 0.693145751953125f
#define CVECTOR_EXP_LN2_LOW 1.428606765330187e-6f
#define CVECTOR_EXP_C6 0x1.6c16c2p-10f
#define CVECTOR_EXP_C5 0x1.111112p-7f
#define CVECTOR_EXP_C4 0x1.555556p-5f
#define CVECTOR_EXP_C3 0x1.555556p-3f
#define CVECTOR_EXP_C2 0.5f
#define CVECTOR_EXP_C1 1.0f
#define CVECTOR_EXP_C0 1.0f

#endif
