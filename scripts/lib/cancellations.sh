# Sourced by the API benchmarks (bench-api.sh, bench-field-speed.sh); needs curl and jq.
#
# time_cancellations BASE KEY JOB COUNT
#   Cancels the first unpinned shift of COUNT different volunteers of JOB, one after another, each timed by curl
#   from request to answer; prints a Markdown table (mode, changed assignments, changes outside the cancelled slot)
#   and the median, max and min latency.
time_cancellations() {
  local base=$1 key=$2 job=$3 count=$4 picks answer seconds outside i=0
  local -a times=()
  picks=$(mktemp)
  echo "| # | volunteer | slot | seconds | mode | changed assignments | changes outside the slot |"
  echo "| ---: | --- | --- | ---: | --- | ---: | ---: |"
  curl -s -H "X-Api-Key: $key" "$base/api/jobs/$job/plan" | jq -r --argjson n "$count" \
    '[.assignments[] | select(.pinned|not)] | unique_by(.volunteerId) | .[:$n][] | "\(.volunteerId) \(.slotId)"' \
    >"$picks"
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
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {
    median = NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
    printf "\nRepair latency over %d cancellations: median %.3f s, max %.3f s (min %.3f s).\n", NR, median, a[NR], a[1] }'
}
