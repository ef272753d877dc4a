// The nightly sync: scheduled at the configured local time in the counter's time zone, only
// while a central system is configured; moved when the time changes.
import { afterEach, describe, expect, it } from 'vitest'
import { openStore, type Store } from '../../electron/services/store'
import { SyncClient } from '../../electron/services/sync/sync-client'
import { tempDir } from '../support/temp-dir'

const silentLog = { info: () => {}, warn: () => {}, error: () => {} }
let store: Store | undefined
let client: SyncClient | undefined
afterEach(() => {
  client?.stop()
  store?.close()
})

function localHourMinute(d: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(d)
}

describe('nightly sync schedule', () => {
  it('idles without a central system, then runs at the configured local time', () => {
    store = openStore(tempDir())
    client = new SyncClient({ store, kioskId: 'KTEST', timeZone: 'Asia/Tokyo', log: silentLog, retryInBackground: false })
    client.start()
    expect(client.nextNightlyRun()).toBeNull()
    expect(client.status()).toMatchObject({ configured: false, nightlyAt: '02:30' })

    // Enrolled (as after sync.enrol): the nightly run is scheduled.
    store.settings.set('sync.token', 'dd_test')
    client.configure({ centralUrl: 'http://127.0.0.1:9', nightlyAt: '03:15' })
    expect(client.nextNightlyRun()).toBeNull() // a new URL drops the old token: enrol again first
    store.settings.set('sync.token', 'dd_test')
    client.configure({ nightlyAt: '03:15' })
    const next = client.nextNightlyRun()!
    expect(localHourMinute(next, 'Asia/Tokyo')).toBe('03:15')
    expect(next.getTime() - Date.now()).toBeLessThanOrEqual(24 * 3_600_000)
    expect(next.getTime()).toBeGreaterThan(Date.now())

    client.configure({ nightlyAt: '22:40' })
    expect(localHourMinute(client.nextNightlyRun()!, 'Asia/Tokyo')).toBe('22:40')
    expect(() => client!.configure({ nightlyAt: '25:00' })).toThrow(/HH:MM/)
    client.configure({ centralUrl: null })
    expect(client.nextNightlyRun()).toBeNull()
  })
})
