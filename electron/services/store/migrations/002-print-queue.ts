import type { Migration } from '../migrate'

// The print queue: every job with its state, so a job survives a crash and is never printed
// twice once the printer acknowledged it. The document bytes are kept only until the job is
// acknowledged or cancelled (an order slip may carry an unlock PIN); a reprint rebuilds the
// document from the case.
export const m002PrintQueue: Migration = {
  version: 2,
  name: 'print-queue',
  up(db) {
    db.exec(`
      CREATE TABLE print_jobs (
        id               TEXT PRIMARY KEY,
        case_id          TEXT,                -- null for test prints and batch manifests
        document         TEXT NOT NULL,       -- caseLabel | orderSlip | receipt | pickupManifest | test
        params           TEXT NOT NULL CHECK (json_valid(params)), -- what rebuilds the document
        printer_id       TEXT NOT NULL,
        mime_type        TEXT NOT NULL,
        payload          BLOB,                -- the bytes to send; null once done
        state            TEXT NOT NULL CHECK (state IN ('queued','sending','sent','acknowledged','held','failed','cancelled')),
        attempts         INTEGER NOT NULL DEFAULT 0,
        next_attempt_at  TEXT NOT NULL,       -- UTC ISO; when the worker may try it
        last_error       TEXT,
        reference        TEXT,                -- the printer's or spooler's job id
        reprint_of       TEXT REFERENCES print_jobs (id),
        actor            TEXT NOT NULL,
        created_at       TEXT NOT NULL,
        sent_at          TEXT,
        acknowledged_at  TEXT
      );
      CREATE INDEX print_jobs_pending ON print_jobs (next_attempt_at) WHERE state IN ('queued','held');
      CREATE INDEX print_jobs_case ON print_jobs (case_id) WHERE case_id IS NOT NULL;
    `)
  },
}
