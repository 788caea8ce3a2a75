// Comparisons of containers: lists and tuples lexicographically (items compared with
// compareOp, so nesting works to NEST_MAX levels: vm-spec/nesting.ts), dicts by their
// items, and identity for == / != of anything else.
import { u8, u16, i16, flashU8 } from './types.ts';
import type { bool } from './types.ts';
import { NULL, FALSE, makeBool } from './value.ts';
import { Exc, raise } from './exc.ts';
import { isList } from './list.ts';
import { isAnyTuple, seqLength, seqItem } from './seq.ts';
import { isDict, dictCount, dictGet, dictUsed, dictEntryKey, dictEntryValue } from './dict.ts';
import { compareOp } from './arith.ts';
import { raiseUnorderable } from './numops.ts';
import { nestEnter, nestLeave } from './nesting.ts';

// Which orderings each COMPARE_OP accepts: bit 0 less, bit 1 equal, bit 2 greater.
const OP_ORDERS = flashU8([1, 3, 2, 5, 4, 6]);

/** Whether COMPARE_OP op (0 < 1 <= 2 == 3 != 4 > 5 >=) holds for an ordering c (< 0, 0, > 0). */
export function opHolds(op: u8, c: i16): u16 {
  const order: u8 = c < 0 ? 1 : c === 0 ? 2 : 4;
  return makeBool((OP_ORDERS[op] & order) !== 0);
}

/** COMPARE_OP for operands that are not both numbers or both strs (nested: RecursionError). */
export function compareOther(op: u8, a: u16, b: u16): u16 {
  if (!nestEnter()) return raise(Exc.RecursionError);
  const r = compareContainers(op, a, b);
  nestLeave();
  return r;
}

function compareContainers(op: u8, a: u16, b: u16): u16 {
  if ((isList(a) && isList(b)) || (isAnyTuple(a) && isAnyTuple(b))) {
    const na = seqLength(a);
    const nb = seqLength(b);
    for (let i: u16 = 0; i < na && i < nb; i = u16(i + 1)) {
      const x = seqItem(a, i);
      const y = seqItem(b, i);
      const same = compareOp(2, x, y);
      if (same === NULL) return NULL;
      // The first differing items decide.
      if (same === FALSE) return compareOp(op, x, y);
    }
    return opHolds(op, i16(na - nb)); // lengths stay far below 2^15
  }
  if (op !== 2 && op !== 3) return raiseUnorderable(op, a, b); // CPython's "'<' not supported between ..."
  let same: bool = a === b;
  if (isDict(a) && isDict(b) && !same) {
    same = dictCount(a) === dictCount(b);
    for (let e: u16 = 0; same && e < dictUsed(a); e = u16(e + 1)) {
      const key = dictEntryKey(a, e);
      if (key === NULL) continue;
      const other = dictGet(b, key);
      const v = other === NULL ? FALSE : compareOp(2, dictEntryValue(a, e), other);
      if (v === NULL) return NULL;
      same = v !== FALSE;
    }
  }
  return makeBool(same === (op === 2));
}
