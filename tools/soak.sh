#!/usr/bin/env bash
# The soak with faults (issue 12; docs/RELIABILITY.md): two packaged trackers on one private PostgreSQL 15 cluster
# (initdb into target/soak/postgres, its own free port; the machine's PostgreSQL is never touched), mixed load for
# --duration, kill -9 of an instance at random times, two PostgreSQL restarts with -m immediate, one minute with all
# of PostgreSQL's connections held; then every acknowledged write is looked up in the audit export and the hash
# chain is verified online and offline. Exit status 0 only if nothing acknowledged was lost or duplicated, the chain
# is intact and every fault was recovered from.
#
#   tools/soak.sh --duration=60m --report=docs/RELIABILITY.md     # the hour behind docs/RELIABILITY.md
#   tools/soak.sh --duration=5m                                   # the five-minute version .ci/run runs
#
# Options (defaults): --duration (60m) --write-rate (20/s) --read-rate (20/s) --writers (8) --streams (4)
# --export-every (5m) --replay-every (12m) --hold (60s) --recovery-bound (600s) --retry-window (240s)
# --max-connections (80) --seed (the clock) --report (target/soak/RELIABILITY.md) --postgres-bin
# (/usr/lib/postgresql/15/bin) --instances (2) --faults (all; none runs the load alone) --tracker-arg=--name=value (repeatable, for both instances). Needs PostgreSQL 15's server binaries; as root it runs the server as the postgres
# OS user. Set SOAK_SKIP_BUILD=true to reuse the jars already built.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${SOAK_SKIP_BUILD:-false}" != true ]]; then
  ./mvnw -q -B -ntp -Pbenchmarks -DskipTests -Dspotless.check.skip=true package
fi
# The soak runs copies of the jars, so that a build during the hour cannot change what it restarts.
mkdir -p target
jars="$(mktemp -d target/soak-jars.XXXXXX)"
trap 'rm -rf "$jars"' EXIT
cp api-gateway/target/cet-commitment-tracker.jar benchmarks/target/cet-tracker-benchmarks.jar "$jars/"
java -Xmx512m -jar "$jars/cet-tracker-benchmarks.jar" soak --tracker-jar="$jars/cet-commitment-tracker.jar" "$@"
