import { TextPage } from '#app/ui/text-page.tsx'

export default function Legal() {
  return <TextPage title="legal.title" paragraphs={['legal.body']} />
}
