// Helpers both pages use: building elements without innerHTML (every value shown comes from a target server).
'use strict';

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null && child !== false) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function verdictBadge(verdict) {
  return el('span', { class: 'verdict ' + String(verdict).toLowerCase() }, verdict);
}

// Shows a problem-details answer: its title, and each field's messages.
function showProblem(section, problem) {
  section.replaceChildren(el('strong', {}, problem.title || 'The request failed.'));
  if (problem.detail) section.append(el('p', {}, problem.detail));
  const list = el('ul');
  for (const [field, messages] of Object.entries(problem.errors || {})) {
    for (const message of messages) list.append(el('li', { 'data-field': field }, el('b', {}, field + ': '), message));
  }
  if (list.childElementCount) section.append(list);
  section.hidden = false;
}

async function readProblem(response) {
  try { return await response.json(); } catch { return { title: response.status + ' ' + response.statusText }; }
}

// Every change carries the antiforgery token the dashboard issues to the signed-in page (a cookie alone is not enough).
let antiforgery = null;
async function api(path, init = {}) {
  const method = (init.method || 'GET').toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') {
    antiforgery ??= await (await fetch('/api/antiforgery')).json();
    init = { ...init, headers: { ...(init.headers || {}), [antiforgery.headerName]: antiforgery.token } };
  }
  return fetch(path, init);
}

// The account bar: who is signed in, with Sign out; or, signed out, the development sign-in's accounts (Development
// only; a platform's own sign-in replaces it). Resolves to the account, or null (the page's content stays hidden).
async function signedIn() {
  const bar = document.getElementById('account');
  const { account, developmentAccounts } = await (await fetch('/account')).json();
  if (account) {
    const signOut = el('button', { type: 'button', class: 'secondary', id: 'sign-out' }, 'Sign out');
    signOut.addEventListener('click', async () => {
      await api('/account/sign-out', { method: 'POST' });
      location.reload();
    });
    bar.replaceChildren('Signed in as ', el('strong', { id: 'account-name' }, account), ' ', signOut);
    document.querySelector('main').hidden = false;
    return account;
  }
  bar.replaceChildren(developmentAccounts.length ? 'Sign in (development) as ' : 'Not signed in.',
    ...developmentAccounts.map(name => el('button', { type: 'button', class: 'secondary sign-in', 'data-account': name }, name)));
  bar.addEventListener('click', async event => {
    const name = event.target.dataset?.account;
    if (!name) return;
    const response = await fetch('/account/development-sign-in', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ account: name }),
    });
    if (response.ok) location.reload();
  });
  return null;
}
