// CPython's TypeError messages for calls of Python functions that do not match the parameters:
// "f() takes 2 positional arguments but 3 were given", "f() missing 1 required positional
// argument: 'a'", "f() got an unexpected keyword argument 'x'", "f() got multiple values for
// argument 'a'". Names come from the CODE record (Code.NAME, Code.PARAMS).
import { u8, u16, u32 } from './types.ts';
import type { bool } from './types.ts';
import { Exc } from './exc.ts';
import { Code, codeU8, codeU16 } from './image.ts';
import { anyTupleItem } from './func.ts';
import { NumMsg, msgStart, msgLine, msgStr, msgInt, msgRaise } from './nummsg.ts';

function startCall(code: u16): void {
  msgStart();
  msgStr(codeU16(code, Code.NAME));
  msgLine(NumMsg.CALL_PARENS);
}

/** "f() takes [from M to] N positional argument(s) but G was/were given". */
export function raiseTooMany(code: u16, ndefaults: u16, given: u16): u16 {
  const n = codeU8(code, Code.ARGCOUNT);
  startCall(code);
  msgLine(NumMsg.TAKES);
  if (ndefaults > 0) {
    msgLine(NumMsg.FROM);
    msgInt(n - ndefaults);
    msgLine(NumMsg.TO);
  }
  msgInt(n);
  msgLine(n === 1 && ndefaults === 0 ? NumMsg.POSITIONAL_BUT : NumMsg.POSITIONALS_BUT);
  msgInt(given);
  msgLine(given === 1 ? NumMsg.WAS_GIVEN : NumMsg.WERE_GIVEN);
  return msgRaise(Exc.TypeError);
}

/** "f() got an unexpected keyword argument 'x'" (known false) or "... multiple values for argument 'x'". */
export function raiseKeyword(code: u16, name: u16, known: bool): u16 {
  startCall(code);
  msgLine(known ? NumMsg.MULTIPLE_VALUES : NumMsg.UNEXPECTED_KEYWORD);
  msgStr(name);
  msgLine(NumMsg.QUOTE);
  return msgRaise(Exc.TypeError);
}

/**
 * "f() missing 2 required positional arguments: 'a' and 'b'": `missing` has bit i set for each
 * unbound parameter i (the first 32), positional ones or keyword-only ones (kwonly).
 */
export function raiseMissing(code: u16, missing: u32, kwonly: bool): u16 {
  let count: u8 = 0;
  for (let i: u8 = 0; i < 32; i = u8(i + 1)) {
    if (((missing >>> i) & 1) !== 0) count = u8(count + 1);
  }
  startCall(code);
  msgLine(NumMsg.MISSING);
  msgInt(count);
  msgLine(kwonly ? NumMsg.REQUIRED_KEYWORD : NumMsg.REQUIRED_POSITIONAL);
  msgLine(count === 1 ? NumMsg.ARGUMENT_COLON : NumMsg.ARGUMENTS_COLON);
  let listed: u8 = 0;
  for (let i: u8 = 0; i < 32; i = u8(i + 1)) {
    if (((missing >>> i) & 1) === 0) continue;
    if (listed > 0) msgLine(listed + 1 < count ? NumMsg.COMMA : count === 2 ? NumMsg.AND : NumMsg.COMMA_AND);
    msgStr(anyTupleItem(codeU16(code, Code.PARAMS), i));
    listed = u8(listed + 1);
  }
  msgLine(NumMsg.QUOTE);
  return msgRaise(Exc.TypeError);
}
