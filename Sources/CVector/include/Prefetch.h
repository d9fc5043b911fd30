#ifndef CVECTOR_PREFETCH_H
#define CVECTOR_PREFETCH_H

#include <stddef.h>
#include <stdint.h>

/// Asks the CPU to start loading the signal words of the ties in slots first ..< end
/// (`words[targets[slot]]`) into its caches, without waiting for them: a hint that changes no
/// result. Swift has no prefetch of its own.
static inline void cvector_prefetch_tie_words(const uint32_t *words, const uint32_t *targets, ptrdiff_t first,
                                              ptrdiff_t end) {
    for (ptrdiff_t slot = first; slot < end; slot++) __builtin_prefetch(words + targets[slot], 0, 3);
}

#endif
