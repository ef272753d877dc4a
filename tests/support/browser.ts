// Debian's Chromium driven by playwright-core (a test tool's own browser download is not
// possible here). Flags keep it off the network: only loopback is reachable.
import { chromium, type Browser } from 'playwright-core'
import { onCleanup } from './cleanup'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      ...extraArgs,
    ],
  })
  // Closed after the test or file that launched it, even when that test failed before its own close.
  onCleanup(() => (browser.isConnected() ? browser.close() : undefined))
  return browser
}
