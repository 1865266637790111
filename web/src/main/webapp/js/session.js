// The signed-in user's name and token, kept per browser tab (sessionStorage): closing the tab signs out.
const KEY = 'arena.session';

/** @returns {{user: string, token: string} | null} */
export function currentSession() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(KEY));
    return saved && typeof saved.user === 'string' && typeof saved.token === 'string' ? saved : null;
  } catch {
    return null;
  }
}

export function saveSession(user, token) {
  sessionStorage.setItem(KEY, JSON.stringify({ user, token }));
}

export function clearSession() {
  sessionStorage.removeItem(KEY);
}

/** Sends the browser to the sign-in page, remembering where to come back to. */
export function goToSignIn() {
  const back = location.pathname + location.search;
  location.assign('index.html?next=' + encodeURIComponent(back));
}

/** The session, or a redirect to sign in when there is none. */
export function requireSession() {
  const session = currentSession();
  if (!session) {
    goToSignIn();
    throw new Error('not signed in');
  }
  return session;
}
