// The VM's own opcode numbering (image format v5, docs/rpyc.md). Dense, so that the
// interpreter's switch needs a jump table of only as many entries as there are opcodes; an
// image of another numbering is refused by its format version.
// The argument width follows from the number:
//   0x00 .. FIRST_WITH_ARG-1          no argument (1 byte)
//   FIRST_WITH_ARG .. FIRST_JUMP-1    one argument byte (a preceding EXT supplies the high byte)
//   FIRST_JUMP ..                     a 2-byte little-endian jump target: a byte offset in the same code object
// "TOS" is the top of the value stack; "k" is a constant-table index (a name or a constant).
export const enum Op {
  // ---- no argument ----
  POP_TOP = 0x00, // pop 1
  PUSH_NULL = 0x01, // push NULL (marks "no self" below a callable, as in CPython 3.11)
  RETURN_VALUE = 0x02, // pop the return value, end the frame
  UNARY_POSITIVE = 0x03, // TOS = +TOS
  UNARY_NEGATIVE = 0x04, // TOS = -TOS
  UNARY_NOT = 0x05, // TOS = not TOS
  UNARY_INVERT = 0x06, // TOS = ~TOS
  BINARY_SUBSCR = 0x07, // pop key, pop obj, push obj[key]
  STORE_SUBSCR = 0x08, // pop key, pop obj, pop value: obj[key] = value; push None (the compiler writes a POP_TOP after)
  DELETE_SUBSCR = 0x09, // pop key, pop obj: del obj[key]; push None (as STORE_SUBSCR)
  GET_ITER = 0x0a, // TOS = iter(TOS)
  LIST_TO_TUPLE = 0x0b, // TOS = tuple(TOS list)
  PUSH_EXC_INFO = 0x0c, // pop exc; push the previously handled exception (or None); push exc; exc becomes the handled one
  POP_EXCEPT = 0x0d, // pop a saved exception and make it the handled one again
  CHECK_EXC_MATCH = 0x0e, // pop type (class or tuple of classes); push bool: isinstance(TOS exc, type) (exc stays)
  LOAD_ASSERTION_ERROR = 0x0f, // push the AssertionError class
  GET_LEN = 0x10, // push len(TOS) (TOS stays)
  NOP = 0x11, // no effect (the compiler normally drops NOPs; kept for hand-made images)

  // ---- one argument byte: n ----
  EXT = 0x12, // prefix: the next instruction's argument is (n << 8) | its own byte
  LOAD_CONST = 0x13, // push constant k
  LOAD_FAST = 0x14, // push local n (UnboundLocalError if NULL)
  STORE_FAST = 0x15, // pop into local n
  DELETE_FAST = 0x16, // (not used: the compiler writes PUSH_NULL, STORE_FAST n)
  LOAD_GLOBAL = 0x17, // push module global k, else builtin k (module code too: CPython's LOAD_NAME)
  LOAD_GLOBAL_NULL = 0x18, // push NULL, then as LOAD_GLOBAL k (CPython's LOAD_GLOBAL with oparg bit 0 set)
  STORE_GLOBAL = 0x19, // pop into module global k (STORE_NAME too)
  DELETE_GLOBAL = 0x1a, // (not used: the compiler writes PUSH_NULL, STORE_GLOBAL k)
  LOAD_ATTR = 0x1b, // TOS = getattr(TOS, name k)
  LOAD_METHOD = 0x1c, // pop obj; push (method, obj) if obj.k is a plain method, else (NULL, obj.k)
  IMPORT_NAME = 0x1d, // pop fromlist, pop level; push module named k
  CALL = 0x1e, // stack [NULL, callable, n args] or [method, self, n args] (after LOAD_METHOD); pop all, push the result
  KW_NAMES = 0x1f, // the next CALL's last len(const k) arguments are keywords named by tuple const k
  BINARY_OP = 0x20, // pop b, pop a, push a <op n> b; n is CPython 3.11's NB_* number (docs/rpyc.md)
  COMPARE_OP = 0x21, // pop b, pop a, push a <cmp n> b; n: 0 < 1 <= 2 == 3 != 4 > 5 >=
  IS_OP = 0x22, // pop b, pop a, push (a is b) xor n
  CONTAINS_OP = 0x23, // pop b, pop a, push (a in b) xor n
  BUILD_TUPLE = 0x24, // pop n items, push a tuple of them
  BUILD_LIST = 0x25, // pop n items, push a list of them
  BUILD_MAP = 0x26, // pop n key/value pairs (key pushed first), push a dict (n > 0: dict.py _build_map makes it)
  BUILD_CONST_KEY_MAP = 0x27, // pop a key tuple, pop n values, push a dict (dict.py _const_key_map makes it)
  BUILD_SLICE = 0x28, // n = 2: pop stop, start; n = 3: pop step, stop, start; push a slice
  BUILD_STRING = 0x29, // pop n strings, push their concatenation
  LIST_APPEND = 0x2a, // pop v; list at stack position n (1 = TOS after the pop) .append(v)
  LIST_EXTEND = 0x2b, // pop seq; list at position n .extend(seq)
  MAP_ADD = 0x2c, // pop value, pop key; dict at position n [key] = value
  UNPACK_SEQUENCE = 0x2d, // pop a sequence of exactly n items, push them last item first
  COPY = 0x2e, // push the n-th item (1 = TOS)
  SWAP = 0x2f, // swap TOS with the n-th item
  MAKE_FUNCTION = 0x30, // pop code; n & 1: pop a defaults tuple first, n & 2: pop a kw-defaults dict, n & 4: pop annotations (ignored); push the function
  RAISE_VARARGS = 0x31, // n = 0: re-raise the handled exception; n = 1: pop exc (class or instance) and raise it
  RERAISE = 0x32, // pop exc and raise it again; n != 0: a saved offset lies at stack position n (peeked, not popped; the VM may ignore it)
  FORMAT_VALUE = 0x33, // n & 3: conversion (0 none, 1 str, 2 repr, 3 ascii); n & 4: pop a format spec first; TOS = format(TOS)

  // ---- 2-byte jump target t (byte offset in this code object) ----
  JUMP = 0x34, // ip = t
  POP_JUMP_IF_FALSE = 0x35, // pop; if false: ip = t
  POP_JUMP_IF_TRUE = 0x36, // pop; if true: ip = t
  POP_JUMP_IF_NONE = 0x37, // pop; if None: ip = t
  POP_JUMP_IF_NOT_NONE = 0x38, // pop; if not None: ip = t
  FOR_ITER = 0x39, // push next(TOS iterator); when exhausted: pop the iterator, ip = t

  // Where the groups start (not opcodes).
  FIRST_WITH_ARG = 0x12, FIRST_JUMP = 0x34,
}
