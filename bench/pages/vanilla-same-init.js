/* global CookieConsent, iframemanager */
// vanilla-cookieconsent 3.1.0 and iframemanager 1.3.0 doing the work ma-cookie-consent does: French and
// Arabic texts (Arabic right-to-left), analytics, and one embedded video behind a placeholder, its
// "video" category wired both ways as the two libraries' documentation shows. The video comes from the
// benchmark's own server, and no thumbnail is fetched (no thumbnailUrl).
const im = iframemanager();

im.run({
  currLang: 'fr',
  onChange: ({ eventSource }) => {
    if (eventSource.type === 'click' && eventSource.action === 'accept') {
      CookieConsent.acceptCategory([...CookieConsent.getUserPreferences().acceptedCategories, 'video']);
    }
  },
  services: {
    video: {
      embedUrl: '/video.html?v={data-id}',
      iframe: { allow: 'fullscreen; picture-in-picture' },
      cookie: { name: 'im_video' },
      languages: {
        fr: {
          notice:
            'Cette vidéo est hébergée par un service tiers. En l\'affichant, vous acceptez ses <a href="/cgu#article-6">conditions d\'utilisation</a> et ses cookies.',
          loadBtn: 'Afficher la vidéo',
          loadAllBtn: 'Toujours afficher les vidéos',
        },
        ar: {
          notice:
            'هذا المقطع مستضاف لدى جهة خارجية. وبعرضه، فإنكم توافقون على <a href="/cgu#article-6">شروط استعمالها</a> وعلى ملفات تعريف الارتباط الخاصة بها.',
          loadBtn: 'عرض المقطع',
          loadAllBtn: 'عرض المقاطع دائمًا',
        },
      },
    },
  },
});

const syncVideo = () =>
  CookieConsent.acceptedCategory('video') ? im.acceptService('video') : im.rejectService('video');

CookieConsent.run({
  categories: {
    necessary: { enabled: true, readOnly: true },
    analytics: {
      autoClear: { cookies: [{ name: /^_ga/ }, { name: '_gid' }, { name: /^_pk_/ }] },
    },
    video: {},
  },
  onConsent: syncVideo,
  onChange: syncVideo,
  language: {
    default: 'fr',
    autoDetect: 'document',
    rtl: 'ar',
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
              title: 'Vidéos intégrées',
              description:
                'Affiche les vidéos hébergées par un service tiers, qui peut déposer ses propres cookies et savoir sur quelle page la vidéo a été vue.',
              linkedCategory: 'video',
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
      ar: {
        consentModal: {
          title: 'ملفات تعريف الارتباط على هذا الموقع',
          description:
            'بعد موافقتكم، نُحصي زيارات الموقع (الصفحات المطّلَع عليها وتاريخ الاطلاع وساعته) قصد تحسينه، بإحصائيات إجمالية لا تُستعمَل للتعرف على هويتكم. ويمكنكم الرفض أو تغيير اختياركم في أي وقت.',
          acceptAllBtn: 'قبول الكل',
          acceptNecessaryBtn: 'رفض الكل',
          showPreferencesBtn: 'تخصيص الاختيارات',
          footer: '<a href="/cgu#article-6">لمزيد من المعلومات حول ملفات تعريف الارتباط (الشروط العامة للاستعمال)</a>',
        },
        preferencesModal: {
          title: 'إعدادات ملفات تعريف الارتباط',
          acceptAllBtn: 'قبول الكل',
          acceptNecessaryBtn: 'رفض الكل',
          savePreferencesBtn: 'حفظ اختياراتي',
          closeIconLabel: 'إغلاق',
          sections: [
            {
              description:
                'اختاروا ملفات تعريف الارتباط التي تأذنون باستعمالها. وتظل الفئات الاختيارية غير مفعّلة ما لم تقوموا بتفعيلها.',
            },
            {
              title: 'ملفات تعريف الارتباط الضرورية',
              description: 'لا غنى عنها لاشتغال الموقع ولحفظ اختياركم، ولا يمكن تعطيلها.',
              linkedCategory: 'necessary',
            },
            {
              title: 'قياس نسبة الارتياد',
              description:
                'يسجّل الصفحات التي اطلعتم عليها وتاريخ الاطلاع وساعته. وتُستثمر هذه المعطيات بصفة إجمالية لتحسين المنصة، ولا تُمكّن من التعرف على هويتكم.',
              linkedCategory: 'analytics',
            },
            {
              title: 'مقاطع الفيديو المدمجة',
              description:
                'يتيح عرض مقاطع الفيديو التي تستضيفها جهة خارجية، والتي قد تضع ملفات تعريف الارتباط الخاصة بها وتعرف الصفحة التي شوهد فيها المقطع.',
              linkedCategory: 'video',
            },
            {
              title: 'نبذة عن ملفات تعريف الارتباط',
              description:
                'ملف تعريف الارتباط ملف نصي صغير يحفظه متصفحكم أثناء زياراتكم. أما ملفات تعريف الارتباط الضرورية لاشتغال الموقع فهي مفعّلة دائمًا. وبعد موافقتكم، يُستعمَل ملف تعريف ارتباط لقياس الزيارات، يُسجِّل الصفحات التي تطّلعون عليها وتاريخ الاطلاع وساعته. وتُستعمَل هذه المعلومات بصفة إجمالية قصد فهم طريقة استعمال الموقع وتحسينه، ولا تُستعمَل للتعرف على هويتكم. لا يحول الرفض دون استعمالكم الموقع، غير أن تعطيل جميع ملفات تعريف الارتباط من خلال إعدادات متصفحكم قد يؤثر في سهولة التصفح.',
            },
            {
              title: 'لمزيد من المعلومات',
              description:
                'طبقًا للقانون رقم <bdi>09-08</bdi> المتعلق بحماية الأشخاص الذاتيين تجاه معالجة المعطيات ذات الطابع الشخصي، لكم الحق في الولوج إلى معطياتكم وتصحيحها والتعرض على معالجتها. <a href="/cgu#article-6">الشروط العامة للاستعمال</a>',
            },
          ],
        },
      },
    },
  },
});
