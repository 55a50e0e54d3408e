# Sourced by tools/run and tools/test: installs what a fresh machine lacks, and nothing else.
# The .NET SDK and Node.js are expected on the machine (see README); everything else comes from here.

prerequisites::require() {
  local tool
  for tool in dotnet node npm; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      echo "HealthItPm needs '$tool' on the PATH (see README, Prerequisites)." >&2
      exit 1
    fi
  done
}

# npm packages pinned by tools/package-lock.json: Azurite, the Agents Playground, adaptivecards, the manifest schemas.
prerequisites::npm() {
  local tools_dir=$1
  local stamp="$tools_dir/node_modules/.package-lock.json"
  if [ ! -f "$stamp" ] || [ "$tools_dir/package-lock.json" -nt "$stamp" ]; then
    echo "Installing npm packages (tools/package-lock.json)..."
    (cd "$tools_dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# Debian's Chromium: the browser the card checks and end-to-end tests drive.
prerequisites::chromium() {
  if [ -x /usr/bin/chromium ]; then
    return
  fi
  echo "Installing Chromium (Debian package 'chromium')..."
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
}
