// Fixtures not passed yet, with the reason. tools/engines/fixtures.test.ts runs every fixture
// on the three engines (Node, host C, simulated Uno) and asserts that each entry here still
// fails there: remove an entry as soon as it passes.

/** A fixture that fails on one engine only (the engines differ), per engine, with the reason. */
export const KNOWN_FAILING_ON: Record<'node' | 'c' | 'avr', Record<string, string>> = {
  node: {},
  c: {},
  avr: {},
};

/** Fixtures that do not fit the Uno (image area or RAM), with the reason: the AVR run must still fail. */
export const TOO_LARGE_FOR_AVR: Record<string, string> = {};

/** Fixtures that fail on every engine (a VM feature is missing), with the reason. */
export const KNOWN_FAILING: Record<string, string> = {
  '002_int_arith': "an opcode, method or builtin call it uses is not built yet (NotImplementedError)",
  '003_int_pow': "a builtin it uses is not in the VM yet (NameError: name 'pow' is not defined)",
  '005_int_compare': "operators or builtins on floats, strs or containers are not built yet (TypeError)",
  '006_bool_none': "a builtin it uses is not in the VM yet (NameError: name 'bool' is not defined)",
  '007_float_basics': "operators or builtins on floats, strs or containers are not built yet (TypeError)",
  '008_float_floordiv_mod': "a builtin it uses is not in the VM yet (NameError: name 'divmod' is not defined)",
  '009_mixed_numbers': "operators or builtins on floats, strs or containers are not built yet (TypeError)",
  '010_int_conversions': "a builtin it uses is not in the VM yet (NameError: name 'int' is not defined)",
  '035_builtins_seq': "a builtin it uses is not in the VM yet (NameError: name 'min' is not defined)",
  '036_builtins_types': "a builtin it uses is not in the VM yet (NameError: name 'isinstance' is not defined)",
  '038_builtins_math': "a builtin it uses is not in the VM yet (NameError: name 'divmod' is not defined)",
  '044_try_except': "an opcode, method or builtin call it uses is not built yet (NotImplementedError)",
  '047_exception_hierarchy': "an opcode, method or builtin call it uses is not built yet (NotImplementedError)",
  '059_prog_float_exact': "operators or builtins on floats, strs or containers are not built yet (TypeError)",
  '068_err_raise_in_except': "a builtin it uses is not in the VM yet (NameError: name 'int' is not defined)",
};
