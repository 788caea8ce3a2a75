// The VM's names (builtins, methods, keyword arguments, modules and their members), in the
// order of vm-spec/names.ts `const enum N` (names.test.ts checks it: append new names at the
// end of their group and renumber N to match). The compiler stores each STR's N in its record
// (docs/rpyc.md), so the VM finds a builtin or a method by reading one byte instead of keeping
// this table in flash and scanning it.
import { STR_HASH_SEED, strHashStep } from '../../vm-spec/strhash.ts';

export const VM_NAMES: readonly string[] = [
  'print', 'int', 'float', 'bool', 'str', 'repr', 'ord', 'chr', 'range', 'len', 'list', 'tuple',
  'dict', 'isinstance', 'type', 'iter', 'next', 'enumerate', 'zip', 'reversed', 'hash', 'append',
  'pop', 'index', 'count', 'keys', 'values', 'items', 'update', 'sep', 'end', 'base', 'machine',
  'time', 'arduino', 'Pin', 'ADC', 'PWM', 'IN', 'OUT', 'PULL_UP', 'value', 'on', 'off', 'toggle',
  'read_u16', 'duty_u16', 'freq', 'mode', 'pull', 'sleep', 'sleep_ms', 'sleep_us', 'ticks_ms',
  'ticks_us', 'ticks_diff', 'ticks_add', 'pinMode', 'digitalWrite', 'digitalRead', 'analogRead',
  'analogWrite', 'delay', 'millis', 'micros', 'INPUT', 'OUTPUT', 'INPUT_PULLUP', 'HIGH', 'LOW',
  'args', 'BaseException', 'Exception', 'ArithmeticError', 'ZeroDivisionError', 'OverflowError',
  'LookupError', 'IndexError', 'KeyError', 'ValueError', 'TypeError', 'NameError', 'AttributeError',
  'StopIteration', 'MemoryError', 'RuntimeError', 'RecursionError', 'NotImplementedError',
  'AssertionError', 'KeyboardInterrupt', '__name__', '_hw',
  // the attributes of ranges and slices (builtins.ts lookupAttr)
  'start', 'stop', 'step',
];
const indexOf = new Map(VM_NAMES.map((name, n) => [name, n]));

/** Stored for a str that is no VM name. */
export const NOT_A_NAME = 255;

/** The VM's N for `text`, or NOT_A_NAME. */
export function vmNameIndex(text: string): number {
  return indexOf.get(text) ?? NOT_A_NAME;
}

/**
 * The str hash of the names joined by newlines (each followed by one): the header carries it and
 * the VM compares it with its NAMES_HASH (vm-spec/names.ts), so an image whose name numbers
 * belong to another VM build is refused instead of calling the wrong builtins.
 */
export const VM_NAMES_HASH: number = [...Buffer.from(VM_NAMES.map((n) => `${n}\n`).join(''), 'latin1')]
  .reduce((h, b) => strHashStep(h, b), STR_HASH_SEED);
