// Personal links (the /r/<token> pages): asking for a new link, and the page of a link that was replaced.
export const links = {
  'links.newLink.title': 'Mon lien personnel',
  'links.newLink.intro':
    'Vous avez transféré un de nos e-mails ou montré cette page à quelqu’un ? Demandez un nouveau lien : il vous sera envoyé par e-mail, et tous les liens précédents, ceux de vos anciens e-mails compris, ne fonctionneront plus.',
  'links.newLink.submit': 'Recevoir un nouveau lien',
  'links.error.tooManyNewLinks':
    'Vous avez déjà demandé plusieurs nouveaux liens ces derniers temps : regardez dans votre boîte de réception (et les courriers indésirables), ou réessayez dans {minutes, plural, one {# minute} other {# minutes}}.',
  'links.toast.rotated': 'Un nouveau lien vous a été envoyé à {sentTo}. Les anciens liens ne fonctionnent plus.',
  'links.replaced.pageTitle': 'Lien remplacé',
  'links.replaced.title': 'Ce lien a été remplacé',
  'links.replaced.body':
    'Ce lien vers l’inscription à « {event} » a été remplacé par un lien plus récent, à la demande de la personne inscrite : il ne donne plus accès à l’inscription.',
  'links.replaced.where':
    'Le lien actuel a été envoyé à {sentTo}. Vous ne le retrouvez pas ? Nous pouvons l’envoyer de nouveau à cette adresse, et seulement à celle-ci.',
  'links.replaced.resend': 'Renvoyer le lien actuel par e-mail',
  'links.replaced.sent':
    'C’est envoyé : un lien personnel part vers {sentTo}. Il peut mettre quelques minutes à arriver ; regardez aussi dans les courriers indésirables.',
  'links.replaced.tooSoon':
    'Un lien a déjà été envoyé à {sentTo} il y a moins de 5 minutes. Attendez-le un peu (regardez aussi dans les courriers indésirables) avant de redemander.',
  'links.replaced.home': 'Aller à l’accueil',
}
