#include "uart.h"

#include <avr/io.h>

void uart_init(void)
{
	// UBRR before U2X: simavr 1.6 reads U2X only when UBRR0L is written, so this
	// order shows whether the harness corrects the byte time.
	UBRR0H = 0;
	UBRR0L = 16;                 // 16 MHz / (8 * 17) = 117,647 baud, 2.1 % over 115200
	UCSR0A = _BV(U2X0);
	UCSR0C = _BV(UCSZ01) | _BV(UCSZ00);
	UCSR0B = _BV(RXEN0) | _BV(TXEN0);
}

void uart_put(uint8_t byte)
{
	while (!(UCSR0A & _BV(UDRE0)))
		;
	UCSR0A = _BV(TXC0) | _BV(U2X0);  // clear TXC so uart_flush waits for this byte
	UDR0 = byte;
}

void uart_puts(const char *s)
{
	while (*s)
		uart_put((uint8_t)*s++);
}

uint8_t uart_get(void)
{
	while (!(UCSR0A & _BV(RXC0)))
		;
	return UDR0;
}

void uart_flush(void)
{
	while (!(UCSR0A & _BV(TXC0)))
		;
}
