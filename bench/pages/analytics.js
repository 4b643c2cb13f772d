/* global window, performance */
// The gated "analytics" script of the benchmark: it records when it ran, nothing else.
window.__analyticsAt = performance.now();
performance.mark('analytics-run');
