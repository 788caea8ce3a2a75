// A simulated Uno for the Node engine: the board functions of vm-spec/platform.ts.
// Same model as firmware/host/board.c (keep the two in step; the pin-log test compares them):
// virtual time (delays advance a counter), port level / PWM changes logged with their time as
// simavr sees them, inputs and ADC values from the options.
import type { Platform } from '../../vm-spec/platform.ts';
import type { BoardOptions } from './board-options.ts';
import { pinLogLine as logLine } from '../sim/pins.ts';

export type { BoardOptions } from './board-options.ts';

/** Thrown out of vmRun when the duration is reached; the engine turns it into a normal end. */
export class DurationReached extends Error {}

const PWM_PINS = [3, 5, 6, 9, 10, 11];

/** `   500.000 ms  D13 -> 1` (tools/sim/pins.ts) at `us` microseconds for Uno pin number `pin`. */
export function pinLogLine(us: number, pin: number, what: string): string {
  return logLine(us / 1000, pin >= 14 ? `A${pin - 14}` : `D${pin}`, what);
}

export interface Board {
  platform: Partial<Platform>;
  log: string[];
}

export function createBoard(options: BoardOptions = {}): Board {
  const log: string[] = [];
  const mode = new Array<number>(20).fill(0);
  const port = new Array<number>(20).fill(0);
  const pwm = new Array<number>(20).fill(0);
  const NEVER = Number.POSITIVE_INFINITY;
  const duration = options.durationMs !== undefined ? options.durationMs * 1000 : NEVER;
  let ctrlC = options.ctrlCAtMs !== undefined ? options.ctrlCAtMs * 1000 : NEVER;
  let now = 0;
  const start = performance.now();
  const time = (): number => (options.realtime ? Math.floor((performance.now() - start) * 1000) : now);
  const sleeper = new Int32Array(new SharedArrayBuffer(4));

  const setPort = (pin: number, level: number): void => {
    if (pwm[pin]) pwm[pin] = 0; // the timer lets go of the pin: its level is logged again
    else if (port[pin] === level) return;
    port[pin] = level;
    log.push(pinLogLine(time(), pin, String(level)));
  };
  const waitVirtual = (us: number): boolean => {
    const end = now + us;
    if (ctrlC <= end && ctrlC >= now) {
      now = ctrlC;
      ctrlC = NEVER;
      return true;
    }
    if (end >= duration) {
      now = duration;
      throw new DurationReached();
    }
    now = end;
    return false;
  };
  const waitReal = (us: number): boolean => {
    const end = time() + us;
    for (;;) {
      const t = time();
      if (t >= duration) throw new DurationReached();
      if (t >= end) return false;
      Atomics.wait(sleeper, 0, 0, Math.max(1, (end - t) / 1000));
    }
  };

  const platform: Partial<Platform> = {
    pinMode(pin, m) {
      if (pin >= 20) return;
      mode[pin] = m;
      if (m !== 1 && !pwm[pin]) setPort(pin, m === 2 ? 1 : 0); // input: PORTx is the pull-up
    },
    pinWrite(pin, value) {
      if (pin < 20) setPort(pin, value ? 1 : 0);
    },
    pinRead(pin) {
      if (pin >= 20) return 0;
      const given = options.pins?.[pin];
      return mode[pin] === 1 || given === undefined ? port[pin] : given ? 1 : 0;
    },
    analogRead(pin) {
      return pin >= 14 && pin < 20 ? Math.max(0, Math.min(1023, options.adc?.[pin] ?? 0)) : 0;
    },
    pwmWrite(pin, duty) {
      if (pin >= 20) return;
      mode[pin] = 1;
      if (!PWM_PINS.includes(pin) || duty === 0 || duty === 255) {
        setPort(pin, duty >= 128 ? 1 : 0);
      } else if (pwm[pin] !== duty) {
        pwm[pin] = duty;
        log.push(pinLogLine(time(), pin, `pwm ${duty}`));
      }
    },
    millis: () => Math.floor(time() / 1000) >>> 0,
    micros: () => time() >>> 0,
    delayUs: (us) => (options.realtime ? waitReal(us) : waitVirtual(us)),
    interruptPending() {
      if (options.realtime || now < ctrlC) return false;
      ctrlC = NEVER;
      return true;
    },
  };
  return { platform, log };
}
