/* The program image on the ATmega328p: read in place from flash, never copied to RAM. */
#include <stdint.h>
#include <avr/pgmspace.h>

/* The image lies between the firmware's code and the bootloader at 0x7E00. Its address is a
   build flag of platformio.ini [env:uno], defined there only (the tools read it from there). */
#ifndef SVM_IMAGE_ADDRESS
#error "SVM_IMAGE_ADDRESS is not defined: build with the flags of platformio.ini [env:uno]"
#endif
#ifndef SVM_IMAGE_AREA
#define SVM_IMAGE_AREA (0x7E00u - SVM_IMAGE_ADDRESS)
#endif

uint8_t svm_plat_imageByte(uint16_t offset) {
  return pgm_read_byte(SVM_IMAGE_ADDRESS + offset);
}

uint16_t svm_plat_imageSize(void) {
  return SVM_IMAGE_AREA;
}
