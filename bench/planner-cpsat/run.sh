#!/usr/bin/env bash
# Compares our session planner with OR-Tools CP-SAT on generated evenings; see README.md.
# Arguments go to compare.py, e.g. `--time-limit 20` or `--only large`.
set -euo pipefail
cd "$(dirname "$0")"

# A venv of its own, so that ortools (and its numpy, pandas, protobuf) stay out of the system.
if [[ ! -x .venv/bin/python ]]; then
    python3 -m venv .venv
fi
.venv/bin/pip install --quiet --disable-pip-version-check -r requirements.txt

# The evenings and our planner's results on them, one JSON file each. Our planner runs alone
# here, before CP-SAT starts, so that neither solver's time is measured while the other runs.
cargo run --release --quiet -- instances

.venv/bin/python compare.py instances "$@"
