// Runs CPython 3.11 only to compile sources: it writes marshal.dumps([code, ...]) to stdout.
// Everything else happens in TypeScript.
import { spawnSync } from 'node:child_process';
import { CompileError } from './errors.ts';

const HOW_TO = 'point --python (or the SVIMPY_PYTHON environment variable) at a CPython 3.11 interpreter';

/** The interpreter to run: --python, else $SVIMPY_PYTHON, else python3. */
export function pythonCommand(option: string | undefined): string {
  return option ?? process.env.SVIMPY_PYTHON ?? 'python3';
}

const checked = new Set<string>();

/** Throws unless `python` runs and is CPython 3.11 (asked once per interpreter and process). */
export function checkPythonVersion(python: string): void {
  if (checked.has(python)) return;
  const r = spawnSync(python, ['-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3], sys.implementation.name)'], { encoding: 'utf8' });
  if (r.error) throw new CompileError(`error: cannot run '${python}' (${r.error.message}); ${HOW_TO}`);
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
  const m = /(\d+)\.(\d+)(\.\d+)?/.exec(out);
  if (!m) throw new CompileError(`error: '${python}' did not report a Python version (it printed: ${JSON.stringify(out.slice(0, 80))}); ${HOW_TO}`);
  if (m[1] !== '3' || m[2] !== '11') {
    throw new CompileError(`error: '${python}' is Python ${m[0]}, but sVimPy reads CPython 3.11 bytecode; ${HOW_TO}`);
  }
  checked.add(python);
}

// argv: pairs of (path to read, file name to put in the code objects and messages).
const SNIPPET = `
import sys, marshal, traceback
codes = []
args = sys.argv[1:]
for i in range(0, len(args), 2):
    path, name = args[i], args[i + 1]
    try:
        with open(path, 'rb') as f:
            source = f.read()
        codes.append(compile(source, name, 'exec', dont_inherit=True, optimize=0))
    except (SyntaxError, ValueError, UnicodeDecodeError) as e:
        sys.stderr.write(''.join(traceback.format_exception_only(type(e), e)))
        sys.exit(1)
    except OSError as e:
        sys.stderr.write('%s: error: cannot read the file (%s)\\n' % (name, e.strerror))
        sys.exit(1)
sys.stdout.buffer.write(marshal.dumps(codes))
`;

export interface Source { path: string; name: string }

/** Compiles sources with CPython; returns the marshal bytes of a list of code objects. */
export function compileWithCPython(python: string, sources: Source[]): Uint8Array {
  const args = sources.flatMap((s) => [s.path, s.name]);
  const r = spawnSync(python, ['-c', SNIPPET, ...args], { maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new CompileError(`error: cannot run '${python}' (${r.error.message}); ${HOW_TO}`);
  if (r.status !== 0) {
    const err = r.stderr.toString('utf8').trimEnd();
    throw new CompileError(err || `error: '${python}' failed with exit code ${r.status}`);
  }
  return new Uint8Array(r.stdout);
}
