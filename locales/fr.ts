import type { Translation } from './types.js';

const months = 'janvier février mars avril mai juin juillet août septembre octobre novembre décembre'.split(' ');

const fr: Translation = {
  $code: 'fr',
  $name: 'Français',
  $dir: 'ltr',
  $date: (d) => `${d.getDate() === 1 ? '1er' : d.getDate()}\u00a0${months[d.getMonth()]} ${d.getFullYear()}`,
  $days: (n) => `${n}\u00a0jour${n > 1 ? 's' : ''}`,
  $list: ', ',

  title: 'Cookies sur ce site',
  intro:
    "Avec votre accord, nous mesurons l'audience du site (pages consultées, date et heure) afin de l'améliorer ; ces données, exploitées sous forme globale, ne servent pas à vous identifier. Vous pouvez refuser ; votre choix reste modifiable à tout moment.",
  policyLink: 'En savoir plus sur les cookies',

  acceptAll: 'Tout accepter',
  refuseAll: 'Tout refuser',
  customize: 'Personnaliser',
  save: 'Enregistrer mes choix',
  close: 'Fermer',
  hide: 'Masquer',
  manage: 'Gérer les cookies',
  language: 'Langue',

  confirmAccepted: 'Vous avez accepté tous les cookies facultatifs.',
  confirmRefused: 'Vous avez refusé tous les cookies facultatifs : seuls les cookies nécessaires sont utilisés.',
  confirmCustom: 'Vos choix ont été enregistrés.',
  allowedList: 'Catégories autorisées : {list}.',
  refusedList: 'Catégories refusées : {list}.',
  confirmChange: 'Vous pouvez modifier ce choix à tout moment depuis « Gérer les cookies ».',
  savedOn: 'Date du choix : {date}.',

  dialogTitle: 'Paramètres des cookies',
  dialogIntro:
    "Choisissez les cookies que vous autorisez. Aucune catégorie facultative n'est activée sans votre accord.",
  aboutTitle: 'À propos des cookies',
  aboutCookies:
    'Un cookie est un petit fichier texte que votre navigateur enregistre sur votre appareil lors de vos visites sur le site. Les cookies nécessaires au fonctionnement du site sont toujours actifs.',
  aboutAudience:
    "Avec votre accord, un cookie de mesure d'audience enregistre les pages consultées ainsi que la date et l'heure de consultation. Ces informations sont exploitées sous forme globale, pour comprendre l'usage du site et l'améliorer ; elles ne servent pas à vous identifier.",
  aboutRefusal:
    "Refuser ne vous empêche pas d'utiliser le site. Bloquer tous les cookies dans votre navigateur peut toutefois gêner la navigation.",
  rights:
    "Conformément à la loi n° 09-08 relative à la protection des personnes physiques à l'égard du traitement des données à caractère personnel, vous disposez d'un droit d'accès et de rectification, ainsi que d'un droit d'opposition pour des motifs légitimes. Vous pouvez également saisir la Commission nationale de contrôle de la protection des données à caractère personnel (CNDP).",
  gpcRespected:
    'Votre navigateur a transmis le signal « Global Privacy Control » ; conformément à ce signal, les cookies facultatifs ont été refusés. Vous pouvez néanmoins les activer ci-dessous.',
  categoriesLegend: 'Catégories de cookies',
  necessaryLabel: 'Cookies nécessaires',
  necessaryDescription:
    'Ces cookies sont indispensables au fonctionnement du site et à la mémorisation de votre choix (cookie « {cookie} », conservé pendant {days}). Ils ne peuvent pas être désactivés.',
  alwaysOn: 'Toujours actifs',
  on: 'Activés',
  off: 'Désactivés',
  analyticsLabel: "Cookies de mesure d'audience",
  analyticsDescription:
    "Ces cookies enregistrent les pages consultées, la date et l'heure de consultation. Les informations sont exploitées sous forme globale pour améliorer le site et ne servent pas à vous identifier.",

  blockedTitle: '{title} (contenu non affiché)',
  blockedText: "Ce contenu est fourni par {host}. L'afficher revient à autoriser la catégorie « {category} ».",
  allow: 'Autoriser la catégorie « {category} »',
  openOn: 'Ouvrir sur {host}',
  notOffered: 'Ce contenu ne peut pas être affiché sur cette page.',
};

export default fr;
