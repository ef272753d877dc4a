// Refusals end the intake where they happen, and every verdict says its dates in words, as a
// counter employee sees it at 1280×800 on the demo data: by role and visible text.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp } from '../support/app-page'
import { launchChromium } from '../support/browser'
import { fakeCameraArgs, writeFakeCamera } from '../support/fake-camera'
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
})
