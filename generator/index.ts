// The generator: vm-spec TypeScript subset → C (docs/vm-spec-subset.md).
// load → check → lower (types and ranges) → emit.
import fs from 'node:fs';
import path from 'node:path';
import type { Node } from 'ts-morph';
import { Diagnostics, type Diagnostic } from './diagnostics.ts';
import { load } from './load.ts';
import { check } from './check.ts';
import { Lowerer } from './lower.ts';
import { emitC, emitH } from './emit.ts';

export type { Diagnostic } from './diagnostics.ts';

export interface GenerateOptions {
  files: string[]; // entry .ts files (relative to cwd or absolute); their imports are followed
  outDir?: string; // when given and there are no errors: writes svimpy.c and svimpy.h there
}
export interface GenerateResult { ok: boolean; diagnostics: Diagnostic[]; c: string; h: string; functions: number }

export function generate(opts: GenerateOptions): GenerateResult {
  const diags = new Diagnostics();
  const loaded = load(opts.files);
  if (loaded.diagnostics.length > 0) return { ok: false, diagnostics: loaded.diagnostics, c: '', h: '', functions: 0 }; // unreadable or malformed input
  for (const f of loaded.files) {
    if (f.role === 'code') for (const st of f.sf.getStatements()) check(st, diags);
  }
  // What check.ts refused is not lowered again (one diagnostic per construct); the rest is.
  const checked = diags.nodes.length;
  const lowerer = new Lowerer(diags, (node) => diags.nodes.slice(0, checked).some((n) => inside(n, node)));
  lowerer.run(loaded.files);
  // Per file in load order (imports first), then by position.
  const fileOrder = new Map<string, number>();
  for (const d of diags.list) if (!fileOrder.has(d.file)) fileOrder.set(d.file, fileOrder.size);
  const diagnostics = diags.list.slice().sort((a, b) => fileOrder.get(a.file)! - fileOrder.get(b.file)! || a.line - b.line || a.col - b.col);
  const ok = diagnostics.length === 0;
  const c = ok ? emitC(lowerer.result) : '';
  const h = ok ? emitH(lowerer.result) : '';
  if (ok && opts.outDir) {
    fs.mkdirSync(opts.outDir, { recursive: true });
    fs.writeFileSync(path.join(opts.outDir, 'svimpy.c'), c);
    fs.writeFileSync(path.join(opts.outDir, 'svimpy.h'), h);
  }
  return { ok, diagnostics, c, h, functions: lowerer.result.functionCount };
}

function inside(n: Node, outer: Node): boolean {
  return n.getSourceFile() === outer.getSourceFile() && n.getStart() >= outer.getStart() && n.getEnd() <= outer.getEnd();
}
