// Demo prizes: the 2026 Prix de l'ESS of CRESS Occitanie (submissions closed, jury done, the
// public "coup de cœur" vote open) with its scoring grids and about twenty-five nominations in
// every state, and the 2027 edition in draft, copied from it. Nominations are written directly
// (createMany): nobody applied, so no email reaches the outbox and the edit links are unusable.
// SIRETs are invented but valid (Luhn); every person is invented, emails use .example.
import { createHash, randomBytes } from 'node:crypto'
import type { Tx } from '#app/db.server.ts'
import { DEFAULT_TIME_ZONE, parseLocalDateTime } from '#app/shared/time.ts'

const ORGANISATION = 'cress-occitanie'

/** A UTC instant from a wall-clock time in Paris, summer or winter time as on that day. */
function paris(date: string, time: string) {
  const instant = parseLocalDateTime(`${date}T${time}`, DEFAULT_TIME_ZONE)
  if (!instant) throw new Error(`Not a date: ${date} ${time}`)
  return instant
}

function newId() {
  return 'c' + [...randomBytes(24)].map((b) => (b % 36).toString(36)).join('')
}

/** The hash of an edit token nobody knows: demo applicants would ask for a new link. */
function unusableTokenHash() {
  return createHash('sha256').update(randomBytes(32)).digest('hex')
}

function luhnCheckDigit(base: string) {
  for (let d = 0; d <= 9; d++) {
    const digits = base + d
    let sum = 0
    for (let i = 0; i < digits.length; i++) {
      let n = Number(digits[digits.length - 1 - i])
      if (i % 2 === 1) {
        n *= 2
        if (n > 9) n -= 9
      }
      sum += n
    }
    if (sum % 10 === 0) return String(d)
  }
  throw new Error('unreachable')
}

/** A valid SIRET from 8 digits: the SIREN gets its Luhn digit, then the head office's NIC 0001x. */
export function demoSiret(sirenStem: string) {
  const siren = sirenStem + luhnCheckDigit(sirenStem)
  const base = `${siren}0001`
  return base + luhnCheckDigit(base)
}

// ---------------------------------------------------------------------------------------------
// Editions, categories and grids.

const OCCITANIE = ['09', '11', '12', '30', '31', '32', '34', '46', '48', '65', '66', '81', '82']
const ESS_FORMS = ['association', 'cooperative', 'mutuelle', 'fondation', 'societe_ess', 'esus']

type CriterionSpec = { name: string; rubric: string; weight: number }
type CategorySpec = { key: CategoryKey; name: string; description: string; awards: number; criteria: CriterionSpec[] }
type CategoryKey = 'social' | 'ecologie' | 'coeur'

const RUBRIC_SCALE = '0 : absent ; 1 : très insuffisant ; 2 : insuffisant ; 3 : satisfaisant ; 4 : très satisfaisant ; 5 : exemplaire.'

export const demoCategories: CategorySpec[] = [
  {
    key: 'social',
    name: 'Utilité sociale',
    description:
      "Récompense une structure qui répond à un besoin social du territoire : lutte contre l'exclusion, accès aux droits, lien social, insertion.",
    awards: 1,
    criteria: [
      {
        name: 'Réponse à un besoin social',
        rubric: `Le besoin est-il identifié, documenté et peu couvert sur le territoire ? ${RUBRIC_SCALE}`,
        weight: 3,
      },
      { name: 'Impact mesuré', rubric: `Résultats chiffrés, nombre de bénéficiaires, évaluation. ${RUBRIC_SCALE}`, weight: 3 },
      {
        name: 'Gouvernance démocratique',
        rubric: `Place des salariés, bénévoles et bénéficiaires dans les décisions. ${RUBRIC_SCALE}`,
        weight: 2,
      },
      {
        name: 'Ancrage territorial et partenariats',
        rubric: `Coopérations avec les collectivités, les EPCI et les autres acteurs de l'ESS. ${RUBRIC_SCALE}`,
        weight: 2,
      },
      {
        name: 'Pérennité du modèle économique',
        rubric: `Diversité des ressources, part d'activité marchande, fonds propres. ${RUBRIC_SCALE}`,
        weight: 1,
      },
    ],
  },
  {
    key: 'ecologie',
    name: 'Transition écologique',
    description:
      'Récompense une structure qui agit pour la transition écologique : économie circulaire, alimentation durable, énergie, mobilité, biodiversité.',
    awards: 1,
    criteria: [
      {
        name: 'Impact environnemental',
        rubric: `Tonnes évitées, énergie produite ou économisée, surfaces préservées. ${RUBRIC_SCALE}`,
        weight: 3,
      },
      {
        name: 'Dimension sociale de la transition',
        rubric: `Accessibilité au plus grand nombre, emplois créés, insertion. ${RUBRIC_SCALE}`,
        weight: 2,
      },
      { name: 'Caractère innovant', rubric: `Nouveauté de la réponse sur le territoire ou dans le secteur. ${RUBRIC_SCALE}`, weight: 2 },
      { name: 'Essaimage possible', rubric: `La démarche peut-elle être reproduite ailleurs en Occitanie ? ${RUBRIC_SCALE}`, weight: 1 },
    ],
  },
  {
    key: 'coeur',
    name: 'Coup de cœur',
    description: 'Prix du public : les internautes votent pour leur initiative préférée parmi les nominés (un vote par personne).',
    awards: 1,
    criteria: [
      { name: 'Originalité', rubric: `Une initiative qui surprend et donne envie. ${RUBRIC_SCALE}`, weight: 1 },
      { name: 'Engagement citoyen', rubric: `Mobilisation des habitants et des bénévoles. ${RUBRIC_SCALE}`, weight: 1 },
      { name: 'Exemplarité', rubric: `Valeurs de l'ESS incarnées au quotidien. ${RUBRIC_SCALE}`, weight: 1 },
      { name: 'Qualité de la présentation', rubric: `Clarté du dossier et des pièces jointes. ${RUBRIC_SCALE}`, weight: 1 },
    ],
  },
]

const DESCRIPTION_2026 = [
  "Les Prix de l'ESS, créés en 2015 par le réseau des CRESS et portés nationalement par ESS France, mettent en lumière des structures de l'économie sociale et solidaire qui agissent au quotidien sur leur territoire.",
  '',
  "En Occitanie, le jury régional désigne un lauréat par catégorie (1 000 €) ; les lauréats sont présentés au jury national (5 000 €). Le **Coup de cœur** est attribué par un vote du public en ligne pendant le Mois de l'ESS.",
].join('\n')

const RULES = [
  "1. **Qui peut candidater ?** Toute structure de l'ESS au sens de la loi du 31 juillet 2014 (association, coopérative, mutuelle, fondation, société commerciale de l'ESS, entreprise agréée ESUS), créée depuis au moins deux ans à la date de clôture et dont le siège est en Occitanie.",
  '2. **Une candidature par structure**, dans une seule catégorie.',
  '3. **Le jury** évalue les dossiers recevables selon la grille de chaque catégorie ; ses décisions sont sans appel.',
  '4. **Les données** des candidatures servent à l’organisation du prix et sont conservées trois ans.',
].join('\n')

// ---------------------------------------------------------------------------------------------
// Nominations.

type Status = 'draft' | 'submitted' | 'eligible' | 'ineligible' | 'withdrawn' | 'shortlisted'

type NominationSpec = {
  status: Status
  category: CategoryKey
  structureName: string
  sirenStem: string
  legalForm: string
  created: string
  town: string
  postalCode: string
  address: string
  employees: number
  volunteers: number
  budgetEuros: number
  contact: [first: string, last: string]
  projectTitle: string
  projectDescription: string
  impact: string
  /** Organiser's reason, for the ineligible ones. */
  reason?: string
  /** Drafts stop at this step (the rest stays empty). */
  draftStep?: number
}

const n = (spec: NominationSpec) => spec

export const demoNominations: NominationSpec[] = [
  // ---- Shortlisted (the public vote's nominees) ----
  n({
    status: 'shortlisted',
    category: 'social',
    structureName: 'Le Fil d’Ariane – accueil de jour',
    sirenStem: '78234511',
    legalForm: 'association',
    created: '2009-03-12',
    town: 'Narbonne',
    postalCode: '11100',
    address: '14 rue Jean Jaurès',
    employees: 9,
    volunteers: 42,
    budgetEuros: 480_000,
    contact: ['Nadia', 'Benali'],
    projectTitle: 'Un accueil de jour ouvert 365 jours par an',
    projectDescription:
      "Accueil inconditionnel des personnes sans domicile : douches, laverie, domiciliation, permanences d'accès aux droits avec la CAF et la CPAM.",
    impact: '1 150 personnes accueillies en 2025, 310 domiciliations, 86 ouvertures de droits.',
  }),
  n({
    status: 'shortlisted',
    category: 'social',
    structureName: 'SCIC Mobilité solidaire Aveyron',
    sirenStem: '81377420',
    legalForm: 'cooperative',
    created: '2016-09-01',
    town: 'Rodez',
    postalCode: '12000',
    address: '3 avenue de Bordeaux',
    employees: 6,
    volunteers: 15,
    budgetEuros: 390_000,
    contact: ['Pierre-Yves', 'Puech'],
    projectTitle: 'Garage solidaire et location de voitures à 2 € par jour',
    projectDescription:
      "Réparation à prix coûtant et location de véhicules pour les personnes en parcours d'insertion dans les zones rurales de l'Aveyron.",
    impact: '420 personnes mobiles pour un emploi ou une formation, 70 % en emploi six mois après.',
  }),
  n({
    status: 'shortlisted',
    category: 'ecologie',
    structureName: 'Ressourcerie du Pays Cathare',
    sirenStem: '79911234',
    legalForm: 'association',
    created: '2012-05-20',
    town: 'Limoux',
    postalCode: '11300',
    address: 'ZA de Flassian',
    employees: 14,
    volunteers: 25,
    budgetEuros: 710_000,
    contact: ['Aurélie', 'Cazals'],
    projectTitle: 'Zéro déchet en Haute Vallée de l’Aude',
    projectDescription: 'Collecte, réemploi et vente d’objets, ateliers de réparation et sensibilisation dans les écoles.',
    impact: '620 tonnes détournées de l’enfouissement en 2025, 11 salariés en insertion.',
  }),
  n({
    status: 'shortlisted',
    category: 'ecologie',
    structureName: 'SCIC Énergies citoyennes du Gers',
    sirenStem: '84120955',
    legalForm: 'cooperative',
    created: '2018-02-14',
    town: 'Auch',
    postalCode: '32000',
    address: '8 place de la Libération',
    employees: 4,
    volunteers: 60,
    budgetEuros: 950_000,
    contact: ['Benoît', 'Lagarde'],
    projectTitle: 'Des toits solaires financés par 900 sociétaires',
    projectDescription:
      'Centrales photovoltaïques sur les bâtiments publics des communes gersoises, gouvernance partagée entre habitants et collectivités.',
    impact: '2,4 MWc installés, 38 communes associées, 900 sociétaires.',
  }),
  n({
    status: 'shortlisted',
    category: 'coeur',
    structureName: 'Repair café de Millau',
    sirenStem: '83566012',
    legalForm: 'association',
    created: '2017-10-07',
    town: 'Millau',
    postalCode: '12100',
    address: 'Salle des fêtes, boulevard de l’Ayrolle',
    employees: 0,
    volunteers: 35,
    budgetEuros: 12_000,
    contact: ['Gérard', 'Soulié'],
    projectTitle: 'On répare ensemble, un samedi par mois',
    projectDescription: 'Des bénévoles réparent avec les habitants petit électroménager, vélos, vêtements et ordinateurs.',
    impact: '1 900 objets réparés depuis 2017, un taux de réussite de 68 %.',
  }),
  n({
    status: 'shortlisted',
    category: 'coeur',
    structureName: 'Épicerie solidaire La Cabasse',
    sirenStem: '80244781',
    legalForm: 'association',
    created: '2014-01-15',
    town: 'Perpignan',
    postalCode: '66000',
    address: '22 rue de la Fusterie',
    employees: 3,
    volunteers: 28,
    budgetEuros: 160_000,
    contact: ['Fatima', 'Ben Salah'],
    projectTitle: 'Une épicerie où chacun paie selon ses moyens',
    projectDescription: 'Produits locaux à prix différenciés, ateliers cuisine et jardin partagé avec les maraîchers du Roussillon.',
    impact: '540 foyers accompagnés en 2025, 35 % des produits achetés à moins de 50 km.',
  }),
  n({
    status: 'shortlisted',
    category: 'coeur',
    structureName: 'Fondation Terres de Lozère',
    sirenStem: '77490316',
    legalForm: 'fondation',
    created: '2005-06-30',
    town: 'Mende',
    postalCode: '48000',
    address: '2 allée des Soupirs',
    employees: 5,
    volunteers: 12,
    budgetEuros: 620_000,
    contact: ['Anne-Sophie', 'Rouquette'],
    projectTitle: 'Installer de jeunes paysans sur le Causse',
    projectDescription: 'Portage foncier de fermes et accompagnement des installations agricoles en Lozère.',
    impact: '17 installations depuis 2019, 640 hectares préservés de la déprise.',
  }),
  // ---- Eligible (reviewed, not shortlisted) ----
  n({
    status: 'eligible',
    category: 'social',
    structureName: 'Mutuelle solidaire du Tarn',
    sirenStem: '77594022',
    legalForm: 'mutuelle',
    created: '1998-04-02',
    town: 'Albi',
    postalCode: '81000',
    address: '5 lices Georges Pompidou',
    employees: 48,
    volunteers: 20,
    budgetEuros: 6_200_000,
    contact: ['Véronique', 'Azéma'],
    projectTitle: 'Une complémentaire santé pour les saisonniers agricoles',
    projectDescription: 'Contrat à la carte, sans délai de carence, pour les travailleurs saisonniers du Tarn.',
    impact: '1 300 adhérents saisonniers, reste à charge moyen divisé par deux.',
  }),
  n({
    status: 'eligible',
    category: 'social',
    structureName: 'Régie de quartier Nîmes Ouest',
    sirenStem: '79033418',
    legalForm: 'association',
    created: '2011-11-18',
    town: 'Nîmes',
    postalCode: '30900',
    address: '40 rue de Valdegour',
    employees: 32,
    volunteers: 10,
    budgetEuros: 1_400_000,
    contact: ['Rachid', 'Haddad'],
    projectTitle: 'Habitants salariés de leur quartier',
    projectDescription: 'Entretien des espaces communs et petits travaux confiés à des habitants en insertion.',
    impact: '48 contrats d’insertion en 2025, 60 % de sorties positives.',
  }),
  n({
    status: 'eligible',
    category: 'ecologie',
    structureName: 'SCOP Bâtir ensemble',
    sirenStem: '82455093',
    legalForm: 'cooperative',
    created: '2017-03-03',
    town: 'Montpellier',
    postalCode: '34000',
    address: '110 rue de la Mogère',
    employees: 22,
    volunteers: 0,
    budgetEuros: 2_100_000,
    contact: ['Olivier', 'Marty'],
    projectTitle: 'Rénovation en terre crue et paille',
    projectDescription: 'Rénovation énergétique de logements sociaux avec des matériaux biosourcés produits en Occitanie.',
    impact: '64 logements rénovés, −55 % de consommation de chauffage.',
  }),
  n({
    status: 'eligible',
    category: 'ecologie',
    structureName: 'Les Jardins partagés de Cahors',
    sirenStem: '84912307',
    legalForm: 'association',
    created: '2019-04-10',
    town: 'Cahors',
    postalCode: '46000',
    address: 'Chemin de la Chartreuse',
    employees: 2,
    volunteers: 55,
    budgetEuros: 45_000,
    contact: ['Lucie', 'Carrère'],
    projectTitle: 'Nourrir la ville en bord de Lot',
    projectDescription: 'Jardins partagés, grainothèque et compostage collectif pour trois quartiers de Cahors.',
    impact: '120 familles jardinières, 18 tonnes de biodéchets compostés.',
  }),
  n({
    status: 'eligible',
    category: 'coeur',
    structureName: 'Atelier vélo La Roue libre',
    sirenStem: '85310474',
    legalForm: 'societe_ess',
    created: '2020-02-01',
    town: 'Toulouse',
    postalCode: '31000',
    address: '7 rue des Amidonniers',
    employees: 7,
    volunteers: 30,
    budgetEuros: 290_000,
    contact: ['Hugo', 'Pujol'],
    projectTitle: 'Vélos reconditionnés pour les étudiants',
    projectDescription: 'Société commerciale de l’ESS : reconditionnement, location longue durée et ateliers d’autoréparation.',
    impact: '2 300 vélos remis en circulation, 400 étudiants équipés à moins de 10 € par mois.',
  }),
  n({
    status: 'eligible',
    category: 'social',
    structureName: 'Tiers-lieu La Fabrique',
    sirenStem: '83022657',
    legalForm: 'esus',
    created: '2018-09-24',
    town: 'Tarbes',
    postalCode: '65000',
    address: '1 quai de l’Adour',
    employees: 11,
    volunteers: 14,
    budgetEuros: 530_000,
    contact: ['Marion', 'Vidalenc'],
    projectTitle: 'Un tiers-lieu numérique pour les Hautes-Pyrénées',
    projectDescription: 'Entreprise agréée ESUS : médiation numérique, espace de travail partagé et fabrication numérique.',
    impact: '3 100 personnes accompagnées dans leurs démarches en ligne en 2025.',
  }),
  // ---- Submitted, not reviewed yet ----
  n({
    status: 'submitted',
    category: 'ecologie',
    structureName: 'Coopérative paysanne de Montauban',
    sirenStem: '80877126',
    legalForm: 'cooperative',
    created: '2015-06-11',
    town: 'Montauban',
    postalCode: '82000',
    address: 'Route de Nègrepelisse',
    employees: 12,
    volunteers: 0,
    budgetEuros: 1_750_000,
    contact: ['Mathieu', 'Delmas'],
    projectTitle: 'Des légumes bio dans les cantines du Tarn-et-Garonne',
    projectDescription: 'Plateforme logistique mutualisée entre 40 producteurs pour approvisionner la restauration collective.',
    impact: '85 établissements livrés, 46 % de bio local dans les assiettes.',
  }),
  n({
    status: 'submitted',
    category: 'social',
    structureName: 'Association Habitat et Partage',
    sirenStem: '79624583',
    legalForm: 'association',
    created: '2013-02-26',
    town: 'Foix',
    postalCode: '09000',
    address: '12 allées de Villote',
    employees: 4,
    volunteers: 22,
    budgetEuros: 210_000,
    contact: ['Claude', 'Bouchet'],
    projectTitle: 'Cohabitation entre seniors et jeunes actifs',
    projectDescription: 'Mise en relation et accompagnement de binômes intergénérationnels en Ariège.',
    impact: '74 binômes depuis 2021, 90 % poursuivent au-delà d’un an.',
  }),
  n({
    status: 'submitted',
    category: 'coeur',
    structureName: 'Culture pour tous Béziers',
    sirenStem: '81640268',
    legalForm: 'association',
    created: '2016-12-05',
    town: 'Béziers',
    postalCode: '34500',
    address: '9 avenue Saint-Saëns',
    employees: 2,
    volunteers: 40,
    budgetEuros: 95_000,
    contact: ['Samia', 'Diallo'],
    projectTitle: 'Des places de spectacle offertes aux familles',
    projectDescription: 'Collecte de places invendues auprès des salles et accompagnement des familles aux spectacles.',
    impact: '4 800 places redistribuées en 2025.',
  }),
  // ---- Ineligible, with the organisers' reason ----
  n({
    status: 'ineligible',
    category: 'ecologie',
    structureName: 'GreenLoop SAS',
    sirenStem: '90155342',
    legalForm: 'other',
    created: '2019-07-01',
    town: 'Toulouse',
    postalCode: '31400',
    address: '55 avenue de l’Occitane',
    employees: 18,
    volunteers: 0,
    budgetEuros: 2_600_000,
    contact: ['Maxime', 'Leclerc'],
    projectTitle: 'Consigne de contenants alimentaires',
    projectDescription: 'SAS classique sans agrément ESUS : location de contenants consignés aux restaurants.',
    impact: '300 000 emballages évités.',
    reason: 'Société commerciale sans agrément ESUS ni statut de société de l’ESS : hors du périmètre de la loi de 2014.',
  }),
  n({
    status: 'ineligible',
    category: 'social',
    structureName: 'Collectif Solidarités Sète',
    sirenStem: '93418820',
    legalForm: 'association',
    created: '2025-01-20',
    town: 'Sète',
    postalCode: '34200',
    address: '4 quai de Bosc',
    employees: 0,
    volunteers: 12,
    budgetEuros: 8_000,
    contact: ['Clara', 'Morel'],
    projectTitle: 'Maraudes solidaires sur le port',
    projectDescription: 'Maraudes hebdomadaires et distribution de repas chauds.',
    impact: '60 personnes rencontrées chaque semaine.',
    reason: 'Structure créée en janvier 2025 : moins de deux ans d’existence à la date de clôture.',
  }),
  n({
    status: 'ineligible',
    category: 'ecologie',
    structureName: 'Recyclerie de la Côte Bleue',
    sirenStem: '80533196',
    legalForm: 'association',
    created: '2014-09-09',
    town: 'Martigues',
    postalCode: '13500',
    address: '21 boulevard du 14 Juillet',
    employees: 8,
    volunteers: 16,
    budgetEuros: 340_000,
    contact: ['Jean-Marc', 'Roche'],
    projectTitle: 'Réemploi des matériaux du BTP',
    projectDescription: 'Collecte et revente de matériaux de chantier.',
    impact: '210 tonnes réemployées.',
    reason: 'Siège dans les Bouches-du-Rhône : la structure relève de la CRESS Provence-Alpes-Côte d’Azur.',
  }),
  n({
    status: 'ineligible',
    category: 'coeur',
    structureName: 'Start-up Agrilink',
    sirenStem: '92766104',
    legalForm: 'other',
    created: '2024-03-15',
    town: 'Montpellier',
    postalCode: '34070',
    address: '2 place Pablo Picasso',
    employees: 5,
    volunteers: 0,
    budgetEuros: 400_000,
    contact: ['Romain', 'Gaillard'],
    projectTitle: 'Application de circuits courts',
    projectDescription: 'Marketplace entre producteurs et consommateurs.',
    impact: '1 200 commandes par mois.',
    reason: 'Société commerciale hors ESS, créée en 2024 : deux critères de recevabilité non remplis.',
  }),
  // ---- Withdrawn ----
  n({
    status: 'withdrawn',
    category: 'social',
    structureName: 'SCOP Imprimerie du Lauragais',
    sirenStem: '39815275',
    legalForm: 'cooperative',
    created: '1994-10-03',
    town: 'Castres',
    postalCode: '81100',
    address: 'ZI du Mélou',
    employees: 26,
    volunteers: 0,
    budgetEuros: 3_100_000,
    contact: ['Philippe', 'Fabre'],
    projectTitle: 'Reprise de l’imprimerie par ses salariés',
    projectDescription: 'Transmission de l’entreprise à ses salariés en SCOP.',
    impact: '26 emplois maintenus.',
  }),
  n({
    status: 'withdrawn',
    category: 'ecologie',
    structureName: 'Association Rivières vivantes',
    sirenStem: '80102949',
    legalForm: 'association',
    created: '2013-05-06',
    town: 'Carcassonne',
    postalCode: '11000',
    address: '6 rue Voltaire',
    employees: 3,
    volunteers: 45,
    budgetEuros: 130_000,
    contact: ['Quentin', 'Lemoine'],
    projectTitle: 'Chantiers nature sur l’Aude',
    projectDescription: 'Entretien des berges avec des bénévoles et des jeunes en service civique.',
    impact: '35 km de berges entretenus.',
  }),
  // ---- Drafts (started, never submitted) ----
  n({
    status: 'draft',
    draftStep: 3,
    category: 'social',
    structureName: 'Mutuelle familiale du Gard',
    sirenStem: '77802133',
    legalForm: 'mutuelle',
    created: '1987-01-01',
    town: 'Alès',
    postalCode: '30100',
    address: '18 rue d’Avéjan',
    employees: 30,
    volunteers: 8,
    budgetEuros: 4_000_000,
    contact: ['Christine', 'Boyer'],
    projectTitle: 'Prévention santé en milieu rural',
    projectDescription: '',
    impact: '',
  }),
  n({
    status: 'draft',
    draftStep: 2,
    category: 'ecologie',
    structureName: 'SCIC Alimentation locale Lot',
    sirenStem: '88243010',
    legalForm: 'cooperative',
    created: '2020-06-15',
    town: 'Figeac',
    postalCode: '46100',
    address: '',
    employees: 3,
    volunteers: 20,
    budgetEuros: 180_000,
    contact: ['Zoé', 'Masson'],
    projectTitle: '',
    projectDescription: '',
    impact: '',
  }),
  n({
    status: 'draft',
    draftStep: 1,
    category: 'coeur',
    structureName: '',
    sirenStem: '86011522',
    legalForm: '',
    created: '',
    town: '',
    postalCode: '',
    address: '',
    employees: 0,
    volunteers: 0,
    budgetEuros: 0,
    contact: ['', ''],
    projectTitle: '',
    projectDescription: '',
    impact: '',
  }),
]

function departementOf(postalCode: string) {
  return postalCode.slice(0, 2)
}

function emailOf(spec: NominationSpec, i: number) {
  const [first, last] = spec.contact
  const ascii = (s: string) =>
    s
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLowerCase()
      .replace(/[^a-z]+/g, '')
  return first ? `${ascii(first)}.${ascii(last)}@structure-${i + 1}.example` : `contact@structure-${i + 1}.example`
}

function inTransaction<T>(db: Tx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return '$transaction' in db ? db.$transaction((tx) => fn(tx), { timeout: 60_000, maxWait: 10_000 }) : fn(db)
}

export const DEMO_PRIZE_SLUGS = { current: 'prix-ess-occitanie-2026', next: 'prix-ess-occitanie-2027' } as const

/**
 * Loads the demo prizes of CRESS Occitanie. Does nothing when any prize edition exists or when
 * the organisation is missing, so it is safe to call on every start.
 */
export async function seedDemoPrizes(db: Tx): Promise<{ seeded: boolean; nominations: number }> {
  return inTransaction(db, async (tx) => {
    if ((await tx.prizeEdition.count()) > 0) return { seeded: false, nominations: 0 }
    const organisation = await tx.organisation.findUnique({ where: { slug: ORGANISATION }, select: { id: true } })
    if (!organisation) return { seeded: false, nominations: 0 }
    const reviewer = await tx.membership.findFirst({ where: { organisationId: organisation.id, role: 'admin' }, select: { userId: true } })

    const common = {
      organisationId: organisation.id,
      rules: RULES,
      eligibleLegalForms: JSON.stringify(ESS_FORMS),
      minAgeYears: 2,
      eligibleDepartements: JSON.stringify(OCCITANIE),
    }
    const editionId = newId()
    const closeAt = paris('2026-06-30', '23:59')
    await tx.prizeEdition.create({
      data: {
        ...common,
        id: editionId,
        slug: DEMO_PRIZE_SLUGS.current,
        title: "Prix de l'ESS Occitanie 2026",
        year: 2026,
        description: DESCRIPTION_2026,
        status: 'published',
        submissionsOpenAt: paris('2026-05-10', '09:00'),
        submissionsCloseAt: closeAt,
        juryStartsAt: paris('2026-07-01', '09:00'),
        juryEndsAt: paris('2026-09-30', '18:00'),
        announcementAt: paris('2026-12-08', '18:00'),
        publicVoteEnabled: true,
        voteOpensAt: paris('2026-11-02', '09:00'),
        voteClosesAt: paris('2026-12-05', '23:59'),
      },
    })
    const categoryIds = new Map<CategoryKey, string>()
    for (const [position, c] of demoCategories.entries()) {
      const id = newId()
      categoryIds.set(c.key, id)
      await tx.prizeCategory.create({
        data: { id, editionId, name: c.name, description: c.description, awards: c.awards, position, scaleMin: 0, scaleMax: 5 },
      })
      await tx.scoringCriterion.createMany({
        data: c.criteria.map((k, i) => ({ categoryId: id, name: k.name, rubric: k.rubric, weight: k.weight, position: i })),
      })
    }
    const questionId = newId()
    await tx.prizeQuestion.create({
      data: {
        id: questionId,
        editionId,
        label: 'Comment avez-vous connu le Prix de l’ESS ?',
        type: 'single_choice',
        required: false,
        options: JSON.stringify(['Réseau de la CRESS', 'Réseaux sociaux', 'Presse', 'Bouche-à-oreille']),
        position: 0,
      },
    })

    const rows = demoNominations.map((spec, i) => {
      const submitted = spec.status !== 'draft'
      const reviewed = ['eligible', 'ineligible', 'shortlisted'].includes(spec.status)
      const siret = spec.status === 'draft' && spec.draftStep === 1 ? null : demoSiret(spec.sirenStem)
      const submittedAt = submitted ? new Date(paris('2026-05-12', '10:00').getTime() + i * 2 * 24 * 3600_000 + i * 3_600_000) : null
      const email = emailOf(spec, i)
      return {
        id: newId(),
        editionId,
        categoryId: categoryIds.get(spec.category)!,
        status: spec.status,
        structureName: spec.structureName,
        siret,
        legalForm: spec.legalForm || null,
        creationDate: spec.created ? new Date(`${spec.created}T12:00:00Z`) : null,
        address: spec.address || null,
        postalCode: spec.postalCode || null,
        town: spec.town || null,
        departement: spec.postalCode ? departementOf(spec.postalCode) : null,
        employees: spec.structureName ? spec.employees : null,
        volunteers: spec.structureName ? spec.volunteers : null,
        contactFirstName: spec.contact[0],
        contactLastName: spec.contact[1],
        contactEmail: email,
        contactPhone: spec.contact[0] ? `06 ${String(10 + i).padStart(2, '0')} 4${i % 10} 2${(i * 7) % 10} 1${(i * 3) % 10}` : null,
        projectTitle: spec.projectTitle,
        projectDescription: spec.projectDescription,
        impact: spec.impact,
        budgetCents: spec.budgetEuros ? spec.budgetEuros * 100 : null,
        answers: submitted
          ? JSON.stringify({ [questionId]: ['Réseau de la CRESS', 'Réseaux sociaux', 'Presse', 'Bouche-à-oreille'][i % 4] })
          : '{}',
        locale: 'fr',
        draftStep: submitted ? 5 : (spec.draftStep ?? 1),
        editTokenHash: unusableTokenHash(),
        submittedAt,
        withdrawnAt: spec.status === 'withdrawn' ? paris('2026-06-20', '15:30') : null,
        eligibilityReason: spec.status === 'ineligible' ? (spec.reason ?? null) : null,
        reviewedAt: reviewed ? paris('2026-07-08', '11:00') : null,
        reviewedBy: reviewed ? (reviewer?.userId ?? null) : null,
        searchText: [spec.structureName, spec.projectTitle, spec.town, siret ?? '', email]
          .join(' ')
          .toLowerCase()
          .replace(/\s+/g, ' ')
          .trim(),
        createdAt: submittedAt ? new Date(submittedAt.getTime() - 3 * 24 * 3600_000) : paris('2026-06-25', '20:00'),
      }
    })
    await tx.nomination.createMany({ data: rows })

    // 2027: copied from 2026, still in draft; submissions open in spring.
    const nextId = newId()
    await tx.prizeEdition.create({
      data: {
        ...common,
        id: nextId,
        slug: DEMO_PRIZE_SLUGS.next,
        title: "Prix de l'ESS Occitanie 2027",
        year: 2027,
        description: DESCRIPTION_2026,
        status: 'draft',
        submissionsOpenAt: paris('2027-05-10', '09:00'),
        submissionsCloseAt: paris('2027-06-30', '23:59'),
        juryStartsAt: paris('2027-07-01', '09:00'),
        juryEndsAt: paris('2027-09-30', '18:00'),
        announcementAt: paris('2027-11-08', '18:00'),
        publicVoteEnabled: true,
        voteOpensAt: paris('2027-11-02', '09:00'),
        voteClosesAt: paris('2027-11-30', '23:59'),
        copiedFromId: editionId,
      },
    })
    for (const [position, c] of demoCategories.entries()) {
      const id = newId()
      await tx.prizeCategory.create({
        data: { id, editionId: nextId, name: c.name, description: c.description, awards: c.awards, position, scaleMin: 0, scaleMax: 5 },
      })
      await tx.scoringCriterion.createMany({
        data: c.criteria.map((k, i) => ({ categoryId: id, name: k.name, rubric: k.rubric, weight: k.weight, position: i })),
      })
    }
    await tx.prizeQuestion.create({
      data: {
        editionId: nextId,
        label: 'Comment avez-vous connu le Prix de l’ESS ?',
        type: 'single_choice',
        required: false,
        options: JSON.stringify(['Réseau de la CRESS', 'Réseaux sociaux', 'Presse', 'Bouche-à-oreille']),
        position: 0,
      },
    })
    return { seeded: true, nominations: rows.length }
  })
}
