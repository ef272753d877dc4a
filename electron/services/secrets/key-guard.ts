// A kiosk's key is created once. The database records the key's fingerprint when it is first
// used; at every start, if the database holds anything sealed or tagged with a key (a staff PIN
// tag, a customer's unlock PIN, the sync token) or a recorded fingerprint, the key must be there
// and be the same one. Otherwise DropDesk refuses to start and says what to do, instead of making
// a new key: a new key would silently refuse every staff PIN and lose every sealed secret.
import type { Database } from 'better-sqlite3'
import { DomainError } from '@shared/contract/result'
import type { Settings } from '../store/settings'
import { SecretsUnavailable, type SecretBox } from './secret-box'

export const FINGERPRINT_SETTING = 'secrets.keyFingerprint'

export class KeyMismatchError extends Error {
  override name = 'KeyMismatchError'
}

/** What in the database depends on the key: counts, for the message and for the reset tool. */
export function sealedData(db: Database, settings: Settings): { staffTags: number; unlockPins: number; syncToken: boolean } {
  const staffTags = (db.prepare('SELECT COUNT(*) AS n FROM staff WHERE pin_tag IS NOT NULL').get() as { n: number }).n
  const unlockPins = (db.prepare('SELECT COUNT(*) AS n FROM case_secrets').get() as { n: number }).n
  const token = settings.get<unknown>('sync.token')
  return { staffTags, unlockPins, syncToken: typeof token === 'object' && token !== null }
}

function recovery(dataDir: string, where: string): string {
  return (
    `Restore ${where} from the kiosk's backup and start again. ` +
    `If there is no backup: stop DropDesk and run  npm run secrets:reset -- --data-dir "${dataDir}" --yes  ` +
    `(stored unlock PINs and the sync token become unreadable and are removed; staff PINs keep working; enrol the kiosk for sync again).`
  )
}

/**
 * Checks the key against the database before anything uses it, and records the fingerprint of a
 * key seen for the first time. Throws KeyMismatchError with what happened and what to do.
 */
export function guardKey(deps: { db: Database; settings: Settings; secrets: SecretBox; dataDir: string; where: string }): void {
  const { db, settings, secrets, dataDir, where } = deps
  const recorded = settings.get<string>(FINGERPRINT_SETTING)
  const sealed = sealedData(db, settings)
  const dependsOnKey = recorded !== undefined || sealed.staffTags > 0 || sealed.unlockPins > 0 || sealed.syncToken
  if (dependsOnKey && !secrets.keyPresent()) {
    throw new KeyMismatchError(
      `The kiosk's encryption key (${where}) is missing, but this database holds data sealed with it ` +
        `(${sealed.staffTags} staff PIN tags, ${sealed.unlockPins} unlock PINs${sealed.syncToken ? ', the sync token' : ''}). ` +
        `DropDesk will not make a new key, as that would refuse every staff PIN and lose those secrets. ${recovery(dataDir, where)}`,
    )
  }
  let fingerprint: string
  try {
    fingerprint = secrets.fingerprint()
  } catch (e) {
    // No usable key source (no keyring): the kiosk runs without sealing anything, as before.
    if (e instanceof SecretsUnavailable || (e instanceof DomainError && e.code === 'unavailable')) return
    throw e
  }
  if (recorded === undefined) {
    settings.set(FINGERPRINT_SETTING, fingerprint)
    return
  }
  if (recorded !== fingerprint) {
    throw new KeyMismatchError(
      `The kiosk's encryption key (${where}) is not the one this database was sealed with (another kiosk's key, or a key made anew). ` +
        `DropDesk will not use it, as every staff PIN would be refused and sealed secrets lost. ${recovery(dataDir, where)}`,
    )
  }
}
