// Imports manifest records (.jsonl, one record a line). A file that is not JSON Lines at all
// is refused whole (manifest-file.ts); otherwise a bad line is rejected with its line number
// and a plain reason and every other line is imported (upsert by order number). Lines are
// validated here and written in batches, each batch one transaction: one fsync per batch
// instead of per record, and a crash mid-import loses only the batch in flight, never a case.
// The writing can happen in this thread (OrderSink below) or in a worker thread
// (import-worker-sink.ts), so that on two cores validation and SQLite run side by side.
import { isUtf8 } from 'node:buffer'
import { reason, type Reason, type ReasonParams } from '@shared/contract/result'
import { localDate } from '@shared/domain/dates'
import { normalizeCode } from '@shared/manifest/keys'
import { plainIssues, recordIssueKey } from '@shared/manifest/plain-issues'
import { printable } from '@shared/manifest/printable'
import { manifestRecordSchema, type ManifestRecord } from '@shared/manifest/record'
import { orderRow, type OrderRow, type OrderSource } from '../store/orders-cache'
import type { Store } from '../store'
import { CaseGuard } from './case-guard'
import { recordImport } from './import-log'
import { firstInvalidUtf8, invalidUtf8Reason, manifestLines, refuseManifestFile } from './manifest-file'

/** A rejected line: its reason in English (the command's report) and as a key for the screen. */
export interface Rejection {
  line: number
  reason: string
  key?: string
  params?: ReasonParams
}

export interface ImportReport {
  /** The whole file was refused (nothing read from it), and why; null when its lines were read. */
  refused: string | null
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
  /** The counter's time zone: a record dated after today there is refused. Defaults to the host's. */
  timeZone?: string
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

/** 0 every line imported, 3 some lines rejected (the rest imported), 2 nothing imported or the file refused. */
export function importExitCode(r: ImportReport): 0 | 2 | 3 {
  if (r.refused !== null) return 2
  if (r.rejectedCount === 0) return 0
  return r.imported > 0 ? 3 : 2
}

/** A report for a file refused before any line was read. */
export function refusedReport(reason: string): ImportReport {
  return { refused: reason, lines: 0, imported: 0, added: 0, rejectedCount: 0, rejected: [], ms: 0 }
}

export class ManifestImporter {
  private readonly report: ImportReport = { refused: null, lines: 0, imported: 0, added: 0, rejectedCount: 0, rejected: [], ms: 0 }
  private batch: OrderRow[] = []
  private readonly started = performance.now()
  private readonly countBefore: number
  private readonly sink: OrderSink
  private readonly at: string
  private readonly today: string
  /** Normalized order number → the line it was first seen on, in this file. */
  private readonly seen = new Map<string, number>()
  private readonly cases: CaseGuard | null
  private demoRemoved = false
  private removedDemoCount = 0

  constructor(
    private readonly store: Store,
    private readonly options: ImportOptions,
  ) {
    this.countBefore = store.orders.count()
    this.sink = options.sink ?? storeSink(store)
    const now = options.now()
    this.at = now.toISOString()
    this.today = localDate(now, options.timeZone ?? (Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'))
    // The demo's dates move every day; only real records are protected once a case exists.
    this.cases = options.source === 'demo' ? null : new CaseGuard(store)
  }

  /** Takes one line; returns a promise only when the sink asks the reader to wait. */
  line(text: string): void | Promise<void> {
    const n = ++this.report.lines
    const trimmed = (n === 1 ? text.replace(/^\uFEFF/, '') : text).trim()
    if (!trimmed) return
    if (trimmed.length > MAX_LINE) return this.reject(n, reason('import.lineTooLong', `the line is longer than ${MAX_LINE} characters: one record per line, each a JSON object`, { max: MAX_LINE }))
    let json: unknown
    try {
      json = JSON.parse(trimmed)
    } catch (e) {
      return this.reject(n, notJson(trimmed, e as Error))
    }
    const parsed = manifestRecordSchema.safeParse(json)
    if (!parsed.success) return this.reject(n, recordIssues(parsed.error, json))
    const transform = this.options.transform
    const record = transform ? transform(parsed.data) : parsed.data
    const future = this.futureDate(record)
    if (future) return this.reject(n, future)
    const key = normalizeCode(record.orderNumber)
    const earlier = this.seen.get(key)
    if (earlier !== undefined) {
      const orderNumber = printable(record.orderNumber, 64)
      return this.reject(n, reason('import.duplicateOrder', `order ${orderNumber} is already on line ${earlier}, which was kept: a file holds one record per order; remove one of the two lines (or merge them) and import the file again`, { orderNumber, line: earlier }))
    }
    this.seen.set(key, n)
    const locked = this.cases?.refusal(record)
    if (locked) return this.reject(n, locked)
    this.batch.push(orderRow(record, transform ? JSON.stringify(record) : trimmed, this.options.source, this.at))
    if (this.batch.length >= BATCH) return this.flush()
  }

  /** Counts a line that could not even be read as text (invalid UTF-8). */
  unreadable(why: Reason): void {
    this.reject(++this.report.lines, why)
  }

  async finish(): Promise<ImportReport> {
    await this.flush()
    await this.sink.close()
    this.report.added = this.store.orders.count() - (this.countBefore - this.removedDemoCount)
    this.report.ms = Math.round(performance.now() - this.started)
    return this.report
  }

  private futureDate(r: ManifestRecord): Reason | null {
    for (const field of ['orderDate', 'deliveredAt'] as const) {
      const date = r[field]
      if (date && date > this.today) {
        return reason('import.futureDate', `\`${field}\` is ${date}, after today (${this.today}): an order cannot be placed or delivered in the future; correct the date (YYYY-MM-DD) and import the line again`, { field, date, today: this.today })
      }
    }
    return null
  }

  private reject(line: number, why: Reason): void {
    this.report.rejectedCount++
    if (this.report.rejected.length < KEEP_REJECTIONS) this.report.rejected.push({ line, reason: why.message, key: why.key, ...(why.params ? { params: why.params } : {}) })
  }

  private flush(): void | Promise<void> {
    if (!this.batch.length) return
    // Real orders replace the demo, but only once a real record is ready to take its place:
    // a refused or wholly rejected file leaves the kiosk as it was.
    if (this.options.source !== 'demo' && !this.demoRemoved) {
      this.removedDemoCount = this.store.orders.removeDemo()
      this.demoRemoved = true
    }
    const rows = this.batch
    this.batch = []
    this.report.imported += rows.length
    return this.sink.write(rows)
  }
}

function notJson(line: string, e: Error): Reason {
  // V8's message quotes the line, which may hold a customer's name: the quote is left out
  // (the report is stored and shown), the position is kept.
  const hint = /^[^{[]*[,;\t]/.test(line) ? ' (it looks like a CSV row)' : ''
  const message = e.message.replace(/,? ?"(?:[^"\\]|\\.)*"(?:\.\.\.)? is not valid JSON/, '').replace(/ in JSON at position/, ' at position')
  const text = `not valid JSON${hint}: ${printable(message, 120)}; each line must be one JSON object { … }`
  return hint ? reason('import.csvLine', text) : reason('import.notJson', text)
}

/** The record's problems in plain English, keyed by its first one for the screen. */
function recordIssues(error: Parameters<typeof plainIssues>[0], json: unknown): Reason {
  const first = recordIssueKey(error, json)
  return reason(`import.${first.key}`, plainIssues(error, json), { field: first.field, more: error.issues.length - 1 })
}

/**
 * Imports one file and, for a real manifest (not the demo), records what happened for the
 * diagnostics screen (import-log.ts).
 */
export async function importManifestFile(store: Store, file: string, options: ImportOptions): Promise<ImportReport> {
  const report = await readManifestFile(store, file, options)
  if (options.source !== 'demo') recordImport(store.db, file, report, options.now())
  return report
}

async function readManifestFile(store: Store, file: string, options: ImportOptions): Promise<ImportReport> {
  const refused = refuseManifestFile(file)
  if (refused) {
    await options.sink?.close()
    return refusedReport(refused)
  }
  const importer = new ManifestImporter(store, options)
  for await (const bytes of manifestLines(file)) {
    if (isUtf8(bytes)) {
      const wait = importer.line(bytes.toString('utf8'))
      if (wait) await wait
    } else {
      importer.unreadable(invalidUtf8Reason(bytes, firstInvalidUtf8(bytes)))
    }
  }
  return importer.finish()
}
