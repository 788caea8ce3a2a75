// Application half of the two-chunk HEX test: reports whether the boot stub at
// 0x7E00 ran first and the MCUSR value it saw.
#include <avr/io.h>
#include "halt.h"
#include "uart.h"

static const char hex_digits[] = "0123456789ABCDEF";

int main(void)
{
	uint8_t seen = GPIOR0;
	uart_init();
	if (seen & 0x80) {
		uart_puts("from-boot MCUSR=");
		uart_put(hex_digits[(seen >> 4) & 7]);
		uart_put(hex_digits[seen & 15]);
		uart_put('\n');
	} else {
		uart_puts("no-boot\n");
	}
	uart_flush();
	halt();
}
