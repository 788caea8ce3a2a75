// A simple SVG picture of the pin timeline: one row per pin, a step line for levels, a band
// as high as the duty for PWM, and a millisecond axis.
import type { Timeline } from './timeline.ts';
import { pinsOf } from './timeline.ts';

const LEFT = 60, RIGHT = 20, TOP = 20, ROW = 40, HIGH = 24, WIDTH = 900;

function niceStep(span: number): number {
  const raw = span / 10;
  const p = 10 ** Math.floor(Math.log10(raw || 1));
  return [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? 10 * p;
}

export function toSvg(timeline: Timeline, title: string): string {
  const pins = pinsOf(timeline);
  const end = Math.max(timeline.endMs, 1);
  const plotW = WIDTH - LEFT - RIGHT;
  const x = (ms: number) => (LEFT + (ms / end) * plotW).toFixed(1);
  const height = TOP + pins.length * ROW + 40;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" font-family="monospace" font-size="12">`,
    `<title>${escape(title)}</title>`,
    `<rect width="100%" height="100%" fill="white"/>`,
  ];
  pins.forEach((pin, row) => {
    const base = TOP + row * ROW + HIGH + 4;
    const yOf = (level: number) => (level ? base - HIGH : base);
    parts.push(`<text x="8" y="${base - 6}">${pin}</text>`);
    let level = 0, pwm = 0, from = 0;
    const segs: string[] = [`M${x(0)},${yOf(0)}`];
    // A PWM stretch: a band as high as its duty, labelled when there is room.
    const close = (to: number) => {
      if (pwm > 0) {
        const w = Number(x(to)) - Number(x(from));
        const h = (HIGH * pwm) / 255;
        parts.push(`<rect x="${x(from)}" y="${(base - h).toFixed(1)}" width="${w.toFixed(1)}" height="${h.toFixed(1)}" fill="#9cf" stroke="#36c" stroke-width="0.5"/>`);
        if (w > 45) parts.push(`<text x="${Number(x(from)) + 3}" y="${base - 3}" font-size="10">pwm ${pwm}</text>`);
      }
    };
    for (const c of timeline.changes.filter((ch) => ch.pin === pin)) {
      if (c.pwm !== undefined) {
        close(c.ms);
        pwm = c.pwm;
        from = c.ms;
        segs.push(`L${x(c.ms)},${yOf(level)}`, `M${x(c.ms)},${yOf(pwm > 0 ? 0 : level)}`);
        continue;
      }
      segs.push(`L${x(c.ms)},${yOf(level)}`, `L${x(c.ms)},${yOf(c.level!)}`);
      level = c.level!;
    }
    close(end);
    segs.push(`L${x(end)},${yOf(pwm > 0 ? 0 : level)}`);
    parts.push(`<path d="${segs.join(' ')}" fill="none" stroke="#c30" stroke-width="1.5"/>`);
  });
  const axisY = TOP + pins.length * ROW + 10;
  const step = niceStep(end);
  parts.push(`<line x1="${LEFT}" y1="${axisY}" x2="${WIDTH - RIGHT}" y2="${axisY}" stroke="#444"/>`);
  for (let t = 0; t <= end + 1e-9; t += step) {
    parts.push(`<line x1="${x(t)}" y1="${axisY}" x2="${x(t)}" y2="${axisY + 5}" stroke="#444"/>`,
      `<text x="${x(t)}" y="${axisY + 18}" text-anchor="middle">${+t.toFixed(3)}</text>`);
  }
  parts.push(`<text x="${WIDTH - RIGHT}" y="${axisY + 32}" text-anchor="end">ms (simulated)</text>`, '</svg>');
  return parts.join('\n') + '\n';
}

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
