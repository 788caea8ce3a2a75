/* ATmega328p program of a conformance case: UART up, the case's main (svm_main), wait for the
 * transmitter to drain, then cli + sleep, which the simavr harness reports as 'halted'. */
#include <avr/interrupt.h>
#include <avr/sleep.h>
#include "svimpy.h"

/* firmware/avr/console.c */
void svm_console_init(void);
void svm_console_flush(void);

int main(void) {
  svm_console_init();
  svm_main();
  svm_console_flush();
  set_sleep_mode(SLEEP_MODE_PWR_DOWN);
  sleep_enable();
  cli();
  sleep_cpu();
  for (;;) {
  }
}
