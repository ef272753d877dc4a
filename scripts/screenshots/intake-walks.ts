// The intake scenes: a covered smartphone withdrawal from the label scan to the closed pickup,
// a trade-in refused and closed as refused, an identity mismatch waiting for a supervisor (the
// not-covered withdrawal held then closed as refused is in refusal-walks.ts). Orders come from the embedded demo data.
import type { Kit } from './kit'
import { demoOrder } from '../../tests/support/demo-orders'

const covered = demoOrder('BM-48230887') // Pixel 8 Pro withdrawal, delivered 6 days before the demo's day
const tradeIn = demoOrder('BM-48216232') // iPhone 12 trade-in: the account is still locked
const mismatch = demoOrder('BM-48231864') // Galaxy A54 withdrawal: another device's IMEI is scanned

/** Scans a label and confirms the order card (with an earlier case's reason when one is asked). */
async function startCase(k: Kit, labelCode: string, shootCard?: string): Promise<void> {
  await k.tap('nav-counter').catch(() => undefined)
  await k.scan(labelCode)
  await k.first(['order-card'])
  if (shootCard) await k.shot('order-card', shootCard)
  await k.tap('confirm')
  await k.page.locator('[data-test=case-view]').waitFor()
}

/** From "Identify the device" through the verdict; shoots each screen; stops at a refusal. */
async function identifyAndDecide(k: Kit, code: string, tag: string, title: string): Promise<void> {
  await k.atStep('identity')
  await k.shot(`${tag}-identify`, 'Identify the device (IMEI or serial, scanned)')
  await k.scan(code)
  const moved = k.page.locator('[data-test=case-view]:not([data-step=identity]), [data-test=identity-mismatch], [data-test=on-hold]').first()
  await moved.waitFor({ timeout: 5_000 }).catch(async () => {
    // A serial typed where a scan of it is not taken as the device's identity.
    const serial = k.page.locator('[data-test=serial-input]')
    if (!(await serial.isVisible()) || (await serial.inputValue())) return
    await serial.fill(code)
    await k.tap('identify')
  })
  await moved.waitFor()
  if ((await k.step()) !== 'eligibility') return
  await k.shot(`${tag}-eligibility`, 'Eligibility: exclusions to check before the verdict')
  for (let i = 0; i < 4 && (await k.step()) === 'eligibility'; i++) {
    if ((await k.visible('refused')) || (await k.visible('refusal'))) break
    if (await k.visible('decide')) {
      await k.tap('decide')
      await k.page.locator('[data-test=verdict], [data-test=header-verdict], [data-test=refused]').first().waitFor()
      await k.shot(`${tag}-verdict`, title)
    } else if (await k.visible('continue')) await k.tap('continue')
    else break
    await k.page.waitForLoadState('networkidle').catch(() => undefined)
  }
}

export async function coveredWithdrawal(k: Kit): Promise<void> {
  const r = covered.returnRequest!
  await k.scene('covered withdrawal', async () => {
    await startCase(k, r.labelCode!, 'Order card after the return label is scanned')
    await identifyAndDecide(k, covered.item.imei!, 'covered', 'Verdict: covered (withdrawal within 14 days)')
    await k.atStep('photos')
    await k.shot('photos', 'Condition photos: the camera, its shutter and the shots to take')
    await k.photo()
    await k.shot('photos-thumbnail', 'Condition photos: a thumbnail for each shot taken')
    while ((await k.step()) === 'photos') await k.photo()
    const steps: Record<string, [string, () => Promise<void>]> = {
      backup: ['Data backup', () => k.tap('backup-backed_up_and_removed')],
      account: ['Account disconnection', () => k.tap('account-staff-confirmed')],
      pin: ['Unlock code', () => k.tap('pin-skip-no_lock', 'pin-skip-lock_removed')],
      accessories: ['Accessories', () => k.tap('accessories-save')],
      age: ['Age', () => k.tap('age-declared-adult')],
      evidence_review: ['Accept the device: every photo with its retake', () => k.tap('accept-device')],
    }
    for (let guard = 0; guard < 8; guard++) {
      const s = await k.step()
      const entry = s ? steps[s] : undefined
      if (!entry) break
      await k.shot(s!, entry[0])
      await entry[1]()
      await k.page.locator(`[data-test=case-view]:not([data-step="${s}"])`).waitFor()
    }
    await k.atStep('packing')
    await k.shot('packing', 'Packing checklist and the order slip')
    for (;;) {
      const box = k.page.locator('[data-test^=pack-][aria-checked=false]:not([disabled])').first()
      if (!(await box.count())) break
      const id = await box.getAttribute('data-test')
      await box.click()
      await k.page.locator(`[data-test=${id}][aria-checked=true]`).waitFor()
    }
    if (!(await k.visible('slip-recorded'))) await k.tap('slip-written')
    await k.atStep('package_photos')
    await k.shot('package-photos', 'Package photos')
    while ((await k.step()) === 'package_photos' && (await k.visible('camera-shot'))) await k.photo()
    await k.atStep('label')
    await k.shot('label', 'Return label: scan the tracking number')
    await k.scan(r.trackingNumber!)
    await k.atStep('handover')
    await k.shot('handover-step', 'Waiting for the carrier’s pickup')
  })
  await k.scene('pickup', async () => {
    await k.tap('open-handover', 'nav-handover')
    await k.first(['handover-view'])
    await k.shot('handover-waiting', 'Hand-over: the parcels waiting for each carrier')
    if (await k.visible('start-pickup')) await k.tap('start-pickup')
    // The scanners' double-read filter drops the same code within a second of the label's scan.
    await k.page.waitForTimeout(1200)
    await k.scan(r.trackingNumber!)
    await k.first(['pickup-count'])
    const time = k.page.locator('[data-test=driver-time]').first()
    if ((await time.isVisible()) && !(await time.inputValue())) await time.fill('14:30')
    await k.shot('handover-scanned', 'Hand-over: each parcel scanned as the driver takes it')
    await k.tap('close-batch')
    const confirm = k.page.locator('[data-test=confirm-close]').first()
    if (await confirm.isVisible().catch(() => false)) {
      await k.shot('handover-confirm', 'Hand-over: closing the pickup, confirmed')
      await confirm.click()
    }
    await k.first(['batch-closed'])
    await k.shot('handover-closed', 'Hand-over: the pickup closed')
  })
}

export async function refusedAndHeld(k: Kit): Promise<void> {
  await k.scene('trade-in refused, closed as refused', async () => {
    await startCase(k, tradeIn.returnRequest!.labelCode!)
    await identifyAndDecide(k, tradeIn.item.imei!, 'tradein', 'Verdict: trade-in offer still valid')
    // The account is still locked: the trade-in is refused where it happens.
    await k.page.locator('[data-test=step-progress] li[data-step="account"] button').click()
    await k.tap('account-still-locked')
    await k.first(['refused', 'refusal'])
    await k.shot('tradein-refused', 'Refused: the account is still locked')
    await k.tap(k.page.locator('[data-test=refusal] button', { hasText: /refus/i }))
    await k.first(['refusal-close'])
    const confirm = k.page.locator('[data-test=refusal-close] button').first()
    if (await confirm.isVisible().catch(() => false)) {
      await k.shot('tradein-close-confirm', 'Close as refused: confirm')
      await confirm.click()
    }
    await k.page.locator('[data-test=case-view][data-status=refused], [data-test=case-view][data-status=cancelled], [data-test=refusal-note]').first().waitFor()
    await k.shot('tradein-closed', 'Closed as refused: the device goes back with a refusal note')
  })
  await k.scene('needs a supervisor', async () => {
    await startCase(k, mismatch.returnRequest!.labelCode!)
    await identifyAndDecide(k, covered.item.imei!, 'mismatch', 'Verdict')
    await k.first(['identity-mismatch', 'on-hold', 'open-override'])
    await k.shot('mismatch', 'Needs a supervisor: the scanned IMEI is another device’s')
    await k.tap('open-override')
    await k.first(['override-dialog'])
    await k.shot('mismatch-override', 'Supervisor decision: PIN and reason')
    await k.tap('override-cancel')
  })
}
