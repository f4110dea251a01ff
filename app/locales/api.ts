import { defineMessages } from './define.ts'

// Error messages of the JSON API (/api/v1), in the language of Accept-Language (French by default).
export const api = defineMessages(
  {
    'api.error.bodyRequired': 'Le corps de la requête doit être un objet JSON.',
    'api.error.malformedJson': 'Le corps de la requête n’est pas du JSON valide : {detail}',
    'api.error.objectExpected': 'Le corps de la requête doit être un objet JSON, pas {found}.',
    'api.error.bodyTooLarge': 'Le corps de la requête dépasse {max} octets.',
    'api.error.unsupportedMediaType': 'Envoyez le corps en JSON (Content-Type: application/json).',
    'api.error.routeNotFound': 'Aucune ressource à cette adresse de l’API. Voir /api/v1/events.',
    'api.error.methodNotAllowed': 'Méthode {method} non acceptée ici ; utilisez {allowed}.',
    'api.error.eventNotFound': 'Aucun événement avec cet identifiant.',
    'api.error.registrationNotFound': 'Aucune inscription avec cet identifiant.',
    'api.error.invitationOnly': 'Cet événement est sur invitation : on ne peut pas s’y inscrire par l’API publique.',
    'api.error.rateLimited': 'Trop de demandes depuis cette adresse. Réessayez dans {seconds} secondes.',
    'api.error.tokenRequired': 'Cette liste demande un jeton d’API (en-tête « Authorization: Bearer <jeton> »).',
    'api.error.invalidParameter': 'Valeur invalide pour le paramètre « {name} ».',
    'api.error.invalid': 'Valeur invalide.',
    'api.error.server': 'Erreur interne : réessayez dans un instant.',
  },
  {
    'api.error.bodyRequired': 'The request body must be a JSON object.',
    'api.error.malformedJson': 'The request body is not valid JSON: {detail}',
    'api.error.objectExpected': 'The request body must be a JSON object, not {found}.',
    'api.error.bodyTooLarge': 'The request body is larger than {max} bytes.',
    'api.error.unsupportedMediaType': 'Send the body as JSON (Content-Type: application/json).',
    'api.error.routeNotFound': 'No API resource at this address. See /api/v1/events.',
    'api.error.methodNotAllowed': 'Method {method} is not accepted here; use {allowed}.',
    'api.error.eventNotFound': 'No event with this identifier.',
    'api.error.registrationNotFound': 'No registration with this identifier.',
    'api.error.invitationOnly': 'This event is by invitation: it cannot be registered for through the public API.',
    'api.error.rateLimited': 'Too many requests from this address. Try again in {seconds} seconds.',
    'api.error.tokenRequired': 'This list needs an API token ("Authorization: Bearer <token>" header).',
    'api.error.invalidParameter': 'Invalid value for the "{name}" parameter.',
    'api.error.invalid': 'Invalid value.',
    'api.error.server': 'Internal error: try again in a moment.',
  },
)
