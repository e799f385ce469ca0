#!/usr/bin/env python3
"""Validate JSON documents against a JSON Schema (draft 2020-12).

    python3 tests/schema/validate.py SCHEMA FILE_OR_DIR...

Each FILE is one JSON document.  A DIR stands for the JSON outputs of the
golden cases in it: every <case>.cmd of the schema's command (the word
before `.schema.json`: eval, replay, diff, explain) whose arguments include
`--format json` and that expects exit status 0 or 1, validated through its
<case>.stdout (e.g. `tests/golden/eval` for docs/schema/eval.schema.json).
The other schemas beside SCHEMA are available to its $refs.

Prints one line per document ("ok PATH" or "INVALID PATH" followed by each
error with its JSON path) and exits 0 if every document is valid, 1 if any
is invalid or unreadable, 2 on bad usage or an invalid schema.

Needs the jsonschema module: Debian package python3-jsonschema (4.10 or
later, for Draft202012Validator).
"""

import json
import os
import sys

try:
    import jsonschema
    from jsonschema import Draft202012Validator
except ImportError:  # pragma: no cover - reported, not tested
    sys.stderr.write("validate.py: the jsonschema module is missing "
                     "(apt-get install python3-jsonschema)\n")
    sys.exit(2)


def golden_outputs(directory, command):
    """The .stdout of each golden case in directory that prints command's JSON."""
    found = []
    for name in sorted(os.listdir(directory)):
        if not name.endswith(".cmd"):
            continue
        base = os.path.join(directory, name[:-len(".cmd")])
        with open(base + ".cmd", encoding="utf-8") as f:
            args = f.read().split()
        if not args or args[0] != command or "--format" not in args:
            continue
        i = args.index("--format")
        if i + 1 >= len(args) or args[i + 1] != "json":
            continue
        try:
            with open(base + ".status", encoding="utf-8") as f:
                status = f.read().strip()
        except OSError:
            status = ""
        if status in ("0", "1"):
            found.append(base + ".stdout")
    return found


def path_of(error):
    """A JSON path such as $.motions[1].findings[0].code."""
    out = "$"
    for part in error.absolute_path:
        out += "[%d]" % part if isinstance(part, int) else ".%s" % part
    return out


def main(argv):
    if len(argv) < 3 or argv[1] in ("-h", "--help"):
        sys.stderr.write(__doc__.split("\n\n")[1] + "\n")
        return 2
    try:
        with open(argv[1], encoding="utf-8") as f:
            schema = json.load(f)
        Draft202012Validator.check_schema(schema)
    except (OSError, ValueError, jsonschema.exceptions.SchemaError) as e:
        sys.stderr.write("validate.py: bad schema %s: %s\n" % (argv[1], e))
        return 2
    # $refs such as "eval.schema.json" resolve to the schemas beside it
    store = {}
    folder = os.path.dirname(os.path.abspath(argv[1]))
    for name in os.listdir(folder):
        if name.endswith(".schema.json"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                other = json.load(f)
            store[other.get("$id", name)] = other
    resolver = jsonschema.RefResolver.from_schema(schema, store=store)
    validator = Draft202012Validator(schema, resolver=resolver)
    command = os.path.basename(argv[1]).split(".")[0]

    documents = []
    for arg in argv[2:]:
        if os.path.isdir(arg):
            documents.extend(golden_outputs(arg, command))
        else:
            documents.append(arg)
    if not documents:
        sys.stderr.write("validate.py: no %s JSON outputs to validate in %s\n" % (command, " ".join(argv[2:])))
        return 2

    bad = 0
    for path in documents:
        try:
            with open(path, encoding="utf-8") as f:
                doc = json.load(f)
        except (OSError, ValueError) as e:
            print("INVALID %s: %s" % (path, e))
            bad += 1
            continue
        errors = sorted(validator.iter_errors(doc), key=lambda e: [str(p) for p in e.absolute_path])
        if not errors:
            print("ok %s" % path)
            continue
        bad += 1
        print("INVALID %s" % path)
        for e in errors:
            print("  %s: %s" % (path_of(e), e.message))
    print("%d valid, %d invalid" % (len(documents) - bad, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
