import type { Migration } from '../migrate'

// The sync client's bookkeeping, beside the append-only event log (never changed by sync):
// which events the central system acknowledged, what it rejected (quarantine), the photos
// still to upload, small state (cursors, watermark, last success) and the cases whose
// events and photos are all acknowledged (for the PIN purge hook).
export const m003Sync: Migration = {
  version: 3,
  name: 'sync',
  up(db) {
    db.exec(`
      CREATE TABLE sync_acks (
        seq       INTEGER PRIMARY KEY,          -- events.seq
        event_id  TEXT NOT NULL UNIQUE,
        status    INTEGER NOT NULL,             -- the server's reply: 201 stored, 200 already stored
        acked_at  TEXT NOT NULL
      );
      -- Records the server refused with a 4xx: shown to a supervisor, retried on request.
      CREATE TABLE sync_quarantine (
        kind      TEXT NOT NULL,                -- 'event' | 'photo' | 'order'
        ref       TEXT NOT NULL,                -- event id, photo sha256, order number
        seq       INTEGER,                      -- events.seq for an event
        case_id   TEXT,
        status    INTEGER NOT NULL,
        reason    TEXT NOT NULL,
        at        TEXT NOT NULL,
        PRIMARY KEY (kind, ref)
      );
      CREATE TABLE sync_photos (
        sha256    TEXT NOT NULL,
        event_id  TEXT NOT NULL,
        case_id   TEXT NOT NULL,
        path      TEXT NOT NULL,
        done_at   TEXT,                         -- null while waiting for upload and link
        PRIMARY KEY (sha256, event_id)
      );
      CREATE INDEX sync_photos_pending ON sync_photos (done_at) WHERE done_at IS NULL;
      CREATE INDEX sync_photos_case ON sync_photos (case_id);
      CREATE TABLE sync_state (
        key    TEXT PRIMARY KEY,
        value  TEXT NOT NULL
      );
      CREATE TABLE sync_case_notices (
        case_id      TEXT PRIMARY KEY,
        through_seq  INTEGER NOT NULL,          -- the case_seq up to which everything is acknowledged
        notified     INTEGER NOT NULL DEFAULT 0
      );
    `)
  },
}
