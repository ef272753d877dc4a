// Two kiosks in browser mode and the reference central service on a real PostgreSQL, end to
// end: each kiosk recorded cases offline; a supervisor opens Sync from the header status,
// enters the central URL and a one-time enrolment code, presses Sync now; the centre then
// holds exactly each kiosk's events, in order, and the header shows nothing pending.
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../support/browser'
import { openApp } from '../support/app-page'
import { startCentral, type TestCentral } from '../support/central'
import { startHost, type RunningHost } from '../support/host'
import { startKiosk } from '../support/kiosk'
import { startPostgres, type PgCluster } from '../support/postgres'
import { expectExactlyOnce } from '../support/sync-check'
import { tempDir } from '../support/temp-dir'

let browser: Browser
let cluster: PgCluster
let central: TestCentral
const hosts: RunningHost[] = []
beforeAll(async () => {
  cluster = await startPostgres()
  central = await startCentral(cluster)
  browser = await launchChromium()
})
afterAll(async () => {
  for (const h of hosts) await h.kill()
  await browser?.close()
  await central?.close()
  cluster?.stop()
})

/** A data dir with `cases` cases recorded offline; then the built host on it. */
async function kioskHost(cases: number): Promise<{ host: RunningHost; dataDir: string }> {
  const dir = tempDir()
  const k = await startKiosk(dir, { orders: cases })
  await k.startCases(cases)
  const pin = k.services.firstRunSupervisorPin
  k.services.close()
  const host = await startHost({ dataDir: k.dataDir, manifest: path.join(dir, 'manifest.jsonl'), ...(pin ? { supervisorPin: pin } : {}) })
  hosts.push(host)
  return { host, dataDir: k.dataDir }
}

describe('two kiosks sync to the central service', () => {
  it('enrol through the Sync view and deliver every event once', async () => {
    const kiosks = await Promise.all([kioskHost(6), kioskHost(4)])
    for (const [i, k] of kiosks.entries()) {
      const page = await openApp(browser, k.host)
      const status = page.locator('[data-test=sync-status]')
      await expect(status.textContent()).resolves.toContain('Working alone')
      await status.click()
      await page.locator('[data-test=sync-view]').waitFor()
      await page.locator('[data-test=sync-url]').fill(central.url)
      await page.locator('[data-test=sync-save]').click()
      await page.locator('[data-test=sync-code]').fill(await central.createCode(`C${i + 1}`))
      await page.locator('[data-test=sync-enrol]').click()
      await page.getByText(`This kiosk is enrolled for counter C${i + 1}.`).waitFor()
      await page.locator('[data-test=sync-now]').click()
      await page.locator('[data-test=sync-pending-events]', { hasText: /^0$/ }).waitFor()
      await expect(page.locator('[data-test=sync-last-success]').textContent()).resolves.not.toBe('never')
      await expect(status.textContent()).resolves.toContain('Synced')
      // The token never reaches the page.
      expect(await page.content()).not.toMatch(/dd_[\w-]{20,}/)
      await page.close()
    }
    expect(await expectExactlyOnce(central.db, kiosks[0]!.dataDir)).toBe(12)
    expect(await expectExactlyOnce(central.db, kiosks[1]!.dataDir)).toBe(8)
    await central.projected()
    const counters = await central.db.query<{ counter_id: string; n: number }>('SELECT counter_id, count(*)::int AS n FROM cases GROUP BY counter_id ORDER BY counter_id')
    expect(counters.rows).toEqual([{ counter_id: 'C1', n: 6 }, { counter_id: 'C2', n: 4 }])
  })
})
