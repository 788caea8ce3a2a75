// switch: fall-through between cases (as in C), default in the middle, negative and large case
// labels, break inside a loop inside a case, and return from inside a switch.
import { u8, i8, u16, i32, flashI32 } from '../../../vm-spec/types.ts';
import { printI32, newline } from './lib/print.ts';

const KEYS = flashI32([0, 1, 2, 3, 4, -1, 65536, -0x80000000, 0x7fffffff, 99]);
const N = 10;

// Each case adds its digit and falls into the next one.
function ladder(k: i32): i32 {
  let acc: i32 = 0;
  switch (k) {
    case 0:
      acc = i32(acc * 10 + 1);
    case 1:
      acc = i32(acc * 10 + 2);
      break;
    case 2:
    case 3:
      acc = i32(acc * 10 + 3);
    default:
      acc = i32(acc * 10 + 4);
    case 4:
      acc = i32(acc * 10 + 5);
      break;
    case -1:
      return -100;
    case 65536:
      for (let i: u8 = 0; i < 10; i = u8(i + 1)) {
        acc = i32(acc + i);
        if (i === 3) break;
      }
      acc = i32(acc + 1000);
      break;
    case -0x80000000:
      acc = 7;
    case 0x7fffffff:
      acc = i32(acc + 1);
  }
  return acc;
}

function byteSwitch(b: u8): i8 {
  switch (b) {
    case 0x7f: return 1;
    case 0x80: return 2;
    case 0xff: return -1;
    default: return 0;
  }
}

export function main(): void {
  for (let i: u8 = 0; i < N; i = u8(i + 1)) printI32(ladder(KEYS[i]));
  newline();
  let b: u8 = 0x7d;
  let sum: u16 = 0;
  for (let i: u8 = 0; i < 5; i = u8(i + 1)) {
    printI32(byteSwitch(b));
    sum = u16(sum + b);
    b = u8(b + 1);
  }
  printI32(byteSwitch(0xff));
  printI32(sum);
  newline();
}
