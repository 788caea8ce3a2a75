// The Arduino Uno's pin names for ATmega328p port bits, and the pin-log line format shared by
// every engine (host C, Node, simavr): `<ms, 3 decimals, width 10> ms  D13 -> 1`.

/** 'B5' -> 'D13', 'C0' -> 'A0', 'D3' -> 'D3'; undefined for bits that are not Uno pins. */
export function unoPinName(portBit: string): string | undefined {
  const port = portBit[0];
  const bit = Number(portBit.slice(1));
  if (port === 'D' && bit <= 7) return `D${bit}`;
  if (port === 'B' && bit <= 5) return `D${bit + 8}`;
  if (port === 'C' && bit <= 5) return `A${bit}`;
  return undefined;
}

/** The 328p port bit of an Uno pin name: 'D13' -> 'B5', 'A0' -> 'C0'; undefined if none. */
export function unoPortBit(name: string): string | undefined {
  const m = /^([DA])(\d+)$/.exec(name.toUpperCase());
  if (!m) return undefined;
  const n = Number(m[2]) + (m[1] === 'A' ? 14 : 0);
  if (m[1] === 'A' && n > 19) return undefined;
  if (n < 8) return `D${n}`;
  if (n < 14) return `B${n - 8}`;
  return n < 20 ? `C${n - 14}` : undefined;
}

/** The Uno pin number (0..19) of a pin name: D13 -> 13, A0 -> 14. */
export function unoPinNumber(name: string): number {
  return name[0] === 'A' ? 14 + Number(name.slice(1)) : Number(name.slice(1));
}

/** Milliseconds as the pin log prints them: 3 decimals, right-aligned in 10 columns. */
export function formatMs(ms: number): string {
  return ms.toFixed(3).padStart(10);
}

/** One pin-log line: a level (0/1), or a PWM duty as `pwm N` (N/255; `pwm 0` = PWM off). */
export function pinLogLine(ms: number, pin: string, value: string | number): string {
  return `${formatMs(ms)} ms  ${pin} -> ${value}`;
}
