"""Where the first pass loses hidden lexicon entries: the k-fold check of discover_kfold.py, traced step by step.

For each fold (entries hidden as ``discover_kfold.py`` hides them, same seed), the steps of ``discover`` run one by
one on the evaluation slice with the other entries as the lexicon, and each hidden entry occurring ``--min-occ``
times that never reaches the ranked list is given the step that lost it (the furthest any of its spellings got):

- ``too long``: longer than the n-gram limit (``max_n``); ``not Han``: holds a character the counter does not count;
- ``below count``: the n-gram counter saw it fewer than ``min_count`` times (masked spans, other spellings);
- ``below pool cut``: counted, but the pool's classifier ranked it below the strings kept (``pool``);
- ``pool: …``: reached by the pool's loop and dropped there (``trimmed to X``, ``holds known X``, ``noise: R``,
  ``phrase shape``, ``numbered quality``, ``known``);
- ``shortlist noise`` / ``shortlist cap``: dropped when the prospects are merged;
- ``attest: …``: dropped by the recount (``known``, ``holds known``, ``no occurrence``, ``boilerplate``,
  ``misaligned``, ``cut in word``, ``across quotation``);
- ``screen``: dropped as a title, name, event or lone item; ``fragment of X``: merged into a longer candidate;
  ``count bar``: under ``min_count`` after the recount; ``rejected``: on the curators' list.

    python bench/discover_firstpass.py [--folds 5] [--run-folds 2] [--seed 0] [--eval development] [--out FILE]

Prints a table of causes per kind and writes one JSON row per lost entry to ``--out``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import discover_slices
from discover_kfold import entry_folds, occurrences, shape


def trace_pool(stats, bg, options, positives, quoted, model, wanted: set[str]) -> tuple[dict[str, str], list]:
    """What the pool's loop (:func:`termkit.discover.score.shortlist_ngrams`) did with each ``wanted`` string:
    kept, or why not; and its prospects, as the real function returns them."""
    import numpy as np

    from termkit.discover import score as S
    from termkit.discover.noise import noise_reason
    from termkit.discover.pool import classify, pool_features

    table = pool_features(stats, bg, options.min_count, quoted)
    how = classify(table, set(positives), options.min_positives, model)
    order = np.argsort(-table.probability, kind="stable")
    strict = not how.startswith("learnt")
    fate: dict[str, str] = {}
    best: dict = {}
    rank_of = {}
    for r, i in enumerate(order.tolist()):
        s = str(table.keys[i])
        if s in wanted:
            rank_of[s] = r
        if len(best) >= options.pool:
            continue  # past the cut: only the rank is wanted
        count, p = int(table.counts[i]), float(table.probability[i])
        if strict and (table.x[i, S.MIN_EDGE] < S.MIN_ENTROPY or (table.x[i, S.PMI] < S.MIN_PMI
                                                                  and not S.is_numbered(s))):
            if s in wanted:
                fate[s] = "pool: strict edges"
            continue
        core = s if S.is_numbered(s) else S.trim_edges(s, bg)
        if core != s:
            count = max(count, stats.count(core))
        why = ("duplicate" if core in best else "known" if core in positives
               else f"holds known {next(k for k in _parts(core) if k in positives)}" if S._holds(core, positives)
               else f"noise: {nr}" if (nr := noise_reason(core, bg)) else None)
        if why is None and S.is_numbered(core) and S._numbered_quality(core, count, stats, bg) is None:
            why = "numbered quality"
        elif why is None and not S.is_numbered(core) and strict and (
                len(core) < 3 or not S._phrase_ok(core, count, stats, bg)):
            why = "phrase shape"
        if s in wanted and core != s:
            fate.setdefault(s, f"pool: trimmed to {core}")
        elif s in wanted and why and why != "duplicate":
            fate.setdefault(s, f"pool: {why}")
        if why:
            continue
        left, right = stats.edge_entropy(core)
        best[core] = S.Prospect(core, "mwe", S.pool_score(p, count), count,
                                notes={"pool": round(p, 3), "left": round(left, 2), "right": round(right, 2)})
        if core in wanted:
            fate[core] = "kept"
    for s in wanted:
        if s not in fate:
            fate[s] = f"below pool cut (rank {rank_of[s]:,} of {len(order):,})" if s in rank_of else "absent"
    return fate, list(best.values()), table


def _parts(s: str):
    return (s[i:j] for i in range(len(s)) for j in range(i + 2, len(s) + 1) if j - i < len(s))


def main() -> None:
    import termkit.discover as D
    from termkit.compile import compile_lexicon, load_compiled
    from termkit.corpus import read_documents
    from termkit.discover.background import Background
    from termkit.discover.learn import Model
    from termkit.discover.noise import noise_reason
    from termkit.discover.rejected import BUNDLED_PATH, load_rejected
    from termkit.lexicon import Lexicon, bundled_lexicon_path

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--run-folds", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--eval", default="development")
    ap.add_argument("--min-occ", type=int, default=3)
    ap.add_argument("--kinds", default="other", help="kinds of hidden entries traced (comma-separated; all: every)")
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--pool", type=int, default=None, help="statistical candidates recounted (default: discover's)")
    args = ap.parse_args()
    if args.eval.startswith("held_out"):
        sys.exit("error: --eval: the first pass is traced on development text only (bench/discover_protocol.md)")
    full = load_compiled(bundled_lexicon_path())
    fold = lambda s: full.matcher.fold(s).text  # noqa: E731
    paths = [str(p) for p in getattr(discover_slices, args.eval)()]
    quoted_occ: Counter = Counter()
    occ = occurrences(paths, full.matcher, quoted_occ)
    folds = entry_folds(full.lexicon, args.folds, args.seed)
    by_id = full.lexicon.by_id
    bg = Background.load()
    t = time.perf_counter()
    blank = compile_lexicon(Lexicon(()), full.matcher.table)
    evidence = D.collect(read_documents(paths), blank, D.DiscoverOptions(top=None, min_score=0.0))
    options, _ = D.adapt(D.DiscoverOptions(top=None, min_score=0.0), evidence.stats.chars)
    if args.pool:
        options = replace(options, pool=args.pool)
    print(f"first pass counted in {time.perf_counter() - t:.0f} s ({evidence.stats.chars:,} Han characters)",
          flush=True)
    rejected = load_rejected(fold, [BUNDLED_PATH])
    kinds = None if args.kinds == "all" else set(args.kinds.split(","))
    rows, table_counts = [], Counter()
    for k, hidden in enumerate(folds[: args.run_folds], 1):
        t = time.perf_counter()
        visible = compile_lexicon(Lexicon(tuple(e for e in full.lexicon.entries if e.id not in hidden)),
                                  full.matcher.table)
        wanted = [i for i in sorted(hidden) if occ[i] >= args.min_occ
                  and (kinds is None or shape(by_id[i].term, occ[i], quoted_occ[i]) in kinds)]
        surfaces = {i: list(dict.fromkeys(fold(s) for s in (by_id[i].term, *by_id[i].variants))) for i in wanted}
        all_surfaces = {s for ss in surfaces.values() for s in ss}
        positives = D.known_keys(visible)
        negatives = set(rejected) - positives
        quoted = {key: e.quoted for key, e in evidence.tally.seen.items() if e.quoted}
        fate, pooled, _ = trace_pool(evidence.stats, bg, options, positives, quoted, Model.load(part="pool"),
                                     all_surfaces)
        # the rest of shortlist(), as it is written
        shaped = D.shape_prospects(evidence.tally.seen, evidence.stats, bg, options.shape_min_count or 2)
        merged: dict = {}
        for p in sorted(pooled + shaped, key=lambda p: -p.score * D.KIND_WEIGHT[p.kind]):
            if p.key not in merged:
                merged[p.key] = p
                p.kind = D.kind_of(p.key, p.kind)
        wanted_p = [p for p in merged.values() if p.kind in options.kinds
                    and not noise_reason(p.key.replace("、", ""), bg)]
        cap = 2 * max(options.pool, 3 * (options.top or 0))
        prospects = wanted_p[:cap]
        stage: dict[str, str] = {}
        for s in all_surfaces:
            if s in merged and s not in {p.key for p in wanted_p}:
                stage[s] = "shortlist noise"
            elif s in {p.key for p in wanted_p} and s not in {p.key for p in prospects}:
                stage[s] = "shortlist cap"
        # attest, and why a prospect of a wanted string did not come out of it
        cands, counts = D.attest(prospects, read_documents(paths), visible, positives, bg, negatives)
        attested = {c.key for c in cands}
        for p in prospects:
            if p.key in all_surfaces and p.key not in attested:
                stage[p.key] = "attest: " + _attest_reason(p, visible, counts, bg)
        scored, how = D.learn_and_score(cands, counts, positives, evidence, bg, Model.load(), options.min_count,
                                        options.min_positives, negatives)
        screened = D.screen(scored, bg, learnt=D.learnt_ranking(how))
        kept_keys = {c.key for c in screened}
        for c in scored:
            if c.key in all_surfaces and c.key not in kept_keys:
                stage[c.key] = "screen"
        after = D.drop_fragments(screened)
        left = {c.key for c in after}
        for c in screened:
            if c.key in all_surfaces and c.key not in left:
                longer = next((o.key for o in after if len(o.key) > len(c.key) and D._fragment(c.key, o.key)
                               and o.count >= D.FRAGMENT_SHARE * c.count), "?")
                stage[c.key] = f"fragment of {longer}"
        ranked = [c for c in after if D.meets_counts(c, options)]
        for c in after:
            if c.key in all_surfaces and not D.meets_counts(c, options):
                stage[c.key] = "count bar"
        ranked.sort(key=lambda c: (-c.score, c.candidate))
        final, _ = D.drop_rejected(ranked, rejected, fold)
        for c in ranked:
            if c.key in all_surfaces and c not in final:
                stage[c.key] = "rejected"
        place = {c.key: r for r, c in enumerate(final, 1)} | {fold(c.candidate): r for r, c in enumerate(final, 1)}
        n_reached = n_hit = 0
        for i in wanted:
            kind = shape(by_id[i].term, occ[i], quoted_occ[i])
            best_rank = min((place[s] for s in surfaces[i] if s in place), default=None)
            if best_rank is not None:
                n_reached += 1
                n_hit += best_rank <= 200
                table_counts[(kind, "reached the list")] += 1
                continue
            why = [(s, stage.get(s) or _pre(s, fate.get(s, "absent"), evidence.stats, options)) for s in surfaces[i]]
            s, cause = max(why, key=lambda w: _depth(w[1]))
            table_counts[(kind, _group(cause))] += 1
            rows.append({"fold": k, "id": i, "term": by_id[i].term, "kind": kind, "occurrences": occ[i],
                         "surface": s, "cause": _group(cause), "detail": cause,
                         "ngram_count": evidence.stats.count(s)})
        print(f"fold {k}: {len(wanted)} hidden, reached {n_reached}, top 200 {n_hit}; ranked by {how}; "
              f"{time.perf_counter() - t:.0f} s", flush=True)
    print(f"{'kind':<10}{'cause':<34}{'entries':>8}")
    for (kind, cause), n in sorted(table_counts.items(), key=lambda kv: (kv[0][0], -kv[1])):
        print(f"{kind:<10}{cause:<34}{n:>8}")
    if args.out:
        args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")


def _pre(s: str, fate: str, stats, options) -> str:
    """The cause of a string the pool never kept, before it reached the pool if so."""
    if fate == "kept":
        return "kept by the pool, lost later (?)"
    if fate != "absent":
        return fate
    if len(s) > stats.max_n:
        return "too long"
    if not all("\u3400" <= ch <= "\uffff" for ch in s):
        return "not Han"
    return f"below count ({stats.count(s)})"


ORDER = ("too long", "not Han", "below count", "below pool cut", "pool:", "shortlist", "attest:", "screen",
         "fragment of", "count bar", "rejected")


def _depth(cause: str) -> int:
    return next((n for n, o in enumerate(ORDER) if cause.startswith(o)), -1)


def _group(cause: str) -> str:
    for prefix in ("below count", "below pool cut", "pool: trimmed to", "pool: holds known", "pool: noise",
                   "fragment of"):
        if cause.startswith(prefix):
            return prefix
    return cause


def _attest_reason(p, matcher, counts, bg) -> str:
    import termkit.discover as D
    from termkit.discover.noise import across_quotation, boilerplate
    from termkit.discover.patterns import pair_forms

    if matcher.lookup(p.key) is not None or any(matcher.lookup(f) for f in pair_forms(p.key)):
        return "known"
    if D._holds_known(p, matcher):
        return "holds known " + ",".join(m.entry.term for m in matcher.find(p.key))
    c = counts.get(p.key)
    if c is None or c.count == 0:
        return "no occurrence"
    if boilerplate(c.line_start, c.count):
        return "boilerplate"
    if (p.kind == "mwe" or (p.kind == "numbered" and not c.quoted)) and not D.aligned(c.example, p.key, bg):
        return "misaligned"
    if p.kind == "parallel" and D.cut_in_word(c.example, p.key, bg):
        return "cut in word"
    if c.example_span and across_quotation(c.example, c.example_span):
        return "across quotation"
    return "?"


if __name__ == "__main__":
    main()
