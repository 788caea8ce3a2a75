; Executes an opcode the AVR instruction set does not have (0xFFFF is a valid
; SBRS; 0x0001 is not a valid instruction). Linked with -nostartfiles.
.section .text
.global reset
reset:
	nop
	.word 0x0001
	rjmp reset
