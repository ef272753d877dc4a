// XSS strings in the free text the kiosk shows are rendered as text: customer names from an
// imported manifest (search results, the order card) and what is typed into the search box.
// A page hook (window.__xss, a dialog listener, a mutation watch for injected elements) proves
// that no script ran and no element was created from the strings.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../support/browser'
import { openApp } from '../support/app-page'
import { startHost, type RunningHost } from '../support/host'
import { makeRecord } from '../support/manifest-factory'
import { tempDir } from '../support/temp-dir'

const PAYLOADS = [
  '<img src=/x.png onerror="window.__xss=1">',
  '<script>window.__xss=2</script>',
  '"><svg onload="alert(3)"><b>',
  "{{ constructor.constructor('window.__xss=4')() }}",
  '<iframe srcdoc="<script>parent.__xss=5</script>">',
  'javascript:alert(6)',
]

let browser: Browser
let host: RunningHost
let page: Page
const dialogs: string[] = []
const records = PAYLOADS.map((p, i) => {
  const r = makeRecord(900 + i)
  r.customer = { firstName: p.slice(0, 60), lastName: p.slice(60) || `Xss${i}` }
  return r
})

/** What the page hook saw: a script having run, or elements a payload would have created. */
async function hookReport(p: Page): Promise<{ xss: unknown; injected: string[] }> {
  return p.evaluate(() => {
    const w = window as unknown as { __xss?: unknown; __injected: string[] }
    return { xss: w.__xss, injected: w.__injected }
  })
}

async function armHook(p: Page): Promise<void> {
  await p.evaluate(() => {
    const w = window as unknown as { __injected: string[] }
    w.__injected = []
    new MutationObserver((mutations) => {
      for (const m of mutations)
        for (const n of m.addedNodes)
          if (n instanceof Element)
            for (const el of [n, ...n.querySelectorAll('*')])
              // The app renders no script, iframe or inline handler of its own.
              if (['SCRIPT', 'IFRAME'].includes(el.tagName.toUpperCase()) || [...el.attributes].some((a) => /^on|^srcdoc$/i.test(a.name)))
                w.__injected.push(el.outerHTML.slice(0, 80))
    }).observe(document.body, { childList: true, subtree: true })
  })
}

beforeAll(async () => {
  const dir = tempDir('dropdesk-xss-')
  const manifest = path.join(dir, 'manifest.jsonl')
  writeFileSync(manifest, records.map((r) => JSON.stringify(r)).join('\n') + '\n')
  browser = await launchChromium()
  host = await startHost({ dataDir: path.join(dir, 'data'), manifest })
  page = await openApp(browser, host)
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  await armHook(page)
})
afterAll(async () => {
  await host?.kill()
  await browser?.close()
})

describe('XSS strings are rendered inert', () => {
  it('in the search box and its "no match" message', async () => {
    for (const payload of PAYLOADS) {
      await page.locator('[data-test=search-input]').fill(payload)
      await page.locator('[data-test=search-submit]').click()
      // Shown back as typed, literally: in "no order matches …" or as a matching customer's name.
      await page.locator('[data-test=search-none], [data-test=search-results]', { hasText: payload }).waitFor({ timeout: 5000 })
    }
    expect(await hookReport(page)).toEqual({ xss: undefined, injected: [] })
    expect(dialogs).toEqual([])
  })

  it('in customer names from the manifest, in search results and on the order card', async () => {
    for (const [i, record] of records.entries()) {
      await page.locator('[data-test=search-input]').fill(record.orderNumber)
      await page.locator('[data-test=search-submit]').click()
      // The row of this very order: a list still showing the previous search must not count.
      const row = page.locator('[data-test=search-results] li', { hasText: record.orderNumber })
      await row.waitFor()
      expect(await row.textContent()).toContain(record.customer!.firstName!)
      await row.getByRole('button').click()
      const card = page.locator('[data-test=order-card]')
      await card.waitFor()
      const name = await page.locator('[data-test=customer-name]').textContent()
      expect(name, PAYLOADS[i]).toContain(record.customer!.firstName!)
      expect(await card.locator('img, script, svg, iframe, b').count()).toBe(0)
      await card.getByRole('button', { name: 'Not this order' }).click()
      await card.waitFor({ state: 'detached' })
    }
    await page.waitForTimeout(300) // an onerror/onload would have fired by now
    expect(await hookReport(page)).toEqual({ xss: undefined, injected: [] })
    expect(dialogs).toEqual([])
  })
})
