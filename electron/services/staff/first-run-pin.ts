// The first supervisor's PIN, sealed with the kiosk's secret box, kept only until a supervisor
// first signs in: a start that printed it and then failed (e.g. the port was busy) shows it again.
import type { Database } from 'better-sqlite3'

export const FIRST_RUN_PIN_SETTING = 'staff.firstRunPinSealed'
export const FIRST_RUN_PIN_CONTEXT = 'first-run-supervisor-pin'

/** Deletes the sealed first-run PIN (a supervisor signed in, or the PIN was reset). */
export function forgetFirstRunPin(db: Database): void {
  db.prepare('DELETE FROM settings WHERE key = ?').run(FIRST_RUN_PIN_SETTING)
}
