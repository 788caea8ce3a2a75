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
};
