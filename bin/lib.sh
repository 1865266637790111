# shellcheck shell=bash
# Shared helpers for bin/cluster and bin/test: messages, Debian packages,
# JDK discovery and polling with a deadline. Sourced, never executed.

# The oldest JDK the build and Payara Micro 7 accept.
readonly ARENA_MIN_JDK=21

# command:package pairs the cluster needs at run time. The judge runs
# submissions with python3, g++, node and java inside bubblewrap, and drops
# privileges and sets limits with setpriv and prlimit (util-linux).
readonly ARENA_RUNTIME_COMMANDS=(
  redis-server:redis-server
  redis-cli:redis-tools
  nginx:nginx
  curl:curl
  bwrap:bubblewrap
  python3:python3
  g++:g++
  node:nodejs
  setpriv:util-linux
  prlimit:util-linux
)

# command:package pairs only the tests need: the browser tests drive
# Debian's Chromium through its chromedriver.
readonly ARENA_TEST_COMMANDS=(
  chromium:chromium
  chromedriver:chromium-driver
)

log()  { printf '%s %s\n' "[$(date +%H:%M:%S)]" "$*" >&2; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die()  { printf 'error: %s\n' "$*" >&2; exit 1; }

# The repository root, whichever directory the caller runs from.
arena_repo_root() {
  cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd
}

# nginx and a few admin tools live in sbin, which a non-root PATH may lack.
command_exists() {
  PATH="$PATH:/usr/sbin:/sbin" command -v "$1" >/dev/null 2>&1
}

# Prints the Debian packages whose commands are missing, one per line:
# the runtime ones and any further command:package pairs given.
missing_packages() {
  local pair
  for pair in "${ARENA_RUNTIME_COMMANDS[@]}" "$@"; do
    command_exists "${pair%%:*}" || printf '%s\n' "${pair#*:}"
  done | sort -u
}

# Installs the missing packages as root; otherwise names the exact command
# to run and stops, because a half-provisioned cluster fails in odd ways.
ensure_packages() {
  local -a missing
  mapfile -t missing < <(missing_packages "$@")
  ((${#missing[@]} == 0)) && return 0
  if ((EUID != 0)); then
    die "missing packages; as root run: apt-get install -y ${missing[*]}"
  fi
  log "installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null \
    || die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null \
    || die "apt-get install -y ${missing[*]} failed"
  mapfile -t missing < <(missing_packages "$@")
  ((${#missing[@]} == 0)) || die "still missing after install: ${missing[*]}"
}

# Prints the feature release of a java binary (8 for "1.8.0_392", 25 for
# "25.0.1"), or nothing if it does not run.
java_major_version() {
  local java="$1" version
  [[ -x "$java" ]] || return 0
  version=$("$java" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n 1)
  version=${version#1.}
  printf '%s\n' "${version%%[!0-9]*}"
}

java_is_recent() {
  local major
  major=$(java_major_version "$1")
  [[ -n "$major" ]] && ((major >= ARENA_MIN_JDK))
}

# Prints a JAVA_HOME of a JDK >= ARENA_MIN_JDK: JAVA_HOME itself if recent
# enough, else the java on PATH, else the newest JDK under /usr/lib/jvm.
find_jdk_home() {
  if [[ -n "${JAVA_HOME:-}" ]] && java_is_recent "$JAVA_HOME/bin/java"; then
    printf '%s\n' "$JAVA_HOME"
    return 0
  fi
  local java
  if java=$(command -v java) && java_is_recent "$java"; then
    java=$(readlink -f "$java")
    printf '%s\n' "${java%/bin/java}"
    return 0
  fi
  local home major best_home="" best_major=0
  for home in /usr/lib/jvm/*/; do
    home=${home%/}
    major=$(java_major_version "$home/bin/java")
    if [[ -n "$major" ]] && ((major >= ARENA_MIN_JDK && major > best_major)); then
      best_major=$major
      best_home=$home
    fi
  done
  [[ -n "$best_home" ]] || return 1
  printf '%s\n' "$best_home"
}

# Exports JAVA_HOME pointing at a suitable JDK, or stops with the reason.
use_recent_jdk() {
  local home
  home=$(find_jdk_home) \
    || die "no JDK >= $ARENA_MIN_JDK found (checked JAVA_HOME, java on PATH, /usr/lib/jvm/*); install one, e.g. apt-get install -y openjdk-21-jdk-headless"
  export JAVA_HOME="$home"
}

# The heap options of a Payara Micro instance, one per line (bin/cluster says why these; the benchmark's
# container floor runs with the same).
instance_heap_opts() {
  printf '%s\n' "-Xms${ARENA_HEAP:-512m}" "-Xmx${ARENA_HEAP:-512m}" -XX:+AlwaysPreTouch \
    -XX:-G1UseAdaptiveIHOP -XX:InitiatingHeapOccupancyPercent=70
}

# poll_until SECONDS COMMAND...: runs COMMAND every half second until it
# succeeds (0), gives up early when it returns 2 (the awaited thing cannot
# happen any more, e.g. its process died), or the deadline passes.
# Returns 0 on success, 1 otherwise.
poll_until() {
  local timeout="$1" deadline rc
  shift
  deadline=$(($(date +%s) + timeout))
  while true; do
    rc=0
    "$@" || rc=$?
    ((rc == 0)) && return 0
    ((rc == 2)) && return 1
    (($(date +%s) >= deadline)) && return 1
    sleep 0.5
  done
}

# True when something accepts TCP connections on 127.0.0.1:PORT.
port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Prints the HTTP status of GET URL (000 when nothing answers).
http_status() {
  curl -s -o /dev/null -w '%{http_code}' --max-time "${2:-3}" "$1" || true
}
