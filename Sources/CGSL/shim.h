#ifndef CGSL_SHIM_H
#define CGSL_SHIM_H

#include <gsl/gsl_errno.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_qrng.h>
#include <gsl/gsl_cdf.h>

/// Turns off GSL's default error handler, which aborts the process; errors are
/// then reported only through return codes, which the Swift callers check.
static inline void cgsl_disable_abort_on_error(void) {
    gsl_set_error_handler_off();
}

/// GSL's generator types are exported as mutable globals, which Swift 6 treats
/// as unsafe shared state; these accessors hand them out as plain values.
static inline const gsl_qrng_type *cgsl_qrng_type_sobol(void) { return gsl_qrng_sobol; }

#endif
