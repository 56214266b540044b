#!/usr/bin/env bash
# The walkthrough of the README ("Using the API"), in order, against a tracker freshly started with the run command
# (fact sheet loaded). Run it whole: docs/walkthrough.sh [base URL, default localhost:8080]; .ci/run does so on every
# build. Each `call` prints the answer and stops the walk if its status, or a piece of its body, is not the documented
# one. `pos` is the X-Event-Position of the last answer: a read with ?minPosition=<that position> shows that write.
set -euo pipefail
T=${1:-localhost:8080}
SEC='-u us-secretariat:us-secretariat-demo -H Content-Type:application/json'
VIEW='-u viewer:viewer-demo'
AUD='-u auditor:auditor-demo'
ID=quantum-nist-kriss-testbed-mou
OUT=$(mktemp)
call() { # call STATUS 'expected piece of the body, or empty' curl-arguments...
  local status=$1 expected=$2; shift 2
  HEADERS=$( (curl -s -D - -o "$OUT" "$@" || true) | tr -d '\r'); BODY=$(cat "$OUT")
  STATUS=$(grep '^HTTP/' <<<"$HEADERS" | tail -1 | cut -d' ' -f2) # the last: curl may show a 100 Continue first
  echo "-> $STATUS ${BODY:0:300}"
  [[ $STATUS == "$status" && $BODY == *"$expected"* ]] ||
    { echo "FAILED: expected $status with '$expected'" >&2; exit 1; }
}
header() { grep -i "^$1:" <<<"$HEADERS" | head -1 | cut -d' ' -f2-; }
check() { [[ $1 == "$2" ]] || { echo "FAILED: '$1' is not '$2'" >&2; exit 1; }; }
pos() { header X-Event-Position; }

# the seven areas with their commitments, by status and assessment, and the overdue ones
call 200 '"area":"BIOTECHNOLOGY"' $VIEW $T/api/areas
call 200 '"area":"BIOTECHNOLOGY"' $VIEW $T/api/areas/BIOTECHNOLOGY

# funding totals: pledged, committed and disbursed side by side, per area/currency and per commitment/funder
call 200 '"byLine"' $VIEW "$T/api/funding?area=BIOTECHNOLOGY"

# propose an MOU (kind MOU; any other kind proposes a commitment of that kind)
call 201 '"version":0,"position":' $SEC $T/api/commitments -d '{
  "commitmentId": "quantum-nist-kriss-testbed-mou",
  "area": "QUANTUM", "kind": "MOU",
  "titleEn": "NIST–KRISS MOU on a shared superconducting qubit testbed",
  "titleKo": "NIST–한국표준과학연구원 초전도 큐비트 공동 테스트베드 양해각서",
  "parties": [
    {"nameEn": "NIST", "nameKo": "미국 국립표준기술연구소", "country": "US", "role": "SIGNATORY"},
    {"nameEn": "KRISS", "nameKo": "한국표준과학연구원", "country": "ROK", "role": "SIGNATORY"}],
  "sourceCitation": "Secretariat minutes, 2024-01-10",
  "targetDate": "2025-12-31",
  "announcedOn": "2024-01-10"}'
# -> 201 {"commitmentId":"quantum-nist-kriss-testbed-mou","version":0,"position":19}, header X-Event-Position: 19
#    (the fact sheet's 18 events come first)

# sign it, launch it, record a milestone, pledge money: each answers its version and its event's position
call 200 '"version":1' $SEC $T/api/commitments/$ID/signature -d '{"signedOn": "2024-03-01"}'
call 200 '"version":2' $SEC $T/api/commitments/$ID/launch -d '{"launchedOn": "2024-04-02", "note": "kick-off"}'
call 200 '"version":3' $SEC $T/api/commitments/$ID/milestones \
  -d '{"description": "First joint measurement campaign", "achievedOn": "2024-06-20"}'
call 200 '"version":4' $SEC $T/api/commitments/$ID/funding/pledges \
  -d '{"funder": "NIST", "amount": "2500000.00", "currency": "USD", "valueDate": "2024-05-01"}'
PLEDGED=$(pos)

# its state (ETag = version) and its history, read at least at the pledge's position: they show the pledge
call 200 '"funder":"NIST"' $VIEW "$T/api/commitments/$ID?minPosition=$PLEDGED"
check "$(header ETag)" '"4"'
call 200 '"eventType":"FundingPledgedEvent"' $VIEW -H "X-Min-Position: $PLEDGED" $T/api/commitments/$ID/history
call 200 '"currency":"USD"' $VIEW "$T/api/funding?area=QUANTUM&minPosition=$PLEDGED"

# signing again breaks a lifecycle rule: 409 application/problem+json, nothing stored
call 409 '"rule":"MOU_ALREADY_SIGNED"' $SEC $T/api/commitments/$ID/signature -d '{"signedOn": "2024-03-01"}'

# safe retries: sent twice, one milestone is recorded; the second answer is the first, with Idempotent-Replayed: true
for attempt in 1 2; do
  call 200 '"version":5' $SEC $T/api/commitments/$ID/milestones \
    -H 'Idempotency-Key: 5f0c7d52-minutes-2024-06-20' -d '{"description": "Review meeting", "achievedOn": "2024-06-21"}'
done
check "$(header Idempotent-Replayed)" true
REVIEWED=$(pos)

# conditional writes: read the version (ETag) at the last write's position, then write only if it is still current
call 200 '"version":5' $VIEW "$T/api/commitments/$ID?minPosition=$REVIEWED"
ETAG=$(header ETag)
call 412 '"rule":"VERSION_CONFLICT"' $SEC $T/api/commitments/$ID/milestones -H 'If-Match: "4"' \
  -d '{"description": "Written from a stale read", "achievedOn": "2024-06-22"}'
call 200 '"version":6' $SEC $T/api/commitments/$ID/completion -H "If-Match: $ETAG" -d '{"completedOn": "2024-12-01"}'
COMPLETED=$(pos)

# who may write: a viewer's POST is refused (403) and nothing is stored
call 403 '"status":403' $VIEW -H Content-Type:application/json $T/api/commitments/$ID/milestones \
  -d '{"description": "x", "achievedOn": "2024-06-21"}'
# the secretariat's writes carry its name and side: see "actor" and "side" in the history
call 200 '"actor":"us-secretariat","side":"US"' $VIEW "$T/api/commitments/$ID/history?minPosition=$COMPLETED"

# bad input: a 10 MiB body is 413, {"amount": -5} is 400; neither stores anything
head -c 10485760 /dev/zero | tr '\0' ' ' >"$OUT.big"
call 413 '"status":413' $SEC --data-binary @"$OUT.big" $T/api/commitments/$ID/funding/pledges
call 400 '"status":400' $SEC $T/api/commitments/$ID/funding/pledges -d '{"amount": -5}'

# auditors: the commitment as it was in fact on 2024-03-05, as the tracker knows it at the end of today (UTC)
call 200 '"status":"SIGNED"' $AUD "$T/api/audit/as-of/commitments/$ID?effective=2024-03-05&recorded=$(date -u +%F)"
# the hash chain recomputed from the stored events
call 200 '"intact":true' $AUD $T/api/audit/verification
# the history exported and verified offline, with nothing but a JDK
call 200 '"specversion":"1.0"' $AUD $T/api/audit/export && cp "$OUT" "$OUT.history.ndjson"
call 200 'PUBLIC KEY' $AUD $T/api/audit/public-key && cp "$OUT" "$OUT.key.pem"
java "$(dirname "$0")/../tools/verify-export/VerifyExport.java" "$OUT.history.ndjson" "$OUT.key.pem"
rm -f "$OUT" "$OUT".*
echo "walkthrough: every answer as documented"
