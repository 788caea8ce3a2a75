// What a simulated Uno did, in simulated time: pin changes (levels and PWM duties) in order,
// collected from the harness's event stream for the VCD and SVG writers.
export interface PinChange { ms: number; pin: string; level?: 0 | 1; pwm?: number }

export interface Timeline {
  changes: PinChange[];
  endMs: number; // simulated time at the end of the run
}

/** The pins that changed, in Uno order (D0..D13, then A0..A5). */
export function pinsOf(timeline: Timeline): string[] {
  const names = [...new Set(timeline.changes.map((c) => c.pin))];
  const order = (n: string) => (n[0] === 'A' ? 100 : 0) + Number(n.slice(1));
  return names.sort((a, b) => order(a) - order(b));
}
