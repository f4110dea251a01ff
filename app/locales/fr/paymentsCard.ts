// Card payments (Stripe Checkout): the return and cancel pages, the refund email, the errors.
export const paymentsCard = {
  'paymentsCard.error.unavailable': 'Le paiement par carte n’est pas disponible.',
  'paymentsCard.error.notOpen': 'Ce paiement n’est plus en attente : la réservation a expiré, a été annulée ou est déjà payée.',
  'paymentsCard.error.stripe': 'Le service de paiement ne répond pas. Réessayez dans un instant.',
  'paymentsCard.error.intent': 'Choisissez de reprendre le paiement, de payer par virement ou de libérer la place.',
  'paymentsCard.title': 'Paiement de votre inscription',
  'paymentsCard.amount': 'Montant : {amount}',
  'paymentsCard.reference': 'Référence : {reference}',
  'paymentsCard.return.paid.heading': 'Paiement reçu : inscription confirmée',
  'paymentsCard.return.paid.body':
    'Merci ! Votre inscription est confirmée. Vous allez recevoir un e-mail avec votre billet (QR code), le fichier pour votre agenda et le lien vers votre reçu.',
  'paymentsCard.return.processing.heading': 'Paiement en cours de vérification',
  'paymentsCard.return.processing.body':
    'Stripe n’a pas encore confirmé votre paiement. Cette page se met à jour toute seule ; vous recevrez aussi un e-mail dès la confirmation.',
  'paymentsCard.return.refresh': 'Actualiser',
  'paymentsCard.return.seatLost.heading': 'Paiement reçu, mais la place n’est plus disponible',
  'paymentsCard.return.seatLost.body':
    'Votre réservation avait expiré avant la fin du paiement et la place a été prise entre-temps. Nous vous remboursons intégralement ({amount}) ; vous recevrez un e-mail.',
  'paymentsCard.return.closed.heading': 'Le paiement n’a pas abouti',
  'paymentsCard.return.closed.body':
    'Votre réservation a expiré ou a été annulée. Vous pouvez vous inscrire à nouveau s’il reste des places.',
  'paymentsCard.event.link': 'Voir l’événement',
  'paymentsCard.cancel.heading': 'Paiement non effectué',
  'paymentsCard.cancel.held': 'Votre place reste réservée jusqu’à {time}. Passé ce délai, elle sera proposée à d’autres personnes.',
  'paymentsCard.cancel.retry': 'Reprendre le paiement par carte',
  'paymentsCard.cancel.transfer': 'Payer plutôt par virement',
  'paymentsCard.cancel.transferHelp':
    'Vous recevrez par e-mail le montant, la référence et les coordonnées bancaires ; votre place reste réservée jusqu’au paiement.',
  'paymentsCard.cancel.release': 'Annuler ma réservation',
  'paymentsCard.cancel.releaseHelp': 'Votre place est libérée tout de suite pour d’autres personnes.',
  'paymentsCard.cancel.released.heading': 'Réservation annulée',
  'paymentsCard.cancel.released.body': 'Votre réservation est annulée et la place libérée. Aucun paiement n’a été effectué.',
  'paymentsCard.cancel.paid.heading': 'Paiement déjà reçu',
  'paymentsCard.cancel.paid.body': 'Ce paiement a déjà été effectué : votre inscription est confirmée.',
  'paymentsCard.cancel.transferChosen': 'C’est noté : vous allez recevoir par e-mail les informations pour payer par virement.',
  'email.refund.succeeded.subject': 'Remboursement effectué : {title}',
  'email.refund.succeeded.heading': 'Votre remboursement est en route',
  'email.refund.succeeded.body':
    'Nous vous avons remboursé {amount} pour votre inscription (référence {reference}). Selon votre banque, il apparaît sur votre compte sous 5 à 10 jours.',
  'email.refund.fee': 'Des frais d’annulation de {fee} ont été retenus, selon les conditions de l’événement.',
  'email.refund.failed.subject': 'Remboursement à régulariser : {title}',
  'email.refund.failed.heading': 'Votre remboursement n’a pas pu être effectué',
  'email.refund.failed.body':
    'Le remboursement de {amount} (référence {reference}) n’a pas pu être fait automatiquement. L’équipe organisatrice en est informée et reviendra vers vous pour le régulariser.',
}
