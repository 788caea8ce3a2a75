// Comparisons of containers: == and != of tuples (items compared with compareOp, so nesting
// works to NEST_MAX levels: vm-spec/nesting.ts), identity for == / != of unlike types; the
// order of lists and tuples and == of lists and dicts are library code (order.py _compare).
import { u8, u16, i16, flashU8 } from './types.ts';
import { LibKind, handOver } from './libfunc.ts';
import { NULL, TRUE, makeBool } from './value.ts';
import { isList } from './list.ts';
import { isAnyTuple, seqLength, seqItem } from './seq.ts';
import { isDict } from './dict.ts';
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

/**
 * COMPARE_OP for operands that are not both numbers or both strs: == and != of two tuples item
 * by item (dict keys and `in` need it natively), identity for == and != of unlike types,
 * CPython's TypeError for their ordering. Ordering of two lists or two tuples, == and != of
 * two lists or two dicts, and tuples nested deeper than NEST_MAX are handed over to order.py's
 * _lt, _le, _eq, _ne, _gt or _ge (LibKind.COMPARE + op).
 */
export function compareOther(op: u8, a: u16, b: u16): u16 {
  const equality = op === 2 || op === 3;
  const tuples = isAnyTuple(a) && isAnyTuple(b);
  if (tuples || (isList(a) && isList(b)) || (equality && isDict(a) && isDict(b))) {
    if (!equality || !tuples || !nestEnter()) return handOver(u8(LibKind.COMPARE + op));
    const n = seqLength(a);
    let same: u16 = makeBool(n === seqLength(b));
    for (let i: u16 = 0; same === TRUE && i < n; i = u16(i + 1)) {
      const x = seqItem(a, i);
      const y = seqItem(b, i);
      if (x !== y) same = compareOp(2, x, y); // the same object is equal (a nan too, as in CPython)
    }
    nestLeave();
    // NULL: items handed over (lists, dicts...): so is the whole comparison
    return same === NULL ? handOver(u8(LibKind.COMPARE + op)) : makeBool((same === TRUE) === (op === 2));
  }
  if (!equality) return raiseUnorderable(op, a, b); // CPython's "'<' not supported between ..."
  return makeBool((a === b) === (op === 2));
}
