/* The Arduino Uno's pins on the ATmega328p: D0-D7 = PD0-PD7, D8-D13 = PB0-PB5,
 * A0-A5 (14-19) = PC0-PC5 (see docs/memory-map.md). The mapping is regular, so it is computed
 * rather than tabled; the PWM pins are a flash table. On the ATmega2560 the same pin numbers
 * are the Mega's pins (pins-mega.h). Pins above 19 are ignored (the Python
 * modules check pin numbers and raise ValueError first). */
#include <avr/io.h>
#include <avr/pgmspace.h>
#include "board.h"

#define MODE_IN 0
#define MODE_OUT 1
#define MODE_IN_PULLUP 2

#if defined(__AVR_ATmega2560__)
#include "pins-mega.h" /* the Mega 2560's map of the same Uno pin numbers */
#else
/* The PINx register of a pin's port (DDRx is at +1, PORTx at +2), or NULL. */
static volatile uint8_t *pin_port(uint8_t pin) {
  if (pin < 8) return &PIND;
  if (pin < 14) return &PINB;
  if (pin < 20) return &PINC;
  return 0;
}

static uint8_t pin_mask(uint8_t pin) {
  if (pin >= 14) pin -= 14;
  else if (pin >= 8) pin -= 8;
  return (uint8_t)(1u << pin);
}

/* PWM pins and their timer outputs, in memory addresses (data space): the timer's TCCRnA,
 * the COMnx1 bit (non-inverting PWM) and the output compare register's low byte. */
#define PWM_PINS 6
static const uint8_t pwm_pin[PWM_PINS] PROGMEM = { 3, 5, 6, 9, 10, 11 };
static const uint8_t pwm_tccra[PWM_PINS] PROGMEM = {
  (uint8_t)(uintptr_t)&TCCR2A, (uint8_t)(uintptr_t)&TCCR0A, (uint8_t)(uintptr_t)&TCCR0A,
  (uint8_t)(uintptr_t)&TCCR1A, (uint8_t)(uintptr_t)&TCCR1A, (uint8_t)(uintptr_t)&TCCR2A };
static const uint8_t pwm_com[PWM_PINS] PROGMEM = {
  _BV(COM2B1), _BV(COM0B1), _BV(COM0A1), _BV(COM1A1), _BV(COM1B1), _BV(COM2A1) };
static const uint8_t pwm_ocr[PWM_PINS] PROGMEM = {
  (uint8_t)(uintptr_t)&OCR2B, (uint8_t)(uintptr_t)&OCR0B, (uint8_t)(uintptr_t)&OCR0A,
  (uint8_t)(uintptr_t)&OCR1AL, (uint8_t)(uintptr_t)&OCR1BL, (uint8_t)(uintptr_t)&OCR2A };

/* Timers 1 and 2 as on an Arduino: 8-bit phase-correct PWM at clk/64 (490 Hz); their outputs
 * stay disconnected until pwmWrite. Timer0 belongs to timer.c (fast PWM, the tick). */
static void pwm_timers_init(void) {
  TCCR1A = _BV(WGM10);
  TCCR1B = _BV(CS11) | _BV(CS10);
  TCCR2A = _BV(WGM20);
  TCCR2B = _BV(CS22);
}

/* The 16-bit timers' output compare registers (the rest are 8-bit). */
static bool pwm_ocr_16bit(uint8_t ocr) {
  return ocr == (uint8_t)(uintptr_t)&OCR1AL || ocr == (uint8_t)(uintptr_t)&OCR1BL;
}
#endif

#define REG(addr) (*(volatile uint8_t *)(uintptr_t)(addr))
#define PIN_IN 0   /* PINx: the level */
#define PIN_DDR 1  /* DDRx: output */
#define PIN_PORT 2 /* PORTx: output level or pull-up */
#define READ 2

/* Reads (how READ) or clears or sets (how 0 or 1) the bits `mask` of register r: every pin and
 * PWM function goes through this one routine (out of line, it is the smallest code). */
static __attribute__((noinline)) uint8_t reg_bits(volatile uint8_t *r, uint8_t mask, uint8_t how) {
  if (how == READ) return (*r & mask) ? 1 : 0;
  if (how) *r |= mask;
  else *r &= (uint8_t)~mask;
  return 0;
}

/* The pin's bit in register reg (PIN_IN, PIN_DDR, PIN_PORT) of its port; pins above 19 read 0. */
static __attribute__((noinline)) uint8_t pin_bit(uint8_t pin, uint8_t reg, uint8_t how) {
  volatile uint8_t *port = pin_port(pin);
  return port ? reg_bits(port + reg, pin_mask(pin), how) : 0;
}

/* Index in the PWM table, or PWM_PINS when the pin has no PWM. */
static __attribute__((noinline)) uint8_t pwm_index(uint8_t pin) {
  uint8_t i = 0;
  while (i < PWM_PINS && pgm_read_byte(&pwm_pin[i]) != pin) i++;
  return i;
}

/* Connects (on) or disconnects the timer output of PWM i; PORTx drives a disconnected pin. */
static __attribute__((noinline)) void pwm_connect(uint8_t i, uint8_t on) {
  reg_bits(&REG(pgm_read_byte(&pwm_tccra[i])), pgm_read_byte(&pwm_com[i]), on);
}

void svm_pins_init(void) {
  pwm_timers_init();
}

void svm_plat_pinMode(uint8_t pin, uint8_t mode) {
  pin_bit(pin, PIN_DDR, mode == MODE_OUT);
  if (mode != MODE_OUT) pin_bit(pin, PIN_PORT, mode == MODE_IN_PULLUP);
}

void svm_plat_pinWrite(uint8_t pin, uint8_t value) {
  pin_bit(pin, PIN_PORT, value != 0);
  uint8_t i = pwm_index(pin);
  if (i < PWM_PINS) pwm_connect(i, 0); /* after the PORT write: from PWM straight to the level */
}

uint8_t svm_plat_pinRead(uint8_t pin) {
  return pin_bit(pin, PIN_IN, READ);
}

/* A 10-bit conversion against AVcc at clk/128 (125 kHz, inside the ADC's 50-200 kHz). */
uint16_t svm_plat_analogRead(uint8_t pin) {
  if (pin < 14 || pin >= 20) return 0;
  ADMUX = (uint8_t)(_BV(REFS0) | (pin - 14));
  ADCSRA = _BV(ADEN) | _BV(ADSC) | _BV(ADPS2) | _BV(ADPS1) | _BV(ADPS0);
  while (ADCSRA & _BV(ADSC)) {
  }
  return ADC;
}

/* duty 0 and 255 are plain low and high (a timer's PWM never reaches them exactly). */
void svm_plat_pwmWrite(uint8_t pin, uint8_t duty) {
  uint8_t i = pwm_index(pin);
  pin_bit(pin, PIN_DDR, 1);
  if (i == PWM_PINS || duty == 0 || duty == 255) {
    svm_plat_pinWrite(pin, duty >= 128);
    return;
  }
  uint8_t ocr = pgm_read_byte(&pwm_ocr[i]);
  if (pwm_ocr_16bit(ocr))
    REG(ocr + 1) = 0; /* 16-bit register: the high byte goes first (through TEMP) */
  REG(ocr) = duty;
  pwm_connect(i, 1);
}
