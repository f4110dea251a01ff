import { TextPage } from '#app/ui/text-page.tsx'

export default function Accessibility() {
  return <TextPage title="accessibility.title" paragraphs={['accessibility.body']} />
}
