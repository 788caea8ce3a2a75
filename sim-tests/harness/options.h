// Command-line options of the svimpy-sim harness.
#ifndef SIM_OPTIONS_H
#define SIM_OPTIONS_H

#include <stdint.h>

#define MAX_FIRMWARE_FILES 8
#define MAX_TRACED_PINS 16

typedef struct sim_options_t {
	const char *firmware[MAX_FIRMWARE_FILES];
	int firmware_count;
	const char *mcu;
	uint32_t freq;             // 0: from the ELF, else 16 MHz
	const char *input;         // NULL: no input; "-": stdin
	const char *end_marker;    // NULL: none
	uint64_t cycle_limit;
	uint64_t idle_ms;          // 0: no idle timeout
	char pin_port[MAX_TRACED_PINS];
	uint8_t pin_bit[MAX_TRACED_PINS];
	int pin_count;
	const char *pins_file;
	int boot;
	uint32_t boot_addr;
	int pty;                   // UART0 on a pseudo-terminal, paced to wall-clock time
	const char *pty_link;      // NULL, or a symlink to create to the pty's slave
	const char *events_file;   // NULL, or where the ordered event stream goes (events.h)
	int realtime;              // pace simulated time to the wall clock
	int analog_mv[6];          // ADC0..ADC5 input voltages in mV (-1: not set)
	char level_port[MAX_TRACED_PINS]; // --level: pins held at a level from outside
	uint8_t level_bit[MAX_TRACED_PINS], level_value[MAX_TRACED_PINS];
	int level_count;
} sim_options_t;

// Parses argv; on a usage error prints the cause and the help text to stderr and
// exits 64. `--help` prints the help text to stdout and exits 0.
void parse_options(int argc, char **argv, sim_options_t *opts);

#endif
