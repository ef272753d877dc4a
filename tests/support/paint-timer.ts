import type { Page } from 'playwright-core'

/**
 * Times, inside the page, a scan from the scanner's terminating Enter (keydown) to the first
 * frame painted with `selector` present: what staff experience after a scan.
 *
 * The selector may appear by insertion or by a patch of an element already there (a card kept
 * on screen whose `data-order` changes), so attribute and text changes are watched too. The
 * result is awaited as an in-page promise rather than polled: polling by animation frame would
 * run the harness on every frame of the very path being measured.
 *
 * With SCAN_STAGE_STAMPS installed before the app loads (openApp's `initScript`), Enter is
 * stamped ahead of every listener the app adds (otherwise after the app's own keydown
 * listeners, a fraction of a millisecond late), and the lookup's trip over the WebSocket is
 * stamped too, for the per-stage breakdown.
 */
export const SCAN_STAGE_STAMPS = `(() => {
  const w = window
  addEventListener('keydown', (e) => { if (e.key === 'Enter') w.__stageEnterAt = performance.now() }, { capture: true })
  const Socket = w.WebSocket
  w.WebSocket = class extends Socket {
    constructor(url, protocols) {
      super(url, protocols)
      // Added before the app's onmessage: the reply's arrival, before the app handles it.
      this.addEventListener('message', (e) => {
        if (w.__stageRepliedAt === undefined && w.__stageReplyHead !== undefined && String(e.data).startsWith(w.__stageReplyHead)) w.__stageRepliedAt = performance.now()
      })
    }
    send(m) {
      if (w.__stageSentAt === undefined && String(m).includes('"orders.lookup"')) {
        w.__stageSentAt = performance.now()
        w.__stageReplyHead = '{"t":"result","id":' + JSON.parse(m).id + ','
      }
      super.send(m)
    }
  }
})()`

/** Milliseconds after Enter: lookup sent, reply received, order in the DOM, next frame, painted. */
export interface ScanStages {
  sent: number
  replied: number
  inDom: number
  frame: number
  painted: number
}

export async function armScanStages(page: Page, selector: string): Promise<() => Promise<ScanStages>> {
  // No named functions in here: tsx (the benchmarks) would wrap them in a helper the page lacks.
  await page.evaluate((sel) => {
    const w = window as unknown as Record<string, unknown> & { __stages?: Promise<ScanStages> }
    for (const k of ['__stageEnterAt', '__stageSentAt', '__stageReplyHead', '__stageRepliedAt']) w[k] = undefined
    let enterAt: number | undefined
    w.__stages = new Promise<ScanStages>((resolve) => {
      const once = new AbortController()
      window.addEventListener('keydown', (e) => {
        if (e.key !== 'Enter') return
        enterAt = (w.__stageEnterAt as number | undefined) ?? performance.now()
        once.abort()
      }, { capture: true, signal: once.signal })
      const observer = new MutationObserver(() => {
        if (enterAt === undefined || !document.querySelector(sel)) return
        observer.disconnect()
        const t0 = enterAt
        const inDom = performance.now() - t0
        // NaN where SCAN_STAGE_STAMPS is not installed.
        const sent = typeof w.__stageSentAt === 'number' ? w.__stageSentAt - t0 : NaN
        const replied = typeof w.__stageRepliedAt === 'number' ? w.__stageRepliedAt - t0 : NaN
        requestAnimationFrame(() => {
          const frame = performance.now() - t0
          setTimeout(() => resolve({ sent, replied, inDom, frame, painted: performance.now() - t0 }), 0)
        })
      })
      observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true })
    })
  }, selector)
  // A scan that never shows the order fails here rather than hanging the caller.
  return () =>
    page.evaluate(
      (ms) => Promise.race([(window as unknown as { __stages: Promise<ScanStages> }).__stages, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`the order did not appear within ${ms} ms of Enter`)), ms))]),
      10_000,
    )
}

export async function armEnterToPaint(page: Page, selector: string): Promise<() => Promise<number>> {
  const stages = await armScanStages(page, selector)
  return async () => (await stages()).painted
}
