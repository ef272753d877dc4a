// The merged audit chain: rows of several tables interleaved on their chain order, and every
// table's cursor closed when a walk stops early (an open statement would keep the connection
// busy: it could not be closed).
import type { Database } from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import type { ChainRow, ChainSource } from '../../electron/services/audit/chain-sources'
import { walkChain } from '../../electron/services/audit/chain-walk'

const row = (id: string, order: [number, number]): ChainRow => ({ seq: 1, id, chainKey: 'K', prevHash: null, hash: id, expectedHash: id, order })

function source(table: string, rows: ChainRow[], closed: string[]): ChainSource {
  return {
    table,
    present: () => true,
    *rows() {
      try {
        yield* rows
      } finally {
        closed.push(table)
      }
    },
  }
}

const db = {} as Database

describe('walkChain', () => {
  it('puts a staff event after the events row it names and before the next one', () => {
    const closed: string[] = []
    const events = source('events', [row('e1', [1, 0]), row('e2', [2, 0]), row('e3', [3, 0])], closed)
    const staff = source('staff_events', [row('s1', [0, 1]), row('s2', [2, 2]), row('s3', [2, 3]), row('s4', [3, 4])], closed)
    const walked = [...walkChain(db, [events, staff])].map((w) => `${w.table}:${w.row.id}`)
    expect(walked).toEqual(['staff_events:s1', 'events:e1', 'events:e2', 'staff_events:s2', 'staff_events:s3', 'events:e3', 'staff_events:s4'])
    expect(closed.sort()).toEqual(['events', 'staff_events'])
  })

  it('closes every cursor when the walk stops early', () => {
    const closed: string[] = []
    const sources = [source('events', [row('e1', [1, 0]), row('e2', [2, 0])], closed), source('staff_events', [row('s1', [1, 1]), row('s2', [2, 2])], closed)]
    for (const walked of walkChain(db, sources)) if (walked.row.id === 'e1') break
    expect(closed.sort()).toEqual(['events', 'staff_events'])
  })
})
