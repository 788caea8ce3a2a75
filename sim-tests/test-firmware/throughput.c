// Sends 2000 bytes back to back at 115200 with U2X. PB5 is high exactly while
// they go out, so the pin trace gives the simulated time per byte.
#include <avr/io.h>
#include "halt.h"
#include "uart.h"

#define BYTES 2000

int main(void)
{
	DDRB = _BV(PB5);
	uart_init();
	PORTB = _BV(PB5);
	for (uint16_t i = 0; i < BYTES; i++)
		uart_put('U');
	uart_flush();
	PORTB = 0;
	halt();
}
