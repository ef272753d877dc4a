// The local copy of the expected returns. Any of four codes finds an order: the label code
// (what the customer's QR holds), the return request id, the tracking number, the order number.
import type { Database, Statement } from 'better-sqlite3'
import type { LookupKey } from '@shared/contract/views'
import { normalizeCode, normalizeName } from '@shared/manifest/keys'
import type { ManifestRecord } from '@shared/manifest/record'

export type OrderSource = 'demo' | 'import' | 'central'

export interface StoredOrder {
  record: ManifestRecord
  source: OrderSource
}

const lookupOrder: ReadonlyArray<[LookupKey, string]> = [
  ['labelCode', 'label_code'],
  ['returnRequestId', 'rma_id'],
  ['trackingNumber', 'tracking_number'],
  ['orderNumber', 'order_key'],
]

function nameKeys(r: ManifestRecord): [string | null, string | null] {
  const first = r.customer?.firstName ? normalizeName(r.customer.firstName) : ''
  const last = r.customer?.lastName ? normalizeName(r.customer.lastName) : ''
  if (!first && !last) return [null, null]
  return [`${first} ${last}`.trim(), `${last} ${first}`.trim()]
}

/** The columns of one order, in insert order: plain strings, cheap to pass to a worker thread. */
export type OrderRow = [
  orderNumber: string,
  orderKey: string,
  labelCode: string | null,
  rmaId: string | null,
  trackingNumber: string | null,
  nameFirstLast: string | null,
  nameLastFirst: string | null,
  record: string,
  source: OrderSource,
  updatedAt: string,
]

export function orderRow(record: ManifestRecord, rawJson: string, source: OrderSource, at: string): OrderRow {
  const rr = record.returnRequest
  const [firstLast, lastFirst] = nameKeys(record)
  return [
    record.orderNumber,
    normalizeCode(record.orderNumber),
    rr?.labelCode ? normalizeCode(rr.labelCode) : null,
    rr ? normalizeCode(rr.id) : null,
    rr?.trackingNumber ? normalizeCode(rr.trackingNumber) : null,
    firstLast,
    lastFirst,
    rawJson,
    source,
    at,
  ]
}

export class OrdersCache {
  private readonly upsert: Statement
  private readonly byKey: Map<LookupKey, Statement>
  private readonly byOrderNumber: Statement
  private readonly searchStmt: Statement
  private readonly byNumberDigits: Statement

  constructor(private readonly db: Database) {
    this.upsert = db.prepare(
      `INSERT INTO orders (order_number, order_key, label_code, rma_id, tracking_number, name_first_last, name_last_first, record, source, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (order_number) DO UPDATE SET order_key = excluded.order_key, label_code = excluded.label_code,
         rma_id = excluded.rma_id, tracking_number = excluded.tracking_number, name_first_last = excluded.name_first_last,
         name_last_first = excluded.name_last_first, record = excluded.record, source = excluded.source, updated_at = excluded.updated_at`,
    )
    this.byKey = new Map(
      lookupOrder.map(([key, column]) => [key, db.prepare(`SELECT record, source FROM orders WHERE ${column} = ? LIMIT 1`)]),
    )
    this.byOrderNumber = db.prepare('SELECT record, source FROM orders WHERE order_number = ?')
    // Prefix search over the four codes and both name orders; each arm uses its own index.
    this.searchStmt = db.prepare(
      `SELECT record, source FROM orders WHERE order_number IN (
         SELECT order_number FROM orders WHERE order_key >= @code AND order_key < @codeEnd
         UNION SELECT order_number FROM orders WHERE tracking_number >= @code AND tracking_number < @codeEnd
         UNION SELECT order_number FROM orders WHERE rma_id >= @code AND rma_id < @codeEnd
         UNION SELECT order_number FROM orders WHERE name_first_last >= @name AND name_first_last < @nameEnd
         UNION SELECT order_number FROM orders WHERE name_last_first >= @name AND name_last_first < @nameEnd
       ) ORDER BY order_number LIMIT @limit`,
    )
    // Staff read order numbers out without their marketplace prefix ("48215255" for BM-48215255).
    this.byNumberDigits = db.prepare(
      `SELECT record, source FROM orders WHERE order_key LIKE '%-' || @digits || '%' ORDER BY order_number LIMIT @limit`,
    )
  }

  /** Inserts or replaces one record (by order number). Call inside a transaction for batches. */
  put(record: ManifestRecord, rawJson: string, source: OrderSource, at: string): void {
    this.putRow(orderRow(record, rawJson, source, at))
  }

  /** Inserts or replaces a prepared row (see orderRow): what the import worker receives. */
  putRow(row: OrderRow): void {
    this.upsert.run(...row)
  }

  findByCode(code: string): (StoredOrder & { matchedBy: LookupKey }) | null {
    const key = normalizeCode(code)
    for (const [matchedBy] of lookupOrder) {
      const row = this.byKey.get(matchedBy)!.get(key) as { record: string; source: OrderSource } | undefined
      if (row) return { record: JSON.parse(row.record), source: row.source, matchedBy }
    }
    return null
  }

  get(orderNumber: string): StoredOrder | null {
    const row = this.byOrderNumber.get(orderNumber) as { record: string; source: OrderSource } | undefined
    return row ? { record: JSON.parse(row.record), source: row.source } : null
  }

  search(query: string, limit: number): StoredOrder[] {
    const code = normalizeCode(query)
    const name = normalizeName(query)
    const rows = this.searchStmt.all({ code, codeEnd: `${code}\uffff`, name, nameEnd: `${name}\uffff`, limit }) as {
      record: string
      source: OrderSource
    }[]
    const digits = /^\d{4,10}$/.test(code)
      ? (this.byNumberDigits.all({ digits: code, limit }) as { record: string; source: OrderSource }[])
      : []
    const seen = new Set<string>()
    return [...digits, ...rows]
      .map((r) => ({ record: JSON.parse(r.record) as ManifestRecord, source: r.source }))
      .filter((o) => !seen.has(o.record.orderNumber) && !!seen.add(o.record.orderNumber))
      .slice(0, limit)
  }

  count(source?: OrderSource): number {
    const row = source
      ? this.db.prepare('SELECT count(*) AS n FROM orders WHERE source = ?').get(source)
      : this.db.prepare('SELECT count(*) AS n FROM orders').get()
    return (row as { n: number }).n
  }

  /** Removes the demo orders once real ones arrive, so demo data never mixes with a real manifest. */
  removeDemo(): number {
    return this.db.prepare("DELETE FROM orders WHERE source = 'demo'").run().changes
  }
}
