// An application that writes flash through the bootloader's do_spm entry (0x7E02), as the
// firmware's --live upload would: one page in the image region, one in the boot section
// (which do_spm must refuse). Prints what it reads back, then halts.
#include <avr/boot.h>
#include <avr/io.h>
#include <avr/pgmspace.h>
#include "../../sim-tests/test-firmware/halt.h"
#include "../../sim-tests/test-firmware/uart.h"

typedef void (*do_spm_t)(uint16_t address, uint8_t command, uint16_t data);
#define do_spm ((do_spm_t)(0x7E02 / 2)) /* function pointers hold word addresses */

static void write_page(uint16_t address, uint8_t seed)
{
	do_spm(address, _BV(PGERS) | _BV(SPMEN), 0);
	for (uint8_t i = 0; i < SPM_PAGESIZE; i += 2)
		do_spm(address + i, _BV(SPMEN), (uint16_t)((seed + i) | ((seed + i + 1) << 8)));
	do_spm(address, _BV(PGWRT) | _BV(SPMEN), 0);
}

static uint8_t page_is(uint16_t address, uint8_t seed)
{
	for (uint8_t i = 0; i < SPM_PAGESIZE; i++)
		if (pgm_read_byte(address + i) != (uint8_t)(seed + i))
			return 0;
	return 1;
}

int main(void)
{
	uart_init();
	uint8_t boot_first = pgm_read_byte(0x7E00);
	write_page(0x7000, 0x40);
	write_page(0x7E00, 0x40);
	uart_puts(page_is(0x7000, 0x40) ? "image page written\n" : "image page NOT written\n");
	uart_puts(!page_is(0x7E00, 0x40) && pgm_read_byte(0x7E00) == boot_first ? "boot page intact\n" : "boot page CHANGED\n");
	uart_flush();
	halt();
}
