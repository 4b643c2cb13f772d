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
          title: 'Les cookies sur ce site',
          description:
            "Ce site utilise des cookies, de petits fichiers texte enregistrés par votre navigateur. Les cookies nécessaires à son fonctionnement ne requièrent pas votre accord. Avec votre accord, un cookie de mesure d'audience enregistre aussi les pages consultées ainsi que la date et l'heure de consultation. Ces informations, exploitées sous forme globale pour comprendre l'usage de la plateforme et l'améliorer, ne permettent pas de vous identifier. Refuser ne vous empêche pas d'utiliser la plateforme ; seul le blocage de tous les cookies dans votre navigateur peut gêner la navigation.",
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
