# PlatformIO extra script of library.json (svimpy used as a library by another project):
# generates the VM's C into build/gen from vm-spec/ when Node is there, like tools/pio-gen.py
# does for this project's own [env:uno]. Without Node, build/gen must already exist.
# It also links the project in the order of firmware/avr/text-order.txt, as our own firmware is
# (about 900 bytes smaller: short calls between neighbours), through the linker script that
# `svimpy layout --script` writes; a library script reaches the final link only through the
# global environment (DefaultEnvironment), not its own `env`.
Import("env")  # noqa: F821 (provided by PlatformIO's SCons)
import os
import shutil
import subprocess

try:
    Import("pio_lib_builder")  # noqa: F821
    root = pio_lib_builder.path  # noqa: F821
except Exception:
    root = os.getcwd()

have_node = shutil.which("node") and os.path.exists(os.path.join(root, "node_modules"))
if have_node:
    subprocess.check_call(["node", "tools/svimpy.js", "gen"], cwd=root)
elif not os.path.exists(os.path.join(root, "build", "gen", "svimpy.c")):
    raise SystemExit("svimpy: build/gen/svimpy.c is missing: run `npm ci && npm run gen` in " + root)

if have_node:
    mcu = env.BoardConfig().get("build.mcu")  # noqa: F821
    script = os.path.join(root, "build", "layout", mcu + ".ld")
    subprocess.check_call(["node", "tools/svimpy.js", "layout", "--script", mcu, script], cwd=root)
    DefaultEnvironment().Append(LINKFLAGS=["-Wl,-T," + script])  # noqa: F821
