# Sourced by tools/run and tools/test: installs what a fresh machine lacks, and nothing else.
# The .NET SDK and Node.js are expected on the machine (see README); everything else comes from here.

# The oldest Node.js every package pinned by tools/package-lock.json declares it runs on (README, Prerequisites).
PREREQUISITES_NODE_MINIMUM=20.6.0

prerequisites::require() {
  local tool
  for tool in dotnet node npm; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      echo "HealthItPm needs '$tool' on the PATH (see README, Prerequisites)." >&2
      exit 1
    fi
  done
  prerequisites::node_version
}

# Says so clearly when Node.js is older than the packages need, before npm prints its engine warnings.
prerequisites::node_version() {
  local found
  found=$(node --version 2>/dev/null)
  found=${found#v}
  local IFS=.
  local -a have=($found) need=($PREREQUISITES_NODE_MINIMUM)
  local i
  for i in 0 1 2; do
    if ! [[ "${have[i]:-}" =~ ^[0-9]+$ ]] || [ "${have[i]}" -lt "${need[i]}" ]; then
      echo "HealthItPm needs Node.js $PREREQUISITES_NODE_MINIMUM or later; this machine has ${found:-no working node} (see README, Prerequisites)." >&2
      exit 1
    fi
    if [ "${have[i]}" -gt "${need[i]}" ]; then
      return
    fi
  done
}

# npm packages pinned by tools/package-lock.json: Azurite, the Agents Playground, adaptivecards, the manifest schemas.
prerequisites::npm() {
  local tools_dir=$1
  local stamp="$tools_dir/node_modules/.package-lock.json"
  if [ ! -f "$stamp" ] || [ "$tools_dir/package-lock.json" -nt "$stamp" ]; then
    local names
    names=$(node -e 'console.log(Object.keys(require(process.argv[1]).dependencies).join(", "))' "$tools_dir/package.json")
    echo "Installing npm packages pinned by tools/package-lock.json: $names and their dependencies (about 480 packages, a minute or two)..."
    (cd "$tools_dir" && npm ci --no-audit --no-fund --loglevel=warn)
  fi
}

# Debian's Chromium: the browser the card checks and end-to-end tests drive.
prerequisites::chromium() {
  if [ -x /usr/bin/chromium ]; then
    return
  fi
  echo "Installing Chromium (Debian package 'chromium' and the packages it needs; a few minutes on a fresh machine)..."
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
  fi
  echo "  apt-get update..."
  $sudo apt-get update -qq
  # One line per package as it is set up, so a long install shows that it moves.
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q -o Dpkg::Use-Pty=0 chromium \
    | awk '/^Setting up / { print "  set up " $3; fflush() } /newly installed/ { print "  " $0; fflush() }'
  if [ ! -x /usr/bin/chromium ]; then
    echo "Chromium did not install (apt-get install chromium failed); see above." >&2
    exit 1
  fi
}
