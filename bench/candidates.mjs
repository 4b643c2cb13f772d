// What `npm run bench` compares: each candidate is one way of putting a consent manager in the same
// ministry page (bench/pages/ministry.html), and `buildPages` makes one page per candidate.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const BUNDLE = 'dist/ma-cookie-consent.min.js';
export const VANILLA = 'node_modules/vanilla-cookieconsent/dist';
export const IFRAMEMANAGER = 'node_modules/@orestbida/iframemanager/dist';

const GATED_OURS = '<script type="text/plain" data-consent="analytics" src="/analytics.js"></script>';
const GATED_VANILLA = '<script type="text/plain" data-category="analytics" src="/analytics.js"></script>';

// One embedded video, in the same place on every page that has one (after the lead paragraph, in the
// first screen), the same size: ours gated by the element, vanilla's by iframemanager.
const VIDEO_TITLE = 'Présentation de la plateforme E-ARTISANAT';
const video = (embed) =>
  `<section class="video" aria-labelledby="video">
        <h2 id="video">La plateforme en vidéo</h2>
        ${embed}
      </section>`;
const VIDEO_OURS = video(
  `<iframe data-consent="video" data-src="/video.html" title="${VIDEO_TITLE}" width="560" height="315"></iframe>`,
);
const VIDEO_IFRAMEMANAGER = video(
  `<div data-service="video" data-id="presentation" data-title="${VIDEO_TITLE}" data-autoscale></div>`,
);

const OURS_BANNER = `document.querySelector('ma-cookie-consent')?.shadowRoot?.querySelector('[part~="banner"]')`;
const VANILLA_BANNER = `document.querySelector('#cc-main .cm')`;
const VANILLA_ACCEPT = '#cc-main .cm [data-role="all"]';
// As vanilla-cookieconsent's "Getting started" page says: its CSS deferred in <head>, the script and
// the configuration file deferred at the end of <body>.
const VANILLA_CSS = `<link rel="stylesheet" href="/vcc/cookieconsent.css" media="print" onload="this.media='all'" />`;

/**
 * `files`: the candidate's URLs (checked against Resource Timing: each must have been downloaded).
 * `sizeFiles`: the same files on disk, for the static gzip figure; `config: true` marks a
 * configuration file, counted without its comment lines (a site would not ship ours).
 */
export const candidates = [
  {
    id: 'ours-head',
    label: 'ours, head',
    head: `<script src="/${BUNDLE}"></script>`,
    bodyStart: '<ma-cookie-consent policy-url="/cgu#article-6" categories="analytics video"></ma-cookie-consent>',
    video: VIDEO_OURS,
    gated: GATED_OURS,
    banner: OURS_BANNER,
    accept: 'ma-cookie-consent [part~="accept"]',
    files: [`/${BUNDLE}`],
    sizeFiles: [{ path: BUNDLE }],
  },
  {
    id: 'ours-embed',
    label: 'ours, one tag',
    head: `<script src="/${BUNDLE}" data-policy-url="/cgu#article-6" data-categories="analytics video" data-position="bottom" defer></script>`,
    video: VIDEO_OURS,
    gated: GATED_OURS,
    banner: OURS_BANNER,
    accept: 'ma-cookie-consent [part~="accept"]',
    files: [`/${BUNDLE}`],
    sizeFiles: [{ path: BUNDLE }],
  },
  {
    id: 'vanilla',
    label: 'vanilla (plain)',
    head: VANILLA_CSS,
    bodyEnd:
      '<script defer src="/vcc/cookieconsent.umd.js"></script>\n    <script defer src="/vanilla-init.js"></script>',
    gated: GATED_VANILLA,
    banner: VANILLA_BANNER,
    accept: VANILLA_ACCEPT,
    files: ['/vcc/cookieconsent.css', '/vcc/cookieconsent.umd.js', '/vanilla-init.js'],
    sizeFiles: [
      { path: `${VANILLA}/cookieconsent.umd.js` },
      { path: `${VANILLA}/cookieconsent.css` },
      { path: 'bench/pages/vanilla-init.js', config: true },
    ],
  },
  {
    // iframemanager as its README says: its stylesheet in <head>, its script deferred in <body>, run
    // from a configuration file (here the same file as cookieconsent's, which must call it).
    id: 'vanilla-same',
    label: 'vanilla + iframemanager (same work)',
    head: `${VANILLA_CSS}\n    <link rel="stylesheet" href="/im/iframemanager.css" />`,
    bodyEnd:
      '<script defer src="/vcc/cookieconsent.umd.js"></script>\n    <script defer src="/im/iframemanager.js"></script>\n    <script defer src="/vanilla-same-init.js"></script>',
    video: VIDEO_IFRAMEMANAGER,
    gated: GATED_VANILLA,
    banner: VANILLA_BANNER,
    accept: VANILLA_ACCEPT,
    files: [
      '/vcc/cookieconsent.css',
      '/im/iframemanager.css',
      '/vcc/cookieconsent.umd.js',
      '/im/iframemanager.js',
      '/vanilla-same-init.js',
    ],
    sizeFiles: [
      { path: `${VANILLA}/cookieconsent.umd.js` },
      { path: `${VANILLA}/cookieconsent.css` },
      { path: `${IFRAMEMANAGER}/iframemanager.js` },
      { path: `${IFRAMEMANAGER}/iframemanager.css` },
      { path: 'bench/pages/vanilla-same-init.js', config: true },
    ],
  },
  {
    // Our page without any consent manager (the gated video stays an empty frame): the baseline of
    // the unthrottled long-task check.
    id: 'none',
    label: 'the page without a consent manager',
    video: VIDEO_OURS,
    gated: GATED_OURS,
    banner: null,
    files: [],
    sizeFiles: [],
  },
];

/** The candidates of the throttled runs and of the main table, in its column order. */
export const compared = candidates.filter((c) => c.id !== 'none');

/** The server's routes (URL prefix → directory), `root` being the repository. */
export const routes = (root) => ({
  '/dist/': join(root, 'dist'),
  '/vcc/': join(root, VANILLA),
  '/im/': join(root, IFRAMEMANAGER),
  '/': join(root, 'bench/pages'),
});

/** path → HTML of each candidate's page: `/<id>.html`. */
export function buildPages(root) {
  const template = readFileSync(join(root, 'bench/pages/ministry.html'), 'utf8');
  const services = [
    [
      'Immatriculation au registre national',
      "Inscrivez votre activité d'artisan et obtenez votre numéro d'immatriculation.",
    ],
    ["Carte d'artisan", "Demandez ou renouvelez la carte professionnelle qui atteste de votre qualité d'artisan."],
    ['Formation qualifiante', 'Trouvez une formation par apprentissage dans votre métier et votre région.'],
    ['Couverture médicale', "Déclarez votre activité pour bénéficier de l'assurance maladie obligatoire."],
    ['Labels et certification', "Faites certifier l'origine et la qualité de vos produits artisanaux."],
    ['Salons et expositions', 'Participez aux salons nationaux et internationaux de l’artisanat marocain.'],
  ];
  const cards = `<div>${services
    .map(
      ([title, text]) =>
        `\n          <article class="card"><h3>${title}</h3><p>${text}</p><a href="#">Commencer la démarche</a></article>`,
    )
    .join('')}\n        </div>`;
  const news = Array.from({ length: 8 }, (_, i) => {
    const day = String(20 - i).padStart(2, '0');
    return `\n        <article><time datetime="2026-11-${day}">${20 - i} novembre 2026</time><h3><a href="#">Lancement de la campagne nationale de soutien aux artisans, étape ${i + 1}</a></h3><p>Les artisans inscrits au registre national peuvent désormais déposer en ligne leur demande de soutien. Les dossiers sont instruits par les directions régionales dans un délai de trente jours, et chaque étape est suivie depuis l'espace personnel de la plateforme.</p></article>`;
  }).join('');
  const pages = {};
  for (const c of candidates) {
    pages[`/${c.id}.html`] = template
      .replace('<!--candidate-head-->', c.head ?? '')
      .replace('<!--candidate-body-start-->', c.bodyStart ?? '')
      .replace('<!--candidate-body-end-->', c.bodyEnd ?? '')
      .replace('<!--video-->', c.video ?? '')
      .replace('<!--gated-->', c.gated)
      .replace('<!--cards-->', cards)
      .replace('<!--news-->', `<div class="news">${news}\n        </div>`);
  }
  return pages;
}
