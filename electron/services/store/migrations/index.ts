import type { Migration } from '../migrate'
import { m001Initial } from './001-initial'

/** Every migration, in order. Append new ones; never edit a landed one. */
export const migrations: readonly Migration[] = [m001Initial]
