// Lowers the checked vm-spec files to C text: the type and range analysis of the doc happens here,
// expression by expression, and every refusal is a diagnostic (the statement is then skipped).
import { Node, SyntaxKind, type Expression, type FunctionDeclaration, type SourceFile, type Statement } from 'ts-morph';
import { Refused, displayPath, type Diagnostics } from './diagnostics.ts';
import type { LoadedFile } from './load.ts';
import * as R from './ranges.ts';
import { flashPacked } from '../vm-spec/types.ts';
import { ARRAY_CLASS, C_TYPE, FLASH_FN, INT_RANGE, isIntType, scalarOf, type IntType, type ScalarType } from './types.ts';
import { cFloat, cIdent, cInt } from './cnames.ts';

type Range = R.Range;
const U16: Range = { lo: 0, hi: 0xffff };

/** A lowered expression: its C text and what the analysis knows about it. */
interface Val {
  t: 'int' | 'f32' | 'f32raw' | 'bool' | 'void';
  c: string;
  r: Range; // ints: the exact values it can have
  wrapped?: boolean; // an int beyond 32 bits, computed modulo 2^32 as uint32_t: only a wrapping consumer may use it
  mod16?: boolean; // (with wrapped) only its low 16 bits are right: computed for an 8/16-bit wrapping consumer
  k?: number; // constant value (ints and f32)
  ctype?: string; // the C type of c when known ('lit' for a small literal)
  pure: boolean; // no calls
  decl?: ScalarType; // the declared type it comes from (variable, call result, array element, conversion)
  minusZero?: boolean; // the constant -0 (0 as an integer, -0 as an f32)
}

type Sym =
  | { kind: 'var'; type: ScalarType; c: string; used: boolean }
  | { kind: 'const'; val: Val; c: string }
  | { kind: 'array'; elem: ScalarType; length: number; c: string; flash: boolean }
  | { kind: 'func'; params: ScalarType[]; ret: ScalarType | 'void'; c: string; exported: boolean; platform: boolean; node: FunctionDeclaration }
  | { kind: 'enum'; members: Map<string, number>; c: string }
  | { kind: 'intrinsic' }
  | { kind: 'poison' }; // its declaration was refused: uses are not reported again

const INTRINSICS = ['u8', 'i8', 'u16', 'i16', 'u32', 'i32', 'f32', 'f32Bits', 'f32FromBits', 'truncF32', ...Object.keys(FLASH_FN)];
const BOOL: Range = { lo: 0, hi: 1 };

export interface Lowered {
  defines: string[]; // constants and enum members
  data: string[]; // globals, arrays, flash tables
  protos: string[]; // forward declarations of every function
  functions: string[]; // function definitions
  header: string[]; // prototypes for svimpy.h (platform first, then the API)
  functionCount: number;
}

/** C output with indentation and #line directives. */
class Out {
  lines: string[] = [];
  depth = 1;
  line(s: string): void { this.lines.push('  '.repeat(this.depth) + s); }
  private last = '';
  /** A #line directive for the statement at `node`, unless the previous one named the same line. */
  at(node: Node): void {
    const sf = node.getSourceFile();
    const d = `#line ${sf.getLineAndColumnAtPos(node.getStart()).line} "${displayPath(sf.getFilePath())}"`;
    if (d !== this.last) this.lines.push(d);
    this.last = d;
  }
}

export class Lowerer {
  private globals = new Map<string, Sym>();
  private scopes: Map<string, Sym>[] = [];
  private ret: ScalarType | 'void' = 'void';
  private out = new Out();
  readonly result: Lowered = { defines: [], data: [], protos: [], functions: [], header: [], functionCount: 0 };
  private platformHeader: string[] = [];

  /** `refused(node)`: check.ts reported something at or below node. */
  constructor(private diags: Diagnostics, private refused: (node: Node) => boolean = () => false) {
    for (const n of INTRINSICS) this.globals.set(n, { kind: 'intrinsic' });
  }

  // ---------- diagnostics ----------
  private fail(node: Node, message: string, hint?: string): never {
    this.diags.error(node, message, hint);
    throw new Refused(message);
  }
  private guard(fn: () => void): void {
    try { fn(); } catch (e) { if (!(e instanceof Refused)) throw e; }
  }

  // ---------- module level ----------
  declarePlatform(sf: SourceFile): void {
    for (const fn of sf.getFunctions()) {
      if (!fn.isExported() || !/\bplatform\.\w+\(/.test(fn.getBodyText() ?? '')) continue;
      this.guard(() => this.declareFunction(fn, true));
    }
  }

  declareModule(file: LoadedFile): void {
    for (const st of file.sf.getStatements()) {
      this.guard(() => {
        if (Node.isImportDeclaration(st)) return;
        if (Node.isFunctionDeclaration(st)) {
          // A refused signature: the name is known (no follow-up errors), the function is not lowered.
          const head = [...st.getParameters(), st.getReturnTypeNode()].filter((n) => n !== undefined);
          if (head.some((n) => this.refused(n)) || !st.getBody()) {
            if (st.getName()) this.globals.set(st.getName()!, { kind: 'poison' });
            return;
          }
          return this.declareFunction(st, false);
        }
        if (this.refused(st)) {
          for (const name of declaredNames(st)) this.globals.set(name, { kind: 'poison' });
          return;
        }
        if (Node.isVariableStatement(st)) return this.declareVariables(st);
        if (Node.isEnumDeclaration(st)) return this.declareEnum(st);
        if (Node.isInterfaceDeclaration(st) || Node.isTypeAliasDeclaration(st) || Node.isClassDeclaration(st)) return; // check.ts reported it
        this.fail(st, 'only imports, functions, const enums and module-level let/const are allowed at module level', 'move the code into a function');
      });
    }
  }

  private define(node: Node, name: string, sym: Sym): void {
    if (this.globals.has(name) && this.globals.get(name)!.kind !== 'poison') this.fail(node, `${name} is declared twice`, 'function and global names must be unique across all vm-spec files');
    this.globals.set(name, sym);
  }

  private typeOf(node: Node | undefined, what: string, at: Node): ScalarType {
    if (!node) this.fail(at, `${what} needs a type`, 'say which: u8, i16, i32, f32, bool ...');
    const t = scalarOf(node.getText());
    if (!t && ARRAY_CLASS[node.getText()]) this.fail(node, `${what} cannot be a typed array: arrays are not values in the vm-spec subset`, 'use the module-level array by name, or pass an index or offset into it');
    if (!t) this.fail(node, `${node.getText()} is not a vm-spec scalar type`, 'say which: u8, i16, i32, f32, bool ...');
    return t;
  }

  private declareFunction(fn: FunctionDeclaration, platform: boolean): void {
    const name = fn.getName();
    if (!name) this.fail(fn, 'a function needs a name');
    if (this.globals.has(name)) this.fail(fn.getNameNode() ?? fn, `${name} is declared twice`, 'function and global names must be unique across all vm-spec files');
    this.globals.set(name, { kind: 'poison' }); // replaced when the declaration is accepted
    if (!fn.hasBody()) this.fail(fn, `function ${name} needs a body`);
    const params = fn.getParameters().map((p) => {
      if (this.globals.get(p.getName())?.kind === 'const' && !platform) this.fail(p, `parameter ${p.getName()} has the name of a module-level constant`, 'rename it (constants are C macros)');
      return this.typeOf(p.getTypeNode(), `parameter ${p.getName()}`, p);
    });
    const rt = fn.getReturnTypeNode();
    const ret = rt?.getText() === 'void' ? 'void' : this.typeOf(rt, `function ${name}`, fn.getNameNode() ?? fn);
    const exported = fn.isExported();
    const c = platform ? `svm_plat_${name}` : `svm_${name}`;
    this.define(fn.getNameNode() ?? fn, name, { kind: 'func', params, ret, c, exported, platform, node: fn });
    const sig = this.signature(fn, c, params, ret);
    if (platform) this.platformHeader.push(`${sig};`);
    else {
      this.result.functionCount++;
      if (exported) this.result.header.push(`${sig};`);
      this.result.protos.push(`${exported ? '' : 'SVM_STATIC '}${sig};`);
    }
  }

  private signature(fn: FunctionDeclaration, c: string, params: ScalarType[], ret: ScalarType | 'void'): string {
    const ps = fn.getParameters().map((p, i) => `${C_TYPE[params[i]]} ${cIdent(p.getName())}`);
    return `${ret === 'void' ? 'void' : C_TYPE[ret]} ${c}(${ps.length ? ps.join(', ') : 'void'})`;
  }

  private declareVariables(st: import('ts-morph').VariableStatement): void {
    const isConst = st.getDeclarationKind() === 'const';
    for (const d of st.getDeclarations()) {
      this.guard(() => {
        const name = d.getName();
        if (this.globals.has(name)) this.fail(d, `${name} is declared twice`, 'function and global names must be unique across all vm-spec files');
        this.globals.set(name, { kind: 'poison' }); // replaced when the declaration is accepted
        const init = d.getInitializer();
        if (!init) this.fail(d, `module-level ${name} needs an initial value`);
        const c = cIdent(name);
        // Typed arrays in RAM.
        if (isConst && Node.isNewExpression(init)) {
          const cls = init.getExpression().getText();
          const elem = ARRAY_CLASS[cls];
          const args = init.getArguments();
          if (!elem || args.length !== 1) this.fail(init, `new ${cls}(...) is not in the vm-spec subset`, 'write new Uint8Array(SIZE) with a constant SIZE');
          const n = this.constInt(args[0] as Expression);
          if (n < 1 || n > 0x7fff) this.fail(args[0], `typed array size ${n} is out of range`, 'use 1..32767 elements');
          this.define(d, name, { kind: 'array', elem, length: n, c, flash: false });
          this.result.data.push(`static ${C_TYPE[elem]} ${c}[${n}];`);
          return;
        }
        // Flash tables.
        if (isConst && Node.isCallExpression(init) && FLASH_FN[init.getExpression().getText()]) {
          return this.declareFlash(d, name, init);
        }
        const val = this.expr(init, true);
        const ann = d.getTypeNode();
        if (isConst) {
          if (val.k === undefined && !(val.t === 'bool' && /^(true|false)$/.test(val.c))) {
            this.fail(init, `module-level const ${name} must be a constant expression`, 'use let name: T = <constant> for a variable');
          }
          if (ann) this.coerce(val, this.typeOf(ann, name, d), init);
          const macro = val.t === 'bool' ? val.c : val.t === 'f32' ? cFloat(val.k!) : cInt(val.k!);
          this.define(d, name, { kind: 'const', val: { ...val, c }, c });
          this.result.defines.push(`#define ${c} ${macro}`);
          return;
        }
        const type = this.typeOf(ann, `module-level ${name}`, d);
        if (val.k === undefined && !(val.t === 'bool' && /^(true|false)$/.test(val.c))) {
          this.fail(init, `the initial value of ${name} must be a constant`, 'assign computed values in a function');
        }
        const cv = this.coerce(val, type, init);
        this.define(d, name, { kind: 'var', type, c, used: true });
        this.result.data.push(`static ${C_TYPE[type]} ${c} = ${cv};`);
      });
    }
  }

  private declareFlash(d: import('ts-morph').VariableDeclaration, name: string, init: import('ts-morph').CallExpression): void {
    const fn = init.getExpression().getText();
    const elem = FLASH_FN[fn];
    const arg = init.getArguments()[0];
    let values: number[];
    if (fn === 'flashStr' || fn === 'flashPacked') {
      if (!arg || !Node.isStringLiteral(arg)) this.fail(init, `${fn} needs one string literal`);
      const text = arg.getLiteralValue();
      values = [...text].map((ch) => ch.charCodeAt(0));
      const bad = values.find((v) => v > 0x7e || (v < 0x20 && v !== 0x0a));
      if (bad !== undefined) this.fail(arg, `${fn}: character code ${bad} is not printable ASCII or \\n`);
      if (fn === 'flashPacked') values = [...flashPacked(text)];
    } else {
      if (!arg || !Node.isArrayLiteralExpression(arg)) this.fail(init, `${fn} needs one array literal of constant integers`);
      values = arg.getElements().map((e) => {
        const v = this.constInt(e);
        if (!R.fits({ lo: v, hi: v }, INT_RANGE[elem])) this.fail(e, `${v} does not fit ${elem}`, `write the value in the ${elem} range`);
        return v;
      });
    }
    if (values.length === 0) this.fail(init, 'a flash table needs at least one element');
    this.define(d, name, { kind: 'array', elem, length: values.length, c: cIdent(name), flash: true });
    const body = [];
    for (let i = 0; i < values.length; i += 12) body.push('  ' + values.slice(i, i + 12).map(cInt).join(', ') + ',');
    this.result.data.push(`static const ${C_TYPE[elem]} ${cIdent(name)}[${values.length}] SVM_PROGMEM = {\n${body.join('\n')}\n};`);
  }

  private declareEnum(en: import('ts-morph').EnumDeclaration): void {
    const name = en.getName();
    const members = new Map<string, number>();
    const sym: Sym = { kind: 'enum', members, c: cIdent(name) };
    this.define(en.getNameNode(), name, sym);
    let next = 0;
    for (const m of en.getMembers()) {
      this.guard(() => {
        const init = m.getInitializer();
        const v = init ? this.constInt(init) : next;
        members.set(m.getName(), v);
        next = v + 1;
        this.result.defines.push(`#define ${name}_${m.getName()} ${cInt(v)}`);
      });
    }
  }

  private constInt(e: Expression): number {
    const v = this.expr(e, true);
    if (v.t !== 'int' || v.k === undefined) this.fail(e, `${e.getText()} is not a constant integer expression`);
    return v.k;
  }

  // ---------- functions ----------
  lowerFunction(fn: FunctionDeclaration): void {
    const sym = this.globals.get(fn.getName() ?? '');
    if (!sym || sym.kind !== 'func' || sym.node !== fn) return; // its declaration was refused
    this.out = new Out();
    this.ret = sym.ret;
    const scope = new Map<string, Sym>();
    const params = fn.getParameters().map((p, i) => {
      const v: Sym & { kind: 'var' } = { kind: 'var', type: sym.params[i], c: cIdent(p.getName()), used: false };
      scope.set(p.getName(), v);
      return v;
    });
    this.scopes = [scope];
    const body = fn.getBody();
    if (body && Node.isBlock(body)) for (const st of body.getStatements()) this.statement(st);
    const unused = params.filter((p) => !p.used).map((p) => `  (void)${p.c};`);
    // A doc comment's @noinline keeps the function out of line (docs/vm-spec-subset.md).
    const noinline = fn.getJsDocs().some((d) => d.getText().includes('@noinline')) ? 'SVM_NOINLINE ' : '';
    const head = `${noinline}${sym.exported ? '' : 'SVM_STATIC '}${this.signature(fn, sym.c, sym.params, sym.ret)}`;
    const sf = fn.getSourceFile();
    const line = `#line ${sf.getLineAndColumnAtPos(fn.getStart()).line} "${displayPath(sf.getFilePath())}"`;
    this.result.functions.push([line, head, '{', ...unused, ...this.fixUnused(this.out.lines), '}'].join('\n'));
  }

  private unusedLocals: (Sym & { kind: 'var' })[] = [];
  private fixUnused(lines: string[]): string[] {
    return lines.map((l) => l.replace(/\u0000(\d+)\u0000/g, (_, i) => {
      const v = this.unusedLocals[Number(i)];
      return v.used ? '' : ` (void)${v.c};`;
    }));
  }

  private lookup(name: string): Sym | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const s = this.scopes[i].get(name);
      if (s) return s;
    }
    return this.globals.get(name);
  }

  private block(statements: Statement[]): void {
    this.scopes.push(new Map());
    this.out.depth++;
    for (const st of statements) this.statement(st);
    this.out.depth--;
    this.scopes.pop();
  }
  private body(st: Statement): void {
    this.block(Node.isBlock(st) ? st.getStatements() : [st]);
  }

  private statement(st: Statement): void {
    if (statementHeads(st).some((n) => this.refused(n))) {
      for (const name of declaredNames(st)) this.scopes[this.scopes.length - 1].set(name, { kind: 'poison' });
      return;
    }
    try {
      this.statementInner(st);
    } catch (e) {
      if (e instanceof Refused) return;
      // A generator bug must not become a stack trace: name the statement it failed on.
      this.diags.error(st, `the generator failed on this statement (internal error: ${e instanceof Error ? e.message : String(e)})`, 'please report it with the statement');
    }
  }

  private statementInner(st: Statement): void {
    const o = this.out;
    if (Node.isBlock(st)) {
      o.line('{');
      this.block(st.getStatements());
      o.line('}');
      return;
    }
    if (Node.isEmptyStatement(st)) return;
    o.at(st);
    if (Node.isVariableStatement(st)) {
      for (const d of st.getDeclarations()) this.guard(() => o.line(this.localDecl(d)));
    } else if (Node.isExpressionStatement(st)) {
      o.line(`${this.exprStatement(st.getExpression())};`);
    } else if (Node.isIfStatement(st)) {
      o.line(`if (${this.cond(st.getExpression())}) {`);
      this.body(st.getThenStatement());
      let els = st.getElseStatement();
      while (els && Node.isIfStatement(els)) {
        o.line(`} else if (${this.cond(els.getExpression())}) {`);
        this.body(els.getThenStatement());
        els = els.getElseStatement();
      }
      if (els) {
        o.line('} else {');
        this.body(els);
      }
      o.line('}');
    } else if (Node.isWhileStatement(st)) {
      o.line(`while (${this.cond(st.getExpression())}) {`);
      this.body(st.getStatement());
      o.line('}');
    } else if (Node.isDoStatement(st)) {
      o.line('do {');
      this.body(st.getStatement());
      o.line(`} while (${this.cond(st.getExpression())});`);
    } else if (Node.isForStatement(st)) {
      this.forStatement(st);
    } else if (Node.isSwitchStatement(st)) {
      this.switchStatement(st);
    } else if (Node.isBreakStatement(st) || Node.isContinueStatement(st)) {
      if (st.getLabel()) this.fail(st, 'labels are not in the vm-spec subset');
      o.line(Node.isBreakStatement(st) ? 'break;' : 'continue;');
    } else if (Node.isReturnStatement(st)) {
      const e = st.getExpression();
      if (!e) {
        if (this.ret !== 'void') this.fail(st, `return needs a ${this.ret} value`);
        o.line('return;');
      } else {
        if (this.ret === 'void') this.fail(e, 'a void function returns no value');
        o.line(`return ${this.coerce(this.expr(e), this.ret, e)};`);
      }
    } else if (Node.isFunctionDeclaration(st) || Node.isClassDeclaration(st)) {
      return; // check.ts reported it
    } else {
      this.fail(st, `${st.getKindName()} is not in the vm-spec subset`);
    }
  }

  private localDecl(d: import('ts-morph').VariableDeclaration): string {
    const name = d.getName();
    const nameNode = d.getNameNode();
    if (!Node.isIdentifier(nameNode)) this.fail(d, 'destructuring is not in the vm-spec subset');
    if (this.globals.get(name)?.kind === 'const') this.fail(nameNode, `local ${name} has the name of a module-level constant`, 'rename it (constants are C macros)');
    const init = d.getInitializer();
    const scope = this.scopes[this.scopes.length - 1];
    scope.set(name, { kind: 'poison' }); // until it is declared, in case the declaration is refused
    if (!init) this.fail(d, `${name} needs an initial value`, `write let ${name}: T = ...`);
    const val = this.expr(init);
    const ann = d.getTypeNode();
    let type: ScalarType;
    if (ann) type = this.typeOf(ann, name, d);
    else if (val.t === 'bool') type = 'bool';
    else if (val.decl) type = val.decl; // the declared type of a variable, call, element or conversion
    else this.fail(nameNode, `${name} needs a type`, 'say which: u8, i16, i32, f32 ...');
    const cv = this.coerce(val, type, init);
    const sym: Sym & { kind: 'var' } = { kind: 'var', type, c: cIdent(name), used: false };
    scope.set(name, sym);
    this.unusedLocals.push(sym);
    return `${C_TYPE[type]} ${sym.c} = ${cv};\u0000${this.unusedLocals.length - 1}\u0000`;
  }

  private forStatement(st: import('ts-morph').ForStatement): void {
    const o = this.out;
    this.scopes.push(new Map());
    let init = '';
    const ini = st.getInitializer();
    if (ini) {
      if (Node.isVariableDeclarationList(ini)) {
        if (ini.getDeclarations().length !== 1) this.fail(ini, 'a for loop declares one counter');
        init = this.localDecl(ini.getDeclarations()[0]);
        init = init.slice(0, init.indexOf(';'));
      } else init = this.exprStatement(ini);
    }
    const cond = st.getCondition() ? this.cond(st.getCondition()!) : '';
    const inc = st.getIncrementor() ? this.exprStatement(st.getIncrementor()!) : '';
    o.line(`for (${init}; ${cond}; ${inc}) {`);
    this.body(st.getStatement());
    o.line('}');
    this.scopes.pop();
    // A for counter is used by its own condition; mark it so no (void) is needed.
    for (const s of this.unusedLocals) s.used = s.used || init.includes(` ${s.c} =`);
  }

  private switchStatement(st: import('ts-morph').SwitchStatement): void {
    const o = this.out;
    const v = this.expr(st.getExpression());
    if (v.t !== 'int' || v.wrapped) this.fail(st.getExpression(), 'switch needs an integer value');
    const clauses = st.getCaseBlock().getClauses();
    const labels: { clause: Node; value?: number; c?: string }[] = clauses.map((cl) => {
      if (Node.isDefaultClause(cl)) return { clause: cl };
      const lv = this.expr(cl.getExpression());
      if (lv.t !== 'int' || lv.k === undefined) this.fail(cl.getExpression(), 'case labels must be constant integers');
      return { clause: cl, value: lv.k, c: /^\w+$/.test(lv.c) ? lv.c : cInt(lv.k) }; // constant names stay readable
    });
    let all = v.r;
    for (const l of labels) if (l.value !== undefined) all = R.union(all, { lo: l.value, hi: l.value });
    const T = R.compareType(v.r, all);
    o.line(`switch (${this.cast(v, T)}) {`);
    let fallsInto = false;
    clauses.forEach((cl, i) => {
      if (fallsInto) o.line('/* fall through */');
      const value = labels[i].value;
      o.line(value === undefined ? 'default:' : `case ${labels[i].c}:`);
      const sts = cl.getStatements();
      if (sts.length === 0) { fallsInto = false; return; }
      o.line('{');
      this.block(sts);
      o.line('}');
      const last = sts[sts.length - 1];
      const lastInner = Node.isBlock(last) ? last.getStatements().at(-1) : last;
      fallsInto = !(lastInner && (Node.isBreakStatement(lastInner) || Node.isReturnStatement(lastInner) || Node.isContinueStatement(lastInner)));
    });
    o.line('}');
  }

  /** An expression statement: a call or an assignment. */
  private exprStatement(e: Expression): string {
    if (Node.isBinaryExpression(e) && e.getOperatorToken().getKind() === SyntaxKind.EqualsToken) return this.assignment(e);
    if (Node.isCallExpression(e)) return this.expr(e).c;
    this.fail(e, 'only calls and assignments can be statements');
  }

  private assignment(e: import('ts-morph').BinaryExpression): string {
    const left = e.getLeft();
    const right = e.getRight();
    if (Node.isIdentifier(left)) {
      const sym = this.lookup(left.getText());
      if (sym?.kind === 'poison') throw new Refused(left.getText());
      if (!sym || sym.kind !== 'var') this.fail(left, `${left.getText()} is not a variable`);
      return `${sym.c} = ${this.coerce(this.expr(right), sym.type, right)}`;
    }
    if (Node.isElementAccessExpression(left)) {
      const { sym, index } = this.element(left);
      if (sym.flash) this.fail(left, `${sym.c} is a flash table and read-only`);
      const v = this.expr(right, false, ['u8', 'i8', 'u16', 'i16'].includes(sym.elem));
      let cv: string;
      if (sym.elem === 'f32') cv = this.coerce(v, 'f32', right);
      else {
        if (v.t !== 'int') this.fail(right, `storing ${v.t === 'bool' ? 'a bool' : 'a float'} into an integer array needs an explicit conversion`, `write ${sym.elem}(...)`);
        cv = !v.wrapped && R.fits(v.r, INT_RANGE[sym.elem as IntType]) ? v.c : `(${C_TYPE[sym.elem]})${paren(v.c)}`;
      }
      return `${sym.c}[${index}] = ${cv}`;
    }
    this.fail(left, 'only variables and typed-array elements can be assigned');
  }

  private element(e: import('ts-morph').ElementAccessExpression): { sym: Sym & { kind: 'array' }; index: string } {
    const target = e.getExpression();
    const sym = Node.isIdentifier(target) ? this.lookup(target.getText()) : undefined;
    if (!sym || sym.kind !== 'array') this.fail(target, `${target.getText()} is not a typed array`);
    const arg = e.getArgumentExpression();
    if (!arg) this.fail(e, 'missing index');
    // An in-bounds index of an array up to 65536 elements is below 2^16, so its low 16 bits suffice
    // (16-bit arithmetic on the AVR; an index that only fits after wrapping was out of bounds in TS anyway).
    const i = this.expr(arg, false, sym.length <= 0x10000);
    if (i.t !== 'int' || (i.wrapped && !i.mod16)) this.fail(arg, 'an index must be an integer');
    if (i.r.hi < 0 || i.r.lo >= sym.length) this.fail(arg, `index ${arg.getText()} (${R.show(i.r)}) is outside ${target.getText()} (0..${sym.length - 1})`);
    return { sym, index: i.c };
  }

  private cond(e: Expression): string {
    const v = this.expr(e);
    if (v.t !== 'bool') this.fail(e, `a condition must be a bool: ${e.getText()} is not`, v.t === 'int' ? `write ${e.getText()} !== 0` : undefined);
    return stripParens(v.c);
  }

  /** The value as the C text for a target of type `type`, refusing implicit narrowing. */
  private coerce(v: Val, type: ScalarType, node: Node): string {
    const text = node.getText();
    if (type === 'bool') {
      if (v.t !== 'bool') this.fail(node, `${text} is not a bool`, v.t === 'int' ? `write ${text} !== 0` : undefined);
      return v.c;
    }
    if (type === 'f32') {
      if (v.t === 'f32') return v.c;
      if (v.t === 'f32raw') this.fail(node, `the float result ${text} must be rounded`, `write f32(${text})`);
      if (v.t === 'int' && v.k !== undefined && Math.fround(v.k) === v.k && Math.abs(v.k) <= 2 ** 24) return cFloat(v.minusZero ? -0 : v.k);
      this.fail(node, `${text} is not an f32`, v.t === 'int' ? `write f32(${text})` : undefined);
    }
    if (v.t !== 'int') this.fail(node, `${text} is not an integer`, v.t === 'f32' || v.t === 'f32raw' ? `write ${type}(${text})` : undefined);
    if (v.wrapped || !R.fits(v.r, INT_RANGE[type])) {
      this.fail(node, `${text} (${R.show(v.r)}) may not fit ${type}`, `write ${type}(${text}) to wrap`);
    }
    return v.c;
  }

  // ---------- expressions ----------
  /** Both operands for a C operator computed in T: casts only where the usual conversions would not give T exactly. */
  private pair(a: Val, b: Val, T: string): [string, string] {
    const ca = this.cast(a, T), cb = this.cast(b, T);
    const isT = (v: Val, c: string) => v.ctype === T || c !== v.c; // of type T, natively or by the cast
    if (isT(a, ca) && narrowFor(T, b)) return [ca, b.c];
    if (isT(b, cb) && narrowFor(T, a)) return [a.c, cb];
    if ((T === 'int16_t' || T === 'uint16_t') && narrowFor(T, a) && narrowFor(T, b)) return [a.c, b.c];
    return [ca, cb];
  }

  private cast(v: Val, T: string): string {
    if (v.ctype === T || (v.k !== undefined && R.fits(v.r, R.I16))) return v.c;
    return `(${T})${paren(v.c)}`;
  }

  private int(r: Range, c: string, ctype: string, pure: boolean, wrapped = false): Val {
    return { t: 'int', c, r, ctype, pure, wrapped: wrapped || undefined };
  }

  private constant(v: number, node: Node): Val {
    if (Object.is(v, -0)) v = 0;
    if (Math.abs(v) > R.SAFE) this.fail(node, `${node.getText()} exceeds 2^53, where TypeScript loses bits`);
    const r = { lo: v, hi: v };
    if (R.fits(r, R.I32) || R.fits(r, R.U32)) return { t: 'int', c: cInt(v), r, k: v, ctype: R.fits(r, R.I16) ? 'lit' : undefined, pure: true };
    if (this.exact64) return { t: 'int', c: cInt(v), r, k: v, ctype: 'int64_t', pure: true };
    return { t: 'int', c: cInt(mod32(v)), r, k: v, ctype: 'uint32_t', pure: true, wrapped: true };
  }

  /**
   * inConversion: directly inside an integer conversion (where / and % are allowed).
   * mod16: the consumer keeps only the low 8 or 16 bits (u8(...), u16(...), a store into an 8/16-bit
   * array), so + - * & | ^ and << by a constant may be computed modulo 2^16, which is cheap on the AVR.
   */
  expr(e: Expression | Node, inConversion = false, mod16 = false): Val {
    if (Node.isParenthesizedExpression(e)) {
      const v = this.expr(e.getExpression(), inConversion, mod16);
      return { ...v, c: paren(v.c) };
    }
    if (Node.isNumericLiteral(e)) {
      const v = e.getLiteralValue();
      if (Number.isInteger(v)) return this.constant(v, e);
      if (Math.fround(v) !== v) this.fail(e, `${e.getText()} is not exactly an f32`, `write f32(${e.getText()}) to round it`);
      return { t: 'f32', c: cFloat(v), r: R.I32, k: v, pure: true };
    }
    if (e.getKind() === SyntaxKind.TrueKeyword) return { t: 'bool', c: 'true', r: BOOL, pure: true };
    if (e.getKind() === SyntaxKind.FalseKeyword) return { t: 'bool', c: 'false', r: BOOL, pure: true };
    if (Node.isIdentifier(e)) return this.identifier(e);
    if (Node.isPrefixUnaryExpression(e)) return this.prefix(e);
    if (Node.isBinaryExpression(e)) return this.binary(e, inConversion, mod16);
    if (Node.isConditionalExpression(e)) return this.conditional(e);
    if (Node.isCallExpression(e)) return this.call(e);
    if (Node.isElementAccessExpression(e)) {
      const { sym, index } = this.element(e);
      const c = sym.flash ? `SVM_READ_${sym.elem.toUpperCase()}(${sym.c}, ${index})` : `${sym.c}[${index}]`;
      if (sym.elem === 'f32') return { t: 'f32', c, r: R.I32, pure: true, decl: 'f32' };
      return { ...this.int(INT_RANGE[sym.elem as IntType], c, C_TYPE[sym.elem], true), decl: sym.elem };
    }
    if (Node.isPropertyAccessExpression(e)) {
      const obj = e.getExpression();
      const prop = e.getName();
      const sym = Node.isIdentifier(obj) ? this.lookup(obj.getText()) : undefined;
      if (sym?.kind === 'array' && prop === 'length') return this.constant(sym.length, e);
      if (sym?.kind === 'enum') {
        const v = sym.members.get(prop);
        if (v === undefined) this.fail(e, `${obj.getText()} has no member ${prop}`);
        return { ...this.constant(v, e), c: `${sym.c}_${prop}` };
      }
      this.fail(e, `${e.getText()} is not in the vm-spec subset`, 'only arr.length, const enum members and Math.imul(a, b)');
    }
    this.fail(e, `${e.getKindName()} is not in the vm-spec subset`);
  }

  private identifier(e: import('ts-morph').Identifier): Val {
    const name = e.getText();
    const sym = this.lookup(name);
    if (!sym) {
      if (name === 'undefined' || name === 'NaN' || name === 'Infinity') this.fail(e, `${name} is not in the vm-spec subset`);
      this.fail(e, `${name} is not declared in the vm-spec files`, 'declare it, or import it from a vm-spec file');
    }
    if (sym.kind === 'poison') throw new Refused(name);
    if (sym.kind === 'var') {
      sym.used = true;
      if (sym.type === 'bool') return { t: 'bool', c: sym.c, r: BOOL, pure: true };
      if (sym.type === 'f32') return { t: 'f32', c: sym.c, r: R.I32, pure: true, decl: 'f32' };
      return { ...this.int(INT_RANGE[sym.type], sym.c, C_TYPE[sym.type], true), decl: sym.type };
    }
    if (sym.kind === 'const') return sym.val;
    this.fail(e, `${name} is not a value`);
  }

  private prefix(e: import('ts-morph').PrefixUnaryExpression): Val {
    const op = e.getOperatorToken();
    const operand = e.getOperand();
    if (op === SyntaxKind.ExclamationToken) {
      const v = this.expr(operand);
      if (v.t !== 'bool') this.fail(operand, `! needs a bool: ${operand.getText()} is not`, v.t === 'int' ? `write ${operand.getText()} === 0` : undefined);
      return { t: 'bool', c: `!${paren(v.c)}`, r: BOOL, pure: v.pure };
    }
    const v = this.expr(operand);
    if (op === SyntaxKind.MinusToken) {
      if (v.t === 'f32') return { t: 'f32', c: v.k !== undefined ? cFloat(-v.k) : `(-${paren(v.c)})`, r: R.I32, k: v.k === undefined ? undefined : -v.k, pure: v.pure };
      if (v.t !== 'int') this.fail(operand, `unary - needs a number: ${operand.getText()} is not`, v.t === 'f32raw' ? `write f32(${operand.getText()})` : undefined);
      if (v.k !== undefined) return { ...this.constant(-v.k, e), minusZero: v.k === 0 && !v.minusZero ? true : undefined };
      const r = R.neg(v.r);
      const T = v.wrapped ? undefined : R.computeType(v.r, r);
      if (T) return this.int(r, `(${T})-${paren(this.cast(v, T))}`, T, v.pure);
      return this.int(r, `(uint32_t)(0UL - ${this.cast(v, 'uint32_t')})`, 'uint32_t', v.pure, !R.fits(r, R.U32));
    }
    if (op === SyntaxKind.TildeToken) {
      if (v.t !== 'int') this.fail(operand, `~ needs an integer: ${operand.getText()} is not`);
      if (v.k !== undefined) return this.constant(~v.k, e);
      const r = R.not(v.r);
      if (!v.wrapped && R.fits(v.r, R.I16)) return this.int(r, `(int16_t)~${paren(this.cast(v, 'int16_t'))}`, 'int16_t', v.pure);
      return this.int(r, `(int32_t)~${paren(this.cast(v, 'uint32_t'))}`, 'int32_t', v.pure);
    }
    this.fail(e, `prefix ${e.getText()[0]} is not in the vm-spec subset`);
  }

  private binary(e: import('ts-morph').BinaryExpression, inConversion: boolean, mod16: boolean): Val {
    const op = e.getOperatorToken().getText();
    if (op === '=') this.fail(e, 'an assignment is a statement, not a value', 'write it on its own line');
    if (op === '&&' || op === '||') {
      const a = this.expr(e.getLeft());
      const b = this.expr(e.getRight());
      if (a.t !== 'bool') this.fail(e.getLeft(), `${op} needs bools: ${e.getLeft().getText()} is not`, a.t === 'int' ? `write ${e.getLeft().getText()} !== 0` : undefined);
      if (b.t !== 'bool') this.fail(e.getRight(), `${op} needs bools: ${e.getRight().getText()} is not`, b.t === 'int' ? `write ${e.getRight().getText()} !== 0` : undefined);
      return { t: 'bool', c: `(${a.c} ${op} ${b.c})`, r: BOOL, pure: a.pure && b.pure };
    }
    // Low bits of these results depend only on the low bits of their operands.
    const low = mod16 && ['+', '-', '*', '&', '|', '^'].includes(op);
    const b0 = op === '<<' ? this.expr(e.getRight()) : undefined;
    const shl16 = mod16 && b0 !== undefined && b0.k !== undefined && (b0.k & 31) < 16;
    let a = this.expr(e.getLeft(), false, low || shl16);
    let b = b0 ?? this.expr(e.getRight(), false, low);
    const pure = a.pure && b.pure;
    if (a.t === 'f32' && b.t === 'int' && isF32Int(b)) b = { ...b, t: 'f32', c: cFloat(b.minusZero ? -0 : b.k!) };
    if (b.t === 'f32' && a.t === 'int' && isF32Int(a)) a = { ...a, t: 'f32', c: cFloat(a.minusZero ? -0 : a.k!) };
    if (this.orderMatters([e.getLeft(), e.getRight()])) {
      this.fail(e, `C does not fix the order of the calls in ${e.getText()}, and one of them has side effects`, 'compute one side into a const first');
    }
    if (['<', '<=', '>', '>=', '===', '!=='].includes(op)) return this.compare(e, op, a, b);
    if (a.t === 'bool' || b.t === 'bool') this.fail(e, `${op} needs numbers, not bools`);
    if (a.t !== b.t || a.t === 'void') {
      if ((a.t === 'f32raw' || b.t === 'f32raw') && a.t !== 'int' && b.t !== 'int') {
        const raw = a.t === 'f32raw' ? e.getLeft() : e.getRight();
        this.fail(raw, `the float result ${raw.getText()} must be rounded before it is used`, `write f32(${raw.getText()})`);
      }
      this.fail(e, `${op} mixes an integer and a float`, 'convert one side: f32(i) or i32(f)');
    }
    if (a.t === 'f32raw' || b.t === 'f32raw') {
      const raw = a.t === 'f32raw' ? e.getLeft() : e.getRight();
      this.fail(raw, `the float result ${raw.getText()} must be rounded before it is used`, `write f32(${raw.getText()})`);
    }
    if (a.t === 'f32') {
      if (!['+', '-', '*', '/'].includes(op)) this.fail(e.getOperatorToken(), `${op} is not a float operator`);
      return { t: 'f32raw', c: `(${a.c} ${op} ${b.c})`, r: R.I32, pure };
    }
    // Integers.
    if ((low || shl16) && a.t === 'int' && b.t === 'int') {
      const v = this.low16(op, a, b);
      if (v) return v;
    }
    switch (op) {
      case '+': case '-': case '*': return this.arith(e, op, a, b);
      case '/': case '%': return this.divide(e, op, a, b, inConversion);
      case '&': case '|': case '^': return this.bitwise(e, op, a, b);
      case '<<': case '>>': case '>>>': return this.shift(e, op, a, b);
    }
    this.fail(e.getOperatorToken(), `${op} is not in the vm-spec subset`);
  }

  private compare(e: import('ts-morph').BinaryExpression, op: string, a: Val, b: Val): Val {
    const cop = op === '===' ? '==' : op === '!==' ? '!=' : op;
    const pure = a.pure && b.pure;
    if (a.t === 'bool' && b.t === 'bool') {
      if (cop !== '==' && cop !== '!=') this.fail(e.getOperatorToken(), `${op} does not compare bools`);
      return { t: 'bool', c: `(${a.c} ${cop} ${b.c})`, r: BOOL, pure };
    }
    if (a.t === 'f32' && b.t === 'f32') return { t: 'bool', c: `(${a.c} ${cop} ${b.c})`, r: BOOL, pure };
    if (a.t !== 'int' || b.t !== 'int') {
      const bad = a.t === 'f32raw' ? e.getLeft() : b.t === 'f32raw' ? e.getRight() : undefined;
      if (bad) this.fail(bad, `the float result ${bad.getText()} must be rounded before it is compared`, `write f32(${bad.getText()})`);
      this.fail(e, `${op} compares different kinds of values`, 'convert one side: f32(i) or i32(f)');
    }
    a = this.exactly(e.getLeft(), a);
    b = this.exactly(e.getRight(), b);
    if (a.wrapped || b.wrapped) this.fail(e, `${op} on a value beyond 32 bits`, 'convert it first: u32(...) or i32(...)');
    // Decided by the ranges: no comparison in C (and no "always true" warning from gcc).
    const decided = decide(cop, a.r, b.r);
    if (decided !== undefined && pure) return { t: 'bool', c: decided ? 'true' : 'false', r: BOOL, pure };
    // Non-negative 16-bit values compare exactly as uint16_t on both targets (cheaper than 32 bits on the AVR).
    const T = R.fits(a.r, { lo: 0, hi: 0xffff }) && R.fits(b.r, { lo: 0, hi: 0xffff }) ? 'uint16_t' : R.compareType(a.r, b.r);
    return { t: 'bool', c: `(${this.pair(a, b, T).join(` ${cop} `)})`, r: BOOL, pure };
  }

  /** `a op b` modulo 2^16 for an 8/16-bit consumer, when exact 16-bit arithmetic is not enough. */
  private low16(op: string, a: Val, b: Val): Val | undefined {
    if (a.k !== undefined && b.k !== undefined) return undefined; // folded exactly
    const exact = op === '+' ? R.add(a.r, b.r) : op === '-' ? R.sub(a.r, b.r) : op === '*' ? R.mul(a.r, b.r) : undefined;
    if (exact && Math.max(Math.abs(exact.lo), Math.abs(exact.hi)) > R.SAFE) return undefined; // refused by arith()
    if (!a.mod16 && !b.mod16 && !a.wrapped && !b.wrapped && R.fits(a.r, R.I16) && R.fits(b.r, R.I16)) {
      if (exact && R.fits(exact, R.I16)) return undefined; // exact int16_t arithmetic
      if (!exact && op !== '<<') return undefined; // & | ^ of int16 values: exact in int16_t
    }
    const u16 = (v: Val) => (v.ctype === 'uint16_t' || v.ctype === 'uint8_t' || (v.k !== undefined && v.k >= 0 && v.k <= 0x7fff) ? v.c : `(uint16_t)${paren(v.c)}`);
    // unsigned int: 16 bits on the AVR, 32 on a host; either way modular and never a signed overflow.
    let c: string;
    if (op === '*') c = `(uint16_t)((unsigned int)${u16(a)} * ${u16(b)})`;
    else if (op === '<<') c = `(uint16_t)((unsigned int)${u16(a)} << ${b.k! & 31})`;
    else c = `(uint16_t)(${u16(a)} ${op} ${u16(b)})`;
    const r = exact ?? (op === '&' ? R.and(a.r, b.r) : op === '<<' ? R.shl(a.r, b.r) : R.orXor(a.r, b.r));
    return { t: 'int', c, r, ctype: 'uint16_t', pure: a.pure && b.pure, wrapped: true, mod16: true };
  }

  /**
   * While set, + - * beyond 32 bits compute exactly in int64_t instead of modulo 2^32: used to
   * lower again an operand of a comparison or division whose range exceeds 32 bits (costly on the AVR,
   * but exact like TypeScript).
   */
  private exact64 = false;
  private exactly(node: Node, v: Val): Val {
    if (!v.wrapped || v.mod16 || Math.max(Math.abs(v.r.lo), Math.abs(v.r.hi)) > R.SAFE) return v;
    this.exact64 = true;
    try { return this.expr(node); } finally { this.exact64 = false; }
  }

  private arith(e: Node, op: string, a: Val, b: Val): Val {
    const r = op === '+' ? R.add(a.r, b.r) : op === '-' ? R.sub(a.r, b.r) : R.mul(a.r, b.r);
    if (Math.max(Math.abs(r.lo), Math.abs(r.hi)) > R.SAFE) {
      this.fail(e, `${e.getText()} (${R.show(r)}) exceeds 2^53, where TypeScript loses bits`, op === '*' ? 'use Math.imul(a, b) for an i32 wrap multiply' : 'convert the operands first');
    }
    if (a.k !== undefined && b.k !== undefined) return this.constant(op === '+' ? a.k + b.k : op === '-' ? a.k - b.k : a.k * b.k, e);
    const pure = a.pure && b.pure;
    const T = a.wrapped || b.wrapped ? undefined : R.computeType(a.r, b.r, r);
    if (T) return this.int(r, `(${T})(${this.pair(a, b, T).join(` ${op} `)})`, T, pure);
    if (this.exact64 && !R.fits(r, R.U32)) return this.int(r, `(int64_t)(${this.pair(a, b, 'int64_t').join(` ${op} `)})`, 'int64_t', pure);
    // Beyond 32 bits: modulo 2^32 in uint32_t (exact when the result fits u32, else for a wrapping consumer).
    return this.int(r, `(uint32_t)(${this.pair(a, b, 'uint32_t').join(` ${op} `)})`, 'uint32_t', pure, !R.fits(r, R.U32));
  }

  private divide(e: import('ts-morph').BinaryExpression, op: string, a: Val, b: Val, inConversion: boolean): Val {
    const bConst = b.k !== undefined && b.k !== 0;
    if (!inConversion && (op === '/' || !bConst)) {
      this.fail(e, `integer ${op} is only allowed directly inside a conversion`, `write i32(${e.getText()})`);
    }
    a = this.exactly(e.getLeft(), a);
    b = this.exactly(e.getRight(), b);
    if (a.wrapped || b.wrapped) this.fail(e, `${op} on a value beyond 32 bits`, 'convert it first: u32(...) or i32(...)');
    const pure = a.pure && b.pure;
    if (a.k !== undefined && b.k !== undefined) {
      const v = b.k === 0 ? 0 : op === '/' ? Math.trunc(a.k / b.k) : a.k % b.k;
      return this.constant(v, e);
    }
    const r = op === '/' ? R.div(a.r, b.r) : R.rem(a.r, b.r);
    const zero = b.r.lo <= 0 && b.r.hi >= 0;
    if (R.fits(a.r, R.I32) && R.fits(b.r, R.I32)) {
      const overflow = a.r.lo <= -0x80000000 && b.r.lo <= -1 && b.r.hi >= -1;
      const T = R.computeType(a.r, b.r, r);
      if (!zero && !overflow && T) return this.int(r, `(${T})(${this.pair(a, b, T).join(` ${op} `)})`, T, pure);
      const helper = op === '/' ? 'svm_div_i32' : 'svm_rem_i32';
      return this.int(r, `${helper}(${a.c}, ${b.c})`, 'int32_t', pure, !R.fits(r, R.I32));
    }
    if (R.fits(a.r, R.U32) && R.fits(b.r, R.U32)) {
      if (!zero) return this.int(r, `(uint32_t)(${this.pair(a, b, 'uint32_t').join(` ${op} `)})`, 'uint32_t', pure);
      return this.int(r, `${op === '/' ? 'svm_div_u32' : 'svm_rem_u32'}(${a.c}, ${b.c})`, 'uint32_t', pure);
    }
    // Beyond 32 bits (ranges up to 2^53): exact in int64_t.
    if (!zero) return this.int(r, `(int64_t)(${this.pair(a, b, 'int64_t').join(` ${op} `)})`, 'int64_t', pure);
    return this.int(r, `${op === '/' ? 'svm_div_i64' : 'svm_rem_i64'}(${a.c}, ${b.c})`, 'int64_t', pure);
  }

  private bitwise(e: Node, op: string, a: Val, b: Val): Val {
    const r = op === '&' ? R.and(a.r, b.r) : R.orXor(a.r, b.r);
    if (a.k !== undefined && b.k !== undefined) return this.constant(op === '&' ? a.k & b.k : op === '|' ? a.k | b.k : a.k ^ b.k, e);
    const pure = a.pure && b.pure;
    // Two's complement: bitwise on sign-extended narrower values gives the sign-extended i32 result.
    const T = a.wrapped || b.wrapped ? undefined : R.computeType(a.r, b.r);
    if (T === 'int16_t') return this.int(r, `(${T})(${this.pair(a, b, T).join(` ${op} `)})`, T, pure);
    // Non-negative 16-bit operands, or & with a 16-bit mask (the other operand's low 16 bits suffice): uint16_t.
    const u16 = (v: Val) => !v.wrapped && R.fits(v.r, U16);
    if ((u16(a) && u16(b)) || (op === '&' && (u16(a) || u16(b)))) {
      const x = (v: Val) => (u16(v) ? v.c : `(uint16_t)${paren(v.c)}`);
      return this.int(r, `(uint16_t)(${x(a)} ${op} ${x(b)})`, 'uint16_t', pure);
    }
    if (T) return this.int(r, `(${T})(${this.pair(a, b, T).join(` ${op} `)})`, T, pure);
    return this.int(r, `(int32_t)(${this.pair(a, b, 'uint32_t').join(` ${op} `)})`, 'int32_t', pure);
  }

  private shift(e: Node, op: string, a: Val, b: Val): Val {
    const pure = a.pure && b.pure;
    const r = op === '<<' ? R.shl(a.r, b.r) : op === '>>' ? R.shr(a.r, b.r) : R.ushr(a.r, b.r);
    if (a.k !== undefined && b.k !== undefined) return this.constant(op === '<<' ? a.k << b.k : op === '>>' ? a.k >> b.k : a.k >>> b.k, e);
    const count = b.k !== undefined ? `${b.k & 31}` : `(${this.cast(b, 'uint8_t')} & 31)`;
    const narrow = !a.wrapped && R.fits(a.r, R.I16);
    // The shifted operand's own C type decides the result: always cast it (no literal shortcut).
    const as = (T: string) => (a.ctype === T ? a.c : `(${T})${paren(a.c)}`);
    if (op === '<<') {
      if (narrow && a.r.lo >= 0 && r.lo >= 0 && r.hi <= 0x7fff) return this.int(r, `(int16_t)(${as('uint16_t')} << ${count})`, 'int16_t', pure);
      return this.int(r, `(int32_t)(${as('uint32_t')} << ${count})`, 'int32_t', pure);
    }
    if (op === '>>') {
      // >> of a negative value is an arithmetic shift in gcc (implementation-defined in C, documented by gcc).
      // 16-bit only for a constant count: int may be 16 bits, and >> 16..31 of an int16 is its sign, as >> 15.
      if (narrow && b.k !== undefined) return this.int(r, `(int16_t)(${as('int16_t')} >> ${Math.min(b.k & 31, 15)})`, 'int16_t', pure);
      if (!a.wrapped && R.fits(a.r, U16) && b.k !== undefined && (b.k & 31) < 16) return this.int(r, `(uint16_t)(${as('uint16_t')} >> ${b.k & 31})`, 'uint16_t', pure);
      return this.int(r, `(int32_t)(${a.wrapped ? `(int32_t)${paren(a.c)}` : as('int32_t')} >> ${count})`, 'int32_t', pure);
    }
    if (narrow && a.r.lo >= 0 && b.k !== undefined) return this.int(r, `(int16_t)(${as('int16_t')} >> ${Math.min(b.k & 31, 15)})`, 'int16_t', pure);
    if (!a.wrapped && R.fits(a.r, U16) && b.k !== undefined && (b.k & 31) < 16) return this.int(r, `(uint16_t)(${as('uint16_t')} >> ${b.k & 31})`, 'uint16_t', pure);
    return this.int(r, `(uint32_t)(${as('uint32_t')} >> ${count})`, 'uint32_t', pure);
  }

  private conditional(e: import('ts-morph').ConditionalExpression): Val {
    // A condition that is itself a ?: keeps its parentheses: C would read c ? a : b ? x : y as
    // c ? a : (b ? x : y).
    let inner: Node = e.getCondition();
    while (Node.isParenthesizedExpression(inner)) inner = inner.getExpression();
    const cond = Node.isConditionalExpression(inner) ? `(${this.cond(e.getCondition())})` : this.cond(e.getCondition());
    const a = this.expr(e.getWhenTrue());
    const b = this.expr(e.getWhenFalse());
    const pure = a.pure && b.pure;
    if (a.t === 'int' && b.t === 'int') {
      const r = R.union(a.r, b.r);
      const T = a.wrapped || b.wrapped ? 'int64_t' : R.fits(r, U16) && !R.fits(r, R.I16) ? 'uint16_t' : R.compareType(r, r);
      // Beyond one 32-bit type: both branches modulo 2^32, for a wrapping consumer.
      if (T === 'int64_t') return this.int(r, `(${cond} ? ${this.cast(a, 'uint32_t')} : ${this.cast(b, 'uint32_t')})`, 'uint32_t', pure, !R.fits(r, R.U32));
      // The declared type of the branches (a constant branch takes the other's when it fits).
      const declOf = (x: Val, y: Val) => (x.decl !== undefined && (x.decl === y.decl || (y.k !== undefined && isIntType(x.decl) && R.fits(y.r, INT_RANGE[x.decl]))) ? x.decl : undefined);
      const decl = declOf(a, b) ?? declOf(b, a);
      return { ...this.int(r, `(${cond} ? ${this.cast(a, T)} : ${this.cast(b, T)})`, T, pure), decl };
    }
    if ((a.t === 'f32' && b.t === 'f32') || (a.t === 'bool' && b.t === 'bool')) return { t: a.t, c: `(${cond} ? ${a.c} : ${b.c})`, r: a.r, pure, decl: a.t === 'f32' ? 'f32' : undefined };
    this.fail(e, 'the branches of ?: must have the same kind (int, f32 or bool)');
  }

  private call(e: import('ts-morph').CallExpression): Val {
    const callee = e.getExpression();
    const args = e.getArguments() as Expression[];
    const name = callee.getText();
    if (name === 'Math.imul') {
      if (args.length !== 2) this.fail(e, 'Math.imul takes two integers');
      const [a, b] = args.map((x) => this.expr(x));
      if (a.t !== 'int' || b.t !== 'int') this.fail(e, 'Math.imul takes two integers');
      return { ...this.int(R.I32, `(int32_t)(${this.cast(a, 'uint32_t')} * ${this.cast(b, 'uint32_t')})`, 'int32_t', a.pure && b.pure), decl: 'i32' };
    }
    if (!Node.isIdentifier(callee)) this.fail(callee, `${name}(...) is not in the vm-spec subset`, 'call top-level functions, the functions of types.ts and Math.imul only');
    const sym = this.lookup(name);
    if (!sym) this.fail(callee, `${name} is not declared in the vm-spec files`, 'declare it, or import it from a vm-spec file');
    if (sym.kind === 'intrinsic') return this.intrinsic(e, name, args);
    if (sym.kind === 'poison') throw new Refused(name);
    if (sym.kind !== 'func') this.fail(callee, `${name} is not a function`);
    if (args.length !== sym.params.length) this.fail(e, `${name} takes ${sym.params.length} argument(s), not ${args.length}`);
    const vals = args.map((a) => this.expr(a));
    if (this.orderMatters(args)) this.fail(e, `C does not fix the order of the calls in the arguments of ${name}, and one of them has side effects`, 'compute them into consts first');
    const cargs = vals.map((v, i) => this.coerce(v, sym.params[i], args[i]));
    const c = `${sym.c}(${cargs.join(', ')})`;
    if (sym.ret === 'void') return { t: 'void', c, r: R.I32, pure: false };
    if (sym.ret === 'bool') return { t: 'bool', c, r: BOOL, pure: false };
    if (sym.ret === 'f32') return { t: 'f32', c, r: R.I32, pure: false, decl: 'f32' };
    return { ...this.int(INT_RANGE[sym.ret as IntType], c, C_TYPE[sym.ret], false), decl: sym.ret };
  }

  private intrinsic(e: import('ts-morph').CallExpression, name: string, args: Expression[]): Val {
    if (args.length !== 1) this.fail(e, `${name} takes one argument`);
    const arg = args[0];
    if (isIntType(name)) return { ...this.toInt(e, name, arg), decl: name };
    if (name === 'f32' || name === 'f32FromBits') return { ...this.toF32(name, arg), decl: 'f32' };
    if (name === 'truncF32') {
      // The caller keeps x inside i32's range: C's own cast (libgcc's, smaller than the prelude's
      // wrapping svm_f32_to_u32).
      const v = this.expr(arg);
      return { ...this.int(R.I32, `(int32_t)(${this.coerce(v, 'f32', arg)})`, 'int32_t', v.pure), decl: 'i32' };
    }
    if (name === 'f32Bits') {
      const v = this.expr(arg);
      return { ...this.int(R.U32, `svm_f32_bits(${this.coerce(v, 'f32', arg)})`, 'uint32_t', v.pure), decl: 'u32' };
    }
    this.fail(e, `${name}(...) is only allowed as the initializer of a module-level const`);
  }

  private toInt(e: Node, name: IntType, arg: Expression): Val {
    {
      const T = C_TYPE[name];
      const tr = INT_RANGE[name];
      const v = this.expr(arg, true, name !== 'u32' && name !== 'i32');
      if (v.t === 'f32') return this.int(tr, `(${T})svm_f32_to_u32(${stripParens(v.c)})`, T, v.pure);
      if (v.t === 'f32raw') this.fail(arg, `the float result ${arg.getText()} must be rounded before it is converted`, `write ${name}(f32(${arg.getText()}))`);
      if (v.t !== 'int') this.fail(arg, `${name}(...) converts numbers, not ${v.t}s`, `write ${arg.getText()} ? 1 : 0`);
      if (v.k !== undefined) return { ...this.constant(wrapTo(v.k, name), e) };
      const c = v.ctype === T ? v.c : `(${T})${paren(stripParens(v.c))}`;
      if (!v.wrapped && R.fits(v.r, tr)) return this.int(v.r, c, T, v.pure);
      // Out-of-range conversion to a signed type is implementation-defined in C; gcc wraps modulo 2^N.
      return this.int(tr, c, T, v.pure);
    }
  }

  private toF32(name: string, arg: Expression): Val {
    if (name === 'f32') {
      const lit = floatLiteral(arg);
      if (lit !== undefined) { const f = Math.fround(lit); return { t: 'f32', c: cFloat(f), r: R.I32, k: f, pure: true }; }
      const v = this.expr(arg);
      if (v.t === 'f32') return v;
      if (v.t === 'f32raw') return { t: 'f32', c: `(float)${paren(v.c)}`, r: R.I32, pure: v.pure };
      if (v.t !== 'int') this.fail(arg, 'f32(...) converts numbers, not bools');
      if (v.wrapped) this.fail(arg, `${arg.getText()} (${R.show(v.r)}) may exceed 32 bits`, `convert it first: f32(i32(${arg.getText()}))`);
      return { t: 'f32', c: `(float)${paren(stripParens(v.c))}`, r: R.I32, pure: v.pure };
    }
    const v = this.expr(arg);
    return { t: 'f32', c: `svm_f32_from_bits(${this.coerce(v, 'u32', arg)})`, r: R.I32, pure: v.pure };
  }

  // ---------- side effects (C evaluates operands and arguments in no fixed order; TS left to right) ----------
  private effectful = new Set<string>();

  /** Functions that write module state (globals, typed arrays) or call the platform, directly or through calls. */
  private findEffects(files: LoadedFile[]): void {
    const calls = new Map<string, string[]>();
    for (const f of files) {
      if (f.role !== 'code') continue;
      for (const fn of f.sf.getFunctions()) {
        const name = fn.getName() ?? '';
        const callees: string[] = [];
        let writes = false;
        fn.forEachDescendant((n) => {
          if (Node.isCallExpression(n)) callees.push(n.getExpression().getText());
          if (Node.isBinaryExpression(n) && n.getOperatorToken().getKind() === SyntaxKind.EqualsToken) {
            const left = n.getLeft();
            if (Node.isElementAccessExpression(left)) writes = true;
            if (Node.isIdentifier(left)) {
              const decl = left.getSymbol()?.getDeclarations()[0];
              if (decl && Node.isVariableDeclaration(decl) && Node.isSourceFile(decl.getVariableStatement()?.getParent())) writes = true;
            }
          }
        });
        calls.set(name, callees);
        if (writes) this.effectful.add(name);
      }
    }
    // Platform functions: a void one acts on the world; one with a result reads it, unless its doc says @effects.
    for (const [name, sym] of this.globals) {
      if (sym.kind === 'func' && sym.platform && (sym.ret === 'void' || sym.node.getJsDocs().some((d) => d.getText().includes('@effects')))) {
        this.effectful.add(name);
      }
    }
    for (let changed = true; changed;) {
      changed = false;
      for (const [name, callees] of calls) {
        if (!this.effectful.has(name) && callees.some((c) => this.effectful.has(c))) {
          this.effectful.add(name);
          changed = true;
        }
      }
    }
  }

  /** True when two or more of the expressions call functions and one of those calls has side effects. */
  private orderMatters(exprs: Node[]): boolean {
    const callsIn = (n: Node) => [...(Node.isCallExpression(n) ? [n] : []), ...n.getDescendantsOfKind(SyntaxKind.CallExpression)]
      .map((c) => c.getExpression().getText())
      .filter((name) => this.globals.get(name)?.kind === 'func');
    const effects = exprs.map((x) => callsIn(x).some((name) => this.effectful.has(name)));
    // Another operand that calls anything or reads module state could see the effect or not.
    const touches = exprs.map((x) => callsIn(x).length > 0 || this.readsState(x));
    return effects.some((eff, i) => eff && touches.some((t, j) => t && j !== i));
  }

  private readsState(n: Node): boolean {
    const ids = [...(Node.isIdentifier(n) ? [n] : []), ...n.getDescendantsOfKind(SyntaxKind.Identifier)];
    return ids.some((id) => {
      const sym = this.lookup(id.getText());
      return (sym?.kind === 'var' && this.globals.get(id.getText()) === sym) || (sym?.kind === 'array' && !sym.flash);
    });
  }

  /** Lowers all module-level declarations and functions of the loaded files. */
  run(files: LoadedFile[]): void {
    for (const f of files) if (f.role === 'platform') this.declarePlatform(f.sf);
    for (const f of files) if (f.role === 'code') this.declareModule(f);
    this.findEffects(files);
    for (const f of files) {
      if (f.role !== 'code') continue;
      for (const fn of f.sf.getFunctions()) this.lowerFunction(fn);
    }
    this.result.header.unshift(...this.platformHeader);
  }
}

/** Types whose values the usual arithmetic conversions carry exactly into T next to an operand of type T
 * (for int16_t: the types that promote to a signed int on both targets). */
function narrowFor(T: string, v: Val): boolean {
  const ct = v.ctype ?? '';
  switch (T) {
    case 'int16_t': return ['uint8_t', 'int8_t', 'int16_t', 'lit'].includes(ct);
    case 'int32_t': return ['uint8_t', 'int8_t', 'int16_t', 'uint16_t', 'lit'].includes(ct);
    case 'uint32_t': return ['uint8_t', 'uint16_t', 'lit'].includes(ct) && v.r.lo >= 0;
    case 'uint16_t': return ['uint8_t', 'uint16_t', 'lit'].includes(ct) && v.r.lo >= 0;
    case 'int64_t': return ['uint8_t', 'int8_t', 'int16_t', 'uint16_t', 'int32_t', 'uint32_t', 'lit'].includes(ct);
  }
  return false;
}

/** The part of a statement that is lowered as a whole: the statement itself, or the head of a compound one. */
function statementHeads(st: Statement): Node[] {
  if (Node.isIfStatement(st) || Node.isWhileStatement(st) || Node.isDoStatement(st) || Node.isSwitchStatement(st)) return [st.getExpression()];
  if (Node.isForStatement(st)) return [st.getInitializer(), st.getCondition(), st.getIncrementor()].filter((n) => n !== undefined);
  if (Node.isBlock(st)) return [];
  return [st];
}

/** The names a statement declares (to mark them refused). */
function declaredNames(st: Node): string[] {
  if (Node.isVariableStatement(st)) return st.getDeclarations().map((d) => d.getName());
  if (Node.isFunctionDeclaration(st) || Node.isEnumDeclaration(st) || Node.isClassDeclaration(st)) return st.getName() ? [st.getName()!] : [];
  return [];
}

/** An integer constant that is exactly an f32 (used as a float literal next to an f32 operand, as `x * 2`). */
function isF32Int(v: Val): boolean {
  return v.k !== undefined && Math.abs(v.k) <= 2 ** 24;
}

function paren(c: string): string {
  return /^[\w.]+$/.test(c) || isWrapped(c) ? c : `(${c})`;
}
/** True when c is one parenthesized group "( ... )". */
function isWrapped(c: string): boolean {
  if (!c.startsWith('(') || !c.endsWith(')')) return false;
  let depth = 0;
  for (let i = 0; i < c.length; i++) {
    if (c[i] === '(') depth++;
    else if (c[i] === ')') { depth--; if (depth === 0 && i < c.length - 1) return false; }
  }
  return true;
}
function stripParens(c: string): string {
  return isWrapped(c) ? c.slice(1, -1) : c;
}

function mod32(v: number): number {
  return ((v % 2 ** 32) + 2 ** 32) % 2 ** 32;
}
function wrapTo(v: number, t: IntType): number {
  const u = mod32(v);
  switch (t) {
    case 'u8': return u & 0xff;
    case 'i8': return ((u & 0xff) << 24) >> 24;
    case 'u16': return u & 0xffff;
    case 'i16': return ((u & 0xffff) << 16) >> 16;
    case 'u32': return u;
    case 'i32': return u | 0;
  }
}

/** A numeric literal, possibly negated: the value TS sees before rounding. */
function floatLiteral(e: Node): number | undefined {
  if (Node.isParenthesizedExpression(e)) return floatLiteral(e.getExpression());
  if (Node.isNumericLiteral(e)) return e.getLiteralValue();
  if (Node.isPrefixUnaryExpression(e) && e.getOperatorToken() === SyntaxKind.MinusToken) {
    const v = floatLiteral(e.getOperand());
    return v === undefined ? undefined : -v;
  }
  return undefined;
}

/** The result of an integer comparison when the ranges decide it. */
function decide(op: string, a: Range, b: Range): boolean | undefined {
  switch (op) {
    case '<': return a.hi < b.lo ? true : a.lo >= b.hi ? false : undefined;
    case '<=': return a.hi <= b.lo ? true : a.lo > b.hi ? false : undefined;
    case '>': return a.lo > b.hi ? true : a.hi <= b.lo ? false : undefined;
    case '>=': return a.lo >= b.hi ? true : a.hi < b.lo ? false : undefined;
    case '==': return a.lo === a.hi && b.lo === b.hi && a.lo === b.lo ? true : a.hi < b.lo || a.lo > b.hi ? false : undefined;
    case '!=': return a.lo === a.hi && b.lo === b.hi && a.lo === b.lo ? false : a.hi < b.lo || a.lo > b.hi ? true : undefined;
  }
  return undefined;
}
