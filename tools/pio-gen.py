# PlatformIO pre-build script: generate the VM's C from vm-spec/ before compiling.
Import("env")  # noqa: F821 (provided by PlatformIO's SCons)
import subprocess

subprocess.check_call(["node", "tools/svimpy.js", "gen"], cwd=env["PROJECT_DIR"])  # noqa: F821
