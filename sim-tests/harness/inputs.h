// What drives the Uno's inputs in simavr: AVcc and AREF at 5 V, --analog input voltages and
// --level pin levels (a button to ground, a signal held high).
#ifndef SIM_INPUTS_H
#define SIM_INPUTS_H

#include <simavr/sim_avr.h>
#include "options.h"

void inputs_init(avr_t *avr, const sim_options_t *opts);

#endif
