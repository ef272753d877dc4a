import { getCurrentInstance, getCurrentScope, onMounted, onScopeDispose, toValue, type MaybeRefOrGetter } from 'vue'
import { WedgeClassifier, type WedgeClassifierOptions } from './wedge-classifier'

export interface KeyboardWedgeOptions extends WedgeClassifierOptions {
  enabled?: MaybeRefOrGetter<boolean>
}

type TextField = HTMLInputElement | HTMLTextAreaElement

interface FieldSnapshot {
  field: TextField
  value: string
  start: number | null
  end: number | null
  direction: 'forward' | 'backward' | 'none' | null
}

/**
 * Listens for keyboard-wedge scans on the whole window, so staff can scan with nothing
 * focused. Keys are never held back (human typing stays untouched); instead, when a scan
 * completes, a focused text field is put back to how it was at the burst's first key.
 *
 * In a component the listener lives from mount to unmount; elsewhere it starts at once
 * and stops with the surrounding effect scope, or when the returned function is called.
 */
export function useKeyboardWedge(onScan: (code: string) => void, options: KeyboardWedgeOptions = {}): () => void {
  const classifier = new WedgeClassifier(options)
  let snapshot: FieldSnapshot | null = null
  let listening = false

  function onKeydown(e: KeyboardEvent): void {
    // Shortcuts and IME composition are a person at the keyboard, whatever their speed.
    const shortcut = e.ctrlKey || e.metaKey || (e.altKey && !e.getModifierState('AltGraph'))
    if (!toValue(options.enabled ?? true) || shortcut || e.isComposing) {
      classifier.reset()
      snapshot = null
      return
    }
    const verdict = classifier.push({ key: e.key, at: e.timeStamp, repeat: e.repeat })
    switch (verdict.kind) {
      case 'pending':
        if (verdict.startsBurst) snapshot = takeSnapshot()
        break
      case 'typing':
        snapshot = null
        break
      case 'scan':
        // Capture phase on window runs first; stopping here keeps the terminating Enter
        // from submitting a form or firing @keydown.enter handlers.
        e.preventDefault()
        e.stopPropagation()
        if (snapshot) restore(snapshot)
        snapshot = null
        onScan(verdict.code)
        break
      case 'consumed':
        e.preventDefault()
        e.stopPropagation()
        break
      case 'ignored':
        break
    }
  }

  function start(): void {
    if (listening) return
    listening = true
    window.addEventListener('keydown', onKeydown, { capture: true })
  }

  function stop(): void {
    if (!listening) return
    listening = false
    window.removeEventListener('keydown', onKeydown, { capture: true })
    classifier.reset()
    snapshot = null
  }

  if (getCurrentInstance()) onMounted(start)
  else start()
  if (getCurrentScope()) onScopeDispose(stop)
  return stop
}

function takeSnapshot(): FieldSnapshot | null {
  const field = document.activeElement
  if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) return null
  return {
    field,
    value: field.value,
    start: field.selectionStart,
    end: field.selectionEnd,
    direction: field.selectionDirection,
  }
}

function restore(s: FieldSnapshot): void {
  if (s.field.value !== s.value) {
    s.field.value = s.value
    // v-model listens for `input`; without it the bound ref would keep the scanned chars.
    s.field.dispatchEvent(new Event('input', { bubbles: true }))
  }
  if (s.start === null || s.end === null) return
  try {
    s.field.setSelectionRange(s.start, s.end, s.direction ?? undefined)
  } catch {
    // Some input types (number, email) have no selection API; the value is what matters.
  }
}
