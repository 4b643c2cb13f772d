import type { Translation } from './types.js';

const en: Translation = {
  $code: 'en',
  $name: 'English',
  $dir: 'ltr',
  $dateLocale: 'en-GB',

  title: 'Cookies on this site',
  notice:
    'A cookie is a small text file stored by your browser. This site uses cookies that are necessary for it to work; they do not require your consent.',
  noticeUse:
    'With your consent, it also uses an audience measurement cookie, which records information about your browsing: the pages visited and the date and time of each visit. This information is only used in aggregate, to understand how the platform is used and to improve it; it does not identify you.',
  noticeRefusal:
    'Refusing audience measurement does not stop you from using the platform. Blocking every cookie in your browser, including necessary ones, may however make browsing harder.',
  noticeChange: 'You can change your choice at any time with the “Manage cookies” link.',
  policyLink: 'Find out more: terms of use, article on cookies',

  acceptAll: 'Accept all',
  refuseAll: 'Refuse all',
  customize: 'Customise',
  save: 'Save my choices',
  close: 'Close',
  hide: 'Hide',
  manage: 'Manage cookies',
  language: 'Language',

  confirmAccepted: 'You have accepted all optional cookies.',
  confirmRefused: 'You have refused all optional cookies. Only necessary cookies are used.',
  confirmCustom: 'Your choices have been saved.',
  confirmChange: 'You can change this choice at any time with “Manage cookies”.',
  savedOn: 'Choice recorded on {date}.',

  dialogTitle: 'Cookie settings',
  dialogIntro:
    'Choose the cookies you allow. Optional categories stay off until you switch them on.',
  rights:
    'Under Moroccan law 09-08 on the protection of individuals with regard to the processing of personal data, you have the right to access, correct and object to the processing of your data.',
  gpcRespected:
    'Your browser sent the Global Privacy Control signal: we have respected it and optional cookies are refused. You can still switch them on below.',
  necessaryLabel: 'Necessary cookies',
  necessaryDescription:
    'Required for the site to work and to remember your choice (cookie “{cookie}”, kept for {days} days). They cannot be switched off.',
  alwaysOn: 'Always on',
  on: 'On',
  off: 'Off',
  categoriesLegend: 'Cookie categories',
  analyticsLabel: 'Audience measurement',
  analyticsDescription:
    'Records the pages visited and the date and time of each visit. This information is used in aggregate to improve the platform and does not identify you.',
};

export default en;
