// Runs a vm-spec test program under Node: putc goes to stdout, then its exported main() runs.
// usage: npx tsx generator/test/run-node.ts PROGRAM.ts
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { setPlatform } from '../../vm-spec/platform.ts';

const out: number[] = [];
setPlatform({ putc: (c) => { out.push(c); } });
const program = await import(pathToFileURL(path.resolve(process.argv[2])).href);
program.main();
process.stdout.write(Buffer.from(out));
