// UART echo: greets, then echoes each byte upper-cased until '~', then halts.
#include <avr/io.h>
#include "halt.h"
#include "uart.h"

int main(void)
{
	uart_init();
	uart_puts("echo ready\n");
	for (;;) {
		uint8_t c = uart_get();
		if (c == '~')
			break;
		if (c >= 'a' && c <= 'z')
			c -= 'a' - 'A';
		uart_put(c);
	}
	uart_puts("\nbye\n");
	uart_flush();
	halt();
}
