/* The firmware's entry: UART0 up (115200, double speed), run the image that lies in flash at
 * SVM_IMAGE_ADDRESS (svm_vmRun checks it first: magic, version, length, CRC, tables, and
 * prints a refusal instead of running a bad one), then stop: wait for the transmitter to
 * drain, cli + sleep. The simavr harness reports that as 'halted'. */
#include <avr/interrupt.h>
#include <avr/sleep.h>
#include "svimpy.h"
#include "board.h" /* board.c, uart.c, timer.c, pins.c (helper fw) */

/* firmware/avr/console.c */
void svm_console_init(void);
void svm_console_flush(void);

int main(void) {
  svm_console_init();
  svm_board_init();
  if (svm_board_hasProgram()) svm_vmRun();
  svm_console_flush();
  set_sleep_mode(SLEEP_MODE_PWR_DOWN);
  sleep_enable();
  cli();
  sleep_cpu();
  for (;;) {
  }
}
