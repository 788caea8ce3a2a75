// Built-in functions on sequences and containers (range .. sum in names.ts) and the methods
// of list and dict.
import { u8, u16 } from './types.ts';
import { NULL, NONE, isImage, makeSmall } from './value.ts';
import { Exc, raise } from './exc.ts';
import { N, B } from './names.ts';
import { arg, argCount } from './args.ts';
import { Record, recordType, imageTupleLength } from './image.ts';
import { newInt } from './int.ts';
import { isStr, strLength } from './str.ts';
import { newRange, rangeLength, isRange } from './iter.ts';
import { listAppend, listLength, isList } from './list.ts';
import { tupleLength, isHeapTuple } from './tuple.ts';
import { isDict, dictCount } from './dict.ts';

const enum LM { append = 145 }

/** The list method number for name `name` (an N), or 0. */
export function listMethod(name: u8): u8 {
  if (name === N.append) return LM.append;
  return 0;
}

/** The dict method number for name `name` (an N), or 0. */
export function dictMethod(name: u8): u8 {
  return 0;
}

/** Calls sequence builtin or list/dict method `n` on the current arguments (self is arg 0). */
export function seqBuiltin(n: u8): u16 {
  const count = argCount();
  if (n === LM.append && count === 2 && isList(arg(0))) {
    return listAppend(arg(0), arg(1)) === NULL ? NULL : NONE;
  }
  const name = u8(n - B.GLOBAL_BASE);
  if (name === N.range) {
    if (count === 1) return newRange(makeSmall(0), arg(0), makeSmall(1));
    if (count === 2) return newRange(arg(0), arg(1), makeSmall(1));
    if (count === 3) return newRange(arg(0), arg(1), arg(2));
    return raise(Exc.TypeError);
  }
  if (name === N.len && count === 1) {
    const v = arg(0);
    if (isStr(v)) return makeSmall(strLength(v));
    if (isImage(v) && recordType(v) === Record.TUPLE) return makeSmall(imageTupleLength(v));
    if (isList(v)) return makeSmall(listLength(v));
    if (isDict(v)) return makeSmall(dictCount(v));
    if (isHeapTuple(v)) return makeSmall(tupleLength(v));
    if (isRange(v)) return newInt(rangeLength(v));
    return raise(Exc.TypeError);
  }
  return raise(Exc.NotImplementedError);
}
