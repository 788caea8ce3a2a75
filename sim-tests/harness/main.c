// svimpy-sim: runs AVR firmware on libsimavr for sVimPy's tests and benchmarks.
// See ../README.md for the options, exit codes and simavr 1.6 quirks handled here.
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <simavr/sim_avr.h>

#include "firmware_load.h"
#include "options.h"
#include "pin_trace.h"
#include "uart_link.h"

enum {
	EXIT_HALTED = 0,
	EXIT_END_MARKER = 1,
	EXIT_CYCLE_LIMIT = 2,
	EXIT_IDLE = 3,
	EXIT_CRASHED = 4,
};

#define MCUSR_DATA_ADDR 0x54
#define MCUSR_EXTRF 0x02

static int fatal_seen;

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

static int run(avr_t *avr, const sim_options_t *opts, uart_link_t *link)
{
	avr_cycle_count_t idle_cycles =
			opts->idle_ms ? (avr_cycle_count_t)opts->idle_ms * (avr->frequency / 1000) : 0;
	for (;;) {
		int state = avr_run(avr);
		if (state == cpu_Done)
			return EXIT_HALTED;
		if (state == cpu_Crashed || fatal_seen)
			return EXIT_CRASHED;
		if (link->end_marker_seen)
			return EXIT_END_MARKER;
		if (avr->cycle >= opts->cycle_limit)
			return EXIT_CYCLE_LIMIT;
		if (idle_cycles && avr->cycle - link->last_activity_cycle >= idle_cycles)
			return EXIT_IDLE;
		uart_link_step(link);
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

	int code = run(avr, &opts, &link);
	static const char *reasons[] = { "halted", "end marker", "cycle limit", "idle", "crashed" };
	pin_trace_close();
	fprintf(stderr, "svimpy-sim: stopped: %s at pc 0x%04x\n", reasons[code], avr->pc);
	fprintf(stderr, "cycles %llu\n", (unsigned long long)avr->cycle);
	return code;
}
