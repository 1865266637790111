// The problem list: public, so it works signed in or not.
import { api } from './api.js';
import { byId, el, showError } from './dom.js';
import { renderHeader } from './header.js';
import { difficultyBadge } from './judge-view.js';

renderHeader('problems');

async function load() {
  try {
    const problems = await api.problems();
    byId('problem-list').replaceChildren(...problems.map((p) => el('li', { dataset: { testid: 'problem', id: p.id } },
      el('a', { href: 'problem.html?id=' + encodeURIComponent(p.id), dataset: { testid: 'problem-link' } }, p.title),
      difficultyBadge(p.difficulty))));
    if (problems.length === 0) {
      byId('problem-list').append(el('li', {}, 'No problems are available yet.'));
    }
  } catch (e) {
    showError(byId('problems-error'), e.message);
  } finally {
    byId('problems-loading').hidden = true;
  }
}

load();
