// Refusals end the intake where they happen, and every verdict says its dates in words, as a
// counter employee sees it at 1280×800 on the demo data: by role and visible text.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp } from '../support/app-page'
import { launchChromium } from '../support/browser'
import { fakeCameraArgs, writeFakeCamera } from '../support/fake-camera'
import { FakeRawPrinter } from '../support/fake-raw-printer'
import { startHost, type RunningHost } from '../support/host'
import { demoOrder, IntakeDriver } from '../support/intake-driver'
import { tempDir } from '../support/temp-dir'

const lateWithdrawal = demoOrder('BM-48214278') // MacBook Air, delivered 41 days ago
const tradeIn = demoOrder('BM-48216232') // iPhone 12 trade-in, offer 4 days ago

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium(fakeCameraArgs(writeFakeCamera(tempDir('dropdesk-camera-'))))
})
afterAll(async () => {
  await browser?.close()
})

async function kiosk(host: RunningHost, locale: 'en' | 'fr' = 'en'): Promise<{ page: Page; d: IntakeDriver }> {
  const page = await openApp(browser, host)
  await page.setViewportSize({ width: 1280, height: 800 })
  if (locale === 'fr') {
    await page.getByRole('button', { name: 'Français' }).click()
    await page.getByText('Scannez l’étiquette de retour ou le QR code du client').waitFor()
  }
  return { page, d: new IntakeDriver(page) }
}

/** Scans the late withdrawal, identifies the MacBook by its serial and asks for the verdict. */
async function refusedWithdrawal(page: Page, d: IntakeDriver, scanned = false): Promise<void> {
  if (!scanned) await d.scan(lateWithdrawal.returnRequest!.labelCode!)
  await page.getByRole('button', { name: 'Confirm and start the intake' }).click()
  await page.locator('[data-test=serial-input]').fill(lateWithdrawal.item.serial!)
  await page.getByRole('button', { name: 'Check the device' }).click()
  await page.getByRole('button', { name: /No exclusion/ }).click()
  await page.getByRole('heading', { name: 'Refused: not accepted as a withdrawal' }).waitFor()
}

/** Starts the phone trade-in up to the photos, then records the account as still locked. */
async function lockedTradeIn(page: Page, d: IntakeDriver): Promise<void> {
  await d.startToPhotos(tradeIn.returnRequest!.labelCode!, tradeIn.item.imei!)
  await page.locator('[data-test=step-progress] li[data-step="account"] button').click()
  await d.click('account-still-locked')
  await page.getByRole('heading', { name: 'Refused for trade-in: the device is still locked to an account' }).waitFor()
}

/** A supervisor sets up the desk's receipt printer for the refusal note, as on the Printers screen. */
async function notePrinter(page: Page, port: number, printed: 'English' | 'Français'): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: 'Printers' }).click()
  const form = page.locator('[data-test=printer-settings]')
  await form.getByRole('button', { name: 'Add a printer' }).click()
  const fields = form.locator('fieldset.printer').first()
  await fields.getByLabel('Name').fill('Desk printer')
  await fields.getByLabel('Type').selectOption({ label: 'Receipt 80 mm (ESC/POS)' })
  await fields.getByLabel('Address').fill('127.0.0.1')
  await fields.getByLabel('Port', { exact: true }).fill(String(port))
  await form.getByLabel('Refusal note').selectOption({ label: 'Desk printer' })
  await form.getByLabel('Printed language').selectOption({ label: printed })
  await form.getByLabel('Counter name').fill('Relais Gare de Lyon')
  await form.getByRole('button', { name: 'Save' }).click()
  await page.locator('[data-printer=printer-1]').waitFor()
  await page.getByRole('navigation').getByRole('button', { name: 'Counter' }).click()
}

describe('scenario: refusals end the flow, verdicts say their dates', () => {
  it('a withdrawal past its 30 days stops at the verdict with only the next actions; changing to a repair goes on', async () => {
    const host = await startHost({ dataDir: tempDir() })
    try {
      const { page, d } = await kiosk(host)
      await d.scan(lateWithdrawal.returnRequest!.labelCode!)
      await expect.poll(() => page.getByText(/The 30-day withdrawal period: Ended 11 days ago/).count()).toBe(1)
      await refusedWithdrawal(page, d, true)
      await page.getByText('Today is 41 days after delivery; the limit is 30 days.').waitFor()
      for (const name of ['Change to warranty repair', 'Supervisor override', 'Hold for the customer’s return', 'Close as refused']) {
        await expect.poll(() => page.getByRole('button', { name }).isVisible(), { message: name }).toBe(true)
      }
      expect(await page.getByRole('button', { name: 'Continue' }).count()).toBe(0)
      expect(await page.getByRole('button', { name: 'Take the photo' }).count()).toBe(0)
      // The photo step cannot be opened from the progress bar either.
      expect(await page.getByRole('navigation').getByRole('button', { name: /Photos/ }).isDisabled()).toBe(true)
      // At 1280×800 the actions are on screen without scrolling.
      const close = await page.getByRole('button', { name: 'Close as refused' }).boundingBox()
      expect(close!.y + close!.height).toBeLessThanOrEqual(800)

      await page.getByRole('button', { name: 'Change to warranty repair' }).click()
      await page.getByRole('button', { name: /No exclusion/ }).click()
      await page.getByText('Accepted as a warranty repair.').waitFor()
      await page.getByRole('button', { name: 'Continue' }).click()
      await d.atStep('photos')
    } finally {
      await host.kill()
    }
  })

  it('a locked trade-in stops at the account: "Refused" in the header, no unlock code; held for the customer\'s return, it resumes there', async () => {
    const host = await startHost({ dataDir: tempDir() })
    try {
      const { page, d } = await kiosk(host)
      await lockedTradeIn(page, d)
      expect(await page.locator('[data-test=header-verdict]').textContent()).toBe('Refused')
      expect(await page.getByRole('heading', { name: 'Unlock code' }).count()).toBe(0)
      expect(await page.getByRole('button', { name: 'Change to warranty repair' }).count()).toBe(0)

      await page.getByRole('button', { name: 'Hold for the customer’s return' }).click()
      expect(await page.getByLabel('Why the case waits').inputValue()).toBe('The customer signs out of the account and comes back')
      await page.getByRole('button', { name: 'Put on hold until the customer returns' }).click()
      await page.getByText('On hold: waiting for the customer.').waitFor()
      expect(await page.locator('[data-test=header-verdict]').textContent()).toBe('On hold')

      await page.getByRole('button', { name: 'Resume the case' }).click()
      await page.getByRole('button', { name: 'The customer signed out: check the account again' }).click()
      await d.click('account-staff-confirmed')
      await expect.poll(() => page.locator('[data-test=header-verdict]').textContent()).toBe('Covered')
      expect(await page.getByRole('heading', { name: /Refused/ }).count()).toBe(0)
      // The intake goes on where it was: the photos were not taken yet.
      await d.atStep('photos')
    } finally {
      await host.kill()
    }
  })

  it('close as refused hands the device back; Today marks refused and held cases and "Needs a supervisor" lists them', async () => {
    const host = await startHost({ dataDir: tempDir() })
    try {
      const { page, d } = await kiosk(host)
      await refusedWithdrawal(page, d)
      await page.getByRole('button', { name: 'Close as refused' }).click()
      await page.getByRole('button', { name: 'Yes, hand the device back and close' }).click()
      await page.getByText('Closed as refused: the device went back to the customer.').waitFor()
      await page.getByRole('button', { name: 'Back to the counter' }).click()

      await lockedTradeIn(page, d)
      await page.getByRole('button', { name: 'Today' }).click()
      const closedRow = page.getByRole('row', { name: new RegExp(lateWithdrawal.orderNumber) })
      await closedRow.getByText('Refused, device handed back').waitFor()
      const refusedRow = page.getByRole('row', { name: new RegExp(tradeIn.orderNumber) })
      await refusedRow.getByText('Refused: locked to an account').waitFor()

      await page.getByLabel('Needs a supervisor').check()
      await expect.poll(() => page.getByRole('row', { name: new RegExp(lateWithdrawal.orderNumber) }).count()).toBe(0)
      await page.getByRole('row', { name: new RegExp(tradeIn.orderNumber) }).waitFor()
    } finally {
      await host.kill()
    }
  })

  it('every verdict, covered too, has its screen with from, last day, today and days left, in French too', async () => {
    const host = await startHost({ dataDir: tempDir() })
    try {
      const { page, d } = await kiosk(host, 'fr')
      await d.scan(tradeIn.returnRequest!.labelCode!)
      await page.getByText('Le délai de 21 jours pour expédier une reprise : Encore 17 jours', { exact: false }).waitFor()
      await page.getByRole('button', { name: 'Confirmer et commencer la prise en charge' }).click()
      await d.atStep('identity')
      await d.scan(tradeIn.item.imei!)
      await d.atStep('eligibility')
      await d.click('decide')
      const verdict = page.locator('[data-test=verdict]')
      await verdict.getByText('Couvert', { exact: true }).waitFor()
      await verdict.getByText('Accepté comme reprise.').waitFor()
      for (const term of ['Depuis (l’offre de prix)', 'Dernier jour', 'Aujourd’hui', 'Jours restants']) {
        await verdict.getByRole('term').filter({ hasText: new RegExp(`^${term.replace(/[()]/g, '\\$&')}$`) }).waitFor()
      }
      await verdict.getByText('Encore 17 jours').waitFor()
      await verdict.getByText(/Aujourd’hui, 4 jours se sont écoulés depuis l’offre de prix ; la limite est de 21 jours\./).waitFor()
      const next = await page.getByRole('button', { name: 'Continuer' }).boundingBox()
      expect(next!.y + next!.height).toBeLessThanOrEqual(800)
    } finally {
      await host.kill()
    }
  })

  it('closed as refused, the refusal note prints for the customer and the screen shows its job; the summary says refused, why, and prints the note again', async () => {
    const printer = await new FakeRawPrinter('escpos').start()
    const host = await startHost({ dataDir: tempDir() })
    try {
      const { page, d } = await kiosk(host)
      await notePrinter(page, printer.port, 'English')
      await refusedWithdrawal(page, d)
      await page.getByRole('button', { name: 'Close as refused' }).click()
      await page.getByText(/a refusal note prints for the customer/).waitFor()
      await page.getByRole('button', { name: 'Yes, hand the device back and close' }).click()
      await page.getByText('Closed as refused: the device went back to the customer.').waitFor()
      await page.getByText('The refusal note prints now: give it to the customer with the device.').waitFor()
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Printed ✓ at Desk printer' }).count(), { timeout: 20_000 }).toBe(1)
      const caseNumber = (await page.locator('[data-test=case-view]').getAttribute('data-case'))!
      expect(printer.jobs).toHaveLength(1)
      const note = printer.jobs[0]!.toString('latin1')
      for (const s of ['Device not accepted', 'Relais Gare de Lyon', lateWithdrawal.orderNumber, 'Your device was not accepted as a withdrawal', caseNumber]) expect(note).toContain(s)

      await page.getByRole('button', { name: 'Summary', exact: true }).click()
      const summary = page.locator('[data-test=step-summary]')
      await expect.poll(() => summary.locator('[data-test=summary-status]').textContent()).toBe('Closed — refused, device handed back')
      expect(await summary.locator('[data-test=summary-verdict]').textContent()).toMatch(/^Refused: not accepted as a withdrawal\. The 30-day withdrawal period ended on .+\.$/)
      expect(await summary.getByText('Covered', { exact: true }).count()).toBe(0)
      expect(await summary.getByText('Cancelled', { exact: true }).count()).toBe(0)
      await summary.getByRole('button', { name: 'Print again' }).click()
      await expect.poll(() => printer.jobs.length, { timeout: 20_000 }).toBe(2)
    } finally {
      await host.kill()
      await printer.stop()
    }
  })

  it('in French, a locked trade-in closed as refused: its summary says "Clos — refusé, appareil rendu" and why, not "Couvert"', async () => {
    const host = await startHost({ dataDir: tempDir() })
    try {
      const { page, d } = await kiosk(host, 'fr')
      await d.startToPhotos(tradeIn.returnRequest!.labelCode!, tradeIn.item.imei!)
      await page.locator('[data-test=step-progress] li[data-step="account"] button').click()
      await d.click('account-still-locked')
      await page.getByRole('heading', { name: 'Refusé pour la reprise : l’appareil est encore lié à un compte' }).waitFor()
      await page.getByRole('button', { name: 'Clore comme refusé' }).click()
      await page.getByRole('button', { name: 'Oui, rendre l’appareil et clore' }).click()
      await page.getByText('Clos comme refusé : l’appareil a été rendu au client.').waitFor()
      // No printer chosen for the note yet: the screen says so, in French.
      await page.getByRole('alert').filter({ hasText: 'Note de refus' }).waitFor()
      await page.getByRole('button', { name: 'Récapitulatif', exact: true }).click()
      const summary = page.locator('[data-test=step-summary]')
      await expect.poll(() => summary.locator('[data-test=summary-status]').textContent()).toBe('Clos — refusé, appareil rendu')
      expect(await summary.locator('[data-test=summary-verdict]').textContent()).toBe('Refusé pour la reprise : l’appareil est encore lié à un compte')
      expect(await summary.getByText('Couvert', { exact: true }).count()).toBe(0)
      await summary.getByRole('button', { name: 'Imprimer la note de refus' }).waitFor()
    } finally {
      await host.kill()
    }
  })
})
