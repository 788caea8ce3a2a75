#include "firmware_load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <simavr/sim_elf.h>
#include <simavr/sim_hex.h>

#define EXIT_USAGE 64
#define DEFAULT_FREQUENCY 16000000 // an Arduino Uno

static void fail(const char *what, const char *file)
{
	fprintf(stderr, "svimpy-sim: %s: %s\n", file, what);
	exit(EXIT_USAGE);
}

static int is_elf_file(const char *file)
{
	FILE *f = fopen(file, "rb");
	if (!f)
		fail("cannot open the firmware file (check the path)", file);
	char magic[4] = { 0 };
	size_t n = fread(magic, 1, 4, f);
	fclose(f);
	return n == 4 && !memcmp(magic, "\x7f" "ELF", 4);
}

static avr_t *make_mcu(const char *mcu)
{
	avr_t *avr = avr_make_mcu_by_name(mcu);
	if (!avr)
		fail("unknown MCU name (try atmega328p)", mcu);
	avr_init(avr);
	return avr;
}

static avr_t *load_elf(const sim_options_t *opts)
{
	elf_firmware_t fw;
	memset(&fw, 0, sizeof(fw));
	if (elf_read_firmware(opts->firmware[0], &fw) != 0)
		fail("not a readable AVR ELF file", opts->firmware[0]);
	avr_t *avr = make_mcu(fw.mmcu[0] ? fw.mmcu : opts->mcu);
	avr_load_firmware(avr, &fw);
	// simavr's own default is 1 MHz; an ELF may carry its frequency (.mmcu section).
	avr->frequency = fw.frequency ? fw.frequency : DEFAULT_FREQUENCY;
	return avr;
}

// read_ihex_file keeps only the first chunk; read_ihex_chunks keeps them all.
static void overlay_hex(avr_t *avr, const char *file)
{
	ihex_chunk_p chunks = NULL;
	int count = read_ihex_chunks(file, &chunks);
	if (count <= 0)
		fail("not a valid Intel HEX file (no data records read)", file);
	for (int i = 0; i < count; i++) {
		uint32_t end = chunks[i].baseaddr + chunks[i].size;
		if (end > (uint32_t)avr->flashend + 1) {
			fprintf(stderr, "svimpy-sim: %s: data at 0x%X..0x%X lies outside the "
					"%u-byte flash (EEPROM data in HEX files is not supported)\n",
					file, chunks[i].baseaddr, end - 1, avr->flashend + 1);
			exit(EXIT_USAGE);
		}
		memcpy(avr->flash + chunks[i].baseaddr, chunks[i].data, chunks[i].size);
		if (end > avr->codeend)
			avr->codeend = end;
	}
	free_ihex_chunks(chunks);
}

avr_t *load_firmware(const sim_options_t *opts)
{
	avr_t *avr;
	if (is_elf_file(opts->firmware[0])) {
		if (opts->firmware_count > 1)
			fail("an ELF firmware must be the only firmware file "
					"(only HEX files can be overlaid)", opts->firmware[0]);
		avr = load_elf(opts);
	} else {
		avr = make_mcu(opts->mcu);
		for (int i = 0; i < opts->firmware_count; i++) {
			if (is_elf_file(opts->firmware[i]))
				fail("cannot mix ELF and HEX firmware files", opts->firmware[i]);
			overlay_hex(avr, opts->firmware[i]);
		}
		avr->frequency = DEFAULT_FREQUENCY;
	}
	if (opts->freq)
		avr->frequency = opts->freq;
	return avr;
}
