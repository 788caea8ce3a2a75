// Keeps simulated time from running ahead of the wall clock (--realtime).
#ifndef SIM_REALTIME_H
#define SIM_REALTIME_H

#include <simavr/sim_avr.h>

// Call after each instruction; sleeps when the simulation is more than 1 ms ahead.
void realtime_pace(avr_t *avr);

#endif
