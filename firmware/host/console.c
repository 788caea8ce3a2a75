/* The console on a host: svm_plat_putc writes one byte to stdout (flushed at exit). */
#include <stdio.h>
#include <stdint.h>
#include "svimpy.h"

void svm_plat_putc(uint8_t c) {
  putchar(c);
}
