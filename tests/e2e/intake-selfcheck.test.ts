// Scenario (d): a customer's self-check at the kiosk, from their return's QR code to a ticket
// (number + QR), then staff take the screen back, scan the ticket and the case opens at its
// next step with everything the customer recorded.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, typePin } from '../support/app-page'
import { launchChromium } from '../support/browser'
import { moduleGrid, renderFrame, y4m } from '../support/barcode-frames'
import { fakeCameraArgs, writeFakeCamera } from '../support/fake-camera'
import { startHost } from '../support/host'
import { demoOrder, IntakeDriver } from '../support/intake-driver'
import { FakeRawPrinter } from '../support/fake-raw-printer'
import { interpretEscPos } from '../../electron/services/printing/escpos/escpos-interpreter'
import { tempDir } from '../support/temp-dir'
import '../support/in-viewport'

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium(fakeCameraArgs(writeFakeCamera(tempDir('dropdesk-camera-'))))
})
afterAll(async () => {
  await browser?.close()
})

describe('customer self-check', () => {
  it('ends in a ticket that staff scan to pick the case up', async () => {
    const order = demoOrder('BM-48241634')
    const host = await startHost({ dataDir: tempDir() })
    try {
      const page = await openApp(browser, host)
      const d = new IntakeDriver(page)
      await d.click('customer-mode')
      await page.locator('[data-test=self-check][data-screen="scan"]').waitFor()
      // Nothing of the staff screens is reachable from here.
      expect(await page.locator('[data-test^=nav-]').count()).toBe(0)

      await d.scan(order.returnRequest!.labelCode!)
      await page.locator('[data-test=self-check-device]').waitFor()
      expect(await page.locator('[data-test=self-check-device]').textContent()).toContain(order.item.model!)
      await d.click('self-check-yes')
      await d.click('backup-backed_up_and_removed')
      await page.locator('[data-test=step-account]').waitFor()
      expect(await page.locator('[data-test=account-staff-confirmed]').count()).toBe(0)
      await d.photo()
      await d.click('pin-skip-lock_removed')
      await page.locator('[data-test=step-photos]').waitFor()
      for (let i = 0; i < 7; i++) await d.photo()
      await d.click('self-check-finish')
      const number = (await page.locator('[data-test=ticket-number]').textContent())!.trim()
      expect(number).toMatch(/^\d{6}$/)
      const qr = (await page.locator('[data-test=ticket-qr]').getAttribute('data-value'))!
      expect(qr).toContain(number)

      // Staff take the screen back with their PIN and scan the ticket.
      await d.click('staff-return-open')
      await page.locator('[data-test=staff-return]').waitFor()
      await typePin(page, host.supervisorPin!)
      await page.locator('[data-test=signed-in-name]').waitFor()
      await d.scan(qr)
      await d.atStep('identity')
      const caseView = page.locator('[data-test=case-view]')
      expect(await caseView.getAttribute('data-status')).toBe('verified')
      for (const step of ['photos', 'backup', 'account', 'pin']) {
        expect(await page.locator(`[data-test=step-progress] li[data-step="${step}"]`).getAttribute('data-done'), step).toBe('true')
      }
    } finally {
      await host.kill()
    }
  })

  it('starts from the return QR code held up to the kiosk camera', async () => {
    const order = demoOrder('BM-48240657')
    const dir = tempDir('dropdesk-qr-camera-')
    const frame = renderFrame(moduleGrid('qrcode', order.returnRequest!.labelCode!), { width: 640, height: 480, module: 8, angleDeg: 3, noise: 6 })
    const file = path.join(dir, 'qr.y4m')
    writeFileSync(file, y4m([frame, frame, frame], 640, 480, 10))
    const qrBrowser = await launchChromium(fakeCameraArgs(file))
    const host = await startHost({ dataDir: tempDir() })
    try {
      const page = await openApp(qrBrowser, host)
      await page.locator('[data-test=customer-mode]').click()
      // No key, no tap: the camera reads the code and the customer's order is on screen.
      await page.locator('[data-test=self-check][data-screen="confirm"]').waitFor({ timeout: 15_000 })
      expect(await page.locator('[data-test=self-check-device]').textContent()).toContain(order.item.model!)
    } finally {
      await host.kill()
      await qrBrowser.close()
    }
  })
})

/** The customer's whole self-check on the touch screen, from the QR code to the ticket screen. */
async function selfCheck(page: Page, labelCode: string): Promise<string> {
  const d = new IntakeDriver(page)
  await d.click('customer-mode')
  await page.locator('[data-test=self-check][data-screen="scan"]').waitFor()
  await d.scan(labelCode)
  await d.click('self-check-yes')
  await d.click('backup-backed_up_and_removed')
  await page.locator('[data-test=step-account]').waitFor()
  await d.photo()
  await d.click('pin-skip-lock_removed')
  await page.locator('[data-test=step-photos]').waitFor()
  for (let i = 0; i < 7; i++) await d.photo()
  await d.click('self-check-finish')
  const number = page.locator('[data-test=ticket-number]')
  await expect(number).toBeInViewport()
  return (await number.textContent())!.trim()
}

async function takeScreenBack(page: Page, pin: string): Promise<void> {
  await page.locator('[data-test=staff-return-open]').click()
  await page.locator('[data-test=staff-return]').waitFor()
  await typePin(page, pin)
  await page.locator('[data-test=signed-in-name]').waitFor()
}

describe('the self-check ticket, printed or noted', () => {
  it('prints the ticket in the customer’s language; the number read out and typed in the search finds the case', async () => {
    const order = demoOrder('BM-48241634')
    const printer = await new FakeRawPrinter('escpos').start()
    const host = await startHost({ dataDir: tempDir() })
    try {
      const page = await openApp(browser, host)
      await page.setViewportSize({ width: 1280, height: 800 })
      // A supervisor sets the counter's receipt printer up.
      await page.getByRole('button', { name: 'Printers', exact: true }).click()
      const form = page.locator('[data-test=printer-settings]')
      await form.getByRole('button', { name: 'Add a printer' }).click()
      const fields = form.locator('fieldset.printer').first()
      await fields.getByLabel('Name').fill('Counter receipts')
      await fields.getByLabel('Type').selectOption({ label: 'Receipt 80 mm (ESC/POS)' })
      await fields.getByLabel('Address').fill('127.0.0.1')
      await fields.getByLabel('Port', { exact: true }).fill(String(printer.port))
      await form.getByLabel('Drop-off receipt').selectOption({ label: 'Counter receipts' })
      await form.getByRole('button', { name: 'Save' }).click()
      await page.locator('[data-printer=printer-1]').waitFor()

      await page.getByRole('button', { name: 'Counter', exact: true }).click()
      await page.getByRole('button', { name: 'Français' }).click()
      const number = await selfCheck(page, order.returnRequest!.labelCode!)
      await expect(page.getByRole('status').filter({ hasText: 'Votre ticket est imprimé : prenez-le à l’imprimante.' })).toBeInViewport()
      const texts = interpretEscPos(printer.jobs[0]!, { qrModules: () => 25, code128Modules: (t) => 11 * (t.length + 2) + 13 }).items.flatMap((i) => (i.kind === 'text' ? [i.text] : []))
      expect(texts).toEqual(expect.arrayContaining(['Votre ticket', number, `Numéro de commande : ${order.orderNumber}`, 'Montrez ce ticket au personnel du comptoir.']))

      // The customer reads the number out; staff type it in the search.
      await takeScreenBack(page, host.supervisorPin!)
      await page.getByRole('button', { name: 'English' }).click()
      const search = page.getByRole('searchbox')
      await search.fill(number)
      await search.press('Enter')
      await page.getByRole('button', { name: 'Take over the self-check' }).click()
      await page.getByRole('heading', { name: /^Case / }).waitFor()
      expect(await page.locator('[data-test=case-view]').getAttribute('data-status')).toBe('verified')
    } finally {
      await host.kill()
      await printer.stop()
    }
  })

  it('without a receipt printer, asks the customer to note the number; the number scanned finds the case', async () => {
    const order = demoOrder('BM-48240657')
    const host = await startHost({ dataDir: tempDir() })
    try {
      const page = await openApp(browser, host)
      await page.setViewportSize({ width: 1280, height: 800 })
      const number = await selfCheck(page, order.returnRequest!.labelCode!)
      await expect(page.getByRole('alert').filter({ hasText: 'No ticket is printed at this kiosk. Note this number, or take a photo of this screen.' })).toBeInViewport()

      await takeScreenBack(page, host.supervisorPin!)
      await new IntakeDriver(page).scan(number)
      await page.getByRole('heading', { name: /^Case / }).waitFor()
      expect(await page.locator('[data-test=case-view]').getAttribute('data-status')).toBe('verified')
    } finally {
      await host.kill()
    }
  })
})
