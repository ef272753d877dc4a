// Scenarios (b) trade-in of a phone still locked to an account -> refused, with the reason;
// (c) damage reported 4 business days after delivery -> needs a supervisor, override recorded;
// (e) the host killed (SIGKILL) mid-case and restarted: the case resumes at the same step.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, localDate } from '@shared/domain/dates'
import { openApp } from '../support/app-page'
import { launchChromium } from '../support/browser'
import { fakeCameraArgs, writeFakeCamera } from '../support/fake-camera'
import { startHost } from '../support/host'
import { demoOrder, IntakeDriver } from '../support/intake-driver'
import { tempDir } from '../support/temp-dir'

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium(fakeCameraArgs(writeFakeCamera(tempDir('dropdesk-camera-'))))
})
afterAll(async () => {
  await browser?.close()
})

/** The local date `n` business days (Mon-Fri) before `today`. */
function businessDaysBefore(today: string, n: number): string {
  let d = today
  for (let left = n; left > 0; ) {
    d = addDays(d, -1)
    const day = new Date(`${d}T12:00:00Z`).getUTCDay()
    if (day !== 0 && day !== 6) left--
  }
  return d
}

describe('intake decisions', () => {
  it('(b) refuses the trade-in of a phone still locked to its account, and says why', async () => {
    const order = demoOrder('BM-48216232') // iPhone 12 trade-in, offer 4 days old
    const host = await startHost({ dataDir: tempDir() })
    try {
      const page = await openApp(browser, host)
      const d = new IntakeDriver(page)
      await d.startToPhotos(order.returnRequest!.labelCode!, order.item.imei!)
      // The customer says at once that the phone is still locked: straight to that question.
      await page.locator('[data-test=step-progress] li[data-step="account"] button').click()
      await d.atStep('account')
      await d.click('account-still-locked')
      const refused = page.locator('[data-test=refused][data-reason="device_locked"]')
      await refused.waitFor()
      expect(await refused.textContent()).toContain('Refused for trade-in: the device is still locked to an account')
    } finally {
      await host.kill()
    }
  })

  it('(c) puts a damage reported after 4 business days on hold for a supervisor, and records the override', async () => {
    const dir = tempDir()
    const today = localDate(new Date(), Intl.DateTimeFormat().resolvedOptions().timeZone)
    const base = demoOrder('BM-48219163') // Galaxy Tab S8, damaged on arrival
    const record = {
      ...base,
      orderNumber: 'BM-77000001',
      deliveredAt: businessDaysBefore(today, 4),
      orderDate: addDays(businessDaysBefore(today, 4), -3),
      returnRequest: { ...base.returnRequest!, id: 'RMA-77000001', labelCode: 'BMR-77000001-XX', requestedAt: new Date(Date.now() - 3_600_000).toISOString() },
    }
    const manifest = path.join(dir, 'late-damage.jsonl')
    writeFileSync(manifest, JSON.stringify(record) + '\n')
    const host = await startHost({ dataDir: path.join(dir, 'data'), manifest })
    try {
      const page = await openApp(browser, host)
      const d = new IntakeDriver(page)
      await d.scan(record.returnRequest.labelCode)
      await d.click('confirm')
      await d.atStep('identity')
      await page.locator('[data-test=serial-input]').fill(base.item.serial!)
      await d.click('identify')
      await d.atStep('eligibility')
      await d.click('decide')
      const verdict = page.locator('[data-test=verdict]')
      await verdict.waitFor()
      expect(await verdict.getAttribute('data-verdict')).toBe('needs_supervisor')
      expect(await page.locator('[data-test=verdict-reasons] [data-reason="window_passed"]').textContent()).toContain('3 business days')

      await d.click('open-override')
      await page.locator('[data-test=override-covered]').check()
      await page.locator('[data-test=override-reason]').fill('Carrier damage confirmed on the box, customer was away')
      await d.tapDigits(host.supervisorPin!)
      await page.locator('[data-test=verdict-overridden]').waitFor()
      expect(await verdict.getAttribute('data-verdict')).toBe('covered')
      expect(await page.locator('[data-test=case-view]').getAttribute('data-status')).toBe('eligibility_decided')
    } finally {
      await host.kill()
    }
  })

  it('(e) resumes at the same step after the host is killed mid-case', async () => {
    const order = demoOrder('BM-48241634')
    const dataDir = tempDir()
    let host = await startHost({ dataDir })
    try {
      const page = await openApp(browser, host)
      const d = new IntakeDriver(page)
      await d.startToPhotos(order.returnRequest!.labelCode!, order.item.imei!)
      await d.photo()
      await d.photo()
      expect(await page.locator('[data-test=photos-count]').textContent()).toContain('2 of 7')
      const caseNumber = await page.locator('[data-test=case-view]').getAttribute('data-case')

      await host.kill('SIGKILL')
      host = await startHost({ dataDir })
      const after = await openApp(browser, host)
      const again = new IntakeDriver(after)
      await again.scan(order.returnRequest!.labelCode!)
      expect(await after.locator('[data-test=confirm]').textContent()).toContain(caseNumber)
      await again.click('confirm')
      await again.atStep('photos')
      expect(await after.locator('[data-test=case-view]').getAttribute('data-case')).toBe(caseNumber)
      expect(await after.locator('[data-test=photos-count]').textContent()).toContain('2 of 7')
      expect(await after.locator('[data-test=camera-shot]').getAttribute('data-shot')).toBe('back')
    } finally {
      await host.kill()
    }
  })
})
