import type { Migration } from '../migrate'

// The intake's tables (issue #3): one row per stored photo linked to its case and shot (the
// bytes are files under photos/, named by their SHA-256); the carriers' pickup batches; and
// the unlock PIN of a case, sealed with the SecretBox (AES-256-GCM, key outside the database),
// deleted once the case is handed over and synced.
export const m006Intake: Migration = {
  version: 6,
  name: 'intake',
  up(db) {
    db.exec(`
      CREATE TABLE photos (
        sha256       TEXT NOT NULL CHECK (length(sha256) = 64),
        case_id      TEXT NOT NULL,
        purpose      TEXT NOT NULL CHECK (purpose IN ('condition', 'package', 'exclusion', 'account_proof')),
        shot         TEXT NOT NULL,
        mime         TEXT NOT NULL CHECK (mime IN ('image/jpeg', 'image/png', 'image/webp')),
        size         INTEGER NOT NULL CHECK (size > 0),
        captured_at  TEXT NOT NULL,                    -- UTC, ISO 8601
        PRIMARY KEY (case_id, purpose, shot, sha256)
      );
      CREATE INDEX photos_sha256 ON photos (sha256);

      CREATE TABLE handover_batches (
        id          TEXT PRIMARY KEY,
        carrier     TEXT NOT NULL,
        driver_at   TEXT NOT NULL,                     -- when the driver took the parcels (UTC)
        local_date  TEXT NOT NULL,                     -- the counter's date of the pickup
        closed_at   TEXT NOT NULL,
        closed_by   TEXT NOT NULL,
        kiosk_id    TEXT NOT NULL,
        case_ids    TEXT NOT NULL CHECK (json_valid(case_ids)),
        refused     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(refused))
      );
      CREATE INDEX handover_batches_date ON handover_batches (local_date, closed_at);

      CREATE TABLE case_secrets (
        case_id    TEXT PRIMARY KEY,
        kind       TEXT NOT NULL CHECK (kind IN ('pin', 'pattern')),
        sealed     TEXT NOT NULL,                      -- SecretBox.seal(pin, 'unlock-pin:<case_id>')
        stored_at  TEXT NOT NULL
      );
    `)
  },
}
