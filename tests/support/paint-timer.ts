import type { Page } from 'playwright-core'

/**
 * Measures, inside the page, from the scanner's terminating Enter (keydown) to the first frame
 * painted with `selector` present: what staff experience after a scan.
 */
export async function armEnterToPaint(page: Page, selector: string): Promise<() => Promise<number>> {
  await page.evaluate((sel) => {
    const w = window as unknown as { __enterAt?: number; __paintedAt?: number }
    w.__enterAt = undefined
    w.__paintedAt = undefined
    window.addEventListener('keydown', (e) => { if (e.key === 'Enter' && w.__enterAt === undefined) w.__enterAt = performance.now() }, { capture: true })
    const observer = new MutationObserver(() => {
      if (!document.querySelector(sel)) return
      observer.disconnect()
      requestAnimationFrame(() => setTimeout(() => (w.__paintedAt = performance.now()), 0))
    })
    observer.observe(document.body, { childList: true, subtree: true })
  }, selector)
  return async () => {
    await page.waitForFunction(() => (window as unknown as { __paintedAt?: number }).__paintedAt !== undefined)
    return page.evaluate(() => {
      const w = window as unknown as { __enterAt: number; __paintedAt: number }
      return w.__paintedAt - w.__enterAt
    })
  }
}
