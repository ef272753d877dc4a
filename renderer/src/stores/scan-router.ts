/**
 * The renderer's scan router: every scan, from every source (the keyboard wedge and the camera
 * in this window, the HID and serial scanners through the services' `scanner.scanned` event),
 * comes through `accept`, is de-duplicated (same code, same source, within 1 s: once),
 * classified (shared/domain/code-classifier.ts) and handed to whoever the active step is.
 *
 * Routing API for the intake steps:
 *
 *   const router = useScanRouter()
 *   // In a step's setup: take the codes this step understands while it is on screen.
 *   const release = router.register((code, scan) => {
 *     if (code.kind !== 'imei' && !(code.kind === 'gs1' && code.imei)) return false  // not mine
 *     form.imei = code.kind === 'imei' ? code.imei : code.imei!
 *     return true                                                                     // handled
 *   })
 *   onUnmounted(release)
 *
 * Handlers are asked newest first (the step on top wins); returning false passes the code on.
 * Inside a case, the case view takes every code its step did not (a notice in the step), so a
 * scan there never starts an order lookup behind staff's back.
 * When no handler takes it, the fallback looks the code up as an order (label code, return
 * request id, tracking number, order number, or any code-shaped text, since label codes are
 * free-form per marketplace) on the counter screen; an IMEI, a box code or something that is
 * no code at all gets a clear `notice` instead. `testMode` (the devices screen's test scan)
 * records scans in `recent` without routing them anywhere.
 */
import { defineStore } from 'pinia'
import { inject, ref, shallowRef } from 'vue'
import { routerKey } from 'vue-router'
import type { ScanEvent } from '@shared/contract/views'
import { classifyCode, type ClassifiedCode, type UnknownReason } from '@shared/domain/code-classifier'
import { DuplicateFilter } from '@shared/domain/scan-dedupe'
import { useCounterStore } from './counter'

export type ScanHandler = (code: ClassifiedCode, scan: ScanEvent) => boolean

/**
 * Why a scan was not used, for the notice line: the classifier's reason, or the kind. `step` is
 * set when a case on screen owned the scan: the notice belongs in that step (CaseView).
 */
export type ScanNotice = {
  code: string
  reason: UnknownReason | 'imeiWithoutCase' | 'boxWithoutCase' | 'notForStep' | 'thisCase' | 'otherCase'
  step?: string
}

const RECENT = 20

export const useScanRouter = defineStore('scanRouter', () => {
  const handlers = shallowRef<ScanHandler[]>([])
  const recent = ref<Array<ScanEvent & { kind: ClassifiedCode['kind'] }>>([])
  const notice = ref<ScanNotice | null>(null)
  const testMode = ref(false)
  /** Set by useScanSources: false while nobody may scan (signed out, customer mode). */
  let gate: () => boolean = () => true
  const duplicates = new DuplicateFilter(1000)
  // The app's router (absent where a test drives the scan stream alone).
  const router = inject(routerKey, null)

  function register(handler: ScanHandler): () => void {
    handlers.value = [handler, ...handlers.value]
    return () => {
      handlers.value = handlers.value.filter((h) => h !== handler)
    }
  }

  /** One scan from any source. Returns false when it was a duplicate. */
  function accept(scan: ScanEvent): boolean {
    if (!gate()) return false
    if (!duplicates.accept(scan.source, scan.code, Date.parse(scan.at) || Date.now())) return false
    const classified = classifyCode(scan.code, scan.symbology)
    recent.value = [{ ...scan, kind: classified.kind }, ...recent.value].slice(0, RECENT)
    if (testMode.value) return true
    notice.value = null
    for (const h of handlers.value) if (h(classified, scan)) return true
    fallback(classified)
    return true
  }

  function fallback(c: ClassifiedCode): void {
    switch (c.kind) {
      case 'imei':
        if (!c.alternative) return void (notice.value = { code: c.code, reason: 'imeiWithoutCase' })
        return lookup(c.alternative.trackingNumber)
      case 'gs1':
        return void (notice.value = { code: c.code, reason: 'boxWithoutCase' })
      case 'label':
        return lookup(c.labelCode)
      case 'order':
        return lookup(c.orderNumber)
      case 'tracking':
        return lookup(c.trackingNumber)
      case 'case':
      case 'ticket':
        // Opened by the case routing (useCaseRouting), which registers first; never an order.
        return void (notice.value = { code: c.code, reason: 'notRecognised' })
      case 'unknown':
        if (c.lookup) return lookup(c.code.replace(/^\][A-Za-z][0-9A-Za-z]/, ''))
        notice.value = { code: c.code, reason: c.reason }
    }
  }

  function lookup(code: string): void {
    void router?.push({ name: 'counter' })
    void useCounterStore().scan(code)
  }

  return {
    recent,
    notice,
    testMode,
    register,
    accept,
    setGate: (fn: () => boolean) => void (gate = fn),
  }
})
