import type { paymentsCard as fr } from '../fr/paymentsCard.ts'

// Card payments (Stripe Checkout): the return and cancel pages, the refund email, the errors.
export const paymentsCard: Record<keyof typeof fr, string> = {
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
}
