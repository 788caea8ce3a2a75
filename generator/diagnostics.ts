// Diagnostics: `file:line:col: error: message (hint)`, with paths relative to the cwd.
import path from 'node:path';
import type { Node } from 'ts-morph';

export interface Diagnostic { file: string; line: number; col: number; message: string; hint?: string; text: string }

export function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? file : rel;
}

export function diagnostic(file: string, line: number, col: number, message: string, hint?: string): Diagnostic {
  const shown = displayPath(file);
  const text = `${shown}:${line}:${col}: error: ${message}${hint ? ` (${hint})` : ''}`;
  return { file: shown, line, col, message, hint, text };
}

export function diagnosticAt(node: Node, message: string, hint?: string): Diagnostic {
  const sf = node.getSourceFile();
  const { line, column } = sf.getLineAndColumnAtPos(node.getStart());
  return diagnostic(sf.getFilePath(), line, column, message, hint);
}

/** Collects every diagnostic of a run (never stops at the first). */
export class Diagnostics {
  readonly list: Diagnostic[] = [];
  /** The nodes that got a diagnostic, so later passes can leave them alone. */
  readonly nodes: Node[] = [];
  error(node: Node, message: string, hint?: string): void {
    this.list.push(diagnosticAt(node, message, hint));
    this.nodes.push(node);
  }
}

/** Thrown after a diagnostic was recorded, to abandon the current statement. */
export class Refused extends Error {}
