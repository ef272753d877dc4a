import type { Migration } from '../migrate'

// Each manifest file imported (or refused), so a supervisor can see on the kiosk what the last
// import did: when, which file, how many lines imported and rejected, and the first rejected
// lines with their reasons (already escaped and free of personal data, as shown on a terminal).
export const m010ManifestImports: Migration = {
  version: 10,
  name: 'manifest-imports',
  up(db) {
    db.exec(`
      CREATE TABLE manifest_imports (
        id              INTEGER PRIMARY KEY,
        at              TEXT NOT NULL,          -- when the import finished (UTC)
        file_name       TEXT NOT NULL,          -- the file's name, not its folder
        refused         TEXT,                   -- why the whole file was refused; NULL when its lines were read
        lines           INTEGER NOT NULL,
        imported        INTEGER NOT NULL,
        added           INTEGER NOT NULL,
        rejected_count  INTEGER NOT NULL,
        rejected        TEXT NOT NULL CHECK (json_valid(rejected)),   -- [{ line, reason }], the first 100
        ms              INTEGER NOT NULL
      );
    `)
  },
}
