import type { Migration } from '../migrate'

// The event log, the cases projection, the orders cache and settings.
export const m001Initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE events (
        seq       INTEGER PRIMARY KEY AUTOINCREMENT, -- kiosk-wide order: the outbox order
        id        TEXT NOT NULL UNIQUE,              -- the event's id, kept forever
        case_id   TEXT NOT NULL,
        case_seq  INTEGER NOT NULL,                  -- per-case sequence, from 1
        type      TEXT NOT NULL,
        payload   TEXT NOT NULL CHECK (json_valid(payload)),
        actor     TEXT NOT NULL,
        kiosk_id  TEXT NOT NULL,
        at        TEXT NOT NULL,                     -- UTC, ISO 8601
        UNIQUE (case_id, case_seq)
      );
      -- Append-only: what was recorded is never changed or removed.
      CREATE TRIGGER events_no_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
      CREATE TRIGGER events_no_delete BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;

      -- The projection: derived from events, rebuildable at any time.
      CREATE TABLE cases (
        id            TEXT PRIMARY KEY,
        case_number   TEXT NOT NULL UNIQUE,
        order_number  TEXT NOT NULL,
        case_type     TEXT NOT NULL,
        status        TEXT NOT NULL,
        started_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        state         TEXT NOT NULL CHECK (json_valid(state))
      );
      CREATE INDEX cases_started_at ON cases (started_at);
      CREATE INDEX cases_order_number ON cases (order_number);

      -- Expected returns from the manifest. The raw record keeps unknown fields. A rowid
      -- table: rows are large (the raw record), which a WITHOUT ROWID b-tree stores poorly.
      CREATE TABLE orders (
        id               INTEGER PRIMARY KEY,
        order_number     TEXT NOT NULL UNIQUE,
        order_key        TEXT NOT NULL,  -- normalised order number, for scans and typing
        label_code       TEXT,
        rma_id           TEXT,
        tracking_number  TEXT,
        name_first_last  TEXT,  -- normalised "first last" for prefix search
        name_last_first  TEXT,  -- normalised "last first"
        record           TEXT NOT NULL,
        source           TEXT NOT NULL,  -- 'demo' | 'import' | 'central'
        updated_at       TEXT NOT NULL
      );
      CREATE INDEX orders_order_key ON orders (order_key);
      CREATE INDEX orders_label_code ON orders (label_code) WHERE label_code IS NOT NULL;
      CREATE INDEX orders_rma_id ON orders (rma_id) WHERE rma_id IS NOT NULL;
      CREATE INDEX orders_tracking_number ON orders (tracking_number) WHERE tracking_number IS NOT NULL;
      CREATE INDEX orders_name_first_last ON orders (name_first_last);
      CREATE INDEX orders_name_last_first ON orders (name_last_first);

      CREATE TABLE settings (
        key    TEXT PRIMARY KEY,
        value  TEXT NOT NULL CHECK (json_valid(value))
      );
    `)
  },
}
