// Platform functions: the only way the VM touches the world.
//
// This file is the boundary of the subset. The generator lowers nothing here: for each
// exported function with a body that calls `platform.<name>` it emits only a C prototype
// `svm_plat_<name>(...)`, implemented per target in firmware/avr and firmware/host.
// Under Node, a host program installs an implementation with setPlatform().
import type { u8, u16 } from './types.ts';

export interface Platform {
  putc(c: u8): void;
  imageByte(offset: u16): u8;
  imageSize(): u16;
}

function missing(name: string): never {
  throw new Error(`vm-spec: platform function ${name} is not installed (see setPlatform)`);
}

const unset: Platform = {
  putc: () => missing('putc'),
  imageByte: () => missing('imageByte'),
  imageSize: () => missing('imageSize'),
};

let platform: Platform = unset;

/** Installs the Node implementation of the platform; functions left out throw when called. */
export function setPlatform(p: Partial<Platform>): void {
  platform = { ...unset, ...p };
}

/** Writes one byte to the console (the UART on the AVR, stdout on a host). */
export function putc(c: u8): void {
  platform.putc(c);
}

/** Byte `offset` of the program image (read in place: flash on the AVR). offset < imageSize(). */
export function imageByte(offset: u16): u8 {
  return platform.imageByte(offset);
}

/** Bytes available in the image area (the image's own length field must not exceed it). */
export function imageSize(): u16 {
  return platform.imageSize();
}
