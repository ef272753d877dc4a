import type { Migration } from '../migrate'

// sync_acks loses its UNIQUE index on event_id. Every acknowledgement is keyed by events.seq
// (the primary key, and what every reader joins on); the event id is kept beside it for
// reading. The unique index on random event ids cost more than the rows themselves: each
// recorded batch of replies dirtied nearly every leaf page of it, and the kiosk fsyncs those
// pages with each reply (sync benchmark, tests/bench/sync.bench.ts). seq and event id are one
// to one in the append-only log, so uniqueness still holds through seq.
export const m009SyncAcksBySeq: Migration = {
  version: 9,
  name: 'sync-acks-by-seq',
  up(db) {
    db.exec(`
      CREATE TABLE sync_acks_new (
        seq       INTEGER PRIMARY KEY,          -- events.seq
        event_id  TEXT NOT NULL,
        status    INTEGER NOT NULL,             -- the server's reply: 201 stored, 200 already stored
        acked_at  TEXT NOT NULL
      );
      INSERT INTO sync_acks_new (seq, event_id, status, acked_at) SELECT seq, event_id, status, acked_at FROM sync_acks;
      DROP TABLE sync_acks;
      ALTER TABLE sync_acks_new RENAME TO sync_acks;
    `)
  },
}
