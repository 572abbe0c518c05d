#!/usr/bin/env bash
# Reproduces the paper's experiments and the comparisons beyond it (docs/reproduction.md): runs every sweep file
# of experiments/ in turn and prints how long each took. Each sweep's results (CSV, Parquet, summary.md, PNG plots)
# land in the data folder's sweeps/<name>; with --out DIR they are also written to DIR/<name>.
# Rerunning the command completes only what is missing (a killed run resumes from its checkpoints).
#
#   scripts/reproduce.sh [--quick] [--out DIR] [--data-dir DIR] [--parallel N] [--threads N]
#
# --quick runs each sweep's sanity variant: 2 seeds, fewer budgets and smaller multi-iteration budgets.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
experiments=(fig2-instance-level fig3-corpus-level table1-length-normalisation fig4-subset-statistics
    fig5-multi-iteration table2-budget-allocation beyond-losses beyond-selection beyond-reference)

variant=() out="" data=() options=()
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) variant=(--quick) ;;
        --out) out="${2:?--out needs a folder}"; shift ;;
        --data-dir) data=(--data-dir "${2:?--data-dir needs a folder}"); shift ;;
        --parallel|--threads|--device) options+=("$1" "${2:?$1 needs a value}"); shift ;;
        *) echo "reproduce: unknown option '$1' (see the top of $0)" >&2; exit 2 ;;
    esac
    shift
done

started=$(date +%s) failed=()
for name in "${experiments[@]}"; do
    echo "== $name"
    began=$(date +%s)
    if ! "$root/prefflow" sweep "$root/experiments/$name.json" "${variant[@]}" "${data[@]}" "${options[@]}"; then failed+=("$name"); fi
    echo "== $name: $(( $(date +%s) - began )) s"
    if [ -n "$out" ]; then "$root/prefflow" report "$name" --out "$out/$name" "${data[@]}" > /dev/null || failed+=("$name report"); fi
done
echo "reproduce: ${#experiments[@]} sweeps in $(( $(date +%s) - started )) s"
if [ ${#failed[@]} -gt 0 ]; then
    echo "reproduce: not complete: ${failed[*]}; run the same command again to finish them" >&2
    exit 1
fi
