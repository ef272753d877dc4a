// The counter's frame at 1280×800, in English and French, by role and visible text: the header
// is one row (who, customer mode, sign-out, the kiosk's state, the language), every screen is one
// tap away in the side column, "Back to the counter" is on one line, and a step opens at its
// top whatever the last one was scrolled to.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp } from '../support/app-page'
import { launchChromium } from '../support/browser'
import { startHost } from '../support/host'
import { demoOrder, IntakeDriver } from '../support/intake-driver'
import '../support/in-viewport'
import { tempDir } from '../support/temp-dir'

const lateWithdrawal = demoOrder('BM-48214278') // MacBook Air, delivered 41 days ago: refused

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

const words = {
  en: {
    screens: ['Counter', 'Today', 'Hand-over', 'Devices', 'Printers', 'Staff', 'Sync', 'Diagnostics', 'Privacy'],
    header: ['Customer mode', 'Sign out', 'Français'],
    confirm: 'Confirm and start the intake',
    check: 'Check the device',
    noExclusion: /No exclusion/,
    refused: 'Refused: not accepted as a withdrawal',
    back: 'Back to the counter',
    summary: 'Summary',
    summaryTitle: /^Summary of case/,
  },
  fr: {
    screens: ['Comptoir', 'Aujourd’hui', 'Remise', 'Appareils', 'Imprimantes', 'Personnel', 'Synchro', 'Diagnostic', 'Confidentialité'],
    header: ['Mode client', 'Se déconnecter', 'English'],
    confirm: 'Confirmer et commencer la prise en charge',
    check: 'Vérifier l’appareil',
    noExclusion: /Aucune exclusion/,
    refused: 'Refusé : non accepté comme rétractation',
    back: 'Retour au comptoir',
    summary: 'Récapitulatif',
    summaryTitle: /^Récapitulatif du dossier/,
  },
}

async function kiosk(page: Page, locale: 'en' | 'fr'): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 800 })
  if (locale === 'fr') {
    await page.getByRole('button', { name: 'Français' }).click()
    await page.getByText('Scannez l’étiquette de retour ou le QR code du client').waitFor()
  }
}

describe.each(['en', 'fr'] as const)('the counter\'s frame at 1280×800 (%s)', (locale) => {
  const w = words[locale]

  it('the header is one row and every screen is one tap away, on screen', async () => {
    const host = await startHost({ dataDir: tempDir() })
    try {
      const page = await openApp(browser, host)
      await kiosk(page, locale)
      const header = page.getByRole('banner')
      const box = (await header.boundingBox())!
      // One row: the height of one 40 px button and its padding, not two or three rows of them.
      expect(box.height).toBeLessThanOrEqual(64)
      for (const name of w.header) {
        const b = header.getByRole('button', { name })
        await expect(b).toBeInViewport()
        const r = (await b.boundingBox())!
        expect(r.y + r.height, name).toBeLessThanOrEqual(box.y + box.height)
        // Its words on one line: as tall as the button, no taller.
        expect(r.height, name).toBeLessThanOrEqual(44)
      }
      await expect(header.getByText('Supervisor', { exact: true })).toBeInViewport()
      const nav = page.getByRole('navigation')
      for (const name of w.screens) await expect(nav.getByRole('button', { name, exact: true })).toBeInViewport()
      await nav.getByRole('button', { name: w.screens[1], exact: true }).click()
      await expect.poll(() => nav.getByRole('button', { name: w.screens[1], exact: true }).getAttribute('aria-current')).toBe('page')
    } finally {
      await host.kill()
    }
  })

  it('"Back to the counter" is on one line, and a step opens at its top, not where the last one was scrolled to', async () => {
    const host = await startHost({ dataDir: tempDir() })
    try {
      const page = await openApp(browser, host)
      await kiosk(page, locale)
      const d = new IntakeDriver(page)
      await d.scan(lateWithdrawal.returnRequest!.labelCode!)
      await page.getByRole('button', { name: w.confirm }).click()
      const back = page.getByRole('button', { name: w.back })
      await expect(back).toBeInViewport()
      expect((await back.boundingBox())!.height).toBeLessThanOrEqual(44)

      await page.locator('[data-test=serial-input]').fill(lateWithdrawal.item.serial!)
      await page.getByRole('button', { name: w.check }).click()
      await page.getByRole('button', { name: w.noExclusion }).click()
      await page.getByRole('heading', { name: w.refused }).waitFor()
      // Down at the foot of the refusal's verdict, as staff are after reading it.
      await page.getByRole('button', { name: w.summary, exact: true }).scrollIntoViewIfNeeded()
      expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0)
      // The screens' column stays on screen as the page scrolls.
      await expect(page.getByRole('navigation').getByRole('button', { name: w.screens[0], exact: true })).toBeInViewport()
      await page.getByRole('button', { name: w.summary, exact: true }).click()
      await expect(page.getByRole('heading', { name: w.summaryTitle })).toBeInViewport()
      expect(await page.evaluate(() => window.scrollY)).toBe(0)
      await expect(page.getByRole('heading', { level: 1 })).toBeInViewport()
    } finally {
      await host.kill()
    }
  })
})
