#ifndef CZLIB_SHIM_H
#define CZLIB_SHIM_H

#include <zlib.h>

/// zlib's initialisers deflateInit2 and inflateInit2 are macros that pass the library's version
/// and the stream's size, which Swift cannot import; these wrappers call them.

/// Starts a raw deflate stream (no zlib or gzip wrapper: windowBits -15) at `level`, with the
/// default memory level (8) and strategy.
static inline int czlib_deflate_init_raw(z_streamp stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
}

/// Starts an inflate stream that reads one gzip member (windowBits 15 + 16): zlib parses the
/// header and checks the CRC-32 and length in the trailer; inflateReset readies it for the next.
static inline int czlib_inflate_init_gzip(z_streamp stream) {
    return inflateInit2(stream, 15 + 16);
}

#endif
