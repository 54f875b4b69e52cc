#!/usr/bin/env bash
# PAT benchmarks, run on purpose: ./bench/run.sh
#   1. JMH: the verification path (cache hit, well-formed miss, checksum reject).
#   2. wrk against ./pat serve: the same server, three ways in one run (no authentication: /actuator/health;
#      GetEnvInfo with a session; GetEnvInfo with a token), with 1,000 and with 1,000,000 tokens stored.
# Environment: DURATION (seconds per wrk run, default 15), THREADS (2), CONNECTIONS (64), SIZES ("1000 1000000"),
# JMH_ARGS (default: a short run). Needs wrk (installed with apt-get when missing, as root).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
DURATION="${DURATION:-15}"; THREADS="${THREADS:-2}"; CONNECTIONS="${CONNECTIONS:-64}"
SIZES="${SIZES:-1000 1000000}"; PORT="${PORT:-18090}"
JMH_ARGS="${JMH_ARGS:--wi 3 -w 2 -i 5 -r 3 -f 1 -t 1}"
PASSWORD="benchmark password"

command -v wrk >/dev/null || { echo "installing wrk..." >&2; apt-get install -y -q wrk >/dev/null; }
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), $(uname -r)"

echo "== building"
(cd "$root" && mvn -B -q -DskipTests install) >&2
(cd "$here" && mvn -B -q package) >&2
jar="$root/app/target/app-0.1.0-SNAPSHOT-exec.jar"
bench="$here/target/benchmarks.jar"

echo "== JMH: verification path (ns per call, lower is better)"
java -jar "$bench" $JMH_ARGS 2>/dev/null | sed -n '/^Benchmark/,$p'

wrk_run() { # url -> "requests/s p99"
  local out
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$1")
  echo "$(echo "$out" | awk '/Requests\/sec/{print $2}') $(echo "$out" | awk '$1=="99%"{print $2}')"
}

declare -A rps
for size in $SIZES; do
  work=$(mktemp -d); db="jdbc:sqlite:$work/pat.db"; base="http://127.0.0.1:$PORT"
  echo "== $size tokens stored"
  echo "$PASSWORD" | PAT_DB_URL="$db" java -jar "$jar" account create --login bench@example.com >/dev/null
  # the other tokens belong to another account (an account holds at most 100)
  echo "$PASSWORD" | PAT_DB_URL="$db" java -jar "$jar" account create --login others@example.com >/dev/null
  if [ "$size" -gt 1 ]; then java -cp "$bench" dev.pat.bench.SeedTokens "$db" 2 $((size - 1)) >/dev/null; fi
  PAT_DB_URL="$db" java -jar "$jar" serve --port "$PORT" > "$work/server.log" 2>&1 &
  server=$!
  trap 'kill $server 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do curl -sf "$base/actuator/health" >/dev/null && break; sleep 1; done
  session=$(curl -s -X POST "$base/1.0/users/authentication/rest/signin" -d login=bench@example.com \
    --data-urlencode "password=$PASSWORD" | sed 's/.*"session":"\([^"]*\)".*/\1/')
  curl -s "$base/1.0/environment/control/rest/createenvironment" -d "session=$session" -d envName=bench >/dev/null
  token=$(curl -s "$base/1.0/users/authentication/rest/createtoken" -d "session=$session" \
    --data-urlencode "password=$PASSWORD" -d description=bench --data-urlencode "tokenTemplate=IDE Plugins" \
    -d expiresAt=31-12-2099 | sed 's/.*"key":"\([^"]*\)".*/\1/')
  health="$base/actuator/health"
  with_session="$base/1.0/environment/control/rest/getenvinfo?envName=bench&session=$session"
  with_token="$base/1.0/environment/control/rest/getenvinfo?envName=bench&session=$token"
  [ "$(curl -s "$with_token" | head -c 12)" = '{"result":0,' ] || { echo "the token call does not answer result 0" >&2; exit 1; }
  for url in "$health" "$with_session" "$with_token"; do wrk -t"$THREADS" -c"$CONNECTIONS" -d3s "$url" >/dev/null; done
  read -r r_health p_health <<<"$(wrk_run "$health")"
  read -r r_session p_session <<<"$(wrk_run "$with_session")"
  read -r r_token p_token <<<"$(wrk_run "$with_token")"
  rps[$size]=$r_token
  printf '%-34s %12s req/s   p99 %s\n' "no authentication (health)" "$r_health" "$p_health"
  printf '%-34s %12s req/s   p99 %s\n' "GetEnvInfo with a session" "$r_session" "$p_session"
  printf '%-34s %12s req/s   p99 %s\n' "GetEnvInfo with a token" "$r_token" "$p_token"
  awk -v t="$r_token" -v h="$r_health" -v s="$r_session" 'BEGIN{printf "ratios: token/baseline %.2f, session/baseline %.2f, token/session %.2f\n", t/h, s/h, t/s}'
  kill "$server"; wait "$server" 2>/dev/null || true
  trap - EXIT
  rm -rf "$work"
done
set -- $SIZES
if [ $# -ge 2 ]; then
  awk -v a="${rps[$1]}" -v b="${rps[$2]}" -v x="$1" -v y="$2" 'BEGIN{printf "token calls with %s tokens stored / with %s: %.2f\n", y, x, b/a}'
fi
