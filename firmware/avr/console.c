/* The console on the ATmega328p: UART0 at 115200 baud with U2X (UBRR 16: 117,647 baud, 2.1 %
 * fast, what an Uno's bootloader uses), 8N1, blocking transmit. */
#include <avr/io.h>
#include <stdint.h>
#include "board.h" /* svm_plat_putc, svm_console_* */

/* Not part of the generated API: called by the firmware's main (see the prototypes there). */
void svm_console_init(void);
void svm_console_flush(void);

void svm_console_init(void) {
  /* UBRR before U2X: simavr 1.6 reads U2X only when UBRR0L is written (docs in sim-tests). */
  UBRR0H = 0;
  UBRR0L = 16;
  UCSR0A = _BV(U2X0);
  UCSR0C = _BV(UCSZ01) | _BV(UCSZ00);
  UCSR0B = _BV(RXEN0) | _BV(TXEN0);
}

/* TXC0 is only ever set after a byte was sent: flushing without one would wait forever. */
static uint8_t sent_any;

void svm_plat_putc(uint8_t c) {
  sent_any = 1;
  while (!(UCSR0A & _BV(UDRE0))) {
  }
  UCSR0A = _BV(TXC0) | _BV(U2X0); /* clear TXC so svm_console_flush waits for this byte */
  UDR0 = c;
}

/* Waits until the last byte has left the shift register (so nothing is lost at a halt). */
void svm_console_flush(void) {
  if (!sent_any || !(UCSR0B & _BV(TXEN0))) return;
  while (!(UCSR0A & _BV(TXC0))) {
  }
}
