-- Appends 100,000 generated pledge events (USD 1.00 each) to the 50 commitments generated-program-0..49 that
-- GenerateEvents.java proposed, straight into the H2 event store of a STOPPED tracker, for demonstrating a replay over
-- a large history quickly (recording them through the API is much slower on a small machine). The events have the
-- stored format of the tracker own events (payload and metadata JSON, revision 1); on the next start the hash chain covers
-- them like any other. Never run this against the data of a real tracker.
--
--   java tools/generate-events/GenerateEvents.java http://localhost:8080 50 50     # proposes the 50 commitments
--   (stop the tracker)
--   java -cp ~/.m2/repository/com/h2database/h2/2.3.232/h2-2.3.232.jar org.h2.tools.Shell \
--     -url 'jdbc:h2:file:./data/tracker;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE' -user sa \
--     -sql "$(cat tools/generate-events/pledges-h2.sql)"
INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, meta_data, payload,
                                payload_revision, payload_type, time_stamp)
SELECT 'generated-program-' || MOD(r.x - 1, 50),
       m.max_seq + 1 + (r.x - 1) / 50,
       'Commitment',
       CAST(RANDOM_UUID() AS VARCHAR),
       STRINGTOUTF8('{"username":"generated-load","side":"US","roles":"SECRETARIAT","correlationId":"generated-'
           || r.x || '"}'),
       STRINGTOUTF8('{"commitmentId":"generated-program-' || MOD(r.x - 1, 50)
           || '","funder":"NSF","amount":{"amount":1.00,"currency":"USD","lowerBound":false},"valueDate":"2024-05-01"}'),
       '1',
       'org.cetdialogue.tracker.api.funding.FundingPledgedEvent',
       FORMATDATETIME(CURRENT_TIMESTAMP, 'yyyy-MM-dd''T''HH:mm:ss''Z''', 'en', 'UTC')
FROM SYSTEM_RANGE(1, 100000) r(x)
JOIN (SELECT aggregate_identifier AS id, MAX(sequence_number) AS max_seq FROM domain_event_entry
      WHERE aggregate_identifier LIKE 'generated-program-%' GROUP BY aggregate_identifier) m
  ON m.id = 'generated-program-' || MOD(r.x - 1, 50)
ORDER BY r.x;
