// Built-in functions on numbers: int float bool abs divmod pow round (names.ts, B.NUM_*).
import { u8, u16 } from './types.ts';
import { Exc, raise } from './exc.ts';
import { N, B } from './names.ts';
import { arg, argCount } from './args.ts';
import { isInt, intValue, intSub } from './int.ts';

/** Calls number builtin `n` (B.NUM_FIRST + (N.x - N.int)) on the current arguments. */
export function numBuiltin(n: u8): u16 {
  const name = u8(n - B.GLOBAL_BASE);
  if (name === N.abs && argCount() === 1 && isInt(arg(0))) {
    const v = intValue(arg(0));
    return v < 0 ? intSub(0, v) : arg(0);
  }
  return raise(Exc.NotImplementedError);
}
