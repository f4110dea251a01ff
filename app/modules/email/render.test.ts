import { render } from '@react-email/render'
import { createElement } from 'react'
import { describe, expect, test } from 'vitest'
import { EmailRenderError, renderEmail, renderStoredEmail } from './render.server.ts'

const url = 'https://essor.example/auth/link?token=abc123&next=%2Faccount'
const props = { url, expiresInMinutes: 15 }

describe('sign-in-link email', () => {
  test('French: subject, HTML and text in French, with the link', async () => {
    const email = await renderEmail('sign-in-link', props, 'fr')
    expect(email.subject).toBe('Votre lien de connexion à Essor')
    expect(email.html).toContain('lang="fr"')
    expect(email.html).toContain('Se connecter')
    expect(email.html).toContain('Ce lien est valable 15 minutes.')
    expect(email.html).toContain(`href="${url.replace('&', '&amp;')}"`)
    expect(email.html).not.toContain('Sign in')
    expect(email.text).toContain('Ce lien est valable 15 minutes.')
    expect(email.text).toContain('Si vous n’avez pas demandé à vous connecter, ignorez ce message')
    expect(email.text).toContain(url)
    expect(email.text).toContain('Message envoyé par Essor.')
    expect(email.text).not.toContain('<')
  })

  test('English: subject, HTML and text in English, with the link', async () => {
    const email = await renderEmail('sign-in-link', props, 'en')
    expect(email.subject).toBe('Your sign-in link for Essor')
    expect(email.html).toContain('lang="en"')
    expect(email.html).toContain('Sign in')
    expect(email.html).toContain('This link is valid for 15 minutes.')
    expect(email.html).not.toContain('Se connecter')
    expect(email.text).toContain('If you did not ask to sign in, ignore this message')
    expect(email.text).toContain(url)
    expect(email.text).toContain('Message sent by Essor.')
  })

  test('a stored message renders in its recipient language; unknown templates and bad props are refused', async () => {
    const stored = await renderStoredEmail({ template: 'sign-in-link', payload: JSON.stringify(props), locale: 'en' })
    expect(stored.subject).toBe('Your sign-in link for Essor')
    const unknownLocale = await renderStoredEmail({ template: 'sign-in-link', payload: JSON.stringify(props), locale: 'de' })
    expect(unknownLocale.subject).toBe('Votre lien de connexion à Essor')
    await expect(renderStoredEmail({ template: 'nope', payload: '{}', locale: 'fr' })).rejects.toThrow(EmailRenderError)
    await expect(renderStoredEmail({ template: 'sign-in-link', payload: '{', locale: 'fr' })).rejects.toThrow(EmailRenderError)
  })

  test('the text part is the one React Email derives from a second render (converter compiled once)', async () => {
    const { templates } = await import('#emails/index.ts')
    const element = createElement(templates['sign-in-link'].component, { ...props, locale: 'fr' as const })
    const email = await renderEmail('sign-in-link', props, 'fr')
    expect(email.text).toBe(await render(element, { plainText: true }))
  })
})

describe('event dates in emails', () => {
  const event = {
    slug: 'rencontres',
    title: 'Rencontres de l’ESS',
    startsAt: '2027-02-04T08:00:00.000Z',
    endsAt: '2027-02-04T16:30:00.000Z',
    timeZone: 'Europe/Paris',
    venue: 'Hôtel de Région',
    onlineUrl: null,
  }
  const ticket = {
    event,
    firstName: 'Camille',
    manageUrl: 'https://essor.example/r/abc',
    ticketCode: 'ESS-7K3F9Q2M',
    registrationId: 'reg1',
  }
  const oneSpace = (text: string) => text.replace(/[\s\u202f\u2009]+/g, ' ')

  test('a one-day event reads as on its public page: the day once, then the hours', async () => {
    const fr = await renderEmail('registration-confirmed', ticket, 'fr')
    expect(oneSpace(fr.text)).toContain('jeudi 4 février 2027, 9 h – 17 h 30')
    expect(oneSpace(fr.text)).not.toMatch(/2027.*2027/)
    const en = await renderEmail('registration-confirmed', ticket, 'en')
    expect(oneSpace(en.text)).toContain('Thursday, 4 February 2027, 09:00–17:30')
  })
})
