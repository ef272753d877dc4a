// The intake's vocabulary: shots, exclusions, reasons, packing items and their "why" for the
// customer, verdicts and window names. Ids come from shared/domain/*.ts.
const en = {
  photos: {
    shot: {
      screen_on: 'Screen on', screen_off: 'Screen off', back: 'Back', left: 'Left side', right: 'Right side', top: 'Top side', bottom: 'Bottom side',
      back_case: 'Back case', left_open: 'Left side (slightly open)', right_open: 'Right side (slightly open)', front_closed: 'Front side (closed)',
      back_closed: 'Back side (closed)', strap_top: 'Strap-to-top section', strap_bottom: 'Strap-to-bottom section',
      side_1: 'Side 1', side_2: 'Side 2', side_3: 'Side 3', side_4: 'Side 4', side_5: 'Side 5', side_6: 'Side 6',
      side_7: 'Side 7', side_8: 'Side 8', side_9: 'Side 9', side_10: 'Side 10', side_11: 'Side 11', side_12: 'Side 12',
      packaging: 'The packaging', shipping_label: 'The shipping label (tracking number readable)',
      damage_1: 'Damage, photo 1', damage_2: 'Damage, photo 2', damage_3: 'Damage, photo 3', damage_4: 'Damage, photo 4',
      damage_5: 'Damage, photo 5', damage_6: 'Damage, photo 6', damage_7: 'Damage, photo 7', damage_8: 'Damage, photo 8',
      package_inside: 'Open package: the device snug inside', package_outside: 'Closed package: the label visible',
    },
  },
  packing: {
    item: {
      strong_box: 'A strong box, not reused, double or triple walled',
      wrapped_and_wedged: 'The device wrapped and wedged: no empty space',
      pressure_sensitive_tape: 'Packing tape on every seam and corner',
      label_on_top: 'The return label on top, barcode visible; a spare label inside',
      order_slip_inside: 'The order details slip inside',
      original_packaging_kept: 'The damaged original packaging kept',
    },
    why: {
      strong_box: 'A weak or reused box gives way in the carrier’s sorting machines.',
      wrapped_and_wedged: 'A device that can move inside the box breaks on the way.',
      pressure_sensitive_tape: 'Cellophane, masking tape or string come loose: the box opens on the way.',
      label_on_top: 'The carrier scans the top of the box; a spare label inside saves a parcel whose outer label is torn.',
      order_slip_inside: 'The refurbisher knows whose device it is and why it comes back, even if the label is lost.',
      original_packaging_kept: 'The carrier’s claim needs the damaged packaging: keep it until the claim is settled.',
    },
  },
  intake: {
    verdict: { covered: 'Covered', not_covered: 'Not covered', needs_supervisor: 'Needs a supervisor' },
    window: { withdrawal: 'the 30-day withdrawal period', warranty: 'the warranty', damaged_on_arrival: 'the 3 business days to report damage', trade_in: 'the 21 days to ship a trade-in', return_label: 'the return label' },
    reason: {
      within_window: 'Within {window}: the last day is {deadline}.',
      window_passed: '{window} ended on {deadline}.',
      delivery_date_unknown: 'The delivery date is unknown: counted from the order date, {orderDate}.',
      offer_date_unknown: 'The trade-in offer’s date is unknown: the 21 days cannot be counted.',
      exclusion_observed: 'Not covered by the warranty: {exclusion}.',
      condition_differs_from_assessment: 'Differs from the customer’s assessment ({exclusion}): the refurbisher will make a counteroffer.',
      out_of_warranty_customer_pays_shipping: 'Not covered: return shipping is paid by the customer, not by the seller.',
      label_expired: 'The return label expired on {validUntil}: the parcel needs a new label before the hand-over.',
      supervisor_override: 'A supervisor decided: {verdict}.',
    },
    exclusion: {
      physical_damage: 'Significant physical damage (broken, cracked, dented)', liquid_damage: 'Oxidation or liquid damage',
      third_party_opened: 'Opened or repaired by a third party', abnormal_use: 'Abnormal use', negligence: 'Negligence',
      accident_after_delivery: 'Accident after delivery (a drop)', normal_wear: 'Normal wear',
    },
    evidenceShot: {
      damage_closeup: 'Close-up of the damage', damage_overview: 'Whole device, damage visible', liquid_indicator: 'The liquid indicator',
      opening_marks: 'Marks of opening (screws, seals)', use_marks_closeup: 'Close-up of the marks of use', impact_closeup: 'Close-up of the impact', wear_closeup: 'Close-up of the wear',
    },
    skipReason: { device_dead: 'The device does not turn on', screen_broken: 'The screen is broken' },
    holdReason: {
      identity_mismatch: 'the IMEI or serial differs from the order’s', eligibility_review: 'the verdict needs a supervisor',
      device_locked: 'the device is still locked to an account', exclusion_dispute: 'the customer disputes an exclusion',
      label_expired: 'the label expired: waiting for a new one', waiting_for_customer: 'waiting for the customer', other: 'other reason',
    },
    cancelReason: { customer_withdrew: 'The customer took the device back', refused: 'The case cannot be accepted', counteroffer_declined: 'The customer declined the counteroffer', duplicate_case: 'Duplicate case', other: 'Other reason' },
    refusal: {
      not_eligible: 'Not accepted as this type of return. Change the case type, ask a supervisor, or cancel the case.',
      device_locked: 'Refused for trade-in: the device is still locked to an account. The customer must sign out of it (Find My, Google…) before it can be traded in.',
      under_18: 'Refused for trade-in: the customer must be 18 or older.',
      accessories_missing: 'Refused for trade-in: the charger and cable are mandatory for this device.',
    },
    flag: {
      labelExpired: 'The return label has expired: record a new label before the hand-over.',
      customerPaysShipping: 'Not covered: return shipping is paid by the customer, not by the seller.',
      refundDelayed: 'Still locked to an account: accepted, but the refund will be delayed.',
      counteroffer: 'Differs from the assessment: the refurbisher will make a counteroffer.',
      pinDeclined: 'No unlock PIN: the repair may be delayed.',
    },
    identityProblem: {
      imei_required: 'Enter the IMEI: dial *#06# on the phone, or scan the box’s barcode.', imei_not_digits: 'An IMEI has digits only: check what was typed.',
      imei_wrong_length: 'An IMEI has 15 digits: check what was typed.', imei_check_digit: 'This IMEI’s last digit is wrong: a typo? Type it again or scan it.',
      serial_required: 'Enter the serial number: it is on the device or its box.', serial_invalid: 'This serial number is not valid: type it again.',
    },
    binding: {
      no_tracking_number: 'Nothing was read: scan the label’s barcode again.', other_label: 'This is another parcel’s label: scan the label of this case.',
      carrier_unknown: 'Which carrier is this? Type the carrier’s name.', invalid_format: 'This is not a tracking number of this carrier: scan again.',
      check_digit: 'Misread: the check digit is wrong. Scan again, or type it carefully.',
    },
    quality: {
      too_dark: 'Too dark: turn the device towards the light or switch on the lamp, then retake.',
      too_bright: 'Too bright (glare): tilt the device away from the light, then retake.',
      blurred: 'Blurred: hold the device still, at a hand’s distance, then retake.',
    },
  },
}

const fr: typeof en = {
  photos: {
    shot: {
      screen_on: 'Écran allumé', screen_off: 'Écran éteint', back: 'Dos', left: 'Côté gauche', right: 'Côté droit', top: 'Tranche du haut', bottom: 'Tranche du bas',
      back_case: 'Coque arrière', left_open: 'Côté gauche (entrouvert)', right_open: 'Côté droit (entrouvert)', front_closed: 'Face avant (fermé)',
      back_closed: 'Face arrière (fermé)', strap_top: 'Attache du bracelet, en haut', strap_bottom: 'Attache du bracelet, en bas',
      side_1: 'Face 1', side_2: 'Face 2', side_3: 'Face 3', side_4: 'Face 4', side_5: 'Face 5', side_6: 'Face 6',
      side_7: 'Face 7', side_8: 'Face 8', side_9: 'Face 9', side_10: 'Face 10', side_11: 'Face 11', side_12: 'Face 12',
      packaging: 'L’emballage', shipping_label: 'L’étiquette d’expédition (numéro de suivi lisible)',
      damage_1: 'Dommage, photo 1', damage_2: 'Dommage, photo 2', damage_3: 'Dommage, photo 3', damage_4: 'Dommage, photo 4',
      damage_5: 'Dommage, photo 5', damage_6: 'Dommage, photo 6', damage_7: 'Dommage, photo 7', damage_8: 'Dommage, photo 8',
      package_inside: 'Colis ouvert : l’appareil bien calé', package_outside: 'Colis fermé : l’étiquette visible',
    },
  },
  packing: {
    item: {
      strong_box: 'Un carton solide, neuf, à double ou triple cannelure',
      wrapped_and_wedged: 'L’appareil emballé et calé : aucun espace vide',
      pressure_sensitive_tape: 'Du ruban adhésif sur chaque jointure et chaque coin',
      label_on_top: 'L’étiquette de retour sur le dessus, code-barres visible ; une étiquette de secours à l’intérieur',
      order_slip_inside: 'La fiche de commande à l’intérieur',
      original_packaging_kept: 'L’emballage d’origine endommagé conservé',
    },
    why: {
      strong_box: 'Un carton faible ou réutilisé cède dans les machines de tri du transporteur.',
      wrapped_and_wedged: 'Un appareil qui bouge dans le carton se casse pendant le transport.',
      pressure_sensitive_tape: 'Le film, le ruban de masquage ou la ficelle se décollent : le carton s’ouvre en route.',
      label_on_top: 'Le transporteur scanne le dessus du carton ; l’étiquette de secours sauve un colis dont l’étiquette extérieure est arrachée.',
      order_slip_inside: 'Le reconditionneur sait à qui est l’appareil et pourquoi il revient, même si l’étiquette est perdue.',
      original_packaging_kept: 'La réclamation auprès du transporteur exige l’emballage endommagé : gardez-le jusqu’au règlement.',
    },
  },
  intake: {
    verdict: { covered: 'Couvert', not_covered: 'Non couvert', needs_supervisor: 'Décision d’un responsable nécessaire' },
    window: { withdrawal: 'le délai de rétractation de 30 jours', warranty: 'la garantie', damaged_on_arrival: 'les 3 jours ouvrés pour signaler un dommage', trade_in: 'les 21 jours pour expédier une reprise', return_label: 'l’étiquette de retour' },
    reason: {
      within_window: 'Dans {window} : le dernier jour est le {deadline}.',
      window_passed: '{window} a pris fin le {deadline}.',
      delivery_date_unknown: 'La date de livraison est inconnue : décompte depuis la date de commande, le {orderDate}.',
      offer_date_unknown: 'La date de l’offre de reprise est inconnue : les 21 jours ne peuvent pas être comptés.',
      exclusion_observed: 'Non couvert par la garantie : {exclusion}.',
      condition_differs_from_assessment: 'Diffère de l’évaluation du client ({exclusion}) : le reconditionneur fera une contre-offre.',
      out_of_warranty_customer_pays_shipping: 'Non couvert : les frais de retour sont à la charge du client, pas du vendeur.',
      label_expired: 'L’étiquette de retour a expiré le {validUntil} : le colis doit avoir une nouvelle étiquette avant la remise.',
      supervisor_override: 'Un responsable a décidé : {verdict}.',
    },
    exclusion: {
      physical_damage: 'Dommage physique important (cassé, fissuré, bosselé)', liquid_damage: 'Oxydation ou dommage dû à un liquide',
      third_party_opened: 'Ouvert ou réparé par un tiers', abnormal_use: 'Utilisation anormale', negligence: 'Négligence',
      accident_after_delivery: 'Accident après la livraison (une chute)', normal_wear: 'Usure normale',
    },
    evidenceShot: {
      damage_closeup: 'Gros plan du dommage', damage_overview: 'Appareil entier, dommage visible', liquid_indicator: 'L’indicateur de liquide',
      opening_marks: 'Traces d’ouverture (vis, joints)', use_marks_closeup: 'Gros plan des traces d’usage', impact_closeup: 'Gros plan de l’impact', wear_closeup: 'Gros plan de l’usure',
    },
    skipReason: { device_dead: 'L’appareil ne s’allume pas', screen_broken: 'L’écran est cassé' },
    holdReason: {
      identity_mismatch: 'l’IMEI ou le numéro de série diffère de celui de la commande', eligibility_review: 'le verdict demande un responsable',
      device_locked: 'l’appareil est encore lié à un compte', exclusion_dispute: 'le client conteste une exclusion',
      label_expired: 'l’étiquette a expiré : en attente d’une nouvelle', waiting_for_customer: 'en attente du client', other: 'autre raison',
    },
    cancelReason: { customer_withdrew: 'Le client a repris l’appareil', refused: 'Le dossier ne peut pas être accepté', counteroffer_declined: 'Le client a refusé la contre-offre', duplicate_case: 'Dossier en double', other: 'Autre raison' },
    refusal: {
      not_eligible: 'Non accepté pour ce type de retour. Changez le type de dossier, demandez à un responsable, ou annulez le dossier.',
      device_locked: 'Refusé pour la reprise : l’appareil est encore lié à un compte. Le client doit s’en déconnecter (Localiser, Google…) avant la reprise.',
      under_18: 'Refusé pour la reprise : le client doit avoir 18 ans ou plus.',
      accessories_missing: 'Refusé pour la reprise : le chargeur et le câble sont obligatoires pour cet appareil.',
    },
    flag: {
      labelExpired: 'L’étiquette de retour a expiré : enregistrez une nouvelle étiquette avant la remise.',
      customerPaysShipping: 'Non couvert : les frais de retour sont à la charge du client, pas du vendeur.',
      refundDelayed: 'Encore lié à un compte : accepté, mais le remboursement sera retardé.',
      counteroffer: 'Diffère de l’évaluation : le reconditionneur fera une contre-offre.',
      pinDeclined: 'Pas de code de déverrouillage : la réparation peut être retardée.',
    },
    identityProblem: {
      imei_required: 'Saisissez l’IMEI : composez *#06# sur le téléphone, ou scannez le code-barres de la boîte.', imei_not_digits: 'Un IMEI ne contient que des chiffres : vérifiez la saisie.',
      imei_wrong_length: 'Un IMEI a 15 chiffres : vérifiez la saisie.', imei_check_digit: 'Le dernier chiffre de cet IMEI est faux : une faute de frappe ? Ressaisissez-le ou scannez-le.',
      serial_required: 'Saisissez le numéro de série : il figure sur l’appareil ou sa boîte.', serial_invalid: 'Ce numéro de série n’est pas valable : ressaisissez-le.',
    },
    binding: {
      no_tracking_number: 'Rien n’a été lu : scannez à nouveau le code-barres de l’étiquette.', other_label: 'C’est l’étiquette d’un autre colis : scannez celle de ce dossier.',
      carrier_unknown: 'Quel transporteur ? Saisissez son nom.', invalid_format: 'Ce n’est pas un numéro de suivi de ce transporteur : scannez à nouveau.',
      check_digit: 'Mauvaise lecture : la clé de contrôle est fausse. Scannez à nouveau, ou saisissez-le avec soin.',
    },
    quality: {
      too_dark: 'Trop sombre : tournez l’appareil vers la lumière ou allumez la lampe, puis reprenez la photo.',
      too_bright: 'Trop lumineux (reflet) : inclinez l’appareil pour éviter la lumière directe, puis reprenez la photo.',
      blurred: 'Flou : tenez l’appareil immobile, à une main de distance, puis reprenez la photo.',
    },
  },
}

export default { en, fr }
