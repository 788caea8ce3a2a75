// Where a program image goes: from SVM_IMAGE_ADDRESS (platformio.ini [env:uno], the one place
// it is defined) up to the bootloader's section.
import { imageAddress, repoRoot } from '../build/firmware.ts';
import { readFirmwareSettings } from '../build/platformio.ts';
import { BOOT_START } from '../build/bootloader.ts';
import type { Region } from './upload.ts';

export function imageRegion(root = repoRoot): Region {
  return { start: imageAddress(readFirmwareSettings(root, 'uno').flags), end: BOOT_START };
}
