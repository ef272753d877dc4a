-- Late events: an event stored below its kiosk's push_seq (one the centre refused with a 4xx,
-- quarantined on the kiosk, and accepted on a later retry) lies behind the projection cursor,
-- which only moves forward. The push that stores it names its case here, in the same
-- transaction; the projector rebuilds each case named from all its stored events and removes
-- the row (case-projector.ts).
CREATE TABLE projection_redo (
  kiosk_id  text NOT NULL,
  case_id   text NOT NULL,
  PRIMARY KEY (kiosk_id, case_id)
);
