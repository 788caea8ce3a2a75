// The normal end of a test program: interrupts off, then sleep for good.
#ifndef TEST_HALT_H
#define TEST_HALT_H

static inline void halt(void) __attribute__((noreturn));
static inline void halt(void)
{
	__asm__ volatile("cli\n\tsleep");
	for (;;)
		;
}

#endif
