// Opens the app served by a running host in a new Chromium page and waits until the counter
// screen is ready. Every e2e test goes through here, so that what a session needs before the
// counter (signing in, once staff sign-in exists) is done in one place.
import type { Browser, Page } from 'playwright-core'
import type { RunningHost } from './host'

export async function openApp(browser: Browser, host: RunningHost, options: { path?: string } = {}): Promise<Page> {
  const page = await browser.newPage()
  await page.goto(`${host.origin}${options.path ?? '/'}#token=${host.token}`)
  await page.locator('#app').waitFor()
  await page.getByText(/Scan the return label/).waitFor()
  return page
}
