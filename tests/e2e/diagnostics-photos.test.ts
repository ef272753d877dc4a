// The Diagnostics "Photos" line shows what the start-up photo audit found: a photo the record
// cites, removed from the data dir while the kiosk was stopped, is named as missing on the next
// start, in English and in French.
import { readdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp } from '../support/app-page'
import { launchChromium } from '../support/browser'
import { fakeCameraArgs, writeFakeCamera } from '../support/fake-camera'
import { startHost } from '../support/host'
import { demoOrder, IntakeDriver } from '../support/intake-driver'
import { tempDir } from '../support/temp-dir'
import '../support/in-viewport'

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium(fakeCameraArgs(writeFakeCamera(tempDir('dropdesk-camera-'))))
})
afterAll(async () => {
  await browser?.close()
})

/** Every photo file under the data dir's photos folder. */
function photoFiles(dataDir: string): string[] {
  return readdirSync(path.join(dataDir, 'photos'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(jpe?g|png|webp)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
}

describe('Diagnostics: the start-up photo check', () => {
  it('names a photo lost from the data dir while the kiosk was stopped, in en and fr', async () => {
    const dataDir = tempDir('dropdesk-diag-photos-')
    const order = demoOrder('BM-48241634')
    let host = await startHost({ dataDir })
    try {
      const page = await openApp(browser, host)
      await page.setViewportSize({ width: 1280, height: 800 })
      const d = new IntakeDriver(page)
      await d.startToPhotos(order.returnRequest!.labelCode!, order.item.imei!)
      await d.photo()
      await d.photo()
      await expect.poll(() => photoFiles(dataDir).length).toBe(2)

      // Before the loss, the line says every photo is there.
      await page.getByRole('button', { name: 'Diagnostics' }).click()
      const line = page.locator('[data-probe=photos]')
      await expect.poll(() => line.textContent()).toContain('photos checked at start: all present and intact')
      await page.close()
      await host.kill()

      rmSync(photoFiles(dataDir)[0]!)
      host = await startHost({ dataDir })
      const after = await openApp(browser, host)
      await after.setViewportSize({ width: 1280, height: 800 })
      await after.getByRole('button', { name: 'Diagnostics' }).click()
      const lost = after.locator('[data-probe=photos]')
      await lost.getByText('1 missing and 0 altered of 2 photos the record cites: restore the photos folder from backup').waitFor()
      // The line is in the Devices list, below the versions: a supervisor scrolls to it.
      await lost.scrollIntoViewIfNeeded()
      await expect(lost.getByText('Error', { exact: true })).toBeInViewport()

      await after.getByRole('button', { name: 'Français' }).click()
      await after.getByRole('button', { name: 'Diagnostic' }).click()
      await lost.getByText('1 manquantes et 0 modifiées sur 2 photos citées par le registre : restaurez le dossier photos depuis la sauvegarde').waitFor()
      await lost.scrollIntoViewIfNeeded()
      await expect(lost.getByText('Erreur', { exact: true })).toBeInViewport()
    } finally {
      await host.kill()
    }
  })
})
