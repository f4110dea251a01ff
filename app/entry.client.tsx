// The browser's entry: fetch the page's language catalogue (and only that one), then hydrate.
import { RemixBrowser } from '@remix-run/react'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { loadCatalogue } from '#catalogues'

const locale = document.documentElement.lang === 'en' ? 'en' : 'fr'

void loadCatalogue(locale).then(() => {
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    )
  })
})
