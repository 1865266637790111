// The header every page shares: the site's sections and the signed-in user with a sign-out button.
import { currentSession, clearSession } from './session.js';
import { el, byId } from './dom.js';

export function renderHeader(active) {
  const header = byId('site-header');
  const session = currentSession();
  const link = (href, text, key) => el('a', {
    href, 'aria-current': active === key ? 'page' : null, dataset: { testid: 'nav-' + key },
  }, text);
  const nav = el('nav', { 'aria-label': 'Sections' },
    link('rooms.html', 'Rooms', 'rooms'),
    link('problems.html', 'Problems', 'problems'));
  const who = session
    ? el('div', { class: 'who' },
      el('span', { id: 'signed-in-user', dataset: { testid: 'signed-in-user' } }, session.user),
      el('button', {
        type: 'button', id: 'sign-out', class: 'secondary', dataset: { testid: 'sign-out' },
        onclick: () => {
          clearSession();
          location.assign('index.html');
        },
      }, 'Sign out'))
    : el('a', { href: 'index.html', dataset: { testid: 'nav-sign-in' } }, 'Sign in');
  header.replaceChildren(
    el('a', { href: 'index.html', class: 'brand' }, 'Arena'),
    nav,
    who);
}
