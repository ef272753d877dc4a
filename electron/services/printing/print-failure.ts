// Why a print job failed, as a reason key the screen translates. The worker records the
// transport's English sentence (kept in the queue, shown in logs); the sentences it can
// write are known, so each is read back as its key here, for old jobs as well as new ones.
import { reason, type Reason } from '@shared/contract/result'

type Reader = (text: string) => Reason | null

const readers: Reader[] = [
  (t) => (/^the printer did not answer after the job/.test(t) ? reason('printJob.noAnswer', t) : null),
  (t) => (/^the printer did not close the connection after the job/.test(t) ? reason('printJob.noClose', t) : null),
  (t) => {
    const m = /^the printer refused the job \(IPP status (0x[0-9a-f]{4})\)/.exec(t)
    return m ? reason('printJob.ippRefused', t, { status: m[1]! }) : null
  },
  (t) => (/^(no IPP response|IPP response too short|IPP request timed out)/.test(t) ? reason('printJob.ippNoResponse', t, { detail: t }) : null),
  (t) => (/^lp failed/.test(t) ? reason('printJob.lpFailed', t, { detail: t.replace(/^lp failed:\s*/, '') }) : null),
  (t) => (/^the job has no document left to send/.test(t) ? reason('printJob.noDocument', t) : null),
  (t) => (/^interrupted before the printer acknowledged it/.test(t) ? reason('printJob.interrupted', t) : null),
]

export function printFailureReason(text: string): Reason {
  for (const read of readers) {
    const r = read(text)
    if (r) return r
  }
  return reason('printJob.other', text, { detail: text })
}
