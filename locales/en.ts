import type { Translation } from './types.js';

const en: Translation = {
  $code: 'en',
  $name: 'English',
  $dir: 'ltr',
  $dateLocale: 'en-GB',

  title: 'Cookies on this site',
  notice:
    'This site uses cookies, small text files stored by your browser. Cookies that are necessary for it to work do not require your consent.',
  noticeUse:
    'With your consent, an audience measurement cookie also records the pages visited and the date and time of each visit. This information, used only in aggregate to understand how the platform is used and to improve it, does not identify you.',
  noticeRefusal:
    'Refusing does not stop you from using the platform; only blocking every cookie in your browser may make browsing harder.',
  noticeChange: 'You can change your mind at any time with “Manage cookies”.',
  policyLink: 'More about cookies (terms of use)',

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
  dialogIntro: 'Choose the cookies you allow. Optional categories stay off until you switch them on.',
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
