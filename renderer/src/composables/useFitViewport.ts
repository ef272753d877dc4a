// Sizes an element to the viewport height left below its top (at the page's scroll origin),
// as the CSS variable --fit-h, so a camera and its shutter fit on a kiosk screen without a
// scroll. Recomputed when the window or anything above it changes size. When even that does
// not leave room (a short screen), the element is scrolled into view once it is laid out.
import { onMounted, onUnmounted, type Ref } from 'vue'

/** Below this many pixels the camera would be too small to frame a device: scroll instead. */
const MIN_FIT = 300
const MARGIN = 12

export function useFitViewport(el: Ref<HTMLElement | null>): void {
  let observer: ResizeObserver | null = null
  let frame = 0
  function fit(): void {
    const node = el.value
    if (!node) return
    const top = node.getBoundingClientRect().top + window.scrollY
    const room = Math.max(MIN_FIT, Math.floor(window.innerHeight - top - MARGIN))
    node.style.setProperty('--fit-h', `${room}px`)
  }
  function schedule(): void {
    cancelAnimationFrame(frame)
    frame = requestAnimationFrame(fit)
  }
  onMounted(() => {
    fit()
    // Whatever the previous screen's scroll was, the whole camera and shutter are on screen.
    requestAnimationFrame(() => {
      fit()
      const r = el.value?.getBoundingClientRect()
      if (r && (r.top < 0 || r.bottom > window.innerHeight)) el.value?.scrollIntoView({ block: r.height > window.innerHeight ? 'start' : 'nearest' })
    })
    window.addEventListener('resize', schedule)
    observer = new ResizeObserver(schedule)
    observer.observe(document.body)
  })
  onUnmounted(() => {
    cancelAnimationFrame(frame)
    window.removeEventListener('resize', schedule)
    observer?.disconnect()
  })
}
