#include "inputs.h"

#include <simavr/avr_adc.h>
#include <simavr/avr_ioport.h>
#include <simavr/sim_io.h>

#define UNO_MV 5000

void inputs_init(avr_t *avr, const sim_options_t *opts)
{
	// simavr's ADC warns and reads 0 unless the supply voltages are set (in mV).
	avr->vcc = avr->avcc = avr->aref = UNO_MV;
	for (int i = 0; i < 6; i++) {
		if (opts->analog_mv[i] < 0)
			continue;
		avr_irq_t *irq = avr_io_getirq(avr, AVR_IOCTL_ADC_GETIRQ, ADC_IRQ_ADC0 + i);
		if (irq)
			avr_raise_irq(irq, (uint32_t)opts->analog_mv[i]);
	}
	// An external level wins over the internal pull-up, as a button to ground does; simavr
	// keeps it per port (mask, value) and applies it whenever the port is written.
	for (int p = 0; p < 12; p++) {
		char port = (char)('A' + p); // A..L: the ports this MCU lacks never match an option
		avr_ioport_external_t ext = { .name = port, .mask = 0, .value = 0 };
		for (int i = 0; i < opts->level_count; i++) {
			if (opts->level_port[i] != port)
				continue;
			ext.mask |= 1u << opts->level_bit[i];
			if (opts->level_value[i])
				ext.value |= 1u << opts->level_bit[i];
		}
		if (!ext.mask)
			continue;
		avr_ioctl(avr, AVR_IOCTL_IOPORT_SET_EXTERNAL(port), &ext);
		for (int b = 0; b < 8; b++)
			if (ext.mask & (1u << b))
				avr_raise_irq(avr_io_getirq(avr, AVR_IOCTL_IOPORT_GETIRQ(port), b), (ext.value >> b) & 1);
	}
}
