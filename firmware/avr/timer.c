/* Time on the ATmega328p: Timer0 overflows every 256 * 64 cycles = 1.024 ms at 16 MHz. It runs
 * in fast PWM mode (as on an Arduino) so that pins 5 and 6 can still use it for PWM; millis
 * keeps a fraction so it gains no drift, and micros is millis, the fraction and the timer's
 * count (one counter less for the interrupt to keep). */
#include <avr/interrupt.h>
#include <avr/io.h>
#include <avr/sleep.h>
#include "board.h"

#define US_PER_OVERFLOW (64UL * 256UL / (F_CPU / 1000000UL)) /* 1024 at 16 MHz */
#define MS_INC (US_PER_OVERFLOW / 1000)                     /* whole ms per overflow: 1 */
#define FRACT_INC ((US_PER_OVERFLOW % 1000) >> 3)           /* the rest in 8 us units: 3 */
#define FRACT_MAX (1000 >> 3)                               /* 1 ms in 8 us units: 125 */

static volatile uint32_t ms;
static volatile uint8_t fract;

ISR(TIMER0_OVF_vect) {
  uint32_t m = ms + MS_INC;
  uint8_t f = (uint8_t)(fract + FRACT_INC);
  if (f >= FRACT_MAX) {
    f -= FRACT_MAX;
    m++;
  }
  fract = f;
  ms = m;
}

void svm_timer_init(void) {
  TCCR0A = _BV(WGM01) | _BV(WGM00); /* fast PWM, TOP 0xFF; OC0A/OC0B off until pwmWrite */
  TCCR0B = _BV(CS01) | _BV(CS00);   /* clk / 64 */
  TIMSK0 = _BV(TOIE0);
  sei();
}

uint32_t svm_plat_millis(void) {
  uint8_t sreg = SREG;
  cli();
  uint32_t m = ms;
  SREG = sreg;
  return m;
}

/* ms * 1000 + fract * 8 grows by exactly 1024 per overflow (1 ms + 3 units, or 2 ms - 122 units),
 * so it is overflows * 1024 (modulo 2^32, where micros wraps): plus 4 us per timer count. */
uint32_t svm_plat_micros(void) {
  uint8_t sreg = SREG;
  cli();
  uint32_t m = ms;
  uint8_t f = fract;
  uint8_t t = TCNT0;
  /* An overflow that happened since interrupts went off is not counted yet. */
  bool pending = (TIFR0 & _BV(TOV0)) && t < 255;
  SREG = sreg;
  return m * 1000 + (uint16_t)(f * 8 + t * (64 / (F_CPU / 1000000UL)) + (pending ? US_PER_OVERFLOW : 0));
}

/* Waits us microseconds (up to 2^32 - 1: elapsed time is counted, so micros may wrap meanwhile),
 * idling in sleep mode while more than a tick is left, then spinning on micros for the last
 * stretch so the end is exact (a tick wake-up would be up to 1 ms late). Returns true, and
 * consumes the request, if Ctrl-C arrived meanwhile. */
bool svm_plat_delayUs(uint32_t total) {
  uint32_t start = svm_plat_micros();
  for (;;) {
    if (svm_uart_takeInterrupt()) return true;
    uint32_t elapsed = svm_plat_micros() - start;
    if (elapsed >= total) return false;
    if (total - elapsed > US_PER_OVERFLOW + 100) {
      /* The check above ran with interrupts on; a tick taken since then only shortens this
       * sleep's start, never makes it miss a wake-up: the next overflow comes within 1.024 ms. */
      SMCR = _BV(SE); /* idle: Timer0 and the UART keep running and wake the CPU */
      sleep_cpu();
      SMCR = 0;
    }
  }
}
