/* Host main for generator tests: the platform writes to stdout, then svm_main() runs. */
#include <stdio.h>
#include "svimpy.h"

void svm_plat_putc(uint8_t c) { putchar(c); }

int main(void) {
  svm_main();
  return 0;
}
