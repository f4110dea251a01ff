// Demo applications for the YESS Académie (an event that selects its participants): every
// registration of the event carries a project; people still awaiting a decision (`applied`) and
// refused ones are added, some applications are rated and commented by the organisers.
// Deterministic (the event's own random generator), like the rest of the demo events.

type Rng = () => number

const PROJECTS: { name: string; description: string; needs: string | null }[] = [
  {
    name: 'La Recyclerie du Narbonnais',
    description: 'Une recyclerie qui collecte, répare et revend à petit prix meubles et électroménager, avec des salariés en insertion.',
    needs: 'Trouver un local de 400 m² et financer le premier camion.',
  },
  {
    name: 'Épicerie itinérante des Corbières',
    description: 'Un camion-épicerie en circuit court pour les villages sans commerce, porté en SCIC avec des producteurs.',
    needs: 'Statuts de SCIC, prêt d’honneur pour le véhicule.',
  },
  {
    name: 'Tiers-lieu La Fabrique',
    description: 'Un tiers-lieu rural : café associatif, atelier partagé, résidences d’artistes et coworking.',
    needs: 'Modèle économique et gouvernance avec la commune.',
  },
  {
    name: 'Roule ma poule',
    description: 'Covoiturage solidaire pour les rendez-vous médicaux des personnes âgées, avec des chauffeurs bénévoles.',
    needs: 'Assurance, plateforme de réservation simple.',
  },
  {
    name: 'Conserverie des Jardins',
    description: 'Une conserverie qui valorise les invendus des maraîchers locaux et forme des salariés en insertion.',
    needs: 'Mise aux normes sanitaires, débouchés en restauration collective.',
  },
  {
    name: 'Répar’Vélo',
    description: 'Un atelier vélo participatif : réparation, vente de vélos reconditionnés, cours pour apprendre à rouler en ville.',
    needs: null,
  },
  {
    name: 'Les Toits Partagés',
    description: 'De l’habitat participatif intergénérationnel dans un ancien domaine viticole, en coopérative d’habitants.',
    needs: 'Montage juridique et financement du foncier.',
  },
  {
    name: 'Numérique pour tous 11',
    description: 'Des permanences d’aide aux démarches en ligne et des ateliers numériques dans les médiathèques rurales.',
    needs: 'Conventions avec les collectivités, recrutement de médiateurs.',
  },
  {
    name: 'Cantine des Garrigues',
    description: 'Une cantine solidaire à prix libre qui cuisine les produits des paysans du territoire.',
    needs: 'Prêt pour l’équipement de cuisine.',
  },
  {
    name: 'Textile Solidaire',
    description: 'Un atelier de couture qui transforme les textiles usagés en sacs et accessoires, en chantier d’insertion.',
    needs: 'Agrément IAE, premiers clients entreprises.',
  },
  {
    name: 'Garde d’enfants coopérative',
    description: 'Une crèche parentale en horaires décalés pour les parents travaillant dans le tourisme et la santé.',
    needs: 'Agrément PMI, local.',
  },
  {
    name: 'Énergie Citoyenne Aude',
    description: 'Une société citoyenne de production d’électricité solaire sur les toits des bâtiments publics.',
    needs: 'Levée de fonds citoyenne, accompagnement juridique.',
  },
]

const TERRITORIES = [
  'Narbonne (11)',
  'Carcassonne (11)',
  'Lézignan-Corbières (11)',
  'Limoux (11)',
  'Béziers (34)',
  'Montpellier (34)',
  'Perpignan (66)',
  'Toulouse (31)',
  'Albi (81)',
  'Quillan (11)',
]

const COMMENTS = [
  'Projet solide, équipe déjà constituée. À prioriser.',
  'Besoin de clarifier le modèle économique avant la session.',
  'Très bon ancrage territorial, partenariat avec la mairie en cours.',
  'Déjà accompagné par un incubateur : vérifier que la session apporte quelque chose.',
  'Candidature courte, appeler la porteuse pour en savoir plus.',
]

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)]!
}

export type ApplicationFields = {
  projectName: string
  projectStage: string
  projectDescription: string
  projectTerritory: string
  projectNeeds: string | null
  rating: number | null
  decidedAt: Date | null
  decidedByUserId: string | null
  decisionMessage: string | null
}

const DECIDED = ['confirmed', 'offered', 'waitlisted', 'refused', 'cancelled']

/** The project and review of one demo application, given its status. */
export function applicationOf(
  rng: Rng,
  status: string,
  createdAt: Date,
  organiserUserId: string | null,
  lastDecision: Date,
): ApplicationFields {
  const project = pick(rng, PROJECTS)
  const decided = DECIDED.includes(status)
  const decidedAt = decided ? new Date(Math.min(lastDecision.getTime(), createdAt.getTime() + (2 + rng() * 6) * 24 * 60 * 60 * 1000)) : null
  const rating = decided
    ? status === 'refused'
      ? 1 + Math.floor(rng() * 2)
      : 3 + Math.floor(rng() * 3)
    : rng() < 0.4
      ? 2 + Math.floor(rng() * 4)
      : null
  return {
    projectName: project.name,
    projectStage: pick(rng, ['idea', 'creation', 'creation', 'development']),
    projectDescription: project.description,
    projectTerritory: pick(rng, TERRITORIES),
    projectNeeds: project.needs,
    rating,
    decidedAt,
    decidedByUserId: decided ? organiserUserId : null,
    decisionMessage:
      decided && rng() < 0.3
        ? status === 'refused'
          ? 'Votre projet est encore très en amont : pensez à la prochaine session de printemps.'
          : 'Au plaisir de vous retrouver à Narbonne !'
        : null,
  }
}

/** A few internal comments on the first applications, by the organiser. */
export function demoComments(rng: Rng, registrations: { id: string; createdAt: Date }[], authorUserId: string | null) {
  return registrations
    .filter(() => rng() < 0.3)
    .map((r) => ({
      registrationId: r.id,
      authorUserId,
      body: pick(rng, COMMENTS),
      createdAt: new Date(r.createdAt.getTime() + 24 * 60 * 60 * 1000),
    }))
}
