/* The firmware's entry: UART0 up (115200, double speed), the board (UART receive, pins,
 * Timer0 tick), then the image that lies in flash at SVM_IMAGE_ADDRESS if it is valid
 * (magic, version, length, CRC, tables; else one "no program" line), then stop for good:
 * the UART drained, cli + sleep (the simavr harness reports 'halted'; a reset starts over). */
#include "svimpy.h"
#include "board.h" /* board.c, console.c, uart.c, timer.c, pins.c */

int main(void) {
  svm_console_init();
  svm_board_init();
  if (svm_board_hasProgram()) svm_vmRun();
  svm_board_halt();
}
