# PlatformIO pre-build script: generate the VM's C from vm-spec/ before compiling.
Import("env")  # noqa: F821 (provided by PlatformIO's SCons)
import subprocess

subprocess.check_call(["node", "tools/svimpy.js", "gen"], cwd=env["PROJECT_DIR"])  # noqa: F821

# -mrelax also acts at link time (call/jmp become rcall/rjmp), but PlatformIO gives build_flags
# that start with -m to the compiler only; repeat it for the linker. (-flto: PlatformIO's
# atmelavr bare-metal builder already compiles and links with it.)
_flags = env.GetProjectOption("build_flags", "")  # noqa: F821
_flags = " ".join(_flags) if isinstance(_flags, list) else _flags
if "-mrelax" in _flags.split():
    env.Append(LINKFLAGS=["-mrelax"])  # noqa: F821

# A board's linker script (-Wl,-T,build/layout/<mcu>.ld): the linker's default with the order of
# firmware/avr/text-order.txt spliced in (tools/build/layout.ts), written as our own build does.
for _flag in _flags.split():
    if _flag.startswith("-Wl,-T,"):
        subprocess.check_call(  # noqa: F821
            ["node", "tools/svimpy.js", "layout", "--script", env.BoardConfig().get("build.mcu"), _flag[len("-Wl,-T,"):]],
            cwd=env["PROJECT_DIR"])  # noqa: F821
