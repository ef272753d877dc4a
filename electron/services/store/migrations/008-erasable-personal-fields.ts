import type { Migration } from '../migrate'

// Personal fields become erasable without breaking the audit chain or the append-only log
// (retention and a customer's erasure, electron/services/privacy/).
// - events.hash_v: the hash format of the row. Rows written before this migration keep their
//   v1 hash and links untouched (re-hashing them would rewrite every later link, staff events'
//   included); rows from now on are v2 (audit/event-hash-v2.ts: personal fields committed to
//   through a salted digest). events.pii_salt: that salt, dropped when the fields are erased.
// - events_no_update is replaced by a trigger that allows exactly one kind of update: every
//   personal field of a device.identified row that holds a value becomes an erased marker
//   {"erased": true, "digest": "<64 hex>"} and the salt is dropped, nothing else changing. The
//   field list is written out here on purpose (a landed migration never follows later edits of
//   shared/domain/personal-fields.ts; a new personal field means a new migration). Whether the
//   digest is the right one is the audit chain's check, which SQL cannot do.
// - privacy_log: append-only record of exports, erasures and retention runs (who, when, which
//   cases and orders by reference, counts; never a name, IMEI or PIN).
// - erased_cases: which cases were purged and why, so retention does not visit them again.
// - erased_orders: orders whose customer was erased; triggers keep them erased on any rewrite.
const fields = ['imei', 'serial'] as const

function erasable(f: string): string {
  const n = `NEW.payload, '$.${f}'`
  return `(
      (json_type(${n}) IS json_type(OLD.payload, '$.${f}') AND json_extract(${n}) IS json_extract(OLD.payload, '$.${f}'))
      OR (json_type(OLD.payload, '$.${f}') IS 'text' AND json_type(${n}) IS 'object'
          AND json_type(NEW.payload, '$.${f}.erased') IS 'true' AND json_type(NEW.payload, '$.${f}.digest') IS 'text'
          AND length(json_extract(NEW.payload, '$.${f}.digest')) = 64
          AND (SELECT count(*) FROM json_each(${n})) = 2))`
}

export const ERASE_ONLY_TRIGGER = `
  CREATE TRIGGER events_no_update BEFORE UPDATE ON events
    -- coalesce: a json_type() of a missing path is NULL, and NOT NULL would let the update through.
    WHEN NOT coalesce((
      NEW.seq IS OLD.seq AND NEW.id IS OLD.id AND NEW.case_id IS OLD.case_id AND NEW.case_seq IS OLD.case_seq
      AND NEW.type IS OLD.type AND NEW.actor IS OLD.actor AND NEW.kiosk_id IS OLD.kiosk_id AND NEW.at IS OLD.at
      AND NEW.prev_hash IS OLD.prev_hash AND NEW.hash IS OLD.hash AND NEW.hash_v IS OLD.hash_v
      AND OLD.type = 'device.identified'
      AND json_remove(NEW.payload, ${fields.map((f) => `'$.${f}'`).join(', ')}) IS json_remove(OLD.payload, ${fields.map((f) => `'$.${f}'`).join(', ')})
      AND ${fields.map(erasable).join(' AND ')}
      AND ${fields.map((f) => `json_type(NEW.payload, '$.${f}') IS NOT 'text'`).join(' AND ')}
      AND NEW.pii_salt IS NULL
    ), 0)
    BEGIN SELECT RAISE(ABORT, 'the event log is append-only: only personal fields may be replaced by erased markers'); END;
`

// What erasing an order removes from its row. Triggers do not recurse (recursive_triggers is
// off), so this UPDATE inside the AFTER UPDATE trigger runs once.
const STRIP_ORDER = `UPDATE orders SET name_first_last = NULL, name_last_first = NULL,
  record = json_remove(record, '$.customer', '$.item.imei', '$.item.serial') WHERE id = NEW.id;`

export const m008ErasablePersonalFields: Migration = {
  version: 8,
  name: 'erasable-personal-fields',
  up(db) {
    db.exec(`
      ALTER TABLE events ADD COLUMN hash_v INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE events ADD COLUMN pii_salt TEXT;
      DROP TRIGGER events_no_update;
      ${ERASE_ONLY_TRIGGER}

      CREATE TABLE privacy_log (
        seq       INTEGER PRIMARY KEY AUTOINCREMENT,
        id        TEXT NOT NULL UNIQUE,
        action    TEXT NOT NULL CHECK (action IN ('exported', 'erased', 'retention_purged', 'retention_changed')),
        actor     TEXT NOT NULL,                             -- staff id, or 'retention' for the scheduled purge
        kiosk_id  TEXT NOT NULL,
        at        TEXT NOT NULL,                             -- UTC, ISO 8601
        detail    TEXT NOT NULL CHECK (json_valid(detail))   -- case ids, order numbers, counts
      );
      CREATE TRIGGER privacy_log_no_update BEFORE UPDATE ON privacy_log
        BEGIN SELECT RAISE(ABORT, 'the privacy log is append-only'); END;
      CREATE TRIGGER privacy_log_no_delete BEFORE DELETE ON privacy_log
        BEGIN SELECT RAISE(ABORT, 'the privacy log is append-only'); END;

      CREATE TABLE erased_cases (
        case_id  TEXT PRIMARY KEY,
        reason   TEXT NOT NULL CHECK (reason IN ('retention', 'request')),
        at       TEXT NOT NULL
      );

      CREATE TABLE erased_orders (
        order_number  TEXT PRIMARY KEY,
        at            TEXT NOT NULL
      );
      -- An erased order stays erased whoever writes it again: a manifest pull or a file import
      -- re-sending the central system's copy keeps the expected return (it can still be found
      -- by its codes) but never brings the customer or the device identifiers back.
      CREATE TRIGGER orders_erased_insert AFTER INSERT ON orders
        WHEN EXISTS (SELECT 1 FROM erased_orders WHERE order_number = NEW.order_number)
        BEGIN ${STRIP_ORDER} END;
      CREATE TRIGGER orders_erased_update AFTER UPDATE ON orders
        WHEN EXISTS (SELECT 1 FROM erased_orders WHERE order_number = NEW.order_number)
        BEGIN ${STRIP_ORDER} END;
    `)
  },
}
