; Pushes forever from a tiny stack: the stack runs through the register file and
; off the bottom of the data space, which simavr treats as a crash.
; Linked with -nostartfiles.
#include <avr/io.h>

.section .text
.global reset
reset:
	ldi r16, 0x20
	out _SFR_IO_ADDR(SPL), r16
	ldi r16, 0
	out _SFR_IO_ADDR(SPH), r16
1:	push r16
	rjmp 1b
