// Opens the app served by a running host in a new Chromium page and waits until the counter
// screen is ready. Every e2e test goes through here, so that what a session needs before the
// counter (signing in with the first supervisor's PIN, typed then Enter) is done in one place.
import type { Browser, Page } from 'playwright-core'
import type { RunningHost } from './host'

export async function openApp(browser: Browser, host: RunningHost, options: { path?: string; signIn?: boolean; initScript?: string } = {}): Promise<Page> {
  const page = await browser.newPage()
  // Runs before the app's own scripts on every load (e.g. paint-timer's SCAN_STAGE_STAMPS).
  if (options.initScript) await page.addInitScript(options.initScript)
  await page.goto(`${host.origin}${options.path ?? '/'}#token=${host.token}`)
  await page.locator('#app').waitFor()
  // `signIn: false` stops at the sign-in screen (tests of sign-in itself).
  if (options.signIn === false) return page
  await signIn(page, host)
  await page.getByText(/Scan the return label/).waitFor()
  return page
}

/** Signs in as a person at the keyboard would: the PIN's digits typed, then Enter. */
export async function signIn(page: Page, host: RunningHost, pin = host.supervisorPin): Promise<void> {
  if (!pin) throw new Error('No supervisor PIN: start the host on a fresh data dir, or pass supervisorPin to startHost.')
  await page.locator('[data-test=sign-in]').waitFor()
  await typePin(page, pin)
  await page.locator('[data-test=signed-in-name]').waitFor()
}

/**
 * Types a PIN at a person's pace, then Enter. Keys a few milliseconds apart are a scanner's
 * burst, which a PIN pad refuses to take as a PIN; a fast typist's keys are 60 ms and more apart.
 */
export async function typePin(page: Page, pin: string): Promise<void> {
  await page.keyboard.type(pin, { delay: 70 })
  await page.keyboard.press('Enter')
}
