import type { links as fr } from '../fr/links.ts'

// Personal links (the /r/<token> pages): asking for a new link, and the page of a link that was replaced.
export const links: Record<keyof typeof fr, string> = {
  'links.newLink.title': 'My personal link',
  'links.newLink.intro':
    'Did you forward one of our emails or show this page to someone? Get a new link: it will be emailed to you, and every earlier link, those in your older emails included, will stop working.',
  'links.newLink.submit': 'Get a new link',
  'links.error.tooManyNewLinks':
    'You have already asked for several new links recently: look in your inbox (and your spam folder), or try again in {minutes, plural, one {# minute} other {# minutes}}.',
  'links.toast.rotated': 'A new link has been sent to {sentTo}. The old links no longer work.',
  'links.replaced.pageTitle': 'Link replaced',
  'links.replaced.title': 'This link has been replaced',
  'links.replaced.body':
    'This link to the registration for “{event}” has been replaced by a newer one, at the registered person’s request: it no longer opens the registration.',
  'links.replaced.where':
    'The current link was sent to {sentTo}. Can’t find it? We can send it again to that address, and only to that one.',
  'links.replaced.resend': 'Email the current link again',
  'links.replaced.sent':
    'Sent: a personal link is on its way to {sentTo}. It may take a few minutes to arrive; check your spam folder too.',
  'links.replaced.tooSoon':
    'A link was already sent to {sentTo} less than 5 minutes ago. Give it a few minutes (check your spam folder too) before asking again.',
  'links.replaced.home': 'Go to the home page',
}
