// The built-in modules machine, time and arduino (issue 4 §2, docs/modules.md). What needs no
// machine code is Python (vm-spec/lib/board.py: Pin(), ADC, PWM, time.sleep, ticks_diff,
// ticks_add and the arduino functions but delay, millis and micros); the VM keeps the module
// values, class Pin and the constants, the waits and clocks, a Pin's methods, and _hw, the board
// primitive that library code calls. All of them are built-in numbers (no heap):
//   176..178  modules machine time arduino (N.machine + 144); 179 class Pin (N.Pin + 144)
//   182..196  functions of time and arduino (N.sleep..N.micros + 132; the Python ones are not made)
//   197..200  methods value on off toggle of a Pin (N + 156)
//   204..223  Pin objects (204 + pin 0..19); 224..229 ADC objects (210 + pin 14..19);
//   230..238  PWM objects (227 + pin 3..11; only 3 5 6 9 10 11 are made); 239 _hw
// So every object is its pin: Pin(13) is Pin(13). Modes and pull-ups live on the board.
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
  FUNC = 132, METHOD = 156, MODULE = 144, // offsets from N (names.test.ts checks them)
  PIN_OBJ = 204, ADC_OBJ = 224, PWM_OBJ = 230, HW = 239,
}

/** MicroPython's ticks period: 2^30 (ticks fit an int and wrap where millis/micros do). */
const TICKS_MASK = 0x3fffffff;

/** The first object number of Pin, ADC and PWM objects of pin 0 (_hw ops 1..3). */
const OBJECT_BASE = flashU8([204, 210, 227]);
/** Last duty (0..255) given to each PWM pin by duty_u16, at pin % 9 (3 5 6 9 10 11: 3 5 6 0 1 2). */
const pwmDuty = new Uint8Array(9);

/** The pin (0..19) of an int 0..19 or a Pin, ADC or PWM object; 255: none. */
function pinOf(v: u16): u8 {
  let pin: i16 = -1;
  if (isSmall(v)) {
    pin = smallValue(v);
  } else if (isBuiltin(v)) {
    const m = builtinNumber(v); // below PIN_OBJ: not an object; HW: none (pin 20)
    if (m >= Mod.PIN_OBJ) pin = i16(m - (m >= Mod.PWM_OBJ ? 227 : m >= Mod.ADC_OBJ ? 210 : Mod.PIN_OBJ));
  }
  return pin >= 0 && pin < 20 ? u8(pin) : 255;
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

/** The library kind of an ADC or PWM object's methods (LibKind.ADC, PWM), or 255. */
export function objectKind(obj: u16): u8 {
  const m = builtinNumber(obj);
  if (!isBuiltin(obj) || m < Mod.ADC_OBJ || m >= Mod.HW) return 255;
  return m >= Mod.PWM_OBJ ? LibKind.PWM : LibKind.ADC;
}

// The native attributes of the modules and of class Pin, by name N.Pin .. N.LOW: the owner in
// bits 4-6 (1 machine, 2 time, 3 arduino, 4 Pin; 0: none, a function written in Python or no
// module's name), and the value: 0 the built-in name + FUNC (class Pin: + MODULE), else the
// constant + 1.
const ATTRS = flashU8([
  0x10, 0, 0, 0x41, 0x42, 0x43,                 // Pin ADC PWM IN OUT PULL_UP
  0, 0, 0, 0, 0, 0, 0, 0, 0,                    // value .. pull
  0, 0x20, 0x20, 0x20, 0x20, 0, 0,              // sleep sleep_ms sleep_us ticks_ms ticks_us ticks_diff ticks_add
  0, 0, 0, 0, 0, 0x30, 0x30, 0x30,              // pinMode .. analogWrite delay millis micros
  0x31, 0x32, 0x33, 0x32, 0x31,                 // INPUT OUTPUT INPUT_PULLUP HIGH LOW
]);

/** Attribute `name` (an N) of a built-in module or of class Pin, or NULL when it has none natively. */
export function moduleAttr(obj: u16, name: u8): u16 {
  const i = u8(name - N.Pin);
  if (i > N.LOW - N.Pin) return NULL;
  const row = ATTRS[i];
  if (row === 0 || obj !== makeBuiltin(u16(Mod.MACHINE - 1 + (row >> 4)))) return NULL;
  if ((row & 15) !== 0) return makeSmall((row & 15) - 1);
  return makeBuiltin(u16(name + (name === N.Pin ? Mod.MODULE : Mod.FUNC)));
}

/** The method number of method `name` (an N) of a Pin object (value on off toggle), or 0. */
export function moduleMethod(obj: u16, name: u8): u8 {
  const m = builtinNumber(obj);
  if (!isBuiltin(obj) || m < Mod.PIN_OBJ || m >= Mod.ADC_OBJ || name < N.value || name > N.toggle) return 0;
  return u8(name + Mod.METHOD);
}

// What each callable takes (numbers sleep .. toggle, then a Pin object called, then _hw): bits
// 0-1 the most positional arguments (self included), bits 2-3 the fewest; bit 4: argument 0 is
// a pin (a Pin, or _hw's pin argument); bit 5: the arguments after it are ints. The numbers of
// the functions written in Python are never made: their rows are 0.
const enum Row { MIN = 2, PIN = 0x10, INTS = 0x20 }
const MODULE_ROWS = flashU8([
  0, 0x25, 0x25, 0, 0, 0, 0,    // sleep sleep_ms sleep_us ticks_ms ticks_us ticks_diff ticks_add
  0, 0, 0, 0, 0, 0x25, 0, 0,    // pinMode digitalWrite digitalRead analogRead analogWrite delay millis micros
  0x16, 0x15, 0x15, 0x15,       // value on off toggle
  0x01,                         // pin([v])
  0x3b,                         // _hw(pin, [value,] op)
]);

// Row numbers (callable number - N.sleep - Mod.FUNC): the switch below gives aliases one case.
const enum R {
  sleep_ms = 1, sleep_us = 2, ticks_ms = 3, ticks_us = 4, delay = 12, millis = 13, micros = 14,
  value = 15, on = 16, off = 17, toggle = 18, CALL = 19, HW = 20,
}

/** Calls module built-in n (class Pin, a native function or method of the modules, a Pin object, _hw). */
export function moduleBuiltin(n: u8): u16 {
  if (n === Mod.PIN) return handOver(LibKind.PIN); // Pin(id, mode, pull) is Python code (board.py Pin)
  // a module, an ADC or PWM object: not callable
  if (n < N.sleep + Mod.FUNC || (n >= Mod.ADC_OBJ && n < Mod.HW)) return raise(Exc.TypeError);
  const r: u8 = n === Mod.HW ? R.HW : n >= Mod.PIN_OBJ ? R.CALL : u8(n - N.sleep - Mod.FUNC);
  const row = MODULE_ROWS[r];
  const count = argCount();
  if (count < ((row >> Row.MIN) & 3) || count > (row & 3) || kwCount() > 0) return raise(Exc.TypeError);
  let pin: u8 = u8(n - Mod.PIN_OBJ); // a Pin object's pin (unused when there is no pin)
  let first: u16 = 0; // the first argument after the pin
  if ((row & Row.PIN) !== 0) {
    pin = pinOf(arg(0));
    first = 1;
  }
  let x: i32 = 0; // the last int argument after the pin
  let y: i32 = 0; // the one before it
  for (let i: u16 = first; (row & Row.INTS) !== 0 && i < count; i = u16(i + 1)) {
    const v = arg(u8(i));
    if (!isAnyInt(v)) return raise(Exc.TypeError);
    y = x;
    x = anyIntValue(v);
  }
  let level: u8 = 0;
  switch (r) {
    case R.sleep_ms:
    case R.delay:
    case R.sleep_us:
      return wait(x < 0 ? 0 : u32(x), r === R.sleep_us ? 1 : 1000);
    // Ticks and arduino's millis and micros wrap at 2^30 (12.4 days, 17.9 minutes).
    case R.ticks_ms:
    case R.millis:
      return newInt(i32(millis() & TICKS_MASK));
    case R.ticks_us:
    case R.micros:
      return newInt(i32(micros() & TICKS_MASK));
    case R.value:
    case R.CALL:
      if (count === first) return makeSmall(pinRead(pin));
      level = truth(arg(u8(first)));
      if (level === 255) return NULL;
      break;
    case R.on:
      level = 1;
      break;
    case R.toggle:
      level = u8(1 - pinRead(pin));
      break;
    case R.off:
      break;
    case R.HW:
      return board(pin, u8(x), y);
    default: // a number that is never made
      return raise(Exc.TypeError);
  }
  pinWrite(pin, level);
  return NONE;
}

// _hw(pin, [value,] op): the board primitive of vm-spec/lib/board.py, which checks the
// arguments first (pin is an int 0..19 or a Pin, ADC or PWM object; the board ignores pins
// above 19, and no op indexes memory with one).
const enum Hw { PIN_OF = 0, PIN = 1, ADC = 2, PWM = 3, MODE = 4, ANALOG = 5, WRITE = 6, DUTY = 7, SET_DUTY = 8 }

function board(pin: u8, op: u8, value: i32): u16 {
  switch (op) {
    case Hw.PIN_OF: // the pin, 255 for none
      return makeSmall(pin);
    case Hw.PIN:
    case Hw.ADC:
    case Hw.PWM: // the object of the pin
      if (pin > 19) break;
      return makeBuiltin(u16(OBJECT_BASE[op - 1] + pin));
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
    default:
      break;
  }
  return raise(Exc.TypeError);
}
