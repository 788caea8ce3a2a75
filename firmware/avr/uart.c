/* UART0 receive side: an interrupt-driven ring buffer, and Ctrl-C (0x03) as an interrupt
 * request for the running program (the VM polls svm_plat_interruptPending and raises
 * KeyboardInterrupt). Transmit and the baud rate are in console.c. */
#include <avr/interrupt.h>
#include <avr/io.h>
#include <avr/sleep.h>
#include "board.h"

/* The ATmega2560 (and 1284p) have several UARTs and call the first one's vector USART0_RX. */
#if !defined(USART_RX_vect) && defined(USART0_RX_vect)
#define USART_RX_vect USART0_RX_vect
#endif

#define CTRL_C 0x03
#define RX_SIZE 16 /* a power of two; RAM is scarce (the chip itself buffers 2 bytes) */

static uint8_t rx_buf[RX_SIZE];
static volatile uint8_t rx_head; /* written by the ISR */
static volatile uint8_t rx_tail; /* written by readers */
static volatile bool interrupt_pending;

ISR(USART_RX_vect) {
  uint8_t c = UDR0;
  if (c == CTRL_C) {
    interrupt_pending = true;
    return;
  }
  uint8_t next = (uint8_t)((rx_head + 1) & (RX_SIZE - 1));
  if (next != rx_tail) { /* full: drop the byte, as the chip's overrun would */
    rx_buf[rx_head] = c;
    rx_head = next;
  }
}

void svm_uart_init(void) {
  UCSR0B |= _BV(RXCIE0);
}

bool svm_uart_available(void) {
  return rx_head != rx_tail;
}

uint8_t svm_uart_getc(void) {
  /* Idle between checks: the RX interrupt (or the tick) wakes the CPU. Checking with
   * interrupts off and `sei; sleep` closes the race where the byte arrives between the check
   * and the sleep (sleep runs before any interrupt is taken after sei). */
  for (;;) {
    cli();
    if (rx_head != rx_tail) break;
    SMCR = _BV(SE); /* idle mode: the UART and the timers keep running */
    sei();
    sleep_cpu();
    SMCR = 0;
  }
  sei();
  uint8_t c = rx_buf[rx_tail];
  rx_tail = (uint8_t)((rx_tail + 1) & (RX_SIZE - 1));
  return c;
}

bool svm_uart_takeInterrupt(void) {
  if (!interrupt_pending) return false;
  interrupt_pending = false;
  return true;
}

bool svm_plat_interruptPending(void) {
  return svm_uart_takeInterrupt();
}
