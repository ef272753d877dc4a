// The refusal scenes: a MacBook withdrawal 41 days after delivery, identified by its serial,
// refused at the verdict (not covered), held for the customer's return, then closed as refused
// with the refusal note printed for the customer; the note's preview and the closed case's
// summary. The note goes to an 80 mm receipt printer on a loopback port, set up on the
// Printers screen as a supervisor does.
import { FakeRawPrinter } from '../../tests/support/fake-raw-printer'
import { demoOrder } from '../../tests/support/demo-orders'
import type { Kit } from './kit'

const late = demoOrder('BM-48214278') // MacBook Air withdrawal, delivered 41 days before: past its window

/** An ESC/POS printer for the refusal note, set up on the Printers screen; stop it at the end. */
export async function notePrinter(k: Kit): Promise<FakeRawPrinter> {
  const printer = await new FakeRawPrinter('escpos').start()
  await k.tap('nav-printers')
  const form = k.page.locator('[data-test=printer-settings]')
  await form.locator('[data-test=add-printer]').click()
  const fields = form.locator('fieldset.printer').first()
  await fields.locator('input[type=text]').first().fill('Desk TM-T20')
  await fields.locator('select').first().selectOption('escpos')
  await fields.locator('input[type=text]').nth(1).fill('127.0.0.1')
  await fields.locator('input[type=number]').fill(String(printer.port))
  await form.locator('[data-test=assign-refusalNote]').selectOption({ label: 'Desk TM-T20' })
  await form.locator('.assignments input[type=text]').first().fill('Relais Gare de Lyon')
  await form.locator('[data-test=save-printers]').click()
  await k.page.locator('[data-printer=printer-1]').waitFor()
  await k.tap('nav-counter')
  return printer
}

export async function notCoveredHeldAndClosed(k: Kit): Promise<void> {
  await k.scene('not covered, held, closed as refused', async () => {
    await k.tap('nav-counter').catch(() => undefined)
    await k.scan(late.returnRequest!.labelCode!)
    await k.first(['order-card'])
    await k.shot('late-order-card', 'Order card: the withdrawal’s 30 days ended 11 days ago')
    await k.tap('confirm')
    await k.atStep('identity')
    await k.shot('late-identify', 'Identify the device: a computer, by its serial number (scanned)')
    await k.scan(late.item.serial!)
    await k.atStep('eligibility')
    await k.tap('decide')
    await k.first(['refusal'])
    await k.shot('late-refusal', 'Not covered: the refusal, with only the next actions')
    await k.page.locator('[data-test=verdict-dates]').scrollIntoViewIfNeeded()
    await k.shot('late-verdict', 'Not covered: the verdict’s dates (from, last day, today, ended)')
    await k.tap(k.page.locator('[data-test=refusal] button', { hasText: /return|retour/i }))
    await k.first(['refusal-hold'])
    await k.shot('late-hold', 'Hold for the customer’s return: why the case waits')
    await k.page.locator('[data-test=refusal-hold] button[type=submit]').click()
    await k.first(['on-hold'])
    await k.shot('late-held', 'Held: the case waits for the customer')
    await k.tap('resume')
    await k.first(['refusal'])
    await k.tap(k.page.locator('[data-test=refusal] button.danger'))
    await k.first(['refusal-close'])
    await k.shot('late-close-confirm', 'Close as refused: the device goes back, a refusal note prints')
    await k.page.locator('[data-test=refusal-close] button.primary').click()
    await k.page.locator('[data-test=print-refusalNote] [role=status][data-state=acknowledged]').waitFor({ timeout: 30_000 })
    await k.shot('late-closed', 'Closed as refused: the refusal note printed for the customer')
    await k.tap('show-summary')
    await k.first(['step-summary'])
    await k.shot('late-summary', 'Summary of a case closed as refused: why, and the note to print again')
    const caseNumber = (await k.page.locator('[data-test=case-view]').getAttribute('data-case'))!
    await k.tap('nav-printers')
    await k.page.locator('[data-test=document-kind]').selectOption('refusalNote')
    await k.page.locator('[data-test=case-pick]').selectOption({ label: `${caseNumber} · ${late.orderNumber}` })
    await k.tap('show-preview')
    await k.first(['preview-image'])
    await k.page.locator('[data-test=preview-image]').scrollIntoViewIfNeeded()
    await k.shot('refusal-note-preview', 'The refusal note’s preview (drawn from the printer’s bytes)')
    await k.tap('nav-counter')
  })
}
