// Run by the suite test/e2e/suites/large-base.js (a server for the page webhook, a million generated
// customers, regular and queue mode), not by `n8n execute` alone.
module.exports = { runBySuite: 'large-base' };
