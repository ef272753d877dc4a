// Push events from the services to every connected renderer.
import type { EventName, EventPayload } from '@shared/contract/events'
import type { EventListener } from './types'

export class EventBus {
  private readonly listeners = new Set<EventListener>()

  on(listener: EventListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const l of this.listeners) l(name, payload)
  }
}
