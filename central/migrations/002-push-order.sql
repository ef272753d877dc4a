-- Pipelined pushes: a kiosk may send its next batch before the previous one's reply came
-- back. push_seq is the highest kioskSeq of a batch committed for this kiosk; a batch sent
-- "after" kioskSeq N waits until push_seq reaches N, so the centre stores a kiosk's events in
-- its log order whatever order the requests arrive in. The kiosk row is also the lock that
-- serialises one kiosk's pushes across central processes.
ALTER TABLE kiosks ADD COLUMN push_seq bigint NOT NULL DEFAULT 0;
UPDATE kiosks k SET push_seq = COALESCE((SELECT max(kiosk_seq) FROM events e WHERE e.kiosk_id = k.kiosk_id), 0);

-- The cases projection is brought up to date per kiosk in a transaction of its own, right
-- after a push's events are committed (so the next push of the kiosk need not wait for it):
-- every event of the kiosk with kiosk_seq <= projected_seq is applied to the cases table.
CREATE TABLE case_projection (
  kiosk_id      text PRIMARY KEY,
  projected_seq bigint NOT NULL DEFAULT 0
);
INSERT INTO case_projection (kiosk_id, projected_seq) SELECT kiosk_id, max(kiosk_seq) FROM events GROUP BY kiosk_id;

-- A replay's body is compared with the stored columns themselves (their canonical hash is
-- computed then), so new rows need not carry body_hash; rows that have one keep it.
ALTER TABLE events ALTER COLUMN body_hash DROP NOT NULL;
