// A serial scanner end to end in browser mode: a supervisor sets the port in the devices
// screen, a code written into the scanner's end of a real pty pair (socat) goes through the
// services' scan stream and the WebSocket to the scan router, and the order shows on the
// counter with no key pressed. Unplugging (socat killed) shows on the devices screen.
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../support/browser'
import { openApp, typePin } from '../support/app-page'
import { startHost } from '../support/host'
import { startPtyPair } from '../support/pty-pair'
import { tempDir } from '../support/temp-dir'
import { demoOrders } from '../support/demo-orders'
import '../support/in-viewport'

const demo = demoOrders
const order = demo.find((r) => r.returnRequest?.trackingNumber)!
const other = demo.find((r) => r.returnRequest?.trackingNumber && r.orderNumber !== order.orderNumber)!

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

describe('serial scanner in browser mode', () => {
  it('shows the order a serial scanner reads, and the scanner unplugged', async () => {
    const dir = tempDir('dropdesk-serial-')
    const appEnd = path.join(dir, 'scanner-app')
    const pty = await startPtyPair(appEnd, path.join(dir, 'scanner-device'))
    const host = await startHost({ dataDir: tempDir() })
    try {
      const page = await openApp(browser, host)
      await page.locator('[data-test=nav-devices]').click()
      await page.locator('[data-test=serial-enabled]').check()
      await page.locator('[data-test=serial-path]').fill(appEnd)
      await page.locator('[data-test=save-settings]').click()
      await page.locator('[data-test=device-list] tr[data-source=serial][data-state=connected]').waitFor({ timeout: 10_000 })

      pty.write(`${order.returnRequest!.trackingNumber}\r`)
      await page.locator(`[data-test=order-card][data-order="${order.orderNumber}"]`).waitFor({ timeout: 10_000 })

      await pty.kill()
      await page.locator('[data-test=nav-devices]').click()
      const row = page.locator('[data-test=device-list] tr[data-source=serial]')
      await expect.poll(() => row.getAttribute('data-state'), { timeout: 10_000 }).toBe('disconnected')
      await expect(row.textContent()).resolves.toContain(order.returnRequest!.trackingNumber!)
    } finally {
      await host.kill()
      await pty.kill()
    }
  })

  it('answers a serial scan at the sign-in screen as a wedge scan is answered: sign in first', async () => {
    const dir = tempDir('dropdesk-serial-sign-in-')
    const appEnd = path.join(dir, 'scanner-app')
    const pty = await startPtyPair(appEnd, path.join(dir, 'scanner-device'))
    const host = await startHost({ dataDir: tempDir() })
    try {
      const page = await openApp(browser, host)
      await page.setViewportSize({ width: 1280, height: 800 })
      await page.getByRole('button', { name: 'Devices' }).click()
      await page.locator('[data-test=serial-enabled]').check()
      await page.locator('[data-test=serial-path]').fill(appEnd)
      await page.locator('[data-test=save-settings]').click()
      await page.locator('[data-test=device-list] tr[data-source=serial][data-state=connected]').waitFor({ timeout: 10_000 })
      await page.getByRole('button', { name: 'Sign out' }).click()
      await page.getByRole('heading', { name: 'Sign in' }).waitFor()

      // Three digits of a PIN typed, then the scanner reads a label: the digits stay, the pad answers.
      await page.keyboard.type('123', { delay: 70 })
      await page.getByText('3 digits typed').waitFor()
      pty.write(`${order.returnRequest!.trackingNumber}\r`)
      const answer = page.getByRole('alert').filter({ hasText: 'That was a scan, not a PIN: sign in first' })
      await expect(answer).toBeInViewport()
      expect(await page.getByText('3 digits typed').isVisible()).toBe(true)
      expect(await page.locator('[data-test=order-card]').count()).toBe(0)

      // Signed in, the same scanner's next label opens its order. (Another order's label: the
      // same code again within a second would be dropped as the scanner's double read.)
      await page.keyboard.press('Escape')
      await typePin(page, host.supervisorPin!)
      await page.locator('[data-test=signed-in-name]').waitFor()
      pty.write(`${other.returnRequest!.trackingNumber}\r`)
      await page.locator(`[data-test=order-card][data-order="${other.orderNumber}"]`).waitFor({ timeout: 10_000 })
    } finally {
      await host.kill()
      await pty.kill()
    }
  })
})
