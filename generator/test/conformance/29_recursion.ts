// Recursion: fib, Ackermann, gcd, a recursive digit sum and mutual recursion (small depths for 2 KB).
import { u8, u16, u32, i32, bool } from '../../../vm-spec/types.ts';
import { printI32, printU32, newline } from './lib/print.ts';

let calls: u32 = 0;

function fib(n: u8): u32 {
  calls = u32(calls + 1);
  if (n < 2) return n;
  const a: u32 = fib(u8(n - 1));
  return u32(a + fib(u8(n - 2)));
}

function ack(m: u16, n: u16): u16 {
  if (m === 0) return u16(n + 1);
  if (n === 0) return ack(u16(m - 1), 1);
  return ack(u16(m - 1), ack(m, u16(n - 1)));
}

function gcd(a: u32, b: u32): u32 {
  if (b === 0) return a;
  return gcd(b, u32(a % b));
}

function digitSum(n: u32): u8 {
  if (n < 10) return u8(n);
  return u8(u8(n % 10) + digitSum(u32(n / 10)));
}

function isEven(n: u8): bool {
  if (n === 0) return true;
  return isOdd(u8(n - 1));
}

function isOdd(n: u8): bool {
  if (n === 0) return false;
  return isEven(u8(n - 1));
}

function power(base: i32, e: u8): i32 {
  if (e === 0) return 1;
  const half: i32 = power(base, u8(e >> 1));
  const sq: i32 = Math.imul(half, half);
  return (e & 1) === 1 ? Math.imul(sq, base) : sq;
}

export function main(): void {
  for (let n: u8 = 0; n <= 20; n = u8(n + 5)) printU32(fib(n));
  printU32(calls);
  newline();
  printI32(ack(2, 3));
  printI32(ack(3, 3));
  newline();
  printU32(gcd(0xffffffff, 0xfffffffe));
  printU32(gcd(1071, 462));
  printU32(gcd(0x80000000, 0x18000));
  printI32(digitSum(0xffffffff));
  printI32(digitSum(1234567890));
  newline();
  printI32(isEven(30) ? 1 : 0);
  printI32(isOdd(31) ? 1 : 0);
  printI32(power(3, 19));
  printI32(power(3, 21));
  printI32(power(-2, 31));
  printI32(power(-7, 11));
  newline();
}
