// The counter's carrier list, edited by a supervisor (staff read it through label.carriers).
import { z } from 'zod'
import { call } from '../define'

export const carriersCalls = {
  /** A supervisor adds a carrier to the counter's list (refused: empty, already there, list full); returns the list. */
  'carriers.add': call<string[]>('supervisor')(z.strictObject({ name: z.string().max(60) })),
  /** A supervisor removes one (refused: the last one, as a new label needs a carrier to choose); returns the list. */
  'carriers.remove': call<string[]>('supervisor')(z.strictObject({ name: z.string().max(60) })),
}
