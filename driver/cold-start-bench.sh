#!/usr/bin/env bash
# Measures the shell's cold start (docs/benchmarks.md, "Cold start"): wall and CPU time of
#   ./redcap-sql URL -e "SELECT COUNT(*) FROM demographics"      against a running emulator
#   ./redcap-sql --demo -e "SELECT COUNT(*) FROM demographics"   end to end
# each run N times (default 7), as medians, "plain" (java -jar, what redcap-sql ran before it
# used class-data sharing) against "redcap-sql" (the script as it is). Needs GNU time
# (/usr/bin/time) and the jars built (mvn -B -DskipTests package); the archive is made first.
# BASELINE_JAR=path runs "plain" with another build of the shaded jar (e.g. one from before the
# demo emulator started with C1 only).
#
#   [BASELINE_JAR=old.jar] driver/cold-start-bench.sh [N]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-7}"
version="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$here/pom.xml" | head -n 1)"
jar="$here/driver/target/redcap-jdbc-$version.jar"
emulator_jar="$here/emulator/target/redcap-emulator-$version.jar"
baseline="${BASELINE_JAR:-$jar}"
query="SELECT COUNT(*) FROM demographics"
work="$(mktemp -d)"
emulator_pid=""
cleanup() {
  if [ -n "$emulator_pid" ]; then kill "$emulator_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

java -jar "$emulator_jar" --port 0 --generate demo --ready-file "$work/ready.json" \
  >"$work/emulator.log" 2>&1 &
emulator_pid=$!
for _ in $(seq 600); do [ -s "$work/ready.json" ] && break; sleep 0.1; done
url="$(sed -n 's/.*"url" *: *"\([^"]*\)".*/\1/p' "$work/ready.json")"
REDCAP_TOKEN="$(sed -n 's/.*"token" *: *"\([^"]*\)".*/\1/p' "$work/ready.json")"
export REDCAP_TOKEN

# Makes the archive if needed (not timed).
"$here/redcap-sql" "$url" -e "$query" >/dev/null 2>&1

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

# measure LABEL COMMAND...: N runs; prints the median wall and CPU (user + sys) seconds.
measure() {
  local label="$1" walls=() cpus=() e u s
  shift
  for _ in $(seq "$n"); do
    /usr/bin/time -f '%e %U %S' -o "$work/time" "$@" >"$work/out" 2>&1 \
      || { echo "$label failed:" >&2; cat "$work/out" >&2; exit 1; }
    grep -q '300' "$work/out" || { echo "$label: unexpected output" >&2; cat "$work/out" >&2; exit 1; }
    read -r e u s <"$work/time"
    walls+=("$e")
    cpus+=("$(awk -v u="$u" -v s="$s" 'BEGIN {print u + s}')")
  done
  printf '%-28s wall %5.2f s  cpu %5.2f s   (walls: %s)\n' "$label" \
    "$(median "${walls[@]}")" "$(median "${cpus[@]}")" "${walls[*]}"
}

echo "$(nproc) cores; load average before: $(cut -d ' ' -f 1-3 /proc/loadavg)"
measure "plain   URL -e" java -jar "$baseline" "$url" -e "$query"
measure "redcap-sql URL -e" "$here/redcap-sql" "$url" -e "$query"
measure "plain   --demo -e" java -jar "$baseline" --demo --emulator-jar "$emulator_jar" -e "$query"
measure "redcap-sql --demo -e" "$here/redcap-sql" --demo -e "$query"
echo "load average after: $(cut -d ' ' -f 1-3 /proc/loadavg)"
