// Loads the entry files and every vm-spec file they import (relative imports only) into a ts-morph Project.
import fs from 'node:fs';
import path from 'node:path';
import { Project, type ImportDeclaration, type SourceFile } from 'ts-morph';
import { diagnostic, diagnosticAt, type Diagnostic } from './diagnostics.ts';

export type FileRole = 'intrinsics' | 'platform' | 'code';

export interface LoadedFile { sf: SourceFile; role: FileRole }
export interface Loaded { files: LoadedFile[]; diagnostics: Diagnostic[] }

/** types.ts and platform.ts are special: the intrinsics and the platform boundary. */
export function roleOf(file: string): FileRole {
  const base = path.basename(file);
  if (base === 'types.ts') return 'intrinsics';
  if (base === 'platform.ts') return 'platform';
  return 'code';
}

export function load(entries: string[]): Loaded {
  const project = new Project({
    skipAddingFilesFromTsConfig: true,
    skipFileDependencyResolution: true,
    compilerOptions: { target: 9 /* ES2022 */, strict: true, noEmit: true, allowImportingTsExtensions: true },
  });
  const diagnostics: Diagnostic[] = [];
  const files: LoadedFile[] = [];
  const seen = new Set<string>();
  const visit = (file: string, from?: ImportDeclaration): void => {
    const abs = path.resolve(file);
    if (seen.has(abs)) return;
    seen.add(abs);
    if (!fs.existsSync(abs)) {
      if (from) diagnostics.push(diagnosticAt(from, `cannot find ${from.getModuleSpecifierValue()}`, 'check the path; imports name .ts files relative to this one'));
      else diagnostics.push(diagnostic(abs, 1, 1, `cannot read ${abs}`, 'check the file name'));
      return;
    }
    const sf = project.addSourceFileAtPath(abs);
    for (const imp of sf.getImportDeclarations()) {
      const spec = imp.getModuleSpecifierValue();
      if (!spec.startsWith('.')) continue; // check.ts refuses non-relative imports
      visit(path.resolve(path.dirname(abs), spec), imp);
    }
    // Imports first, so module-level constants are known before the files that use them.
    files.push({ sf, role: roleOf(abs) });
  };
  for (const e of entries) visit(e);
  // Syntax errors first: the later passes assume a well-formed tree.
  const program = project.getProgram().compilerObject;
  for (const { sf } of files) {
    for (const d of program.getSyntacticDiagnostics(sf.compilerNode)) {
      const { line, column } = sf.getLineAndColumnAtPos(d.start ?? 0);
      const text = typeof d.messageText === 'string' ? d.messageText : d.messageText.messageText;
      diagnostics.push(diagnostic(sf.getFilePath(), line, column, `syntax: ${text}`));
    }
  }
  return { files, diagnostics };
}
