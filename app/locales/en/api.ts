import type { api as fr } from '../fr/api.ts'

// Error messages of the JSON API (/api/v1), in the language of Accept-Language (French by default).
export const api: Record<keyof typeof fr, string> = {
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
  'api.error.invalidLimit': 'The "limit" parameter must be a whole number from 1 to {max}.',
  'api.error.invalid': 'Invalid value.',
  'api.error.server': 'Internal error: try again in a moment.',
}
