// The printers panel in browser mode: a supervisor sets up a Zebra on a loopback 9100 printer,
// sees its state and what to do when it is out of paper, previews a case label (ZPL rendered
// offline) before printing, and the label reaches the printer once it is back.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../support/browser'
import { openApp } from '../support/app-page'
import { FakeRawPrinter } from '../support/fake-raw-printer'
import { startHost } from '../support/host'
import { scanWithWedge } from '../support/scanner-keys'
import { tempDir } from '../support/temp-dir'
import { demoOrders } from '../support/demo-orders'

const demo = demoOrders

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

describe('printers panel', () => {
  it('configures a label printer, shows paper out with help, previews and prints a case label', async () => {
    const zebra = await new FakeRawPrinter('zpl').start()
    zebra.state = 'paper_out'
    const host = await startHost({ dataDir: tempDir() })
    try {
      const page = await openApp(browser, host)
      const order = demo.find((r) => r.returnRequest?.labelCode && !r.returnRequest.trackingNumber?.includes(' '))!
      await scanWithWedge(page, order.returnRequest!.labelCode!, 5)
      await page.locator('[data-test=confirm]').click()
      await page.locator('[data-test=case-view]').waitFor()
      const caseNumber = (await page.locator('[data-test=case-view]').getAttribute('data-case'))!

      await page.locator('[data-test=nav-printers]').click()
      await page.locator('[data-test=no-printers]').waitFor()
      const form = page.locator('[data-test=printer-settings]')
      await form.locator('[data-test=add-printer]').click()
      const fields = form.locator('fieldset.printer').first()
      await fields.getByLabel('Name').fill('Zebra ZD421')
      await fields.getByLabel('Address').fill('127.0.0.1')
      await fields.getByLabel('Port', { exact: true }).fill(String(zebra.port))
      await form.locator('[data-test=assign-caseLabel]').selectOption({ label: 'Zebra ZD421' })
      await form.locator('[data-test=save-printers]').click()

      const card = page.locator('[data-printer=printer-1]')
      await card.waitFor()
      await card.locator('[data-test=check-status]').click()
      await page.locator('[data-printer=printer-1][data-status=paper_out]').waitFor()
      await expect(card.locator('[data-test=printer-help]').textContent()).resolves.toMatch(/load a new roll/)

      await page.locator('[data-test=document-kind]').selectOption('caseLabel')
      await page.locator('[data-test=case-pick]').selectOption({ label: `${caseNumber} · ${order.orderNumber}` })
      await page.locator('[data-test=show-preview]').click()
      const img = page.locator('[data-test=preview-image]')
      await img.waitFor()
      // The picture really loaded (a PNG the CSP allows), at the label's aspect ratio (4"×6").
      const size = await img.evaluate((el: HTMLImageElement) => [el.naturalWidth, el.naturalHeight])
      expect(size).toEqual([812, 1218])

      await page.locator('[data-test=print-now]').click()
      await page.locator('[data-test=print-jobs] tr[data-state=held]').waitFor()
      expect(zebra.jobs).toHaveLength(0)
      zebra.state = 'ready'
      await page.locator('[data-test=print-jobs] tr[data-state=acknowledged]').waitFor({ timeout: 20_000 })
      await page.locator('[data-printer=printer-1][data-status=ready]').waitFor()
      expect(zebra.jobs).toHaveLength(1)
      expect(zebra.jobs[0]!.toString()).toContain(caseNumber)
    } finally {
      await host.kill()
      await zebra.stop()
    }
  })
})
