// The Node engine of the conformance suite: runs a case's main() under Node with putc collecting
// bytes. Also a command line for looking at one case: npx tsx node-engine.ts 01_u8_wrap.ts
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Runs one case in this process. Pass fresh modules (vi.resetModules) between cases: cases keep module state. */
export async function runOnNode(caseFile: string): Promise<Buffer> {
  const platformUrl = pathToFileURL(path.resolve(import.meta.dirname, '../../../vm-spec/platform.ts')).href;
  const platform = await import(platformUrl);
  const bytes: number[] = [];
  platform.setPlatform({ putc: (c: number) => { bytes.push(c); } });
  const mod = await import(pathToFileURL(path.resolve(caseFile)).href);
  mod.main();
  return Buffer.from(bytes);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: npx tsx generator/test/conformance/node-engine.ts <case.ts>');
    process.exit(2);
  }
  process.stdout.write(await runOnNode(file));
}
