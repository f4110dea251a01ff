import type { checkin as fr } from '../fr/checkin.ts'

// Check-in at the door (émargement), used by staff on a phone.
export const checkin: Record<keyof typeof fr, string> = {
  'checkin.title': 'Check-in',
  'checkin.counter':
    '{checkedIn, plural, one {# person} other {# people}} checked in out of {confirmed, plural, one {# confirmed registration} other {# confirmed registrations}}',
  'checkin.result.ok': '{name} is checked in ({time}).',
  'checkin.result.already': '{name} is already checked in, at {time}.',
  'checkin.result.notConfirmed': '{name} cannot be checked in: registration “{status}”.',
  'checkin.result.notFound': 'No ticket with this code for this event. Check the code or search the person by name.',
  'checkin.search.title': 'Find a person',
  'checkin.search.label': 'Name, organisation or email',
  'checkin.search.submit': 'Search',
  'checkin.search.none': 'Nobody matches “{q}”.',
  'checkin.search.results': '{count, plural, one {# result} other {# results}}',
  'checkin.search.button': 'Check in',
  'checkin.search.buttonFor': 'Check in {name}',
  'checkin.search.alreadyAt': 'Checked in at {time}',
  'checkin.scan.title': 'Ticket',
  'checkin.scan.start': 'Scan a QR code',
  'checkin.scan.stop': 'Stop the camera',
  'checkin.scan.preview': 'Camera picture',
  'checkin.scan.unsupported': 'This browser cannot read QR codes: type the ticket code.',
  'checkin.scan.cameraError': 'The camera is not available. Allow it in the browser or type the ticket code.',
  'checkin.code.label': 'Ticket code',
  'checkin.code.help': 'The 10 characters printed under the QR code.',
  'checkin.code.submit': 'Check in this ticket',
  'checkin.network.online': 'Online',
  'checkin.network.offline': 'Offline: check-ins are kept on this device',
  'checkin.network.pending':
    '{count, plural, =0 {no check-ins waiting to be sent} one {# check-in waiting to be sent} other {# check-ins waiting to be sent}}',
  'checkin.network.syncing': 'sending…',
  'checkin.network.listAt': 'List of attendees saved on this device at {time}.',
  'checkin.result.savedOffline': '{name} is checked in ({time}) on this device; it will be sent when the network is back.',
  'checkin.sync.title': 'To check after sending',
  'checkin.sync.conflict':
    '{name}: checked in twice. Time kept: {keptTime} ({kept}); the other check-in, {laterTime} ({later}), is set aside.',
  'checkin.sync.notConfirmed': '{name} was not checked in: registration “{status}” in the meantime.',
  'checkin.sync.notFound': 'A check-in was not recorded: the registration no longer exists.',
  'checkin.sync.otherDevice': 'another device',
  'checkin.sync.thisDevice': 'this device',
  'checkin.sync.online': 'online',
}
