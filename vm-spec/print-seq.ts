// repr() of dicts and ranges (print.ts routes them here): {'a': 1}, range(0, 3), range(1, 5, 2).
import { u16, flashStr } from './types.ts';
import { NULL, heapOffset } from './value.ts';
import { get16 } from './heap.ts';
import { dictUsed, dictEntryKey, dictEntryValue } from './dict.ts';
import { rangeField } from './iter.ts';
import { emit, printRepr } from './print.ts';

export function printDictRepr(d: u16): void {
  emit(123);
  let first = true;
  for (let e: u16 = 0; e < dictUsed(d); e = u16(e + 1)) {
    const key = dictEntryKey(d, e);
    if (key === NULL) continue;
    if (!first) {
      emit(44);
      emit(32);
    }
    first = false;
    printRepr(key);
    emit(58);
    emit(32);
    printRepr(dictEntryValue(d, e));
  }
  emit(125);
}

const RANGE_WORD = flashStr('range(');

export function printRangeRepr(r: u16): void {
  for (let i: u16 = 0; i < RANGE_WORD.length; i = u16(i + 1)) emit(RANGE_WORD[i]);
  printRepr(get16(u16(heapOffset(r) + 2)));
  emit(44);
  emit(32);
  printRepr(get16(u16(heapOffset(r) + 4)));
  if (rangeField(r, 6) !== 1) {
    emit(44);
    emit(32);
    printRepr(get16(u16(heapOffset(r) + 6)));
  }
  emit(41);
}
