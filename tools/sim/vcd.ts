// A Value Change Dump (IEEE 1364) of the pin timeline, which GTKWave opens: one wire per pin
// that changed, time in microseconds. A pin under PWM is shown as 'z' (its duty is in the
// pin log; a 1 us time scale could not show a 490 Hz carrier usefully anyway).
import type { Timeline } from './timeline.ts';
import { pinsOf } from './timeline.ts';

export function toVcd(timeline: Timeline, source: string): string {
  const pins = pinsOf(timeline);
  // Identifier codes: printable ASCII from '!' on, one per pin.
  const id = new Map(pins.map((p, i) => [p, String.fromCharCode(33 + i)]));
  const out: string[] = [
    '$date', `  ${new Date().toISOString()}`, '$end',
    '$version', `  svimpy sim (simavr, ATmega328p at 16 MHz): ${source}`, '$end',
    '$timescale 1us $end',
    '$scope module uno $end',
    ...pins.map((p) => `$var wire 1 ${id.get(p)} ${p} $end`),
    '$upscope $end',
    '$enddefinitions $end',
    '#0',
    '$dumpvars',
    ...pins.map((p) => `0${id.get(p)}`),
    '$end',
  ];
  let last = 0;
  const inOrder = [...timeline.changes].sort((a, b) => a.ms - b.ms); // stable: same-time order kept
  for (const c of inOrder) {
    const t = Math.round(c.ms * 1000);
    if (t !== last) {
      out.push(`#${t}`);
      last = t;
    }
    const v = c.pwm !== undefined ? (c.pwm > 0 ? 'z' : undefined) : String(c.level);
    if (v !== undefined) out.push(`${v}${id.get(c.pin)}`);
  }
  const end = Math.round(timeline.endMs * 1000);
  if (end > last) out.push(`#${end}`);
  return out.join('\n') + '\n';
}
