import type { Translation } from './types.js';

const fr: Translation = {
  $code: 'fr',
  $name: 'Français',
  $dir: 'ltr',
  $dateLocale: 'fr-MA',

  title: 'Les cookies sur ce site',
  notice:
    'Ce site utilise des cookies, de petits fichiers texte enregistrés par votre navigateur. Les cookies nécessaires à son fonctionnement ne requièrent pas votre accord.',
  noticeUse:
    "Avec votre accord, un cookie de mesure d'audience enregistre les pages consultées ainsi que la date et l'heure de consultation. Ces informations, exploitées sous forme globale pour comprendre l'usage de la plateforme et l'améliorer, ne permettent pas de vous identifier.",
  noticeRefusal:
    "Refuser ne vous empêche pas d'utiliser la plateforme ; seul le blocage de tous les cookies dans votre navigateur peut gêner la navigation.",
  noticeChange: "Vous pouvez changer d'avis à tout moment via « Gérer les cookies ».",
  policyLink: "En savoir plus sur les cookies (conditions générales d'utilisation)",

  acceptAll: 'Tout accepter',
  refuseAll: 'Tout refuser',
  customize: 'Personnaliser',
  save: 'Enregistrer mes choix',
  close: 'Fermer',
  hide: 'Masquer',
  manage: 'Gérer les cookies',
  language: 'Langue',

  confirmAccepted: 'Vous avez accepté tous les cookies facultatifs.',
  confirmRefused: 'Vous avez refusé tous les cookies facultatifs. Seuls les cookies nécessaires sont utilisés.',
  confirmCustom: 'Vos choix ont été enregistrés.',
  confirmChange: 'Vous pouvez modifier ce choix à tout moment avec « Gérer les cookies ».',
  savedOn: 'Choix enregistré le {date}.',

  dialogTitle: 'Paramètres des cookies',
  dialogIntro:
    'Choisissez les cookies que vous autorisez. Les catégories facultatives restent désactivées tant que vous ne les activez pas.',
  rights:
    "Conformément à la loi n° 09-08 relative à la protection des personnes physiques à l'égard du traitement des données à caractère personnel, vous disposez d'un droit d'accès, de rectification et d'opposition.",
  gpcRespected:
    "Votre navigateur a transmis le signal « Global Privacy Control » : nous l'avons respecté et les cookies facultatifs sont refusés. Vous pouvez néanmoins les activer ci-dessous.",
  necessaryLabel: 'Cookies nécessaires',
  necessaryDescription:
    'Indispensables au fonctionnement du site et à la mémorisation de votre choix (cookie « {cookie} », conservé {days} jours). Ils ne peuvent pas être désactivés.',
  alwaysOn: 'Toujours actifs',
  on: 'Activés',
  off: 'Désactivés',
  categoriesLegend: 'Catégories de cookies',
  analyticsLabel: "Mesure d'audience",
  analyticsDescription:
    "Enregistre les pages consultées, la date et l'heure de consultation. Ces informations sont exploitées sous forme globale pour améliorer la plateforme et ne permettent pas de vous identifier.",
};

export default fr;
