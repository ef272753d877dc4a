// A new case on an order that already had one (handed over, closed as refused, cancelled) is
// not started by a scan alone: staff say why, from a short list, and the reason is recorded on
// the new case's case.started. Without it, a second scan of a parcel already sent would start
// a second intake of the same device without a word.
export const restartReasons = [
  'second_device', // the order had more than one device: this is another one
  'repair_came_back', // the device came back from the repair and goes back in
  'customer_came_back', // the customer came back after a refusal or a hold that was closed
  'other', // anything else: said in a note
] as const
export type RestartReason = (typeof restartReasons)[number]

/** The case statuses after which a new case on the same order needs a reason. */
export const finishedStatuses = ['handed_over', 'cancelled'] as const
