// UART0 on a pseudo-terminal, so real serial clients (avrdude, node serialport) can
// talk to the simulated Uno: opening the pty resets the MCU as the DTR pulse of an
// Uno's USB bridge does, and simulated time is paced to the wall clock.
#ifndef SIM_PTY_LINK_H
#define SIM_PTY_LINK_H

#include <signal.h>
#include <time.h>
#include <simavr/sim_avr.h>
#include "uart_link.h"

typedef struct pty_link_t {
	avr_t *avr;
	uart_link_t *uart;
	int master;
	int opens;                  // inotify descriptor: IN_OPEN events of the slave
	int slave_open;             // a client has the pty open
	uint32_t boot_addr;         // where an external reset starts (the reset vector)
	avr_cycle_count_t next_poll;
	avr_cycle_count_t pace_cycle; // simulated and wall-clock time at the pacing origin
	struct timespec pace_wall;
} pty_link_t;

// Creates the pty (raw, 8N1), prints 'svimpy-sim: pty PATH' on stderr and makes
// `link_path` (if not NULL) a symlink to it. Exits 64 if that fails.
void pty_link_init(pty_link_t *pty, avr_t *avr, uart_link_t *uart, const char *link_path,
		uint32_t boot_addr);

// Call after every instruction: moves bytes from the pty to the UART link, resets the
// MCU when a client opens the pty, and sleeps while simulated time runs ahead.
void pty_link_step(pty_link_t *pty);

// The firmware has halted (cli; sleep): only a reset wakes it. Waits on the wall clock
// for a client to open the pty, then resets the MCU; returns 0 on a stop signal.
int pty_link_wait_for_reset(pty_link_t *pty, volatile sig_atomic_t *stop);

// Resets the MCU as the external reset pin does: MCUSR = EXTRF, start at boot_addr.
void external_reset(avr_t *avr, uint32_t boot_addr);

#endif
