// axe-core on every intake step, in both modes (staff, customer) and both languages: no
// serious or critical violation. One walk through a whole case per mode; at each screen the
// page is checked in English, switched to French, checked again, and switched back.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp } from '../support/app-page'
import { seriousViolations } from '../support/axe'
import { launchChromium } from '../support/browser'
import { fakeCameraArgs, writeFakeCamera } from '../support/fake-camera'
import { startHost } from '../support/host'
import { demoOrder, IntakeDriver } from '../support/intake-driver'
import { tempDir } from '../support/temp-dir'

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium(fakeCameraArgs(writeFakeCamera(tempDir('dropdesk-camera-'))))
})
afterAll(async () => {
  await browser?.close()
})

const language = (page: Page) => page.locator('.app-header button', { hasText: /^(Français|English)$/ })

/** Checks the screen in English and in French; returns the violations found. */
async function bothLanguages(page: Page, where: string): Promise<string[]> {
  const found = await seriousViolations(page, `${where} (en)`)
  await language(page).click()
  await page.waitForFunction(() => document.documentElement.lang === 'fr')
  found.push(...(await seriousViolations(page, `${where} (fr)`)))
  await language(page).click()
  await page.waitForFunction(() => document.documentElement.lang === 'en')
  return found
}

describe('accessibility of the intake', () => {
  it('has no serious or critical violation on any staff step, in English and French', async () => {
    const order = demoOrder('BM-48241634')
    const r = order.returnRequest!
    const host = await startHost({ dataDir: tempDir() })
    const found: string[] = []
    try {
      const page = await openApp(browser, host)
      const d = new IntakeDriver(page)
      const check = async (where: string) => found.push(...(await bothLanguages(page, where)))
      await d.scan(r.labelCode!)
      await d.click('confirm')
      await d.atStep('identity')
      await check('identity')
      await d.scan(order.item.imei!)
      await d.atStep('eligibility')
      await check('eligibility')
      // An exclusion with its evidence photo: out of warranty, the customer may still send it.
      await d.click('add-exclusion')
      await check('exclusion choice')
      await d.click('exclusion-liquid_damage')
      await d.photo()
      await page.locator('[data-test=exclusions] [data-exclusion="liquid_damage"] [data-test=photo-thumb]').waitFor()
      await d.click('decide')
      await page.locator('[data-test=verdict][data-verdict="not_covered"]').waitFor()
      await page.locator('[data-test=customer-pays]').waitFor()
      await check('verdict')
      await d.click('continue')
      await d.atStep('photos')
      await check('photos')
      await d.click('hold-case')
      await check('hold dialog')
      await page.locator('[data-test=hold-dialog] button.secondary').click()
      for (let i = 0; i < 7; i++) await d.photo()
      await d.atStep('backup')
      await check('backup')
      await d.click('backup-backed_up_and_removed')
      await d.atStep('account')
      await check('account')
      await d.click('account-staff-confirmed')
      await d.atStep('pin')
      await check('pin')
      await d.tapDigits('4821')
      await d.atStep('evidence_review')
      await check('evidence review')
      await d.click('accept-device')
      await d.atStep('packing')
      await check('packing')
      for (const item of ['strong_box', 'wrapped_and_wedged', 'pressure_sensitive_tape', 'label_on_top', 'order_slip_inside']) await d.click(`pack-${item}`)
      await d.click('slip-written')
      await d.atStep('package_photos')
      await check('package photos')
      await d.photo()
      await d.photo()
      await d.atStep('label')
      await check('label')
      await d.scan(r.trackingNumber!)
      await d.atStep('handover')
      await check('handover step')
      await d.click('open-handover')
      await page.locator('[data-test=handover-view] [data-test=close-batch]').waitFor()
      await check('handover view')
      await d.scan(r.trackingNumber!)
      await page.locator('[data-test=handover-view] [data-test=close-batch]:not([disabled])').waitFor()
      await d.click('close-batch')
      await page.locator('[data-test=close-confirm]').waitFor()
      await check('pickup confirmation')
      await d.click('confirm-close')
      await page.locator('[data-test=batch-closed]').waitFor()
      await page.locator('[data-test=nav-today]').click()
      await page.locator('[data-test=today-list]').waitFor()
      await check('today')
      await page.locator('[data-test=today-list] button').first().click()
      await d.atStep('summary')
      await check('summary')
    } finally {
      await host.kill()
    }
    expect(found).toEqual([])
  })

  it('has no serious or critical violation on any customer screen, in English and French', async () => {
    const order = demoOrder('BM-48240657')
    const host = await startHost({ dataDir: tempDir() })
    const found: string[] = []
    try {
      const page = await openApp(browser, host)
      const d = new IntakeDriver(page)
      const screen = (name: string) => page.locator(`[data-test=self-check][data-screen="${name}"]`).waitFor()
      const check = async (where: string) => found.push(...(await bothLanguages(page, `customer ${where}`)))
      await d.click('customer-mode')
      await screen('scan')
      await check('scan')
      await d.scan(order.returnRequest!.labelCode!)
      await screen('confirm')
      await check('confirm')
      await d.click('self-check-yes')
      await screen('backup')
      await check('backup')
      await d.click('backup-backed_up_and_removed')
      await screen('account')
      await check('account')
      await d.photo()
      await screen('pin')
      await check('pin')
      await d.click('pin-skip-lock_removed')
      await screen('photos')
      await check('photos')
      for (let i = 0; i < 7; i++) await d.photo()
      await screen('finish')
      await check('finish')
      await d.click('self-check-finish')
      await screen('ticket')
      await check('ticket')
    } finally {
      await host.kill()
    }
    expect(found).toEqual([])
  })
})
