// What the power-cut storm asserts after each cut, beyond the SIGKILL storm's checks of the
// record (kill-storm-checks.ts, here in its reporting mode): once a kiosk has shown its first
// supervisor's PIN, a cut must never take away the data dir, the key, that PIN (no new first-run
// PIN, the PIN still signs in), nor make a sealed unlock PIN unreadable. Every failure is a Loss
// of a kind, so that a run against a build that loses things can count them.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { KEY_FILE } from '../../electron/services/secrets/key-file'
import { createSecretBox } from '../../electron/services/secrets/secret-box'
import { DB_FILE } from '../../electron/services/store/database'
import { checkAfterRestart, type RestartFigures } from './kill-storm-checks'
import type { StormLedger } from './kill-storm-ledger'

export const LOSS_KINDS = ['dataDirGone', 'keyRemade', 'newFirstRunPin', 'signInRefused', 'refusedToStart', 'stepsLost', 'photosMissing', 'pinsLost', 'other'] as const
export type LossKind = (typeof LOSS_KINDS)[number]

export interface Loss {
  kind: LossKind
  message: string
}

/** What the people at a kiosk have seen of it: each must survive every later cut. */
export class KioskMemory {
  /** The first supervisor's PIN, once a start printed it (shown to a person). */
  pin: string | undefined
  /** A sign-in with that PIN was confirmed (the first-run PIN must not be shown again). */
  signedIn = false
  /** The key file's bytes once a start was ready with the PIN shown. */
  key: Buffer | undefined
  /** Every unlock PIN sent per case (a lost reply may or may not have stored it). */
  readonly pinsSent = new Map<string, Set<string>>()
  /** Unlock PINs whose reply was ok. */
  readonly pinsConfirmed = new Map<string, string>()

  constructor(readonly dataDir: string) {}

  get keyFile(): string {
    return path.join(this.dataDir, KEY_FILE)
  }

  /** Nothing was shown yet: a cut may still leave a brand-new kiosk. */
  get shown(): boolean {
    return this.pin !== undefined
  }
}

export function classify(message: string): LossKind {
  if (/confirmed up to seq|confirmed event .* is missing|differs from the one the client was shown|confirmed batch/.test(message)) return 'stepsLost'
  if (/has no file|confirmed photo .* is missing|its bytes hash to|cites photo .*, which has no row/.test(message)) return 'photosMissing'
  if (/PIN confirmed stored is gone/.test(message)) return 'pinsLost'
  return 'other'
}

/** Right after the cut, before a start could make new ones: the folder and the key are there. */
export function checkAfterCut(k: KioskMemory): Loss[] {
  if (!k.shown) return []
  if (!existsSync(k.dataDir)) return [{ kind: 'dataDirGone', message: `the data dir ${k.dataDir} is gone after the cut: the next start would be a brand-new kiosk` }]
  if (k.key && !existsSync(k.keyFile)) return [{ kind: 'keyRemade', message: `${KEY_FILE} is gone after the cut: the next start would make a new key` }]
  return []
}

const FIRST_RUN_PIN = /first-run supervisor PIN: (\d{6})/

/** The first-run PIN a start printed, if any. */
export function printedPin(output: string): string | undefined {
  return FIRST_RUN_PIN.exec(output)?.[1]
}

/** A start's output: the same first-run PIN until the supervisor signed in, none after. */
export function checkStartOutput(k: KioskMemory, output: string): Loss[] {
  const printed = printedPin(output)
  if (printed === undefined || !k.shown) return []
  if (k.signedIn) return [{ kind: 'newFirstRunPin', message: `a first-run supervisor PIN was printed again (${printed === k.pin ? 'the same one' : 'a new one'}) after the supervisor had signed in` }]
  if (printed !== k.pin) return [{ kind: 'newFirstRunPin', message: 'a new first-run supervisor PIN was printed: the one shown before is no longer the kiosk\'s' }]
  return []
}

/**
 * After a restart (the host up and idle): the key is the one shown before, the record passes
 * the SIGKILL storm's checks, and every sealed unlock PIN opens with the key to a PIN sent.
 */
export function checkRecord(k: KioskMemory, ledger: StormLedger, verifiedFiles: Set<string>): { losses: Loss[]; figures: RestartFigures | null } {
  const losses: Loss[] = []
  const key = existsSync(k.keyFile) ? readFileSync(k.keyFile) : null
  if (k.key && (!key || !key.equals(k.key))) losses.push({ kind: 'keyRemade', message: `${KEY_FILE} ${key ? 'holds another key' : 'is missing'} after the restart` })
  let figures: RestartFigures | null = null
  try {
    figures = checkAfterRestart(k.dataDir, ledger, verifiedFiles, (message) => losses.push({ kind: classify(message), message }))
  } catch (e) {
    losses.push({ kind: 'other', message: (e as Error).message })
  }
  losses.push(...checkSealedPins(k, key))
  return { losses, figures }
}

function checkSealedPins(k: KioskMemory, key: Buffer | null): Loss[] {
  if (!existsSync(path.join(k.dataDir, DB_FILE))) return []
  const db = new BetterSqlite3(path.join(k.dataDir, DB_FILE), { readonly: true, fileMustExist: true })
  const losses: Loss[] = []
  try {
    const rows = db.prepare('SELECT case_id, sealed FROM case_secrets').all() as Array<{ case_id: string; sealed: string }>
    if (rows.length === 0) return []
    if (!key) return [{ kind: 'pinsLost', message: `${rows.length} sealed unlock PINs and no key to open them` }]
    // The host's own sealing, with the key read from the file (nothing is created).
    const box = createSecretBox({ description: KEY_FILE, check: () => {}, key: () => key, present: () => true })
    for (const { case_id: caseId, sealed } of rows) {
      let pin: string
      try {
        pin = box.open(sealed, `unlock-pin:${caseId}`)
      } catch (e) {
        losses.push({ kind: 'pinsLost', message: `case ${caseId}: its sealed unlock PIN does not open with the key (${(e as Error).message})` })
        continue
      }
      const confirmed = k.pinsConfirmed.get(caseId)
      if (confirmed !== undefined ? pin !== confirmed : !k.pinsSent.get(caseId)?.has(pin)) {
        losses.push({ kind: 'pinsLost', message: `case ${caseId}: its sealed unlock PIN opens to one that was ${confirmed !== undefined ? 'not the one confirmed' : 'never sent'}` })
      }
    }
    return losses
  } finally {
    db.close()
  }
}
