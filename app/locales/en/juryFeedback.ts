// Feedback to nominees: shared comments, the organisers' sending page, the email, the link page.
import type { juryFeedback as fr } from '../fr/juryFeedback.ts'

export const juryFeedback: Record<keyof typeof fr, string> = {
  'juryFeedback.title': 'Feedback to nominees',
  'juryFeedback.nav': 'Feedback to nominees',
  'juryFeedback.intro':
    'Each nominee receives their mean per criterion, their category’s range and the jurors’ comments you choose to share, without the jurors’ names.',
  'juryFeedback.notPublished': 'Feedback can be sent once the results are published.',
  'juryFeedback.send': 'Send the feedback',
  'juryFeedback.sentToast': 'Feedback sent.',
  'juryFeedback.sharedToast': 'Sharing choice saved.',
  'juryFeedback.sentAt': 'Feedback sent on {date}',
  'juryFeedback.notSent': 'Not sent yet',
  'juryFeedback.share': 'Share with the nominee',
  'juryFeedback.unshare': 'Stop sharing',
  'juryFeedback.shared': 'Shared',
  'juryFeedback.noComments': 'No comment from the jury.',
  'juryFeedback.error.notPublished': 'The results are not published yet.',
  'juryFeedback.criterion': 'Criterion',
  'juryFeedback.mean': 'Your mean',
  'juryFeedback.range': 'Category range',
  'juryFeedback.rangeValue': '{min} to {max}',
  'juryFeedback.comments': 'The jury’s comments',
  'juryFeedback.link.title': 'The jury’s feedback',
  'juryFeedback.link.intro': 'Sent on {date}.',
  'email.juryFeedback.subject': 'The jury’s feedback: {title}',
  'email.juryFeedback.intro': 'Here is the jury’s feedback on the nomination of {structure} in the “{category}” category.',
  'email.juryFeedback.criterion': '{name}: {mean} (category: {min} to {max})',
  'email.juryFeedback.comments': 'The jury’s comments:',
  'email.juryFeedback.noComments': 'The jury left no comment to share.',
  'email.juryFeedback.thanks': 'Thank you for your nomination. The {organisation} team',
}
