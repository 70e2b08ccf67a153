# Sourced by ./mvnw and ./pexper: finds a JDK of at least MIN_JAVA (default 21).
# JAVA_HOME when new enough, otherwise the newest JDK under /usr/lib/jvm or behind `java` on PATH.

java_major() { # JAVA_HOME-like dir -> major version, or nothing
  local home=$1 v=""
  [ -x "$home/bin/java" ] || return 0
  if [ -f "$home/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")
  fi
  if [ -z "$v" ]; then
    v=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n1)
  fi
  v=${v#1.}
  echo "${v%%[.+-]*}"
}

pick_jdk() {
  local min=${MIN_JAVA:-21}
  if [ -n "${JAVA_HOME:-}" ] && [ "$(java_major "$JAVA_HOME")" -ge "$min" ] 2>/dev/null; then
    echo "$JAVA_HOME"; return
  fi
  local best="" best_v=0 d v candidates=()
  for d in /usr/lib/jvm/*/; do candidates+=("${d%/}"); done
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for d in "${candidates[@]}"; do
    [ -d "$d" ] || continue
    v=$(java_major "$d")
    if [ -n "$v" ] && [ "$v" -ge "$min" ] && [ "$v" -gt "$best_v" ]; then best=$d; best_v=$v; fi
  done
  if [ -z "$best" ]; then
    echo "no JDK $min or newer found (looked at JAVA_HOME, /usr/lib/jvm and PATH); install one, e.g. openjdk-21-jdk" >&2
    return 1
  fi
  echo "$best"
}
