import type { Migration } from '../migrate'

// Staff who sign in by PIN, and the append-only record of changes to them. The PIN itself is
// never stored: only its scrypt hash with a per-PIN salt (electron/services/staff/pin-hash.ts).
export const m004Staff: Migration = {
  version: 4,
  name: 'staff',
  up(db) {
    db.exec(`
      CREATE TABLE staff (
        id          TEXT PRIMARY KEY,                -- the actor of every event this person records
        name        TEXT NOT NULL,
        role        TEXT NOT NULL CHECK (role IN ('staff', 'supervisor')),
        pin_kdf     TEXT NOT NULL,                   -- how pin_hash was derived, e.g. scrypt:N=32768,r=8,p=1
        pin_salt    BLOB NOT NULL,
        pin_hash    BLOB NOT NULL,
        -- A keyed tag of the PIN (SecretBox.tag, key outside the database): sign-in hashes one
        -- candidate instead of every staff member. NULL when no key could be had.
        pin_tag     TEXT,
        created_at  TEXT NOT NULL,                   -- UTC, ISO 8601
        removed_at  TEXT                             -- removed staff stay, so past actors still resolve
      );
      CREATE INDEX staff_active ON staff (removed_at, role);
      CREATE INDEX staff_pin_tag ON staff (pin_tag) WHERE removed_at IS NULL;

      -- First-run supervisor, staff added, removed, PIN changed: never the PIN or its hash.
      CREATE TABLE staff_events (
        seq       INTEGER PRIMARY KEY AUTOINCREMENT,
        id        TEXT NOT NULL UNIQUE,
        staff_id  TEXT NOT NULL,
        type      TEXT NOT NULL,
        payload   TEXT NOT NULL CHECK (json_valid(payload)),
        actor     TEXT NOT NULL,
        kiosk_id  TEXT NOT NULL,
        at        TEXT NOT NULL
      );
      CREATE TRIGGER staff_events_no_update BEFORE UPDATE ON staff_events
        BEGIN SELECT RAISE(ABORT, 'the staff event log is append-only'); END;
      CREATE TRIGGER staff_events_no_delete BEFORE DELETE ON staff_events
        BEGIN SELECT RAISE(ABORT, 'the staff event log is append-only'); END;
    `)
  },
}
