// The traceback of the exception being handled: where it was raised, for the frames that
// unwinding has left (and the handling frame's own raise point). A re-raise (`raise` alone,
// or the RERAISE at the end of finally/except cleanup) then reports these original lines, as
// CPython does, instead of the re-raise point. An uncaught exception whose record was continued is printed from the record alone (it is then complete); otherwise the
// frames on the call chain are read directly. TB_MAX entries (beyond: the middle ones go).
import { u8, u16 } from './types.ts';
import type { bool } from './types.ts';
import { NULL } from './value.ts';

const TB_MAX = 8;
const enum Tb { HANDLED = 0, COMPLETE = 1 }
const tbCodes = new Uint16Array(TB_MAX);
const tbIps = new Uint16Array(TB_MAX);
let tbLength: u8 = 0;
let tbFrame: u16 = NULL; // the frame handling the exception (its entry is the last one)
let tbExc: u16 = NULL;   // the exception these entries belong to (compared, never read)
let tbState: u8 = Tb.HANDLED; // COMPLETE: uncaught, the entries are the whole traceback

export function tbReset(): void {
  tbLength = 0;
  tbHandledBy(NULL, NULL);
}

/** Appends an entry (innermost first); when full, the last slot is overwritten. */
export function tbAdd(code: u16, ip: u16): void {
  if (tbLength === TB_MAX) tbLength = u8(TB_MAX - 1);
  tbCodes[tbLength] = code;
  tbIps[tbLength] = ip;
  tbLength = u8(tbLength + 1);
}

function tbSet(frame: u16, exc: u16, state: u8): void {
  tbFrame = frame;
  tbExc = exc;
  tbState = state;
}

/** True when the record is in `state` for `frame` and `exc`. */
function tbIs(state: u8, frame: u16, exc: u16): bool {
  return tbState === state && frame === tbFrame && exc === tbExc;
}

/** Records that `frame` now handles `exc` (the entries end with that frame's raise point). */
export function tbHandledBy(frame: u16, exc: u16): void { tbSet(frame, exc, Tb.HANDLED); }

/** Records that no frame handles `exc`: the entries are its whole traceback. */
export function tbUncaught(exc: u16): void { tbSet(NULL, exc, Tb.COMPLETE); }

/** True when re-raising `exc` from `frame` continues the recorded traceback. */
export function tbContinues(frame: u16, exc: u16): bool { return tbLength > 0 && tbIs(Tb.HANDLED, frame, exc); }

/** True when the entries are the whole traceback of uncaught `exc`. */
export function tbIsComplete(exc: u16): bool { return tbIs(Tb.COMPLETE, NULL, exc); }

export function tbCount(): u8 { return tbLength; }
export function tbCode(i: u8): u16 { return tbCodes[i]; }
export function tbIp(i: u8): u16 { return tbIps[i]; }
