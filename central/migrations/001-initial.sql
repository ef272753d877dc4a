-- The central system's first schema: kiosks and their tokens, enrolment codes, the events
-- every kiosk pushed (each id stored once, forever), the cases projected from them, photos
-- (bytes on disk, metadata here) and the manifest of expected returns per counter.

CREATE TABLE enrolment_codes (
  code_hash   text PRIMARY KEY,            -- sha256 of the code: the code itself is never stored
  counter_id  text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz,
  used_by     text
);

CREATE TABLE kiosks (
  kiosk_id    text PRIMARY KEY,
  counter_id  text NOT NULL,
  token_hash  text NOT NULL UNIQUE,        -- sha256 of the bearer token
  enrolled_at timestamptz NOT NULL DEFAULT now(),
  revoked_at  timestamptz
);

CREATE TABLE events (
  id           text PRIMARY KEY,           -- the kiosk's event id: stored once, forever
  received_seq bigserial NOT NULL UNIQUE,  -- arrival order at the centre
  kiosk_id     text NOT NULL,
  counter_id   text NOT NULL,
  kiosk_seq    bigint NOT NULL,            -- the kiosk's log order (its outbox order)
  case_id      text NOT NULL,
  case_seq     integer NOT NULL,
  type         text NOT NULL,
  payload      jsonb NOT NULL,
  actor        text NOT NULL,
  at           text NOT NULL,              -- as the kiosk wrote it (its clock, UTC ISO)
  body_hash    text NOT NULL,              -- sha256 of the canonical body: a replay must match it
  received_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX events_case ON events (case_id, case_seq);
CREATE INDEX events_kiosk ON events (kiosk_id, kiosk_seq);

CREATE TABLE cases (
  id           text PRIMARY KEY,
  kiosk_id     text NOT NULL,
  counter_id   text NOT NULL,
  case_number  text,
  order_number text,
  case_type    text,
  status       text,
  started_at   text,
  updated_at   text,
  last_seq     integer NOT NULL,
  event_count  integer NOT NULL,
  state        jsonb
);
CREATE INDEX cases_counter_started ON cases (counter_id, started_at);

CREATE TABLE photos (
  sha256     text PRIMARY KEY,
  size       bigint NOT NULL,
  stored_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE photo_links (
  sha256    text NOT NULL REFERENCES photos (sha256),
  event_id  text NOT NULL REFERENCES events (id),
  case_id   text NOT NULL,
  kiosk_id  text NOT NULL,
  PRIMARY KEY (sha256, event_id)
);
CREATE INDEX photo_links_case ON photo_links (case_id);

-- Every change to a counter's manifest (new, changed, removed) takes the next version: a
-- kiosk's cursor is the last version it applied.
CREATE SEQUENCE manifest_version;
CREATE TABLE manifest (
  counter_id   text NOT NULL,
  order_number text NOT NULL,
  record       text,                       -- the raw JSON line (unknown fields kept); null once removed
  removed      boolean NOT NULL DEFAULT false,
  version      bigint NOT NULL,
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (counter_id, order_number)
);
CREATE INDEX manifest_cursor ON manifest (counter_id, version);
