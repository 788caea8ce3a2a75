// do/while (runs once with a false condition), while, for with break and continue, nested loops
// with breaks, loops whose counters wrap around, and while (true) left by break or return.
import { u8, i8, u16, u32, i32 } from '../../../vm-spec/types.ts';
import { printI32, newline } from './lib/print.ts';

function firstSquareAbove(limit: u16): u16 {
  let k: u16 = 0;
  while (true) {
    const sq: u32 = k * k;
    if (sq > limit) return k;
    k = u16(k + 1);
  }
}

export function main(): void {
  let n: u8 = 0;
  do {
    n = u8(n + 1);
  } while (n > 100);
  printI32(n);
  let sumOdd: i32 = 0;
  for (let i: u8 = 0; i < 50; i = u8(i + 1)) {
    if ((i & 1) === 0) continue;
    if (i > 40) break;
    sumOdd = i32(sumOdd + i);
  }
  printI32(sumOdd);
  // A u8 counter that wraps: 250, 251, ..., 255, 0, 1, ... stops at 4.
  let wraps: u8 = 250;
  let count: u8 = 0;
  while (wraps !== 5) {
    wraps = u8(wraps + 1);
    count = u8(count + 1);
  }
  printI32(count);
  // An i8 counting down through -128 to 127.
  let down: i8 = -126;
  let seen: u16 = 0;
  do {
    down = i8(down - 1);
    seen = u16(seen + 1);
  } while (down !== 125);
  printI32(seen);
  newline();
  // Nested loops: the inner break leaves only the inner loop; continue skips the outer body.
  for (let i: u8 = 1; i <= 6; i = u8(i + 1)) {
    if (i === 4) continue;
    let j: u8 = 0;
    while (true) {
      j = u8(j + 1);
      if (j * i > 12) break;
    }
    printI32(j);
    let k: u8 = 10;
    do {
      k = u8(k - 1);
      if (k === 7) continue;
      if (k < i) break;
    } while (k > 2);
    printI32(k);
  }
  newline();
  printI32(firstSquareAbove(0));
  printI32(firstSquareAbove(1000));
  printI32(firstSquareAbove(65535));
  newline();
  // A for loop with an i32 counter stepping by a large amount.
  let steps: u8 = 0;
  for (let big: i32 = -0x7fffffff; big < 0x60000000; big = i32(big + 0x10000000)) steps = u8(steps + 1);
  printI32(steps);
  newline();
}
