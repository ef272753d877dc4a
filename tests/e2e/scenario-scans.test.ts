// Scans as a counter person makes them, with the wedge scanner at 1280×800: inside a case the
// step owns every scan; DropDesk reads its own case label; the search finds what staff read out.
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { openApp } from '../support/app-page'
import { launchChromium } from '../support/browser'
import { startHost, type RunningHost } from '../support/host'
import { scanWithWedge } from '../support/scanner-keys'
import { tempDir } from '../support/temp-dir'

let browser: Browser
let host: RunningHost | null = null
beforeAll(async () => {
  browser = await launchChromium()
})
afterEach(async () => {
  await host?.kill()
  host = null
})
afterAll(async () => {
  await browser?.close()
})

async function counter(): Promise<Page> {
  host = await startHost({ dataDir: tempDir() })
  const page = await openApp(browser, host)
  await page.setViewportSize({ width: 1280, height: 800 })
  return page
}

/** Scans a return label and starts its case, up to "Identify the device". */
async function startCase(page: Page, label: string): Promise<string> {
  await scanWithWedge(page, label)
  await page.getByRole('button', { name: /^Confirm/ }).click()
  const heading = page.getByRole('heading', { name: /^Case / })
  await heading.waitFor()
  await page.getByRole('heading', { name: 'Identify the device' }).waitFor()
  return (await heading.textContent())!.replace(/^Case /, '').trim()
}

describe('scans at the counter', () => {
  it('takes a computer serial scanned on "Identify the device" as the serial, and stays in the case', async () => {
    const page = await counter()
    await startCase(page, 'BMR-7736806-VS') // MacBook Pro, serial C02G13XVNSP
    await page.getByRole('textbox', { name: /Serial/ }).focus()
    await scanWithWedge(page, 'C02G13XVNSP')
    await page.getByRole('heading', { name: 'Identify the device' }).waitFor({ state: 'detached' })
    expect(await page.getByRole('heading', { name: /^Case / }).isVisible()).toBe(true)
    expect(await page.getByText(/No expected return matches/).count()).toBe(0)
  })

  it('says in the step that a code is not for it, and looks nothing up', async () => {
    const page = await counter()
    await startCase(page, 'BMR-7736806-VS')
    await scanWithWedge(page, 'BMR-7733128-7Y') // another order's label
    await page.getByText('“BMR-7733128-7Y” is not used at this step (Device). Nothing was looked up', { exact: false }).waitFor()
    expect(await page.getByRole('heading', { name: 'Identify the device' }).isVisible()).toBe(true)
    expect(await page.getByText('Hélène Girard').count()).toBe(0)
  })

  it('opens a case from its own case label', async () => {
    const page = await counter()
    const number = await startCase(page, 'BMR-7736806-VS')
    await page.getByRole('button', { name: 'Back to the counter' }).click()
    await page.getByText(/Scan the return label/).waitFor()
    await scanWithWedge(page, number)
    await page.getByRole('heading', { name: `Case ${number}` }).waitFor()
  })

  it('finds a case by its number, an order by its number without prefix, and O’Brien typed with a typographic apostrophe', async () => {
    const page = await counter()
    const number = await startCase(page, 'BMR-7736806-VS')
    await page.getByRole('button', { name: 'Back to the counter' }).click()
    const search = page.getByRole('searchbox')
    await search.fill(number.split('-').slice(1).join('-'))
    await search.press('Enter')
    await page.getByRole('button', { name: 'Open the case' }).click()
    await page.getByRole('heading', { name: `Case ${number}` }).waitFor()
    await page.getByRole('button', { name: 'Back to the counter' }).click()

    await search.fill('48215255')
    await search.press('Enter')
    await page.getByText('Hélène Girard').waitFor()
    await search.fill('O’Brien')
    await search.press('Enter')
    await page.getByText('Siobhán O\'Brien').waitFor()
  })
})
