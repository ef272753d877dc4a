// Outputs of the privacy calls (calls/privacy.ts): a supervisor finds one customer's data,
// exports it (GDPR access) or erases it (GDPR erasure); retention purges closed, synced cases.

/** One order of the customer found, with its cases on this kiosk. */
export interface CustomerMatch {
  orderNumber: string
  /** "First Last" as the manifest has it; null once erased. Shown to the supervisor only. */
  customerName: string | null
  cases: Array<{ caseId: string; caseNumber: string; status: string; erased: boolean }>
}

export interface ExportedPhoto {
  sha256: string
  purpose: string
  shot: string
  mime: string
  capturedAt: string
  /** Base64 of the file; null when the file is gone (erased, or never kept). */
  data: string | null
}

export interface ExportedCase {
  caseId: string
  caseNumber: string
  status: string
  /** Every event of the case as recorded (erased fields appear as erased markers). */
  events: Array<{ id: string; caseSeq: number; type: string; payload: unknown; actor: string; kioskId: string; at: string }>
  photos: ExportedPhoto[]
  /** Whether an unlock PIN is still held (sealed): the PIN itself is never exported. */
  unlockPinHeld: boolean
  erased: { reason: 'retention' | 'request'; at: string } | null
}

/** The GDPR access document: everything this kiosk holds about one order's customer. */
export interface CustomerExport {
  format: 'dropdesk.customer-export.v1'
  exportedAt: string
  kioskId: string
  orderNumber: string
  /** The manifest record as held (null when the order is not in the local cache). */
  order: unknown
  cases: ExportedCase[]
  /** A file name the renderer may offer for the download. */
  fileName: string
}

export interface ErasureReport {
  orderNumber: string
  caseIds: string[]
  eventsErased: number
  photosDeleted: number
  pinsPurged: number
  printJobsCleared: number
  /** False when the write-ahead log could not be emptied yet (a reader held it); retried at the next purge. */
  walTruncated: boolean
}

export interface RetentionView {
  /** Days after a closed case was fully synced before its personal data is purged. */
  days: number
  /** Closed, synced cases past that delay and not purged yet. */
  due: number
  lastRunAt: string | null
}

export interface RetentionRun {
  purgedCases: number
  walTruncated: boolean
}
