// Build constants of the VM: the same on every engine, so memory behaviour is identical.

/** Bytes of the object heap (a multiple of 4). ~1400 leaves the AVR room for globals and C stack. */
export const HEAP_SIZE = 1400;
/** Entries of the collector's mark stack; deeper structures fall back to rescanning the heap. */
export const MARK_STACK_SIZE = 16;
/** Entries of the explicit root stack where built-ins park values across an allocation. */
export const ROOT_STACK_SIZE = 12; // a builtin running a key function holds a few, the key function's builtins more
/**
 * Containers a repr may be inside at once (print.ts). A container already being printed prints
 * as [...] / {...}, as CPython's self-reference check; nesting deeper than this prints the same
 * instead of recursing further on the C stack, which the Uno cannot spare (a known difference).
 */
export const REPR_NEST_MAX = 6;
/**
 * Levels of nested tuples that == (compare.ts) and hash() (dict.ts) follow on the C
 * stack (vm-spec/nesting.ts): 8 levels take about 140 of the Uno's ~250 bytes of stack.
 */
export const NEST_MAX = 8;
