// The built-in modules machine, time and arduino (issue 4 §2) over the board functions of
// platform.ts. Modules, classes, functions, methods and even Pin/ADC/PWM objects are all
// built-in numbers (B.MODULE_FIRST..LAST), so none of them takes heap or needs the collector:
//   176..178  modules machine time arduino                   (N.machine + 144)
//   179..181  classes Pin ADC PWM                            (N.Pin + 144)
//   182..196  functions of time and arduino, N.sleep..N.micros (N + 132)
//   197..203  methods value on off toggle read_u16 duty_u16 freq (N + 156)
//   204..223  Pin objects (204 + pin 0..19); 224..229 ADC objects (210 + pin 14..19);
//   230..238  PWM objects (227 + pin 3..11; only 3 5 6 9 10 11 are made)
// So every object is its pin: Pin(13) is Pin(13), and one decoder (pinOf) reads a pin from an
// int, 'A0'..'A5' or an object. The arduino functions and the methods are the same operations
// on that pin: one switch serves both. Modes and pull-ups live on the board.
import { u8, u16, i16, u32, i32, f32, flashU8 } from './types.ts';
import type { bool } from './types.ts';
import { NULL, NONE, isSmall, smallValue, isBuiltin, builtinNumber, makeBuiltin, makeSmall } from './value.ts';
import {
  pinMode, pinWrite, pinRead, analogRead, pwmWrite, millis, micros, delayUs,
} from './platform.ts';
import { Exc, raise } from './exc.ts';
import { raiseMsg, Msg } from './errors.ts';
import { N, nameIndex } from './names.ts';
import { arg, argCount, kwArg, kwOther } from './args.ts';
import { isAnyInt, anyIntValue, newInt } from './int.ts';
import { isFloat, floatOf } from './float.ts';
import { isStr, strLength, strByte } from './str.ts';
import { truth } from './arith.ts';

const enum Mod {
  MACHINE = 176, TIME = 177, ARDUINO = 178, PIN = 179, ADC = 180, PWM = 181,
  FUNC = 132, METHOD = 156, MODULE = 144, // offsets from N (names.test.ts checks them)
  PIN_OBJ = 204, ADC_OBJ = 224, PWM_OBJ = 230,
  ADC_BASE = 210, PWM_BASE = 227, // object = base + pin
}

/** MicroPython's ticks period: 2^30 (ticks fit an int and wrap where millis/micros do). */
const TICKS_MASK = 0x3fffffff;

const PWM_PINS = flashU8([3, 5, 6, 9, 10, 11]);
/** Last duty (0..255) given to each PWM pin, for duty_u16() without an argument. */
const pwmDuty = new Uint8Array(6);

/** Raises ValueError with message `msg` (a Msg). */
function valueError(msg: u8): u16 { return raiseMsg(msg); }

/** The pin (0..19) of a pin argument: 0..19, 'A0'..'A5' or a Pin, ADC or PWM object; 255: none. */
function pinOf(v: u16): u8 {
  let pin: i16 = -1;
  if (isSmall(v)) {
    pin = smallValue(v);
  } else if (isBuiltin(v)) {
    const m = builtinNumber(v); // below PIN_OBJ: not an object; beyond 238: none (pin > 19)
    if (m >= Mod.PIN_OBJ) pin = i16(m - (m >= Mod.PWM_OBJ ? Mod.PWM_BASE : m >= Mod.ADC_OBJ ? Mod.ADC_BASE : Mod.PIN_OBJ));
  } else if (isStr(v) && strLength(v) === 2 && strByte(v, 0) === 65) {
    const d = u8(strByte(v, 1) - 48); // 'A0'..'A5': 0..5
    if (d < 6) pin = i16(d + 14);
  }
  return pin >= 0 && pin < 20 ? u8(pin) : 255;
}

/** Index of pin in PWM_PINS, or 6. */
function pwmIndex(pin: u8): u8 {
  let i: u8 = 0;
  while (i < 6 && PWM_PINS[i] !== pin) i = u8(i + 1);
  return i;
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

/** A non-negative int as u32 (negative: 0). */
function nonNegative(n: i32): u32 { return n < 0 ? 0 : u32(n); }

/** The module `name` (an image STR) if it is a built-in one (machine, time, arduino), else NULL. */
export function builtinModule(name: u16): u16 {
  const n = nameIndex(name);
  return n >= N.machine && n <= N.arduino ? makeBuiltin(u16(n + Mod.MODULE)) : NULL;
}

/** Attribute `name` (an N) of a built-in module or of class Pin, or NULL when it has none. */
export function moduleAttr(obj: u16, name: u8): u16 {
  let owner: u16 = Mod.ARDUINO;
  let value: u16 = makeBuiltin(u16(name + Mod.FUNC)); // a function of time or arduino
  if (name < N.Pin || name > N.LOW || (name > N.PULL_UP && name < N.sleep)) return NULL;
  if (name <= N.PWM) {
    owner = Mod.MACHINE;
    value = makeBuiltin(u16(name + Mod.MODULE));
  } else if (name <= N.PULL_UP) {
    owner = Mod.PIN;
    value = makeSmall(name - N.IN); // IN 0, OUT 1, PULL_UP 2
  } else if (name <= N.ticks_add) {
    owner = Mod.TIME;
  } else if (name >= N.INPUT) {
    value = makeSmall(name <= N.INPUT_PULLUP ? name - N.INPUT : N.LOW - name); // 0 1 2, HIGH 1, LOW 0
  }
  return obj === makeBuiltin(owner) ? value : NULL;
}

/** The method number of method `name` (an N) of a Pin, ADC or PWM object, or 0. */
export function moduleMethod(obj: u16, name: u8): u8 {
  if (!isBuiltin(obj)) return 0;
  const m = builtinNumber(obj);
  let first: u8 = N.value;
  let last: u8 = N.toggle; // a Pin
  if (m >= Mod.PWM_OBJ) {
    first = N.duty_u16;
    last = N.freq;
  } else if (m >= Mod.ADC_OBJ) {
    first = N.read_u16;
    last = N.read_u16;
  } else if (m < Mod.PIN_OBJ) {
    return 0;
  }
  return name >= first && name <= last ? u8(name + Mod.METHOD) : 0;
}

// What each callable takes (numbers Pin .. freq, then a Pin object called): bits 0-1 the most
// positional arguments (self included), bits 2-3 the fewest; bits 4-5 what argument 0 is (0 not
// a pin, 1 a pin, 2 an analog pin or ADC channel, 3 a PWM pin); bit 6: the arguments after the pin
// need not be ints (every other callable checks that they are; time.sleep's may be a float).
const enum Row { MIN = 2, KIND = 4, ANY = 0x40, DIGITAL = 1, ANALOG = 2, PWM = 3 }
const MODULE_ROWS = flashU8([
  0x57, 0x25, 0x36,                   // Pin(id, mode, pull) ADC(pin) PWM(pin, freq)
  0x05, 0x05, 0x05, 0x00, 0x00, 0x0a, 0x0a, // sleep sleep_ms sleep_us ticks_ms ticks_us ticks_diff ticks_add
  0x1a, 0x1a, 0x15, 0x25, 0x1a, 0x05, 0x00, 0x00, // pinMode digitalWrite digitalRead analogRead analogWrite delay millis micros
  0x56, 0x15, 0x15, 0x15, 0x25, 0x36, 0x36, // value on off toggle read_u16 duty_u16 freq
  0x41,                               // pin([v])
]);
/** The ValueError message for a bad argument 0, by its kind. */
const PIN_MESSAGES = flashU8([0, Msg.PIN, Msg.PIN_ADC, Msg.PIN_PWM]);

// Row numbers (callable number - Mod.PIN): the switch below gives aliases one case.
const enum R {
  Pin = 0, ADC = 1, PWM = 2, sleep = 3, sleep_ms = 4, sleep_us = 5, ticks_ms = 6, ticks_us = 7,
  ticks_diff = 8, ticks_add = 9, pinMode = 10, digitalWrite = 11, digitalRead = 12, analogRead = 13,
  analogWrite = 14, delay = 15, millis = 16, micros = 17, value = 18, on = 19, off = 20, toggle = 21,
  read_u16 = 22, duty_u16 = 23, freq = 24, CALL = 25,
}

/** Calls module built-in n (a class, function or method of the modules, or a Pin object). */
export function moduleBuiltin(n: u8): u16 {
  if (n < Mod.PIN || n >= Mod.ADC_OBJ) return raise(Exc.TypeError); // a module, ADC or PWM object
  const r: u8 = n >= Mod.PIN_OBJ ? R.CALL : u8(n - Mod.PIN); // a Pin called: pin() reads, pin(v) writes
  const row = MODULE_ROWS[r];
  const count = argCount();
  const kw: u8 = r === R.Pin ? N.mode : r === R.PWM ? N.duty_u16 : 254; // and kw + 1; 254 is no name
  if (count < ((row >> Row.MIN) & 3) || count > (row & 3) || kwOther(kw, u8(kw + 1))) return raise(Exc.TypeError);
  const kind: u8 = (row >> Row.KIND) & 3;
  const first: u16 = kind === 0 ? 0 : 1; // the first argument after the pin
  let pin: u8 = u8(n - Mod.PIN_OBJ); // a Pin object's pin (unused when there is no pin)
  if (kind !== 0) {
    pin = pinOf(arg(0));
    if (kind === Row.ANALOG && pin < 6) pin = u8(pin + 14); // channels 0..5 name A0..A5, as in Arduino
    const bad: bool = kind === Row.ANALOG ? pin < 14 || pin > 19 : kind === Row.PWM ? pwmIndex(pin) === 6 : pin === 255;
    if (bad) return valueError(PIN_MESSAGES[kind]);
  }
  let x: i32 = 0; // the last int argument after the pin
  let y: i32 = 0; // the one before it
  for (let i: u16 = first; (row & Row.ANY) === 0 && i < count; i = u16(i + 1)) {
    const v = arg(u8(i));
    if (isAnyInt(v)) {
      y = x;
      x = anyIntValue(v);
    } else if (r === R.sleep && isFloat(v)) {
      const s: f32 = floatOf(v); // to the nearest microsecond of its f32 value, up to 4294 s
      return wait(s > 0.0 ? u32(f32(f32(s * 1000000.0) + 0.5)) : 0, 1);
    } else {
      return raise(Exc.TypeError);
    }
  }
  let level: u8 = 0;
  switch (r) {
    case R.Pin:
      return newPin(pin);
    case R.ADC:
      return makeBuiltin(u16(Mod.ADC_BASE + pin));
    case R.PWM: {
      const duty = kwArg(N.duty_u16); // the frequency is the Uno's fixed one
      if (duty !== NULL && setDuty(pin, duty) === NULL) return NULL;
      return makeBuiltin(u16(Mod.PWM_BASE + pin));
    }
    case R.sleep: // whole seconds (a float is waited above)
    case R.sleep_ms:
    case R.delay:
    case R.sleep_us:
      return wait(u32(nonNegative(x) * (r === R.sleep ? 1000 : 1)), r === R.sleep_us ? 1 : 1000);
    // Ticks and arduino's millis and micros wrap at 2^30 (12.4 days, 17.9 minutes).
    case R.ticks_ms:
    case R.millis:
      return newInt(i32(millis() & TICKS_MASK));
    case R.ticks_us:
    case R.micros:
      return newInt(i32(micros() & TICKS_MASK));
    case R.ticks_diff:
      return newInt(i32(i32(y - x) << 2) >> 2); // the difference as a signed 30-bit number
    case R.ticks_add:
      return newInt(i32(y + x) & TICKS_MASK);
    case R.pinMode:
      if (x < 0 || x > 2) return valueError(Msg.PIN_MODE);
      pinMode(pin, u8(x));
      return NONE;
    case R.value:
    case R.CALL:
    case R.digitalRead:
    case R.digitalWrite:
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
    case R.analogRead:
    case R.read_u16: {
      const raw = analogRead(pin); // 10 bits; read_u16 scales to 16 as MicroPython does
      return newInt(r === R.read_u16 ? u16((raw << 6) | (raw >> 4)) : raw);
    }
    case R.analogWrite:
      pwmWrite(pin, x < 0 ? 0 : x > 255 ? 255 : u8(x)); // a pin without PWM: low below 128, else high
      return NONE;
    case R.duty_u16:
      return count === 2 ? setDuty(pin, arg(1)) : newInt(u16(pwmDuty[pwmIndex(pin)] * 257));
    case R.freq: // freq(f): fixed on the Uno; Timer0 fast PWM, Timers 1, 2 phase-correct
      return count === 2 ? NONE : makeSmall(pin === 5 || pin === 6 ? 976 : 490);
    default: // off
      break;
  }
  pinWrite(pin, level);
  return NONE;
}

/** Pin(id, mode=-1, pull=-1): configures the pin when a mode or a pull-up is given. */
function newPin(pin: u8): u16 {
  let m: i16 = -1; // the board's mode: IN 0, OUT 1, IN with pull-up 2; -1: as it is
  for (let i: u16 = 1; i < 3; i = u16(i + 1)) {
    const v = argCount() > i ? arg(u8(i)) : kwArg(u8(N.mode - 1 + i)); // mode, then pull
    if (v === NULL || v === NONE || v === makeSmall(-1)) continue; // not given
    const o: i16 = isSmall(v) ? smallValue(v) : 99;
    if (i === 1 ? o < 0 || o > 1 : o !== 2) return valueError(Msg.PIN_MODE); // IN 0, OUT 1; PULL_UP 2
    if (m !== 1) m = o; // an output has no pull-up
  }
  if (m >= 0) pinMode(pin, u8(m));
  return makeBuiltin(u16(Mod.PIN_OBJ + pin));
}

/** Sets the duty of PWM pin `pin` from a duty_u16 value 0..65535. */
function setDuty(pin: u8, v: u16): u16 {
  if (!isAnyInt(v)) return raise(Exc.TypeError);
  const d = anyIntValue(v);
  if (d < 0 || d > 65535) return valueError(Msg.PWM_DUTY);
  pwmDuty[pwmIndex(pin)] = u8(d >> 8);
  pwmWrite(pin, u8(d >> 8));
  return NONE;
}
