// Platform functions: the only way the VM touches the world.
//
// This file is the boundary of the subset. The generator lowers nothing here: for each
// exported function with a body that calls `platform.<name>` it emits only a C prototype
// `svm_plat_<name>(...)`, implemented per target in firmware/avr and firmware/host.
// Under Node, a host program installs an implementation with setPlatform().
import type { u8, u16, u32, f32, bool } from './types.ts';

export interface Platform {
  putc(c: u8): void;
  imageByte(offset: u16): u8;
  imageSize(): u16;
  // The board: Uno pin numbers 0..19 (14..19 = A0..A5); see the functions below.
  pinMode(pin: u8, mode: u8): void;
  pinWrite(pin: u8, value: u8): void;
  pinRead(pin: u8): u8;
  analogRead(pin: u8): u16;
  pwmWrite(pin: u8, duty: u8): void;
  millis(): u32;
  micros(): u32;
  delayUs(us: u32): bool;
  interruptPending(): bool;
}

function missing(name: string): never {
  throw new Error(`vm-spec: platform function ${name} is not installed (see setPlatform)`);
}

const unset: Platform = {
  putc: () => missing('putc'),
  imageByte: () => missing('imageByte'),
  imageSize: () => missing('imageSize'),
  pinMode: () => missing('pinMode'),
  pinWrite: () => missing('pinWrite'),
  pinRead: () => missing('pinRead'),
  analogRead: () => missing('analogRead'),
  pwmWrite: () => missing('pwmWrite'),
  millis: () => missing('millis'),
  micros: () => missing('micros'),
  delayUs: () => missing('delayUs'),
  interruptPending: () => false,
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

// ---- The board (Uno pin numbers 0..19; 14..19 are A0..A5) ----

/** Pin direction: mode 0 input, 1 output, 2 input with pull-up. */
export function pinMode(pin: u8, mode: u8): void {
  platform.pinMode(pin, mode);
}

/** Drives an output pin low (0) or high (1); stops PWM on it. */
export function pinWrite(pin: u8, value: u8): void {
  platform.pinWrite(pin, value);
}

/** The level of a pin: 0 or 1. */
export function pinRead(pin: u8): u8 {
  return platform.pinRead(pin);
}

/** Raw 10-bit ADC reading 0..1023 of analog pin 14..19 (AVcc reference). */
export function analogRead(pin: u8): u16 {
  return platform.analogRead(pin);
}

/** PWM on pin 3, 5, 6, 9, 10 or 11 with duty/255 (0 and 255: plain low and high); makes it an output. */
export function pwmWrite(pin: u8, duty: u8): void {
  platform.pwmWrite(pin, duty);
}

/** Milliseconds since start (wraps at 2^32). */
export function millis(): u32 {
  return platform.millis();
}

/** Microseconds since start (wraps at 2^32). */
export function micros(): u32 {
  return platform.micros();
}

/** Waits us microseconds (up to 71 minutes); true (and the request consumed) if Ctrl-C arrived
 *  meanwhile. @effects */
export function delayUs(us: u32): bool {
  return platform.delayUs(us);
}

/** True once after a Ctrl-C (0x03 on the UART) arrived: the VM then raises KeyboardInterrupt. @effects */
export function interruptPending(): bool {
  return platform.interruptPending();
}
