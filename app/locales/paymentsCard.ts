// Card payments (Stripe Checkout): the return and cancel pages, the refund email, the errors.
import { defineMessages } from './define.ts'

export const paymentsCard = defineMessages(
  {
    'paymentsCard.error.unavailable': 'Le paiement par carte n’est pas disponible.',
    'paymentsCard.error.notOpen': 'Ce paiement n’est plus en attente : la réservation a expiré, a été annulée ou est déjà payée.',
    'paymentsCard.error.stripe': 'Le service de paiement ne répond pas. Réessayez dans un instant.',
    'paymentsCard.error.intent': 'Choisissez de reprendre le paiement, de payer par virement ou de libérer la place.',
    'paymentsCard.title': 'Paiement de votre inscription',
    'paymentsCard.amount': 'Montant : {amount}',
    'paymentsCard.reference': 'Référence : {reference}',
    'paymentsCard.return.paid.heading': 'Paiement reçu : inscription confirmée',
    'paymentsCard.return.paid.body':
      'Merci ! Votre inscription est confirmée. Vous allez recevoir un e-mail avec votre billet (QR code), le fichier pour votre agenda et le lien vers votre reçu.',
    'paymentsCard.return.processing.heading': 'Paiement en cours de vérification',
    'paymentsCard.return.processing.body':
      'Stripe n’a pas encore confirmé votre paiement. Cette page se met à jour toute seule ; vous recevrez aussi un e-mail dès la confirmation.',
    'paymentsCard.return.refresh': 'Actualiser',
    'paymentsCard.return.seatLost.heading': 'Paiement reçu, mais la place n’est plus disponible',
    'paymentsCard.return.seatLost.body':
      'Votre réservation avait expiré avant la fin du paiement et la place a été prise entre-temps. Nous vous remboursons intégralement ({amount}) ; vous recevrez un e-mail.',
    'paymentsCard.return.closed.heading': 'Le paiement n’a pas abouti',
    'paymentsCard.return.closed.body':
      'Votre réservation a expiré ou a été annulée. Vous pouvez vous inscrire à nouveau s’il reste des places.',
    'paymentsCard.event.link': 'Voir l’événement',
    'paymentsCard.cancel.heading': 'Paiement non effectué',
    'paymentsCard.cancel.held': 'Votre place reste réservée jusqu’à {time}. Passé ce délai, elle sera proposée à d’autres personnes.',
    'paymentsCard.cancel.retry': 'Reprendre le paiement par carte',
    'paymentsCard.cancel.transfer': 'Payer plutôt par virement',
    'paymentsCard.cancel.transferHelp':
      'Vous recevrez par e-mail le montant, la référence et les coordonnées bancaires ; votre place reste réservée jusqu’au paiement.',
    'paymentsCard.cancel.release': 'Annuler ma réservation',
    'paymentsCard.cancel.releaseHelp': 'Votre place est libérée tout de suite pour d’autres personnes.',
    'paymentsCard.cancel.released.heading': 'Réservation annulée',
    'paymentsCard.cancel.released.body': 'Votre réservation est annulée et la place libérée. Aucun paiement n’a été effectué.',
    'paymentsCard.cancel.paid.heading': 'Paiement déjà reçu',
    'paymentsCard.cancel.paid.body': 'Ce paiement a déjà été effectué : votre inscription est confirmée.',
    'paymentsCard.cancel.transferChosen': 'C’est noté : vous allez recevoir par e-mail les informations pour payer par virement.',
    'email.refund.succeeded.subject': 'Remboursement effectué : {title}',
    'email.refund.succeeded.heading': 'Votre remboursement est en route',
    'email.refund.succeeded.body':
      'Nous vous avons remboursé {amount} pour votre inscription (référence {reference}). Selon votre banque, il apparaît sur votre compte sous 5 à 10 jours.',
    'email.refund.fee': 'Des frais d’annulation de {fee} ont été retenus, selon les conditions de l’événement.',
    'email.refund.failed.subject': 'Remboursement à régulariser : {title}',
    'email.refund.failed.heading': 'Votre remboursement n’a pas pu être effectué',
    'email.refund.failed.body':
      'Le remboursement de {amount} (référence {reference}) n’a pas pu être fait automatiquement. L’équipe organisatrice en est informée et reviendra vers vous pour le régulariser.',
  },
  {
    'paymentsCard.error.unavailable': 'Card payment is not available.',
    'paymentsCard.error.notOpen': 'This payment is no longer pending: the hold expired, was cancelled or is already paid.',
    'paymentsCard.error.stripe': 'The payment service is not answering. Please try again in a moment.',
    'paymentsCard.error.intent': 'Choose to resume the payment, to pay by transfer or to give the seat back.',
    'paymentsCard.title': 'Paying for your registration',
    'paymentsCard.amount': 'Amount: {amount}',
    'paymentsCard.reference': 'Reference: {reference}',
    'paymentsCard.return.paid.heading': 'Payment received: registration confirmed',
    'paymentsCard.return.paid.body':
      'Thank you! Your registration is confirmed. You will receive an email with your ticket (QR code), the calendar file and the link to your receipt.',
    'paymentsCard.return.processing.heading': 'Payment being checked',
    'paymentsCard.return.processing.body':
      'Stripe has not confirmed your payment yet. This page updates itself; you will also get an email as soon as it is confirmed.',
    'paymentsCard.return.refresh': 'Refresh',
    'paymentsCard.return.seatLost.heading': 'Payment received, but the seat is no longer available',
    'paymentsCard.return.seatLost.body':
      'Your hold expired before the payment was completed and the seat was taken meanwhile. We are refunding you in full ({amount}); you will receive an email.',
    'paymentsCard.return.closed.heading': 'The payment did not go through',
    'paymentsCard.return.closed.body': 'Your hold expired or was cancelled. You can register again if seats are left.',
    'paymentsCard.event.link': 'See the event',
    'paymentsCard.cancel.heading': 'Payment not made',
    'paymentsCard.cancel.held': 'Your seat is held until {time}. After that, it will be offered to other people.',
    'paymentsCard.cancel.retry': 'Resume card payment',
    'paymentsCard.cancel.transfer': 'Pay by bank transfer instead',
    'paymentsCard.cancel.transferHelp':
      'You will receive the amount, the reference and the bank details by email; your seat stays held until payment.',
    'paymentsCard.cancel.release': 'Cancel my hold',
    'paymentsCard.cancel.releaseHelp': 'Your seat is freed at once for other people.',
    'paymentsCard.cancel.released.heading': 'Hold cancelled',
    'paymentsCard.cancel.released.body': 'Your hold is cancelled and the seat freed. No payment was made.',
    'paymentsCard.cancel.paid.heading': 'Payment already received',
    'paymentsCard.cancel.paid.body': 'This payment has already been made: your registration is confirmed.',
    'paymentsCard.cancel.transferChosen': 'Noted: you will receive the details to pay by bank transfer by email.',
    'email.refund.succeeded.subject': 'Refund made: {title}',
    'email.refund.succeeded.heading': 'Your refund is on its way',
    'email.refund.succeeded.body':
      'We have refunded you {amount} for your registration (reference {reference}). Depending on your bank, it shows on your account within 5 to 10 days.',
    'email.refund.fee': 'A cancellation fee of {fee} was kept, as the event’s terms say.',
    'email.refund.failed.subject': 'Refund to be settled: {title}',
    'email.refund.failed.heading': 'Your refund could not be made',
    'email.refund.failed.body':
      'The refund of {amount} (reference {reference}) could not be made automatically. The organising team has been told and will contact you to settle it.',
  },
)
