// Built-in functions on strs (str repr ord chr hex bin) and the methods of str (names.ts).
import { u8, u16 } from './types.ts';
import { Exc, raise } from './exc.ts';
import { N, B } from './names.ts';
import { arg, argCount } from './args.ts';
import { isInt, intValue } from './int.ts';
import { isStr, strOfInt } from './str.ts';

/** The str method number for name `name` (an N), or 0 when str has no such method. */
export function strMethod(name: u8): u8 {
  return 0;
}

/** Calls str builtin or str method `n` on the current arguments (a method's self is arg 0). */
export function strBuiltin(n: u8): u16 {
  const name = u8(n - B.GLOBAL_BASE);
  if (argCount() === 1 && isInt(arg(0))) {
    const v = intValue(arg(0));
    if (name === N.str) return strOfInt(v, 10);
    if (name === N.hex) return strOfInt(v, 16);
    if (name === N.bin) return strOfInt(v, 2);
  }
  if (name === N.str && argCount() === 1 && isStr(arg(0))) return arg(0);
  return raise(Exc.NotImplementedError);
}
