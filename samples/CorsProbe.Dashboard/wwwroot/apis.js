// The Registered APIs page: every API with its last verdict, its alert if it went from Allowed to Denied, and its history;
// its URL opens it in the Check form as registered, and Remove stops watching it. An API registered by its OpenAPI
// document has one row per operation under it; the form above registers one.
'use strict';

async function load() {
  const response = await fetch('/api/apis');
  if (!response.ok) {
    showProblem(document.getElementById('errors'), await readProblem(response));
    return;
  }
  const apis = await response.json();
  const body = document.querySelector('#apis tbody');
  body.replaceChildren();
  document.getElementById('empty').hidden = apis.length > 0;
  for (const api of apis) {
    const history = el('details', { class: 'history' }, el('summary', {}, 'History'));
    history.addEventListener('toggle', () => loadHistory(api.id, history), { once: true });
    const document = api.kind === 'OpenApi';
    body.append(el('tr', { 'data-id': api.id, class: api.alert ? 'alerted' : null },
      el('td', {}, document ? el('a', { href: api.url, title: 'The OpenAPI document' }, api.url) : el('a', { href: '/?api=' + api.id, title: 'Check it again' }, api.url)),
      el('td', {}, api.origin),
      el('td', {}, document
        ? 'Every operation of the OpenAPI document (' + api.operations.length + ')'
        : [api.methods.join(', '), api.headers.length ? el('br') : null, api.headers.join(', '), api.credentials ? ' (credentials)' : '']),
      el('td', {}, api.profile),
      el('td', {}, api.lastVerdict ? verdictBadge(api.lastVerdict) : '—', api.alert ? el('p', { class: 'alert' }, api.alert) : null),
      el('td', {}, api.lastCheckedAt ? new Date(api.lastCheckedAt).toLocaleString() : '—'),
      el('td', {}, history),
      el('td', {}, el('button', { type: 'button', class: 'secondary remove', 'data-id': api.id }, 'Remove'))));
    for (const operation of api.operations || []) {
      body.append(el('tr', { class: 'operation', 'data-api': api.id },
        el('td', { colspan: 3 }, el('code', {}, operation.label), el('br'), el('small', {}, operation.url)),
        el('td', {}, el('small', {}, operation.location)),
        el('td', {}, verdictBadge(operation.verdict)),
        el('td', { colspan: 3 }, operation.errorCodes.join(' '))));
    }
  }
}

document.getElementById('register-openapi').addEventListener('submit', async event => {
  event.preventDefault();
  const form = event.target;
  const errors = document.getElementById('errors');
  errors.hidden = true;
  const button = form.querySelector('button');
  button.disabled = true;
  try {
    const response = await api('/api/apis/openapi', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ url: form.url.value.trim(), origin: form.origin.value.trim() || null }),
    });
    if (!response.ok) {
      showProblem(errors, await readProblem(response));
      return;
    }
    form.reset();
    await load();
  } finally {
    button.disabled = false;
  }
});

document.querySelector('#apis tbody').addEventListener('click', async event => {
  const id = event.target.closest('button.remove')?.dataset.id;
  if (!id) return;
  const response = await api('/api/apis/' + id, { method: 'DELETE' });
  if (!response.ok) {
    showProblem(document.getElementById('errors'), await readProblem(response));
    return;
  }
  await load();
});

async function loadHistory(id, details) {
  const { history } = await (await fetch('/api/apis/' + id)).json();
  details.append(el('ol', { class: 'checks' }, history.map(check =>
    el('li', {}, new Date(check.checkedAt).toLocaleString(), ' ', verdictBadge(check.verdict), ' ', check.summary))));
}

signedIn().then(account => account && load());
