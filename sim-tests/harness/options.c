#include "options.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EXIT_USAGE 64

static const char help_text[] =
	"usage: svimpy-sim [options] FIRMWARE.elf | FIRMWARE.hex [MORE.hex ...]\n"
	"Runs AVR firmware on libsimavr; UART0 output goes to stdout as raw bytes.\n"
	"\n"
	"  --mcu NAME        MCU (default atmega328p)\n"
	"  --freq HZ         clock frequency (default: from the ELF, else 16000000)\n"
	"  --input FILE      bytes fed to UART0 RX at the line rate ('-' = stdin)\n"
	"  --end STR         stop when STR appears in the UART output\n"
	"  --cycles N        stop after N cycles (default 2000000000)\n"
	"  --idle-ms N       stop after N ms of simulated time without UART output\n"
	"                    (while input is still being sent the firmware is not idle)\n"
	"  --pin PORTBIT     trace a pin, e.g. B5 (repeatable)\n"
	"  --pins FILE       where traced pin changes go: lines '<cycle> <pin> <0|1>'\n"
	"  --boot            start like an Uno with BOOTRST: at the boot address,\n"
	"                    with an external reset flag in MCUSR\n"
	"  --boot-addr ADDR  boot section byte address (default 0x7E00)\n"
	"  --pty             UART0 on a pseudo-terminal instead of --input/stdout, with\n"
	"                    simulated time paced to the wall clock; each open of the\n"
	"                    pty resets the MCU as a DTR pulse resets an Uno (EXTRF).\n"
	"                    Its path is printed on stderr: 'svimpy-sim: pty PATH'\n"
	"  --pty-link PATH   also make PATH a symlink to the pty (implies --pty)\n"
	"  --events FILE     ordered stream of UART output, pin and PWM changes with\n"
	"                    their cycles, line-buffered (see events.c; e.g. /dev/fd/3)\n"
	"  --realtime        pace simulated time to the wall clock\n"
	"  --analog AN=MV    voltage in mV on ADC input N (0..5, A0..A5 on an Uno;\n"
	"                    repeatable); AVcc and AREF are 5000 mV\n"
	"  --level PB=V      hold input pin PB (e.g. D2) at level V (0 or 1) from outside,\n"
	"                    stronger than the pull-up (repeatable)\n"
	"  --help            this text\n"
	"\n"
	"Several HEX files are overlaid at their own addresses.\n"
	"Exit codes: 0 halted (cli; sleep), 1 end marker seen, 2 cycle limit,\n"
	"3 idle timeout, 4 crash or fatal firmware error, 64 usage error.\n"
	"Each reset is logged on stderr: 'svimpy-sim: reset at cycle N, MCUSR 0xXX'.\n"
	"SIGTERM or SIGINT stop the run with exit code 5.\n"
	"The last line on stderr is 'cycles <N>'.\n";

static void usage_error(const char *fmt, const char *arg)
{
	fprintf(stderr, "svimpy-sim: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\n\n%s", help_text);
	exit(EXIT_USAGE);
}

static uint64_t parse_number(const char *option, const char *text)
{
	char *end;
	if (!text || !*text)
		usage_error("%s needs a number", option);
	unsigned long long v = strtoull(text, &end, 0);
	if (*end || text[0] == '-')
		usage_error("not a number: '%s'", text);
	return v;
}

static void add_pin(sim_options_t *opts, const char *text)
{
	if (!text || strlen(text) != 2 || text[0] < 'A' || text[0] > 'L' ||
			text[1] < '0' || text[1] > '7')
		usage_error("--pin wants a port letter and a bit, like B5 (got '%s')",
				text ? text : "");
	if (opts->pin_count == MAX_TRACED_PINS)
		usage_error("too many --pin options (at most 16): '%s'", text);
	opts->pin_port[opts->pin_count] = text[0];
	opts->pin_bit[opts->pin_count] = text[1] - '0';
	opts->pin_count++;
}

// N=MV: N is the ADC input 0..5, MV the voltage in millivolts (0..5000).
static void add_analog(sim_options_t *opts, const char *text)
{
	char *end;
	if (!text || text[0] < '0' || text[0] > '5' || text[1] != '=' || !text[2])
		usage_error("--analog wants INPUT=MILLIVOLTS, like 0=2500 (got '%s')", text ? text : "");
	long mv = strtol(text + 2, &end, 10);
	if (*end || mv < 0 || mv > 5000)
		usage_error("--analog: millivolts must be 0..5000 (got '%s')", text);
	opts->analog_mv[text[0] - '0'] = (int)mv;
}

void parse_options(int argc, char **argv, sim_options_t *opts)
{
	memset(opts, 0, sizeof(*opts));
	for (int i = 0; i < 6; i++)
		opts->analog_mv[i] = -1;
	opts->mcu = "atmega328p";
	opts->cycle_limit = 2000000000ULL;
	opts->boot_addr = 0x7E00;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *next = i + 1 < argc ? argv[i + 1] : NULL;
		int takes_value = 1;
		if (!strcmp(a, "--help")) {
			fputs(help_text, stdout);
			exit(0);
		} else if (!strcmp(a, "--mcu")) {
			if (!next) usage_error("%s needs a name", a);
			opts->mcu = next;
		} else if (!strcmp(a, "--freq")) {
			opts->freq = (uint32_t)parse_number(a, next);
			if (!opts->freq) usage_error("%s must not be 0", a);
		} else if (!strcmp(a, "--input")) {
			if (!next) usage_error("%s needs a file name or '-'", a);
			opts->input = next;
		} else if (!strcmp(a, "--end")) {
			if (!next || !*next) usage_error("%s needs a non-empty string", a);
			opts->end_marker = next;
		} else if (!strcmp(a, "--cycles")) {
			opts->cycle_limit = parse_number(a, next);
		} else if (!strcmp(a, "--idle-ms")) {
			opts->idle_ms = parse_number(a, next);
		} else if (!strcmp(a, "--pin")) {
			add_pin(opts, next);
		} else if (!strcmp(a, "--pins")) {
			if (!next) usage_error("%s needs a file name", a);
			opts->pins_file = next;
		} else if (!strcmp(a, "--boot")) {
			opts->boot = 1;
			takes_value = 0;
		} else if (!strcmp(a, "--pty")) {
			opts->pty = 1;
			takes_value = 0;
		} else if (!strcmp(a, "--pty-link")) {
			if (!next) usage_error("%s needs a path", a);
			opts->pty = 1;
			opts->pty_link = next;
		} else if (!strcmp(a, "--events")) {
			if (!next) usage_error("%s needs a file name", a);
			opts->events_file = next;
		} else if (!strcmp(a, "--realtime")) {
			opts->realtime = 1;
			takes_value = 0;
		} else if (!strcmp(a, "--level")) {
			if (!next || strlen(next) != 4 || next[0] < 'A' || next[0] > 'L' || next[1] < '0' ||
					next[1] > '7' || next[2] != '=' || (next[3] != '0' && next[3] != '1'))
				usage_error("--level wants PORTBIT=0|1 on a port A to L, like D2=0 (got '%s')",
						next ? next : "");
			if (opts->level_count == MAX_TRACED_PINS)
				usage_error("too many --level options (at most 16): '%s'", next);
			opts->level_port[opts->level_count] = next[0];
			opts->level_bit[opts->level_count] = next[1] - '0';
			opts->level_value[opts->level_count++] = next[3] - '0';
		} else if (!strcmp(a, "--analog")) {
			add_analog(opts, next);
		} else if (!strcmp(a, "--boot-addr")) {
			opts->boot_addr = (uint32_t)parse_number(a, next);
		} else if (a[0] == '-' && a[1]) {
			usage_error("unknown option '%s'", a);
		} else {
			if (opts->firmware_count == MAX_FIRMWARE_FILES)
				usage_error("too many firmware files (at most 8): '%s'", a);
			opts->firmware[opts->firmware_count++] = a;
			takes_value = 0;
		}
		if (takes_value)
			i++;
	}
	if (opts->firmware_count == 0)
		usage_error("%s", "no firmware file given");
	if (opts->pty && opts->input)
		usage_error("%s", "--pty and --input both feed UART0: give only one");
	if (opts->pin_count && !opts->pins_file)
		usage_error("%s", "--pin needs --pins FILE to say where changes go");
}
