// The kiosk's key is never silently replaced: a database that holds PINs tagged or sealed with a
// key refuses to start when the key file is missing or different, and the documented reset
// brings the kiosk back with staff PINs working.
import { randomBytes } from 'node:crypto'
import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { createServices } from '../../electron/services'
import { KEY_FILE } from '../../electron/services/secrets/key-file'
import { FINGERPRINT_SETTING, KeyMismatchError } from '../../electron/services/secrets/key-guard'
import { resetSecrets } from '../../electron/services/secrets/secrets-reset'
import { DB_FILE } from '../../electron/services/store/database'
import { startStaffServices } from '../support/staff-services'

async function start(dataDir: string) {
  return createServices({ dataDir, transport: 'browser', timeZone: 'Europe/Paris' })
}

describe('the kiosk key guard', () => {
  it('records the key fingerprint at first start, and refuses a missing key instead of making a new one', async () => {
    const f = await startStaffServices()
    f.services.close()
    const db = new BetterSqlite3(path.join(f.dataDir, DB_FILE), { readonly: true })
    const recorded = db.prepare('SELECT value FROM settings WHERE key = ?').get(FINGERPRINT_SETTING) as { value: string } | undefined
    db.close()
    expect(recorded?.value).toMatch(/^"[\w-]{22}"$/)
    expect(recorded?.value).not.toContain(readFileSync(path.join(f.dataDir, KEY_FILE)).toString('base64url').slice(0, 8))

    const keyFile = path.join(f.dataDir, KEY_FILE)
    renameSync(keyFile, `${keyFile}.away`)
    const missing = await start(f.dataDir).catch((e: unknown) => e)
    expect(missing).toBeInstanceOf(KeyMismatchError)
    expect((missing as Error).message).toContain('is missing')
    expect((missing as Error).message).toContain('npm run secrets:reset')
    // Nothing was created in its place.
    expect(() => readFileSync(keyFile)).toThrow()

    writeFileSync(keyFile, randomBytes(32), { mode: 0o600 })
    const other = await start(f.dataDir).catch((e: unknown) => e)
    expect(other).toBeInstanceOf(KeyMismatchError)
    expect((other as Error).message).toContain('not the one this database was sealed with')

    // The original key restored: the kiosk starts and the supervisor signs in.
    renameSync(`${keyFile}.away`, keyFile)
    const back = await start(f.dataDir)
    const r = await back.dispatch('session.signIn', { pin: f.pin }, back.openSession())
    back.close()
    expect(r).toMatchObject({ ok: true, value: { signedIn: true } })
  })

  it('after the documented reset, a new key is recorded and the supervisor PIN still signs in', async () => {
    const f = await startStaffServices()
    f.services.close()
    writeFileSync(path.join(f.dataDir, KEY_FILE), randomBytes(32), { mode: 0o600 })
    await expect(start(f.dataDir)).rejects.toBeInstanceOf(KeyMismatchError)

    const db = new BetterSqlite3(path.join(f.dataDir, DB_FILE))
    const report = resetSecrets(db)
    db.close()
    expect(report.staffTags).toBe(1)

    const after = await start(f.dataDir)
    const r = await after.dispatch('session.signIn', { pin: f.pin }, after.openSession())
    after.close()
    expect(r).toMatchObject({ ok: true, value: { signedIn: true } })
    const again = await start(f.dataDir)
    again.close()
  })
})
