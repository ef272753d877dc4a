// `expect(locator).toBeInViewport()` for vitest, as Playwright's test runner has it: waits until
// the element is entirely inside the viewport (an IntersectionObserver ratio of 1, or `ratio`),
// with no scroll made by the test. Fails with the last ratio seen after `timeout`.
import type { Locator } from 'playwright-core'
import { expect } from 'vitest'

interface InViewportOptions {
  ratio?: number
  timeout?: number
}

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- must match vitest's own declaration
  interface Matchers<T = any> {
    toBeInViewport(options?: InViewportOptions): Promise<T>
  }
}

/** The element's visible ratio once it reaches `want`, or the last one seen after `timeout` ms:
 *  an IntersectionObserver reports every change, so this waits on the condition, not a clock. */
function visibleRatio(locator: Locator, want: number, timeout: number): Promise<number> {
  return locator.evaluate(
    (el, [want, timeout]) =>
      new Promise<number>((resolve) => {
        let last = 0
        const thresholds = Array.from({ length: 101 }, (_, i) => i / 100)
        const observer = new IntersectionObserver(
          (entries) => {
            for (const e of entries) last = e.intersectionRatio
            if (last >= want) done()
          },
          { threshold: thresholds },
        )
        const timer = setTimeout(done, timeout)
        function done(): void {
          clearTimeout(timer)
          observer.disconnect()
          resolve(last)
        }
        observer.observe(el)
      }),
    [want - 0.001, timeout] as const,
  )
}

expect.extend({
  async toBeInViewport(received: Locator, options: InViewportOptions = {}) {
    const want = options.ratio ?? 1
    await received.first().waitFor({ timeout: options.timeout ?? 10_000 })
    // A ratio of 0.999 is "all of it" with sub-pixel rounding.
    const ratio = await visibleRatio(received.first(), want, options.timeout ?? 10_000)
    const pass = ratio >= want - 0.001
    return {
      pass,
      message: () => `expected ${received.toString()} ${pass ? 'not ' : ''}to be in the viewport (ratio ${want}), ratio seen: ${ratio.toFixed(3)}`,
    }
  },
})
