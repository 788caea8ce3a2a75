# PlatformIO extra script of library.json (svimpy used as a library by another project):
# generates the VM's C into build/gen from vm-spec/ when Node is there, like tools/pio-gen.py
# does for this project's own [env:uno]. Without Node, build/gen must already exist.
Import("env")  # noqa: F821 (provided by PlatformIO's SCons)
import os
import shutil
import subprocess

try:
    Import("pio_lib_builder")  # noqa: F821
    root = pio_lib_builder.path  # noqa: F821
except Exception:
    root = os.getcwd()

if shutil.which("node") and os.path.exists(os.path.join(root, "node_modules")):
    subprocess.check_call(["node", "tools/svimpy.js", "gen"], cwd=root)
elif not os.path.exists(os.path.join(root, "build", "gen", "svimpy.c")):
    raise SystemExit("svimpy: build/gen/svimpy.c is missing: run `npm ci && npm run gen` in " + root)
