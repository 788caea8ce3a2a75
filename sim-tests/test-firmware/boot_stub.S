; A stand-in bootloader placed at 0x7E00 (linked with --section-start=.bootloader=0x7E00):
; it saves MCUSR with bit 7 set in GPIOR0, so the application can tell it ran and
; what reset cause it saw, then jumps to the application at 0.
#include <avr/io.h>

.section .bootloader, "ax"
.global boot_stub
boot_stub:
	in r24, _SFR_IO_ADDR(MCUSR)
	ori r24, 0x80
	out _SFR_IO_ADDR(GPIOR0), r24
	jmp 0
