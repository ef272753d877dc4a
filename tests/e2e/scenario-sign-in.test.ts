// Sign-in as a person at the counter meets it, at 1280×800: the PIN typed after a tap on ⌫,
// a scanner fired at the sign-in screen.
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { openApp, typePin } from '../support/app-page'
import { launchChromium } from '../support/browser'
import { startHost, type RunningHost } from '../support/host'
import { scanWithWedge } from '../support/scanner-keys'
import { tempDir } from '../support/temp-dir'

let browser: Browser
let host: RunningHost | null = null
beforeAll(async () => {
  browser = await launchChromium()
})
afterEach(async () => {
  await host?.kill()
  host = null
})
afterAll(async () => {
  await browser?.close()
})

async function signInScreen(): Promise<{ page: Page; pin: string }> {
  host = await startHost({ dataDir: tempDir() })
  const page = await openApp(browser, host, { signIn: false })
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.getByRole('heading', { name: 'Sign in' }).waitFor()
  return { page, pin: host.supervisorPin! }
}

describe('sign-in at the counter', () => {
  it('Enter submits the PIN typed after a tap on ⌫', async () => {
    const { page, pin } = await signInScreen()
    await page.getByRole('button', { name: 'Delete the last digit' }).click()
    await typePin(page, pin)
    await page.getByRole('button', { name: 'Sign out' }).waitFor()
  })

  it('answers a scan at the sign-in screen with "sign in first", and its digits stay out of the PIN', async () => {
    const { page, pin } = await signInScreen()
    await page.getByRole('button', { name: '4', exact: true }).click()
    await scanWithWedge(page, '350883181198388')
    await page.getByRole('alert').filter({ hasText: 'That was a scan, not a PIN: sign in first (type or tap your PIN), then scan again.' }).waitFor()
    expect(await page.getByText('1 digit typed').count()).toBe(1)
    await page.getByRole('button', { name: 'Delete the last digit' }).click()
    await typePin(page, pin)
    await page.getByRole('button', { name: 'Sign out' }).waitFor()
  })
})

describe('sign-in lock-out', () => {
  it('never stops a supervisor with the right PIN, who sees the time left and lifts the lock', async () => {
    host = await startHost({ dataDir: tempDir(), env: { DROPDESK_LOCKED_SIGNIN_DELAY_MS: '200' } })
    const page = await openApp(browser, host)
    await page.setViewportSize({ width: 1280, height: 800 })
    const pin = host.supervisorPin!
    const wrong = pin.slice(0, -1) + String((Number(pin.at(-1)) + 1) % 10)
    // A customer at the kiosk taps "Staff" and tries five PINs.
    await page.getByRole('button', { name: 'Customer mode' }).click()
    await page.getByRole('button', { name: 'Staff' }).click()
    for (let i = 0; i < 5; i++) {
      await typePin(page, wrong)
      await page.getByRole('alert').waitFor()
    }
    await page.getByText(/sign-in is locked for 1 more minute\(s\) \(until \d\d:\d\d\)/).waitFor()
    // The supervisor's right PIN still signs in, and the lock can be lifted.
    await typePin(page, pin)
    await page.getByRole('button', { name: 'Sign out' }).waitFor()
    await page.getByText(/Sign-in is locked for everyone else for 1 more minute\(s\)/).waitFor()
    await page.getByRole('button', { name: 'Lift the lock' }).click()
    await page.getByRole('button', { name: 'Lift the lock' }).waitFor({ state: 'detached' })
  })
})
