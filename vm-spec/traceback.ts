// The traceback of the exception being handled: where it was raised, for the frames that
// unwinding has left (and the handling frame's own raise point). A re-raise (`raise` alone,
// or the RERAISE at the end of finally/except cleanup) then reports these original lines, as
// CPython does, instead of the re-raise point. An uncaught exception whose record was continued is printed from the record alone (it is then complete); otherwise the
// frames on the call chain are read directly. TB_MAX entries (beyond: the middle ones go).
import { u8, u16 } from './types.ts';
import type { bool } from './types.ts';
import { NULL } from './value.ts';

const TB_MAX = 8;
/** tbFrame of a complete record (uncaught: the entries are the whole traceback); no frame is odd. */
const COMPLETE = 1;
const tbCodes = new Uint16Array(TB_MAX);
const tbIps = new Uint16Array(TB_MAX);
let tbLength: u8 = 0;
let tbFrame: u16 = NULL; // the frame handling the exception (its entry is the last one), or COMPLETE
let tbExc: u16 = NULL;   // the exception these entries belong to (compared, never read)

/** @noinline: smaller as a call. */
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

/** Records that `frame` now handles `exc` (the entries end with that frame's raise point). @noinline: smaller as a call. */
export function tbHandledBy(frame: u16, exc: u16): void {
  tbFrame = frame;
  tbExc = exc;
}

/** True when the record belongs to `frame` (or COMPLETE) and `exc`. */
function tbIs(frame: u16, exc: u16): bool { return frame === tbFrame && exc === tbExc; }

/** Records that no frame handles `exc`: the entries are its whole traceback. */
export function tbUncaught(exc: u16): void { tbHandledBy(COMPLETE, exc); }

/** True when re-raising `exc` from `frame` continues the recorded traceback. */
export function tbContinues(frame: u16, exc: u16): bool { return tbLength > 0 && tbIs(frame, exc); }

/** True when the entries are the whole traceback of uncaught `exc`. */
export function tbIsComplete(exc: u16): bool { return tbIs(COMPLETE, exc); }

export function tbCount(): u8 { return tbLength; }
export function tbCode(i: u8): u16 { return tbCodes[i]; }
export function tbIp(i: u8): u16 { return tbIps[i]; }
