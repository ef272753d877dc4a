// The manifest of expected returns per counter, served to kiosks by cursor. Every change takes
// the next value of manifest_version, so "what changed since cursor N" is one index range;
// a removal is kept as a tombstone (record null) so kiosks that synced before can drop it.
import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { manifestRecordSchema, describeIssues } from '../shared/manifest/record'
import type { ManifestPage } from '../shared/sync-protocol'
import { inTransaction, type Db } from './db'

export type { ManifestPage }

export async function manifestPage(db: Db, counterId: string, cursor: string, limit: number): Promise<ManifestPage> {
  const r = await db.query<{ order_number: string; record: string | null; removed: boolean; version: string }>(
    `SELECT order_number, record, removed, version FROM manifest
     WHERE counter_id = $1 AND version > $2 ORDER BY version LIMIT $3`,
    [counterId, cursor, limit + 1],
  )
  const rows = r.rows.slice(0, limit)
  const page: ManifestPage = { records: [], removals: [], cursor: rows.at(-1)?.version ?? cursor, more: r.rows.length > limit }
  for (const row of rows) {
    if (row.removed || row.record === null) page.removals.push(row.order_number)
    else page.records.push({ orderNumber: row.order_number, record: row.record })
  }
  return page
}

export interface ManifestLoadReport {
  upserted: number
  unchanged: number
  removed: number
  rejected: { line: number; reason: string }[]
}

/** Upserts records (a changed record gets a new version; an identical one keeps its own). With
 * `replace`, the counter's orders missing from `lines` become removals. */
export async function upsertManifest(
  db: Db,
  counterId: string,
  lines: Iterable<string> | AsyncIterable<string>,
  options: { replace?: boolean; batch?: number } = {},
): Promise<ManifestLoadReport> {
  const report: ManifestLoadReport = { upserted: 0, unchanged: 0, removed: 0, rejected: [] }
  const seen = new Set<string>()
  let batch: { orderNumber: string; raw: string }[] = []
  const flush = async () => {
    if (!batch.length) return
    const r = await db.query(
      `INSERT INTO manifest (counter_id, order_number, record, removed, version)
       SELECT $1, o, rec, false, nextval('manifest_version') FROM unnest($2::text[], $3::text[]) AS t(o, rec)
       ON CONFLICT (counter_id, order_number) DO UPDATE SET record = excluded.record, removed = false,
         version = excluded.version, updated_at = now()
       WHERE manifest.record IS DISTINCT FROM excluded.record OR manifest.removed`,
      [counterId, batch.map((b) => b.orderNumber), batch.map((b) => b.raw)],
    )
    report.upserted += r.rowCount ?? 0
    report.unchanged += batch.length - (r.rowCount ?? 0)
    batch = []
  }
  let lineNo = 0
  for await (const line of lines) {
    lineNo++
    if (!line.trim()) continue
    let json: unknown
    try {
      json = JSON.parse(line)
    } catch {
      report.rejected.push({ line: lineNo, reason: 'not valid JSON' })
      continue
    }
    const parsed = manifestRecordSchema.safeParse(json)
    if (!parsed.success) {
      report.rejected.push({ line: lineNo, reason: describeIssues(parsed.error) })
      continue
    }
    if (seen.has(parsed.data.orderNumber)) continue
    seen.add(parsed.data.orderNumber)
    batch.push({ orderNumber: parsed.data.orderNumber, raw: line.trim() })
    if (batch.length >= (options.batch ?? 2000)) await flush()
  }
  await flush()
  if (options.replace) report.removed = await removeMissing(db, counterId, seen)
  return report
}

async function removeMissing(db: Db, counterId: string, keep: Set<string>): Promise<number> {
  return inTransaction(db, async (c) => {
    await c.query('CREATE TEMP TABLE keep_orders (o text PRIMARY KEY) ON COMMIT DROP')
    await c.query('INSERT INTO keep_orders SELECT unnest($1::text[])', [[...keep]])
    const r = await c.query(
      `UPDATE manifest m SET removed = true, record = NULL, version = nextval('manifest_version'), updated_at = now()
       WHERE m.counter_id = $1 AND NOT m.removed AND NOT EXISTS (SELECT 1 FROM keep_orders k WHERE k.o = m.order_number)`,
      [counterId],
    )
    return r.rowCount ?? 0
  })
}

export async function removeOrders(db: Db, counterId: string, orderNumbers: string[]): Promise<number> {
  const r = await db.query(
    `UPDATE manifest SET removed = true, record = NULL, version = nextval('manifest_version'), updated_at = now()
     WHERE counter_id = $1 AND order_number = ANY($2) AND NOT removed`,
    [counterId, orderNumbers],
  )
  return r.rowCount ?? 0
}

export function loadManifestFile(db: Db, counterId: string, file: string, replace: boolean): Promise<ManifestLoadReport> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })
  return upsertManifest(db, counterId, lines, { replace })
}
