// One problem: its statement, samples and limits; an editor per language; a submission followed live over
// the socket (with a polling fallback while the socket is away) and the user's recent submissions.
import { api } from './api.js';
import { requireSession, goToSignIn } from './session.js';
import { ArenaSocket, SocketState } from './socket.js';
import { byId, el, formatDateTime, showError } from './dom.js';
import { renderHeader } from './header.js';
import { renderMarkdown } from './markdown.js';
import { enhanceEditor } from './editor.js';
import {
  difficultyBadge, formatMemory, LANGUAGE_NAMES, statusBadge, TEMPLATES, verdictBadge,
} from './judge-view.js';

const POLL_EVERY_MS = 3000;

requireSession();
renderHeader('problems');

const problemId = new URLSearchParams(location.search).get('id') || '';
const draftKey = (language) => `arena.draft.${problemId}.${language}`;

const ui = {
  error: byId('problem-error'),
  layout: byId('problem-layout'),
  language: byId('language-select'),
  editor: byId('code-editor'),
  submit: byId('submit-button'),
  submitError: byId('submit-error'),
  liveState: byId('live-state'),
  resultPanel: byId('result-panel'),
  status: byId('submission-status'),
  summary: byId('result-summary'),
  compileBox: byId('compile-output-box'),
  compileOutput: byId('compile-output'),
  message: byId('result-message'),
  tests: byId('test-results'),
  recent: byId('recent-submissions'),
  recentError: byId('recent-error'),
};

/** The submission on screen; events that arrive while its POST is still in flight wait in earlyEvents. */
let current = null;
let posting = false;
const earlyEvents = [];
let lastUpdate = 0;

// ---- problem -------------------------------------------------------------------------------------

async function loadProblem() {
  if (!problemId) {
    showError(ui.error, 'No problem was named. Pick one from the list of problems.');
    return;
  }
  try {
    const p = await api.problem(problemId);
    document.title = `Arena - ${p.title}`;
    byId('time-limit').textContent = `${p.timeLimitMs} ms`;
    byId('memory-limit').textContent = `${p.memoryLimitMb} MB`;
    const summary = await api.problems().catch(() => []);
    const listed = summary.find((s) => s.id === p.id);
    byId('problem-difficulty').replaceChildren(difficultyBadge(listed ? listed.difficulty : ''));
    byId('statement').replaceChildren(renderMarkdown(p.statement));
    renderSamples(p.samples || []);
    setUpLanguages(p.languages && p.languages.length ? p.languages : Object.keys(TEMPLATES));
    // The title comes last: once it shows, the whole page (languages included) is ready to use.
    byId('problem-title').textContent = p.title;
    ui.layout.hidden = false;
  } catch (e) {
    showError(ui.error, e.message);
  }
}

function renderSamples(samples) {
  byId('samples').replaceChildren(...samples.map((sample, i) => el('div', { class: 'sample', dataset: { testid: 'sample' } },
    el('h3', {}, `Sample ${i + 1}`),
    el('div', { class: 'pair' },
      el('div', {}, el('strong', {}, 'Input'), el('pre', {}, sample.input)),
      el('div', {}, el('strong', {}, 'Output'), el('pre', {}, sample.output))))));
  if (samples.length === 0) {
    byId('samples').append(el('p', { class: 'hint' }, 'This problem has no samples.'));
  }
}

// ---- editor --------------------------------------------------------------------------------------

function setUpLanguages(languages) {
  ui.language.replaceChildren(...languages.map((language) => el('option', { value: language },
    LANGUAGE_NAMES[language] || language)));
  const remembered = sessionStorage.getItem('arena.language');
  if (remembered && languages.includes(remembered)) {
    ui.language.value = remembered;
  }
  loadDraft();
}

function loadDraft() {
  const language = ui.language.value;
  ui.editor.value = sessionStorage.getItem(draftKey(language)) ?? TEMPLATES[language] ?? '';
}

ui.language.addEventListener('change', () => {
  sessionStorage.setItem('arena.language', ui.language.value);
  loadDraft();
});

ui.editor.addEventListener('input', () => {
  sessionStorage.setItem(draftKey(ui.language.value), ui.editor.value);
});

byId('reset-code').addEventListener('click', () => {
  sessionStorage.removeItem(draftKey(ui.language.value));
  loadDraft();
  ui.editor.focus();
});

enhanceEditor(ui.editor, { onSubmit: () => byId('submit-form').requestSubmit() });

// ---- submitting and following --------------------------------------------------------------------

byId('submit-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  showError(ui.submitError, '');
  ui.submit.disabled = true;
  posting = true;
  earlyEvents.length = 0;
  try {
    const accepted = await api.submit(problemId, ui.language.value, ui.editor.value);
    current = { id: accepted.id, done: false };
    posting = false;
    showProgress({ status: accepted.status || 'QUEUED' });
    for (const frame of earlyEvents.splice(0)) {
      onSubmissionEvent(frame);
    }
    loadRecent();
  } catch (e) {
    showError(ui.submitError, e.message);
    if (e.status === 401) {
      goToSignIn();
    }
  } finally {
    posting = false;
    ui.submit.disabled = false;
  }
});

function onSubmissionEvent(frame) {
  if (posting) {
    earlyEvents.push(frame);
    return;
  }
  if (!current || frame.id !== current.id || current.done) {
    if (frame.status === 'DONE') {
      loadRecent();
    }
    return;
  }
  showProgress(frame);
  if (frame.status === 'DONE') {
    finish();
  }
}

function showProgress(update) {
  lastUpdate = Date.now();
  ui.resultPanel.hidden = false;
  ui.resultPanel.dataset.status = update.status;
  ui.status.dataset.status = update.status;
  delete ui.status.dataset.verdict;
  if (update.status === 'QUEUED') {
    ui.status.replaceChildren('Queued: waiting for a judge...');
    clearResult();
  } else if (update.status === 'RUNNING') {
    ui.status.replaceChildren(typeof update.test === 'number' && update.total
      ? `Running test ${update.test} of ${update.total}...`
      : 'Running: compiling and starting the tests...');
  } else if (update.status === 'DONE') {
    ui.status.replaceChildren('Judged. Fetching the details...');
  }
}

async function finish() {
  current.done = true;
  try {
    render(await api.submission(current.id));
  } catch (e) {
    showError(ui.submitError, e.message);
  }
  loadRecent();
}

function clearResult() {
  ui.summary.replaceChildren();
  ui.compileBox.hidden = true;
  ui.message.hidden = true;
  ui.tests.hidden = true;
}

/** The whole record of a finished submission. */
function render(record) {
  ui.resultPanel.dataset.status = record.status;
  ui.status.dataset.status = record.status;
  if (record.status !== 'DONE') {
    showProgress(record);
    return;
  }
  ui.status.dataset.verdict = record.verdict;
  ui.resultPanel.dataset.verdict = record.verdict;
  ui.status.replaceChildren(verdictBadge(record.verdict, { dataset: { testid: 'verdict' } }));
  ui.summary.replaceChildren(`${record.passed} of ${record.total} tests passed`,
    record.verdict === 'COMPILATION_ERROR' ? '' : ` - time ${record.timeMs} ms, memory ${formatMemory(record.memoryKb)}`);
  ui.compileBox.hidden = !record.compileOutput;
  ui.compileOutput.textContent = record.compileOutput || '';
  ui.message.hidden = !record.message;
  ui.message.textContent = record.message || '';
  const tests = record.tests || [];
  ui.tests.hidden = tests.length === 0;
  ui.tests.tBodies[0].replaceChildren(...tests.map((t) => el('tr', { dataset: { testid: 'test-result', verdict: t.verdict } },
    el('td', {}, String(t.index)),
    el('td', {}, verdictBadge(t.verdict)),
    el('td', {}, `${t.timeMs} ms`),
    el('td', {}, formatMemory(t.memoryKb)))));
}

// Events are at-most-once and the socket may be away: a submission that has been quiet for a while is
// asked about directly.
setInterval(async () => {
  if (!current || current.done || Date.now() - lastUpdate < POLL_EVERY_MS) {
    return;
  }
  try {
    const record = await api.submission(current.id);
    if (current.done) {
      return;
    }
    lastUpdate = Date.now();
    if (record.status === 'DONE') {
      current.done = true;
      render(record);
      loadRecent();
    } else {
      showProgress(record);
    }
  } catch (e) {
    showError(ui.submitError, e.message);
  }
}, 1000);

// ---- recent submissions --------------------------------------------------------------------------

async function loadRecent() {
  try {
    const list = await api.submissions();
    showError(ui.recentError, '');
    ui.recent.tBodies[0].replaceChildren(...list.map((s) => el('tr', { dataset: { testid: 'recent-submission', id: s.id } },
      el('td', {}, formatDateTime(s.createdAt)),
      el('td', {}, el('a', { href: 'problem.html?id=' + encodeURIComponent(s.problemId) }, s.problemId)),
      el('td', {}, LANGUAGE_NAMES[s.language] || s.language),
      el('td', {}, statusBadge(s.status, s.verdict)),
      el('td', {}, `${s.passed}/${s.total}`),
      el('td', {}, s.status === 'DONE' ? `${s.timeMs} ms` : ''))));
    if (list.length === 0) {
      ui.recent.tBodies[0].append(el('tr', {}, el('td', { colspan: 6 }, 'No submissions yet.')));
    }
  } catch (e) {
    showError(ui.recentError, e.message);
  }
}

// ---- live updates --------------------------------------------------------------------------------

const socket = new ArenaSocket({ entry: 'geo' });
socket.addEventListener('state', (event) => {
  const { state } = event.detail;
  ui.liveState.dataset.state = state;
  ui.liveState.textContent = state === SocketState.OPEN
    ? `connected${socket.welcome ? ' to ' + socket.welcome.instance : ''}`
    : state === SocketState.RECONNECTING ? 'reconnecting...' : state;
});
socket.addEventListener('frame', (event) => {
  const frame = event.detail;
  if (frame.type === 'submission') {
    onSubmissionEvent(frame);
  }
});
socket.addEventListener('unauthorized', () => goToSignIn());
socket.start();

loadProblem();
loadRecent();
