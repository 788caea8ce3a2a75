/* Firmware-internal functions of the ATmega328p board (not part of the generated VM API).
 * The svm_plat_* functions the VM calls are declared in build/gen/svimpy.h. */
#ifndef SVM_BOARD_H
#define SVM_BOARD_H

#include <stdint.h>
#include <stdbool.h>

/* console.c: UART0 115200 baud (U2X), 8N1, blocking transmit. */
void svm_console_init(void);
void svm_console_flush(void);

/* uart.c: receive side. Interrupt-driven ring buffer; 0x03 (Ctrl-C) is not buffered, it sets
 * the flag that svm_plat_interruptPending reports (and clears). */
void svm_uart_init(void);
bool svm_uart_available(void);
uint8_t svm_uart_getc(void); /* waits (idling) for a byte */
bool svm_uart_takeInterrupt(void);

/* timer.c: Timer0 as the 1.024 ms tick (fast PWM, prescaler 64, overflow interrupt). */
void svm_timer_init(void);

/* pins.c: every pin an input without pull-up, PWM off (the reset state; here for clarity). */
void svm_pins_init(void);

/* board.c: uart, pins and timer up (enables interrupts); the image check with its one-line
 * message when there is no valid program. */
void svm_board_init(void);
bool svm_board_hasProgram(void);

/* Stops for good (until reset): flushes the UART, then sleeps with interrupts off. */
void svm_board_halt(void) __attribute__((noreturn));

/* From the generated VM (svimpy.h declares them the same way; main.c includes both, so a
 * change of type there fails the build): board.c needs only these two. */
uint8_t svm_loadImage(void);
void svm_plat_putc(uint8_t c);

/* Platform functions implemented here (uart.c, timer.c, pins.c); the generated svimpy.h
 * declares them too once vm-spec/platform.ts has them (same names and types). */
bool svm_plat_interruptPending(void);
void svm_plat_pinMode(uint8_t pin, uint8_t mode);
void svm_plat_pinWrite(uint8_t pin, uint8_t value);
uint8_t svm_plat_pinRead(uint8_t pin);
uint16_t svm_plat_analogRead(uint8_t pin);
void svm_plat_pwmWrite(uint8_t pin, uint8_t duty);
uint32_t svm_plat_millis(void);
uint32_t svm_plat_micros(void);
bool svm_plat_delayUs(uint32_t us);

#endif
