#!/bin/bash
# Whole-corpus `termkit discover` (the issue's limit: under 2 minutes and 2 GB), this checkout against another
# checkout of the code, runs alternated, the same lexicon for both (this checkout's lexicon/), one line per run with
# the 1-minute load before it. Medians are read off the lines (bench/RESULTS.md, "termkit discover").
#
#   bench/discover_time_against.sh OTHER_CHECKOUT [RUNS] [CORPUS]
#
# e.g. `git worktree add /tmp/before 589e50b && bench/discover_time_against.sh /tmp/before 2`
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
other=$(cd "$1" && pwd)
runs=${2:-2}
corpus=${3:-$here/../shared/corpus}
out=$(mktemp -d)
for rep in $(seq "$runs"); do
  for side in other this; do
    src=$([ "$side" = other ] && echo "$other" || echo "$here")
    load=$(cut -d' ' -f1 /proc/loadavg)
    ( cd "$src" && /usr/bin/time -f "$side run $rep: load before $load, wall %e s, user %U s, sys %S s, peak %M KB" \
        env PYTHONPATH=src python -m termkit discover "$corpus" -l "$here/lexicon" -f jsonl -n 100 \
        > "$out/$side.$rep.jsonl" 2> "$out/$side.$rep.err" )
    tail -1 "$out/$side.$rep.err"
  done
done
cmp -s "$out/other.1.jsonl" "$out/this.1.jsonl" && echo "lists: identical" || echo "lists: differ ($out)"
