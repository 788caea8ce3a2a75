/* The host engine: `svimpy-host app.rpyc` loads the image into memory and runs it.
 * The program's output goes to stdout. The VM itself checks the image (magic, version, length,
 * CRC, tables) and prints its refusal or the compact uncaught-exception record on the console;
 * `svimpy run` turns the record into a CPython-style traceback with the map.
 * Exit status: the VM's (0 ok, 1 uncaught exception, 2 image refused); 3 the file could not be
 * read (message on stderr). */
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include "svimpy.h"

/* firmware/host/image.c */
void svm_host_set_image(const uint8_t *bytes, uint16_t length);

/* Images are addressed with 16-bit offsets: anything longer cannot be one. */
#define MAX_IMAGE 0xFFFFu

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: svimpy-host APP.rpyc\n(build it with `svimpy compile APP.py -o APP.rpyc`)\n");
    return 3;
  }
  FILE *f = fopen(argv[1], "rb");
  if (!f) {
    perror(argv[1]);
    return 3;
  }
  static uint8_t image[MAX_IMAGE + 1];
  size_t length = fread(image, 1, sizeof image, f);
  int failed = ferror(f);
  fclose(f);
  if (failed) {
    fprintf(stderr, "%s: read error\n", argv[1]);
    return 3;
  }
  if (length > MAX_IMAGE) {
    fprintf(stderr, "%s: not an image: more than %u bytes\n", argv[1], MAX_IMAGE);
    return 3;
  }
  svm_host_set_image(image, (uint16_t)length);
  uint8_t status = svm_vmRun();
  if (fflush(stdout) != 0) return 3;
  return status;
}
