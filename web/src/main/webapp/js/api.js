// Calls to the REST API. Every failure becomes an ApiError whose message is the server's own sentence
// (PROTOCOL.md "Errors"), or a plain one when the server could not be reached at all.
import { currentSession, clearSession } from './session.js';

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

async function call(method, path, body) {
  const headers = { Accept: 'application/json' };
  const session = currentSession();
  if (session) {
    headers.Authorization = 'Bearer ' + session.token;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'network', 'The server could not be reached. Check your connection and try again.');
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!response.ok) {
    if (response.status === 401) {
      clearSession();
    }
    const message = json && typeof json.message === 'string' && json.message
      ? json.message
      : `The server answered HTTP ${response.status}.`;
    throw new ApiError(response.status, json && json.error ? json.error : 'http_' + response.status, message);
  }
  return json;
}

export const api = {
  signIn: (name) => call('POST', 'api/sessions', { name }),
  problems: () => call('GET', 'api/problems'),
  problem: (id) => call('GET', 'api/problems/' + encodeURIComponent(id)),
  submit: (problemId, language, code) => call('POST', 'api/submissions', { problemId, language, code }),
  submission: (id) => call('GET', 'api/submissions/' + encodeURIComponent(id)),
  submissions: () => call('GET', 'api/submissions'),
};
