# Reads `dotnet test --logger "console;verbosity=normal"` and keeps it short but never silent:
# which test assembly starts and finishes, a running count per assembly, every test slower than
# 5 s by name, and every failure in full. The hosts' own log lines are dropped; the rest passes through.

function seconds(duration,    parts) {
  # "[< 1 ms]", "[12 ms]", "[3 s]", "[1 m 4 s]"
  gsub(/[\[\]]/, "", duration)
  if (duration ~ / m /) { split(duration, parts, " "); return parts[1] * 60 + parts[3] }
  if (duration ~ / s$/) { return duration + 0 }
  return 0
}

/^  Passed / {
  line = $0
  sub(/^  Passed /, "", line)
  assembly = line
  sub(/\.Tests\..*/, ".Tests", assembly)
  passed[assembly]++
  in_log = 0
  duration = line
  sub(/.*\[/, "[", duration)
  if (seconds(duration) >= 5) { print "  slow " line }
  if (passed[assembly] % 50 == 0) { print "  " assembly ": " passed[assembly] " passed so far" }
  fflush()
  next
}

# The hosts' own console logging (Microsoft.Extensions.Logging: "info: Category[0]" and its
# indented message lines): what the tests check is in their results, not in these.
/^(trce|dbug|info|warn|fail|crit): / { in_log = 1; next }
in_log && /^      / { next }
{ in_log = 0 }

/^\[xUnit\.net / {
  if ($0 ~ /(Starting|Finished): |\[FAIL\]$/) {
    line = $0
    sub(/^\[xUnit\.net [0-9:.]+\] +/, "", line)
    print "  " line
    fflush()
  }
  next
}

{ print; fflush() }
