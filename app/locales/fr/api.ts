// Error messages of the JSON API (/api/v1), in the language of Accept-Language (French by default).
export const api = {
  'api.error.bodyRequired': 'Le corps de la requête doit être un objet JSON.',
  'api.error.malformedJson': 'Le corps de la requête n’est pas du JSON valide : {detail}',
  'api.error.objectExpected': 'Le corps de la requête doit être un objet JSON, pas {found}.',
  'api.error.bodyTooLarge': 'Le corps de la requête dépasse {max} octets.',
  'api.error.unsupportedMediaType': 'Envoyez le corps en JSON (Content-Type: application/json).',
  'api.error.routeNotFound': 'Aucune ressource à cette adresse de l’API. Voir /api/v1/events.',
  'api.error.methodNotAllowed': 'Méthode {method} non acceptée ici ; utilisez {allowed}.',
  'api.error.eventNotFound': 'Aucun événement avec cet identifiant.',
  'api.error.registrationNotFound': 'Aucune inscription avec cet identifiant.',
  'api.error.invitationOnly': 'Cet événement est sur invitation : on ne peut pas s’y inscrire par l’API publique.',
  'api.error.rateLimited': 'Trop de demandes depuis cette adresse. Réessayez dans {seconds} secondes.',
  'api.error.tokenRequired': 'Cette liste demande un jeton d’API (en-tête « Authorization: Bearer <jeton> »).',
  'api.error.invalidParameter': 'Valeur invalide pour le paramètre « {name} ».',
  'api.error.invalidLimit': 'Le paramètre « limit » doit être un nombre entier de 1 à {max}.',
  'api.error.invalid': 'Valeur invalide.',
  'api.error.server': 'Erreur interne : réessayez dans un instant.',
}
