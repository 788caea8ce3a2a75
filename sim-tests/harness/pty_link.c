#define _GNU_SOURCE // posix_openpt, ptsname, cfmakeraw
#include "pty_link.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/inotify.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#define EXIT_USAGE 64
#define POLL_CYCLES 1024            // 64 us at 16 MHz: under one byte time at 115200
#define PACE_SLACK_NS 1000000LL     // let simulated time lead the wall clock by up to 1 ms
#define PACE_LAG_RESET_NS 50000000LL // a simulation more than 50 ms behind catches up no more
#define START_UP_NS 65000000L       // an Uno's fuses: 16K CK + 65 ms from reset to the first instruction

#define MCUSR_DATA_ADDR 0x54
#define MCUSR_EXTRF 0x02

static void fail(const char *what)
{
	fprintf(stderr, "svimpy-sim: cannot set up the pty: %s (%s)\n", what, strerror(errno));
	exit(EXIT_USAGE);
}

static int64_t ns_between(const struct timespec *a, const struct timespec *b)
{
	return (int64_t)(b->tv_sec - a->tv_sec) * 1000000000LL + (b->tv_nsec - a->tv_nsec);
}

static void pace_from_now(pty_link_t *pty)
{
	pty->pace_cycle = pty->avr->cycle;
	clock_gettime(CLOCK_MONOTONIC, &pty->pace_wall);
}

void external_reset(avr_t *avr, uint32_t boot_addr)
{
	avr_reset(avr);
	avr->state = cpu_Running;
	avr->pc = boot_addr;
	avr->data[MCUSR_DATA_ADDR] = MCUSR_EXTRF;
}

// Raw 8-bit bytes both ways (no echo, no line editing, no CR/NL mapping), as a
// serial client would set it anyway; set before any client opens the pty.
static void make_raw(int slave)
{
	struct termios t;
	if (tcgetattr(slave, &t) < 0)
		fail("tcgetattr");
	cfmakeraw(&t);
	cfsetispeed(&t, B115200);
	cfsetospeed(&t, B115200);
	if (tcsetattr(slave, TCSANOW, &t) < 0)
		fail("tcsetattr");
}

void pty_link_init(pty_link_t *pty, avr_t *avr, uart_link_t *uart, const char *link_path,
		uint32_t boot_addr)
{
	memset(pty, 0, sizeof(*pty));
	pty->avr = avr;
	pty->uart = uart;
	pty->boot_addr = boot_addr;
	pty->master = posix_openpt(O_RDWR | O_NOCTTY);
	if (pty->master < 0 || grantpt(pty->master) < 0 || unlockpt(pty->master) < 0)
		fail("posix_openpt");
	const char *name = ptsname(pty->master);
	if (!name)
		fail("ptsname");
	// Open and close the slave once: the master then reports POLLHUP until a client
	// opens it, which is how a client's open (its DTR pulse) is seen.
	int slave = open(name, O_RDWR | O_NOCTTY);
	if (slave < 0)
		fail(name);
	make_raw(slave);
	close(slave);
	// Every open of the slave is a reset, even a close and reopen between two polls:
	// inotify counts the opens (POLLHUP only tells whether a client has it open now).
	pty->opens = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (pty->opens < 0 || inotify_add_watch(pty->opens, name, IN_OPEN) < 0)
		fail("inotify");
	fcntl(pty->master, F_SETFL, fcntl(pty->master, F_GETFL) | O_NONBLOCK);
	if (link_path) {
		unlink(link_path);
		if (symlink(name, link_path) < 0)
			fail(link_path);
	}
	fprintf(stderr, "svimpy-sim: pty %s\n", name);
	fflush(stderr);
	uart->out_fd = pty->master;
	pace_from_now(pty);
}

// True if a client opened the pty since the last call.
static int opened_again(pty_link_t *pty)
{
	char events[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
	int opened = 0;
	while (read(pty->opens, events, sizeof(events)) > 0)
		opened = 1; // only IN_OPEN is watched
	return opened;
}

// Returns 1 when a client's open has just reset the MCU.
static int check_client(pty_link_t *pty)
{
	struct pollfd p = { .fd = pty->master, .events = POLLIN };
	poll(&p, 1, 0);
	int open_now = !(p.revents & POLLHUP);
	if (opened_again(pty)) {
		// A client opened the port: its DTR goes low and the Uno's reset capacitor
		// pulses RESET. The chip starts 65 ms later (while the client sets up its port).
		// The old firmware's unread output is gone; what the client sends from its open
		// on is kept (on a loaded machine the open may be noticed late, after the client
		// has started talking to what it takes for a fresh chip).
		uart_link_drop_input(pty->uart);
		struct timespec start_up = { .tv_sec = 0, .tv_nsec = START_UP_NS };
		nanosleep(&start_up, NULL);
		tcflush(pty->master, TCOFLUSH);
		external_reset(pty->avr, pty->boot_addr);
		pace_from_now(pty);
		pty->slave_open = open_now;
		return 1;
	}
	if (!open_now && pty->slave_open) {
		uart_link_drop_input(pty->uart);
		tcflush(pty->master, TCIFLUSH); // what the client sent but we had not read yet
	}
	pty->slave_open = open_now;
	return 0;
}

static void read_client(pty_link_t *pty)
{
	uint8_t buf[4096];
	ssize_t n = read(pty->master, buf, sizeof(buf));
	if (n > 0)
		uart_link_append_input(pty->uart, buf, (size_t)n);
}

// Real serial clients time out: keep simulated time from running ahead of them.
static void pace(pty_link_t *pty)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	int64_t wall = ns_between(&pty->pace_wall, &now);
	int64_t sim = (int64_t)((pty->avr->cycle - pty->pace_cycle) * 1000000000ULL / pty->avr->frequency);
	if (sim > wall + PACE_SLACK_NS) {
		struct timespec pause = { .tv_sec = (sim - wall) / 1000000000LL,
				.tv_nsec = (sim - wall) % 1000000000LL };
		nanosleep(&pause, NULL);
	} else if (wall > sim + PACE_LAG_RESET_NS) {
		pace_from_now(pty);
	}
}

void pty_link_step(pty_link_t *pty)
{
	avr_t *avr = pty->avr;
	if (avr->cycle < pty->next_poll)
		return;
	pty->next_poll = avr->cycle + POLL_CYCLES;
	check_client(pty);
	if (pty->slave_open)
		read_client(pty);
	pace(pty);
}

int pty_link_wait_for_reset(pty_link_t *pty, volatile sig_atomic_t *stop)
{
	while (!*stop) {
		if (check_client(pty))
			return 1;
		if (pty->slave_open)
			read_client(pty); // a halted chip reads nothing: the bytes are lost
		uart_link_drop_input(pty->uart);
		struct timespec tick = { .tv_sec = 0, .tv_nsec = 2000000 };
		nanosleep(&tick, NULL);
	}
	return 0;
}
