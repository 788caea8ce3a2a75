// Prints a line, then spins forever with no more output: for the cycle limit,
// the idle timeout and the end marker.
#include "uart.h"

int main(void)
{
	uart_init();
	uart_puts("spinning now END-OF-TEST\n");
	for (;;)
		__asm__ volatile("");
}
