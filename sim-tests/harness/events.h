// One ordered stream of what an Uno program does, for `svimpy sim`: UART output bytes, level
// changes of every port pin, PWM duty changes, each stamped with its cycle.
#ifndef SIM_EVENTS_H
#define SIM_EVENTS_H

#include <simavr/sim_avr.h>

// Opens FILE (e.g. /dev/fd/3) and hooks UART0 output and ports B, C, D. Exits 64 on failure.
void events_init(avr_t *avr, const char *file);
// After every instruction: notices PWM outputs being connected, changed or disconnected.
void events_poll(avr_t *avr);
void events_close(void);

#endif
