#include "pin_trace.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <simavr/avr_ioport.h>
#include <simavr/sim_io.h>

typedef struct traced_pin_t {
	avr_t *avr;
	char port;
	uint8_t bit;
	int value;
} traced_pin_t;

static traced_pin_t pins[MAX_TRACED_PINS];
static FILE *pins_out;

static void on_pin(struct avr_irq_t *irq, uint32_t value, void *param)
{
	(void)irq;
	traced_pin_t *pin = param;
	int v = value ? 1 : 0;
	if (v == pin->value)
		return;
	pin->value = v;
	fprintf(pins_out, "%llu %c%u %d\n", (unsigned long long)pin->avr->cycle,
			pin->port, pin->bit, v);
}

void pin_trace_init(avr_t *avr, const sim_options_t *opts)
{
	if (!opts->pins_file)
		return;
	pins_out = fopen(opts->pins_file, "w");
	if (!pins_out) {
		fprintf(stderr, "svimpy-sim: %s: cannot write the --pins file (%s)\n",
				opts->pins_file, strerror(errno));
		exit(64);
	}
	for (int i = 0; i < opts->pin_count; i++) {
		traced_pin_t *pin = &pins[i];
		pin->avr = avr;
		pin->port = opts->pin_port[i];
		pin->bit = opts->pin_bit[i];
		avr_irq_t *irq = avr_io_getirq(avr, AVR_IOCTL_IOPORT_GETIRQ(pin->port), pin->bit);
		if (!irq) {
			fprintf(stderr, "svimpy-sim: this MCU has no port %c (--pin %c%u)\n",
					pin->port, pin->port, pin->bit);
			exit(64);
		}
		avr_irq_register_notify(irq, on_pin, pin);
	}
}

void pin_trace_close(void)
{
	if (pins_out)
		fclose(pins_out);
	pins_out = NULL;
}
