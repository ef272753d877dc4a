// Staff sign-in in Chromium against the built browser-mode host: the first-run PIN printed
// once, sign-in by keyboard digits + Enter and by taps, a supervisor adding staff, customer
// mode and back, and the idle lock.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, signIn, typePin } from '../support/app-page'
import { launchChromium } from '../support/browser'
import { startHost } from '../support/host'
import { tempDir } from '../support/temp-dir'

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

const pinLines = (out: string) => out.match(/first-run supervisor PIN: \d{6}\b/g) ?? []

describe('staff sign-in in browser mode', () => {
  it('prints the first-run PIN once, and signs in with digits typed then Enter', async () => {
    const dataDir = tempDir()
    let host = await startHost({ dataDir })
    expect(pinLines(host.output())).toHaveLength(1)
    const pin = host.supervisorPin!
    expect(pin).toMatch(/^\d{6}$/)

    const page = await openApp(browser, host, { signIn: false })
    await page.locator('[data-test=sign-in]').waitFor()
    // Touch targets of the digit pad: at least 48 px each way.
    for (const key of await page.locator('[data-test=pin-pad] button').all()) {
      const box = (await key.boundingBox())!
      expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(48)
    }
    const wrong = pin.slice(0, -1) + String((Number(pin.at(-1)) + 1) % 10)
    await typePin(page, wrong)
    await expect(page.locator('[data-test=sign-in-error]').textContent()).resolves.toMatch(/Wrong PIN.*4 tries left/)
    await expect(page.locator('[data-test=pin-dots]').textContent()).resolves.not.toContain(wrong)
    await signIn(page, host)
    await expect(page.locator('[data-test=signed-in-name]').textContent()).resolves.toContain('Supervisor')
    await page.getByText(/Scan the return label/).waitFor()

    // A restart on the same data dir prints no PIN; the same PIN still signs in.
    await host.kill()
    host = await startHost({ dataDir, supervisorPin: pin })
    expect(pinLines(host.output())).toHaveLength(0)
    const again = await openApp(browser, host)
    await expect(again.locator('[data-test=signed-in-name]').textContent()).resolves.toContain('Supervisor')
    await host.kill()
  })

  it('lets a supervisor add staff, who sign in by taps and do not see the Staff tab', async () => {
    const host = await startHost({ dataDir: tempDir() })
    const page = await openApp(browser, host)
    await page.locator('[data-test=nav-staff]').click()
    await page.locator('[data-test=staff-name]').fill('Léa Martin')
    await page.locator('[data-test=staff-add-submit]').click()
    const generated = (await page.locator('[data-test=generated-pin] code').textContent())!.trim()
    expect(generated).toMatch(/^\d{6}$/)
    // The list refreshes after the PIN is shown: wait for it rather than read it once.
    await expect.poll(() => page.locator('[data-test=staff-list]').textContent()).toContain('Léa Martin')
    expect(host.output()).not.toContain(generated)

    await page.locator('[data-test=sign-out]').click()
    await page.locator('[data-test=sign-in]').waitFor()
    for (const d of generated) await page.locator(`[data-test=pin-key-${d}]`).click()
    await page.locator('[data-test=pin-submit]').click()
    await expect.poll(() => page.locator('[data-test=signed-in-name]').textContent()).toContain('Léa Martin')
    expect(await page.locator('[data-test=nav-staff]').count()).toBe(0)
    await host.kill()
  })

  it('hands the screen to a customer and takes it back only with a PIN', async () => {
    const host = await startHost({ dataDir: tempDir() })
    const page = await openApp(browser, host)
    await page.locator('[data-test=customer-mode]').click()
    await page.locator('[data-test=customer-mode-screen]').waitFor()
    expect(await page.locator('[data-test=nav-today]').count()).toBe(0)
    await page.locator('[data-test=staff-return-open]').click()
    await typePin(page, host.supervisorPin!)
    await page.getByText(/Scan the return label/).waitFor()
    await expect(page.locator('[data-test=signed-in-name]').textContent()).resolves.toContain('Supervisor')
    await host.kill()
  })

  it('returns to the sign-in screen after the idle time', async () => {
    const host = await startHost({ dataDir: tempDir(), env: { DROPDESK_IDLE_LOCK_SECONDS: '4' } })
    const page = await openApp(browser, host, { signIn: false })
    // Taken before the PIN is typed: the idle time counts from the sign-in or a later key, both
    // after this, however long the loaded machine takes to show the counter.
    const beforeSignIn = Date.now()
    await signIn(page, host)
    await page.locator('[data-test=signed-out-idle]').waitFor({ timeout: 15_000 })
    expect(Date.now() - beforeSignIn).toBeGreaterThanOrEqual(3_500)
    expect(await page.locator('[data-test=signed-in-name]').count()).toBe(0)
    // Signing in again works.
    await signIn(page, host)
    await host.kill()
  })
})
