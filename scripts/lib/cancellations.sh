# Sourced by the API benchmarks (bench-api.sh, bench-field-speed.sh): timed cancellations and field reports; needs
# curl and jq.
#
# time_cancellations BASE KEY JOB COUNT [STARTED_SLOTS]
#   Cancels the first unpinned shift of COUNT different volunteers of JOB, one after another, each timed by curl
#   from request to answer; prints a Markdown table (mode, changed assignments, changes outside the cancelled slot)
#   and the median, max and min latency. STARTED_SLOTS (a jq regular expression of slot ids, e.g. "-31-am$") names
#   slots that have started: their shifts are not picked.
time_cancellations() {
  local base=$1 key=$2 job=$3 count=$4 started=${5:-^$} picks answer seconds outside i=0
  local -a times=()
  picks=$(mktemp)
  echo "| # | volunteer | slot | seconds | mode | changed assignments | changes outside the slot |"
  echo "| ---: | --- | --- | ---: | --- | ---: | ---: |"
  curl -s -H "X-Api-Key: $key" "$base/api/jobs/$job/plan" | jq -r --argjson n "$count" --arg started "$started" \
    '[.assignments[] | select((.pinned|not) and (.slotId|test($started)|not))] | unique_by(.volunteerId)
     | .[:$n][] | "\(.volunteerId) \(.slotId)"' >"$picks"
  while read -r volunteer slot; do
    i=$((i + 1))
    answer=$(mktemp)
    seconds=$(curl -s -o "$answer" -w '%{time_total}' -H "X-Api-Key: $key" -H 'Content-Type: application/json' \
      "$base/api/jobs/$job/cancellations" -d "{\"volunteerId\":\"$volunteer\",\"slotId\":\"$slot\"}")
    outside=$(jq --arg slot "$slot" '[.changes[] | select(.slotId != $slot)] | length' "$answer")
    echo "| $i | $volunteer | $slot | $seconds | $(jq -r .mode "$answer") | $(jq '.changes | length' "$answer") | $outside |"
    times+=("$seconds")
    rm -f "$answer"
  done <"$picks"
  rm -f "$picks"
  printf '%s\n' "${times[@]}" | latency_summary cancellations
}

# time_field_reports BASE KEY JOB COUNT STARTED_SLOTS
#   Reports 40 doors on the first started shift (slot id matching the jq regular expression STARTED_SLOTS) of COUNT
#   different volunteers of JOB, one after another, each timed by curl from request to answer; prints a Markdown
#   table (mode, changed assignments, hard score before and after) and the median, max and min latency.
time_field_reports() {
  local base=$1 key=$2 job=$3 count=$4 started=$5 picks answer seconds i=0
  local -a times=()
  picks=$(mktemp)
  echo "| # | volunteer | slot | seconds | mode | changed assignments | hard before → after | broken rules |"
  echo "| ---: | --- | --- | ---: | --- | ---: | --- | --- |"
  curl -s -H "X-Api-Key: $key" "$base/api/jobs/$job/plan" | jq -r --argjson n "$count" --arg started "$started" \
    '[.assignments[] | select(.slotId|test($started))] | unique_by(.volunteerId) | .[:$n][]
     | "\(.volunteerId) \(.slotId)"' >"$picks"
  while read -r volunteer slot; do
    i=$((i + 1))
    answer=$(mktemp)
    seconds=$(curl -s -o "$answer" -w '%{time_total}' -H "X-Api-Key: $key" -H 'Content-Type: application/json' \
      "$base/api/jobs/$job/field-reports" \
      -d "{\"volunteerId\":\"$volunteer\",\"slotId\":\"$slot\",\"doorsKnocked\":40,\"contacts\":10}")
    echo "| $i | $volunteer | $slot | $seconds | $(jq -r .mode "$answer") | $(jq '.changes | length' "$answer") |" \
      "$(jq -r '"\(.scoreBefore // "-" | sub("hard.*"; "")) → \(.scoreAfter // "-" | sub("hard.*"; ""))"' "$answer") |" \
      "$(jq -r '.brokenRules // [] | join("; ")' "$answer") |"
    times+=("$seconds")
    rm -f "$answer"
  done <"$picks"
  rm -f "$picks"
  printf '%s\n' "${times[@]}" | latency_summary "field reports"
}

# latency_summary WHAT: seconds on stdin, one a line; prints their median, max and min.
latency_summary() {
  sort -n | awk -v what="$1" '{a[NR]=$1} END {
    median = NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
    printf "\nRepair latency over %d %s: median %.3f s, max %.3f s (min %.3f s).\n", NR, what, median, a[NR], a[1] }'
}
