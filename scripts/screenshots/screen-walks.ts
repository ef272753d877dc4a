// The screens around the intake: sign-in, the counter, Today (and its "Needs a supervisor"
// filter), Hand-over, Printers, Devices, Diagnostics, Staff, Sync, Privacy, and the customer's
// self-check from the return's code to the ticket.
import type { Kit } from './kit'
import { demoOrder } from '../../tests/support/demo-orders'

const selfCheck = demoOrder('BM-48241634') // Pixel warranty repair

export async function signInScreen(k: Kit, pin: string): Promise<void> {
  await k.first(['sign-in'])
  await k.shot('sign-in', 'Sign-in: the staff PIN')
  // Typed at a person's pace: a burst as fast as a scanner's is taken for a scan.
  await k.page.keyboard.type(pin, { delay: 120 })
  await k.page.keyboard.press('Enter')
  await k.first(['signed-in-name'], 60_000)
  await k.shot('counter', 'Counter: scan the return label, or search')
}

const tabs: Array<[string, string, string]> = [
  ['today', 'today', 'Today: every case of the day'],
  ['handover', 'handover', 'Hand-over to the carriers'],
  ['printers', 'printers', 'Printers'],
  ['devices', 'devices', 'Devices: scanners and cameras'],
  ['diagnostics', 'diagnostics', 'Diagnostics'],
  ['staff', 'staff', 'Staff'],
  ['sync', 'sync', 'Sync'],
  ['privacy', 'privacy', 'Privacy'],
]

export async function mainScreens(k: Kit): Promise<void> {
  for (const [nav, name, title] of tabs) {
    await k.scene(title, async () => {
      await k.tap(`nav-${nav}`)
      await k.page.waitForLoadState('networkidle').catch(() => undefined)
      await k.page.locator('main, [data-test$=-view]').first().waitFor()
      await k.shot(name, title)
      if (nav === 'today' && (await k.visible('filter-supervisor'))) {
        await k.tap('filter-supervisor')
        await k.shot('today-needs-supervisor', 'Today: the cases that need a supervisor')
      }
    })
  }
  await k.tap('nav-counter').catch(() => undefined)
}

export async function customerSelfCheck(k: Kit): Promise<void> {
  await k.scene('customer self-check', async () => {
    await k.tap('customer-mode')
    await k.page.locator('[data-test=self-check][data-screen="scan"]').waitFor()
    await k.shot('self-check-scan', 'Customer mode: show the return’s QR code')
    await k.scan(selfCheck.returnRequest!.labelCode!)
    await k.first(['self-check-yes'])
    await k.shot('self-check-confirm', 'Customer mode: is this your device?')
    await k.tap('self-check-yes')
    for (let guard = 0; guard < 20; guard++) {
      const screen = await k.page.locator('[data-test=self-check]').getAttribute('data-screen')
      if (screen === 'backup') {
        await k.shot('self-check-backup', 'Customer mode: data backup')
        await k.tap('backup-backed_up_and_removed')
      } else if (screen === 'account') {
        await k.shot('self-check-account', 'Customer mode: account signed out, with a photo')
        await k.photo()
      } else if (screen === 'pin') {
        await k.shot('self-check-pin', 'Customer mode: unlock code')
        await k.tap('pin-skip-lock_removed', 'pin-skip-no_lock')
      } else if (screen === 'photos') {
        if (!k.shots.some((s) => s.file.endsWith('self-check-photos.png'))) await k.shot('self-check-photos', 'Customer mode: condition photos')
        await k.photo()
      } else if (screen === 'finish') {
        await k.shot('self-check-finish', 'Customer mode: all done')
        await k.tap('self-check-finish')
      } else if (screen === 'ticket') {
        await k.first(['ticket-number'])
        await k.shot('self-check-ticket', 'Customer mode: the ticket to show staff')
        break
      }
      await k.page.waitForFunction((s) => document.querySelector('[data-test=self-check]')?.getAttribute('data-screen') !== s || document.querySelector('[data-test=camera-shot]'), screen, { timeout: 20_000 })
    }
  })
}
