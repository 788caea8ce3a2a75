// Stores into every typed-array type wrap to the element type (u8arr[i] = 300 stores 44), even
// when the stored value's range goes beyond 32 bits; Float32Array stores keep f32 values.
import { u8, i32, u32, f32, flashI32 } from '../../../vm-spec/types.ts';
import { printI32, printU32, printF32Bits, newline } from './lib/print.ts';

const V = flashI32([300, -1, 200, 70000, -32769, 40000, -0x80000000, 0x7fffffff, 0x12345678]);
const N = 9;
const au8 = new Uint8Array(N);
const ai8 = new Int8Array(N);
const au16 = new Uint16Array(N);
const ai16 = new Int16Array(N);
const au32 = new Uint32Array(N);
const ai32 = new Int32Array(N);
const af32 = new Float32Array(N);

export function main(): void {
  for (let i: u8 = 0; i < N; i = u8(i + 1)) {
    const v: i32 = V[i];
    au8[i] = v;
    ai8[i] = v;
    au16[i] = v;
    ai16[i] = v;
    au32[i] = v;
    ai32[i] = v;
    af32[i] = f32(v);
  }
  for (let i: u8 = 0; i < N; i = u8(i + 1)) {
    printI32(au8[i]);
    printI32(ai8[i]);
    printI32(au16[i]);
    printI32(ai16[i]);
    printU32(au32[i]);
    printI32(ai32[i]);
    printF32Bits(af32[i]);
    newline();
  }
  // Sums and products wider than 32 bits stored straight into arrays.
  const big: u32 = au32[1];
  au32[0] = big + big;
  ai32[0] = big + big;
  au16[0] = big * 3;
  ai16[0] = big - 70000;
  au8[0] = ai32[6] - 1;
  ai8[0] = au8[1] + au8[2];
  printU32(au32[0]);
  printI32(ai32[0]);
  printI32(au16[0]);
  printI32(ai16[0]);
  printI32(au8[0]);
  printI32(ai8[0]);
  printI32(au8.length);
  printI32(af32.length);
  newline();
  // A read-modify-write through the array element itself.
  for (let k: u8 = 0; k < 10; k = u8(k + 1)) {
    au8[3] = au8[3] + 100;
    ai16[3] = ai16[3] * 7;
  }
  printI32(au8[3]);
  printI32(ai16[3]);
  newline();
}
