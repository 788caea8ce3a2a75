/* Start-up and stop of the Uno board around the VM: the peripherals the platform functions
 * use, the "no program" line, and the final wait (no reboot loop, never running garbage). */
#include <avr/interrupt.h>
#include <avr/io.h>
#include <avr/pgmspace.h>
#include <avr/sleep.h>
#include "board.h"

static const char no_program[] PROGMEM = "svimpy: no program (upload one with: svimpy upload app.py)\n";

void svm_board_init(void) {
  svm_uart_init();
  svm_pins_init();
  svm_timer_init(); /* last: it enables interrupts */
}

/* True when the image region holds a valid image (header, length, CRC, tables); otherwise
 * prints the one line that says so. svm_vmRun checks again (cheap: a CRC pass over flash). */
bool svm_board_hasProgram(void) {
  if (svm_loadImage() == 0) return true;
  for (const char *p = no_program; pgm_read_byte(p); p++) svm_plat_putc(pgm_read_byte(p));
  return false;
}

void svm_board_halt(void) {
  svm_console_flush();
  /* Power-down with interrupts off: only a reset (the bootloader's DTR pulse, the button)
   * wakes the chip. simavr reports it as 'halted'. */
  set_sleep_mode(SLEEP_MODE_PWR_DOWN);
  sleep_enable();
  cli();
  sleep_cpu();
  for (;;) {
  }
}
