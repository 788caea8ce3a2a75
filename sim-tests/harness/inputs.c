#include "analog.h"

#include <simavr/avr_adc.h>
#include <simavr/sim_io.h>

#define UNO_MV 5000

void analog_init(avr_t *avr, const sim_options_t *opts)
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
}
