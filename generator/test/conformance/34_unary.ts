// Unary minus on unsigned and signed values of every width, ~ on them, and ! on bools.
import { u8, i8, u16, i16, u32, i32, f32, bool, f32FromBits } from '../../../vm-spec/types.ts';
import { printI32, printU32, printBool, printF32Bits, newline } from './lib/print.ts';

const bytes = new Uint8Array(2);
const sbytes = new Int8Array(2);
const words = new Uint16Array(2);
const swords = new Int16Array(2);
const longs = new Uint32Array(2);
const slongs = new Int32Array(2);

export function main(): void {
  bytes[0] = 0;
  bytes[1] = 255;
  sbytes[0] = -128;
  sbytes[1] = 127;
  words[0] = 1;
  words[1] = 65535;
  swords[0] = -32768;
  swords[1] = 32767;
  longs[0] = 1;
  longs[1] = 0xffffffff;
  slongs[0] = -0x80000000;
  slongs[1] = 0x7fffffff;
  for (let i: u8 = 0; i < 2; i = u8(i + 1)) {
    printI32(-bytes[i]);
    printI32(~bytes[i]);
    printI32(-sbytes[i]);
    printI32(~sbytes[i]);
    printI32(-words[i]);
    printI32(~words[i]);
    printI32(-swords[i]);
    printI32(~swords[i]);
    printU32(u32(-longs[i]));
    printI32(~longs[i]);
    printI32(i32(-slongs[i]));
    printU32(u32(-slongs[i]));
    printI32(~slongs[i]);
    printI32(-(-swords[i]));
    newline();
  }
  const f: f32 = f32FromBits(0x3f800000);
  const z: f32 = 0.0;
  printF32Bits(-f);
  printF32Bits(-z);
  printF32Bits(f32(z - z));
  const yes: bool = bytes[1] === 255;
  printBool(!yes);
  printBool(!!yes);
  printBool(!(bytes[0] === 0) || !yes);
  newline();
}
