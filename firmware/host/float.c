/* The float operations of vm-spec/platform.ts for the host engine, without libm (the host
 * links no -lm): both are exact, so these give the bits of avr-libc's fmod and floor. */
#include <stdint.h>
#include "svimpy.h"

/* floor(x); beyond 2^23 every float is whole (and inf, nan stay). */
float svm_plat_floor(float x) {
  if (!(x > -8388608.0f && x < 8388608.0f)) return x;
  float t = (float)(int32_t)x;
  if (t == x) return x; /* whole: keeps -0.0 */
  return t > x ? t - 1.0f : t;
}

/* fmod(x, y), y not 0: y scaled by powers of two is subtracted; each r - m with m <= r < 2m is
 * exact (Sterbenz), so nothing is ever rounded. */
float svm_plat_fmod(float x, float y) {
  float ax = x < 0 ? -x : x;
  float ay = y < 0 ? -y : y;
  if (ax - ax != 0.0f || ay != ay) return __builtin_nanf("");
  if (ax < ay || ay - ay != 0.0f) return x;
  float m = ay;
  while (m <= ax * 0.5f) m = m * 2.0f;
  float r = ax;
  for (;;) {
    if (r >= m) r = r - m;
    if (m == ay) break;
    m = m * 0.5f;
  }
  return x < 0 ? -r : r;
}
