import { api } from './api.js';
import { currentSession, saveSession } from './session.js';
import { byId, showError } from './dom.js';
import { renderHeader } from './header.js';

function nextPage() {
  const next = new URLSearchParams(location.search).get('next');
  // Only a path on this site: never an absolute or protocol-relative address.
  return next && /^\/[A-Za-z0-9_.\-/]*(\?[^#]*)?$/.test(next) && !next.startsWith('//') ? next : null;
}

function showSignedIn() {
  const session = currentSession();
  renderHeader('home');
  byId('sign-in-panel').hidden = !!session;
  byId('signed-in-panel').hidden = !session;
  if (session) {
    byId('signed-in-name').textContent = session.user;
  }
}

byId('sign-in-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const button = byId('sign-in-button');
  const error = byId('sign-in-error');
  showError(error, '');
  button.disabled = true;
  try {
    const session = await api.signIn(byId('name-input').value.trim());
    saveSession(session.user, session.token);
    const next = nextPage();
    if (next) {
      location.assign(next);
      return;
    }
    showSignedIn();
  } catch (e) {
    showError(error, e.message);
    byId('name-input').focus();
  } finally {
    button.disabled = false;
  }
});

showSignedIn();
