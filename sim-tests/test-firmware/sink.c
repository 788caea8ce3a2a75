// Reads bytes silently until '~', then reports how many it got and halts: input
// keeps the firmware from being idle even while it prints nothing.
#include "halt.h"
#include "uart.h"

int main(void)
{
	uart_init();
	uint16_t count = 0;
	while (uart_get() != '~')
		count++;
	uart_puts("got ");
	char digits[6];
	uint8_t n = 0;
	do {
		digits[n++] = (char)('0' + count % 10);
		count /= 10;
	} while (count);
	while (n)
		uart_put((uint8_t)digits[--n]);
	uart_put('\n');
	uart_flush();
	halt();
}
