import type { Page } from 'playwright-core'

/**
 * Types a code the way a keyboard-wedge scanner does: a burst of real key events `msPerKey`
 * apart, then Enter. The events go through Chromium's input pipeline (CDP Input.dispatchKeyEvent)
 * stamped with the scanner's own timing, so a loaded CI machine delivering them late does not
 * turn a scanner into a slow typist; the page measures exactly what a USB scanner would produce.
 */
export async function scanWithWedge(page: Page, code: string, msPerKey = 5): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  const start = Date.now() / 1000
  const keys = [...code].map((ch) => ({ key: ch, text: ch, code: '' })).concat([{ key: 'Enter', text: '\r', code: 'Enter' }])
  try {
    for (const [i, k] of keys.entries()) {
      const timestamp = start + (i * msPerKey) / 1000
      const vk = k.key === 'Enter' ? { windowsVirtualKeyCode: 13, nativeVirtualKeyCode: 13 } : {}
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: k.key, text: k.text, code: k.code, timestamp, ...vk })
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: k.key, code: k.code, timestamp: timestamp + 0.0005, ...vk })
    }
  } finally {
    await cdp.detach()
  }
}
