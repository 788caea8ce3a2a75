// The Uno's analog side in simavr: AVcc and AREF at 5 V, --analog input voltages.
#ifndef SIM_ANALOG_H
#define SIM_ANALOG_H

#include <simavr/sim_avr.h>
#include "options.h"

void analog_init(avr_t *avr, const sim_options_t *opts);

#endif
