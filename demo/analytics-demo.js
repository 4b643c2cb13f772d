// A stand-in for an analytics tag (Matomo, GA4): it may only run after consent. It marks the
// page and sets a cookie shaped like Matomo's, which a withdrawal must delete.
(function () {
  window.__demoAnalyticsRuns = (window.__demoAnalyticsRuns || 0) + 1;
  document.documentElement.dataset.analytics = 'on';
  var state = document.getElementById('analytics-state');
  if (state)
    state.textContent = document.documentElement.lang === 'ar' ? 'مفعّل (بعد موافقتكم)' : 'active (après votre accord)';
  document.cookie =
    '_pk_id.demo=' + Math.random().toString(16).slice(2) + '; path=/; max-age=' + 60 * 60 * 24 * 30 + '; SameSite=Lax';
  document.dispatchEvent(new CustomEvent('demo-analytics-ran'));
})();
