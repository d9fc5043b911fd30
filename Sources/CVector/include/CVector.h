#ifndef CVECTOR_H
#define CVECTOR_H

// Kernels written with the widest vector instructions the CPU has, chosen at run time: Swift
// cannot compile one function for AVX-512 and call it only where the CPU supports it; C can.
// Every kernel gives the same results at every level.

#include "Level.h"
#include "Philox.h"
#include "Constants.h"
#include "TieSums.h"
#include "Conduct.h"
#include "Ratings.h"
#include "Prefetch.h"

#endif
