/* The program image on the ATmega328p: read in place from flash, never copied to RAM. */
#include <stdint.h>
#include <avr/pgmspace.h>

/* TODO(memory map): the image's flash address and area size are decided by the memory-map
   issue (bootloader at 0x7E00; the image sits between the VM's code and the bootloader). */
#ifndef SVM_IMAGE_ADDRESS
#define SVM_IMAGE_ADDRESS 0x5000u
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
