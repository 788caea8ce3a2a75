// svimpy-sim: runs AVR firmware on libsimavr for sVimPy's tests and benchmarks.
// See ../README.md for the options, exit codes and simavr 1.6 quirks handled here.
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <simavr/sim_avr.h>

#include "events.h"
#include "firmware_load.h"
#include "inputs.h"
#include "options.h"
#include "pin_trace.h"
#include "pty_link.h"
#include "realtime.h"
#include "uart_link.h"

enum {
	EXIT_HALTED = 0,
	EXIT_END_MARKER = 1,
	EXIT_CYCLE_LIMIT = 2,
	EXIT_IDLE = 3,
	EXIT_CRASHED = 4,
	EXIT_SIGNALLED = 5,
};

#define MCUSR_DATA_ADDR 0x54
#define MCUSR_EXTRF 0x02
#define SPL_DATA_ADDR 0x5d
#define SPH_DATA_ADDR 0x5e

static int fatal_seen;
static volatile sig_atomic_t stop_signal;

static void on_stop_signal(int sig)
{
	stop_signal = sig;
}

// Every reset (power-on aside) is logged with the cycle and the cause the firmware
// will read in MCUSR; simavr's watchdog sets WDRF only after its reset, so the flags
// are read at the first instruction after it.
static void (*chip_reset)(avr_t *avr);
static int reset_to_log;

static void log_reset(avr_t *avr)
{
	if (chip_reset)
		chip_reset(avr);
	reset_to_log = 1;
}

// simavr reports bad opcodes and wild memory accesses only through its logger
// (and its default logger writes to stdout, which carries the UART output).
static void log_to_stderr(avr_t *avr, const int level, const char *format, va_list ap)
{
	(void)avr;
	if (strstr(format, "Invalid Opcode") || strstr(format, "Invalid write address") ||
			strstr(format, "Invalid read address"))
		fatal_seen = 1;
	if (level <= LOG_WARNING)
		vfprintf(stderr, format, ap);
}

// simavr's default sleep callback usleeps to follow wall-clock time.
static void sleep_not(avr_t *avr, avr_cycle_count_t how_long)
{
	(void)avr;
	(void)how_long;
}

static void start_like_bootrst(avr_t *avr, uint32_t boot_addr)
{
	avr->reset_pc = boot_addr;
	avr->pc = boot_addr;
	// simavr leaves the power-on flag after avr_init; an Uno reset by avrdude sees EXTRF.
	avr->data[MCUSR_DATA_ADDR] = MCUSR_EXTRF;
}

// The lowest stack pointer of the run (interrupts included): the firmware's deepest C stack is
// RAMEND minus it, reported as "stack N" so tests can hold it to the Uno's free RAM.
static uint16_t stack_low = 0xffff;

static void track_stack(avr_t *avr)
{
	uint16_t sp = avr->data[SPL_DATA_ADDR] | (avr->data[SPH_DATA_ADDR] << 8);
	if (sp < stack_low)
		stack_low = sp;
}

static int run(avr_t *avr, const sim_options_t *opts, uart_link_t *link, pty_link_t *pty)
{
	avr_cycle_count_t idle_cycles =
			opts->idle_ms ? (avr_cycle_count_t)opts->idle_ms * (avr->frequency / 1000) : 0;
	for (;;) {
		int state = avr_run(avr);
		track_stack(avr);
		if (state == cpu_Done) {
			// On a pty a halted Uno waits for the next reset (a client's open).
			if (!pty || !pty_link_wait_for_reset(pty, &stop_signal))
				return stop_signal ? EXIT_SIGNALLED : EXIT_HALTED;
			continue;
		}
		if (state == cpu_Crashed || fatal_seen)
			return EXIT_CRASHED;
		if (reset_to_log) {
			reset_to_log = 0;
			if (link->in_since_reset || link->out_since_reset)
				fprintf(stderr, "svimpy-sim: uart before the reset: %llu bytes in from cycle %llu, "
						"%llu bytes out until cycle %llu\n",
						(unsigned long long)link->in_since_reset,
						(unsigned long long)link->first_input_cycle,
						(unsigned long long)link->out_since_reset,
						(unsigned long long)link->last_output_cycle);
			link->in_since_reset = link->out_since_reset = 0;
			fprintf(stderr, "svimpy-sim: reset at cycle %llu, MCUSR 0x%02x\n",
					(unsigned long long)avr->cycle, avr->data[MCUSR_DATA_ADDR]);
		}
		if (stop_signal)
			return EXIT_SIGNALLED;
		if (link->end_marker_seen)
			return EXIT_END_MARKER;
		if (avr->cycle >= opts->cycle_limit)
			return EXIT_CYCLE_LIMIT;
		if (idle_cycles && avr->cycle - link->last_activity_cycle >= idle_cycles)
			return EXIT_IDLE;
		uart_link_step(link);
		events_poll(avr);
		if (opts->realtime)
			realtime_pace(avr);
		if (pty)
			pty_link_step(pty);
	}
}

int main(int argc, char **argv)
{
	sim_options_t opts;
	parse_options(argc, argv, &opts);
	avr_global_logger_set(log_to_stderr);

	avr_t *avr = load_firmware(&opts);
	avr->sleep = sleep_not;
	if (opts.boot)
		start_like_bootrst(avr, opts.boot_addr);

	uart_link_t link;
	uart_link_init(&link, avr, opts.input, opts.end_marker);
	pin_trace_init(avr, &opts);
	if (opts.events_file)
		events_init(avr, opts.events_file);
	inputs_init(avr, &opts);
	pty_link_t pty;
	if (opts.pty)
		pty_link_init(&pty, avr, &link, opts.pty_link, opts.boot ? opts.boot_addr : 0);
	chip_reset = avr->reset;
	avr->reset = log_reset;
	signal(SIGTERM, on_stop_signal);
	signal(SIGINT, on_stop_signal);

	int code = run(avr, &opts, &link, opts.pty ? &pty : NULL);
	static const char *reasons[] = { "halted", "end marker", "cycle limit", "idle", "crashed",
			"signal" };
	pin_trace_close();
	events_close();
	if (opts.pty_link)
		unlink(opts.pty_link);
	fprintf(stderr, "svimpy-sim: stopped: %s at pc 0x%04x\n", reasons[code], avr->pc);
	if (stack_low <= avr->ramend)
		fprintf(stderr, "stack %u\n", (unsigned)(avr->ramend - stack_low));
	fprintf(stderr, "cycles %llu\n", (unsigned long long)avr->cycle);
	return code;
}
