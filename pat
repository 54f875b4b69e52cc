#!/usr/bin/env bash
# PAT launcher.
#   ./pat serve [--port N]      the platform API on 127.0.0.1:8080 (or N)
#   ./pat shell                 the interactive admin shell
#   ./pat <command> [options]   one admin command, then exit (./pat help lists them)
# The database is ./data/pat.db (SQLite) next to this script, or the JDBC URL in PAT_DB_URL.
# The jar is built on first use, and again whenever a source file is newer than it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$here/app/target/app-0.1.0-SNAPSHOT-exec.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$here" -path "$here/*/target" -prune -o \( -name '*.java' -o -name 'pom.xml' \
     -o -name '*.properties' -o -name '*.sql' \) -newer "$jar" -print -quit)" ]; then
  echo "pat: building the jar (first use, or sources changed)..." >&2
  (cd "$here" && mvn -B -q -DskipTests install -pl app -am) >&2
fi
export PAT_DB_URL="${PAT_DB_URL:-jdbc:sqlite:$here/data/pat.db}"
exec java ${PAT_JAVA_OPTS:-} -jar "$jar" "$@"
