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
