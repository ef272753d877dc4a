// The first drop-off end to end: browser mode on a fresh data dir (demo data), a label scanned
// with a keyboard-wedge scanner, the order shown, confirmed, and still there after the host is
// killed with SIGKILL and started again.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../support/browser'
import { openApp } from '../support/app-page'
import { armEnterToPaint } from '../support/paint-timer'
import { startHost, type RunningHost } from '../support/host'
import { scanWithWedge } from '../support/scanner-keys'
import { tempDir } from '../support/temp-dir'
import { demoOrders, demoAnchorDate } from '../support/demo-orders'

const demo = demoOrders

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

describe('first drop-off in browser mode', () => {
  it('scans a demo label, confirms, survives SIGKILL, and lists the case on Today', async () => {
    const dataDir = tempDir()
    let host: RunningHost = await startHost({ dataDir })
    const order = demo.find((r) => r.returnRequest?.labelCode && r.item.category === 'smartphone' && r.customer?.lastName)!
    const page = await openApp(browser, host)
    // The token left the address bar.
    expect(page.url()).not.toContain('token=')

    const enterToPaint = await armEnterToPaint(page, '[data-test=order-card]')
    await scanWithWedge(page, order.returnRequest!.labelCode!, 5)
    await page.locator('[data-test=order-card]').waitFor()
    console.log(`scanner Enter → order painted: ${(await enterToPaint()).toFixed(1)} ms`)
    await expect(page.locator('[data-test=order-number]').textContent()).resolves.toBe(order.orderNumber)
    await expect(page.locator('[data-test=customer-name]').textContent()).resolves.toContain(order.customer!.lastName!)

    await page.locator('[data-test=confirm]').click()
    // The confirmed case opens at once at its next step (CaseView).
    await page.locator('[data-test=case-view]').waitFor()
    const caseNumber = (await page.locator('[data-test=case-view]').getAttribute('data-case'))!
    expect(caseNumber).toMatch(/[A-Z0-9]+-\d{6}-\d{3}/)

    // Power cut right after the confirmed scan.
    await host.kill('SIGKILL')
    host = await startHost({ dataDir })
    const after = await openApp(browser, host)
    await after.locator('[data-test=nav-today]').click()
    const row = after.locator(`[data-test=today-list] tr[data-case="${caseNumber}"]`)
    await row.waitFor()
    await expect(row.textContent()).resolves.toContain(order.orderNumber)
    await host.kill()
  })

  it('says clearly when a code matches nothing, and finds the order by name instead', async () => {
    const host = await startHost({ dataDir: tempDir() })
    const page = await openApp(browser, host)
    await scanWithWedge(page, 'ZZ-NOT-A-LABEL-42', 3)
    await page.locator('[data-test=not-found]').waitFor()
    await expect(page.locator('[data-test=not-found]').textContent()).resolves.toContain('ZZ-NOT-A-LABEL-42')

    const someone = demo.find((r) => r.customer?.lastName)!
    await page.locator('[data-test=search-input]').fill(someone.customer!.lastName!)
    await page.locator('[data-test=search-submit]').click()
    await page.locator('[data-test=search-results]').waitFor()
    await page.locator('[data-test=search-results] li', { hasText: someone.orderNumber }).getByRole('button').click()
    await expect(page.locator('[data-test=order-number]').textContent()).resolves.toBe(someone.orderNumber)
    await host.kill()
  })

  it('shows an expired label as expired', async () => {
    const host = await startHost({ dataDir: tempDir() })
    const page = await openApp(browser, host)
    const anchor = demoAnchorDate
    const expired = demo.find((d) => d.returnRequest && Date.parse(anchor) - Date.parse(d.returnRequest.requestedAt) > 16 * 86_400_000)!
    await scanWithWedge(page, expired.returnRequest!.labelCode ?? expired.returnRequest!.id, 3)
    await page.locator('[data-test=label-expired]').waitFor()
    await host.kill()
  })
})
