// What the simulated Uno of the host engines (host C: firmware/host/board.c, Node:
// node-board.ts) is told: input levels, ADC values, how long to run, when Ctrl-C comes, and
// whether time is virtual. `svimpy run` fills it from the same options as `svimpy sim`.
import { parseDuration } from '../commands/sim.ts';
import { unoPortBit, unoPinNumber } from '../sim/pins.ts';

export interface BoardOptions {
  /** Input levels (0/1) by Uno pin number; an input without one reads its pull-up (1) or 0. */
  pins?: Record<number, number>;
  /** Raw ADC values 0..1023 by analog pin number (14..19). */
  adc?: Record<number, number>;
  /** End the run (status 0) when a delay reaches this many ms of (virtual) time. */
  durationMs?: number;
  /** Deliver a Ctrl-C (KeyboardInterrupt) at this virtual time in ms. */
  ctrlCAtMs?: number;
  /** Sleep for real in delays; time is then the real time since the start. */
  realtime?: boolean;
}

/** The environment that passes `options` to the host C engine (firmware/host/board.c). */
export function boardEnv(options: BoardOptions, pinLog?: string): Record<string, string> {
  const list = (m?: Record<number, number>) => Object.entries(m ?? {}).map(([pin, v]) => `${pin}=${v}`).join(',');
  const env: Record<string, string> = { SVIMPY_PINS: list(options.pins), SVIMPY_ADC: list(options.adc) };
  if (options.durationMs !== undefined) env.SVIMPY_DURATION_MS = String(Math.round(options.durationMs));
  if (options.ctrlCAtMs !== undefined) env.SVIMPY_CTRL_C_MS = String(Math.round(options.ctrlCAtMs));
  if (options.realtime) env.SVIMPY_REALTIME = '1';
  if (pinLog) env.SVIMPY_PIN_LOG = pinLog;
  return env;
}

/** The raw 10-bit ADC value of `volts` against the Uno's 5 V reference, as simavr converts it (mV * 1023 / 5000). */
export function adcOfVolts(volts: number): number {
  return Math.max(0, Math.min(1023, Math.floor((Math.round(volts * 1000) * 1023) / 5000)));
}

/**
 * Takes one board option of `svimpy run` (`--duration T`, `--level D2=0`, `--analog A0=2.5`,
 * `--realtime`) from args[i]: the number of arguments used, 0 when args[i] is not one, or an
 * error message.
 */
export function parseBoardArg(args: string[], i: number, options: BoardOptions): number | string {
  const a = args[i];
  if (a === '--realtime') {
    options.realtime = true;
    return 1;
  }
  if (a !== '--duration' && a !== '--level' && a !== '--analog') return 0;
  const value = args[i + 1];
  if (value === undefined) return `${a} needs a value`;
  if (a === '--duration') {
    options.durationMs = parseDuration(value);
    if (options.durationMs === undefined) return `--duration wants a time like 5s or 500ms, not '${value}'`;
  } else if (a === '--level') {
    const [pin, level] = value.split('=');
    if (!unoPortBit(pin ?? '') || (level !== '0' && level !== '1')) return `--level wants an Uno pin and 0 or 1, like D2=0 or A1=1, not '${value}'`;
    (options.pins ??= {})[unoPinNumber(pin.toUpperCase())] = Number(level);
  } else {
    const m = /^A([0-5])=(\d+(?:\.\d+)?)V?$/i.exec(value);
    if (!m || Number(m[2]) > 5) return `--analog wants A0..A5=VOLTS (0 to 5), like A0=2.5, not '${value}'`;
    (options.adc ??= {})[14 + Number(m[1])] = adcOfVolts(Number(m[2]));
  }
  return 2;
}
