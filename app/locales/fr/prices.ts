// Prices on the public pages: the summary on cards and the « Tarifs » block of the event page.
export const prices = {
  'public.price.free': 'Gratuit',
  'public.price.single': '{price}',
  'public.price.range': '{min} – {max}',
  'public.price.from': 'Gratuit ou à partir de {price}',
  'public.price.title': 'Tarifs',
  'public.price.label': 'Tarif',
  'public.price.ticketFree': 'Gratuit',
  'public.price.soldOut': 'Complet',
  'public.price.soldOutOnCard': 'Complet : {names}',
}
