/* global CookieConsent */
// vanilla-cookieconsent 3.1.0, configured as its "Getting started" page says (categories +
// language), in French, with an analytics category and the same notice as ours.
CookieConsent.run({
  categories: {
    necessary: { enabled: true, readOnly: true },
    analytics: {
      autoClear: { cookies: [{ name: /^_ga/ }, { name: '_gid' }, { name: /^_pk_/ }] },
    },
  },
  language: {
    default: 'fr',
    translations: {
      fr: {
        consentModal: {
          title: 'Cookies sur ce site',
          description:
            "Avec votre accord, nous mesurons l'audience du site (pages consultées, date et heure) pour l'améliorer, au moyen de statistiques globales qui ne servent pas à vous identifier. Vous pouvez refuser, et changer d'avis à tout moment.",
          acceptAllBtn: 'Tout accepter',
          acceptNecessaryBtn: 'Tout refuser',
          showPreferencesBtn: 'Personnaliser',
          footer: '<a href="/cgu#article-6">En savoir plus sur les cookies (conditions générales d\'utilisation)</a>',
        },
        preferencesModal: {
          title: 'Paramètres des cookies',
          acceptAllBtn: 'Tout accepter',
          acceptNecessaryBtn: 'Tout refuser',
          savePreferencesBtn: 'Enregistrer mes choix',
          closeIconLabel: 'Fermer',
          sections: [
            {
              description:
                'Choisissez les cookies que vous autorisez. Les catégories facultatives restent désactivées tant que vous ne les activez pas.',
            },
            {
              title: 'Cookies nécessaires',
              description:
                'Indispensables au fonctionnement du site et à la mémorisation de votre choix. Ils ne peuvent pas être désactivés.',
              linkedCategory: 'necessary',
            },
            {
              title: "Mesure d'audience",
              description:
                "Enregistre les pages consultées, la date et l'heure de consultation. Ces informations sont exploitées sous forme globale pour améliorer la plateforme et ne permettent pas de vous identifier.",
              linkedCategory: 'analytics',
            },
            {
              title: 'À propos des cookies',
              description:
                "Un cookie est un petit fichier texte que votre navigateur enregistre lors de vos visites. Les cookies nécessaires au fonctionnement du site sont toujours actifs. Avec votre accord, un cookie de mesure d'audience enregistre les pages consultées ainsi que la date et l'heure de consultation. Ces informations sont exploitées sous forme globale, pour comprendre l'usage du site et l'améliorer ; elles ne servent pas à vous identifier. Refuser ne vous empêche pas d'utiliser le site. Bloquer tous les cookies dans votre navigateur peut toutefois gêner la navigation.",
            },
            {
              title: 'En savoir plus',
              description:
                "Conformément à la loi n° 09-08, vous disposez d'un droit d'accès, de rectification et d'opposition. <a href=\"/cgu#article-6\">Conditions générales d'utilisation</a>",
            },
          ],
        },
      },
    },
  },
});
