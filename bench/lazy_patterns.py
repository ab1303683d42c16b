"""Rewrite bot/agent/ modules so their regular expressions compile on first need (lane askspeed).

Mechanical and safe to run again (after merging other lanes' edits to bot/agent/):
- `re.compile(` becomes `lazy(` (bot/agent/patterns.py: compiles on first use, skips texts that
  lack every literal piece a match needs);
- `re.search(` / match / fullmatch / findall / finditer / split / sub / subn become `rx.<same>(`
  (the same functions over lazy's cache; re's own 512-entry cache is too small for the planner);
  a module that binds `rx` itself (`for name, rx in ...`) gets `_rx` instead;
- the import of lazy / rx is added, and `import re` dropped when nothing else uses it; then
  ruff sorts the imports.

    .venv/bin/python bench/lazy_patterns.py [--check]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AGENT = ROOT / "bot" / "agent"
SKIP = {"patterns.py", "pattern_needs.py"}  # they are what the others are rewritten onto
FUNCS = "search|match|fullmatch|findall|finditer|split|sub|subn"
_COMPILE = re.compile(r"(?<![\w.])re\.compile\(")
_CALL = re.compile(rf"(?<![\w.])re\.({FUNCS})\(")
_BINDS_RX = re.compile(r"\bfor\b[^\n:]*\brx\b[^\n:]*\bin\b|^\s*rx\s*=|\blambda\b[^\n:]*\brx\b|\bdef \w+\([^)]*\brx\b", re.M)
_IMPORT = re.compile(r"^from bot\.agent\.patterns import (.+)$", re.M)


def rewrite(src: str) -> str:
    binds = _BINDS_RX.search(_IMPORT.sub("", src)) is not None
    name = "_rx" if binds else "rx"
    out, compiles = _COMPILE.subn("lazy(", src)
    out, calls = _CALL.subn(lambda m: f"{name}.{m.group(1)}(", out)
    if not compiles and not calls:
        return src
    wanted = ({"lazy"} if compiles else set()) | ({"rx as _rx" if binds else "rx"} if calls else set())
    found = _IMPORT.search(out)
    if found:
        have = {n.strip() for n in found.group(1).split(",")}
        line = f"from bot.agent.patterns import {', '.join(sorted(have | wanted))}"
        out = out[:found.start()] + line + out[found.end():]
    else:  # next to `import re`; ruff puts it in its place
        line = f"from bot.agent.patterns import {', '.join(sorted(wanted))}\n"
        at = re.search(r"^import re\n", out, re.M)
        if at is None:
            raise SystemExit("a module using re.compile without `import re` at its top: rewrite it by hand")
        out = out[:at.end()] + line + out[at.end():]
    if re.search(r"(?<![\w.])re\.", out.replace("import re\n", "")) is None:
        out = re.sub(r"^import re\n", "", out, count=1, flags=re.M)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true", help="only list the modules that would change")
    a = ap.parse_args()
    changed = []
    for path in sorted(AGENT.glob("*.py")):
        if path.name in SKIP:
            continue
        src = path.read_text()
        new = rewrite(src)
        if new != src:
            changed.append(path)
            if not a.check:
                path.write_text(new)
    print(f"{len(changed)} modules {'to rewrite' if a.check else 'rewritten'}")
    if changed and not a.check:
        ruff = Path(sys.executable).parent / "ruff"
        subprocess.run([str(ruff), "check", "--fix", "--select", "I,F401", *map(str, changed)], check=False)


if __name__ == "__main__":
    main()
