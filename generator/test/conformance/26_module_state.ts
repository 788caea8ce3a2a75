// Module-level variables of every scalar type keep their values across calls.
import { u8, i8, u16, i16, u32, i32, f32, bool } from '../../../vm-spec/types.ts';
import { printI32, printU32, printF32Bits, printBool, newline } from './lib/print.ts';

let counter: u8 = 250;
let small: i8 = -120;
let wide: u16 = 65530;
let signedWide: i16 = 32760;
let total: u32 = 0xfffffff0;
let balance: i32 = -2147483000;
let level: f32 = 0.5;
let toggled: bool = false;
const history = new Int16Array(4);

function step(k: u8): void {
  const three: f32 = 3.0;
  counter = u8(counter + 1);
  small = i8(small - 3);
  wide = u16(wide + k);
  signedWide = i16(signedWide + k);
  total = u32(total + 3);
  balance = i32(balance - 100);
  level = f32(level * three);
  toggled = !toggled;
  history[k & 3] = signedWide;
}

function show(): void {
  printI32(counter);
  printI32(small);
  printI32(wide);
  printI32(signedWide);
  printU32(total);
  printI32(balance);
  printF32Bits(level);
  printBool(toggled);
  newline();
}

export function main(): void {
  show();
  for (let k: u8 = 0; k < 10; k = u8(k + 1)) {
    step(k);
    show();
  }
  for (let k: u8 = 0; k < 4; k = u8(k + 1)) printI32(history[k]);
  newline();
}
