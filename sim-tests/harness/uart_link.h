// UART0 between the simulated MCU and the host: output to stdout, input from a
// file or stdin at the line rate, the end marker, and simavr 1.6's baud-rate fix.
#ifndef SIM_UART_LINK_H
#define SIM_UART_LINK_H

#include <stddef.h>
#include <simavr/sim_avr.h>
#include <simavr/avr_uart.h>

typedef struct uart_link_t {
	avr_t *avr;
	avr_uart_t *uart;

	uint8_t *input;          // bytes still to send, from input_pos on
	size_t input_len, input_pos, input_cap;
	int stdin_open;          // still reading stdin (non-blocking)
	avr_cycle_count_t next_stdin_poll;
	avr_cycle_count_t next_feed_cycle;

	const char *end_marker;
	size_t end_marker_len;
	char *recent;            // the last end_marker_len output bytes
	int end_marker_seen;

	avr_cycle_count_t last_activity_cycle; // last output byte or input byte sent
	uint64_t output_count;
	uint64_t input_count;    // bytes sent to the MCU
	int out_fd;              // where output bytes go: stdout, or a pty
	// Since the last reset (main.c logs and clears them): bytes each way, the cycle of the
	// first input byte and of the last output byte, e.g. for upload throughput.
	uint64_t in_since_reset, out_since_reset;
	avr_cycle_count_t first_input_cycle, last_output_cycle;
} uart_link_t;

// input: NULL (none), "-" (stdin) or a file name. Exits 64 on an unreadable file.
void uart_link_init(uart_link_t *link, avr_t *avr, const char *input, const char *end_marker);

// Queues bytes for UART0 RX (the pty backend uses this).
void uart_link_append_input(uart_link_t *link, const uint8_t *data, size_t n);

// Drops the bytes not yet sent: what a host sent before a reset is lost.
void uart_link_drop_input(uart_link_t *link);

// Call after every instruction: fixes the byte time, feeds the next input byte.
void uart_link_step(uart_link_t *link);

#endif
