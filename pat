#!/usr/bin/env bash
# PAT launcher.
#   ./pat serve [--port N]      the platform API on 127.0.0.1:8080 (or N)
#   ./pat shell                 the interactive admin shell
#   ./pat <command> [options]   one admin command, then exit (./pat help lists them)
# The database is ./data/pat.db (SQLite) next to this script, or the JDBC URL in PAT_DB_URL.
# The jar is built on first use, and again whenever a source file is newer than it. It is then extracted, and a
# class-data-sharing archive is recorded from one command (Spring Boot's documented way to start faster), so a
# one-shot command starts in about a second (README, "Start-up").
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$here/app/target/app-0.1.0-SNAPSHOT-exec.jar"
run="$here/app/target/pat-run"
# launchers started together (a server and a shell, say) take turns to build and extract: the first does it, the
# others wait for it and then find it done (without flock, as before, one at a time is up to the user)
mkdir -p "$here/app/target"
if command -v flock >/dev/null 2>&1; then exec 9>"$here/app/target/.pat-launch.lock"; flock 9; fi
if [ ! -f "$jar" ] || [ -n "$(find "$here" -path "$here/*/target" -prune -o \( -name '*.java' -o -name 'pom.xml' \
     -o -name '*.properties' -o -name '*.sql' -o -name '*.list' -o -name '*.xml' -o -name '*.js' -o -name '*.html' \
     -o -name '*.css' \) -newer "$jar" -print -quit)" ]; then
  echo "pat: building the jar (first use, or sources changed)..." >&2
  (cd "$here" && mvn -B -q -DskipTests install -pl app -am) >&2
fi
# JVM warnings (a stale archive, say) go to standard error: standard output is for the command's answer
jvm=(-Xlog:disable -Xlog:all=warning:stderr)
if [ ! -f "$run/pat.jsa" ] || [ "$jar" -nt "$run/pat.jsa" ]; then
  rm -rf "$run"
  java -Djarmode=tools -jar "$jar" extract --destination "$run" >/dev/null
  PAT_DB_URL="jdbc:sqlite:$run/training.db" java "${jvm[@]}" -XX:TieredStopAtLevel=1 \
    -XX:ArchiveClassesAtExit="$run/pat.jsa" -jar "$run/app-0.1.0-SNAPSHOT-exec.jar" api sets --json >/dev/null 2>&1 \
    || rm -f "$run/pat.jsa"
  rm -f "$run"/training.db*
fi
if command -v flock >/dev/null 2>&1; then exec 9>&-; fi
export PAT_DB_URL="${PAT_DB_URL:-jdbc:sqlite:$here/data/pat.db}"
[ -f "$run/pat.jsa" ] && jvm+=(-XX:SharedArchiveFile="$run/pat.jsa" -Xshare:auto)
if [ "${1:-}" = "serve" ]; then
  # the server's heap, sized to its work (the token cache at its bound of 100,000 and the requests in flight;
  # README, "Memory"), not a quarter of the machine; PAT_JAVA_OPTS=-Xmx... overrides it. G1 keeps it at its
  # minimum until the live objects need more: marking starts at 60 % occupancy, not at the adaptive threshold
  # that PAT's 28 MB of live objects after start cross at once, and the heap grows for pauses only when they
  # take over a fifth of the time (GCTimeRatio 4), not 2 % (the default 12, scaled down while the heap is small)
  case " ${PAT_JAVA_OPTS:-} " in *" -Xmx"*) ;; *) jvm+=(-Xms64m -Xmx512m -XX:-G1UseAdaptiveIHOP
    -XX:InitiatingHeapOccupancyPercent=60 -XX:GCTimeRatio=4) ;; esac
  # and the C heap's freed memory handed back to the system every 5 s, rather than kept by the allocator for its
  # threads (JDK 17.0.9 and later; an older JVM runs without it)
  if java -XX:TrimNativeHeapInterval=5000 -version >/dev/null 2>&1; then jvm+=(-XX:TrimNativeHeapInterval=5000); fi
else
  # a command is short-lived: the quick compiler alone, no time spent optimising code that runs once, and the
  # simplest collector
  jvm+=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
fi
exec java "${jvm[@]}" ${PAT_JAVA_OPTS:-} -jar "$run/app-0.1.0-SNAPSHOT-exec.jar" "$@"
