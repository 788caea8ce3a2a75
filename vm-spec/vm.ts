// The VM entry and interpreter loop (docs/vm-design.md). Built so far: image loading, frames,
// constants, builtin lookup, calls of print, exception-table unwinding and the uncaught
// record. Every other opcode raises NotImplementedError (so unfinished features fail loudly).
import { u8, u16, flashU8 } from './types.ts';
import type { bool } from './types.ts';
import { NULL, NONE, TRUE, heapOffset, isImage, makeBuiltin, makeSmall } from './value.ts';
import { putc, interruptPending } from './platform.ts';
import { HeapType, heapInit, get16, set16, heap } from './heap.ts';
import { alloc, resetRoots, setRoot, getRoot, Root, pushRoot, popRoot } from './gc.ts';
import { Exc, raise, pendingExc, clearExc, excClassOf } from './exc.ts';
import {
  ImageError, Record, Code, loadImage, moduleCodeValue, moduleGlobalCount, constantValue, codeU8, codeU16, codeStart,
  imageU8, imageU16, recordType, imageStrLength, imageStrByte, imageTupleLength, imageTupleItem,
} from './image.ts';
import { Op } from './opcodes.ts';
import { printStr, printNumOut, render, Render } from './print.ts';
import { numOut, formatI32 } from './numfmt.ts';
import { newDict, dictGet, dictSet, keysEqual, isDict, dictCount } from './dict.ts';
import { binaryOp, compareOp, truth } from './arith.ts';
import { numberUnary } from './numops.ts';
import { makeBool } from './value.ts';
import { isFunc, newFunc, funcWord } from './func.ts';
import { lookupBuiltin, lookupMethod, lookupAttr, callBuiltin } from './builtins.ts';
import { builtinModule, moduleKind, objectKind } from './builtins-module.ts';
import { nameIndex } from './names.ts';
import { LibKind, libLookup, handOver, takeHandOver } from './libfunc.ts';
import { setArgs, argsFirst, argsTotal, argsNames } from './args.ts';
import { getIter, iterNext, extendFrom } from './iter.ts';
import { seqContains, seqSubscript, asSequence, storeItem } from './seqops.ts';
import { seqLength, seqItem, isAnyTuple } from './seq.ts';
import { newList, listAppend, listLength, listGet, listSet, isList } from './list.ts';
import { newTuple, tupleSet, tupleLength, tupleGet, isHeapTuple } from './tuple.ts';
import { intValue, newInt, intSub } from './int.ts';
import { isStr, strLength, strOfInt, strFind, strBuild } from './str.ts';
import { newSlice, isSlice } from './slice.ts';
import { strContains } from './builtins-str.ts';
import { newExc, excArgument, raiseMsgOf, raiseWith, printLine, Msg } from './errors.ts';
import { printRepr, printExcName, typeLine, Ty } from './print.ts';
import { excPending, lookupExcClass, raiseValue, isExcClass } from './exc.ts';
import { isInstanceOfAny } from './builtins-seq.ts';
import { tbReset, tbAdd, tbHandledBy, tbUncaught, tbContinues, tbIsComplete, tbCount, tbCode, tbIp } from './traceback.ts';

// FRAME block: [header][ip][sp][back][func][code][locals...][stack...]. sp is the heap offset of
// the first free stack slot (one add per push/pop; the collector scans up to it).
const enum F { IP = 2, SP = 4, BACK = 6, FUNC = 8, CODE = 10, LOCALS = 12 }


/** Heap offset of the first stack slot of frame block f (whose code is `code`). */
function stackBase(f: u16, code: u16): u16 { return u16(f + F.LOCALS + codeU8(code, Code.NLOCALS) * 2); }

function newFrame(code: u16, back: u16): u16 {
  const locals = u16(F.LOCALS + codeU8(code, Code.NLOCALS) * 2); // the stack's offset in the frame
  const v = alloc(HeapType.FRAME, u16(locals + codeU8(code, Code.STACKSIZE) * 2));
  if (v === NULL) return raise(Exc.MemoryError);
  const f = heapOffset(v);
  set16(u16(f + F.SP), u16(f + locals));
  set16(u16(f + F.BACK), back);
  set16(u16(f + F.CODE), code);
  return v;
}

// The stack helpers work on the frame `cur` (the interpreter's current one; unwind and
// RETURN_VALUE set it for the frame they push on): one argument less at each of their uses.
let cur: u16 = 0;
function sp(): u16 { return get16(u16(cur + F.SP)); }
function push(v: u16): void {
  const top = sp();
  set16(top, v);
  set16(u16(cur + F.SP), u16(top + 2));
}
function pop(): u16 {
  const top = u16(sp() - 2);
  set16(u16(cur + F.SP), top);
  return get16(top);
}
/** Heap offset of stack item n counted from the top (1 = TOS). */
function slot(n: u8): u16 { return u16(sp() - n * 2); }
/** Stack item n counted from the top (1 = TOS). */
function peek(n: u8): u16 { return get16(slot(n)); }
function setPeek(n: u8, v: u16): void { set16(slot(n), v); }
function drop(n: u8): void { set16(u16(cur + F.SP), slot(n)); }
/** Replaces the top `n` items by `result`; false when result is NULL (exception pending). */
function replaceTop(n: u8, result: u16): bool {
  if (result === NULL) return false;
  drop(n);
  push(result);
  return true;
}

/** `v in container`: 1 or 0, 255 with an exception pending. */
function contains(container: u16, v: u16): u8 {
  if (isDict(container)) return dictGet(container, v) !== NULL ? 1 : 0;
  if (isStr(container)) return strContains(container, v);
  return seqContains(container, v);
}

/** seq[index] for lists and tuples with an int index (negative from the end). */
function subscript(seq: u16, index: u16): u16 {
  if (isDict(seq)) {
    const v = dictGet(seq, index);
    return v === NULL ? raiseWith(Exc.KeyError, index) : v;
  }
  return seqSubscript(seq, index);
}

// The library kind whose methods each type Ty.STR .. Ty.DICT has (libfunc.ts).
const LIB_KINDS = flashU8([LibKind.STR, LibKind.LIST, LibKind.TUPLE, LibKind.DICT]);

/** The library kind whose methods `obj` has (an ADC or PWM object's too), or 255 (no library methods). */
function libKindOf(obj: u16): u8 {
  const t = typeLine(obj);
  return t >= Ty.STR && t <= Ty.DICT ? LIB_KINDS[t - Ty.STR] : objectKind(obj); // (Pin, ADC, PWM: vm-spec/lib/board.py)
}

/** Image offset of the exception-table entry of `code` that covers instruction offset ip, or 0 for none. */
function findHandler(code: u16, ip: u16): u16 {
  let at = u16(codeStart(code) + codeU16(code, Code.CODE_LENGTH));
  for (let e: u8 = codeU8(code, Code.NEXC); e > 0; e = u8(e - 1)) {
    if (ip >= imageU16(at) && ip < imageU16(u16(at + 2))) return at;
    at = u16(at + 7);
  }
  return 0;
}

function printDecimal(n: u16): void { printNumOut(formatI32(n)); }

/** The uncaught-exception record: ESC 'E' class TAB message TAB code:ip,... NL (innermost first). */
function printUncaught(frame: u16): void {
  const exc = pendingExc();
  putc(27);
  putc(69);
  printExcName(excClassOf(exc));
  putc(9);
  if (!isExcClass(exc)) printStr(exc); // str(exc): its argument's str ('' for a bare class), a KeyError's key's repr
  putc(9);
  // A re-raised exception: the record has every frame, original raise points; else the chain.
  const complete = tbIsComplete(exc);
  let f: u16 = complete ? NULL : frame;
  for (let i: u8 = 0; ; i = u8(i + 1)) {
    let code: u16 = 0;
    let ip: u16 = 0;
    if (complete) {
      if (i === tbCount()) break;
      code = tbCode(i);
      ip = tbIp(i);
    } else {
      if (f === NULL) break;
      const off = heapOffset(f);
      code = get16(u16(off + F.CODE));
      ip = get16(u16(off + F.IP)); // callers already hold ip - 1 (unwind)
      f = get16(u16(off + F.BACK));
    }
    if (i > 0) putc(44);
    printDecimal(u16(code >> 2));
    putc(58);
    printDecimal(ip);
  }
  putc(10);
}

/** Runs the image's entry module. 0: finished, 1: uncaught exception, 2: invalid image. */
export function vmRun(): u8 {
  heapInit();
  resetRoots();
  tbReset();
  const status = loadImage();
  if (status !== ImageError.OK) {
    printLine(Msg.BAD_IMAGE, NULL, NULL);
    putc(u8(48 + status)); // one digit: ImageError 1..6
    putc(41);
    putc(10);
    return 2;
  }
  globalCount = moduleGlobalCount(0);
  const globals = newTuple(globalCount);
  setRoot(Root.GLOBALS, globals);
  const frame: u16 = globals === NULL ? NULL : newFrame(moduleCodeValue(0), NULL);
  if (frame === NULL) {
    printUncaught(NULL);
    return 1;
  }
  setRoot(Root.FRAME, frame);
  return interpret();
}

/** Runs frames until the module frame returns (0) or an exception leaves it (1). */
function interpret(): u8 {
  let kwnames: u16 = NULL;
  for (;;) {
    const frame = getRoot(Root.FRAME);
    const f = heapOffset(frame);
    cur = f;
    const code = get16(u16(f + F.CODE));
    const base = codeStart(code);
    let ip: u16 = get16(u16(f + F.IP));
    const start = ip;
    let op: u8 = imageU8(u16(base + ip));
    let arg: u16 = 0;
    ip = u16(ip + 1);
    if (op === Op.EXT) {
      arg = u16(imageU8(u16(base + ip)) << 8);
      op = imageU8(u16(base + ip + 1));
      ip = u16(ip + 2);
    }
    if (op >= Op.FIRST_JUMP) {
      arg = imageU16(u16(base + ip));
      ip = u16(ip + 2);
    } else if (op >= Op.FIRST_WITH_ARG) {
      arg = u16(arg | imageU8(u16(base + ip)));
      ip = u16(ip + 1);
    }
    set16(u16(f + F.IP), ip);
    let ok: bool = true;
    switch (op) {
      case Op.POP_TOP:
        pop();
        break;
      case Op.PUSH_NULL:
        push(NULL);
        break;
      case Op.LOAD_CONST:
        push(constantValue(arg));
        break;
      case Op.KW_NAMES:
        kwnames = constantValue(arg);
        break;
      case Op.NOP:
        break;
      case Op.LIST_APPEND:
      case Op.LIST_EXTEND: {
        // pop v; the list at position n .append(v) or .extend(v)
        const list = peek(u8(arg + 1));
        const v = peek(1);
        ok = op === Op.LIST_APPEND ? listAppend(list, v) !== NULL : extendFrom(list, v);
        if (ok) drop(1);
        break;
      }
      case Op.BUILD_TUPLE:
      case Op.BUILD_LIST:
      case Op.BUILD_MAP:
      case Op.BUILD_CONST_KEY_MAP: {
        // The n items on the stack become a tuple or list. A dict display's items (key and
        // value pairs; a const-key map's values and key tuple) become a tuple that dict.py
        // _build_map (_const_key_map) makes the dict of; only {} is native.
        const isList = op === Op.BUILD_LIST;
        const n: u8 = op === Op.BUILD_MAP ? u8(arg * 2) : op === Op.BUILD_CONST_KEY_MAP ? u8(arg + 1) : u8(arg);
        const c = n === 0 && op === Op.BUILD_MAP ? newDict() : isList ? newList() : newTuple(n);
        ok = c !== NULL;
        if (!ok) break;
        pushRoot(c); // (the interpreter's root stack is empty: this cannot fail)
        const at = slot(n);
        for (let i: u8 = 0; ok && i < n; i = u8(i + 1)) {
          const value = get16(u16(at + i * 2));
          if (isList) ok = listAppend(c, value) !== NULL;
          else tupleSet(c, i, value);
        }
        popRoot();
        if (ok) ok = replaceTop(n, c);
        if (ok && n !== 0 && op >= Op.BUILD_MAP) {
          handOver(u8(LibKind.BUILD_MAP + op - Op.BUILD_MAP));
          ok = handOverTop(frame, 1);
        }
        break;
      }
      case Op.IS_OP:
      case Op.CONTAINS_OP:
      case Op.UNARY_NOT:
      case Op.CHECK_EXC_MATCH: {
        // A bool from the top n items: t 1 or 0 (255: failed), negated by IS_OP's and
        // CONTAINS_OP's argument and for UNARY_NOT.
        let n: u8 = 1;
        let t: u8 = 0;
        if (op === Op.UNARY_NOT) {
          t = truth(peek(1));
          arg = 1;
        } else if (op === Op.CHECK_EXC_MATCH) {
          t = isInstanceOfAny(peek(2), peek(1), true) ? 1 : 0;
        } else {
          n = 2;
          if (op === Op.IS_OP) t = peek(2) === peek(1) ? 1 : 0;
          else t = contains(peek(1), peek(2));
        }
        if (t === 254 || t === 253) { // an int in a range: range.py _range_in (_range_not_in); 253: order.py _in (_not_in)
          handOver(u8((t === 254 ? LibKind.RANGE_IN : LibKind.IN) + arg));
          ok = handOverTop(frame, 2);
          break;
        }
        ok = t !== 255 && replaceTop(n, makeBool((t === 1) !== (arg !== 0)));
        break;
      }
      case Op.UNPACK_SEQUENCE: {
        const seq = asSequence(peek(1)); // any iterable
        if (seq === NULL) {
          ok = false;
          break;
        }
        const n = seqLength(seq);
        if (n !== arg) {
          ok = false;
          raise(Exc.ValueError);
          break;
        }
        drop(1);
        for (let i: u16 = 0; i < n; i = u16(i + 1)) push(seqItem(seq, u16(n - 1 - i)));
        break;
      }
      case Op.PUSH_EXC_INFO: {
        // The saved exception is NULL for none (CPython's None: no code reads it but POP_EXCEPT).
        const exc = pop();
        push(getRoot(Root.HANDLED));
        push(exc);
        setRoot(Root.HANDLED, exc);
        break;
      }
      case Op.POP_EXCEPT: {
        const saved = pop();
        setRoot(Root.HANDLED, saved);
        break;
      }
      case Op.LOAD_ASSERTION_ERROR:
        push(makeBuiltin(Exc.AssertionError));
        break;
      case Op.RERAISE:
      case Op.RAISE_VARARGS: {
        // RERAISE: TOS (the traceback keeps the original raise point, traceback.ts; the saved
        // offset at stack position n is not needed); RAISE_VARARGS 0: the handled exception.
        const exc = op === Op.RAISE_VARARGS && arg === 0 ? getRoot(Root.HANDLED) : pop();
        ok = false;
        if (exc === NULL) raise(Exc.RuntimeError);
        else if (excClassOf(exc) === 0) raise(Exc.TypeError);
        else raiseValue(exc);
        break;
      }
      case Op.GET_ITER:
        ok = replaceTop(1, getIter(peek(1)));
        break;
      case Op.FOR_ITER: {
        const next = iterNext(peek(1));
        if (next !== NULL) push(next);
        else if (excPending()) ok = false;
        else {
          drop(1);
          set16(u16(f + F.IP), arg);
        }
        break;
      }
      case Op.FORMAT_VALUE: {
        // The conversion first (!s, !r, !a; with no spec, str() of a non-str), then the spec:
        // outside library code format.py's _format_spec, in it the native float digits.
        const n: u8 = (arg & 4) !== 0 ? 2 : 1;
        if ((arg & 3) !== 0 || (n === 1 && !isStr(peek(1)))) {
          const x = render((arg & 2) !== 0 ? Render.REPR : Render.STR, peek(n), NULL);
          ok = x !== NULL;
          setPeek(n, x);
        }
        if (ok && n === 2) {
          if (isImage(get16(u16(f + F.FUNC)))) ok = replaceTop(2, render(Render.SPEC, peek(2), peek(1)));
          else {
            handOver(LibKind.SPEC);
            ok = handOverTop(frame, 2);
          }
        }
        break;
      }
      case Op.BUILD_STRING:
        ok = replaceTop(u8(arg), strBuild(slot(u8(arg)), arg));
        break;
      case Op.BUILD_SLICE: {
        const step = arg === 3 ? pop() : NONE;
        ok = replaceTop(2, newSlice(peek(2), peek(1), step));
        break;
      }
      case Op.BINARY_SUBSCR:
        ok = replaceTop(2, subscript(peek(2), peek(1)));
        if (!ok) ok = handOverTop(frame, 2); // a range's r[i]: range.py _range
        break;
      case Op.STORE_SUBSCR:
      case Op.DELETE_SUBSCR: {
        // container[index] = value (below them on the stack), del container[index]
        const n: u8 = op === Op.STORE_SUBSCR ? 3 : 2;
        const index = peek(1);
        if (isList(peek(2)) && isSlice(index)) { // a list slice: library code (list.py _slice_set)
          handOver(LibKind.SLICE_SET);
          ok = handOverTop(frame, n);
          break;
        }
        // None, as _slice_set returns it (the compiler writes a POP_TOP after)
        ok = storeItem(peek(2), index, n === 3 ? peek(3) : NULL) && replaceTop(n, NONE);
        break;
      }
      case Op.LOAD_GLOBAL_NULL:
      case Op.LOAD_GLOBAL: {
        // A global variable (constants 0 .. globalCount-1 name them), else a builtin. Library
        // code sees only builtins (a program's `len = 3` must not change sorted()); it runs in
        // functions, so module code (FUNC NULL) is not. The name is read only on a miss.
        let v: u16 = NULL;
        // (isImage of FUNC from its low byte: no get16 call on this hot path)
        if (arg < globalCount && (heap[u16(f + F.FUNC)] & 3) !== 2) v = tupleGet(getRoot(Root.GLOBALS), arg);
        if (v === NULL) {
          const name = constantValue(arg);
          v = lookupBuiltin(name);
          if (v === NULL) v = libLookup(name, LibKind.GLOBAL);
          if (v === NULL) {
            ok = false;
            raiseMsgOf(Msg.NAME, name, NULL);
            break;
          }
        }
        if (op === Op.LOAD_GLOBAL_NULL) push(NULL);
        push(v);
        break;
      }
      case Op.STORE_GLOBAL: {
        // The compiler makes every name the entry module stores a global variable (arg <
        // globalCount: trusted as STORE_FAST's local is). An unbound one holds NULL (reads then
        // fall through to the builtins / NameError); `del` stores a NULL (the compiler writes
        // PUSH_NULL, STORE_GLOBAL / STORE_FAST).
        const value = pop();
        tupleSet(getRoot(Root.GLOBALS), arg, value);
        break;
      }
      case Op.LOAD_FAST: {
        const v = get16(u16(f + F.LOCALS + arg * 2));
        if (v === NULL) {
          ok = false;
          raise(Exc.NameError);
          break;
        }
        push(v);
        break;
      }
      case Op.STORE_FAST:
        set16(u16(f + F.LOCALS + arg * 2), pop());
        break;
      case Op.BINARY_OP:
      case Op.COMPARE_OP:
        ok = replaceTop(2, op === Op.BINARY_OP ? binaryOp(u8(arg), peek(2), peek(1)) : compareOp(u8(arg), peek(2), peek(1)));
        // str % args, lists compared...: the operator hands them over to library code (format.py's _percent, order.py's _lt...)
        if (!ok) ok = handOverTop(frame, 2);
        break;
      case Op.UNARY_NEGATIVE:
      case Op.UNARY_POSITIVE:
      case Op.UNARY_INVERT:
        // numberUnary's kinds - + ~ are 0 1 2: the opcodes + - ~ are 3 4 6 (opcodes.ts)
        ok = replaceTop(1, numberUnary(u8(op - Op.UNARY_POSITIVE) ^ 1, peek(1)));
        break;
      case Op.COPY:
        push(peek(u8(arg)));
        break;
      case Op.SWAP: {
        const top = peek(1);
        setPeek(1, peek(u8(arg)));
        setPeek(u8(arg), top);
        break;
      }
      case Op.JUMP:
        set16(u16(f + F.IP), arg);
        // Ctrl-C is polled on backward jumps (every loop) and calls
        if (arg < start && interruptPending()) ok = raise(Exc.KeyboardInterrupt) !== NULL;
        break;
      case Op.IMPORT_NAME: {
        const m = builtinModule(constantValue(arg)); // TODO: modules compiled into the image
        ok = replaceTop(2, m === NULL ? raise(Exc.NotImplementedError) : m);
        break;
      }
      case Op.LOAD_METHOD:
      case Op.LOAD_ATTR: {
        const name = constantValue(arg);
        const obj = peek(1);
        if (op === Op.LOAD_METHOD) {
          let method = lookupMethod(obj, nameIndex(name));
          if (method === NULL) method = libLookup(name, libKindOf(obj));
          if (method !== NULL) {
            setPeek(1, method);
            push(obj);
            break;
          }
          // Not a method: [NULL, attribute] as CPython 3.11; the attribute as LOAD_ATTR reads it.
          setPeek(1, NULL);
          push(obj);
        }
        // A module's function written in Python (vm-spec/lib/board.py), else a native attribute
        let v = libLookup(name, moduleKind(obj));
        if (v === NULL) v = lookupAttr(obj, nameIndex(name));
        if (v === NULL) ok = raise(Exc.AttributeError) !== NULL;
        else setPeek(1, v);
        break;
      }
      case Op.POP_JUMP_IF_NONE:
      case Op.POP_JUMP_IF_NOT_NONE:
      case Op.POP_JUMP_IF_FALSE:
      case Op.POP_JUMP_IF_TRUE: {
        // t: 1 for a true or a not-None TOS; FALSE and NONE jump on 0, TRUE and NOT_NONE on 1
        const t: u8 = op >= Op.POP_JUMP_IF_NONE ? (peek(1) !== NONE ? 1 : 0) : truth(peek(1));
        drop(1);
        if (t === (u8(op - Op.POP_JUMP_IF_FALSE) & 1)) set16(u16(f + F.IP), arg);
        break;
      }
      case Op.CALL: {
        if (interruptPending()) {
          ok = raise(Exc.KeyboardInterrupt) !== NULL;
          break;
        }
        // [NULL, callable, args] or [method, self, args]: the self is the first argument.
        const cut = slot(u8(arg + 2));
        let first = u16(cut + 4);
        let count: u16 = arg;
        if (get16(cut) !== NULL) {
          first = u16(cut + 2);
          count = u16(arg + 1);
        }
        const callable = get16(u16(first - 2));
        const names = kwnames;
        kwnames = NULL;
        if (isFunc(callable)) {
          ok = callFunction(frame, callable, first, u8(count), names, cut);
          break;
        }
        setArgs(first, count, names);
        const result = callBuiltin(callable);
        // A builtin may hand its call over to library code (libfunc.ts handOver).
        if (result === NULL) ok = callHandedOver(frame, cut);
        else {
          set16(u16(f + F.SP), cut);
          push(result);
        }
        break;
      }
      case Op.RETURN_VALUE: {
        const result = pop();
        const back = get16(u16(f + F.BACK));
        if (back === NULL) return 0; // the module's code ended
        setRoot(Root.FRAME, back);
        cur = heapOffset(back);
        push(result);
        break;
      }
      case Op.MAKE_FUNCTION: {
        // Below the code: annotations (4, ignored), kw-defaults (2), defaults (1) when their bit is set.
        let n: u8 = (arg & 4) !== 0 ? 2 : 1;
        let kwdefaults: u16 = NULL;
        if ((arg & 2) !== 0) {
          n = u8(n + 1);
          kwdefaults = peek(n);
        }
        let defaults: u16 = NULL;
        if ((arg & 1) !== 0) {
          n = u8(n + 1);
          defaults = peek(n);
        }
        ok = replaceTop(n, newFunc(peek(1), defaults, kwdefaults));
        break;
      }
      default:
        raise(Exc.NotImplementedError);
        ok = false;
    }
    if (!ok) {
      set16(u16(f + F.IP), start);
      if (!unwind(op === Op.RERAISE || (op === Op.RAISE_VARARGS && arg === 0))) {
        printUncaught(getRoot(Root.FRAME));
        return 1;
      }
    }
  }
}

/** The entry module's global variables: slots 0 .. globalCount-1 of the GLOBALS root tuple. */
let globalCount: u16 = 0;

/** Index of parameter `name` in image tuple `params` (NULL: none), or 255. Names are pool strings: equal names are one record. */
function paramIndex(params: u16, name: u16): u8 {
  const n = params === NULL ? 0 : imageTupleLength(params);
  for (let i: u16 = 0; i < n; i = u16(i + 1)) {
    if (imageTupleItem(params, i) === name) return u8(i);
  }
  return 255;
}

/**
 * Calls Python function `func` with the `count` values at heap offset `first` (items of
 * the caller's stack)
 * (the last len(kwnames) of them keywords). On success the new frame is current and the
 * caller's stack is cut below the callable; false with an exception pending otherwise.
 */
function callFunction(caller: u16, func: u16, first: u16, count: u8, kwnames: u16, cut: u16): bool {
  const code = funcWord(func, 0);
  // A heap that cannot hold another frame is reported as the deep recursion it almost always is
  // (there is no depth limit: the 1,400-byte heap holds fewer than 100 frames of 16 bytes or more).
  const frame = newFrame(code, caller);
  if (frame === NULL) {
    raise(Exc.RecursionError);
    return false;
  }
  const nf = heapOffset(frame);
  const locals = u16(nf + F.LOCALS);
  set16(u16(nf + F.FUNC), func);
  const argcount = codeU8(code, Code.ARGCOUNT);
  const npos: u8 = u8(count - (kwnames === NULL ? 0 : imageTupleLength(kwnames))); // (the names are constants: image tuples, as the parameters)
  const defaults = funcWord(func, 1);
  const ndefaults: u8 = defaults === NULL ? 0 : u8(seqLength(defaults));
  if (npos > argcount) return callError(code, ndefaults, makeSmall(npos), 0);
  // Each argument into its parameter's slot: the positional ones in order, keywords by name.
  for (let i: u8 = 0; i < count; i = u8(i + 1)) {
    let p: u8 = i;
    if (i >= npos) {
      const name = imageTupleItem(kwnames, u8(i - npos));
      p = paramIndex(codeU16(code, Code.PARAMS), name);
      if (p === 255 || get16(u16(locals + p * 2)) !== NULL) return callError(code, ndefaults, name, p !== 255 ? 0xffff : 0xfffe);
    }
    set16(u16(locals + p * 2), get16(u16(first + i * 2)));
  }
  // Defaults; the parameters still unbound then are missing (positional ones reported first).
  const kwdefaults = funcWord(func, 2);
  const nparams: u8 = u8(argcount + codeU8(code, Code.KWONLY));
  let missing: u16 = 0; // (_call_error lists the first 14: the bits make a small int)
  let kwonly: bool = false;
  for (let i: u8 = 0; i < nparams; i = u8(i + 1)) {
    const slot = u16(locals + i * 2);
    if (get16(slot) === NULL) {
      if (i < argcount) {
        if (i + ndefaults >= argcount) set16(slot, seqItem(defaults, u8(i + ndefaults - argcount)));
      } else if (kwdefaults !== NULL) set16(slot, dictGet(kwdefaults, imageTupleItem(codeU16(code, Code.PARAMS), i)));
    }
    if (get16(slot) !== NULL || i > 13) continue;
    if (missing !== 0 && i >= argcount && !kwonly) break;
    kwonly = i >= argcount;
    missing = u16(missing | (1 << i));
  }
  if (missing !== 0) return callError(code, ndefaults, NONE, missing);
  set16(u16(cur + F.SP), cut);
  setRoot(Root.FRAME, frame);
  return true;
}

/**
 * A call of Python function `code` that does not match its parameters: lib _call_error(name,
 * params, argcount, ndefaults, given, missing) raises CPython's TypeError from a frame on top
 * of the caller's (missing: bit i for each unbound parameter i; 0 with given the positional
 * count: too many; -1 or -2 with given a keyword's name: one that names a bound parameter, one
 * that names none). The caller's stack stays as it is
 * (the raise unwinds it). A bare TypeError if the compiler did not add _call_error (lib.ts:
 * only to programs whose calls may not match).
 */
function callError(code: u16, ndefaults: u8, given: u16, missing: u16): bool {
  const func = libLookup(NULL, LibKind.CALL_ERROR);
  const frame = func === NULL ? NULL : newFrame(funcWord(func, 0), getRoot(Root.FRAME));
  if (frame === NULL) return raise(Exc.TypeError) !== NULL;
  const f = heapOffset(frame);
  set16(u16(f + F.FUNC), func);
  set16(u16(f + F.LOCALS), codeU16(code, Code.NAME));
  set16(u16(f + F.LOCALS + 2), codeU16(code, Code.PARAMS));
  set16(u16(f + F.LOCALS + 4), makeSmall(codeU8(code, Code.ARGCOUNT)));
  set16(u16(f + F.LOCALS + 6), makeSmall(ndefaults));
  set16(u16(f + F.LOCALS + 8), given);
  set16(u16(f + F.LOCALS + 10), makeSmall(missing));
  setRoot(Root.FRAME, frame);
  return true;
}

/** After a failed native operation: calls the library function it handed over to (libfunc.ts handOver), if any, on the arguments of args.ts. */
function callHandedOver(frame: u16, cut: u16): bool {
  const kind = takeHandOver();
  if (kind === 0) return false;
  const func = libLookup(NULL, kind);
  if (func === NULL) return raise(Exc.NotImplementedError) !== NULL; // the compiler did not add it
  return callFunction(frame, func, argsFirst(), u8(argsTotal()), argsNames(), cut);
}

/** callHandedOver on the top n stack items (an operator's operands; the VM's own hand-overs: SPEC, SLICE_SET). */
function handOverTop(frame: u16, n: u8): bool {
  setArgs(slot(n), n, NULL);
  return callHandedOver(frame, slot(n));
}

/**
 * Moves control to the handler of the pending exception; false when no frame handles it.
 * A re-raise (bare `raise`, RERAISE) continues the recorded traceback (traceback.ts), so it
 * keeps reporting the original raise point; any other raise starts a new one.
 */
function unwind(reraise: bool): bool {
  const current = getRoot(Root.FRAME);
  const raised = pendingExc();
  const continues = reraise && tbContinues(current, raised);
  if (!continues) tbReset();
  let frame: u16 = current;
  let at: u16 = 0;
  while (frame !== NULL) {
    const f = heapOffset(frame);
    const code = get16(u16(f + F.CODE));
    let ip = get16(u16(f + F.IP));
    // A caller's ip is its resume point; ip - 1 lies inside its CALL instruction.
    if (frame !== current) {
      ip = u16(ip - 1);
      set16(u16(f + F.IP), ip);
    }
    // The raise points of the frames being left and of the handling frame (a re-raising
    // frame's own point is already the last entry).
    if (!continues || frame !== current) tbAdd(code, ip);
    at = findHandler(code, ip);
    if (at !== 0) break;
    frame = get16(u16(f + F.BACK));
  }
  if (frame === NULL) {
    // Uncaught: a continued record is complete; else printUncaught reads the frames themselves.
    if (continues) tbUncaught(raised);
    return false;
  }
  const f = heapOffset(frame);
  const code = get16(u16(f + F.CODE));
  const depthLasti = imageU8(u16(at + 6));
  setRoot(Root.FRAME, frame);
  cur = f;
  set16(u16(f + F.SP), u16(stackBase(f, code) + (depthLasti >> 1) * 2));
  if ((depthLasti & 1) !== 0) push(makeSmall(get16(u16(f + F.IP))));
  // A raised class becomes an instance, as in CPython (if the heap has no room: the class).
  let exc = pendingExc();
  if (isExcClass(exc)) {
    const instance = newExc(excClassOf(exc), NULL);
    if (instance !== NULL) exc = instance;
  }
  push(exc);
  clearExc();
  tbHandledBy(frame, exc);
  set16(u16(f + F.IP), imageU16(u16(at + 4)));
  return true;
}
