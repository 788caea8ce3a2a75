#include "events.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <simavr/avr_ioport.h>
#include <simavr/avr_uart.h>
#include <simavr/sim_io.h>

// Lines, one per event (cycle = the cycle the causing instruction started at):
//   <cycle> U <hex byte>       a byte sent on UART0
//   <cycle> P <port><bit> 0|1  a PORTx bit changed: the output level, or the pull-up of an
//                              input (what the firmware drives, not what --level holds;
//                              pins driven by PWM excepted)
//   <cycle> W <port><bit> N    PWM on that pin with duty N/255 (N = 0: PWM off again; a P
//                              line with the level the port drives follows)
// PWM is read from the timer registers of the outputs the firmware uses (TCCRnA COMnx1 set =
// non-inverting PWM output connected). ATmega328p: OC0A D6, OC0B D5, OC1A B1, OC1B B2, OC2A B3,
// OC2B D3. ATmega2560 (firmware/avr/pins-mega.h): OC3C E5, OC3A E3, OC4A H3, OC2B H6, OC2A B4,
// OC1A B5. Every port the MCU has (A..L) is traced.

typedef struct pwm_out_t {
	uint8_t tccra, com_bit, ocr; // data-space addresses and the COMnx1 bit
	char port;
	uint8_t bit;
} pwm_out_t;

#define PWM_COUNT 6
static const pwm_out_t pwm_outs_328p[PWM_COUNT] = {
	{ 0x44, 0x80, 0x47, 'D', 6 }, { 0x44, 0x20, 0x48, 'D', 5 },
	{ 0x80, 0x80, 0x88, 'B', 1 }, { 0x80, 0x20, 0x8A, 'B', 2 },
	{ 0xB0, 0x80, 0xB3, 'B', 3 }, { 0xB0, 0x20, 0xB4, 'D', 3 },
};
static const pwm_out_t pwm_outs_2560[PWM_COUNT] = {
	{ 0x90, 0x08, 0x9C, 'E', 5 }, { 0x90, 0x80, 0x98, 'E', 3 },
	{ 0xA0, 0x80, 0xA8, 'H', 3 }, { 0xB0, 0x20, 0xB4, 'H', 6 },
	{ 0xB0, 0x80, 0xB3, 'B', 4 }, { 0x80, 0x80, 0x88, 'B', 5 },
};
static const pwm_out_t *pwm_outs = pwm_outs_328p;

typedef struct traced_t {
	char port;
	uint8_t bit;
	int level;   // last level written as an event (-1: none yet)
	int pwm;     // duty while a PWM output drives the pin, else 0
} traced_t;

static FILE *out;
static avr_t *chip;
#define PORTS 12 // A..L
static traced_t pins[PORTS][8];
static uint8_t port_value[PORTS]; // the last PORTx value written

static traced_t *traced(char port, uint8_t bit)
{
	return &pins[port - 'A'][bit];
}

static void on_uart(struct avr_irq_t *irq, uint32_t value, void *param)
{
	(void)irq;
	(void)param;
	fprintf(out, "%llu U %02x\n", (unsigned long long)chip->cycle, value & 0xff);
}

static void level_event(traced_t *t, int level)
{
	if (level == t->level)
		return;
	t->level = level;
	fprintf(out, "%llu P %c%u %d\n", (unsigned long long)chip->cycle, t->port, t->bit, level);
}

// A write to PORTx: every bit that changed is an event.
static void on_port(struct avr_irq_t *irq, uint32_t value, void *param)
{
	(void)irq;
	traced_t *bits = param;
	port_value[bits[0].port - 'A'] = (uint8_t)value;
	for (int b = 0; b < 8; b++)
		if (!bits[b].pwm)
			level_event(&bits[b], (value >> b) & 1);
}

void events_init(avr_t *avr, const char *file)
{
	// /dev/fd/N is opened with fdopen: Node's child pipes are sockets, which open() refuses.
	int fd;
	char rest;
	if (sscanf(file, "/dev/fd/%d%c", &fd, &rest) == 1)
		out = fdopen(fd, "w");
	else
		out = fopen(file, "w");
	if (!out) {
		fprintf(stderr, "svimpy-sim: %s: cannot write the --events file (%s)\n", file,
				strerror(errno));
		exit(64);
	}
	setvbuf(out, NULL, _IOLBF, 0); // streamed: a reader sees each event as it happens
	chip = avr;
	avr_irq_register_notify(avr_io_getirq(avr, AVR_IOCTL_UART_GETIRQ('0'), UART_IRQ_OUTPUT),
			on_uart, NULL);
	if (avr->mmcu && !strcmp(avr->mmcu, "atmega2560"))
		pwm_outs = pwm_outs_2560;
	for (int p = 0; p < PORTS; p++) {
		for (uint8_t b = 0; b < 8; b++) {
			traced_t *t = &pins[p][b];
			t->port = (char)('A' + p);
			t->bit = b;
			t->level = 0; // the reset state: every PORTx bit 0
		}
		avr_irq_t *irq = avr_io_getirq(avr, AVR_IOCTL_IOPORT_GETIRQ('A' + p), IOPORT_IRQ_REG_PORT);
		if (irq)
			avr_irq_register_notify(irq, on_port, pins[p]);
	}
}

void events_poll(avr_t *avr)
{
	if (!out)
		return;
	for (unsigned i = 0; i < PWM_COUNT; i++) {
		const pwm_out_t *o = &pwm_outs[i];
		traced_t *t = traced(o->port, o->bit);
		int duty = (avr->data[o->tccra] & o->com_bit) ? avr->data[o->ocr] : 0;
		if (duty == t->pwm)
			continue;
		t->pwm = duty;
		fprintf(out, "%llu W %c%u %d\n", (unsigned long long)avr->cycle, o->port, o->bit, duty);
		if (!duty) {
			// Back to the port's own level; the next P line compares with it.
			t->level = -1;
			level_event(t, (port_value[o->port - 'A'] >> o->bit) & 1);
		}
	}
}

void events_close(void)
{
	if (out)
		fclose(out);
	out = NULL;
}
