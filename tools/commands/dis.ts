import fs from 'node:fs';
import type { Command } from './command.ts';
import { Image, ImageError } from '../compiler/image-reader.ts';
import { disassemble, readMapFile } from '../compiler/disasm.ts';

const HELP = `usage: svimpy dis APP.rpyc

Prints an sVimPy image (docs/rpyc.md) readably: header, modules, the constant table, and every
code object with its instructions (byte offsets, decoded arguments, jump targets) and its
exception table. When APP.rpyc.map lies beside the image, source lines are shown too.
A corrupt image (bad magic, length or CRC) is reported as such; the exit code is then 1.`;

export const dis: Command = {
  name: 'dis',
  summary: 'print an sVimPy image (.rpyc) readably',
  help: HELP,
  async run(args) {
    if (args.length !== 1 || args[0].startsWith('-')) {
      console.error(`svimpy dis: give exactly one image file\n\n${HELP}`);
      return 1;
    }
    const file = args[0];
    if (!fs.existsSync(file)) {
      console.error(`svimpy dis: ${file}: no such file`);
      return 1;
    }
    try {
      const image = new Image(new Uint8Array(fs.readFileSync(file)));
      console.log(disassemble(image, readMapFile(file)));
      return 0;
    } catch (e) {
      if (e instanceof ImageError) {
        console.error(`svimpy dis: ${file}: ${e.message}`);
        return 1;
      }
      throw e;
    }
  },
};
