// Demo events: the regional ESS conferences and the YESS Académie of the press releases in
// shared/seeds, with programmes, questions and a few hundred registrations, so every screen
// (lists, waiting list, workshops, check-in, statistics) has something true-to-life to show.
// Rows are written with createMany and the seat counters are computed here, so they equal the
// seat-holding registrations exactly. No email is written to the outbox: nobody registered.
// Every person is invented; emails use the reserved .example domain.
import { createHash, randomBytes } from 'node:crypto'
import type { Tx } from '#app/db.server.ts'
import { searchTextOf } from '#app/modules/registrations/rules.ts'
import { applicationOf, demoComments, type ApplicationFields } from './applications.ts'
import type { Profile } from '#app/shared/profiles.ts'
import { DEFAULT_TIME_ZONE, parseLocalDateTime } from '#app/shared/time.ts'

const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR
const BATCH = 200

/** A UTC instant from a wall-clock time in Paris, summer or winter time as on that day. */
function paris(date: string, time: string) {
  const instant = parseLocalDateTime(`${date}T${time}`, DEFAULT_TIME_ZONE)
  if (!instant) throw new Error(`Not a date: ${date} ${time}`)
  return instant
}

// ---------------------------------------------------------------------------------------------
// Deterministic choices (the same demo on every installation); secrets stay truly random.

function rngFrom(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
type Rng = () => number

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)]!
}

function weighted<T extends string>(rng: Rng, weights: Partial<Record<T, number>>): T {
  const entries = Object.entries(weights) as [T, number][]
  let roll = rng() * entries.reduce((sum, [, w]) => sum + w, 0)
  for (const [value, w] of entries) {
    roll -= w
    if (roll < 0) return value
  }
  return entries[entries.length - 1]![0]
}

function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1))
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
const usedCodes = new Set<string>()

function ticketCode() {
  for (;;) {
    const code = [...randomBytes(10)].map((b) => BASE32[b & 31]).join('')
    if (!usedCodes.has(code)) {
      usedCodes.add(code)
      return code
    }
  }
}

/** The hash of a manage token nobody knows: demo registrants get a new link on request. */
function unusableManageTokenHash() {
  return createHash('sha256').update(randomBytes(32)).digest('hex')
}

function newId() {
  // cuid-like: a letter then 24 base-36 characters.
  return 'c' + [...randomBytes(24)].map((b) => (b % 36).toString(36)).join('')
}

function asciiSlug(text: string) {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

// ---------------------------------------------------------------------------------------------
// People and structures.

const FIRST_NAMES = [
  'Camille',
  'Léa',
  'Manon',
  'Chloé',
  'Emma',
  'Inès',
  'Sarah',
  'Julie',
  'Laura',
  'Clara',
  'Lucie',
  'Pauline',
  'Marion',
  'Mathilde',
  'Anaïs',
  'Élise',
  'Margaux',
  'Agathe',
  'Nadia',
  'Fatima',
  'Samia',
  'Yasmine',
  'Aurélie',
  'Sandrine',
  'Isabelle',
  'Nathalie',
  'Sophie',
  'Céline',
  'Véronique',
  'Christine',
  'Martine',
  'Brigitte',
  'Hélène',
  'Maëlle',
  'Gaëlle',
  'Solène',
  'Noémie',
  'Océane',
  'Amandine',
  'Delphine',
  'Thomas',
  'Nicolas',
  'Julien',
  'Maxime',
  'Antoine',
  'Alexandre',
  'Romain',
  'Guillaume',
  'Pierre',
  'Mathieu',
  'Florian',
  'Benoît',
  'Olivier',
  'Stéphane',
  'Laurent',
  'Philippe',
  'Éric',
  'Christophe',
  'Frédéric',
  'Sébastien',
  'Jérôme',
  'Vincent',
  'François',
  'Patrick',
  'Karim',
  'Mehdi',
  'Youssef',
  'Rachid',
  'Hugo',
  'Louis',
  'Arthur',
  'Paul',
  'Théo',
  'Lucas',
  'Baptiste',
  'Quentin',
  'Yann',
  'Loïc',
  'Gwenaël',
  'Jean-Marc',
  'Jean-Pierre',
  'Marie-Claire',
  'Anne-Sophie',
  'Pierre-Yves',
  'Dominique',
  'Claude',
  'Bernard',
  'Michel',
  'Gérard',
  'Ousmane',
  'Moussa',
  'Aminata',
  'Mariam',
  'Lina',
  'Zoé',
  'Jeanne',
]

const LAST_NAMES = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefebvre',
  'Michel',
  'Garcia',
  'David',
  'Bertrand',
  'Roux',
  'Vincent',
  'Fournier',
  'Morel',
  'Girard',
  'André',
  'Mercier',
  'Dupont',
  'Lambert',
  'Bonnet',
  'François',
  'Martinez',
  'Legrand',
  'Garnier',
  'Faure',
  'Rousseau',
  'Blanc',
  'Guérin',
  'Muller',
  'Henry',
  'Roussel',
  'Nicolas',
  'Perrin',
  'Morin',
  'Mathieu',
  'Clément',
  'Gauthier',
  'Dumont',
  'Lopez',
  'Fontaine',
  'Chevalier',
  'Robin',
  'Masson',
  'Sanchez',
  'Gérard',
  'Nguyen',
  'Boyer',
  'Denis',
  'Lemaire',
  'Duval',
  'Joly',
  'Gautier',
  'Roger',
  'Roche',
  'Roy',
  'Noël',
  'Meyer',
  'Lucas',
  'Meunier',
  'Jean',
  'Perez',
  'Marchand',
  'Dufour',
  'Blanchard',
  'Barbier',
  'Brun',
  'Dumas',
  'Brunet',
  'Schmitt',
  'Leroux',
  'Colin',
  'Fernandez',
  'Pierre',
  'Renard',
  'Arnaud',
  'Rolland',
  'Caron',
  'Aubert',
  'Giraud',
  'Leclerc',
  'Vidal',
  'Bourgeois',
  'Renaud',
  'Lemoine',
  'Picard',
  'Gaillard',
  'Philippe',
  'Lacroix',
  'Fabre',
  'Castan',
  'Sabatier',
  'Bousquet',
  'Delmas',
  'Vidalenc',
  'Cazals',
  'Puech',
  'Azéma',
  'Benali',
  'Haddad',
  'Diallo',
  'Traoré',
  'Ben Salah',
  'Marty',
  'Rouquette',
  'Soulié',
  'Carrère',
  'Lagarde',
  'Pujol',
  'Boutin',
  'Chauvin',
  'Bouchet',
  'Tessier',
  'Besnard',
]

type Region = 'occitanie' | 'centre'

/** Towns of each region with their département, for structures' names and registrants' départements. */
const TOWNS: Record<Region, [town: string, departement: string][]> = {
  occitanie: [
    ['Toulouse', '31'],
    ['Montpellier', '34'],
    ['Narbonne', '11'],
    ['Carcassonne', '11'],
    ['Perpignan', '66'],
    ['Béziers', '34'],
    ['Nîmes', '30'],
    ['Albi', '81'],
    ['Castres', '81'],
    ['Rodez', '12'],
    ['Cahors', '46'],
    ['Montauban', '82'],
    ['Auch', '32'],
    ['Tarbes', '65'],
    ['Foix', '09'],
    ['Mende', '48'],
    ['Sète', '34'],
    ['Lézignan-Corbières', '11'],
    ['Limoux', '11'],
    ['Millau', '12'],
  ],
  centre: [
    ['Orléans', '45'],
    ['Tours', '37'],
    ['Blois', '41'],
    ['Bourges', '18'],
    ['Chartres', '28'],
    ['Châteauroux', '36'],
    ['Dreux', '28'],
    ['Vierzon', '18'],
    ['Montargis', '45'],
    ['Vendôme', '41'],
    ['Amboise', '37'],
    ['Issoudun', '36'],
    ['Romorantin-Lanthenay', '41'],
    ['Déols', '36'],
    ['Joué-lès-Tours', '37'],
    ['Gien', '45'],
    ['Pithiviers', '45'],
    ['Loches', '37'],
  ],
}

/** Structure name patterns per audience profile; {town} is replaced by a town of the region. */
const STRUCTURES: Record<Profile, string[]> = {
  association: [
    'Association Solidarités {town}',
    'Les Jardins partagés de {town}',
    'Recyclerie de {town}',
    'Épicerie solidaire de {town}',
    'Maison des associations de {town}',
    'Culture pour tous {town}',
    'Mobilité solidaire {town}',
    'Repair café {town}',
    'Atelier vélo de {town}',
    'Régie de quartier de {town}',
    'Chantier d’insertion Bois et Nature ({town})',
    'Ressourcerie du Pays de {town}',
    'Association Habitat et Partage {town}',
    'Le Fil d’Ariane – accueil de jour ({town})',
  ],
  cooperative: [
    'SCOP Les Ateliers du {town}',
    'SCIC Énergies citoyennes {town}',
    'CAE Coopérer pour entreprendre ({town})',
    'SCIC Tiers-lieu La Fabrique ({town})',
    'SCOP BTP Bâtir ensemble ({town})',
    'Coopérative paysanne de {town}',
    'SCIC Alimentation locale {town}',
    'SCOP Imprimerie du Centre ({town})',
  ],
  mutuelle: ['Mutuelle solidaire de {town}', 'Mutuelle familiale du territoire ({town})', 'Groupe mutualiste Prévoyance ({town})'],
  fondation: ['Fondation pour l’insertion ({town})', 'Fondation Jeunesse et Territoires', 'Fonds de dotation Terres solidaires'],
  esus: [
    'Entreprise d’insertion Envie ({town})',
    'Solidaire Numérique SAS ({town})',
    'La Conciergerie solidaire ({town})',
    'Entreprise adaptée Les Compagnons ({town})',
    'Mobil’ESS SAS ({town})',
  ],
  collectivite: [
    'Communauté de communes du Pays de {town}',
    'Communauté d’agglomération de {town}',
    'Mairie de {town}',
    'Conseil départemental – service insertion',
    'Pôle d’équilibre territorial et rural du Pays de {town}',
  ],
  elu: ['Mairie de {town}', 'Communauté de communes du Pays de {town}', 'Conseil régional'],
  etat: ['DREETS', 'DRAJES', 'Préfecture – mission ESS', 'Pôle emploi / France Travail {town}', 'Direction départementale de l’emploi'],
  financeur: [
    'Banque des Territoires',
    'France Active',
    'Crédit coopératif – agence de {town}',
    'Caisse d’épargne – mécénat',
    'Initiative {town}',
  ],
  etudiant: ['Université – master ESS', 'IUT – carrières sociales', 'Sciences Po – parcours ESS', 'École de commerce – chaire ESS'],
  porteur_projet: [
    'Projet de tiers-lieu rural ({town})',
    'Projet de conserverie solidaire ({town})',
    'Projet d’habitat partagé ({town})',
    'Projet de garage solidaire ({town})',
    'Projet de café associatif ({town})',
    'Projet de ferme pédagogique ({town})',
  ],
  autre: [
    'Consultant·e indépendant·e',
    'Incubateur Catalis',
    'Incubateur Alter’Incub',
    'Pépinière Réalis',
    'AD’OCC – référent ESS',
    'Chambre de commerce et d’industrie',
  ],
}

const DIETS = ['Végétarien', 'Végétalien', 'Sans gluten', 'Sans porc', 'Halal', 'Allergie aux fruits à coque']
const ACCESS = [
  'Je me déplace en fauteuil roulant.',
  'J’ai besoin d’une boucle magnétique.',
  'Je viens avec un chien guide.',
  'Une place assise près de la scène, s’il vous plaît (malvoyance).',
]

type Person = {
  firstName: string
  lastName: string
  email: string
  organisationName: string
  organisationType: Profile
  departement: string
  phone: string | null
  dietaryNeeds: string | null
  accessibilityNeeds: string | null
  locale: 'fr' | 'en'
}

function makePerson(
  rng: Rng,
  spec: { region: Region; departement: string; profiles: Partial<Record<Profile, number>> },
  usedEmails: Set<string>,
): Person {
  const firstName = pick(rng, FIRST_NAMES)
  const lastName = pick(rng, LAST_NAMES)
  const organisationType = weighted(rng, spec.profiles)
  // Half the people come from the event's own département, the others from across the region.
  const towns = TOWNS[spec.region]
  const local = towns.filter(([, d]) => d === spec.departement)
  const [town, departement] = rng() < 0.5 && local.length ? pick(rng, local) : pick(rng, towns)
  const organisationName = pick(rng, STRUCTURES[organisationType]).replace('{town}', town)
  const domain = asciiSlug(organisationName).split('-').slice(0, 4).join('-') || 'ess'
  const mailbox = `${asciiSlug(firstName).replace(/-/g, '')}.${asciiSlug(lastName).replace(/-/g, '')}`
  let email = `${mailbox}@${domain}.example`
  for (let n = 2; usedEmails.has(email); n++) email = `${mailbox}${n}@${domain}.example`
  usedEmails.add(email)
  const digits = () => String(Math.floor(rng() * 100)).padStart(2, '0')
  return {
    firstName,
    lastName,
    email,
    organisationName,
    organisationType,
    departement,
    phone: rng() < 0.4 ? `0${pick(rng, ['6', '7'])} ${digits()} ${digits()} ${digits()} ${digits()}` : null,
    dietaryNeeds: rng() < 0.12 ? pick(rng, DIETS) : null,
    accessibilityNeeds: rng() < 0.03 ? pick(rng, ACCESS) : null,
    locale: rng() < 0.05 ? 'en' : 'fr',
  }
}

// ---------------------------------------------------------------------------------------------
// The programmes.

type QuestionSpec = {
  key: string
  label: string
  help?: string
  type: 'short_text' | 'long_text' | 'single_choice' | 'multiple_choice' | 'checkbox'
  required: boolean
  options?: string[]
  /** How a registrant answers; undefined leaves an optional question blank. */
  answer: (rng: Rng, person: Person) => string | string[] | boolean | undefined
}

type DemoEvent = {
  organisation: string
  seed: number
  slug: string
  kind: 'conference' | 'yess_academie' | 'training' | 'other'
  title: string
  description: string
  startsAt: Date
  endsAt: Date
  venueName: string
  address: string
  town: string
  departement: string
  capacity: number
  waitlistEnabled: boolean
  offerHours: number
  registrationOpensAt: Date
  registrationClosesAt: Date
  contactEmail: string
  region: Region
  profiles: Partial<Record<Profile, number>>
  slots: {
    label: string
    startsAt: Date
    endsAt: Date
    workshops: { title: string; description: string; room: string; capacity: number }[]
  }[]
  questions: QuestionSpec[]
  /** Share of seat holders who choose a workshop in each slot. */
  workshopShare: number
  audience: { confirmed: number; offered: number; waitlisted: number; cancelled: number; checkedInShare?: number }
  /** Admission: the event selects its participants; people awaiting a decision and refused ones. */
  admission?: { applied: number; refused: number }
}

const OCCITANIE_DEPARTEMENTS = ['09', '11', '12', '30', '31', '32', '34', '46', '48', '65', '66', '81', '82']
const lunch = (rng: Rng) => (rng() < 0.82 ? 'Oui' : 'Non')

export const demoEvents: DemoEvent[] = [
  {
    organisation: 'cress-occitanie',
    seed: 4,
    slug: 'yess-academie-narbonne-2026',
    kind: 'yess_academie',
    title: 'YESS Académie – 4e édition, Narbonne',
    description: [
      'Deux jours pour faire avancer votre projet d’entreprise de l’économie sociale et solidaire.',
      '',
      'La **YESS Académie** détecte et accompagne les personnes qui portent un projet d’ESS en Occitanie. Cette 4e édition se tient à Narbonne : ateliers en petits groupes, rencontres avec les incubateurs (Catalis, Alter’Incub), la pépinière Réalis et les financeurs (Alter’Venture, France Active, FISO).',
      '',
      '- Jour 1 : modèle économique, utilité sociale, gouvernance et statuts',
      '- Jour 2 : financement de l’amorçage, présentation de votre projet devant un jury bienveillant',
      '',
      'Places limitées à 30 porteuses et porteurs de projet. Présentez votre projet en quelques lignes dans le formulaire.',
    ].join('\n'),
    startsAt: paris('2026-11-29', '09:00'),
    endsAt: paris('2026-11-30', '17:30'),
    venueName: 'Maison de l’économie sociale du Narbonnais',
    address: '14 avenue de la Mer, 11100 Narbonne',
    town: 'Narbonne',
    departement: '11',
    capacity: 30,
    waitlistEnabled: true,
    offerHours: 24,
    registrationOpensAt: paris('2026-10-01', '09:00'),
    registrationClosesAt: paris('2026-11-27', '12:00'),
    contactEmail: 'yess@cress-occitanie.example',
    region: 'occitanie',
    profiles: { porteur_projet: 14, association: 4, cooperative: 2, esus: 1, etudiant: 2, autre: 1 },
    slots: [
      {
        label: 'Jour 1, après-midi – ateliers projet',
        startsAt: paris('2026-11-29', '14:00'),
        endsAt: paris('2026-11-29', '17:00'),
        workshops: [
          {
            title: 'Modèle économique et utilité sociale',
            description: 'Construire un modèle économique qui tient, sans perdre de vue la mission sociale.',
            room: 'Salle Corbières',
            capacity: 15,
          },
          {
            title: 'Gouvernance et statuts : association, SCOP ou SCIC ?',
            description: 'Choisir la forme juridique qui correspond au projet et à ses parties prenantes.',
            room: 'Salle Minervois',
            capacity: 15,
          },
        ],
      },
      {
        label: 'Jour 2, matin – financer et présenter',
        startsAt: paris('2026-11-30', '09:30'),
        endsAt: paris('2026-11-30', '12:30'),
        workshops: [
          {
            title: 'Financer l’amorçage : prêts d’honneur, Alter’Venture, FISO',
            description: 'Panorama des financements de l’amorçage, avec des financeurs de la région.',
            room: 'Salle Corbières',
            capacity: 15,
          },
          {
            title: 'Pitcher son projet',
            description: 'Trois minutes pour convaincre : entraînement devant un jury bienveillant.',
            room: 'Salle Minervois',
            capacity: 15,
          },
        ],
      },
    ],
    questions: [
      {
        key: 'project',
        label: 'Présentez votre projet en quelques lignes',
        help: 'Ce qu’il apporte, à qui, où. Cela nous aide à composer les groupes.',
        type: 'long_text',
        required: true,
        answer: (rng, p) =>
          pick(rng, [
            `Créer ${p.organisationName.startsWith('Projet') ? 'ce lieu' : 'une activité'} pour répondre à un besoin non couvert sur notre territoire, avec les habitants.`,
            'Une épicerie itinérante en circuit court pour les villages sans commerce, portée en SCIC avec des producteurs.',
            'Un atelier de réparation et de réemploi d’électroménager qui emploie des personnes éloignées de l’emploi.',
            'Un tiers-lieu culturel en milieu rural : café associatif, résidences d’artistes, espace de coworking.',
            'Une plateforme de covoiturage solidaire pour les rendez-vous médicaux des personnes âgées.',
            'Une conserverie qui valorise les invendus des maraîchers locaux et forme des salariés en insertion.',
          ]),
      },
      {
        key: 'stage',
        label: 'Où en est votre projet ?',
        type: 'single_choice',
        required: true,
        options: ['Idée', 'Étude de faisabilité', 'Lancement dans l’année', 'Activité démarrée'],
        answer: (rng) => pick(rng, ['Idée', 'Étude de faisabilité', 'Étude de faisabilité', 'Lancement dans l’année', 'Activité démarrée']),
      },
      {
        key: 'departement',
        label: 'Dans quel département se situe le projet ?',
        type: 'single_choice',
        required: true,
        options: OCCITANIE_DEPARTEMENTS,
        answer: (_rng, p) => p.departement,
      },
      {
        key: 'sectors',
        label: 'Secteurs d’activité',
        type: 'multiple_choice',
        required: false,
        options: [
          'Alimentation',
          'Culture',
          'Mobilité',
          'Réemploi et économie circulaire',
          'Services à la personne',
          'Numérique',
          'Habitat',
        ],
        answer: (rng) =>
          shuffled(rng, [
            'Alimentation',
            'Culture',
            'Mobilité',
            'Réemploi et économie circulaire',
            'Services à la personne',
            'Numérique',
            'Habitat',
          ]).slice(0, 1 + Math.floor(rng() * 2)),
      },
    ],
    workshopShare: 1,
    // On application: 21 seats held, so accepting the 25 waiting applications in bulk runs out of seats.
    audience: { confirmed: 20, offered: 1, waitlisted: 6, cancelled: 2 },
    admission: { applied: 25, refused: 10 },
  },
  {
    organisation: 'region-occitanie',
    seed: 31,
    slug: 'journee-regionale-economie-sociale-occitanie-2026',
    kind: 'conference',
    title: 'Journée régionale de l’économie sociale en Occitanie',
    description: [
      'La Région Occitanie réunit les associations, coopératives, mutuelles, fondations et entreprises de l’ESS à l’Hôtel de Région de Toulouse.',
      '',
      'Au programme : le bilan du **Plan régional ESS**, les outils financiers (Alter’Venture, FISO), les incubateurs Catalis et Alter’Incub, la pépinière Réalis, et des ateliers pour rencontrer les EPCI et les financeurs. L’ESS, c’est en Occitanie plus de 214 000 salariés dans 23 000 structures.',
      '',
      '- 9 h 00 : accueil café',
      '- 9 h 30 : plénière d’ouverture',
      '- 10 h 45 : ateliers (au choix)',
      '- 12 h 30 : déjeuner',
      '- 14 h 00 : ateliers (au choix)',
      '- 16 h 00 : remise des prix régionaux de l’ESS et clôture',
    ].join('\n'),
    startsAt: paris('2026-12-10', '09:00'),
    endsAt: paris('2026-12-10', '17:00'),
    venueName: 'Hôtel de Région',
    address: '22 boulevard du Maréchal Juin, 31400 Toulouse',
    town: 'Toulouse',
    departement: '31',
    capacity: 250,
    waitlistEnabled: true,
    offerHours: 48,
    registrationOpensAt: paris('2026-10-12', '09:00'),
    registrationClosesAt: paris('2026-12-08', '23:59'),
    contactEmail: 'ess@region-occitanie.example',
    region: 'occitanie',
    profiles: {
      association: 30,
      cooperative: 12,
      mutuelle: 4,
      fondation: 2,
      esus: 8,
      collectivite: 12,
      elu: 7,
      etat: 4,
      financeur: 5,
      etudiant: 4,
      porteur_projet: 7,
      autre: 5,
    },
    slots: [
      {
        label: 'Ateliers du matin',
        startsAt: paris('2026-12-10', '10:45'),
        endsAt: paris('2026-12-10', '12:15'),
        workshops: [
          {
            title: 'Financer son projet : Alter’Venture, FISO et prêts d’honneur',
            description: 'Les outils financiers régionaux, présentés par celles et ceux qui les instruisent.',
            room: 'Salle des Assemblées',
            capacity: 80,
          },
          {
            title: 'Commande publique responsable : ouvrir les marchés à l’ESS',
            description: 'Clauses sociales, marchés réservés : retours d’expérience de collectivités.',
            room: 'Salle Garonne',
            capacity: 60,
          },
          {
            title: 'Tiers-lieux et ruralité : la Fabrique à initiatives',
            description: 'Faire émerger des activités dans les territoires ruraux.',
            room: 'Salle Canal du Midi',
            capacity: 60,
          },
          {
            title: 'Obtenir l’agrément ESUS',
            description: 'Conditions, démarches et intérêt de l’agrément « Entreprise solidaire d’utilité sociale ».',
            room: 'Salle Pyrénées',
            capacity: 50,
          },
        ],
      },
      {
        label: 'Ateliers de l’après-midi',
        startsAt: paris('2026-12-10', '14:00'),
        endsAt: paris('2026-12-10', '15:30'),
        workshops: [
          {
            title: 'Économie circulaire et réemploi',
            description: 'Ressourceries, recycleries et filières de réemploi en Occitanie.',
            room: 'Salle des Assemblées',
            capacity: 80,
          },
          {
            title: 'Alimentation durable et circuits courts',
            description: 'Épiceries solidaires, SCIC agricoles, restauration collective.',
            room: 'Salle Garonne',
            capacity: 60,
          },
          {
            title: 'Coopérer avec les EPCI : PTCE et stratégies locales',
            description: 'Comment intercommunalités et entreprises de l’ESS construisent ensemble.',
            room: 'Salle Canal du Midi',
            capacity: 60,
          },
          {
            title: 'Mesurer son impact social',
            description: 'Méthodes simples pour démontrer l’utilité sociale de son activité.',
            room: 'Salle Pyrénées',
            capacity: 50,
          },
        ],
      },
    ],
    questions: [
      {
        key: 'lunch',
        label: 'Participerez-vous au déjeuner ?',
        type: 'single_choice',
        required: true,
        options: ['Oui', 'Non'],
        answer: lunch,
      },
      {
        key: 'departement',
        label: 'Votre département',
        type: 'single_choice',
        required: false,
        options: OCCITANIE_DEPARTEMENTS,
        answer: (_rng, p) => p.departement,
      },
      {
        key: 'listed',
        label: 'J’accepte que mon nom et ma structure figurent sur la liste des participants remise le jour même',
        type: 'checkbox',
        required: false,
        answer: (rng) => rng() < 0.7,
      },
    ],
    workshopShare: 0.85,
    audience: { confirmed: 246, offered: 4, waitlisted: 24, cancelled: 11 },
  },
  {
    organisation: 'cress-centre-val-de-loire',
    seed: 45,
    slug: 'conference-regionale-ess-centre-val-de-loire-2027',
    kind: 'conference',
    title: 'Conférence régionale de l’ESS – Centre-Val de Loire',
    description: [
      'La CRESS Centre-Val de Loire et la Région vous invitent à la Conférence régionale de l’économie sociale et solidaire.',
      '',
      'Une journée pour faire se rencontrer les entreprises de l’ESS et les **EPCI**, présenter les initiatives locales exemplaires et faire le point sur la **Stratégie régionale de l’ESS** : accompagner les structures à chaque étape, professionnaliser les acteurs, renforcer les synergies avec l’économie classique et faire connaître l’ESS.',
      '',
      'Entrée libre sur inscription. Déjeuner offert aux personnes inscrites.',
    ].join('\n'),
    startsAt: paris('2027-02-04', '09:00'),
    endsAt: paris('2027-02-04', '17:30'),
    venueName: 'Centre de conférences',
    address: '9 place du Martroi, 45000 Orléans',
    town: 'Orléans',
    departement: '45',
    capacity: 400,
    waitlistEnabled: true,
    offerHours: 48,
    registrationOpensAt: paris('2026-11-02', '09:00'),
    registrationClosesAt: paris('2027-02-01', '23:59'),
    contactEmail: 'conference@cress-centre-val-de-loire.example',
    region: 'centre',
    profiles: {
      association: 28,
      cooperative: 10,
      mutuelle: 5,
      fondation: 2,
      esus: 6,
      collectivite: 16,
      elu: 9,
      etat: 5,
      financeur: 5,
      etudiant: 3,
      porteur_projet: 5,
      autre: 4,
    },
    slots: [
      {
        label: 'Ateliers du matin',
        startsAt: paris('2027-02-04', '10:30'),
        endsAt: paris('2027-02-04', '12:00'),
        workshops: [
          {
            title: 'ESS et EPCI : construire une politique locale de l’ESS',
            description: 'Exemples de communautés de communes qui soutiennent l’ESS sur leur territoire.',
            room: 'Auditorium',
            capacity: 150,
          },
          {
            title: 'CAP Asso et emplois associatifs',
            description: 'Le dispositif régional de soutien à l’emploi associatif, ses évolutions.',
            room: 'Salle Loire',
            capacity: 90,
          },
          {
            title: 'Coopératives d’activité et d’emploi',
            description: 'Entreprendre en coopérative : témoignages d’entrepreneurs salariés.',
            room: 'Salle Cher',
            capacity: 80,
          },
          {
            title: 'Territoires zéro chômeur de longue durée',
            description: 'Les entreprises à but d’emploi de la région, un bilan.',
            room: 'Salle Indre',
            capacity: 80,
          },
        ],
      },
      {
        label: 'Ateliers de l’après-midi',
        startsAt: paris('2027-02-04', '14:00'),
        endsAt: paris('2027-02-04', '15:30'),
        workshops: [
          {
            title: 'Tiers-lieux et centres-bourgs',
            description: 'Revitaliser les centres-bourgs avec des lieux portés par l’ESS.',
            room: 'Auditorium',
            capacity: 150,
          },
          {
            title: 'Financer son développement avec France Active',
            description: 'Garanties, prêts participatifs, apports en fonds propres.',
            room: 'Salle Loire',
            capacity: 90,
          },
          {
            title: 'Épargne solidaire et engagement citoyen',
            description: 'Mobiliser les habitants dans le capital des entreprises de l’ESS.',
            room: 'Salle Cher',
            capacity: 80,
          },
          {
            title: 'Pôles territoriaux de coopération économique',
            description: 'Monter un PTCE : étapes, partenaires, financements.',
            room: 'Salle Indre',
            capacity: 80,
          },
        ],
      },
    ],
    questions: [
      { key: 'lunch', label: 'Déjeunerez-vous sur place ?', type: 'single_choice', required: true, options: ['Oui', 'Non'], answer: lunch },
      {
        key: 'epci',
        label: 'Je représente une intercommunalité (EPCI)',
        type: 'checkbox',
        required: false,
        answer: (_rng, p) => p.organisationType === 'collectivite' || p.organisationType === 'elu',
      },
      {
        key: 'topics',
        label: 'Un sujet que vous aimeriez voir abordé ?',
        type: 'long_text',
        required: false,
        answer: (rng) =>
          rng() < 0.25
            ? pick(rng, [
                'La place de l’ESS dans la commande publique des intercommunalités.',
                'Le financement des associations employeuses après la fin des contrats aidés.',
                'Les mobilités solidaires en zone rurale.',
                'La transmission d’entreprises aux salariés en SCOP.',
                'Le bénévolat : recruter et fidéliser.',
              ])
            : undefined,
      },
    ],
    workshopShare: 0.8,
    audience: { confirmed: 118, offered: 0, waitlisted: 0, cancelled: 3 },
  },
  {
    organisation: 'cress-centre-val-de-loire',
    seed: 41,
    slug: 'rencontre-ess-epci-blois-2026',
    kind: 'conference',
    title: 'Rencontre régionale ESS et intercommunalités',
    description: [
      'Une matinée d’échanges entre élu·es et agents des EPCI et entreprises de l’ESS du Loir-et-Cher et des départements voisins.',
      '',
      'Présentation d’initiatives locales, puis ateliers par thème. La rencontre prépare la Conférence régionale de l’ESS.',
    ].join('\n'),
    startsAt: paris('2026-10-15', '09:00'),
    endsAt: paris('2026-10-15', '13:00'),
    venueName: 'Halle aux grains',
    address: '2 place Jean Jaurès, 41000 Blois',
    town: 'Blois',
    departement: '41',
    capacity: 120,
    waitlistEnabled: false,
    offerHours: 48,
    registrationOpensAt: paris('2026-09-07', '09:00'),
    registrationClosesAt: paris('2026-10-13', '23:59'),
    contactEmail: 'contact@cress-centre-val-de-loire.example',
    region: 'centre',
    profiles: { association: 20, cooperative: 6, esus: 4, collectivite: 22, elu: 14, etat: 4, financeur: 3, autre: 3 },
    slots: [
      {
        label: 'Ateliers',
        startsAt: paris('2026-10-15', '10:45'),
        endsAt: paris('2026-10-15', '12:15'),
        workshops: [
          {
            title: 'Mobilité solidaire en milieu rural',
            description: 'Garages solidaires, transport à la demande, covoiturage.',
            room: 'Grande salle',
            capacity: 50,
          },
          {
            title: 'Alimentation locale et restauration collective',
            description: 'Approvisionner les cantines avec les producteurs et les structures d’insertion.',
            room: 'Salle du haut',
            capacity: 40,
          },
          {
            title: 'Emploi et insertion : travailler avec les SIAE',
            description: 'Clauses d’insertion et partenariats avec les structures d’insertion.',
            room: 'Salle basse',
            capacity: 40,
          },
        ],
      },
    ],
    questions: [
      {
        key: 'role',
        label: 'Votre fonction',
        type: 'short_text',
        required: false,
        answer: (rng, p) =>
          p.organisationType === 'elu'
            ? pick(rng, ['Maire', 'Adjoint·e au développement économique', 'Vice-président·e de la communauté de communes'])
            : p.organisationType === 'collectivite'
              ? pick(rng, ['Chargé·e de développement économique', 'Directeur·rice général·e des services', 'Chargé·e de mission ESS'])
              : pick(rng, ['Directeur·rice', 'Président·e', 'Coordinateur·rice', 'Chargé·e de projet']),
      },
    ],
    workshopShare: 0.9,
    audience: { confirmed: 112, offered: 0, waitlisted: 0, cancelled: 6, checkedInShare: 0.84 },
  },
]

// ---------------------------------------------------------------------------------------------
// Writing.

function inTransaction<T>(db: Tx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return '$transaction' in db ? db.$transaction((tx) => fn(tx), { timeout: 60_000, maxWait: 10_000 }) : fn(db)
}

async function createInBatches<T>(rows: T[], write: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH))
}

type RegistrationRow = {
  id: string
  eventId: string
  firstName: string
  lastName: string
  email: string
  organisationName: string
  organisationType: string
  departement: string | null
  phone: string | null
  accessibilityNeeds: string | null
  dietaryNeeds: string | null
  answers: string
  locale: string
  consentAt: Date
  status: string
  waitlistedAt: Date | null
  offerExpiresAt: Date | null
  manageTokenHash: string
  ticketCode: string
  source: string
  checkedInAt: Date | null
  checkedInBy: string | null
  cancelledAt: Date | null
  cancelReason: string | null
  searchText: string
  createdAt: Date
  updatedAt: Date
} & Partial<ApplicationFields>

/** Spreads `count` instants between two dates, denser near the end (people register late). */
function registrationTimes(rng: Rng, count: number, from: Date, to: Date) {
  const span = Math.max(HOUR, to.getTime() - from.getTime())
  return Array.from({ length: count }, () => new Date(from.getTime() + Math.sqrt(rng()) * span)).sort((a, b) => a.getTime() - b.getTime())
}

function planEvent(spec: DemoEvent, ids: { eventId: string; checkinUserId: string | null; organiserUserId?: string | null }, now: Date) {
  const rng = rngFrom(spec.seed)
  const { confirmed, offered, waitlisted, cancelled, checkedInShare = 0 } = spec.audience
  if (confirmed + offered > spec.capacity) throw new Error(`Demo event ${spec.slug}: more seats held than its capacity`)
  if (offered > 0 && cancelled < offered) throw new Error(`Demo event ${spec.slug}: offers need earlier cancellations`)

  const slots = spec.slots.map((s) => ({
    ...s,
    id: newId(),
    workshops: s.workshops.map((w, position) => ({ ...w, id: newId(), position, seatsTaken: 0 })),
  }))
  const questions = spec.questions.map((q, position) => ({ ...q, id: newId(), position }))

  // People in the order they registered: the first ones took the seats (some cancelled later),
  // the rest joined the waiting list, whose oldest members got the seats freed late.
  const applicants = spec.admission ? spec.admission.applied + spec.admission.refused : 0
  const total = confirmed + offered + waitlisted + cancelled + applicants
  const lastRegistration = new Date(Math.min(now.getTime(), spec.registrationClosesAt.getTime(), spec.startsAt.getTime()) - HOUR)
  const times = registrationTimes(rng, total, spec.registrationOpensAt, lastRegistration)
  const seatTakers = confirmed + cancelled
  const cancelledIdx = new Set(shuffled(rng, [...Array(seatTakers).keys()]).slice(0, cancelled))
  const usedEmails = new Set<string>()
  const registrations: RegistrationRow[] = []
  const choices: { registrationId: string; slotId: string; workshopId: string }[] = []

  for (let i = 0; i < total; i++) {
    const person = makePerson(rng, spec, usedEmails)
    const createdAt = times[i]!
    const seatless = total - applicants
    const status =
      i >= seatless
        ? i - seatless < (spec.admission?.refused ?? 0)
          ? 'refused'
          : 'applied'
        : i < seatTakers
          ? cancelledIdx.has(i)
            ? 'cancelled'
            : 'confirmed'
          : i < seatTakers + offered
            ? 'offered'
            : 'waitlisted'
    const id = newId()
    const answers: Record<string, unknown> = {}
    for (const q of questions) {
      const value = q.answer(rng, person)
      if (value !== undefined) answers[q.id] = value
    }
    let updatedAt = createdAt
    let cancelledAt: Date | null = null
    if (status === 'cancelled') {
      cancelledAt = new Date(Math.min(lastRegistration.getTime(), createdAt.getTime() + (1 + rng() * 20) * DAY))
      updatedAt = cancelledAt
    }
    let checkedInAt: Date | null = null
    if (status === 'confirmed' && spec.endsAt < now && rng() < checkedInShare) {
      // Arrivals between 8:30 and 10:15 on the day.
      checkedInAt = new Date(spec.startsAt.getTime() - 30 * 60 * 1000 + rng() * 105 * 60 * 1000)
      updatedAt = checkedInAt
    }
    const offerExpiresAt =
      status === 'offered' ? new Date(now.getTime() + Math.max(1, spec.offerHours - 6 - Math.floor(rng() * 12)) * HOUR) : null
    const source = rng() < 0.04 && status === 'confirmed' ? 'manual' : 'form'
    registrations.push({
      id,
      eventId: ids.eventId,
      ...person,
      answers: JSON.stringify(answers),
      consentAt: createdAt,
      status,
      waitlistedAt: status === 'waitlisted' || status === 'offered' ? createdAt : null,
      offerExpiresAt,
      manageTokenHash: unusableManageTokenHash(),
      ticketCode: ticketCode(),
      source,
      checkedInAt,
      checkedInBy: checkedInAt ? ids.checkinUserId : null,
      cancelledAt,
      cancelReason: cancelledAt ? (rng() < 0.85 ? 'attendee' : 'organiser') : null,
      searchText: searchTextOf(person),
      createdAt,
      updatedAt,
      ...(spec.admission ? applicationOf(rng, status, createdAt, ids.organiserUserId ?? null, lastRegistration) : {}),
    })
    // Only confirmed people hold workshop seats: an offer's workshops are chosen on accepting it.
    if (status === 'confirmed') {
      for (const slot of slots) {
        if (rng() >= spec.workshopShare) continue
        const open = slot.workshops.filter((w) => w.seatsTaken < w.capacity)
        if (open.length === 0) continue
        // Bigger rooms draw more people.
        const workshop = weighted(rng, Object.fromEntries(open.map((w) => [w.id, w.capacity - w.seatsTaken])) as Record<string, number>)
        const chosen = open.find((w) => w.id === workshop)!
        chosen.seatsTaken++
        choices.push({ registrationId: id, slotId: slot.id, workshopId: chosen.id })
      }
    }
  }
  const comments = spec.admission ? demoComments(rng, registrations, ids.organiserUserId ?? null) : []
  return { slots, questions, registrations, choices, comments, seatsTaken: confirmed + offered }
}

async function userIdByRole(db: Tx, organisationId: string, role: string) {
  const membership = await db.membership.findFirst({
    where: { organisationId, role },
    orderBy: { createdAt: 'asc' },
    select: { userId: true },
  })
  return membership?.userId ?? null
}

/**
 * Loads the demo events of the demo organisations. Does nothing when any event exists or when
 * none of the demo organisations does, so it is safe to call on every start.
 */
export async function seedDemoEvents(
  db: Tx,
  opts: { now?: Date } = {},
): Promise<{ seeded: boolean; events: number; registrations: number }> {
  const now = opts.now ?? new Date()
  return inTransaction(db, async (tx) => {
    if ((await tx.event.count()) > 0) return { seeded: false, events: 0, registrations: 0 }
    const organisations = await tx.organisation.findMany({
      where: { slug: { in: [...new Set(demoEvents.map((e) => e.organisation))] } },
      select: { id: true, slug: true },
    })
    const organisationIds = new Map(organisations.map((o) => [o.slug, o.id]))
    let events = 0
    let registrations = 0
    for (const spec of demoEvents) {
      const organisationId = organisationIds.get(spec.organisation)
      if (!organisationId) continue
      const eventId = newId()
      const plan = planEvent(
        spec,
        {
          eventId,
          checkinUserId: await userIdByRole(tx, organisationId, 'checkin'),
          organiserUserId: await userIdByRole(tx, organisationId, 'organiser'),
        },
        now,
      )
      await tx.event.create({
        data: {
          id: eventId,
          organisationId,
          slug: spec.slug,
          kind: spec.kind,
          title: spec.title,
          description: spec.description,
          startsAt: spec.startsAt,
          endsAt: spec.endsAt,
          timeZone: 'Europe/Paris',
          venueName: spec.venueName,
          address: spec.address,
          town: spec.town,
          departement: spec.departement,
          capacity: spec.capacity,
          seatsTaken: plan.seatsTaken,
          waitlistEnabled: spec.waitlistEnabled,
          offerHours: spec.offerHours,
          registrationOpensAt: spec.registrationOpensAt,
          registrationClosesAt: spec.registrationClosesAt,
          visibility: 'public',
          status: 'published',
          contactEmail: spec.contactEmail,
          requiresApplication: spec.admission !== undefined,
          createdAt: new Date(spec.registrationOpensAt.getTime() - 7 * DAY),
        },
      })
      await tx.timeSlot.createMany({
        data: plan.slots.map((s) => ({ id: s.id, eventId, label: s.label, startsAt: s.startsAt, endsAt: s.endsAt })),
      })
      await tx.workshop.createMany({
        data: plan.slots.flatMap((s) =>
          s.workshops.map((w) => ({
            id: w.id,
            eventId,
            slotId: s.id,
            title: w.title,
            description: w.description,
            room: w.room,
            capacity: w.capacity,
            seatsTaken: w.seatsTaken,
            position: w.position,
          })),
        ),
      })
      await tx.eventQuestion.createMany({
        data: plan.questions.map((q) => ({
          id: q.id,
          eventId,
          label: q.label,
          help: q.help ?? null,
          type: q.type,
          required: q.required,
          options: JSON.stringify(q.options ?? []),
          position: q.position,
        })),
      })
      await createInBatches(plan.registrations, (data) => tx.registration.createMany({ data }))
      await createInBatches(plan.choices, (data) => tx.registrationWorkshop.createMany({ data }))
      await createInBatches(plan.comments, (data) => tx.applicationComment.createMany({ data }))
      events++
      registrations += plan.registrations.length
    }
    return { seeded: events > 0, events, registrations }
  })
}
