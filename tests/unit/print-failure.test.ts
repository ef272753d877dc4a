// A failed print job's English sentence (as the worker recorded it, in old jobs too) is read
// back as the reason key the screen translates; a sentence no transport writes keeps its text.
import { describe, expect, it } from 'vitest'
import { printFailureReason } from '../../electron/services/printing/print-failure'

describe('print failure reasons', () => {
  it('knows each sentence the transports and the worker write', () => {
    expect(printFailureReason('the printer did not answer after the job')).toEqual({ key: 'printJob.noAnswer', message: 'the printer did not answer after the job' })
    expect(printFailureReason('the printer did not close the connection after the job').key).toBe('printJob.noClose')
    expect(printFailureReason('the printer refused the job (IPP status 0x0400)')).toMatchObject({ key: 'printJob.ippRefused', params: { status: '0x0400' } })
    expect(printFailureReason('no IPP response: connect ECONNREFUSED 127.0.0.1:631').key).toBe('printJob.ippNoResponse')
    expect(printFailureReason('lp failed: lp: The printer or class does not exist.')).toMatchObject({ key: 'printJob.lpFailed', params: { detail: 'lp: The printer or class does not exist.' } })
    expect(printFailureReason('the job has no document left to send').key).toBe('printJob.noDocument')
    expect(printFailureReason('interrupted before the printer acknowledged it; sent again').key).toBe('printJob.interrupted')
  })

  it('keeps any other sentence as it is', () => {
    expect(printFailureReason('EPIPE')).toEqual({ key: 'printJob.other', message: 'EPIPE', params: { detail: 'EPIPE' } })
  })
})
