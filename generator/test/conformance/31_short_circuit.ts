// && and || evaluate their right side only when needed; the side effects show which ran.
import { u8, u16, bool } from '../../../vm-spec/types.ts';
import { printI32, printBool, newline } from './lib/print.ts';

let trace: u16 = 0;
const arr = new Uint8Array(1);

// Appends a digit to the trace (base 10) and returns the wanted value.
function t(id: u8, result: bool): bool {
  trace = u16(u16(trace * 10) + id);
  return result;
}

function show(result: bool): void {
  printBool(result);
  printI32(trace);
  newline();
  trace = 0;
}

export function main(): void {
  show(t(1, false) && t(2, true));
  show(t(1, true) && t(2, false));
  show(t(1, true) || t(2, true));
  show(t(1, false) || t(2, true));
  show(t(1, false) || t(2, false) || t(3, true));
  show(t(1, true) && t(2, true) && t(3, false) && t(4, true));
  show((t(1, false) && t(2, true)) || t(3, true));
  show(t(1, true) || (t(2, true) && t(3, false)));
  show(!t(1, false) && t(2, true));
  show(t(1, true) ? t(2, false) : t(3, true));
  show(t(1, false) ? t(2, false) : t(3, true));
  let guard: u8 = 0;
  // The index check guards the read, as in the VM's bounds checks.
  if (guard < 1 && arr[guard] === 0) printI32(1);
  guard = 1;
  if (guard >= 1 || arr[guard] === 0) printI32(2);
  newline();
}
