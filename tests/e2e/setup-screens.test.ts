// The supervisor's set-up screens (Printers, Devices, Sync, Diagnostics) used at a touch screen,
// 1280×800, in English and French: every control is a ≥ 44 px target, Sync is in the menu, the
// add-printer form asks for nothing internal, and each printer is described and asked for its
// state by what it is: a Zebra with ~HS, a receipt printer with DLE EOT, a PDF printer on a raw
// port with a TCP connect (never ~HS).
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../support/browser'
import { openApp } from '../support/app-page'
import { FakeRawPrinter } from '../support/fake-raw-printer'
import { startHost, type RunningHost } from '../support/host'
import { tempDir } from '../support/temp-dir'

let browser: Browser
let host: RunningHost
let zebra: FakeRawPrinter
let receipts: FakeRawPrinter
let office: FakeRawPrinter
beforeAll(async () => {
  browser = await launchChromium()
  zebra = await new FakeRawPrinter('zpl').start()
  receipts = await new FakeRawPrinter('escpos').start()
  // A PDF printer's raw port: it takes bytes and never answers a status query.
  office = await new FakeRawPrinter('zpl').start()
  office.state = 'silent'
  host = await startHost({ dataDir: tempDir('dropdesk-setup-') })
})
afterAll(async () => {
  await host?.kill()
  await browser?.close()
  await Promise.all([zebra?.stop(), receipts?.stop(), office?.stop()])
})

/** Every visible button, list and field in the screen, and every tick box's label (its target), smaller than 44 px. */
async function smallTargets(page: Page): Promise<string[]> {
  const small: string[] = []
  const controls = page.locator('main').locator('button, select, input:not([type=checkbox]), label:has(> input[type=checkbox])')
  for (const control of await controls.all()) {
    const box = await control.boundingBox()
    if (!box) continue // not displayed
    if (box.height < 44 || box.width < 44) small.push(`${(await control.evaluate((el) => el.outerHTML)).slice(0, 90)} ${Math.round(box.width)}×${Math.round(box.height)}`)
  }
  return small
}

async function addPrinter(page: Page, index: number, name: string, type: string, port: number): Promise<void> {
  const form = page.locator('[data-test=printer-settings]')
  await form.getByRole('button', { name: 'Add a printer' }).click()
  const fields = form.locator('fieldset').nth(index)
  await fields.getByLabel('Name').fill(name)
  await fields.getByLabel('Type').selectOption({ label: type })
  await fields.getByLabel('Address').fill('127.0.0.1')
  await fields.getByLabel('Port', { exact: true }).fill(String(port))
}

describe('set-up screens at the counter', () => {
  it('add-printer form, printer cards and diagnostics: true facts, asked by what each printer is, in en and fr', async () => {
    const page = await openApp(browser, host)
    await page.setViewportSize({ width: 1280, height: 800 })
    const consoleErrors: string[] = []
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') consoleErrors.push(m.text())
    })
    await page.getByRole('button', { name: 'Printers' }).click()
    const form = page.locator('[data-test=printer-settings]')
    await form.getByRole('button', { name: 'Add a printer' }).click()
    const first = form.locator('fieldset').first()
    await expect(first.getByLabel('Name').inputValue()).resolves.toBe('')
    // Nothing internal to type, and no address that looks real: the fields say what goes in them.
    expect(await first.getByLabel(/^Id/).count()).toBe(0)
    await expect(first.getByLabel('Address').inputValue()).resolves.toBe('')
    expect(await first.getByLabel('Address').getAttribute('placeholder')).toBe('IP address or host name')
    await first.getByRole('button', { name: 'Remove' }).click()

    await addPrinter(page, 0, 'Counter labels', 'Zebra label (ZPL)', zebra.port)
    await addPrinter(page, 1, 'Receipts', 'Receipt 80 mm (ESC/POS)', receipts.port)
    await addPrinter(page, 2, 'Office', 'Office (PDF)', office.port)
    await form.getByLabel('Case label').selectOption({ label: 'Counter labels' })
    await form.getByLabel('Drop-off receipt').selectOption({ label: 'Receipts' })
    await form.getByLabel('Order details slip').selectOption({ label: 'Office' })
    await form.getByRole('button', { name: 'Save' }).click()
    await page.getByText('Printer settings saved.').waitFor()

    const cards = page.locator('[data-test=printer-list] > li')
    await expect.poll(() => cards.count()).toBe(3)
    const receiptCard = cards.filter({ hasText: 'Receipts' })
    await expect(receiptCard.textContent()).resolves.toContain('80 mm receipt roll')
    await expect(receiptCard.textContent()).resolves.not.toMatch(/dpi|4″ × 6″/)
    await expect(receiptCard.textContent()).resolves.toContain(`port ${receipts.port}`)
    await expect(cards.filter({ hasText: 'Counter labels' }).textContent()).resolves.toContain(`4″ × 6″ labels · 203 dpi`)

    for (const name of ['Counter labels', 'Receipts', 'Office']) {
      await cards.filter({ hasText: name }).getByRole('button', { name: 'Check status' }).click()
      await cards.filter({ hasText: name }).getByText('Ready', { exact: true }).waitFor()
    }
    expect(office.jobs).toHaveLength(0) // a TCP connect sends nothing: no ~HS to a PDF printer

    await page.getByRole('button', { name: 'Diagnostics' }).click()
    const lines = page.locator('[data-test=diagnostics-probes] > li')
    await lines.filter({ hasText: 'Counter labels' }).getByText('Ready (asked with Zebra ~HS)').waitFor()
    await lines.filter({ hasText: 'Receipts' }).getByText('Ready (asked with ESC/POS DLE EOT)').waitFor()
    await lines.filter({ hasText: 'Office' }).getByText('Ready (asked with TCP connect)').waitFor()
    await lines.filter({ hasText: 'Keyboard scanner' }).getByText(/Connected/).waitFor()
    await expect(lines.filter({ hasText: 'Serial scanner' }).textContent()).resolves.toContain('Off')

    receipts.state = 'paper_out'
    await page.getByRole('button', { name: 'Français' }).click()
    await page.getByRole('button', { name: 'Actualiser' }).click()
    await lines.filter({ hasText: 'Receipts' }).getByText('Plus de papier ou d’étiquettes (interrogée par ESC/POS DLE EOT)').waitFor()
    await lines.filter({ hasText: 'Scanner clavier' }).getByText(/Connecté/).waitFor()
    await expect(lines.filter({ hasText: 'Scanner série' }).textContent()).resolves.toContain('Désactivé')
    receipts.state = 'ready'

    expect(consoleErrors.filter((e) => /pattern|regular expression/i.test(e))).toEqual([])
  })

  it('Printers, Devices, Sync and Diagnostics have only ≥ 44 px targets in en and fr, and Sync is in the menu', async () => {
    const page = await openApp(browser, host)
    await page.setViewportSize({ width: 1280, height: 800 })
    for (const [language, names] of [
      ['en', { printers: 'Printers', devices: 'Devices', sync: 'Sync', diagnostics: 'Diagnostics', french: 'Français' }],
      ['fr', { printers: 'Imprimantes', devices: 'Appareils', sync: 'Synchro', diagnostics: 'Diagnostic', french: '' }],
    ] as const) {
      if (language === 'fr') await page.getByRole('button', { name: 'Français' }).click()
      for (const screen of ['printers', 'devices', 'sync', 'diagnostics'] as const) {
        await page.getByRole('navigation').getByRole('button', { name: names[screen], exact: true }).click()
        await page.locator('main h1').waitFor()
        if (screen === 'printers') await page.locator('[data-test=printer-settings]').waitFor()
        if (screen === 'diagnostics') await page.locator('[data-test=diagnostics-probes] > li').first().waitFor()
        if (screen === 'devices') await page.locator('[data-test=scanner-settings]').waitFor()
        expect({ language, screen, small: await smallTargets(page) }).toEqual({ language, screen, small: [] })
      }
    }
  })
})
