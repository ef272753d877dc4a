// What the kill storm asserts after every restart, on the host's SQLite file opened read-only
// from the test (the host is up and idle: its start-up recovery and photo clean-up are done):
// the file is sound, every case is whole (contiguous case_seq, the projection equals its
// events folded again, the audit chain verifies), everything the client saw confirmed is
// there (kill-storm-ledger.ts), and the photo folder holds exactly the photos the records cite.
import { isDeepStrictEqual } from 'node:util'
import path from 'node:path'
import BetterSqlite3, { type Database } from 'better-sqlite3'
import type { CaseEvent } from '@shared/domain/case-events'
import { reduceCase } from '@shared/domain/case-machine'
import type { CaseState } from '@shared/domain/case-state'
import { verifyChains } from '../../electron/services/audit/verify-chain'
import { DB_FILE } from '../../electron/services/store/database'
import { EventLog } from '../../electron/services/store/event-log'
import type { StormLedger } from './kill-storm-ledger'
import { checkPhotoFiles, type PhotoRow } from './kill-storm-photos'

export class StormViolation extends Error {
  override name = 'StormViolation'
}

export interface RestartFigures {
  cases: number
  events: number
  photoFiles: number
  /** Cases whose log goes beyond the last reply the client got (a step committed, its reply lost). */
  ahead: number
  /** Individual assertions made (each confirmed fact, each case, each file...). */
  checks: number
}

function fail(message: string): never {
  throw new StormViolation(message)
}

/** Folds every case's events, checking case_seq; calls `at` with the state after each event. */
function foldCases(db: Database, at: (e: CaseEvent, s: CaseState) => void): Map<string, CaseState> {
  const states = new Map<string, CaseState>()
  for (const e of new EventLog(db).all()) {
    const before = states.get(e.caseId) ?? null
    if (e.caseSeq !== (before?.lastSeq ?? 0) + 1) fail(`case ${e.caseId}: event ${e.id} has case_seq ${e.caseSeq} after ${before?.lastSeq ?? 0}: a half-written case`)
    let s: CaseState
    try {
      s = reduceCase(before, e)
    } catch (err) {
      fail(`case ${e.caseId}: event ${e.caseSeq} (${e.type}) does not replay: ${(err as Error).message}`)
    }
    states.set(e.caseId, s)
    at(e, s)
  }
  return states
}

/**
 * Throws StormViolation at the first thing wrong; with `report`, every failed assertion is passed
 * to it instead and the checks go on (the power-cut storm counts losses by kind). A case that does
 * not replay still throws: nothing after it can be judged.
 */
export function checkAfterRestart(dataDir: string, ledger: StormLedger, verifiedFiles: Set<string>, report?: (message: string) => void): RestartFigures {
  const db = new BetterSqlite3(path.join(dataDir, DB_FILE), { readonly: true, fileMustExist: true })
  let checks = 0
  const ok = (cond: boolean, message: () => string) => {
    checks++
    if (cond) return
    if (report) report(message())
    else fail(message())
  }
  try {
    const integrity = db.pragma('integrity_check', { simple: true })
    ok(integrity === 'ok', () => `PRAGMA integrity_check: ${String(integrity)}`)
    // One snapshot for everything below, whatever the host does meanwhile.
    db.exec('BEGIN')
    const chain = verifyChains(db)
    ok(chain.ok, () => `audit chain broken: ${JSON.stringify(chain.firstBreak)}`)

    // Every confirmed step: its events by id at their case_seq, and the state the reply showed.
    const seqOf = new Map<string, { caseId: string; caseSeq: number }>()
    const shas = new Map<string, Set<string>>()
    const handedOver = new Map<string, string>()
    let events = 0
    const states = foldCases(db, (e, s) => {
      events++
      seqOf.set(e.id, { caseId: e.caseId, caseSeq: e.caseSeq })
      for (const sha of JSON.stringify(e.payload).match(/\b[0-9a-f]{64}\b/g) ?? []) shas.set(sha, (shas.get(sha) ?? new Set()).add(e.caseId))
      if (e.type === 'handed_over') handedOver.set(e.caseId, (e.payload as { batchId: string }).batchId)
      const confirmed = ledger.cases.get(e.caseId)
      if (confirmed?.state && confirmed.seq === e.caseSeq) {
        ok(isDeepStrictEqual(JSON.parse(JSON.stringify(s)), confirmed.state), () => `case ${e.caseId}: the state at seq ${e.caseSeq} differs from the one the client was shown`)
      }
    })
    let ahead = 0
    for (const [caseId, c] of ledger.cases) {
      if ((states.get(caseId)?.lastSeq ?? 0) > c.seq) ahead++
      ok((states.get(caseId)?.lastSeq ?? 0) >= c.seq, () => `case ${caseId} (order ${c.orderNumber}): confirmed up to seq ${c.seq}, found ${states.get(caseId)?.lastSeq ?? 'no case'}`)
      for (const [id, caseSeq] of c.events) ok(isDeepStrictEqual(seqOf.get(id), { caseId, caseSeq }), () => `case ${caseId}: confirmed event ${id} (seq ${caseSeq}) is missing`)
    }

    // The projection is its events folded again, row for row.
    const rows = db.prepare('SELECT id, case_number, status, state FROM cases').all() as Array<{ id: string; case_number: string; status: string; state: string }>
    ok(rows.length === states.size, () => `${rows.length} projected cases for ${states.size} cases in the log`)
    for (const row of rows) {
      const s = states.get(row.id)
      ok(s !== undefined && row.state === JSON.stringify(s) && row.status === s.status, () => `case ${row.id}: the projection differs from its events folded again`)
    }
    ok(new Set(rows.map((r) => r.case_number)).size === rows.length, () => 'two cases share a case number')
    // cases.start commits case.started and order.verified together: a case left 'started' is half a start.
    for (const [id, s] of states) ok(s.status !== 'started', () => `case ${id} has case.started without its order.verified`)

    // Pickup batches commit whole: each confirmed batch, each batch's cases, each hand-over's batch.
    const batches = new Map((db.prepare('SELECT id, case_ids FROM handover_batches').all() as Array<{ id: string; case_ids: string }>).map((b) => [b.id, JSON.parse(b.case_ids) as string[]]))
    for (const [id, caseIds] of ledger.batches) ok(isDeepStrictEqual(batches.get(id), caseIds), () => `confirmed batch ${id} is missing or changed`)
    for (const [id, caseIds] of batches) for (const c of caseIds) ok(handedOver.get(c) === id, () => `batch ${id} lists case ${c}, which has no hand-over in it`)
    for (const [c, id] of handedOver) ok(batches.get(id)?.includes(c) === true, () => `case ${c} was handed over in batch ${id}, which is missing`)

    // A sealed PIN exists with its pin.provided event, and for every case confirmed to hold one.
    const secrets = new Set((db.prepare('SELECT case_id FROM case_secrets').all() as Array<{ case_id: string }>).map((r) => r.case_id))
    for (const c of secrets) ok(states.get(c)?.pin?.provided === true, () => `case ${c} holds a sealed PIN without its pin.provided event`)
    // A handed-over case left its PIN with the parcel: purged at hand-over.
    for (const c of ledger.pins) ok(secrets.has(c) || handedOver.has(c), () => `case ${c}: the PIN confirmed stored is gone`)

    const photoRows = db.prepare('SELECT case_id, sha256, purpose, mime FROM photos').all() as PhotoRow[]
    const files = checkPhotoFiles(dataDir, { rows: photoRows, cited: shas, confirmed: ledger.photos, verifiedFiles, ok })
    db.exec('COMMIT')
    return { cases: states.size, events, photoFiles: files, ahead, checks }
  } finally {
    db.close()
  }
}
