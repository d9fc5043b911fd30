#ifndef CVECTOR_SIGNAL_WORD_H
#define CVECTOR_SIGNAL_WORD_H

/// The parts of a signal word the kernels read (Sim's SignalWord; a test checks that they agree).
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

#endif
