// The built-in modules machine, time and arduino (issue 4 §2, docs/modules.md). What needs no
// machine code is Python (vm-spec/lib/board.py: Pin(), a Pin's value/on/off, ADC, PWM and the
// functions of time and arduino); the VM keeps the module values, class Pin and the constants,
// a Pin object's call p() / p(v), p.toggle() (so BLINK's loop makes one library call, time.sleep_ms), and _hw,
// the board primitive that library code calls (the waits and clocks are ops of it). All of
// them are built-in numbers (no heap):
//   176..178  modules machine time arduino (N.machine + 144); 179 class Pin (N.Pin + 144)
//   180       _hw; 181 the toggle method of a Pin
//   196..215  Pin objects (196 + pin 0..19); 230..235 ADC objects (216 + pin 14..19);
//   239..247  PWM objects (236 + pin 3..11; only 3 5 6 9 10 11 are made)
// So every object is its pin (its number less 196, modulo 20): Pin(13) is Pin(13). Modes
// and pull-ups live on the board.
import { u8, u16, i16, u32, i32, flashU8 } from './types.ts';
import { NULL, NONE, isSmall, smallValue, isBuiltin, builtinNumber, makeBuiltin, makeSmall } from './value.ts';
import {
  pinMode, pinWrite, pinRead, analogRead, pwmWrite, millis, micros, delayUs,
} from './platform.ts';
import { Exc, raise } from './exc.ts';
import { N, nameIndex } from './names.ts';
import { arg, argCount, kwCount } from './args.ts';
import { isAnyInt, anyIntValue, newInt } from './int.ts';
import { truth } from './arith.ts';
import { LibKind, handOver } from './libfunc.ts';

const enum Mod {
  MACHINE = 176, TIME = 177, ARDUINO = 178, PIN = 179,
  MODULE = 144, // offset from N (names.test.ts checks it)
  HW = 180, TOGGLE = 181, // (names.ts B.HW)
  OBJ = 196, // the Pin objects of pins 0..19, then (+ 20) the ADC and (+ 40) the PWM objects
}

/** MicroPython's ticks period: 2^30 (ticks fit an int and wrap where millis/micros do). */
const TICKS_MASK = 0x3fffffff;

/** Last duty (0..255) given to each PWM pin by duty_u16, at pin % 9 (3 5 6 9 10 11: 3 5 6 0 1 2). */
const pwmDuty = new Uint8Array(9);

/** The pin (0..19) of an int 0..19 or a Pin, ADC or PWM object; 255: none. */
function pinOf(v: u16): u8 {
  let pin: u8 = 255;
  if (isSmall(v)) {
    const n = smallValue(v);
    if (n >= 0 && n < 20) pin = u8(n);
  } else if (isBuiltin(v) && builtinNumber(v) >= Mod.OBJ) {
    pin = u8(builtinNumber(v) - Mod.OBJ);
    while (pin >= 20) pin = u8(pin - 20);
  }
  return pin;
}

/** Waits t times unit microseconds (unit 1 or 1000); NULL with KeyboardInterrupt pending on Ctrl-C. */
function wait(t: u32, unit: u16): u16 {
  let left: u32 = t;
  do {
    const part: u32 = left > 4000000 ? 4000000 : left; // the board waits at most 2^32 us at once
    left = u32(left - part);
    if (delayUs(u32(part * unit))) return raise(Exc.KeyboardInterrupt);
  } while (left > 0);
  return NONE;
}

/** The module `name` (an image STR) if it is a built-in one (machine, time, arduino), else NULL. */
export function builtinModule(name: u16): u16 {
  const n = nameIndex(name);
  return n >= N.machine && n <= N.arduino ? makeBuiltin(u16(n + Mod.MODULE)) : NULL;
}

/** The library kind of a module's functions written in Python (LibKind.MACHINE..ARDUINO), or 255. */
export function moduleKind(obj: u16): u8 {
  const m = builtinNumber(obj);
  return isBuiltin(obj) && m >= Mod.MACHINE && m <= Mod.ARDUINO ? u8(m - Mod.MACHINE + LibKind.MACHINE) : 255;
}

/** The method `name` (an N) of `obj` that is native: a Pin's toggle (a library call more would put BLINK's edges over 500 ms + 1), or 0. */
export function moduleMethod(obj: u16, name: u8): u8 {
  return name === N.toggle && objectKind(obj) === LibKind.PIN_METHOD ? Mod.TOGGLE : 0;
}

/** The library kind of a Pin, ADC or PWM object's methods (LibKind.PIN_METHOD, ADC, PWM), or 255. */
export function objectKind(obj: u16): u8 {
  const m = builtinNumber(obj);
  if (!isBuiltin(obj) || m < Mod.OBJ) return 255;
  return m >= Mod.OBJ + 40 ? LibKind.PWM : m >= Mod.OBJ + 20 ? LibKind.ADC : LibKind.PIN_METHOD;
}

// The native attributes of the modules and of class Pin, by name N.Pin .. N.LOW: the owner in
// bits 4-6 (1 machine, 3 arduino, 4 Pin; 0: none, a function written in Python or no module's
// name), and in bits 0-3 the constant + 1 (0: class Pin).
const ATTRS = flashU8([
  0x10, 0, 0, 0x41, 0x42, 0x43,                 // Pin ADC PWM IN OUT PULL_UP
  0, 0, 0, 0, 0, 0, 0, 0, 0,                    // value .. pull
  0, 0, 0, 0, 0, 0, 0,                          // sleep .. ticks_add
  0, 0, 0, 0, 0, 0, 0, 0,                       // pinMode .. micros
  0x31, 0x32, 0x33, 0x32, 0x31,                 // INPUT OUTPUT INPUT_PULLUP HIGH LOW
]);

/** Attribute `name` (an N) of a built-in module or of class Pin, or NULL when it has none natively. */
export function moduleAttr(obj: u16, name: u8): u16 {
  const i = u8(name - N.Pin);
  if (i > N.LOW - N.Pin) return NULL;
  const row = ATTRS[i];
  if (row === 0 || obj !== makeBuiltin(u16(Mod.MACHINE - 1 + (row >> 4)))) return NULL;
  return (row & 15) !== 0 ? makeSmall((row & 15) - 1) : makeBuiltin(Mod.PIN);
}

/**
 * Calls module built-in n: class Pin (handed over to board.py Pin), a Pin object (p() reads
 * the pin, p(v) drives it with v's truth), a Pin's toggle or _hw, each an op of board(); the
 * rest (modules, ADC and PWM objects) are not callable.
 */
export function moduleBuiltin(n: u8): u16 {
  if (n === Mod.PIN) return handOver(LibKind.PIN); // Pin(id, mode, pull) is Python code (board.py Pin)
  const count = argCount();
  if (kwCount() > 0) return raise(Exc.TypeError);
  let op: u8 = Hw.TOGGLE;
  let pin: u8 = u8(n - Mod.OBJ);
  let value: i32 = 0;
  if (n >= Mod.OBJ && n < Mod.OBJ + 20 && count < 2) {
    // p() reads the pin, p(v) drives it with v's truth
    op = Hw.READ;
    if (count > 0) {
      op = Hw.LEVEL;
      value = truth(arg(0));
      if (value === 255) return NULL;
    }
  } else if (n === Mod.HW) {
    // _hw(pin, [value,] op)
    if (count < 2 || count > 3) return raise(Exc.TypeError);
    let x: i32 = 0;
    for (let i: u8 = 1; i < count; i = u8(i + 1)) {
      const v = arg(i);
      if (!isAnyInt(v)) return raise(Exc.TypeError);
      value = x;
      x = anyIntValue(v);
    }
    op = u8(x);
    pin = pinOf(arg(0));
  } else {
    // p.toggle(): self, the Pin, is argument 0 (only LOAD_METHOD of a Pin makes this built-in)
    if (n !== Mod.TOGGLE || count !== 1) return raise(Exc.TypeError);
    pin = pinOf(arg(0));
  }
  return board(pin, op, value);
}

// _hw(pin, [value,] op): the board primitive of vm-spec/lib/board.py, which checks the
// arguments first (pin is an int 0..19 or a Pin, ADC or PWM object; the board ignores pins
// above 19, and no op indexes memory with one). The waits and clocks take any pin; TOGGLE,
// READ and LEVEL are also a Pin's toggle() and p() / p(v).
const enum Hw {
  PIN_OF = 0, PIN = 1, ADC = 2, PWM = 3, MODE = 4, ANALOG = 5, WRITE = 6, DUTY = 7, SET_DUTY = 8,
  WAIT_MS = 9, WAIT_US = 10, TOGGLE = 11, MILLIS = 12, MICROS = 13, READ = 14, LEVEL = 15,
}

function board(pin: u8, op: u8, value: i32): u16 {
  switch (op) {
    case Hw.PIN_OF: // the pin, 255 for none
      return makeSmall(pin);
    case Hw.PIN:
    case Hw.ADC:
    case Hw.PWM: // the object of the pin
      if (pin > 19) break;
      return makeBuiltin(u16(Mod.OBJ - 20 + op * 20 + pin));
    case Hw.MODE: // IN 0, OUT 1, IN with pull-up 2
      pinMode(pin, u8(value));
      return NONE;
    case Hw.ANALOG: // the 10-bit reading
      return makeSmall(analogRead(pin));
    case Hw.DUTY: // the duty (0..255) last set by SET_DUTY
      return makeSmall(pwmDuty[pin % 9]);
    case Hw.SET_DUTY:
      pwmDuty[pin % 9] = u8(value);
    // falls through
    case Hw.WRITE: // PWM with duty/255 (a pin without PWM: low below 128, else high)
      pwmWrite(pin, u8(value));
      return NONE;
    case Hw.WAIT_MS: // negative times do not wait
    case Hw.WAIT_US:
      return wait(value < 0 ? 0 : u32(value), op === Hw.WAIT_US ? 1 : 1000);
    // Ticks and arduino's millis and micros wrap at 2^30 (12.4 days, 17.9 minutes).
    case Hw.MILLIS:
      return newInt(i32(millis() & TICKS_MASK));
    case Hw.MICROS:
      return newInt(i32(micros() & TICKS_MASK));
    case Hw.TOGGLE:
      value = 1 - pinRead(pin);
    // falls through
    case Hw.LEVEL:
      pinWrite(pin, u8(value));
      return NONE;
    case Hw.READ:
      return makeSmall(pinRead(pin));
    default:
      break;
  }
  return raise(Exc.TypeError);
}
