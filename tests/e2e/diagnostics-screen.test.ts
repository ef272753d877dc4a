// The supervisor's Diagnostics screen in browser mode, end to end: the tab is there for the
// supervisor, and the screen shows the real data folder, SQLite version and event count.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../support/browser'
import { openApp } from '../support/app-page'
import { startHost, type RunningHost } from '../support/host'
import { tempDir } from '../support/temp-dir'

let browser: Browser
let host: RunningHost
let dataDir: string
beforeAll(async () => {
  browser = await launchChromium()
  dataDir = tempDir('dropdesk-diag-')
  host = await startHost({ dataDir })
})
afterAll(async () => {
  await host?.kill()
  await browser?.close()
})

describe('Diagnostics screen', () => {
  it('shows the kiosk as it is to the supervisor', async () => {
    const page = await openApp(browser, host)
    await page.locator('[data-test=nav-diagnostics]').click()
    await page.locator('[data-test=diagnostics-versions]').waitFor()
    expect(await page.locator('[data-test=diagnostics-data-dir]').textContent()).toBe(dataDir)
    expect(await page.locator('[data-test=diagnostics-sqlite]').textContent()).toMatch(/^3\.\d+\.\d+$/)
    expect(await page.locator('[data-test=diagnostics-events]').textContent()).toBe('0')
    expect(await page.locator('[data-test=diagnostics-sync]').textContent()).toContain('not configured')
    await page.close()
  })
})
