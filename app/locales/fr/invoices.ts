// Invoices and credit notes on the organisers' side: the list of a period and its exports.
export const invoices = {
  'invoices.title': 'Factures et avoirs',
  'invoices.intro':
    'Les factures sont émises à la commande pour les paiements par virement ou mandat administratif, et les avoirs à l’annulation ou au remboursement. Aucune n’est jamais supprimée ni renumérotée.',
  'invoices.period': 'Période',
  'invoices.from': 'Du',
  'invoices.to': 'Au (inclus)',
  'invoices.show': 'Afficher',
  'invoices.exportZip': 'Exporter (PDF Factur-X + XML, zip)',
  'invoices.exportCsv': 'Journal CSV',
  'invoices.count':
    '{count, plural, =0 {Aucun document sur la période} one {# document sur la période} other {# documents sur la période}}',
  'invoices.col.number': 'Numéro',
  'invoices.col.date': 'Date',
  'invoices.col.buyer': 'Acheteur',
  'invoices.col.total': 'TTC',
  'invoices.col.status': 'Statut',
  'invoices.col.pdf': 'PDF',
  'invoices.kind.invoice': 'Facture',
  'invoices.kind.credit_note': 'Avoir',
  'invoices.status.paid': 'Acquittée le {date}',
  'invoices.status.due': 'À payer avant le {date}',
  'invoices.status.credit': 'Avoir sur {number}',
  'invoices.download': 'Télécharger {number}',
  'invoices.error.period': 'Indiquez une période valide (au plus un an).',
}
