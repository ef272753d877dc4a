// The camera as a scan source, in Debian's Chromium with a fake camera playing a video we
// generate: a QR code of one demo return label, then a Code 128 label of another (bwip-js
// modules drawn into YUV frames). A supervisor switches the camera on in the devices screen;
// the test-scan list shows what the camera read (raw code, symbology, source); then each order
// appears on the counter with no key pressed.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../support/browser'
import { openApp } from '../support/app-page'
import { moduleGrid, renderFrame, y4m } from '../support/barcode-frames'
import { startHost } from '../support/host'
import { tempDir } from '../support/temp-dir'
import { demoOrders } from '../support/demo-orders'

const demo = demoOrders
const [qrOrder, labelOrder] = demo.filter((r) => r.returnRequest?.labelCode)

const WIDTH = 640
const HEIGHT = 480

function cameraVideo(dir: string): string {
  const qr = renderFrame(moduleGrid('qrcode', qrOrder!.returnRequest!.labelCode!), { width: WIDTH, height: HEIGHT, module: 8, angleDeg: 4, noise: 6 })
  const label = renderFrame(moduleGrid('code128', labelOrder!.returnRequest!.labelCode!), { width: WIDTH, height: HEIGHT, module: 2, angleDeg: -3, noise: 6 })
  // 10 frames/s: the QR code for 1.5 s, then the label for 1.5 s; Chromium loops the file.
  const frames = [...Array<Uint8ClampedArray>(15).fill(qr), ...Array<Uint8ClampedArray>(15).fill(label)]
  const file = path.join(dir, 'camera.y4m')
  writeFileSync(file, y4m(frames, WIDTH, HEIGHT, 10))
  return file
}

let browser: Browser
let video: string
beforeAll(async () => {
  video = cameraVideo(tempDir('dropdesk-camera-'))
  browser = await launchChromium(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`])
})
afterAll(async () => {
  await browser?.close()
})

describe('camera scanning in browser mode', () => {
  it('reads a QR code and a Code 128 label from the camera and shows each order, no key pressed', async () => {
    const host = await startHost({ dataDir: tempDir() })
    try {
      const page = await openApp(browser, host)
      await page.locator('[data-test=nav-devices]').click()
      // Test scan first: what the camera reads is listed with its symbology and source, and
      // not acted on, so the screen stays here.
      await page.locator('[data-test=test-mode]').check()
      await page.locator('[data-test=camera-enabled]').check()
      await page.locator('[data-test=save-settings]').click()
      await page.locator('[data-test=camera][data-state=connected]').waitFor({ timeout: 15_000 })
      const row = page.locator('[data-test=test-scans] tr', { hasText: qrOrder!.returnRequest!.labelCode! })
      await row.first().waitFor({ timeout: 20_000 })
      await expect(row.first().locator('[data-test=symbology]').textContent()).resolves.toBe(']Q1')
      await expect(row.first().locator('[data-test=scan-source]').textContent()).resolves.toBe('Camera')
      await expect(page.locator('[data-test=device-list] tr[data-source=camera]').getAttribute('data-state')).resolves.toBe('connected')
      // Decoded by zxing-wasm, the default: its .wasm came from our own origin under the CSP
      // (a failed load would show "zxing-js: zxing-wasm did not load (...)" here).
      await expect(page.locator('[data-test=device-list] tr[data-source=camera] .detail').textContent()).resolves.toMatch(/ · zxing-wasm$/)
      await page.locator('[data-test=test-mode]').uncheck()

      // Back to work: the camera's next reads open the orders on the counter by themselves.
      const orderNumber = page.locator('[data-test=order-number]')
      await expect.poll(() => orderNumber.textContent({ timeout: 20_000 }), { timeout: 30_000 }).toBe(qrOrder!.orderNumber)
      await expect.poll(() => orderNumber.textContent({ timeout: 20_000 }), { timeout: 30_000 }).toBe(labelOrder!.orderNumber)
    } finally {
      await host.kill()
    }
  })

  it('falls back to zxing-js, and says so, when the .wasm cannot be loaded', async () => {
    const host = await startHost({ dataDir: tempDir() })
    try {
      const page = await openApp(browser, host)
      // The asset is refused (as a missing file or a stricter policy would): no crash, no silence.
      await page.context().route('**/*.wasm', (route) => route.abort())
      await page.locator('[data-test=nav-devices]').click()
      await page.locator('[data-test=test-mode]').check()
      await page.locator('[data-test=camera-enabled]').check()
      await page.locator('[data-test=save-settings]').click()
      const detail = page.locator('[data-test=device-list] tr[data-source=camera] .detail')
      await expect.poll(() => detail.textContent(), { timeout: 20_000 }).toMatch(/zxing-js: zxing-wasm did not load/)
      await page.locator('[data-test=test-scans] tr', { hasText: qrOrder!.returnRequest!.labelCode! }).first().waitFor({ timeout: 20_000 })
    } finally {
      await host.kill()
    }
  })
})
