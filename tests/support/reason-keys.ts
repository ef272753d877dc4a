// Reason keys the services build from a value (`reason(`transition.${refusal}`, …)`): the
// prefix, and every value it can take, from the enumeration the code itself uses.
export const dynamicReasonKeys: Record<string, readonly string[]> = {}
