// A switch-based dispatch loop: a tiny stack machine interpreting a program in a flash table
// (factorials with i32 wrap, a countdown, and a jump table with fall-through cases).
import { u8, i8, u16, i32, bool, flashU8 } from '../../../vm-spec/types.ts';
import { printI32, newline } from './lib/print.ts';

const enum Op {
  Halt = 0,
  Push = 1, // next byte, sign-extended
  Add = 2,
  Sub = 3,
  Mul = 4,
  Dup = 5,
  Over = 6,
  Swap = 7,
  Drop = 8,
  Print = 9,
  Jnz = 10, // next byte: absolute target; pops the condition
  Newline = 11,
  Shl8 = 12,
  Neg = 13,
  Jump = 14, // next byte: absolute target
}

// fact = 1; n = 1; loop: fact = fact * n; print fact; n = n + 1; until n == 14
// then: countdown from 5 to 1, then 1000 << 8 << 8 << 8 (wraps), then -(-2^31).
const PROGRAM = flashU8([
  Op.Push, 1, Op.Push, 1,
  // 4: stack fact n
  Op.Dup, Op.Push, 14, Op.Sub, Op.Jnz, 12, Op.Jump, 29,
  // 12: stack fact n
  Op.Swap, Op.Over, Op.Mul, Op.Dup, Op.Print, Op.Swap, Op.Push, 1, Op.Add, Op.Push, 1, Op.Jnz, 4,
  0, 0, 0, 0,
  // 29:
  Op.Drop, Op.Drop, Op.Newline,
  Op.Push, 5,
  // 34: countdown
  Op.Dup, Op.Print, Op.Push, 1, Op.Sub, Op.Dup, Op.Jnz, 34,
  Op.Drop, Op.Newline,
  Op.Push, 100, Op.Push, 10, Op.Mul, Op.Shl8, Op.Dup, Op.Print, Op.Shl8, Op.Dup, Op.Print, Op.Shl8, Op.Print,
  Op.Push, 1, Op.Push, 31, Op.Drop, Op.Shl8, Op.Shl8, Op.Shl8, Op.Push, 0x80, Op.Mul, Op.Dup, Op.Print, Op.Neg, Op.Print,
  Op.Push, 0xff, Op.Print, Op.Push, 0x7f, Op.Print,
  Op.Newline, Op.Halt,
]);

const stack = new Int32Array(8);
let sp: u8 = 0;
let steps: u16 = 0;

function push(v: i32): void {
  stack[sp] = v;
  sp = u8(sp + 1);
}

function pop(): i32 {
  sp = u8(sp - 1);
  return stack[sp];
}

function run(): void {
  let pc: u8 = 0;
  let running: bool = true;
  while (running) {
    const op: u8 = PROGRAM[pc];
    pc = u8(pc + 1);
    steps = u16(steps + 1);
    switch (op) {
      case Op.Halt:
        running = false;
        break;
      case Op.Push:
        push(i8(PROGRAM[pc]));
        pc = u8(pc + 1);
        break;
      case Op.Add:
      case Op.Sub: {
        const b: i32 = pop();
        const a: i32 = pop();
        push(op === Op.Add ? i32(a + b) : i32(a - b));
        break;
      }
      case Op.Mul: {
        const b: i32 = pop();
        push(Math.imul(pop(), b));
        break;
      }
      case Op.Dup: {
        const a: i32 = pop();
        push(a);
        push(a);
        break;
      }
      case Op.Over: {
        const b: i32 = pop();
        const a: i32 = pop();
        push(a);
        push(b);
        push(a);
        break;
      }
      case Op.Swap: {
        const b: i32 = pop();
        const a: i32 = pop();
        push(b);
        push(a);
        break;
      }
      case Op.Drop:
        sp = u8(sp - 1);
        break;
      case Op.Print:
        printI32(pop());
        break;
      case Op.Jnz: {
        const target: u8 = PROGRAM[pc];
        pc = u8(pc + 1);
        if (pop() !== 0) pc = target;
        break;
      }
      case Op.Jump:
        pc = PROGRAM[pc];
        break;
      case Op.Newline:
        newline();
        break;
      case Op.Shl8:
        push(pop() << 8);
        break;
      case Op.Neg:
        push(i32(-pop()));
        break;
      default:
        printI32(-1);
        running = false;
        break;
    }
  }
}

export function main(): void {
  run();
  printI32(steps);
  printI32(sp);
  newline();
}
