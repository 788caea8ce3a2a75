/* The program image on a host: a byte array the host program loads from the .rpyc file. */
#include <stdint.h>

static const uint8_t *image_bytes;
static uint16_t image_length;

/* Called by the host program before svm_run (declared in its own header when it exists). */
void svm_host_set_image(const uint8_t *bytes, uint16_t length) {
  image_bytes = bytes;
  image_length = length;
}

uint8_t svm_plat_imageByte(uint16_t offset) {
  return offset < image_length ? image_bytes[offset] : 0;
}

uint16_t svm_plat_imageSize(void) {
  return image_length;
}
