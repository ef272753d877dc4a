// The supervisor's Privacy screen in browser mode, end to end in Chromium: find a demo
// customer by name, export their data as a real download (a JSON file), erase it after the
// confirmation, and find the name gone.
import { readFileSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../support/browser'
import { openApp } from '../support/app-page'
import { demoOrders } from '../support/demo-orders'
import { startHost, type RunningHost } from '../support/host'
import { tempDir } from '../support/temp-dir'

let browser: Browser
let host: RunningHost
beforeAll(async () => {
  browser = await launchChromium()
  host = await startHost({ dataDir: tempDir('dropdesk-privacy-') })
})
afterAll(async () => {
  await host?.kill()
  await browser?.close()
})

describe('Privacy screen', () => {
  it('exports one customer as a download and erases them after confirming', async () => {
    const order = demoOrders.find((o) => o.customer?.lastName && o.customer.firstName)!
    const last = order.customer!.lastName!
    const page = await openApp(browser, host)
    await page.locator('[data-test=nav-privacy]').click()
    await page.locator('[data-test=privacy-query]').fill(order.orderNumber)
    await page.locator('[data-test=privacy-search]').click()
    const card = page.locator(`[data-test=privacy-match][data-order="${order.orderNumber}"]`)
    await card.waitFor()
    expect(await card.locator('[data-test=privacy-name]').textContent()).toContain(last)

    const [download] = await Promise.all([page.waitForEvent('download'), card.locator('[data-test=privacy-export]').click()])
    expect(download.suggestedFilename()).toMatch(/^dropdesk-export-.*\.json$/)
    const doc = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { orderNumber: string; order: { customer?: { lastName?: string } } }
    expect(doc.orderNumber).toBe(order.orderNumber)
    expect(doc.order.customer?.lastName).toBe(last)

    await card.locator('[data-test=privacy-erase]').click()
    await card.locator('[data-test=privacy-confirm-erase]').click()
    await page.locator('[data-test=privacy-notice]').filter({ hasText: /Erased/ }).waitFor()
    expect(await card.locator('[data-test=privacy-name]').textContent()).toBe('erased')
    await page.locator('[data-test=privacy-query]').fill(last)
    await page.locator('[data-test=privacy-search]').click()
    await page.locator('[data-test=privacy-no-match], [data-test=privacy-match]').first().waitFor()
    expect(await page.locator(`[data-test=privacy-match][data-order="${order.orderNumber}"]`).count()).toBe(0)
    await page.close()
  })
})
