// Printed texts in English and French (DOMAIN.md: every slip and receipt in both).
import type { CaseType, Category } from '@shared/manifest/record'
import type { PrintLocale } from './models'

const en = {
  slipTitle: 'Order details',
  marketplace: 'Marketplace',
  customer: 'Customer',
  orderNumber: 'Order number',
  orderDate: 'Order date',
  reason: 'Reason for the return',
  device: 'Device',
  imei: 'IMEI',
  serial: 'Serial number',
  unlockPin: 'Unlock PIN / pattern',
  caseNumber: 'Case',
  receiptTitle: 'Drop-off receipt',
  carrier: 'Carrier',
  trackingNumber: 'Tracking number',
  dateTime: 'Date and time',
  kiosk: 'Counter',
  keep: 'Keep this receipt: it is your proof of shipment.',
  receivedBy: 'Parcel taken in by the counter for the carrier named above.',
  manifestTitle: 'Carrier pickup manifest',
  parcels: 'Parcels',
  signature: 'Driver signature',
  pickupTime: 'Driver pickup',
  batch: 'Pickup batch',
  testTitle: 'DropDesk test print',
  ticketTitle: 'Your ticket',
  ticketShow: 'Show this ticket to the counter staff.',
  reasons: {
    withdrawal: 'Return (withdrawal)',
    warranty_repair: 'Repair under warranty',
    damaged_on_arrival: 'Damaged on arrival',
    trade_in: 'Trade-in',
  } satisfies Record<CaseType, string>,
  categories: {
    smartphone: 'Smartphone',
    tablet: 'Tablet',
    computer: 'Computer',
    smartwatch: 'Smartwatch',
    other: 'Other',
  } satisfies Record<Category, string>,
}

const fr: typeof en = {
  slipTitle: 'Détails de la commande',
  marketplace: 'Place de marché',
  customer: 'Client',
  orderNumber: 'Numéro de commande',
  orderDate: 'Date de commande',
  reason: 'Motif du retour',
  device: 'Appareil',
  imei: 'IMEI',
  serial: 'Numéro de série',
  unlockPin: 'Code / schéma de déverrouillage',
  caseNumber: 'Dossier',
  receiptTitle: 'Reçu de dépôt',
  carrier: 'Transporteur',
  trackingNumber: 'Numéro de suivi',
  dateTime: 'Date et heure',
  kiosk: 'Comptoir',
  keep: 'Conservez ce reçu : c’est votre preuve d’expédition.',
  receivedBy: 'Colis pris en charge par le comptoir pour le transporteur indiqué ci-dessus.',
  manifestTitle: 'Bordereau d’enlèvement transporteur',
  parcels: 'Colis',
  signature: 'Signature du chauffeur',
  pickupTime: 'Enlèvement par le chauffeur',
  batch: 'Lot d’enlèvement',
  testTitle: 'Impression de test DropDesk',
  ticketTitle: 'Votre ticket',
  ticketShow: 'Montrez ce ticket au personnel du comptoir.',
  reasons: {
    withdrawal: 'Retour (rétractation)',
    warranty_repair: 'Réparation sous garantie',
    damaged_on_arrival: 'Arrivé endommagé',
    trade_in: 'Reprise',
  },
  categories: {
    smartphone: 'Smartphone',
    tablet: 'Tablette',
    computer: 'Ordinateur',
    smartwatch: 'Montre connectée',
    other: 'Autre',
  },
}

export type PrintTexts = typeof en
export function printTexts(locale: PrintLocale): PrintTexts {
  return locale === 'fr' ? fr : en
}
