#!/usr/bin/env python3
"""Render the HTML reports in headless Chromium and check what a person sees.

    python3 tests/html_layout.py BUILD [--full-page] [WIDTH...]   (default widths 360 800 1280 1920)

Every bundled example's report (replay and register, --format html) is
loaded at each width, and a script run in the page fails the test on:

  horizontal-scroll  the page is wider than the window (a wide table may
                     scroll inside its own labelled region, never the page)
  clipped            an element's content is cut off (overflow hidden and
                     content wider or taller than the box), or text lies
                     outside the window where nothing can scroll to it
  broken-word        a word broken across two lines in a table cell (a break
                     after a hyphen is a line break, not a broken word)
  chart-overflow     a chart element outside its chart, or a chart outside
                     its cell or figure
  chart-label        a chart (svg) without role="img" and an accessible name

Screenshots go to BUILD/screenshots/NAME-WIDTH.png for a person to look
at: the first 1600 px of each page, or the whole page with --full-page
(slow: a long page takes Chromium's software renderer 15 s or more; `make
report-shots` does this).  Chromium is driven through the DevTools protocol over a pipe
(--remote-debugging-pipe), with the Python standard library only.  Exit 0
when every page passes, 1 when any check fails, 77 when Chromium is not
installed (skipped).
"""
import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WIDTHS = (360, 800, 1280, 1920)
TIMEOUT = 120  # seconds for any one answer from the browser
SHOT_HEIGHT = 1600  # px of each page in a screenshot, without --full-page
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--disable-quic", "--hide-scrollbars"]

# The checks, run in the page after it has loaded.  Returns a list of
# problems: {check, what, detail}.
CHECKS_JS = r"""
(() => {
  const problems = [];
  const vw = document.documentElement.clientWidth;
  const say = (check, el, detail) => {
    let what = el.tagName.toLowerCase();
    if (el.id) what += '#' + el.id;
    else if (el.getAttribute && el.getAttribute('class')) what += '.' + el.getAttribute('class').split(' ')[0];
    const holder = el.closest ? el.closest('[id]') : null;
    if (holder && holder !== el) what += ' in #' + holder.id;
    const text = (el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 60);
    problems.push({check, what, detail: detail + (text ? ' ("' + text + '")' : '')});
  };
  const scrolls = el => {
    for (let p = el.parentElement; p; p = p.parentElement) {
      const ox = getComputedStyle(p).overflowX;
      if ((ox === 'auto' || ox === 'scroll') && p !== document.documentElement && p !== document.body)
        return p;
    }
    return null;
  };

  // horizontal scrolling of the page
  const sw = document.documentElement.scrollWidth;
  if (sw > vw) {
    let worst = null;
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.right > vw + 0.5 && !scrolls(el) && (!worst || r.right > worst.r.right)) worst = {el, r};
    }
    if (worst) say('horizontal-scroll', worst.el, `the page is ${sw}px wide in a ${vw}px window; this reaches ${Math.round(worst.r.right)}px`);
    else problems.push({check: 'horizontal-scroll', what: 'page', detail: `the page is ${sw}px wide in a ${vw}px window`});
  }

  // content cut off by its box, or out of reach of the window
  for (const el of document.body.querySelectorAll('*')) {
    const cs = getComputedStyle(el);
    if (el.closest('svg')) continue;
    const hidden = v => v === 'hidden' || v === 'clip';
    if ((hidden(cs.overflowX) && el.scrollWidth > el.clientWidth + 1) ||
        (hidden(cs.overflowY) && el.scrollHeight > el.clientHeight + 1)) {
      if ((el.textContent || '').trim()) say('clipped', el, `content ${el.scrollWidth}x${el.scrollHeight} in a box ${el.clientWidth}x${el.clientHeight}`);
    }
    if (cs.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth) say('clipped', el, 'text cut off with an ellipsis');
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n; (n = walker.nextNode()); ) {
    if (!n.data.trim() || !n.parentElement || n.parentElement.closest('svg, title, style')) continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    for (const r of range.getClientRects()) {
      if (r.width > 0 && (r.left < -0.5 || r.right > vw + 0.5) && !scrolls(n.parentElement)) {
        say('clipped', n.parentElement, `text from ${Math.round(r.left)}px to ${Math.round(r.right)}px, outside the ${vw}px window`);
        break;
      }
    }
  }

  // words broken across lines in table cells
  for (const cell of document.querySelectorAll('td, th')) {
    const w = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let n; (n = w.nextNode()); ) {
      if (n.parentElement.closest('svg')) continue;
      // a piece ends at a blank or just after a hyphen or dash
      const re = /[^\s\-\u2010\u2013\u2014]+[\-\u2010\u2013\u2014]*/g;
      for (let m; (m = re.exec(n.data)); ) {
        const range = document.createRange();
        range.setStart(n, m.index);
        range.setEnd(n, m.index + m[0].length);
        const rects = Array.from(range.getClientRects()).filter(r => r.width > 0);
        if (rects.length > 1 && rects.some(r => r.top >= rects[0].bottom - 1)) {
          say('broken-word', cell, `"${m[0]}" is broken across lines`);
          break;
        }
      }
    }
  }

  // charts: inside their box, the box inside its cell, and labelled
  for (const svg of document.querySelectorAll('svg')) {
    const box = svg.getBoundingClientRect();
    const name = (svg.getAttribute('aria-label') || '').trim() ||
                 ((svg.getAttribute('aria-labelledby') || '').split(/\s+/)
                   .map(id => document.getElementById(id)).filter(Boolean)
                   .map(e => e.textContent).join(' ').trim()) ||
                 (svg.querySelector(':scope > title') ? svg.querySelector(':scope > title').textContent.trim() : '');
    if (svg.getAttribute('role') !== 'img' || !name) say('chart-label', svg, 'a chart without role="img" and an accessible name');
    if (!svg.getAttribute('viewBox')) say('chart-overflow', svg, 'a chart without a viewBox does not scale to its box');
    if (box.width === 0 || box.height === 0) { say('chart-overflow', svg, 'a chart with no size'); continue; }
    for (const el of svg.querySelectorAll('rect, line, text, circle, path, polygon, polyline, ellipse')) {
      const r = el.getBoundingClientRect();
      if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5) {
        say('chart-overflow', el, `a ${el.tagName} at ${Math.round(r.left)}..${Math.round(r.right)} x ${Math.round(r.top)}..${Math.round(r.bottom)} outside its chart ${Math.round(box.left)}..${Math.round(box.right)} x ${Math.round(box.top)}..${Math.round(box.bottom)}`);
        break;
      }
    }
    const holder = svg.closest('td, th, figure') || svg.parentElement;
    const h = holder.getBoundingClientRect();
    if (box.left < h.left - 0.5 || box.right > h.right + 0.5)
      say('chart-overflow', svg, `the chart (${Math.round(box.left)}..${Math.round(box.right)}) is outside its ${holder.tagName.toLowerCase()} (${Math.round(h.left)}..${Math.round(h.right)})`);
  }
  return {problems, height: document.documentElement.scrollHeight, width: sw};
})()
"""


class Browser:
    """One headless Chromium, spoken to through the DevTools protocol on a pipe."""

    def __init__(self, exe, profile):
        # The browser reads commands on fd 3 and writes answers on fd 4.
        to_r, to_w = os.pipe()
        from_r, from_w = os.pipe()
        # Above 4, so moving them onto 3 and 4 in the child clobbers nothing.
        hi = [fcntl.fcntl(fd, fcntl.F_DUPFD, 10) for fd in (to_r, from_w)]
        os.close(to_r)
        os.close(from_w)

        def onto_3_4():
            os.dup2(hi[0], 3)
            os.dup2(hi[1], 4)

        self.log = open(os.path.join(profile, "chromium.log"), "w")
        self.proc = subprocess.Popen(
            [exe] + CHROMIUM_FLAGS + ["--user-data-dir=" + profile, "--remote-debugging-pipe", "about:blank"],
            pass_fds=(3, 4), preexec_fn=onto_3_4, stdin=subprocess.DEVNULL,
            stdout=self.log, stderr=self.log)
        for fd in hi:
            os.close(fd)
        self.w, self.r = to_w, from_r
        self.buf = b""
        self.next_id = 0
        self.events = []
        target = self.call("Target.createTarget", {"url": "about:blank"})
        self.session = self.call("Target.attachToTarget", {"targetId": target["targetId"], "flatten": True})["sessionId"]
        self.call("Page.enable", session=self.session)

    def _message(self, deadline):
        while b"\0" not in self.buf:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.r], [], [], left)[0]:
                raise RuntimeError("Chromium did not answer within %d s" % TIMEOUT)
            chunk = os.read(self.r, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed the pipe (see its log)")
            self.buf += chunk
        msg, self.buf = self.buf.split(b"\0", 1)
        return json.loads(msg)

    def call(self, method, params=None, session=None):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self.w, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + TIMEOUT
        while True:
            m = self._message(deadline)
            if m.get("id") == self.next_id:
                if "error" in m:
                    raise RuntimeError("%s: %s" % (method, m["error"].get("message")))
                return m.get("result", {})
            if "method" in m:
                self.events.append(m["method"])

    def page(self, method, params=None):
        return self.call(method, params, self.session)

    def load(self, url, width, height=900):
        self.page("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        self.events.clear()
        self.page("Page.navigate", {"url": url})
        deadline = time.monotonic() + TIMEOUT
        while "Page.loadEventFired" not in self.events:
            m = self._message(deadline)
            if "method" in m:
                self.events.append(m["method"])

    def evaluate(self, expression):
        r = self.page("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in r:
            raise RuntimeError("the check script failed: %s" % r["exceptionDetails"].get("text"))
        return r["result"]["value"]

    def screenshot(self, path, full_page):
        """The window (loaded SHOT_HEIGHT px high), or the whole page."""
        shot = self.page("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": full_page})
        with open(path, "wb") as f:
            f.write(base64.b64decode(shot["data"]))

    def close(self):
        try:
            self.call("Browser.close")
        except (RuntimeError, OSError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self.w)
        os.close(self.r)
        self.log.close()


def reports(quorate, out_dir):
    """Write the HTML report of every bundled example; yield (name, path)."""
    cases = []
    for d in sorted(os.listdir(os.path.join(ROOT, "examples"))):
        top = os.path.join("examples", d)
        files = [f for _, _, fs in os.walk(os.path.join(ROOT, top)) for f in fs]
        # a history: terms and records (examples/board holds a model only)
        is_history = any(f.endswith(".tor") for f in files) and any(f.endswith((".minutes", ".json")) for f in files)
        if is_history:
            cases.append(("replay-" + d, ["replay", "--format", "html", "-I", "stdlib", top]))
            cases.append(("register-" + d, ["register", "--format", "html", "-I", "stdlib", top]))
    # The JSON record (examples/json) is the Anytown meeting, judged by its terms.
    cases.append(("eval-json", ["eval", "--format", "html", "-I", "stdlib", "examples/anytown/terms.tor",
                                "examples/json/anytown-2024-05-14.json"]))
    for name, args in cases:
        path = os.path.join(out_dir, name + ".html")
        with open(path, "w") as f:
            p = subprocess.run([quorate] + args, cwd=ROOT, stdout=f, stderr=subprocess.PIPE, text=True)
        if p.returncode not in (0, 1):
            raise SystemExit("html layout: quorate %s: exit status %d\n%s" % (" ".join(args), p.returncode, p.stderr))
        yield name, path


def main():
    if len(sys.argv) < 2:
        sys.stderr.write("usage: python3 tests/html_layout.py BUILD [WIDTH...]\n")
        return 2
    build = os.path.abspath(sys.argv[1])
    full_page = "--full-page" in sys.argv[2:]
    widths = [int(w) for w in sys.argv[2:] if w != "--full-page"] or list(WIDTHS)
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if not exe:
        print("html layout test skipped: chromium is not installed")
        return 77
    shots = os.path.join(build, "screenshots")
    os.makedirs(shots, exist_ok=True)
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        pages = list(reports(os.path.join(build, "quorate"), tmp))
        profile = os.path.join(tmp, "profile")
        os.mkdir(profile)
        browser = Browser(exe, profile)
        try:
            for name, path in pages:
                for width in widths:
                    browser.load("file://" + path, width, SHOT_HEIGHT)
                    result = browser.evaluate(CHECKS_JS)
                    browser.screenshot(os.path.join(shots, "%s-%d.png" % (name, width)), full_page)
                    for p in result["problems"]:
                        failures += 1
                        print("FAIL %s at %dpx: %s: %s: %s" % (name, width, p["check"], p["what"], p["detail"]))
        finally:
            browser.close()
    n = len(pages) * len(widths)
    print("html layout: %d page%s at %s px, %d problem%s; screenshots in %s" %
          (len(pages), "" if len(pages) == 1 else "s", ", ".join(map(str, widths)), failures,
           "" if failures == 1 else "s", os.path.relpath(shots)))
    return 1 if failures or n == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
