// Polled UART0 at 115200 baud with U2X (UBRR 16), as an Uno runs it.
#ifndef TEST_UART_H
#define TEST_UART_H

#include <stdint.h>

void uart_init(void);
void uart_put(uint8_t byte);
void uart_puts(const char *s);
uint8_t uart_get(void);
void uart_flush(void);    // waits until the last byte has left the shift register

#endif
