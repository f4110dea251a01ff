// Prices on the public pages: the summary on cards and the "Prices" block of the event page.
export const prices = {
  'public.price.free': 'Free',
  'public.price.single': '{price}',
  'public.price.range': '{min} – {max}',
  'public.price.from': 'Free or from {price}',
  'public.price.title': 'Prices',
  'public.price.label': 'Price',
  'public.price.ticketFree': 'Free',
  'public.price.soldOut': 'Sold out',
  'public.price.soldOutOnCard': 'Sold out: {names}',
}
