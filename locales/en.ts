import type { Translation } from './types.js';

const months = 'January February March April May June July August September October November December'.split(' ');

/** English: a locale pack (dist/locales/en.min.js, or `import 'ma-cookie-consent/locales/en.js'`). */
const en: Translation = {
  $code: 'en',
  $name: 'English',
  $dir: 'ltr',
  $date: (d) => `${d.getDate()} ${months[d.getMonth()]} ${d.getFullYear()}`,
  $days: (n) => `${n} day${n > 1 ? 's' : ''}`,
  $list: ', ',

  title: 'Cookies on this site',
  intro:
    'With your consent, we measure how the site is used (pages visited, date and time) to improve it, through aggregate statistics that are not used to identify you. You can refuse, and change your mind at any time.',
  policyLink: 'More about cookies',

  acceptAll: 'Accept all',
  refuseAll: 'Refuse all',
  customize: 'Customise',
  save: 'Save my choices',
  close: 'Close',
  hide: 'Hide',
  manage: 'Manage cookies',
  language: 'Language',

  confirmAccepted: 'You have accepted all optional cookies.',
  confirmRefused: 'You have refused all optional cookies: only necessary cookies are used.',
  confirmCustom: 'Your choices have been saved.',
  allowedList: 'Allowed categories: {list}.',
  refusedList: 'Refused categories: {list}.',
  confirmChange: 'You can change this choice at any time from “Manage cookies”.',
  savedOn: 'Date of the choice: {date}.',

  dialogTitle: 'Cookie settings',
  dialogIntro: 'Choose the cookies you allow. No optional category is switched on without your consent.',
  aboutTitle: 'About cookies',
  aboutCookies:
    'A cookie is a small text file that your browser stores when you visit. Cookies that are necessary for the site to work are always on.',
  aboutAudience:
    'With your consent, an audience measurement cookie records the pages visited and the date and time of each visit. This information is used in aggregate to understand how the site is used and to improve it; it is not used to identify you.',
  aboutRefusal:
    'Refusing does not stop you from using the site. Blocking every cookie in your browser may, however, make browsing harder.',
  rights:
    'Under Moroccan law 09-08 on the protection of individuals with regard to the processing of personal data, you have the right to access and correct your data, and to object to its processing on legitimate grounds. You may also complain to the national commission for the protection of personal data (CNDP).',
  gpcRespected:
    'Your browser sent the Global Privacy Control signal; in line with it, optional cookies have been refused. You can still switch them on below.',
  categoriesLegend: 'Cookie categories',
  necessaryLabel: 'Necessary cookies',
  necessaryDescription:
    'These cookies are required for the site to work and to remember your choice (cookie “{cookie}”, kept for {days}). They cannot be switched off.',
  alwaysOn: 'Always on',
  on: 'On',
  off: 'Off',
  analyticsLabel: 'Audience measurement cookies',
  analyticsDescription:
    'These cookies record the pages visited and the date and time of each visit. The information is used in aggregate to improve the site and is not used to identify you.',

  blockedTitle: '{title} (content not shown)',
  blockedText: 'This content is provided by {host}. Showing it means allowing the “{category}” category.',
  allow: 'Allow the “{category}” category',
  openOn: 'Open on {host}',
  notOffered: 'This content cannot be shown on this page.',
};

export default en;
