// if/else, while, do-while, for, switch with fall-through, break/continue, recursion, bool functions.
import { u8, u16, i32, bool } from '../../../vm-spec/types.ts';
import { printI32, printBool, newline } from './print.ts';

/** (@noinline: gen.test.ts) */
function fib(n: u8): u16 {
  if (n < 2) return n;
  const a = fib(u8(n - 1));
  return u16(a + fib(u8(n - 2)));
}

function isEven(n: u8): bool {
  return (n & 1) === 0;
}

function classify(n: i32): i32 {
  switch (n) {
    case 0:
      return 100;
    case 1:
    case 2:
      return 200;
    case 3:
      printI32(3);
    case 4: {
      printI32(4);
      break;
    }
    case 100000:
      return 300;
    default:
      return -1;
  }
  return 0;
}

export function main(): void {
  printI32(fib(15));
  printBool(isEven(10));
  printBool(isEven(7));
  newline();
  for (let i: i32 = -1; i < 6; i = i32(i + 1)) printI32(classify(i));
  printI32(classify(100000));
  newline();
  let n: u8 = 0;
  while (true) {
    n = u8(n + 1);
    if (n === 3) continue;
    if (n > 6) break;
    printI32(n);
  }
  let m: u8 = 10;
  do {
    m = u8(m - 3);
  } while (m > 3);
  printI32(m);
  if (m === 0) printI32(0);
  else if (m === 1) printI32(1);
  else printI32(2);
  newline();
}
