/* The Arduino Mega 2560's pins for the Uno's pin numbers, included by pins.c on the ATmega2560
 * (docs/memory-map.md, "The Mega 2560"). D0-D13 are spread over ports E, G, H and B, so they
 * are a table; A0-A5 (14-19) are PF0-PF5; the LED is D13 = PB7. PWM on the same pins as the
 * Uno (3 5 6 9 10 11), from the Mega's timers 3, 4, 2 and 1 (Timer0 is timer.c's tick). */

/* The ports' PINx registers (DDRx at +1, PORTx at +2; PINH is beyond the I/O space). */
#define MEGA_PORTS 5
enum { PE_, PG_, PH_, PB_, PF_ };
static volatile uint8_t *const mega_port[MEGA_PORTS] = { &PINE, &PING, &PINH, &PINB, &PINF };

/* Per pin: port index << 3 | bit. */
#define AT(port, bit) (uint8_t)((port) << 3 | (bit))
static const uint8_t mega_pin[20] PROGMEM = {
  AT(PE_, 0), AT(PE_, 1), AT(PE_, 4), AT(PE_, 5), AT(PG_, 5), AT(PE_, 3), AT(PH_, 3), /* D0-D6 */
  AT(PH_, 4), AT(PH_, 5), AT(PH_, 6), AT(PB_, 4), AT(PB_, 5), AT(PB_, 6), AT(PB_, 7), /* D7-D13 */
  AT(PF_, 0), AT(PF_, 1), AT(PF_, 2), AT(PF_, 3), AT(PF_, 4), AT(PF_, 5),             /* A0-A5 */
};
#undef AT

static volatile uint8_t *pin_port(uint8_t pin) {
  if (pin >= 20) return 0;
  return mega_port[pgm_read_byte(&mega_pin[pin]) >> 3];
}

static uint8_t pin_mask(uint8_t pin) {
  return (uint8_t)(1u << (pgm_read_byte(&mega_pin[pin]) & 7));
}

/* D3 = OC3C, D5 = OC3A, D6 = OC4A, D9 = OC2B, D10 = OC2A, D11 = OC1A: TCCRnA, the COMnx1 bit
 * and the output compare register's low byte, as data-space addresses (all below 0x100). */
#define PWM_PINS 6
static const uint8_t pwm_pin[PWM_PINS] PROGMEM = { 3, 5, 6, 9, 10, 11 };
static const uint8_t pwm_tccra[PWM_PINS] PROGMEM = {
  (uint8_t)(uintptr_t)&TCCR3A, (uint8_t)(uintptr_t)&TCCR3A, (uint8_t)(uintptr_t)&TCCR4A,
  (uint8_t)(uintptr_t)&TCCR2A, (uint8_t)(uintptr_t)&TCCR2A, (uint8_t)(uintptr_t)&TCCR1A };
static const uint8_t pwm_com[PWM_PINS] PROGMEM = {
  _BV(COM3C1), _BV(COM3A1), _BV(COM4A1), _BV(COM2B1), _BV(COM2A1), _BV(COM1A1) };
static const uint8_t pwm_ocr[PWM_PINS] PROGMEM = {
  (uint8_t)(uintptr_t)&OCR3CL, (uint8_t)(uintptr_t)&OCR3AL, (uint8_t)(uintptr_t)&OCR4AL,
  (uint8_t)(uintptr_t)&OCR2B, (uint8_t)(uintptr_t)&OCR2A, (uint8_t)(uintptr_t)&OCR1AL };

/* As the Arduino core does: timers 1, 3 and 4 in 8-bit phase-correct PWM at clk/64 (490 Hz),
 * Timer2 phase-correct at clk/64; outputs disconnected until pwmWrite. */
static void pwm_timers_init(void) {
  TCCR1A = _BV(WGM10);
  TCCR1B = _BV(CS11) | _BV(CS10);
  TCCR3A = _BV(WGM30);
  TCCR3B = _BV(CS31) | _BV(CS30);
  TCCR4A = _BV(WGM40);
  TCCR4B = _BV(CS41) | _BV(CS40);
  TCCR2A = _BV(WGM20);
  TCCR2B = _BV(CS22);
}

/* Timers 1, 3, 4 (and 5) are 16-bit: their OCRs sit from 0x88 to 0xAD; Timer2's at 0xB3/0xB4. */
static bool pwm_ocr_16bit(uint8_t ocr) {
  return ocr >= (uint8_t)(uintptr_t)&OCR1AL && ocr < (uint8_t)(uintptr_t)&TCCR2A;
}
