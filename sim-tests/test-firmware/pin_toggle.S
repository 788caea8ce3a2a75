; Toggles PB5 (Arduino D13) at exactly known cycles, then halts. Linked with
; -nostartfiles so the first instruction is at the reset vector, cycle 0.
; Cycle counts (ATmega328p): sbi/cbi 2, ldi 1, dec 1, brne 2 taken / 1 not.
#include <avr/io.h>

; Delays exactly 3*n cycles (ldi 1 + (n-1) * (dec 1 + brne 2) + dec 1 + brne 1).
.macro delay3 n
	ldi r24, \n
1:	dec r24
	brne 1b
.endm

.section .text
.global reset
reset:
	sbi _SFR_IO_ADDR(DDRB), 5    ; cycle 0
	sbi _SFR_IO_ADDR(PORTB), 5   ; cycle 2: PB5 = 1
	delay3 100                   ; cycles 4..303
	cbi _SFR_IO_ADDR(PORTB), 5   ; cycle 304: PB5 = 0
	delay3 200                   ; cycles 306..905
	sbi _SFR_IO_ADDR(PORTB), 5   ; cycle 906: PB5 = 1
	cli
	sleep
