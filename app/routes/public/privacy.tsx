import { TextPage } from '#app/ui/text-page.tsx'

export default function Privacy() {
  return <TextPage title="privacy.title" paragraphs={['privacy.intro', 'privacy.rights', 'privacy.cookies']} />
}
