// The Check page: sends the form to /api/check (or /api/apis to register), renders the report, and can make the
// same fetch() from this browser to compare its outcome with CorsProbe's prediction.
'use strict';

const $ = id => document.getElementById(id);
// The profiles every report judges; a report may hold more (the platform's, when the dashboard is configured to judge it).
const browserProfiles = ['Browser', 'Chromium', 'Firefox', 'WebKit'];
let running = null;

$('origin').value = location.origin;
signedIn().then(account => {
  if (!account) return;
  const registeredId = new URLSearchParams(location.search).get('api');
  if (registeredId) fillFromRegistration(registeredId);
  showDemo();
});

// Opened from the Registered APIs list: the form holds the API as it was registered, ready to check again.
async function fillFromRegistration(id) {
  const response = await fetch('/api/apis/' + encodeURIComponent(id));
  if (!response.ok) {
    showProblem($('errors'), await readProblem(response));
    return;
  }
  const { api } = await response.json();
  $('url').value = api.url;
  $('origin').value = api.origin;
  $('methods').value = api.methods.join(', ');
  $('headers').value = api.headers.join('\n');
  $('credentials').checked = api.credentials;
  $('profile').value = api.profile;
}

// The demo API, when the dashboard runs one: links that fill the form with its setups, at the loopback origin this
// browser can reach, so "Verify in this browser" works on them.
const showDemo = () => fetch('/api/demo').then(response => response.ok ? response.json() : null).then(demo => {
  if (!demo) return;
  $('demo').replaceChildren('Try the demo API (its setups are also registered, as the Galxe dashboard calls them): ',
    ...demo.setups.flatMap((setup, index) => [index ? ', ' : '', el('a', { href: '#', title: setup.description, 'data-path': setup.path }, setup.path)]));
  $('demo').addEventListener('click', event => {
    const path = event.target.dataset?.path;
    if (!path) return;
    event.preventDefault();
    const setup = demo.setups.find(s => s.path === path);
    $('url').value = demo.loopbackOrigin + setup.path;
    $('methods').value = setup.methods.join(', ');
    $('headers').value = setup.headers.join('\n');
    $('credentials').checked = setup.credentials;
  });
  $('demo').hidden = false;
});

function readForm() {
  return {
    url: $('url').value,
    origin: $('origin').value,
    methods: $('methods').value.split(/[\s,]+/).filter(Boolean),
    headers: $('headers').value.split('\n').map(line => line.trim()).filter(Boolean),
    credentials: $('credentials').checked,
    profile: $('profile').value,
    audit: $('audit').checked,
  };
}

function showStatus(text) {
  $('status').replaceChildren(...[text].flat());
  $('status').hidden = false;
}

async function send(path, request) {
  running?.abort();
  running = new AbortController();
  $('errors').hidden = true;
  showStatus('Checking ' + request.url + ' …');
  $('cancel').hidden = false;
  try {
    const response = await api(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
      signal: running.signal,
    });
    if (!response.ok) {
      showProblem($('errors'), await readProblem(response));
      $('report').hidden = true;
      $('status').hidden = true;
      return null;
    }
    $('status').hidden = true;
    return await response.json();
  } catch (error) {
    if (error.name === 'AbortError') showStatus('Cancelled: the dashboard stopped the probe.');
    else showProblem($('errors'), { title: 'The dashboard could not be reached.', detail: String(error) });
    return null;
  } finally {
    $('cancel').hidden = true;
    running = null;
  }
}

$('check-form').addEventListener('submit', async event => {
  event.preventDefault();
  const request = readForm();
  const report = await send('/api/check', request);
  if (report) render(request, report);
});

$('register').addEventListener('click', async () => {
  const request = readForm();
  const registered = await send('/api/apis', request);
  if (!registered) return;
  showStatus(['Registered as API #' + registered.id + ' (last verdict ' + registered.lastVerdict + '); it is checked again on a schedule. ',
    el('a', { href: '/apis.html' }, 'See the registered APIs')]);
  const report = await (await fetch('/api/apis/' + registered.id + '/report')).json();
  render(request, report);
});

$('cancel').addEventListener('click', () => running?.abort());

$('copy-curl').addEventListener('click', async () => {
  await navigator.clipboard.writeText($('curl').textContent);
  $('copy-curl').textContent = 'Copied';
  setTimeout(() => { $('copy-curl').textContent = 'Copy'; }, 1500);
});

function render(request, report) {
  $('report-target').textContent = report.url + ' from ' + report.origin + (report.credentials ? ', with credentials' : '');
  const profiles = Object.keys(report.verdicts);
  $('verdicts').replaceChildren(...profiles.map(profile =>
    el('li', { 'data-profile': profile, class: profile === report.profile ? 'decides' : null },
      el('span', { class: 'profile' }, profile), verdictBadge(report.verdicts[profile]),
      profile === report.profile ? el('small', {}, 'decides the verdict') : null)));
  for (const platform of profiles.filter(profile => !browserProfiles.includes(profile))) {
    if (report.verdicts[platform] === report.verdicts.Browser) continue;
    $('verdicts').append(el('li', { class: 'difference' },
      report.verdicts[platform] === 'Allowed'
        ? `The ${platform} check passes, but browsers block the call: see the findings.`
        : `The ${platform} check fails although browsers allow the call: see the findings.`));
  }

  $('findings').replaceChildren(...(report.findings.length ? report.findings.map(finding => renderFinding(report, finding)) : [el('p', {}, 'No findings.')]));
  $('audit-section').hidden = !report.audited;
  if (report.audited) {
    $('audit-findings').replaceChildren(...(report.securityFindings.length
      ? report.securityFindings.map(risk => el('div', { class: 'finding risk-' + risk.risk.toLowerCase() },
          el('div', {}, el('span', { class: 'severity' }, risk.risk), el('code', {}, risk.code), ' ', el('strong', {}, risk.title), ' ', el('small', {}, risk.cwe)),
          el('p', {}, risk.message), el('p', { class: 'fix' }, 'Fix: ', risk.remedy), el('p', { class: 'evidence' }, risk.evidence)))
      : [el('p', { class: 'ok' }, 'The audit found no origin, scheme or null-origin acceptance to worry about.')]));
  }

  $('exchanges').replaceChildren(...report.preflights.map(exchange => renderExchange(exchange)));
  $('curl').textContent = report.curlCommand;

  const sameOrigin = report.origin === location.origin;
  $('origin-note').replaceChildren(sameOrigin
    ? 'This page is served from ' + location.origin + ', the origin CorsProbe probed as: your browser makes the same calls (the actual requests too, ' + request.methods.join(', ') + ') and its outcome checks the prediction.'
    : 'This page is served from ' + location.origin + ', but CorsProbe probed as ' + report.origin + '. Your browser would send Origin: ' + location.origin + ', so its outcome does not tell what happens for ' + report.origin + ': the comparison does not apply. Set the origin to ' + location.origin + ' to compare.');
  $('origin-note').className = sameOrigin ? 'note' : 'note warning';
  $('origin-note').dataset.sameOrigin = sameOrigin;
  $('verify-result').replaceChildren();
  $('verify').onclick = () => verify(request, report, sameOrigin);
  $('report').hidden = false;
}

function renderFinding(report, finding) {
  const severity = finding.severities[report.profile] || finding.severity;
  return el('div', { class: 'finding severity-' + severity.toLowerCase(), 'data-code': finding.code },
    el('div', {}, el('span', { class: 'severity' }, severity), el('code', {}, finding.code), ' ', el('strong', {}, finding.title),
      finding.method ? el('small', {}, ' (' + finding.method + ')') : null),
    el('p', {}, finding.engines && finding.engines.length < 3 ? el('b', {}, 'Only in ' + finding.engines.join(' and ') + ': ') : null, finding.message),
    finding.remedy ? el('p', { class: 'fix' }, 'Fix: ', finding.remedy) : null);
}

function renderExchange(exchange) {
  const outcome = exchange.status != null ? exchange.status + ' ' + (exchange.reasonPhrase || '') : (exchange.error || 'no response');
  const headers = (title, lines) => el('div', {}, el('h4', {}, title),
    el('pre', {}, (lines || []).map(([name, value]) => name + ': ' + value).join('\n') || '(none)'));
  const details = el('details', { class: 'exchange' },
    el('summary', {}, el('b', {}, exchangeTitle(exchange)), ' ', exchange.url, ' → ', outcome,
      exchange.engines && exchange.engines.length < 3 ? el('small', {}, ' (' + exchange.engines.join(', ') + ')') : null),
    el('div', { class: 'headers' }, headers('Request', exchange.requestHeaders), headers('Response', exchange.responseHeaders)));
  for (const redirect of exchange.redirects || []) details.append(renderExchange(redirect));
  if (exchange.actualRequest) details.append(renderExchange(exchange.actualRequest));
  return details;
}

function exchangeTitle(exchange) {
  switch (exchange.kind) {
    case 'Preflight': return 'OPTIONS preflight for ' + exchange.method;
    case 'StandIn': return 'GET standing in for ' + exchange.method;
    default: return exchange.method + ' (the actual request)';
  }
}

// The engine whose verdict this browser's outcome checks.
function thisEngine() {
  const agent = navigator.userAgent;
  if (/Firefox\//.test(agent)) return 'Firefox';
  if (/Chrome\/|Chromium\/|Edg\//.test(agent)) return 'Chromium';
  if (/Safari\//.test(agent)) return 'WebKit';
  return 'Browser';
}

// A header named without a value gets one no safelist accepts, as CorsProbe assumes for it.
function headerValue(name) {
  return name.toLowerCase() === 'content-type' ? 'application/json' : '{corsprobe}';
}

async function verify(request, report, sameOrigin) {
  const headers = {};
  for (const line of request.headers) {
    const colon = line.indexOf(':');
    const name = (colon < 0 ? line : line.slice(0, colon)).trim();
    headers[name] = colon < 0 ? headerValue(name) : line.slice(colon + 1).trim();
  }
  const outcomes = [];
  for (const method of request.methods) {
    const upper = method.toUpperCase();
    try {
      const response = await fetch(report.url, {
        method,
        headers,
        mode: 'cors',
        credentials: request.credentials ? 'include' : 'same-origin',
        cache: 'no-store',
        body: upper === 'GET' || upper === 'HEAD' ? undefined : '{}',
      });
      outcomes.push({ method, resolved: true, text: 'resolved (' + response.status + ')' });
    } catch (error) {
      outcomes.push({ method, resolved: false, text: 'failed: ' + error.name + ': ' + error.message });
    }
  }
  const engine = thisEngine();
  const allowed = outcomes.every(outcome => outcome.resolved);
  const predicted = report.verdicts[engine];
  // An inconclusive prediction is no prediction: this browser's own calls are what settles it.
  const inconclusive = predicted === 'Inconclusive';
  const agrees = (predicted === 'Allowed') === allowed;
  const result = $('verify-result');
  result.dataset.browserAllowed = allowed;
  result.dataset.agrees = !sameOrigin ? 'not-applicable' : inconclusive ? 'settled' : agrees;
  result.replaceChildren(
    el('ul', {}, outcomes.map(outcome => el('li', { class: outcome.resolved ? 'ok' : 'failed' }, el('b', {}, outcome.method), ' ', outcome.text))),
    el('p', { class: 'comparison ' + (!sameOrigin || inconclusive ? 'warning' : agrees ? 'agrees' : 'disagrees') },
      'This browser (' + engine + ') ' + (allowed ? 'allowed' : 'blocked') + ' the calls; CorsProbe predicted ' + predicted + ' for ' + engine + ': ',
      !sameOrigin ? 'not comparable (the origins differ).'
        : inconclusive ? 'it could not tell from the stand-in GET, and these calls settle it.'
        : agrees ? 'they agree.' : 'they disagree.'));
}
