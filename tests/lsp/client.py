#!/usr/bin/env python3
"""tests/lsp/client.py: a scripted client for `quorate lsp` (standard library only).

    python3 tests/lsp/client.py BUILD_DIR            run every session
    UPDATE=1 python3 tests/lsp/client.py BUILD_DIR   rewrite the golden files
    python3 tests/lsp/client.py BUILD_DIR NAME...    only these sessions

Each session starts the real binary (BUILD_DIR/quorate lsp -I stdlib) over
pipes, from the repository root, and goes through a conversation as an
editor would: initialize, open, change, ask, shutdown, exit.  Everything the
server sends is written to a transcript, one message after each step, and
the transcript is compared with tests/lsp/golden/NAME.txt.  Paths of the
checkout are written $ROOT so the files do not depend on where it is.  The
server's exit status and standard error are part of the transcript.  A
session that waits more than 20 s for a message fails (a hang).
"""

import json
import os
import select
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GOLDEN = os.path.join(ROOT, "tests", "lsp", "golden")
CLUSTER = os.path.join(ROOT, "tests", "lsp", "cluster")
TIMEOUT = 20.0


def uri(path):
    return "file://" + os.path.abspath(path)


def read_text(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def position(text, needle, nth=1, offset=0, encoding="utf-16"):
    """The protocol position of the nth occurrence of needle (plus offset characters)."""
    at = -1
    for _ in range(nth):
        at = text.index(needle, at + 1)
    at += offset
    line = text.count("\n", 0, at)
    start = text.rfind("\n", 0, at) + 1
    before = text[start:at]
    if encoding == "utf-8":
        character = len(before.encode("utf-8"))
    else:
        character = len(before.encode("utf-16-le")) // 2
    return {"line": line, "character": character}


class Session:
    def __init__(self, build, name, env_extra=None):
        self.name = name
        self.lines = []
        self.next_id = 1
        env = {k: v for k, v in os.environ.items() if k != "QUORATE_PATH"}
        env["NO_COLOR"] = "1"
        env["LC_ALL"] = "C"
        env.update(env_extra or {})
        self.proc = subprocess.Popen([os.path.join(build, "quorate"), "lsp", "-I", "stdlib"], cwd=ROOT,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     env=env)
        self.buf = b""

    # ---- the wire ----
    def raw(self, data, note):
        """Send bytes as they are (for framing tests)."""
        self.lines.append("--> " + note)
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def frame(self, msg):
        body = json.dumps(msg).encode("utf-8")
        return b"Content-Length: %d\r\n\r\n" % len(body) + body

    def read_message(self):
        deadline = time.time() + TIMEOUT
        while True:
            head_end = self.buf.find(b"\r\n\r\n")
            if head_end >= 0:
                headers = self.buf[:head_end].decode("ascii").split("\r\n")
                length = None
                for h in headers:
                    k, _, v = h.partition(":")
                    if k.lower() == "content-length":
                        length = int(v)
                if length is None:
                    raise AssertionError("server sent a message without Content-Length: %r" % headers)
                if len(self.buf) >= head_end + 4 + length:
                    body = self.buf[head_end + 4:head_end + 4 + length]
                    self.buf = self.buf[head_end + 4 + length:]
                    return json.loads(body.decode("utf-8"))
            left = deadline - time.time()
            if left <= 0:
                raise AssertionError("no message from the server in %d s (a hang?)" % TIMEOUT)
            ready, _, _ = select.select([self.proc.stdout], [], [], left)
            if ready:
                chunk = os.read(self.proc.stdout.fileno(), 65536)
                if not chunk:
                    raise AssertionError("the server closed its output")
                self.buf += chunk

    def record(self, msg):
        self.lines.append("<-- " + json.dumps(msg, indent=1, sort_keys=True, ensure_ascii=False))

    def until_response(self, want_id):
        while True:
            msg = self.read_message()
            if msg.get("id") == want_id and "method" not in msg:
                return msg
            self.record(msg)

    # ---- messages ----
    def request(self, method, params=None, note=None):
        mid = self.next_id
        self.next_id += 1
        msg = {"jsonrpc": "2.0", "id": mid, "method": method}
        if params is not None:
            msg["params"] = params
        self.raw(self.frame(msg), note or method)
        reply = self.until_response(mid)
        self.record(reply)
        return reply

    def notify(self, method, params=None, note=None):
        msg = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            msg["params"] = params
        self.raw(self.frame(msg), note or method)
        self.sync()

    def sync(self):
        """Collect what the server sent for the last message: it answers in
        order, so everything before the reply to this request belongs to it."""
        mid = self.next_id
        self.next_id += 1
        self.proc.stdin.write(self.frame({"jsonrpc": "2.0", "id": mid, "method": "quorate/sync"}))
        self.proc.stdin.flush()
        reply = self.until_response(mid)
        if reply.get("error", {}).get("code") not in (-32601, -32002, -32600):
            raise AssertionError("sync request answered unexpectedly: %r" % reply)

    def sync_raw(self):
        self.sync()

    # ---- ends ----
    def finish(self, close=True):
        if close:
            self.proc.stdin.close()
        try:
            status = self.proc.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise AssertionError("the server did not exit")
        rest = self.buf + self.proc.stdout.read()
        err = self.proc.stderr.read().decode("utf-8", "replace")
        self.lines.append("exit status %d" % status)
        if rest:
            self.lines.append("unread output: %r" % rest[:200])
        if err:
            self.lines.append("stderr: " + err)
        return "\n".join(self.lines).replace(ROOT, "$ROOT") + "\n"


def init(s, utf8=False):
    caps = {"general": {"positionEncodings": ["utf-8", "utf-16"]}} if utf8 else {}
    s.request("initialize", {"processId": None, "rootUri": uri(ROOT), "capabilities": caps})
    s.notify("initialized", {})


def open_doc(s, path, text=None, lang="quorate"):
    text = read_text(path) if text is None else text
    s.notify("textDocument/didOpen", {"textDocument": {"uri": uri(path), "languageId": lang, "version": 1,
                                                       "text": text}}, note="didOpen " + os.path.relpath(path, ROOT))
    return text


def at(path, text, needle, nth=1, offset=0, encoding="utf-16"):
    return {"textDocument": {"uri": uri(path)}, "position": position(text, needle, nth, offset, encoding)}


def end(s):
    s.request("shutdown")
    s.raw(s.frame({"jsonrpc": "2.0", "method": "exit"}), "exit")


# ---- sessions ------------------------------------------------------------------------


def session_terms(s):
    """A terms file: diagnostics, hover, definition, references, outline,
    completion, formatting, semantic tokens, rename, changes."""
    init(s)
    path = os.path.join(CLUSTER, "terms.tor")
    text = open_doc(s, path)
    s.request("textDocument/hover", at(path, text, "financial §"), note="hover class financial")
    s.request("textDocument/hover", at(path, text, "require yes >= 75%", offset=10), note="hover inside class financial")
    s.request("textDocument/hover", at(path, text, "quorum §", offset=2), note="hover quorum")
    s.request("textDocument/hover", at(path, text, "alice"), note="hover member alice")
    s.request("textDocument/hover", at(path, text, "practice", nth=2), note="hover role practice in a member line")
    s.request("textDocument/hover", at(path, text, "clinician", nth=4), note="hover tag clinician in present(...)")
    s.request("textDocument/hover", at(path, text, "majority_of_cast"), note="hover rule from std.majorities")
    s.request("textDocument/hover", at(path, text, "clinicians_agree"), note="hover local rule")
    s.request("textDocument/hover", at(path, text, "version"), note="hover where there is nothing")
    s.request("textDocument/definition", at(path, text, "practice", nth=3), note="definition of role practice")
    s.request("textDocument/definition", at(path, text, "majority_of_cast"), note="definition into stdlib")
    s.request("textDocument/definition", at(path, text, "std.majorities", offset=4), note="definition of a use")
    s.request("textDocument/references", dict(at(path, text, "practice"), context={"includeDeclaration": True}),
              note="references of role practice")
    s.request("textDocument/references", dict(at(path, text, "clinician"), context={"includeDeclaration": False}),
              note="references of tag clinician, without the declaration")
    s.request("textDocument/documentSymbol", {"textDocument": {"uri": uri(path)}})
    s.request("textDocument/completion", at(path, text, "clinician\n", offset=0), note="completion in a member line")
    s.request("textDocument/completion", at(path, text, "  consensus", offset=2), note="completion at a line start in terms")
    s.request("textDocument/completion", at(path, text, "present >= 3", offset=0),
              note="completion in a require")
    s.request("textDocument/completion", at(path, text, "(clinician)", offset=1), note="completion in present(...)")
    s.request("textDocument/completion", at(path, text, "std.majorities"), note="completion after use")
    s.request("textDocument/formatting", {"textDocument": {"uri": uri(path)}, "options": {"tabSize": 2,
                                                                                      "insertSpaces": True}})
    s.request("textDocument/semanticTokens/full", {"textDocument": {"uri": uri(path)}})
    s.request("textDocument/prepareRename", at(path, text, "practice", nth=3), note="prepareRename role practice")
    s.request("textDocument/rename", dict(at(path, text, "practice", nth=3), newName="surgery"), note="rename practice")
    s.request("textDocument/rename", dict(at(path, text, "bob"), newName="class"), note="rename to a reserved word")
    s.request("textDocument/rename", dict(at(path, text, "bob"), newName="carol"), note="rename onto another name")
    s.request("textDocument/rename", dict(at(path, text, "75%"), newName="x"), note="rename where there is no name")
    # an edit that breaks the file, then one that mends it
    broken = position(text, "require present >= 3", offset=len("require present >= "))
    s.notify("textDocument/didChange", {
        "textDocument": {"uri": uri(path), "version": 2},
        "contentChanges": [{"range": {"start": broken, "end": {"line": broken["line"], "character": broken["character"] + 1}},
                            "text": "30"}]}, note="didChange: a quorum of 30")
    s.notify("textDocument/didChange", {
        "textDocument": {"uri": uri(path), "version": 3},
        "contentChanges": [{"range": {"start": broken, "end": {"line": broken["line"], "character": broken["character"] + 2}},
                            "text": "3 and"}]}, note="didChange: a syntax error")
    s.request("textDocument/formatting", {"textDocument": {"uri": uri(path)}, "options": {}}, note="formatting a broken file")
    # a rule misspelled: the diagnostic, and the quick fix when it carries one
    typo = position(text, "majority_of_cast", offset=len("majority_of_c"))
    s.notify("textDocument/didChange", {
        "textDocument": {"uri": uri(path), "version": 4},
        "contentChanges": [{"text": text.replace("require present >= 3", "require present >= 3\n")},
                           {"range": {"start": {"line": typo["line"] + 1, "character": typo["character"]},
                                      "end": {"line": typo["line"] + 1, "character": typo["character"] + 1}},
                            "text": ""}]}, note="didChange: the whole text, then majority_of_cst")
    s.request("textDocument/codeAction", {"textDocument": {"uri": uri(path)},
                                          "range": {"start": {"line": typo["line"] + 1, "character": 12},
                                                    "end": {"line": typo["line"] + 1, "character": 12}},
                                          "context": {"diagnostics": []}}, note="quick fixes for majority_of_cst")
    s.notify("textDocument/didChange", {"textDocument": {"uri": uri(path), "version": 5},
                                        "contentChanges": [{"text": text}]}, note="didChange: the whole text again")
    s.notify("textDocument/didClose", {"textDocument": {"uri": uri(path)}})
    end(s)


def session_record(s):
    """A record judged against the terms beside it; hover on a motion;
    definition and references across the two files; rename across them."""
    init(s)
    terms = os.path.join(CLUSTER, "terms.tor")
    record = os.path.join(CLUSTER, "2024-05-14.minutes")
    rtext = open_doc(s, record)
    s.request("textDocument/hover", at(record, rtext, "Buy a van"), note="hover motion 2")
    s.request("textDocument/hover", at(record, rtext, "dan", nth=2), note="hover member dan in a vote")
    s.request("textDocument/definition", at(record, rtext, "carol"), note="definition of carol in the terms")
    s.request("textDocument/definition", at(record, rtext, "Cwm Taf"), note="definition of the body named")
    s.request("textDocument/completion", at(record, rtext, "against dan", offset=len("against ")),
              note="completion of a vote line")
    s.request("textDocument/completion", at(record, rtext, "recorded carried", offset=len("recorded ")),
              note="completion after recorded")
    s.request("textDocument/completion", at(record, rtext, "    for alice, bob,", offset=4),
              note="completion at a line start in a motion")
    s.request("textDocument/documentSymbol", {"textDocument": {"uri": uri(record)}})
    s.request("textDocument/rename", dict(at(record, rtext, "dan"), newName="daniel"),
              note="rename dan with the terms closed")
    ttext = open_doc(s, terms)
    s.request("textDocument/references", dict(at(terms, ttext, "dan"), context={"includeDeclaration": True}),
              note="references of dan in both files")
    s.request("textDocument/rename", dict(at(record, rtext, "dan"), newName="daniel"), note="rename dan in both files")
    # unsaved terms judge the record: make the van motion an ordinary one
    s.notify("textDocument/didChange", {"textDocument": {"uri": uri(terms), "version": 2},
                                        "contentChanges": [{"text": ttext.replace("when motion.financial",
                                                                                  "when motion.amount > 1000")}]},
             note="didChange terms: financial means an amount over 1000")
    end(s)


def session_encoding(s, utf8):
    """Positions in UTF-16 code units (default) or UTF-8 bytes (when offered)."""
    init(s, utf8=utf8)
    enc = "utf-8" if utf8 else "utf-16"
    path = os.path.join(ROOT, "tests", "lsp", "unsaved-welsh.tor")
    text = ('terms "Clwstwr Llŷr" {\n'
            '  effective 2024-04-01\n'
            '  role arweinydd "Arweinydd ŵ 😀" voting\n'
            '  member sion "Siôn 😀 Ŵyn" arweinydd  # 😀 ŵ\n'
            '  quorum { require present >= 1 }\n'
            '  class pob { require yes > half of cast }\n'
            '}\n')
    open_doc(s, path, text)
    s.request("textDocument/hover", at(path, text, "arweinydd  #", encoding=enc), note="hover after Welsh and astral text")
    s.request("textDocument/definition", at(path, text, "arweinydd  #", offset=3, encoding=enc), note="definition")
    s.request("textDocument/references", dict(at(path, text, "arweinydd", encoding=enc), context={"includeDeclaration": True}))
    s.request("textDocument/semanticTokens/full", {"textDocument": {"uri": uri(path)}})
    end(s)


def session_robust(s):
    """What a client must never be able to do: crash or stop the server."""
    s.request("textDocument/hover", {"textDocument": {"uri": "file:///nowhere.tor"},
                                     "position": {"line": 0, "character": 0}}, note="a request before initialize")
    s.notify("textDocument/didOpen", {"textDocument": {"uri": "file:///early.tor", "text": "x"}},
             note="a notification before initialize (dropped)")
    init(s)
    s.request("initialize", {"capabilities": {}}, note="initialize twice")
    s.raw(b"Content-Length: 9\r\n\r\nnot json!", "a body that is not JSON")
    s.sync()
    s.raw(b'{"jsonrpc":"2.0","id":99,"method":"shutdown"}\r\n', "JSON without headers")
    s.sync()
    s.raw(b"Content-Length: 99999999999999999999999\r\n\r\n", "an absurd Content-Length")
    s.sync()
    s.raw(b"Content-Length: 40000000\r\n\r\n" + b" " * 40000000, "a body over the 32 MiB limit")
    s.sync()
    s.raw(b"Content-Length: ten\r\n\r\n", "a Content-Length that is not a number")
    s.sync()
    s.raw(b"Content-Type: application/json\r\n\r\n", "a header block without Content-Length")
    s.sync()
    s.raw(b"Content-Length: 2\r\nContent-Length: 3\r\n\r\n{} ", "two different lengths")
    s.sync()
    s.raw(s.frame([{"jsonrpc": "2.0", "id": 1, "method": "shutdown"}]), "a batch")
    s.sync()
    s.raw(s.frame({"jsonrpc": "2.0", "id": {"x": 1}, "method": "shutdown"}), "an id that is an object")
    s.sync()
    s.raw(s.frame({"jsonrpc": "1.0", "id": 7, "method": "shutdown"}), "jsonrpc 1.0")
    s.sync()
    s.raw(s.frame({"jsonrpc": "2.0", "id": 8}), "no method")
    s.sync()
    s.raw(s.frame({"jsonrpc": "2.0", "id": 9, "method": 12}), "a method that is a number")
    s.sync()
    s.raw(s.frame({"jsonrpc": "2.0", "id": 10, "result": None}), "a response to nothing (ignored)")
    s.sync()
    s.request("textDocument/hover", [1, 2], note="params that are an array")
    s.request("workspace/symbol", {"query": "x"}, note="a request quorate does not answer")
    s.notify("$/cancelRequest", {"id": 3}, note="a notification quorate does not need")
    s.request("textDocument/hover", {"textDocument": {"uri": "file:///never-opened.tor"},
                                     "position": {"line": 0, "character": 0}}, note="a document never opened")
    s.request("textDocument/hover", {"textDocument": {"uri": 5}, "position": {}}, note="a uri that is a number")
    path = os.path.join(ROOT, "tests", "lsp", "unsaved-robust.tor")
    text = 'terms "R" {\n  role r "R" voting\n  member a "A" r\n}\n'
    open_doc(s, path, text)
    s.request("textDocument/hover", {"textDocument": {"uri": uri(path)}, "position": {"line": 1}},
              note="a position without a character")
    s.request("textDocument/hover", {"textDocument": {"uri": uri(path)}, "position": {"line": -1, "character": 0}},
              note="a negative line")
    s.request("textDocument/hover", {"textDocument": {"uri": uri(path)}, "position": {"line": 2, "character": 1000}},
              note="a character past the end of the line")
    s.request("textDocument/definition", {"textDocument": {"uri": uri(path)},
                                          "position": {"line": 99999, "character": 5}}, note="a line past the end")
    s.request("textDocument/completion", {"textDocument": {"uri": uri(path)},
                                          "position": {"line": 4294967296, "character": 4294967296}},
              note="positions beyond 32 bits")
    s.notify("textDocument/didChange", {"textDocument": {"uri": uri(path), "version": 2},
                                        "contentChanges": [{"range": {"start": {"line": 9, "character": 0},
                                                                      "end": {"line": 0, "character": 0}},
                                                            "text": "# reversed range, past the end\n"}]},
             note="didChange with a range past the end and reversed")
    s.notify("textDocument/didChange", {"textDocument": {"uri": uri(path)}, "contentChanges": "all"},
             note="didChange with contentChanges a string")
    s.notify("textDocument/didChange", {"textDocument": {"uri": "file:///never-opened.tor"}, "contentChanges": []},
             note="didChange of a document never opened")
    s.notify("textDocument/didOpen", {"textDocument": {"uri": uri(path) + "x", "text": "\u0000\u00ff garbage {{{"}},
             note="didOpen of binary garbage")
    s.notify("textDocument/didOpen", {"textDocument": {"uri": "untitled:Untitled-1",
                                                       "text": 'meeting "M" on 2024-01-01 {\n  chair x\n}\n'}},
             note="didOpen of an unsaved record with no terms to be found")
    s.request("shutdown")
    s.request("textDocument/hover", {"textDocument": {"uri": uri(path)}, "position": {"line": 0, "character": 0}},
              note="a request after shutdown")
    s.raw(s.frame({"jsonrpc": "2.0", "method": "exit"}), "exit")


def session_broad(s):
    """Every kind of item, context and name: a rich terms file, a module,
    completion in each block, URIs that need decoding, a record whose
    terms have errors and one whose body is unknown."""
    init(s)
    path = os.path.join(ROOT, "examples", "anytown", "terms.tor")
    text = open_doc(s, path)
    s.request("textDocument/documentSymbol", {"textDocument": {"uri": uri(path)}})
    for needle, nth, off, note in [("std.majorities", 1, 2, "hover a use"), ("clinical_lead", 2, 0, "hover a role in present(...)"),
                                   ("amendment", 1, 0, "hover class amendment"), ("virtual", 1, 0, "hover virtual (nothing)"),
                                   ("judy", 1, 0, "hover an attending member"), ("dan", 1, 0, "hover a member with a from date"),
                                   ("erin", 1, 0, "hover a member with an until date")]:
        s.request("textDocument/hover", at(path, text, needle, nth, off), note=note)
    lines = text.split("\n")
    for line_no, line in enumerate(lines):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        first = stripped.split()[0]
        if first in ("consensus", "casting", "conflicted", "notice", "role", "when", "require", "interest",
                     "motion", "chair", "present", "for", "recorded", "member", "quorum", "class"):
            col = len(line) - len(line.lstrip()) + len(first) + 1
            s.request("textDocument/completion", {"textDocument": {"uri": uri(path)},
                                                  "position": {"line": line_no, "character": col}},
                      note="completion after %r on line %d" % (first, line_no + 1))
    s.request("textDocument/completion", at(path, text, "kind ==", offset=0), note="completion after motion.")
    s.request("textDocument/completion", at(path, text, "# clause 2", offset=4), note="completion in a comment")
    s.request("textDocument/completion", at(path, text, '"Cluster Lead"', offset=3), note="completion in a string")
    s.request("textDocument/completion", at(path, text, "conflicted vote: void", offset=len("conflicted vote: ")),
              note="completion of a conflicted vote setting")
    s.request("textDocument/completion", at(path, text, "conflicted quorum: excluded", offset=len("conflicted quorum: ")),
              note="completion of a conflicted quorum setting")
    s.request("textDocument/completion", at(path, text, "conflicted leaves: no", offset=len("conflicted leaves: ")),
              note="completion of a conflicted leaves setting")
    s.request("textDocument/completion", at(path, text, "ratify at", offset=0), note="completion in virtual")
    s.request("textDocument/completion", at(path, text, "{ ratify", offset=2), note="completion after virtual's brace")
    s.request("textDocument/semanticTokens/full", {"textDocument": {"uri": uri(path)}})
    s.request("textDocument/codeAction", {"textDocument": {"uri": uri(path)},
                                          "range": {"start": {"line": 0, "character": 0}, "end": {"line": 99, "character": 0}}},
              note="code actions where no diagnostic carries a fix")
    s.request("textDocument/codeAction", {"textDocument": {"uri": uri(path)}, "range": {"start": {"line": 0}}},
              note="code actions with a bad range")
    module = os.path.join(ROOT, "stdlib", "std", "majorities.tor")
    mtext = open_doc(s, module)
    s.request("textDocument/hover", at(module, mtext, "fraction of base"), note="hover a rule parameter")
    s.request("textDocument/definition", at(module, mtext, "fraction of base"), note="definition of a parameter")
    s.request("textDocument/rename", dict(at(module, mtext, "fraction of base"), newName="share"), note="rename a parameter")
    s.request("textDocument/completion", {"textDocument": {"uri": uri(module)}, "position": {"line": 0, "character": 0}},
              note="completion at the top of a module")
    record = os.path.join(ROOT, "tests", "lsp", "broken", "minutes", "2024-02-01.minutes")
    rtext = open_doc(s, record)
    s.request("textDocument/hover", at(record, rtext, "ann"), note="hover a member when the terms have errors")
    s.request("textDocument/completion", at(record, rtext, "present ann", offset=0), note="completion at a record line start")
    odd = "file:///tmp/quorate%20lsp/a%C5%B5.tor"
    s.notify("textDocument/didOpen", {"textDocument": {"uri": odd, "text": 'terms "X" {\n}\n'}},
             note="didOpen with a percent-encoded URI")
    for bad in ("file://otherhost/x.tor", "file:///x/%zz.tor", "file:///x/%00.tor",
                "file://localhost" + os.path.join(ROOT, "tests", "lsp", "cluster", "unsaved.minutes")):
        s.notify("textDocument/didOpen", {"textDocument": {"uri": bad, "text": 'meeting "M" on 2024-01-01 {\n}\n'}},
                 note="didOpen " + bad)
    s.request("textDocument/prepareRename", {"textDocument": {"uri": odd}, "position": {"line": 0, "character": 7}},
              note="prepareRename where there is no name")
    s.request("textDocument/formatting", {"textDocument": {"uri": odd}}, note="formatting: nothing to change")
    empty = "file:///tmp/quorate%20lsp/empty.tor"
    s.notify("textDocument/didOpen", {"textDocument": {"uri": empty, "text": ""}}, note="didOpen an empty document")
    s.request("textDocument/semanticTokens/full", {"textDocument": {"uri": empty}},
              note="semantic tokens of a document with none")
    end(s)


def session_no_shutdown(s):
    """The input ends without shutdown and exit: status 1."""
    init(s)


def session_exit_early(s):
    """exit without shutdown: status 1."""
    init(s)
    s.raw(s.frame({"jsonrpc": "2.0", "method": "exit"}), "exit")


SESSIONS = {
    "terms": session_terms,
    "record": session_record,
    "utf16": lambda s: session_encoding(s, False),
    "utf8": lambda s: session_encoding(s, True),
    "robust": session_robust,
    "broad": session_broad,
    "no-shutdown": session_no_shutdown,
    "exit-early": session_exit_early,
}


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    build = os.path.abspath(sys.argv[1])
    names = sys.argv[2:] or list(SESSIONS)
    failed = 0
    for name in names:
        s = Session(build, name)
        try:
            SESSIONS[name](s)
            transcript = s.finish()
        except (AssertionError, OSError, ValueError) as e:
            s.proc.kill()
            print("FAIL lsp/%s: %s" % (name, e))
            err = s.proc.stderr.read().decode("utf-8", "replace")
            if err:
                print(err[:4000])
            failed += 1
            continue
        golden = os.path.join(GOLDEN, name + ".txt")
        if os.environ.get("UPDATE") == "1":
            os.makedirs(GOLDEN, exist_ok=True)
            with open(golden, "w", encoding="utf-8") as f:
                f.write(transcript)
            continue
        try:
            want = read_text(golden)
        except FileNotFoundError:
            print("FAIL lsp/%s: %s is missing (UPDATE=1 writes it)" % (name, golden))
            failed += 1
            continue
        if want != transcript:
            import difflib
            print("FAIL lsp/%s: the transcript differs from %s" % (name, os.path.relpath(golden, ROOT)))
            sys.stdout.writelines(difflib.unified_diff(want.splitlines(True), transcript.splitlines(True),
                                                       "expected", "actual"))
            failed += 1
    print("lsp: %d of %d sessions as in their golden files" % (len(names) - failed, len(names)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
