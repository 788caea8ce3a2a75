// CPython's TypeError messages for calls of Python functions that do not match the parameters:
// "f() takes 2 positional arguments but 3 were given", "f() missing 1 required positional
// argument: 'a'", "f() got an unexpected keyword argument 'x'", "f() got multiple values for
// argument 'a'". Names come from the CODE record (Code.NAME, Code.PARAMS). The messages are
// errors.ts's; the counts and names after "takes"/"missing" are written here (printCallDetails).
import { u8, u16 } from './types.ts';
import type { bool } from './types.ts';
import { NULL } from './value.ts';
import { Code, codeU8, codeU16, imageTupleItem } from './image.ts';
import { Msg, raiseMsgOf, printLine } from './errors.ts';
import { printRepr, printNumOut } from './print.ts';
import { formatI32 } from './numfmt.ts';

// The call being reported (read while the message is written).
let callCode: u16 = NULL;
let callDefaults: u8 = 0;
let callGiven: u8 = 0;
let callMissing: u16 = 0; // 0: "takes ..."; else bit i for each missing parameter i (of the first 16)
let callKind: u8 = 0; // Msg.POSITIONAL or Msg.KEYWORD_ONLY

function piece(line: u8): void { printLine(line, NULL, NULL); }
function printCount(n: u8): void { printNumOut(formatI32(n)); }

/** "f() takes [from M to] N positional argument(s) but G was/were given". */
export function raiseTooMany(code: u16, ndefaults: u8, given: u8): u16 {
  callCode = code;
  callDefaults = ndefaults;
  callGiven = given;
  callMissing = 0;
  callKind = Msg.POSITIONAL;
  return raiseMsgOf(Msg.CALL_TOO_MANY, codeU16(code, Code.NAME), NULL);
}

/** "f() got an unexpected keyword argument 'x'" (known false) or "... multiple values for argument 'x'". */
export function raiseKeyword(code: u16, name: u16, known: bool): u16 {
  return raiseMsgOf(known ? Msg.CALL_MULTIPLE : Msg.CALL_UNEXPECTED, codeU16(code, Code.NAME), name);
}

/**
 * "f() missing 2 required positional arguments: 'a' and 'b'": `missing` has bit i set for each
 * unbound parameter i (the first 16: a function with more is not an Uno's), positional ones or
 * keyword-only ones (kwonly).
 */
export function raiseMissing(code: u16, missing: u16, kwonly: bool): u16 {
  callCode = code;
  callMissing = missing;
  callKind = kwonly ? Msg.KEYWORD_ONLY : Msg.POSITIONAL;
  return raiseMsgOf(Msg.CALL_MISSING, codeU16(code, Code.NAME), NULL);
}

/** The rest of a "takes" or "missing" message (one path: "N [required] KIND argument(s)" is shared). */
export function printCallDetails(): void {
  const takes = callMissing === 0;
  let count: u8 = 0; // the missing parameters
  for (let m: u16 = callMissing; m !== 0; m = m >> 1) count = u8(count + (m & 1));
  let plural: bool = false;
  if (takes) { // takes [from M to] N positional argument(s)
    count = codeU8(callCode, Code.ARGCOUNT);
    if (callDefaults > 0) {
      piece(Msg.FROM);
      printCount(u8(count - callDefaults));
      piece(Msg.TO);
      plural = true;
    }
  }
  printCount(count);
  if (!takes) piece(Msg.REQUIRED);
  piece(callKind);
  piece(Msg.ARGUMENT);
  if (plural || count !== 1) piece(Msg.PLURAL);
  if (takes) {
    piece(Msg.BUT);
    printCount(callGiven);
    piece(callGiven === 1 ? Msg.WAS_GIVEN : Msg.WERE_GIVEN);
    return;
  }
  piece(Msg.COLON);
  const params = codeU16(callCode, Code.PARAMS);
  let listed: u8 = 0;
  let i: u8 = 0;
  for (let m: u16 = callMissing; m !== 0; m = m >> 1) {
    if ((m & 1) !== 0) {
      if (listed > 0) piece(listed + 1 < count ? Msg.COMMA : count === 2 ? Msg.AND : Msg.COMMA_AND);
      printRepr(imageTupleItem(params, i));
      listed = u8(listed + 1);
    }
    i = u8(i + 1);
  }
}
