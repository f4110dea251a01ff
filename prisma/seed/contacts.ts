// Demo contacts: about 150 people CRESS Occitanie writes to — staff of the EPCI (communautés de
// communes, d'agglomération, métropoles) of Occitanie, élus, member organisations (associations,
// SCOP, SCIC, mutuelles, fondations, ESUS) and partners, a few of them in English. The EPCI
// are real public bodies; every person is invented and every address uses the .example domain.
// Deterministic: the same list every time (no randomness), and loading twice changes nothing.
import type { Tx } from '#app/db.server.ts'
import { contactSearchText } from '#app/modules/contacts/schema.ts'

const ORGANISATION = 'cress-occitanie'

type DemoContact = {
  email: string
  firstName: string
  lastName: string
  structure: string
  profile: string
  departement: string
  locale: 'fr' | 'en'
  tags: string[]
}

const FIRST = [
  'Hélène',
  'Julien',
  'Inès',
  'Mathieu',
  'Claire',
  'Karim',
  'Sophie',
  'Laurent',
  'Nadia',
  'Olivier',
  'Camille',
  'Thomas',
  'Émilie',
  'Yacine',
  'Marion',
  'Pierre',
  'Aurélie',
  'Nicolas',
  'Léa',
  'Sébastien',
  'Fatima',
  'Jérôme',
  'Élodie',
  'Antoine',
  'Sandrine',
  'Rémi',
  'Chloé',
  'Mehdi',
  'Anaïs',
  'François',
  'Céline',
  'Guilhem',
  'Manon',
  'Bruno',
  'Nathalie',
  'Joan',
]
const LAST = [
  'Castan',
  'Sabatier',
  'Bousquet',
  'Fabre',
  'Delmas',
  'Benali',
  'Roux',
  'Vidal',
  'Maury',
  'Cazals',
  'Estève',
  'Marty',
  'Pujol',
  'Carrère',
  'Bonnet',
  'Garcia',
  'Lacombe',
  'Rouquette',
  'Azéma',
  'Bringuier',
  'Soulié',
  'Teisseire',
  'Vergnes',
  'Calvet',
  'Farré',
  'Mas',
  'Batlle',
  'Gleizes',
  'Alary',
  'Ourliac',
  'Durand',
  'Nogaret',
  'Salvan',
  'Pagès',
  'Costes',
  'Trouvé',
  'Bénézech',
]

/** EPCI of Occitanie with their département. */
const EPCI: [name: string, departement: string][] = [
  ['Toulouse Métropole', '31'],
  ['Montpellier Méditerranée Métropole', '34'],
  ['Perpignan Méditerranée Métropole', '66'],
  ['Nîmes Métropole', '30'],
  ['Communauté d’agglomération du Grand Narbonne', '11'],
  ['Carcassonne Agglo', '11'],
  ['Alès Agglomération', '30'],
  ['Communauté d’agglomération de l’Albigeois', '81'],
  ['Communauté d’agglomération de Castres-Mazamet', '81'],
  ['Gaillac-Graulhet Agglo', '81'],
  ['Grand Montauban', '82'],
  ['Grand Auch Cœur de Gascogne', '32'],
  ['Communauté d’agglomération Tarbes-Lourdes-Pyrénées', '65'],
  ['Rodez Agglomération', '12'],
  ['Communauté de communes de Millau Grands Causses', '12'],
  ['Grand Cahors', '46'],
  ['Grand-Figeac', '46'],
  ['Communauté d’agglomération Pays Foix-Varilhes', '09'],
  ['Communauté de communes du Pays de Mirepoix', '09'],
  ['Communauté de communes Cœur de Lozère', '48'],
  ['Sète Agglopôle Méditerranée', '34'],
  ['Béziers Méditerranée', '34'],
  ['Hérault Méditerranée', '34'],
  ['Le Muretain Agglo', '31'],
  ['Sicoval', '31'],
  ['Communauté de communes Conflent Canigó', '66'],
  ['Communauté de communes du Clermontais', '34'],
  ['Communauté de communes Lodévois et Larzac', '34'],
  ['Communauté de communes Aubrac, Carladez et Viadène', '12'],
  ['Communauté de communes Astarac Arros en Gascogne', '32'],
]

/** Member organisations: name, profile, département, extra tags. */
const MEMBERS: [name: string, profile: string, departement: string, tags: string[]][] = [
  ['Recyclerie du Lauragais', 'association', '31', ['économie circulaire']],
  ['SCOP Ekilibre', 'cooperative', '31', []],
  ['SCIC Enercoop Midi-Pyrénées', 'cooperative', '31', ['transition énergétique']],
  ['Mutuelle solidaire d’Occitanie', 'mutuelle', '34', []],
  ['Jardins de Cocagne de Gignac', 'association', '34', ['insertion']],
  ['SCOP Les Copains d’Abord', 'cooperative', '34', []],
  ['Fondation Partage et Vie', 'fondation', '30', []],
  ['Épicerie solidaire du Piémont cévenol', 'association', '30', ['alimentation']],
  ['SCIC Ardoise', 'cooperative', '11', []],
  ['Atelier vélo participatif de Carcassonne', 'association', '11', ['mobilité']],
  ['ESUS Terres de Liens Occitanie', 'esus', '81', []],
  ['Association Les Petits Débrouillards Occitanie', 'association', '31', ['éducation populaire']],
  ['SCOP Alternatives Paysannes', 'cooperative', '32', []],
  ['Régie de quartier de Montpellier Nord', 'association', '34', ['insertion']],
  ['CAE Coopérer pour entreprendre Aveyron', 'cooperative', '12', []],
  ['Mutuelle des Pyrénées', 'mutuelle', '65', []],
  ['Ressourcerie de la Vallée du Lot', 'association', '46', ['économie circulaire']],
  ['SCIC Bois Énergie Lozère', 'cooperative', '48', ['transition énergétique']],
  ['Tiers-lieu La Fabrique de Foix', 'association', '09', ['tiers-lieux']],
  ['SCOP Catalane de construction', 'cooperative', '66', []],
  ['Entreprise d’insertion Tarn Environnement', 'esus', '81', ['insertion']],
  ['Association Habitat et Humanisme Montauban', 'association', '82', ['logement']],
  ['SCIC Le Grenier de Gascogne', 'cooperative', '32', ['alimentation']],
  ['Fondation du Languedoc pour l’emploi', 'fondation', '34', []],
  ['Association Culture du Cœur Haute-Garonne', 'association', '31', ['culture']],
  ['SCOP Imprimerie du Rouergue', 'cooperative', '12', []],
  ['Mutuelle Entrain Occitanie', 'mutuelle', '31', []],
  ['Ferme pédagogique du Larzac', 'association', '12', ['éducation populaire']],
  ['SCIC Mobilités rurales du Gers', 'cooperative', '32', ['mobilité']],
  ['Association d’aide à domicile Ariège Solidarité', 'association', '09', ['services à la personne']],
]

/** Partners: name, profile, département, locale. */
const PARTNERS: [name: string, profile: string, departement: string, locale: 'fr' | 'en'][] = [
  ['France Active Occitanie', 'financeur', '31', 'fr'],
  ['Banque des Territoires Occitanie', 'financeur', '34', 'fr'],
  ['Crédit Coopératif Toulouse', 'financeur', '31', 'fr'],
  ['AD’OCC', 'financeur', '34', 'fr'],
  ['DREETS Occitanie', 'etat', '31', 'fr'],
  ['Région Occitanie — direction de l’ESS', 'collectivite', '31', 'fr'],
  ['Université Toulouse Capitole — chaire ESS', 'autre', '31', 'fr'],
  ['Université Paul-Valéry Montpellier 3', 'autre', '34', 'fr'],
  ['URSCOP Occitanie', 'cooperative', '31', 'fr'],
  ['Le Mouvement associatif Occitanie', 'association', '34', 'fr'],
  ['Xarxa d’Economia Solidària de Catalunya', 'autre', '66', 'en'],
  ['RIPESS Europe', 'autre', '31', 'en'],
  ['Social Economy Europe', 'autre', '34', 'en'],
  ['Euclid Network', 'autre', '31', 'en'],
  ['Mondragon Team Academy', 'cooperative', '66', 'en'],
]

const ELU_ROLES = ['Mairie de', 'Conseil municipal de']
const ELU_TOWNS: [town: string, departement: string][] = [
  ['Foix', '09'],
  ['Pamiers', '09'],
  ['Castelnaudary', '11'],
  ['Limoux', '11'],
  ['Millau', '12'],
  ['Villefranche-de-Rouergue', '12'],
  ['Uzès', '30'],
  ['Le Vigan', '30'],
  ['Colomiers', '31'],
  ['Saint-Gaudens', '31'],
  ['Condom', '32'],
  ['Lodève', '34'],
  ['Lunel', '34'],
  ['Figeac', '46'],
  ['Mende', '48'],
  ['Bagnères-de-Bigorre', '65'],
  ['Prades', '66'],
  ['Céret', '66'],
  ['Castres', '81'],
  ['Moissac', '82'],
]

const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40)

/** The demo list, the same on every call. */
export function demoContacts(): DemoContact[] {
  const out: DemoContact[] = []
  const used = new Set<string>()
  let n = 0
  const add = (c: Omit<DemoContact, 'email' | 'firstName' | 'lastName'>, domain: string) => {
    const firstName = FIRST[(n * 7) % FIRST.length]!
    const lastName = LAST[(n * 11 + 3) % LAST.length]!
    n++
    let email = `${slug(firstName)}.${slug(lastName)}@${domain}.example`
    for (let k = 2; used.has(email); k++) email = `${slug(firstName)}.${slug(lastName)}${k}@${domain}.example`
    used.add(email)
    out.push({ email, firstName, lastName, ...c })
  }
  // EPCI: two people each (the ESS / economic development officer and the director).
  for (const [name, departement] of EPCI) {
    for (let i = 0; i < 2; i++) add({ structure: name, profile: 'collectivite', departement, locale: 'fr', tags: ['epci'] }, slug(name))
  }
  // Élus: the ESS vice-presidents of twelve EPCI, and twenty mayors and councillors.
  for (const [name, departement] of EPCI.slice(0, 12))
    add({ structure: name, profile: 'elu', departement, locale: 'fr', tags: ['élus', 'epci'] }, slug(name))
  for (const [i, [town, departement]] of ELU_TOWNS.entries()) {
    const role = ELU_ROLES[i % ELU_ROLES.length]!
    add({ structure: `${role} ${town}`, profile: 'elu', departement, locale: 'fr', tags: ['élus'] }, slug(town))
  }
  // Members: two people for each organisation.
  for (const [name, profile, departement, tags] of MEMBERS) {
    for (let i = 0; i < 2; i++) add({ structure: name, profile, departement, locale: 'fr', tags: ['adhérents', ...tags] }, slug(name))
  }
  // Partners: one or two people each; the European networks write in English.
  for (const [i, [name, profile, departement, locale]] of PARTNERS.entries()) {
    const count = i < 8 ? 2 : 1
    for (let k = 0; k < count; k++) add({ structure: name, profile, departement, locale, tags: ['partenaires'] }, slug(name))
  }
  return out
}

/** Loads the demo contacts of CRESS Occitanie once; does nothing when it already has contacts. */
export async function seedDemoContacts(db: Tx): Promise<{ seeded: boolean; contacts: number }> {
  const organisation = await db.organisation.findUnique({ where: { slug: ORGANISATION }, select: { id: true } })
  if (!organisation) return { seeded: false, contacts: 0 }
  if ((await db.contact.count({ where: { organisationId: organisation.id } })) > 0) return { seeded: false, contacts: 0 }
  const contacts = demoContacts()
  await db.contact.createMany({
    data: contacts.map((c) => ({
      organisationId: organisation.id,
      email: c.email,
      firstName: c.firstName,
      lastName: c.lastName,
      structure: c.structure,
      profile: c.profile,
      departement: c.departement,
      locale: c.locale,
      tags: JSON.stringify(c.tags),
      source: 'import',
      searchText: contactSearchText(c),
    })),
  })
  return { seeded: true, contacts: contacts.length }
}
