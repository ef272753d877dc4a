// The documented recovery when a kiosk's key is lost for good (no backup): what was sealed with
// it cannot be opened by anyone, so it is removed, and the next start records the key it finds.
// Staff PINs keep working: their scrypt hashes do not need the key, only the lookup tag does.
import type { Database } from 'better-sqlite3'
import { Settings } from '../store/settings'
import { FINGERPRINT_SETTING, sealedData } from './key-guard'

export interface ResetReport {
  unlockPins: number
  staffTags: number
  syncToken: boolean
}

export function describeReset(db: Database): ResetReport {
  return sealedData(db, new Settings(db))
}

export function resetSecrets(db: Database): ResetReport {
  const settings = new Settings(db)
  return db.transaction(() => {
    const before = sealedData(db, settings)
    db.prepare('DELETE FROM case_secrets').run()
    db.prepare('UPDATE staff SET pin_tag = NULL WHERE pin_tag IS NOT NULL').run()
    if (before.syncToken) db.prepare("DELETE FROM settings WHERE key = 'sync.token'").run()
    db.prepare('DELETE FROM settings WHERE key = ?').run(FINGERPRINT_SETTING)
    return before
  })()
}
