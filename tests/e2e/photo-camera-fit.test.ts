// The photo step on a kiosk screen: the live camera and its shutter are entirely on screen,
// without a scroll, at 1280×800, 1366×768, 1920×1080 and a 1080×1920 portrait touch screen, in
// staff and in customer mode; each shot leaves its thumbnail; before "Accept the device" every
// photo is shown with a retake that works.
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signIn } from '../support/app-page'
import { launchChromium } from '../support/browser'
import { fakeCameraArgs, writeFakeCamera } from '../support/fake-camera'
import { startHost, type RunningHost } from '../support/host'
import '../support/in-viewport'
import { demoOrder, IntakeDriver } from '../support/intake-driver'
import { tempDir } from '../support/temp-dir'

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
] as const

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium(fakeCameraArgs(writeFakeCamera(tempDir('dropdesk-camera-'))))
})
afterAll(async () => {
  await browser?.close()
})

async function open(host: RunningHost): Promise<{ context: BrowserContext; page: Page }> {
  // A touch screen kiosk: taps as well as clicks.
  const context = await browser.newContext({ viewport: SIZES[0], hasTouch: true })
  const page = await context.newPage()
  await page.goto(`${host.origin}/#token=${host.token}`)
  await signIn(page, host)
  return { context, page }
}

const shutter = (page: Page) => page.getByRole('button', { name: 'Take the photo' })
const preview = (page: Page) => page.locator('[data-test=camera-shot]').getByLabel('Camera preview')

async function shutterLive(page: Page): Promise<void> {
  await page.locator('[data-test=camera-shot][data-camera=live]').waitFor({ timeout: 20_000 })
}

describe('photo step on kiosk screens', () => {
  it('staff: camera and shutter in view at every size, thumbnails, review grid with a retake', async () => {
    const order = demoOrder('BM-48230887')
    const host = await startHost({ dataDir: tempDir() })
    const { context, page } = await open(host)
    try {
      const d = new IntakeDriver(page)
      await d.startToPhotos(order.returnRequest!.labelCode!, order.item.imei!)
      for (const size of SIZES) {
        await page.setViewportSize(size)
        // The step opened afresh at this size, after a screen that was scrolled to its foot.
        await page.getByRole('button', { name: 'Back', exact: true }).click()
        await d.atStep('eligibility')
        await page.getByRole('button', { name: 'Forward' }).click()
        await d.atStep('photos')
        await shutterLive(page)
        await expect(shutter(page), `${size.width}×${size.height}`).toBeInViewport()
        await expect(preview(page), `${size.width}×${size.height}`).toBeInViewport()
      }
      await page.setViewportSize(SIZES[0])

      // A thumbnail of each shot once taken, in the list of shots.
      await d.photo()
      await page.getByRole('img', { name: 'Photo taken: Screen on' }).waitFor()
      await expect(shutter(page)).toBeInViewport()
      for (let i = 0; i < 6; i++) await d.photo()
      await page.getByRole('button', { name: /Backed up/ }).first().click()
      await d.click('account-staff-confirmed')
      await d.click('pin-skip-no_lock')
      await d.atStep('evidence_review')

      // Every photo before acceptance, each with its retake.
      const review = page.locator('[data-test=photo-review]')
      for (const name of ['Screen on', 'Screen off', 'Back', 'Left side', 'Right side', 'Top side', 'Bottom side']) {
        await review.getByRole('img', { name: `Photo taken: ${name}` }).waitFor()
        await review.getByRole('button', { name: `Retake: ${name}` }).waitFor()
      }
      await expect(page.getByRole('button', { name: 'Accept the device' })).toBeInViewport()
      const before = await review.getByRole('img', { name: 'Photo taken: Back' }).getAttribute('src')
      await review.getByRole('button', { name: 'Retake: Back' }).click()
      await shutterLive(page)
      await expect(shutter(page)).toBeInViewport()
      await shutter(page).tap()
      await review.getByRole('button', { name: 'Retake: Back' }).waitFor()
      await expect.poll(() => review.getByRole('img', { name: 'Photo taken: Back' }).getAttribute('src'), { timeout: 20_000 }).not.toBe(before)
      await page.getByRole('button', { name: 'Accept the device' }).click()
      await d.atStep('packing')
    } finally {
      await context.close()
      await host.kill()
    }
  })

  it('customer: camera and shutter in view at every size, thumbnail after a shot', async () => {
    const order = demoOrder('BM-48241634')
    const host = await startHost({ dataDir: tempDir() })
    const { context, page } = await open(host)
    try {
      const d = new IntakeDriver(page)
      await page.getByRole('button', { name: 'Customer mode' }).click()
      await page.locator('[data-test=self-check][data-screen="scan"]').waitFor()
      await d.scan(order.returnRequest!.labelCode!)
      await d.click('self-check-yes')
      await d.click('backup-backed_up_and_removed')
      // The account proof is a photo too: its shutter is in view.
      await page.locator('[data-test=step-account]').waitFor()
      await shutterLive(page)
      await expect(shutter(page)).toBeInViewport()
      await d.photo()
      await d.click('pin-skip-lock_removed')
      await page.locator('[data-test=step-photos]').waitFor()
      for (const size of SIZES) {
        await page.setViewportSize(size)
        await shutterLive(page)
        await expect(shutter(page), `${size.width}×${size.height}`).toBeInViewport()
        await expect(preview(page), `${size.width}×${size.height}`).toBeInViewport()
      }
      await shutter(page).tap()
      await page.getByRole('img', { name: 'Photo taken: Screen on' }).waitFor({ timeout: 20_000 })
      await expect(shutter(page)).toBeInViewport()
    } finally {
      await context.close()
      await host.kill()
    }
  })
})
