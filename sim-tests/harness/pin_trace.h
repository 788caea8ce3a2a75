// Records changes of chosen port pins with their cycle numbers.
#ifndef SIM_PIN_TRACE_H
#define SIM_PIN_TRACE_H

#include <stdio.h>
#include <simavr/sim_avr.h>
#include "options.h"

// Opens opts->pins_file (exits 64 if it cannot) and hooks each --pin.
void pin_trace_init(avr_t *avr, const sim_options_t *opts);
void pin_trace_close(void);

#endif
