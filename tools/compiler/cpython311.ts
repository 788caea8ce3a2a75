// CPython 3.11's opcodes and how each maps onto the VM's (vm-spec/opcodes.ts). A later CPython
// needs a new file like this one; the rest of the compiler does not change.
import { Op } from '../../vm-spec/opcodes.ts';

/** How a CPython argument becomes ours. */
export type ArgKind =
  | 'none' // no argument
  | 'n' // copied as it is
  | 'name' // co_names[arg] -> constant-table index
  | 'const' // co_consts[arg] -> constant-table index
  | 'global' // LOAD_GLOBAL: name arg >> 1, bit 0 = push NULL first
  | 'jump-forward' // relative forward jump in code units
  | 'jump-backward'; // relative backward jump in code units

export type Mapping =
  // copy: a COPY 1 first, pushNull: a PUSH_NULL first, popAfter: a POP_TOP after (instructions
  // the VM does without, written with others: JUMP_IF_FALSE_OR_POP t = COPY 1,
  // POP_JUMP_IF_FALSE t, POP_TOP; DELETE_FAST n = PUSH_NULL, STORE_FAST n)
  | { kind: 'op'; op: Op; arg: ArgKind; copy?: boolean; pushNull?: boolean; popAfter?: boolean }
  | { kind: 'drop' } // no run-time effect for the VM
  | { kind: 'extended-arg' }
  | { kind: 'refuse'; reason: string };

export interface CPythonOp { name: string; caches: number; mapping: Mapping }

const op = (o: Op, arg: ArgKind = 'none'): Mapping => ({ kind: 'op', op: o, arg });
const refuse = (reason: string): Mapping => ({ kind: 'refuse', reason });
const drop: Mapping = { kind: 'drop' };
/** `del name`: the VM stores a NULL (an unbound name). */
const del = (o: Op, arg: ArgKind): Mapping => ({ kind: 'op', op: o, arg, pushNull: true });

const CLOSURES = 'closures are not supported by sVimPy yet (a nested function uses a variable of its enclosing function)';
const GENERATORS = 'generators are not supported by sVimPy yet (yield)';
const ASYNC = 'async functions are not supported by sVimPy yet';
const SETS = 'sets are not supported by sVimPy yet';
const MATCH = 'the match statement is not supported by sVimPy yet';

// number: [name, inline CACHE units, mapping] (numbers and caches from CPython 3.11's opcode.py)
const TABLE: [number, string, number, Mapping][] = [
  [0, 'CACHE', 0, drop],
  [1, 'POP_TOP', 0, op(Op.POP_TOP)],
  [2, 'PUSH_NULL', 0, op(Op.PUSH_NULL)],
  [9, 'NOP', 0, drop],
  [10, 'UNARY_POSITIVE', 0, op(Op.UNARY_POSITIVE)],
  [11, 'UNARY_NEGATIVE', 0, op(Op.UNARY_NEGATIVE)],
  [12, 'UNARY_NOT', 0, op(Op.UNARY_NOT)],
  [15, 'UNARY_INVERT', 0, op(Op.UNARY_INVERT)],
  [25, 'BINARY_SUBSCR', 4, op(Op.BINARY_SUBSCR)],
  [30, 'GET_LEN', 0, op(Op.GET_LEN)],
  [31, 'MATCH_MAPPING', 0, refuse(MATCH)],
  [32, 'MATCH_SEQUENCE', 0, refuse(MATCH)],
  [33, 'MATCH_KEYS', 0, refuse(MATCH)],
  [35, 'PUSH_EXC_INFO', 0, op(Op.PUSH_EXC_INFO)],
  [36, 'CHECK_EXC_MATCH', 0, op(Op.CHECK_EXC_MATCH)],
  [37, 'CHECK_EG_MATCH', 0, refuse('except* is not supported by sVimPy')],
  [49, 'WITH_EXCEPT_START', 0, refuse('the with statement is not supported by sVimPy yet')],
  [50, 'GET_AITER', 0, refuse(ASYNC)],
  [51, 'GET_ANEXT', 0, refuse(ASYNC)],
  [52, 'BEFORE_ASYNC_WITH', 0, refuse(ASYNC)],
  [53, 'BEFORE_WITH', 0, refuse('the with statement is not supported by sVimPy yet')],
  [54, 'END_ASYNC_FOR', 0, refuse(ASYNC)],
  // (they push None, as a list slice's _slice_set returns it: a POP_TOP after drops it)
  [60, 'STORE_SUBSCR', 1, { kind: 'op', op: Op.STORE_SUBSCR, arg: 'none', popAfter: true }],
  [61, 'DELETE_SUBSCR', 0, { kind: 'op', op: Op.DELETE_SUBSCR, arg: 'none', popAfter: true }],
  [68, 'GET_ITER', 0, op(Op.GET_ITER)],
  [69, 'GET_YIELD_FROM_ITER', 0, refuse(GENERATORS)],
  [70, 'PRINT_EXPR', 0, refuse('interactive-mode code is not supported')],
  [71, 'LOAD_BUILD_CLASS', 0, refuse('classes are not supported by sVimPy yet (class statement)')],
  [74, 'LOAD_ASSERTION_ERROR', 0, op(Op.LOAD_ASSERTION_ERROR)],
  [75, 'RETURN_GENERATOR', 0, refuse(GENERATORS)],
  [82, 'LIST_TO_TUPLE', 0, op(Op.LIST_TO_TUPLE)],
  [83, 'RETURN_VALUE', 0, op(Op.RETURN_VALUE)],
  [84, 'IMPORT_STAR', 0, refuse("'from module import *' is not supported by sVimPy; import the names you use")],
  [85, 'SETUP_ANNOTATIONS', 0, refuse('variable annotations at module level are not supported by sVimPy; drop the annotation')],
  [86, 'YIELD_VALUE', 0, refuse(GENERATORS)],
  [87, 'ASYNC_GEN_WRAP', 0, refuse(ASYNC)],
  [88, 'PREP_RERAISE_STAR', 0, refuse('except* is not supported by sVimPy')],
  [89, 'POP_EXCEPT', 0, op(Op.POP_EXCEPT)],
  [90, 'STORE_NAME', 0, op(Op.STORE_GLOBAL, 'name')],
  [91, 'DELETE_NAME', 0, del(Op.STORE_GLOBAL, 'name')],
  [92, 'UNPACK_SEQUENCE', 1, op(Op.UNPACK_SEQUENCE, 'n')],
  [93, 'FOR_ITER', 0, op(Op.FOR_ITER, 'jump-forward')],
  [94, 'UNPACK_EX', 0, refuse('starred assignment (a, *b = ...) is not supported by sVimPy yet')],
  [95, 'STORE_ATTR', 4, refuse('attribute assignment (obj.name = value) is not supported by sVimPy yet')],
  [96, 'DELETE_ATTR', 0, refuse('attribute deletion (del obj.name) is not supported by sVimPy yet')],
  [97, 'STORE_GLOBAL', 0, op(Op.STORE_GLOBAL, 'name')],
  [98, 'DELETE_GLOBAL', 0, del(Op.STORE_GLOBAL, 'name')],
  [99, 'SWAP', 0, op(Op.SWAP, 'n')],
  [100, 'LOAD_CONST', 0, op(Op.LOAD_CONST, 'const')],
  [101, 'LOAD_NAME', 0, op(Op.LOAD_GLOBAL, 'name')],
  [102, 'BUILD_TUPLE', 0, op(Op.BUILD_TUPLE, 'n')],
  [103, 'BUILD_LIST', 0, op(Op.BUILD_LIST, 'n')],
  [104, 'BUILD_SET', 0, refuse(SETS)],
  [105, 'BUILD_MAP', 0, op(Op.BUILD_MAP, 'n')],
  [106, 'LOAD_ATTR', 4, op(Op.LOAD_ATTR, 'name')],
  [107, 'COMPARE_OP', 2, op(Op.COMPARE_OP, 'n')],
  [108, 'IMPORT_NAME', 0, op(Op.IMPORT_NAME, 'name')],
  [109, 'IMPORT_FROM', 0, { kind: 'op', op: Op.LOAD_ATTR, arg: 'name', copy: true }],
  [110, 'JUMP_FORWARD', 0, op(Op.JUMP, 'jump-forward')],
  [111, 'JUMP_IF_FALSE_OR_POP', 0, { kind: 'op', op: Op.POP_JUMP_IF_FALSE, arg: 'jump-forward', copy: true, popAfter: true }],
  [112, 'JUMP_IF_TRUE_OR_POP', 0, { kind: 'op', op: Op.POP_JUMP_IF_TRUE, arg: 'jump-forward', copy: true, popAfter: true }],
  [114, 'POP_JUMP_FORWARD_IF_FALSE', 0, op(Op.POP_JUMP_IF_FALSE, 'jump-forward')],
  [115, 'POP_JUMP_FORWARD_IF_TRUE', 0, op(Op.POP_JUMP_IF_TRUE, 'jump-forward')],
  [116, 'LOAD_GLOBAL', 5, op(Op.LOAD_GLOBAL, 'global')],
  [117, 'IS_OP', 0, op(Op.IS_OP, 'n')],
  [118, 'CONTAINS_OP', 0, op(Op.CONTAINS_OP, 'n')],
  [119, 'RERAISE', 0, op(Op.RERAISE, 'n')],
  [120, 'COPY', 0, op(Op.COPY, 'n')],
  [122, 'BINARY_OP', 1, op(Op.BINARY_OP, 'n')],
  [123, 'SEND', 0, refuse(GENERATORS)],
  [124, 'LOAD_FAST', 0, op(Op.LOAD_FAST, 'n')],
  [125, 'STORE_FAST', 0, op(Op.STORE_FAST, 'n')],
  [126, 'DELETE_FAST', 0, del(Op.STORE_FAST, 'n')],
  [128, 'POP_JUMP_FORWARD_IF_NOT_NONE', 0, op(Op.POP_JUMP_IF_NOT_NONE, 'jump-forward')],
  [129, 'POP_JUMP_FORWARD_IF_NONE', 0, op(Op.POP_JUMP_IF_NONE, 'jump-forward')],
  [130, 'RAISE_VARARGS', 0, op(Op.RAISE_VARARGS, 'n')],
  [131, 'GET_AWAITABLE', 0, refuse(ASYNC)],
  [132, 'MAKE_FUNCTION', 0, op(Op.MAKE_FUNCTION, 'n')],
  [133, 'BUILD_SLICE', 0, op(Op.BUILD_SLICE, 'n')],
  [134, 'JUMP_BACKWARD_NO_INTERRUPT', 0, op(Op.JUMP, 'jump-backward')],
  [135, 'MAKE_CELL', 0, refuse(CLOSURES)],
  [136, 'LOAD_CLOSURE', 0, refuse(CLOSURES)],
  [137, 'LOAD_DEREF', 0, refuse(CLOSURES)],
  [138, 'STORE_DEREF', 0, refuse(CLOSURES)],
  [139, 'DELETE_DEREF', 0, refuse(CLOSURES)],
  [140, 'JUMP_BACKWARD', 0, op(Op.JUMP, 'jump-backward')],
  [142, 'CALL_FUNCTION_EX', 0, refuse('star-arguments in calls (f(*args), f(**kwargs)) are not supported by sVimPy yet')],
  [144, 'EXTENDED_ARG', 0, { kind: 'extended-arg' }],
  [145, 'LIST_APPEND', 0, op(Op.LIST_APPEND, 'n')],
  [146, 'SET_ADD', 0, refuse(SETS)],
  [147, 'MAP_ADD', 0, op(Op.MAP_ADD, 'n')],
  [148, 'LOAD_CLASSDEREF', 0, refuse(CLOSURES)],
  [149, 'COPY_FREE_VARS', 0, refuse(CLOSURES)],
  [151, 'RESUME', 0, drop],
  [152, 'MATCH_CLASS', 0, refuse(MATCH)],
  [155, 'FORMAT_VALUE', 0, op(Op.FORMAT_VALUE, 'n')],
  [156, 'BUILD_CONST_KEY_MAP', 0, op(Op.BUILD_CONST_KEY_MAP, 'n')],
  [157, 'BUILD_STRING', 0, op(Op.BUILD_STRING, 'n')],
  [160, 'LOAD_METHOD', 10, op(Op.LOAD_METHOD, 'name')],
  [162, 'LIST_EXTEND', 0, op(Op.LIST_EXTEND, 'n')],
  [163, 'SET_UPDATE', 0, refuse(SETS)],
  [164, 'DICT_MERGE', 0, refuse('** arguments in calls are not supported by sVimPy yet')],
  [165, 'DICT_UPDATE', 0, refuse('** in dict displays ({**d}) is not supported by sVimPy yet')],
  [166, 'PRECALL', 1, drop],
  [171, 'CALL', 4, op(Op.CALL, 'n')],
  [172, 'KW_NAMES', 0, op(Op.KW_NAMES, 'const')],
  [173, 'POP_JUMP_BACKWARD_IF_NOT_NONE', 0, op(Op.POP_JUMP_IF_NOT_NONE, 'jump-backward')],
  [174, 'POP_JUMP_BACKWARD_IF_NONE', 0, op(Op.POP_JUMP_IF_NONE, 'jump-backward')],
  [175, 'POP_JUMP_BACKWARD_IF_FALSE', 0, op(Op.POP_JUMP_IF_FALSE, 'jump-backward')],
  [176, 'POP_JUMP_BACKWARD_IF_TRUE', 0, op(Op.POP_JUMP_IF_TRUE, 'jump-backward')],
];

export const CPYTHON311 = new Map<number, CPythonOp>(TABLE.map(([n, name, caches, mapping]) => [n, { name, caches, mapping }]));
