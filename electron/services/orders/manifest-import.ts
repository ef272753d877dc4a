// Imports manifest records (.jsonl, one record a line). A bad line is rejected with its line
// number and reason; every other line is imported (upsert by order number). Lines are
// validated here and written in batches, each batch one transaction: one fsync per batch
// instead of per record, and a crash mid-import loses only the batch in flight, never a case.
// The writing can happen in this thread (OrderSink below) or in a worker thread
// (import-worker-sink.ts), so that on two cores validation and SQLite run side by side.
import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { describeIssues, manifestRecordSchema, type ManifestRecord } from '@shared/manifest/record'
import { orderRow, type OrderRow, type OrderSource } from '../store/orders-cache'
import type { Store } from '../store'

export interface Rejection {
  line: number
  reason: string
}

export interface ImportReport {
  lines: number
  imported: number
  /** Orders that were not in the cache before. */
  added: number
  rejectedCount: number
  /** The first rejections (all are counted; only the first 1,000 are kept). */
  rejected: Rejection[]
  ms: number
}

/** Where validated rows go. `write` may return a promise to slow the reader down. */
export interface OrderSink {
  write(rows: OrderRow[]): void | Promise<void>
  /** Resolves once every row is durably written. */
  close(): Promise<void>
}

const MAX_LINE = 64 * 1024
const BATCH = 5_000
const KEEP_REJECTIONS = 1_000
/** 256 MiB of page cache during an import (negative = KiB, SQLite's convention): each index takes inserts at random places. */
export const IMPORT_CACHE_KIB = -262_144

export interface ImportOptions {
  source: OrderSource
  now: () => Date
  /** Transforms each valid record before storing it (the demo's date shift). */
  transform?: (r: ManifestRecord) => ManifestRecord
  /** Defaults to writing through the store's own connection, in this thread. */
  sink?: OrderSink
}

/** Writes through the store's connection, a transaction per batch. */
export function storeSink(store: Store): OrderSink {
  const before = store.db.pragma('cache_size', { simple: true }) as number
  store.db.pragma(`cache_size = ${IMPORT_CACHE_KIB}`)
  const insertBatch = store.db.transaction((rows: OrderRow[]) => {
    for (const row of rows) store.orders.putRow(row)
  })
  return {
    write: (rows) => insertBatch(rows),
    close: async () => {
      store.db.pragma(`cache_size = ${before}`)
    },
  }
}

export class ManifestImporter {
  private readonly report: ImportReport = { lines: 0, imported: 0, added: 0, rejectedCount: 0, rejected: [], ms: 0 }
  private batch: OrderRow[] = []
  private readonly started = performance.now()
  private readonly countBefore: number
  private readonly sink: OrderSink
  private readonly at: string

  constructor(
    private readonly store: Store,
    private readonly options: ImportOptions,
  ) {
    this.countBefore = store.orders.count()
    // Real orders replace the demo: never mix demo customers with a real manifest.
    if (options.source !== 'demo') store.orders.removeDemo()
    this.sink = options.sink ?? storeSink(store)
    this.at = options.now().toISOString()
  }

  /** Takes one line; returns a promise only when the sink asks the reader to wait. */
  line(text: string): void | Promise<void> {
    const n = ++this.report.lines
    const trimmed = (n === 1 ? text.replace(/^\uFEFF/, '') : text).trim()
    if (!trimmed) return
    if (trimmed.length > MAX_LINE) return this.reject(n, `the line is longer than ${MAX_LINE} characters`)
    let json: unknown
    try {
      json = JSON.parse(trimmed)
    } catch (e) {
      return this.reject(n, `not valid JSON (${(e as Error).message})`)
    }
    const parsed = manifestRecordSchema.safeParse(json)
    if (!parsed.success) return this.reject(n, describeIssues(parsed.error))
    const transform = this.options.transform
    const record = transform ? transform(parsed.data) : parsed.data
    this.batch.push(orderRow(record, transform ? JSON.stringify(record) : trimmed, this.options.source, this.at))
    if (this.batch.length >= BATCH) return this.flush()
  }

  async finish(): Promise<ImportReport> {
    await this.flush()
    await this.sink.close()
    this.report.added = this.store.orders.count() - this.countBefore
    this.report.ms = Math.round(performance.now() - this.started)
    return this.report
  }

  private reject(line: number, reason: string): void {
    this.report.rejectedCount++
    if (this.report.rejected.length < KEEP_REJECTIONS) this.report.rejected.push({ line, reason })
  }

  private flush(): void | Promise<void> {
    if (!this.batch.length) return
    const rows = this.batch
    this.batch = []
    this.report.imported += rows.length
    return this.sink.write(rows)
  }
}

export async function importManifestFile(store: Store, file: string, options: ImportOptions): Promise<ImportReport> {
  const importer = new ManifestImporter(store, options)
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity })
  for await (const text of lines) {
    const wait = importer.line(text)
    if (wait) await wait
  }
  return importer.finish()
}
