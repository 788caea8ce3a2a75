// The VM's own opcode numbering (image format v1, docs/rpyc.md). Stable: never renumber.
// The argument width follows from the number:
//   0x00..0x3F  no argument (1 byte)
//   0x40..0x7F  one argument byte (a preceding EXT supplies the high byte)
//   0x80..0x9F  a 2-byte little-endian jump target: a byte offset in the same code object
// "TOS" is the top of the value stack; "k" is a constant-table index (a name or a constant).
export const enum Op {
  // ---- no argument ----
  NOP = 0x00, // no effect (the compiler normally drops NOPs; kept for hand-made images)
  POP_TOP = 0x01, // pop 1
  PUSH_NULL = 0x02, // push NULL (marks "no self" below a callable, as in CPython 3.11)
  RETURN_VALUE = 0x03, // pop the return value, end the frame
  UNARY_POSITIVE = 0x04, // TOS = +TOS
  UNARY_NEGATIVE = 0x05, // TOS = -TOS
  UNARY_NOT = 0x06, // TOS = not TOS
  UNARY_INVERT = 0x07, // TOS = ~TOS
  BINARY_SUBSCR = 0x08, // pop key, pop obj, push obj[key]
  STORE_SUBSCR = 0x09, // pop key, pop obj, pop value: obj[key] = value
  DELETE_SUBSCR = 0x0a, // pop key, pop obj: del obj[key]
  GET_ITER = 0x0b, // TOS = iter(TOS)
  LIST_TO_TUPLE = 0x0c, // TOS = tuple(TOS list)
  PUSH_EXC_INFO = 0x0d, // pop exc; push the previously handled exception (or None); push exc; exc becomes the handled one
  POP_EXCEPT = 0x0e, // pop a saved exception and make it the handled one again
  CHECK_EXC_MATCH = 0x0f, // pop type (class or tuple of classes); push bool: isinstance(TOS exc, type) (exc stays)
  LOAD_ASSERTION_ERROR = 0x10, // push the AssertionError class
  GET_LEN = 0x11, // push len(TOS) (TOS stays)

  // ---- one argument byte: n ----
  EXT = 0x40, // prefix: the next instruction's argument is (n << 8) | its own byte
  LOAD_CONST = 0x41, // push constant k
  LOAD_FAST = 0x42, // push local n (UnboundLocalError if NULL)
  STORE_FAST = 0x43, // pop into local n
  DELETE_FAST = 0x44, // local n = NULL
  LOAD_NAME = 0x45, // push module global named k, else builtin k (module level code)
  STORE_NAME = 0x46, // pop into module global k
  DELETE_NAME = 0x47, // delete module global k
  LOAD_GLOBAL = 0x48, // push module global k, else builtin k
  LOAD_GLOBAL_NULL = 0x49, // push NULL, then as LOAD_GLOBAL k (CPython's LOAD_GLOBAL with oparg bit 0 set)
  STORE_GLOBAL = 0x4a, // pop into module global k
  DELETE_GLOBAL = 0x4b, // delete module global k
  LOAD_ATTR = 0x4c, // TOS = getattr(TOS, name k)
  LOAD_METHOD = 0x4d, // pop obj; push (method, obj) if obj.k is a plain method, else (NULL, obj.k)
  IMPORT_NAME = 0x4e, // pop fromlist, pop level; push module named k
  IMPORT_FROM = 0x4f, // push getattr(TOS module, name k) (module stays)
  CALL = 0x50, // stack [NULL, callable, n args] or [method, self, n args] (after LOAD_METHOD); pop all, push the result
  KW_NAMES = 0x51, // the next CALL's last len(const k) arguments are keywords named by tuple const k
  BINARY_OP = 0x52, // pop b, pop a, push a <op n> b; n is CPython 3.11's NB_* number (docs/rpyc.md)
  COMPARE_OP = 0x53, // pop b, pop a, push a <cmp n> b; n: 0 < 1 <= 2 == 3 != 4 > 5 >=
  IS_OP = 0x54, // pop b, pop a, push (a is b) xor n
  CONTAINS_OP = 0x55, // pop b, pop a, push (a in b) xor n
  BUILD_TUPLE = 0x56, // pop n items, push a tuple of them
  BUILD_LIST = 0x57, // pop n items, push a list of them
  BUILD_MAP = 0x58, // pop n key/value pairs (key pushed first), push a dict
  BUILD_CONST_KEY_MAP = 0x59, // pop a key tuple, pop n values, push a dict
  BUILD_SLICE = 0x5a, // n = 2: pop stop, start; n = 3: pop step, stop, start; push a slice
  BUILD_STRING = 0x5b, // pop n strings, push their concatenation
  LIST_APPEND = 0x5c, // pop v; list at stack position n (1 = TOS after the pop) .append(v)
  LIST_EXTEND = 0x5d, // pop seq; list at position n .extend(seq)
  MAP_ADD = 0x5e, // pop value, pop key; dict at position n [key] = value
  UNPACK_SEQUENCE = 0x5f, // pop a sequence of exactly n items, push them last item first
  COPY = 0x60, // push the n-th item (1 = TOS)
  SWAP = 0x61, // swap TOS with the n-th item
  MAKE_FUNCTION = 0x62, // pop code; n & 1: pop a defaults tuple first, n & 2: pop a kw-defaults dict, n & 4: pop annotations (ignored); push the function
  RAISE_VARARGS = 0x63, // n = 0: re-raise the handled exception; n = 1: pop exc (class or instance) and raise it
  RERAISE = 0x64, // pop exc and raise it again; n != 0: a saved offset lies at stack position n (peeked, not popped; the VM may ignore it)
  FORMAT_VALUE = 0x65, // n & 3: conversion (0 none, 1 str, 2 repr, 3 ascii); n & 4: pop a format spec first; TOS = format(TOS)

  // ---- 2-byte jump target t (byte offset in this code object) ----
  JUMP = 0x80, // ip = t
  POP_JUMP_IF_FALSE = 0x81, // pop; if false: ip = t
  POP_JUMP_IF_TRUE = 0x82, // pop; if true: ip = t
  POP_JUMP_IF_NONE = 0x83, // pop; if None: ip = t
  POP_JUMP_IF_NOT_NONE = 0x84, // pop; if not None: ip = t
  JUMP_IF_FALSE_OR_POP = 0x85, // if TOS false: ip = t (TOS stays), else pop
  JUMP_IF_TRUE_OR_POP = 0x86, // if TOS true: ip = t (TOS stays), else pop
  FOR_ITER = 0x87, // push next(TOS iterator); when exhausted: pop the iterator, ip = t
}
