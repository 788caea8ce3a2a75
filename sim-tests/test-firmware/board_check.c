/* Exercises the Uno board layer (firmware/avr: uart.c, timer.c, pins.c, board.c) without the
 * VM, for sim-tests/board.test.ts: Ctrl-C and RX, micros/millis/delays, pins, PWM, the ADC,
 * then a blink of D13 every 500 ms. Prints one line per check. */
#include <avr/io.h>
#include "../../firmware/avr/board.h"

static void put_str(const char *s) {
  while (*s) svm_plat_putc((uint8_t)*s++);
}

static void put_num(uint32_t n) {
  char buf[11];
  uint8_t i = sizeof(buf);
  buf[--i] = 0;
  do {
    buf[--i] = (char)('0' + n % 10);
    n /= 10;
  } while (n);
  put_str(&buf[i]);
}

static void line(const char *label, uint32_t n) {
  put_str(label);
  svm_plat_putc(' ');
  put_num(n);
  svm_plat_putc('\n');
}

int main(void) {
  svm_console_init();
  svm_board_init();

  /* The test sends 0x03 'o' 'k' at once: the delay is cut short, the flag is consumed. */
  uint32_t t0 = svm_plat_millis();
  line("cut", svm_plat_delayUs(5000000UL));
  line("cut-before-ms", svm_plat_millis() - t0 < 10);
  line("pending-after", svm_plat_interruptPending());
  svm_plat_putc(svm_uart_getc());
  svm_plat_putc(svm_uart_getc());
  svm_plat_putc('\n');

  uint32_t u0 = svm_plat_micros();
  svm_plat_delayUs(1000);
  line("delay-us-1000", svm_plat_micros() - u0);
  uint32_t m0 = svm_plat_millis();
  u0 = svm_plat_micros();
  bool cut = svm_plat_delayUs(250000UL);
  uint32_t u1 = svm_plat_micros(), m1 = svm_plat_millis();
  line("delay-ms-cut", cut);
  line("delay-ms-250-us", u1 - u0);
  line("delay-ms-250-ms", m1 - m0);

  svm_plat_pinMode(12, 1);
  svm_plat_pinWrite(12, 1);
  line("read-d12", svm_plat_pinRead(12));
  svm_plat_pinWrite(12, 0);
  line("read-d12", svm_plat_pinRead(12));
  svm_plat_pinMode(19, 2);
  line("pullup-a5", (PORTC >> 5) & 1);
  line("ddr-a5", (DDRC >> 5) & 1);
  svm_plat_pinMode(2, 2); /* the test holds D2 low from outside (a pressed button) */
  line("read-d2-pullup", svm_plat_pinRead(2));
  svm_plat_pinMode(4, 2); /* nothing outside: the pull-up */
  line("read-d4-pullup", svm_plat_pinRead(4));
  svm_plat_pinMode(7, 0); /* the test holds D7 high */
  line("read-d7", svm_plat_pinRead(7));

  svm_plat_pwmWrite(9, 128);
  line("pwm9-ocr", OCR1A);
  line("pwm9-com", (TCCR1A & _BV(COM1A1)) != 0);
  svm_plat_pwmWrite(6, 64);
  line("pwm6-ocr", OCR0A);
  line("pwm6-com", (TCCR0A & _BV(COM0A1)) != 0);
  svm_plat_pwmWrite(9, 0);
  line("pwm9-off-com", (TCCR1A & _BV(COM1A1)) != 0);
  svm_plat_pinWrite(6, 1);
  line("pwm6-off-com", (TCCR0A & _BV(COM0A1)) != 0);
  line("timer0-tick-on", (TIMSK0 & _BV(TOIE0)) != 0);

  line("adc-a0", svm_plat_analogRead(14));
  line("adc-mux", ADMUX & 0x0f);
  line("adc-d2", svm_plat_analogRead(2));

  put_str("blink\n");
  svm_console_flush();
  svm_plat_pinMode(13, 1);
  for (uint8_t i = 0; i < 11; i++) {
    svm_plat_pinWrite(13, !(i & 1));
    svm_plat_delayUs(500000UL);
  }
  svm_board_halt();
}
