"""The lexicon guard of the rules that judge a string by where it stands (`discover.noise.introduced`: names of
things, events held every year, titles of events and programmes, reported foreign matter), on DEVELOPMENT text.

The spelling rules are checked over every term of the lexicon by tests/test_discover_noise.py; these rules need
the text around each occurrence, so this script recounts every term and variant of the bundled lexicon over the
development slice (bench/discover_slices.py development()) exactly as `discover` recounts a
candidate, and prints each one a rule would reject, with its counts.

    python bench/discover_introduced_guard.py            # the rejected lexicon surfaces, one a line
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import discover_slices as S


def main() -> None:
    from termkit.compile import load_compiled
    from termkit.corpus import read_documents
    from termkit.discover import PLACE_NOTES
    from termkit.discover.noise import introduced
    from termkit.discover.recount import recount
    from termkit.lexicon import bundled_lexicon_path

    files = [str(p) for p in S.development()]
    compiled = load_compiled(bundled_lexicon_path())
    surfaces = sorted({s for e in compiled.lexicon.entries for s in (e.term, *e.variants)
                       if e.category not in ("body", "event")})  # the guard's exceptions: bodies and events
    found = recount(surfaces, read_documents(files), compiled.matcher, 8, whole=surfaces)
    seen = [s for s in surfaces if found[s].count]
    rejected = 0
    for s in seen:
        r = found[s]
        why = introduced(s, r.count, *(getattr(r, k) for k in PLACE_NOTES))  # as discover's screen calls it
        if why:
            rejected += 1
            print(f"{why}\t{s}\tcount {r.count}, named {r.named}, yearly {r.yearly}, foreign {r.foreign}, "
                  f"titled {r.titled}, contrast {r.contrast}, quoted {r.quoted}")
    print(f"{rejected} of {len(seen)} lexicon surfaces seen in {len(files)} development files rejected by "
          "where they stand", file=sys.stderr)


if __name__ == "__main__":
    main()
