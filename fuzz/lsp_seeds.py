#!/usr/bin/env python3
"""fuzz/lsp_seeds.py DIR: seed sessions for fuzz_lsp (called by fuzz/seed.sh).

Each seed is what an editor would send: initialize, the opening of a terms
file or record from tests/lsp/ or examples/ (as an unsaved buffer, so the
fuzzer never reads the disk around it), a change, and a request of each kind
at a few positions, then shutdown and exit.
"""
import json
import os
import sys


def frame(msg):
    body = json.dumps(msg).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def session(text, name, enc):
    uri = "untitled:" + name
    out = [frame({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                  "params": {"capabilities": {"general": {"positionEncodings": [enc]}}}}),
           frame({"jsonrpc": "2.0", "method": "initialized", "params": {}}),
           frame({"jsonrpc": "2.0", "method": "textDocument/didOpen",
                  "params": {"textDocument": {"uri": uri, "languageId": "quorate", "version": 1, "text": text}}})]
    lines = text.count("\n") + 1
    n = 2
    for method in ("hover", "definition", "references", "completion", "prepareRename"):
        for line in (1, lines // 2, lines - 2):
            out.append(frame({"jsonrpc": "2.0", "id": n, "method": "textDocument/" + method,
                              "params": {"textDocument": {"uri": uri}, "position": {"line": line, "character": 9},
                                         "context": {"includeDeclaration": True}}}))
            n += 1
    for method in ("documentSymbol", "formatting", "semanticTokens/full"):
        out.append(frame({"jsonrpc": "2.0", "id": n, "method": "textDocument/" + method,
                          "params": {"textDocument": {"uri": uri}, "options": {}}}))
        n += 1
    out.append(frame({"jsonrpc": "2.0", "id": n, "method": "textDocument/rename",
                      "params": {"textDocument": {"uri": uri}, "position": {"line": lines // 2, "character": 9},
                                 "newName": "renamed"}}))
    out.append(frame({"jsonrpc": "2.0", "method": "textDocument/didChange",
                      "params": {"textDocument": {"uri": uri, "version": 2},
                                 "contentChanges": [{"range": {"start": {"line": 1, "character": 2},
                                                               "end": {"line": 2, "character": 0}}, "text": "x\n"}]}}))
    out.append(frame({"jsonrpc": "2.0", "id": n + 1, "method": "shutdown"}))
    out.append(frame({"jsonrpc": "2.0", "method": "exit"}))
    return b"".join(out)


def main():
    dest = sys.argv[1]
    os.makedirs(dest, exist_ok=True)
    sources = ["tests/lsp/cluster/terms.tor", "tests/lsp/cluster/2024-05-14.minutes",
               "examples/anytown/terms.tor", "examples/anytown/2024-05-14.minutes", "stdlib/std/majorities.tor"]
    for i, path in enumerate(sources):
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            text = f.read()
        for enc in ("utf-16", "utf-8"):
            name = "%s-%s" % (path.replace("/", "_"), enc)
            with open(os.path.join(dest, name), "wb") as f:
                f.write(session(text, os.path.basename(path), enc))


if __name__ == "__main__":
    main()
