// What the Electron shell does when the renderer process is gone is a plain reload
// (electron/main/security.ts): nothing the renderer held in memory survives. This proves that a
// reload is enough in browser mode, where the page reloads the same way: the case the counter
// had started is still there, and scanning its label again offers to resume it.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../support/browser'
import { openApp, signIn } from '../support/app-page'
import { startHost, type RunningHost } from '../support/host'
import { scanWithWedge } from '../support/scanner-keys'
import { tempDir } from '../support/temp-dir'
import { demoOrders } from '../support/demo-orders'

const demo = demoOrders

let browser: Browser
let host: RunningHost
beforeAll(async () => {
  browser = await launchChromium()
  host = await startHost({ dataDir: tempDir('dropdesk-reload-') })
})
afterAll(async () => {
  await host?.kill()
  await browser?.close()
})

describe('after a renderer reload', () => {
  it('the started case is still there and a re-scan resumes it', async () => {
    const order = demo.find((r) => r.returnRequest?.labelCode && r.customer?.lastName)!
    const page = await openApp(browser, host)
    await scanWithWedge(page, order.returnRequest!.labelCode!, 5)
    await page.locator('[data-test=confirm]').click()
    // The confirmed case opens at its next step.
    await page.locator('[data-test=case-view]').waitFor()
    const caseNumber = (await page.locator('[data-test=case-view]').getAttribute('data-case'))!
    expect(caseNumber).toMatch(/[A-Z0-9]+-\d{6}-\d{3}/)

    await page.reload()
    // A reloaded renderer has a new session: the person signs in again, then scans the label.
    await signIn(page, host)
    await scanWithWedge(page, order.returnRequest!.labelCode!, 5)
    // The same case comes back: opened again directly, or offered as "Open case N".
    const back = page.locator(`[data-test=case-view][data-case="${caseNumber}"], [data-test=confirm]:has-text("${caseNumber}")`).first()
    await back.waitFor({ timeout: 10_000 })
    expect(await back.count()).toBe(1)
    await page.close()
  })
})
