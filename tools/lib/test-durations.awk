# Reads dotnet test's trx files and prints one line per test result, tab-separated: seconds, outcome,
# the test project (the trx file's name) and the test's full name. tools/test sorts these into
# TestResults/durations.tsv. Each result's start tag is one line in a trx, its attributes escaped
# (a '>' in a test's name is written '&gt;'), so the tag ends at the first '>'.

function attribute(tag, name,    found) {
  if (!match(tag, " " name "=\"[^\"]*\"")) {
    return ""
  }
  found = substr(tag, RSTART, RLENGTH)
  return substr(found, length(name) + 4, length(found) - length(name) - 4)
}

function unescaped(text) {
  gsub(/&quot;/, "\"", text)
  gsub(/&apos;/, "'", text)
  gsub(/&lt;/, "<", text)
  gsub(/&gt;/, ">", text)
  # A name stays on one line of the table.
  gsub(/&#x(9|A|D);/, " ", text)
  gsub(/&amp;/, "\\&", text)
  return text
}

# "00:01:02.5000000" → 62.5
function seconds(duration,    parts) {
  if (split(duration, parts, ":") != 3) {
    return 0
  }
  return parts[1] * 3600 + parts[2] * 60 + parts[3]
}

/<UnitTestResult / {
  project = FILENAME
  sub(/.*\//, "", project)
  sub(/\.trx$/, "", project)
  rest = $0
  while (match(rest, /<UnitTestResult [^>]*>/)) {
    tag = substr(rest, RSTART, RLENGTH)
    rest = substr(rest, RSTART + RLENGTH)
    printf "%.3f\t%s\t%s\t%s\n", seconds(attribute(tag, "duration")), attribute(tag, "outcome"), project,
      unescaped(attribute(tag, "testName"))
  }
}
