// What the screenshot walks drive the app with: a signed-in Chromium page at 1280×800 with a
// fake camera, a keyboard-wedge scan, taps on the first visible of a few candidates (a hook or
// the button's role and name), and `shot`, which saves what is on screen and notes it for the
// index. A scene that fails is noted with its reason and the walk goes on with the next one.
import path from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { scanWithWedge } from '../../tests/support/scanner-keys'

export interface Shot {
  file: string
  title: string
}

export interface Failure {
  scene: string
  reason: string
}

export class Kit {
  readonly shots: Shot[] = []
  readonly failures: Failure[] = []
  private n = 0

  constructor(
    readonly page: Page,
    private readonly dir: string,
    private readonly prefix: string,
  ) {}

  async scan(code: string): Promise<void> {
    await scanWithWedge(this.page, code, 5)
  }

  /** Taps the first candidate that shows up (each a hook name or a locator). */
  async tap(...candidates: Array<string | Locator>): Promise<void> {
    const el = await this.first(candidates)
    await el.click()
  }

  async first(candidates: Array<string | Locator>, timeout = 15_000): Promise<Locator> {
    const locs = candidates.map((c) => (typeof c === 'string' ? this.page.locator(`[data-test=${c}]`) : c).first())
    const any = locs.reduce((a, b) => a.or(b))
    await any.first().waitFor({ timeout })
    for (const l of locs) if (await l.isVisible()) return l
    return any.first()
  }

  async visible(hook: string): Promise<boolean> {
    return this.page.locator(`[data-test=${hook}]`).first().isVisible()
  }

  async atStep(step: string, timeout = 15_000): Promise<void> {
    await this.page.locator(`[data-test=case-view][data-step="${step}"]`).waitFor({ timeout })
  }

  async step(): Promise<string | null> {
    return this.page.locator('[data-test=case-view]').getAttribute('data-step', { timeout: 2_000 }).catch(() => null)
  }

  /** Waits for the screen to settle (no request in flight, fonts and images loaded), then saves it. */
  async shot(name: string, title: string): Promise<void> {
    await this.page.waitForLoadState('networkidle').catch(() => undefined)
    await this.page.evaluate(() => document.fonts.ready.then(() => undefined))
    await this.page.waitForFunction(() => [...document.images].every((i) => i.complete), undefined, { timeout: 5_000 }).catch(() => undefined)
    const file = `${this.prefix}/${String(++this.n).padStart(2, '0')}-${name}.png`
    await this.page.screenshot({ path: path.join(this.dir, file), animations: 'disabled', caret: 'hide' })
    this.shots.push({ file, title })
  }

  /** Runs one scene; a failure is noted (and shown as a screenshot of where it stopped). */
  async scene(name: string, run: () => Promise<void>): Promise<void> {
    try {
      await run()
    } catch (e) {
      const reason = (e instanceof Error ? e.message : String(e)).split('\n')[0]!
      this.failures.push({ scene: name, reason })
      console.error(`screenshots: scene "${name}" stopped: ${reason}`)
    }
  }

  /** Takes one photo with the fake camera and waits for the next shot (or the next step). */
  async photo(): Promise<void> {
    const button = this.page.locator('[data-test=take-photo]:not([disabled])').first()
    await button.waitFor({ timeout: 20_000 })
    const shot = await this.page.locator('[data-test=camera-shot]').first().getAttribute('data-shot')
    await button.click()
    await this.page.waitForFunction(
      (s) =>
        document.querySelector('[data-test=camera-shot]')?.getAttribute('data-shot') !== s ||
        document.querySelector('[data-test=photo-rejected], [data-test=intake-error]') !== null,
      shot,
      { timeout: 20_000 },
    )
  }
}
