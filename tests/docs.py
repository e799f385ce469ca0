#!/usr/bin/env python3
"""Run every command shown in the documentation and compare its output.

In README.md and docs/*.md, a fenced block marked ```console is a session:
a line starting with "$ " is a command, and the lines after it, up to the next
command or the end of the block, are its expected output (standard output and
standard error together, with NO_COLOR set).  A last line "[exit N]" gives the
expected exit status; without it the command must exit 0.

Each document runs in its own temporary directory, where the repository's
examples/, stdlib/, docs/ and tests/ are linked, so commands can use the
bundled files and create their own without touching the tree.  `quorate` is
the binary from the build directory.

Usage: python3 tests/docs.py BUILD [FILE.md...]   (UPDATE=1 rewrites the outputs)
"""
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FENCE = re.compile(r"^```console\s*$")


def sessions(text):
    """Yield (start, end) line indexes of each console block's body."""
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        if FENCE.match(lines[i]):
            j = i + 1
            while j < len(lines) and lines[j].strip() != "```":
                j += 1
            yield i + 1, j
            i = j
        i += 1


def commands(body):
    """Split a block's lines into (command, expected lines, status)."""
    out = []
    for line in body:
        if line.startswith("$ "):
            out.append([line[2:], [], 0])
        elif out:
            m = re.fullmatch(r"\[exit (\d+)\]", line)
            if m:
                out[-1][2] = int(m.group(1))
            else:
                out[-1][1].append(line)
    return out


def run(cmd, cwd, build):
    env = dict(os.environ, NO_COLOR="1", PATH=build + os.pathsep + os.environ["PATH"])
    env.pop("QUORATE_PATH", None)
    # Standard error is shown as a terminal shows it, whatever standard output
    # is redirected to: `quorate replay DIR > out.txt` shows its warnings.
    p = subprocess.run(["sh", "-c", "{ " + cmd + "\n} 2>&1"], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)
    return p.stdout.rstrip("\n").split("\n") if p.stdout.strip("\n") else [], p.returncode


def check_file(path, build, update):
    text = open(path, encoding="utf-8").read()
    lines = text.split("\n")
    failures = passed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for d in ("examples", "stdlib", "docs", "tests"):
            os.symlink(os.path.join(ROOT, d), os.path.join(tmp, d))
        new_lines = list(lines)
        offset = 0
        for start, end in sessions(text):
            rebuilt = []
            for cmd, expected, status in commands(lines[start:end]):
                got, code = run(cmd, tmp, build)
                rebuilt.append("$ " + cmd)
                rebuilt.extend(got)
                if code != 0:
                    rebuilt.append("[exit %d]" % code)
                if got == expected and code == status:
                    passed += 1
                    continue
                failures += 1
                if not update:
                    print("FAIL %s: $ %s" % (os.path.relpath(path, ROOT), cmd))
                    if code != status:
                        print("  exit status %d, expected %d" % (code, status))
                    import difflib
                    for d in difflib.unified_diff(expected, got, "documented", "actual", lineterm="", n=1):
                        print("  " + d)
            new_lines[start + offset:end + offset] = rebuilt
            offset += len(rebuilt) - (end - start)
        if update and failures:
            open(path, "w", encoding="utf-8").write("\n".join(new_lines))
    return passed, failures


def main():
    build = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build"))
    files = sys.argv[2:] or [os.path.join(ROOT, "README.md")] + sorted(
        os.path.join(ROOT, "docs", f) for f in os.listdir(os.path.join(ROOT, "docs")) if f.endswith(".md"))
    update = os.environ.get("UPDATE") == "1"
    passed = failed = 0
    for f in files:
        p, q = check_file(f, build, update)
        passed += p
        failed += q
    print("docs: %d commands as documented, %d differ" % (passed, failed))
    return 1 if failed and not update else 0


if __name__ == "__main__":
    sys.exit(main())
