// Drives the guided intake in Chromium the way staff do it, counting every interaction (a
// click or tap, a scan, a photo), so the scenario can report how many it took.
import type { Page } from 'playwright-core'
import { scanWithWedge } from './scanner-keys'

export { demoOrder, demoOrders } from './demo-orders'

export class IntakeDriver {
  clicks = 0
  scans = 0
  photos = 0
  constructor(readonly page: Page) {}

  get interactions(): number {
    return this.clicks + this.scans
  }

  async click(test: string): Promise<void> {
    const el = this.page.locator(`[data-test=${test}]`).first()
    await el.waitFor()
    await el.click()
    this.clicks++
  }

  // When each code was last scanned: the scan router drops the same code within 1 s (a held
  // scanner, a QR in every camera frame), as staff scanning the same label twice in a row would
  // see; a second scan of one code waits that window out, however fast the steps between were.
  private readonly lastScanAt = new Map<string, number>()

  async scan(code: string): Promise<void> {
    const last = this.lastScanAt.get(code)
    const wait = last === undefined ? 0 : last + 1_250 - Date.now()
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
    await scanWithWedge(this.page, code, 5)
    this.lastScanAt.set(code, Date.now())
    this.scans++
  }

  /** Waits until the case view shows `step` (CaseView's data-step). */
  async atStep(step: string): Promise<void> {
    try {
      await this.page.locator(`[data-test=case-view][data-step="${step}"]`).waitFor({ timeout: 10_000 })
    } catch (e) {
      // Say what the screen says instead (an error notice, the step it is on).
      const on = await this.page.locator('[data-test=case-view]').getAttribute('data-step').catch(() => null)
      const notices = await this.page.locator('[role=alert]').allTextContents()
      throw new Error(`not at step ${step} but ${on ?? 'no case'}: ${notices.join(' | ')}`, { cause: e })
    }
  }

  /** The usual start: scan the return label, confirm the order, scan the IMEI, read the
   *  verdict and go on; ends at the photo step. */
  async startToPhotos(labelCode: string, imei: string): Promise<void> {
    await this.scan(labelCode)
    await this.click('confirm')
    await this.atStep('identity')
    await this.scan(imei)
    await this.atStep('eligibility')
    await this.click('decide')
    // Every verdict is shown with its dates; staff go on from it.
    await this.click('continue')
    await this.atStep('photos')
  }

  /** Takes one photo once the camera is live and waits for the step to move on. */
  async photo(): Promise<void> {
    const button = this.page.locator('[data-test=take-photo]:not([disabled])').first()
    await button.waitFor({ timeout: 20_000 })
    const shot = await this.page.locator('[data-test=camera-shot]').first().getAttribute('data-shot')
    await button.click()
    this.photos++
    // Done when that shot is no longer the one on screen (or the camera left the screen).
    await this.page.waitForFunction(
      (s) =>
        document.querySelector('[data-test=camera-shot]')?.getAttribute('data-shot') !== s ||
        document.querySelector('[data-test=photo-rejected]') !== null ||
        document.querySelector('[data-test=intake-error]') !== null,
      shot,
      { timeout: 20_000 },
    )
    if (await this.page.locator('[data-test=intake-error]').count()) throw new Error(`photo ${shot} refused: ${await this.page.locator('[data-test=intake-error]').textContent()}`)
    if (await this.page.locator('[data-test=photo-rejected]').count()) throw new Error(`photo ${shot} rejected: ${await this.page.locator('[data-test=photo-rejected]').textContent()}`)
  }

  /** Taps digits on the on-screen pad, then OK. */
  async tapDigits(digits: string): Promise<void> {
    for (const d of digits) await this.click(`pin-key-${d}`)
    await this.click('pin-submit')
  }
}
