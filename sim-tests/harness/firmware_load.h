// Creates the simulated MCU and loads one ELF or several overlaid Intel HEX files.
#ifndef SIM_FIRMWARE_LOAD_H
#define SIM_FIRMWARE_LOAD_H

#include <simavr/sim_avr.h>
#include "options.h"

// Returns a ready, reset MCU. On a bad file or MCU name prints why and exits 64.
avr_t *load_firmware(const sim_options_t *opts);

#endif
