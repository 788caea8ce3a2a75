#include "uart_link.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <simavr/sim_io.h>

#define EXIT_USAGE 64
#define STDIN_POLL_CYCLES 4096

static avr_uart_t *find_uart0(avr_t *avr)
{
	for (avr_io_t *io = avr->io_port; io; io = io->next)
		if (!strcmp(io->kind, "uart") && ((avr_uart_t *)io)->name == '0')
			return (avr_uart_t *)io;
	return NULL;
}

static void on_output(struct avr_irq_t *irq, uint32_t value, void *param)
{
	(void)irq;
	uart_link_t *link = param;
	uint8_t byte = (uint8_t)value;
	// Raw and unbuffered, so a caller sees output as it happens.
	if (write(link->out_fd, &byte, 1) < 0) {
		// The reader went away (or no one has the pty open): keep simulating so the
		// exit code stays meaningful; a real UART's bytes are lost just the same.
	}
	link->last_activity_cycle = link->avr->cycle;
	link->output_count++;
	link->out_since_reset++;
	link->last_output_cycle = link->avr->cycle;
	if (link->end_marker_len) {
		memmove(link->recent, link->recent + 1, link->end_marker_len - 1);
		link->recent[link->end_marker_len - 1] = (char)byte;
		if (!memcmp(link->recent, link->end_marker, link->end_marker_len))
			link->end_marker_seen = 1;
	}
}

void uart_link_append_input(uart_link_t *link, const uint8_t *data, size_t n)
{
	if (link->input_pos == link->input_len)
		link->input_pos = link->input_len = 0;
	if (link->input_len + n > link->input_cap) {
		link->input_cap = (link->input_len + n) * 2 + 256;
		link->input = realloc(link->input, link->input_cap);
		if (!link->input) {
			fprintf(stderr, "svimpy-sim: out of memory for UART input\n");
			exit(EXIT_USAGE);
		}
	}
	memcpy(link->input + link->input_len, data, n);
	link->input_len += n;
}

static void read_input_file(uart_link_t *link, const char *file)
{
	FILE *f = fopen(file, "rb");
	if (!f) {
		fprintf(stderr, "svimpy-sim: %s: cannot open the --input file (%s)\n",
				file, strerror(errno));
		exit(EXIT_USAGE);
	}
	uint8_t buf[4096];
	size_t n;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		uart_link_append_input(link, buf, n);
	fclose(f);
}

static void poll_stdin(uart_link_t *link)
{
	uint8_t buf[4096];
	ssize_t n = read(STDIN_FILENO, buf, sizeof(buf));
	if (n > 0)
		uart_link_append_input(link, buf, (size_t)n);
	else if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR))
		link->stdin_open = 0;
}

void uart_link_drop_input(uart_link_t *link)
{
	link->input_pos = link->input_len = 0;
	link->next_feed_cycle = 0;
}

void uart_link_init(uart_link_t *link, avr_t *avr, const char *input, const char *end_marker)
{
	memset(link, 0, sizeof(*link));
	link->avr = avr;
	link->out_fd = STDOUT_FILENO;
	link->uart = find_uart0(avr);
	if (!link->uart) {
		fprintf(stderr, "svimpy-sim: this MCU has no UART0\n");
		exit(EXIT_USAGE);
	}
	// No console echo of UART lines, and no usleep while the firmware polls.
	uint32_t flags = 0;
	avr_ioctl(avr, AVR_IOCTL_UART_SET_FLAGS('0'), &flags);
	avr_irq_register_notify(avr_io_getirq(avr, AVR_IOCTL_UART_GETIRQ('0'), UART_IRQ_OUTPUT),
			on_output, link);

	if (input && !strcmp(input, "-")) {
		fcntl(STDIN_FILENO, F_SETFL, fcntl(STDIN_FILENO, F_GETFL) | O_NONBLOCK);
		link->stdin_open = 1;
	} else if (input) {
		read_input_file(link, input);
	}
	if (end_marker) {
		link->end_marker = end_marker;
		link->end_marker_len = strlen(end_marker);
		link->recent = calloc(link->end_marker_len, 1);
	}
}

// simavr 1.6 computes the byte time only when UBRRnL is written, so it misses a
// later U2X change, and it always counts a parity bit. Recompute it from the
// registers as the firmware has set them.
static void fix_byte_time(uart_link_t *link)
{
	static const int data_bits[8] = { 5, 6, 7, 8, 8, 8, 8, 9 };
	avr_t *avr = link->avr;
	avr_uart_t *u = link->uart;
	uint32_t ubrr = avr_regbit_get(avr, u->ubrrl) | (avr_regbit_get(avr, u->ubrrh) << 8);
	uint32_t bit_cycles = (ubrr + 1) * (avr_regbit_get(avr, u->u2x) ? 8 : 16);
	int data = data_bits[avr_regbit_get(avr, u->ucsz) | (avr_regbit_get(avr, u->ucsz2) << 2)];
	int parity = u->r_ucsrc && (avr->data[u->r_ucsrc] & 0x30) ? 1 : 0; // UPMn1:0
	int stop = 1 + avr_regbit_get(avr, u->usbs);
	u->cycles_per_byte = bit_cycles * (1 + data + parity + stop);
}

// Sends the next byte when the receiver is enabled, the previous byte has been
// read and a byte time has passed since it was sent: never faster than the
// line, never faster than the firmware reads (the real chip buffers 2 bytes).
static void feed_input(uart_link_t *link)
{
	avr_t *avr = link->avr;
	avr_uart_t *u = link->uart;
	if (link->input_pos == link->input_len) {
		if (!link->stdin_open || avr->cycle < link->next_stdin_poll)
			return;
		link->next_stdin_poll = avr->cycle + STDIN_POLL_CYCLES;
		link->input_pos = link->input_len = 0;
		poll_stdin(link);
		if (link->input_len == 0)
			return;
	}
	if (avr->cycle < link->next_feed_cycle || !avr_regbit_get(avr, u->rxen) ||
			u->input.read != u->input.write) // RX FIFO not empty
		return;
	avr_raise_irq(u->io.irq + UART_IRQ_INPUT, link->input[link->input_pos++]);
	link->input_count++;
	if (!link->in_since_reset++)
		link->first_input_cycle = avr->cycle;
	link->next_feed_cycle = avr->cycle + u->cycles_per_byte;
	// A firmware still taking input is not idle, even if it prints nothing.
	link->last_activity_cycle = avr->cycle;
}

void uart_link_step(uart_link_t *link)
{
	fix_byte_time(link);
	feed_input(link);
}
