// The built-in modules machine, time and arduino (issue 4 §2) over the board functions of
// platform.ts. Modules, classes, functions, methods and even Pin/ADC/PWM objects are all
// built-in numbers (B.MODULE_FIRST..LAST), so none of them takes heap or needs the collector:
//   176..178  modules machine time arduino                   (N.machine + 109)
//   179..181  classes Pin ADC PWM                            (N.Pin + 109)
//   182..196  functions of time and arduino, N.sleep..N.micros (N + 97)
//   197..203  methods value on off toggle read_u16 duty_u16 freq (N + 121)
//   204..223  Pin objects of pins 0..19; 224..229 ADC objects of A0..A5;
//   230..235  PWM objects of pins 3 5 6 9 10 11
// A Pin object is its pin: Pin(13) is Pin(13). Modes and pull-ups live on the board.
import { u8, u16, i16, u32, i32, f32, flashU8 } from './types.ts';
import type { bool } from './types.ts';
import { NULL, NONE, isSmall, smallValue, isBuiltin, builtinNumber, makeBuiltin, makeSmall } from './value.ts';
import {
  pinMode, pinWrite, pinRead, analogRead, pwmWrite, millis, micros, delayMs, delayUs,
} from './platform.ts';
import { Exc, raise } from './exc.ts';
import { raiseMessage, Msg } from './errors.ts';
import { N, nameIndex } from './names.ts';
import { arg, argCount, kwArg, kwCount, kwOther } from './args.ts';
import { isAnyInt, anyIntValue, newInt } from './int.ts';
import { isFloat, floatOf } from './float.ts';
import { isStr, strLength, strByte } from './str.ts';
import { truth } from './arith.ts';

const enum Mod {
  MACHINE = 176, TIME = 177, ARDUINO = 178, PIN = 179, ADC = 180, PWM = 181,
  FUNC = 97, METHOD = 121, MODULE = 109, // offsets from N
  PIN_OBJ = 204, ADC_OBJ = 224, PWM_OBJ = 230, LAST = 235,
}

/** MicroPython's ticks period: 2^30 (ticks fit an int and wrap where millis/micros do). */
const TICKS_MASK = 0x3fffffff;
const TICKS_HALF = 0x20000000;

const PWM_PINS = flashU8([3, 5, 6, 9, 10, 11]);
/** Last duty (0..255) given to each PWM pin, for duty_u16() without an argument. */
const pwmDuty = new Uint8Array(6);

/** Raises ValueError with message `msg` (a Msg). */
function valueError(msg: u8): u16 { return raiseMessage(Exc.ValueError, msg, NULL, 255); }

/** The Uno pin number of a pin argument (0..19, 'A0'..'A5' or a Pin), or 255. */
function pinNumber(v: u16): u8 {
  if (isSmall(v)) {
    const n = smallValue(v);
    return n >= 0 && n < 20 ? u8(n) : 255;
  }
  if (isBuiltin(v) && builtinNumber(v) >= Mod.PIN_OBJ && builtinNumber(v) < Mod.ADC_OBJ) return u8(builtinNumber(v) - Mod.PIN_OBJ);
  if (!isStr(v) || strLength(v) !== 2 || strByte(v, 0) !== 65) return 255;
  const d = strByte(v, 1); // 'A0'..'A5'
  return d >= 48 && d <= 53 ? u8(d - 48 + 14) : 255;
}

/** The analog pin (14..19) of an argument; channels 0..5 name A0..A5 as in Arduino's analogRead. 255: none. */
function analogPin(v: u16): u8 {
  const pin = pinNumber(v);
  if (pin < 6) return u8(pin + 14);
  return pin >= 14 && pin < 20 ? pin : 255;
}

/** Index of pin in PWM_PINS, or 6. */
function pwmIndex(pin: u8): u8 {
  let i: u8 = 0;
  while (i < 6 && PWM_PINS[i] !== pin) i = u8(i + 1);
  return i;
}


/** Waits ms milliseconds in slices the board takes; NULL with KeyboardInterrupt pending on Ctrl-C. */
function waitMs(ms: u32): u16 {
  let left: u32 = ms;
  while (left > 0) {
    const slice: u16 = left > 60000 ? 60000 : u16(left);
    if (delayMs(slice)) return raise(Exc.KeyboardInterrupt);
    left = u32(left - slice);
  }
  return NONE;
}

/** Waits us microseconds: whole milliseconds interruptibly, the rest busy. */
function waitUs(us: u32): u16 {
  if (waitMs(u32(us / 1000)) === NULL) return NULL;
  delayUs(u16(us % 1000));
  return NONE;
}

/** A non-negative int as u32 (negative: 0). */
function nonNegative(n: i32): u32 { return n < 0 ? 0 : u32(n); }

/** time.sleep(seconds): an int, or a float (to the nearest microsecond of its f32 value, up to 4294 s). */
function sleepSeconds(v: u16): u16 {
  if (isAnyInt(v)) return waitMs(u32(nonNegative(anyIntValue(v)) * 1000));
  if (!isFloat(v)) return raise(Exc.TypeError);
  const s: f32 = floatOf(v);
  return s > 0.0 ? waitUs(u32(f32(f32(s * 1000000.0) + 0.5))) : NONE; // rounded to the microsecond
}


/** The module `name` (an image STR) if it is a built-in one (machine, time, arduino), else NULL. */
export function builtinModule(name: u16): u16 {
  const n = nameIndex(name);
  return n >= N.machine && n <= N.arduino ? makeBuiltin(u16(n + Mod.MODULE)) : NULL;
}

// Members of the modules and of class Pin: [owner built-in, first N, last N, value of the
// first N as a built-in number (>= 128) or as a small int (< 128; then consecutive values)].
const MODULE_MEMBERS = flashU8([
  Mod.MACHINE, N.Pin, N.PWM, N.Pin + Mod.MODULE,
  Mod.TIME, N.sleep, N.ticks_add, N.sleep + Mod.FUNC,
  Mod.ARDUINO, N.pinMode, N.micros, N.pinMode + Mod.FUNC,
  Mod.ARDUINO, N.INPUT, N.INPUT_PULLUP, 0,
  Mod.ARDUINO, N.HIGH, N.HIGH, 1,
  Mod.ARDUINO, N.LOW, N.LOW, 0,
  Mod.PIN, N.IN, N.PULL_UP, 0,
]);

/** Attribute `name` (an N) of a built-in module or class, or NULL when it has none. */
export function moduleAttr(obj: u16, name: u8): u16 {
  for (let row: u8 = 0; row < 28; row = u8(row + 4)) {
    if (obj !== makeBuiltin(MODULE_MEMBERS[row]) || name < MODULE_MEMBERS[row + 1] || name > MODULE_MEMBERS[row + 2]) continue;
    const value = u16(MODULE_MEMBERS[row + 3] + name - MODULE_MEMBERS[row + 1]);
    return value >= 128 ? makeBuiltin(value) : makeSmall(value);
  }
  return NULL;
}

/** The method number of method `name` (an N) of a Pin, ADC or PWM object, or 0. */
export function moduleMethod(obj: u16, name: u8): u8 {
  if (!isBuiltin(obj)) return 0;
  const m = builtinNumber(obj);
  let ok: bool = false;
  if (m >= Mod.PIN_OBJ && m < Mod.ADC_OBJ) ok = name >= N.value && name <= N.toggle;
  else if (m >= Mod.ADC_OBJ && m < Mod.PWM_OBJ) ok = name === N.read_u16;
  else if (m >= Mod.PWM_OBJ && m <= Mod.LAST) ok = name === N.duty_u16 || name === N.freq;
  return ok ? u8(name + Mod.METHOD) : 0;
}

// Positional argument counts (min << 4 | max, self included) of Pin .. freq (numbers 179..203).
const MODULE_ARGS = flashU8([
  0x13, 0x11, 0x11,                         // Pin ADC PWM
  0x11, 0x11, 0x11, 0x00, 0x00, 0x22, 0x22, // sleep sleep_ms sleep_us ticks_ms ticks_us ticks_diff ticks_add
  0x22, 0x22, 0x11, 0x11, 0x22, 0x11, 0x00, 0x00, // pinMode digitalWrite digitalRead analogRead analogWrite delay millis micros
  0x12, 0x11, 0x11, 0x11, 0x11, 0x12, 0x12, // value on off toggle read_u16 duty_u16 freq
]);

/** Calls module built-in n (a class, function or method of the modules, or a Pin object). */
export function moduleBuiltin(n: u8): u16 {
  if (n >= Mod.PIN_OBJ && n < Mod.ADC_OBJ) return pinValue(u8(n - Mod.PIN_OBJ), 0); // pin() / pin(v)
  if (n < Mod.PIN || n > u8(N.freq + Mod.METHOD)) return raise(Exc.TypeError); // a module, ADC or PWM object
  const count = argCount();
  const limits = MODULE_ARGS[n - Mod.PIN];
  if (count < limits >> 4 || count > (limits & 15)) return raise(Exc.TypeError);
  if (n === Mod.PIN) return newPin();
  if (n === Mod.PWM) return newPwm();
  if (kwCount() > 0) return raise(Exc.TypeError);
  const method: bool = n >= u8(N.value + Mod.METHOD);
  const name: u8 = method ? u8(n - Mod.METHOD) : u8(n - Mod.FUNC); // an N
  // Pins and self come first; every other argument is an int (time.sleep's may be a float).
  const pinFirst: bool = n === Mod.ADC || method || (name >= N.pinMode && name <= N.analogWrite);
  if (name === N.sleep) return sleepSeconds(arg(0));
  for (let i: u16 = pinFirst ? 1 : 0; i < count; i = u16(i + 1)) {
    if (!isAnyInt(arg(i))) return raise(Exc.TypeError);
  }
  if (n === Mod.ADC) {
    const pin = analogPin(arg(0));
    return pin === 255 ? valueError(Msg.PIN_ADC) : makeBuiltin(u16(Mod.ADC_OBJ + pin - 14));
  }
  if (method) return objectMethod(name, u8(builtinNumber(arg(0))), count);
  const a: i32 = pinFirst || count === 0 ? 0 : anyIntValue(arg(0));
  const b: i32 = count > 1 ? anyIntValue(arg(1)) : 0;
  switch (name) {
    case N.sleep_ms:
    case N.delay:
      return waitMs(nonNegative(a));
    case N.sleep_us:
      return waitUs(nonNegative(a));
    case N.ticks_ms:
    case N.ticks_us:
    case N.millis:
    case N.micros: {
      // millis/micros wrap at 2^31 (24.8 days, 35.8 minutes): time.ticks_* wrap safely
      const t = name === N.ticks_ms || name === N.millis ? millis() : micros();
      return newInt(i32(t & (name >= N.millis ? 0x7fffffff : TICKS_MASK)));
    }
    case N.ticks_diff:
    case N.ticks_add: {
      const diff: bool = name === N.ticks_diff;
      const t = i32(i32(diff ? a - b + TICKS_HALF : a + b) & TICKS_MASK);
      return newInt(diff ? i32(t - TICKS_HALF) : t);
    }
    default:
      return arduinoPin(name, arg(0), b);
  }
}

/** Option `i` (positional) or `name` (keyword) of Pin(): its int value; -1 when absent or None. */
function pinOption(i: u16, name: u8): i16 {
  const v = argCount() > i ? arg(i) : kwArg(name);
  if (v === NULL || v === NONE) return -1;
  return isSmall(v) ? smallValue(v) : 99; // not a small int: an invalid mode
}

/** Pin(id, mode=-1, pull=-1): configures the pin when a mode or a pull-up is given. */
function newPin(): u16 {
  if (kwOther(N.mode, N.pull)) return raise(Exc.TypeError);
  const pin = pinNumber(arg(0));
  if (pin === 255) return valueError(Msg.PIN);
  const mode = pinOption(1, N.mode); // IN 0, OUT 1
  const pull = pinOption(2, N.pull); // PULL_UP 2
  if (mode < -1 || mode > 1 || (pull !== -1 && pull !== 2)) return valueError(Msg.PIN_MODE);
  if (mode >= 0 || pull === 2) pinMode(pin, mode === 1 ? 1 : u8(pull === 2 ? 2 : 0));
  return makeBuiltin(u16(Mod.PIN_OBJ + pin));
}

/** PWM(pin, freq=..., duty_u16=...): the frequency is the Uno's fixed one (490 or 976 Hz). */
function newPwm(): u16 {
  if (kwOther(N.freq, N.duty_u16)) return raise(Exc.TypeError);
  const i = pwmIndex(pinNumber(arg(0)));
  if (i === 6) return valueError(Msg.PIN_PWM);
  const duty = kwArg(N.duty_u16);
  if (duty !== NULL && setDuty(i, duty) === NULL) return NULL;
  return makeBuiltin(u16(Mod.PWM_OBJ + i));
}

/** Sets PWM i's duty from a duty_u16 value 0..65535. */
function setDuty(i: u8, v: u16): u16 {
  if (!isAnyInt(v)) return raise(Exc.TypeError);
  const d = anyIntValue(v);
  if (d < 0 || d > 65535) return valueError(Msg.PWM_DUTY);
  pwmDuty[i] = u8(d >> 8);
  pwmWrite(PWM_PINS[i], u8(d >> 8));
  return NONE;
}

/** pin.value([v]), pin([v]): the value is argument `first`, if given. */
function pinValue(pin: u8, first: u16): u16 {
  if (kwCount() > 0 || argCount() > first + 1) return raise(Exc.TypeError);
  if (argCount() === first) return makeSmall(pinRead(pin));
  const t = truth(arg(first));
  if (t === 255) return NULL;
  pinWrite(pin, t);
  return NONE;
}

/** Methods of Pin, ADC and PWM objects; self is built-in number `self`. */
function objectMethod(name: u8, self: u8, count: u16): u16 {
  const pin = u8(self - Mod.PIN_OBJ);
  if (name === N.value) return pinValue(pin, 1);
  if (name === N.on || name === N.off || name === N.toggle) {
    pinWrite(pin, name === N.on ? 1 : name === N.off ? 0 : u8(1 - pinRead(pin)));
    return NONE;
  }
  if (name === N.read_u16) {
    const raw = analogRead(u8(self - Mod.ADC_OBJ + 14));
    return newInt(i32((raw << 6) | (raw >> 4))); // 10 bits to 16, as MicroPython scales
  }
  const i = u8(self - Mod.PWM_OBJ);
  if (name === N.duty_u16) return count === 2 ? setDuty(i, arg(1)) : newInt(i32(pwmDuty[i] * 257));
  if (count === 2) return NONE; // freq(f): fixed on the Uno
  return makeSmall(PWM_PINS[i] === 5 || PWM_PINS[i] === 6 ? 976 : 490); // Timer0 fast PWM; Timers 1, 2 phase-correct
}

/** pinMode digitalWrite digitalRead analogRead analogWrite: the pin, then b. */
function arduinoPin(name: u8, first: u16, b: i32): u16 {
  if (name === N.analogRead) {
    const pin = analogPin(first);
    return pin === 255 ? valueError(Msg.PIN_ADC) : makeSmall(analogRead(pin));
  }
  const pin = pinNumber(first);
  if (pin === 255) return valueError(Msg.PIN);
  if (name === N.digitalRead) return makeSmall(pinRead(pin));
  if (name === N.pinMode) {
    if (b < 0 || b > 2) return valueError(Msg.PIN_MODE);
    pinMode(pin, u8(b));
  } else if (name === N.digitalWrite) {
    pinWrite(pin, b !== 0 ? 1 : 0);
  } else {
    pwmWrite(pin, b < 0 ? 0 : b > 255 ? 255 : u8(b)); // a pin without PWM: low below 128, else high
  }
  return NONE;
}
