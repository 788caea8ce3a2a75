# Test helper: prints CPython 3.11's own view of a source file as JSON (code objects with their
# instructions and exception tables), for comparison with the image compiler's output.
import dis, json, sys, types

def enc(v):
    # Constants tagged by type, so that 1, 1.0 and True stay apart in JSON.
    if v is None: return None
    if isinstance(v, bool): return {'bool': v}
    if isinstance(v, int): return {'int': v}
    if isinstance(v, float): return {'float': v}
    if isinstance(v, str): return {'str': v}
    if isinstance(v, tuple): return {'tuple': [enc(x) for x in v]}
    if isinstance(v, types.CodeType): return {'code': '%s:%d' % (v.co_qualname, v.co_firstlineno)}
    return {'repr': repr(v)}

def code_info(co):
    instrs = []
    for ins in dis.get_instructions(co):
        argval = enc(ins.argval) if ins.opname in ('LOAD_CONST', 'KW_NAMES') else ins.argval
        if not isinstance(argval, (int, str, dict, type(None))):
            argval = ins.arg  # e.g. FORMAT_VALUE's (function, bool)
        instrs.append({'opname': ins.opname, 'arg': ins.arg, 'argval': argval, 'offset': ins.offset,
                       'jump': ins.opcode in dis.hasjrel})
    table = [{'start': e.start, 'end': e.end, 'target': e.target, 'depth': e.depth, 'lasti': e.lasti}
             for e in dis._parse_exception_table(co)]
    return {'qualname': co.co_qualname, 'firstlineno': co.co_firstlineno, 'instructions': instrs,
            'exceptions': table, 'code': co.co_code.hex(), 'names': list(co.co_names),
            'consts': [enc(c) for c in co.co_consts],
            'argcount': co.co_argcount, 'kwonlyargcount': co.co_kwonlyargcount, 'nlocals': co.co_nlocals,
            'stacksize': co.co_stacksize, 'flags': co.co_flags, 'varnames': list(co.co_varnames),
            'filename': co.co_filename, 'name': co.co_name}

def walk(co, out):
    out.append(code_info(co))
    for c in co.co_consts:
        if isinstance(c, types.CodeType):
            walk(c, out)
    return out

path, name = sys.argv[1], sys.argv[2]
print(json.dumps(walk(compile(open(path, 'rb').read(), name, 'exec', dont_inherit=True), [])))
