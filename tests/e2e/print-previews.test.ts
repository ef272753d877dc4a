// Previews at the counter, 1280×800: the drop-off receipt of a real case from the receipt
// printer shows its barcodes (read back from the picture with the project's decoder), at a
// readable width, and a 2″ × 1″ label is shown large enough to read.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../support/browser'
import { openApp } from '../support/app-page'
import { decodeBarcode } from '../support/barcode-decode'
import { demoOrders } from '../support/demo-orders'
import { FakeRawPrinter } from '../support/fake-raw-printer'
import { decodePng } from '../support/gray-image'
import { startHost, type RunningHost } from '../support/host'
import { scanWithWedge } from '../support/scanner-keys'
import { tempDir } from '../support/temp-dir'

let browser: Browser
let host: RunningHost
let zebra: FakeRawPrinter
let receipts: FakeRawPrinter
beforeAll(async () => {
  browser = await launchChromium()
  zebra = await new FakeRawPrinter('zpl').start()
  receipts = await new FakeRawPrinter('escpos').start()
  host = await startHost({ dataDir: tempDir('dropdesk-previews-') })
})
afterAll(async () => {
  await host?.kill()
  await browser?.close()
  await Promise.all([zebra?.stop(), receipts?.stop()])
})

async function previewPng(page: Page): Promise<Buffer> {
  const src = (await page.getByRole('img', { name: /Drop-off receipt|Case label/ }).getAttribute('src'))!
  return Buffer.from(src.split(',')[1]!, 'base64')
}

describe('print previews', () => {
  it('the receipt of a case shows its Code 128 and QR, readable; a 2″ × 1″ label is shown 4″ wide', async () => {
    const page = await openApp(browser, host)
    await page.setViewportSize({ width: 1280, height: 800 })
    const order = demoOrders.find((r) => r.returnRequest?.labelCode && r.returnRequest.trackingNumber && !r.returnRequest.trackingNumber.includes(' '))!
    await scanWithWedge(page, order.returnRequest!.labelCode!, 5)
    await page.locator('[data-test=confirm]').click()
    await page.locator('[data-test=case-view]').waitFor()
    const caseNumber = (await page.locator('[data-test=case-view]').getAttribute('data-case'))!

    await page.getByRole('button', { name: 'Printers' }).click()
    const form = page.locator('[data-test=printer-settings]')
    for (const [i, [name, type, port]] of ([['Labels', 'Zebra label (ZPL)', zebra.port], ['Receipts', 'Receipt 80 mm (ESC/POS)', receipts.port]] as const).entries()) {
      await form.getByRole('button', { name: 'Add a printer' }).click()
      const fields = form.locator('fieldset').nth(i)
      await fields.getByLabel('Name').fill(name)
      await fields.getByLabel('Type').selectOption({ label: type })
      await fields.getByLabel('Address').fill('127.0.0.1')
      await fields.getByLabel('Port', { exact: true }).fill(String(port))
    }
    await form.locator('fieldset').first().getByLabel('Label size').selectOption({ label: '2″ × 1″' })
    await form.getByLabel('Case label').selectOption({ label: 'Labels' })
    await form.getByLabel('Drop-off receipt').selectOption({ label: 'Receipts' })
    await form.getByLabel('Counter name').fill('Relais Gare de Lyon')
    await form.getByRole('button', { name: 'Save' }).click()
    await page.getByText('Printer settings saved.').waitFor()

    await page.locator('[data-test=print-section]').getByLabel('Document').selectOption({ label: 'Drop-off receipt' })
    await page.locator('[data-test=print-section]').getByRole('combobox', { name: /^Case/ }).selectOption({ label: `${caseNumber} · ${order.orderNumber}` })
    await page.getByRole('button', { name: 'Preview' }).click()
    const receipt = page.getByRole('img', { name: 'Drop-off receipt' })
    await receipt.waitFor()
    const image = decodePng(await previewPng(page))
    expect(decodeBarcode(image, 'code128')).toBe(order.returnRequest!.trackingNumber)
    expect(decodeBarcode(image, 'qr')).toBe(caseNumber)
    expect((await receipt.boundingBox())!.width).toBeGreaterThanOrEqual(400)

    await page.locator('[data-test=print-section]').getByLabel('Document').selectOption({ label: 'Case label' })
    await page.getByRole('button', { name: 'Preview' }).click()
    const label = page.getByRole('img', { name: 'Case label' })
    await label.waitFor()
    const box = (await label.boundingBox())!
    expect(box.width).toBeGreaterThanOrEqual(400)
    expect(Math.round(box.width / box.height)).toBe(2)
  })
})
