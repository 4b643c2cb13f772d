// The demo's playground: live controls for the element, and a view of what consent changed
// (gated items, cookies, events). None of this is needed on a real site.
const consent = document.querySelector('ma-cookie-consent');
const arabicPage = document.documentElement.lang === 'ar';
const say = (fr, ar) => (arabicPage ? ar : fr);

// Controls ---------------------------------------------------------------------------------
const langSelect = document.getElementById('ctl-lang');
const themeSelect = document.getElementById('ctl-theme');
const positionSelect = document.getElementById('ctl-position');
langSelect.value = consent.getAttribute('lang') || document.documentElement.lang;
langSelect.addEventListener('change', () => consent.setAttribute('lang', langSelect.value));
themeSelect.addEventListener('change', () => consent.setAttribute('theme', themeSelect.value));
positionSelect.addEventListener('change', () => consent.setAttribute('position', positionSelect.value));
document.getElementById('ctl-reset').addEventListener('click', () => consent.reset());

// Gated items ------------------------------------------------------------------------------
const gated = Array.from(document.querySelectorAll('[data-consent]')).map((el) => ({
  el,
  category: el.getAttribute('data-consent'),
  kind:
    el.localName === 'script'
      ? el.hasAttribute('src')
        ? `script ${el.getAttribute('src')}`
        : 'script inline'
      : el.localName,
}));
const gatedList = document.getElementById('gated');

function gatedState(item) {
  if (item.el.localName === 'iframe') return item.el.hasAttribute('src');
  return !item.el.isConnected; // activated scripts and templates are replaced in the page
}

let gatedKey = '';
function renderGated() {
  // Only touch the list when something changed: the observer below watches the whole page.
  const key = gated.map(gatedState).join();
  if (key === gatedKey) return;
  gatedKey = key;
  gatedList.replaceChildren(
    ...gated.map((item) => {
      const li = document.createElement('li');
      const ran = gatedState(item);
      li.dataset.state = ran ? 'ran' : 'waiting';
      li.textContent = `${item.kind} — ${item.category} — ${ran ? say('exécuté', 'نُفِّذ') : say('en attente de consentement', 'في انتظار الموافقة')}`;
      return li;
    }),
  );
}

// Cookies ----------------------------------------------------------------------------------
const cookieView = document.getElementById('cookies');
function renderCookies() {
  const lines = document.cookie
    ? document.cookie.split('; ').map((pair) => {
        const [name, ...rest] = pair.split('=');
        const value = rest.join('=');
        if (name === 'ma_cookie_consent') {
          try {
            return `${name} = ${JSON.stringify(JSON.parse(decodeURIComponent(value)), null, 2)}`;
          } catch {
            return `${name} = ${value}`;
          }
        }
        return `${name} = ${value}`;
      })
    : [say('(aucun cookie)', '(لا توجد ملفات تعريف ارتباط)')];
  const text = lines.join('\n');
  if (cookieView.textContent !== text) cookieView.textContent = text;
}

// Events -----------------------------------------------------------------------------------
const eventList = document.getElementById('events');
for (const type of ['ma-consent-ready', 'ma-consent-change']) {
  document.addEventListener(type, (event) => {
    const li = document.createElement('li');
    const time = new Date().toLocaleTimeString('fr-MA');
    li.textContent = `${time} ${type} ${JSON.stringify(event.detail)}`;
    eventList.prepend(li);
    renderGated();
  });
}
if (consent.consent !== undefined) {
  const li = document.createElement('li');
  li.textContent = `(${say('au chargement', 'عند التحميل')}) consent = ${JSON.stringify(consent.consent)}`;
  eventList.append(li);
}

const refresh = () => {
  renderGated();
  renderCookies();
};
new MutationObserver(refresh).observe(document.body, {
  childList: true,
  subtree: true,
  attributes: true,
  attributeFilter: ['src'],
});
setInterval(renderCookies, 500);
refresh();
