// Imports manifest records (.jsonl, one record a line). A bad line is rejected with its line
// number and reason; every other line is imported (upsert by order number). Batches of lines
// share a transaction: one fsync per batch instead of per record keeps a million records
// well under a minute, and a crash mid-import loses only the batch in flight, never a case.
import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { describeIssues, manifestRecordSchema, type ManifestRecord } from '@shared/manifest/record'
import type { OrderSource } from '../store/orders-cache'
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

const MAX_LINE = 64 * 1024
const BATCH = 5_000
const KEEP_REJECTIONS = 1_000
/** 256 MiB of page cache during an import (negative = KiB, SQLite's convention). */
const IMPORT_CACHE_KIB = -262_144

export interface ImportOptions {
  source: OrderSource
  now: () => Date
  /** Transforms each valid record before storing it (the demo's date shift). */
  transform?: (r: ManifestRecord) => ManifestRecord
}

export class ManifestImporter {
  private readonly report: ImportReport = { lines: 0, imported: 0, added: 0, rejectedCount: 0, rejected: [], ms: 0 }
  private batch: Array<{ record: ManifestRecord; raw: string }> = []
  private readonly started = performance.now()
  private readonly countBefore: number
  private readonly cacheBefore: number

  constructor(
    private readonly store: Store,
    private readonly options: ImportOptions,
  ) {
    this.countBefore = store.orders.count()
    // Each index takes inserts at random places: keep them in memory while importing.
    this.cacheBefore = store.db.pragma('cache_size', { simple: true }) as number
    store.db.pragma(`cache_size = ${IMPORT_CACHE_KIB}`)
    // Real orders replace the demo: never mix demo customers with a real manifest.
    if (options.source !== 'demo') store.orders.removeDemo()
  }

  line(text: string): void {
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
    const record = this.options.transform ? this.options.transform(parsed.data) : parsed.data
    this.batch.push({ record, raw: this.options.transform ? JSON.stringify(record) : trimmed })
    if (this.batch.length >= BATCH) this.flush()
  }

  finish(): ImportReport {
    this.flush()
    this.store.db.pragma(`cache_size = ${this.cacheBefore}`)
    this.report.added = this.store.orders.count() - this.countBefore
    this.report.ms = Math.round(performance.now() - this.started)
    return this.report
  }

  private reject(line: number, reason: string): void {
    this.report.rejectedCount++
    if (this.report.rejected.length < KEEP_REJECTIONS) this.report.rejected.push({ line, reason })
  }

  private flush(): void {
    if (!this.batch.length) return
    const at = this.options.now().toISOString()
    const rows = this.batch
    this.batch = []
    this.store.db.transaction(() => {
      for (const { record, raw } of rows) this.store.orders.put(record, raw, this.options.source, at)
    })()
    this.report.imported += rows.length
  }
}

export async function importManifestFile(store: Store, file: string, options: ImportOptions): Promise<ImportReport> {
  const importer = new ManifestImporter(store, options)
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity })
  for await (const text of lines) importer.line(text)
  return importer.finish()
}
