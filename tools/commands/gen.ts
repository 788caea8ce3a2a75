import type { Command } from './command.ts';

export const gen: Command = {
  name: 'gen',
  summary: 'lower vm-spec/ (TypeScript subset) to C in build/gen/',
  help: 'usage: svimpy gen [--out DIR] [FILE.ts ...]\n\nLowers the VM written in the vm-spec TypeScript subset to build/gen/svimpy.c and svimpy.h.',
  async run() {
    console.error('svimpy gen: not built yet');
    return 1;
  },
};
