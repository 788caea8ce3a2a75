// The integer range analysis (docs/vm-spec-subset.md, "value ranges instead of wrap-around").
import { describe, expect, it } from 'vitest';
import * as R from '../ranges.ts';

const r = (lo: number, hi: number): R.Range => ({ lo, hi });
const U8 = r(0, 255);
const I8 = r(-128, 127);

describe('range analysis', () => {
  it('adds, subtracts, negates and multiplies exactly', () => {
    expect(R.add(U8, U8)).toEqual(r(0, 510));
    expect(R.sub(U8, U8)).toEqual(r(-255, 255));
    expect(R.neg(I8)).toEqual(r(-127, 128));
    expect(R.mul(I8, I8)).toEqual(r(-16256, 16384));
    expect(R.mul(r(-3, 0), r(0, 5))).toEqual(r(-15, 0));
  });

  it('masks with a non-negative operand give 0..mask', () => {
    expect(R.and(r(-1000, 1000), r(0, 15))).toEqual(r(0, 15));
    expect(R.and(U8, r(0, 0x0f))).toEqual(r(0, 15));
    expect(R.and(I8, I8)).toEqual(R.I32);
  });

  it('or/xor of non-negatives stay below the next power of two', () => {
    expect(R.orXor(r(0, 0xab00), U8)).toEqual(r(0, 0xffff));
    expect(R.orXor(I8, U8)).toEqual(R.I32);
  });

  it('shifts by a constant keep a precise range; u32 operands go through ToInt32', () => {
    expect(R.shl(U8, r(8, 8))).toEqual(r(0, 0xff00));
    expect(R.shl(r(0, 0xffff), r(16, 16))).toEqual(R.I32); // reaches 2^32: wraps in TS
    expect(R.shl(U8, r(40, 40))).toEqual(r(0, 0xff00)); // counts are & 31
    expect(R.shr(r(-256, 255), r(4, 4))).toEqual(r(-16, 15));
    expect(R.ushr(r(-1, -1), r(28, 28))).toEqual(r(15, 15));
    expect(R.ushr(R.U32, r(16, 16))).toEqual(r(0, 0xffff));
    expect(R.not(U8)).toEqual(r(-256, -1));
    expect(R.toI32(R.U32)).toEqual(R.I32);
  });

  it('division and remainder truncate toward zero', () => {
    expect(R.div(r(-100, 50), r(1, 10))).toEqual(r(-100, 50));
    expect(R.div(r(-100, 50), r(-10, -1))).toEqual(r(-50, 100));
    expect(R.div(R.I32, R.I32)).toEqual(r(-0x80000000, 0x80000000));
    expect(R.rem(r(-1000, 1000), r(7, 7))).toEqual(r(-6, 6));
    expect(R.rem(U8, r(-10, 10))).toEqual(r(0, 9));
  });

  it('chooses the C compute type from the ranges', () => {
    expect(R.computeType(U8, U8, R.add(U8, U8))).toBe('int16_t');
    expect(R.computeType(U8, U8, R.mul(U8, U8))).toBe('int32_t');
    expect(R.computeType(R.I32, r(1, 1), R.add(R.I32, r(1, 1)))).toBeUndefined();
    expect(R.compareType(R.U32, R.I32)).toBe('int64_t');
    expect(R.compareType(R.U32, U8)).toBe('uint32_t');
    expect(R.compareType(r(0, 65535), I8)).toBe('int32_t');
  });

  it('shows ranges in diagnostics', () => {
    expect(R.show(r(0, 510))).toBe('0..510');
    expect(R.show(r(7, 7))).toBe('7');
  });
});
