// The rooms page: one reconnecting socket, the rooms it is in, their live messages and who is present.
import { requireSession, goToSignIn } from './session.js';
import { ArenaSocket, SocketState } from './socket.js';
import { byId, el, formatTime, showError } from './dom.js';
import { renderHeader } from './header.js';

const ROOM_NAME = /^[A-Za-z0-9_-]{1,64}$/;
// Older messages are dropped from the page past this, so a busy room cannot grow it without bound.
const MAX_MESSAGES_PER_ROOM = 500;

const session = requireSession();
renderHeader('rooms');

/** @type {Map<string, {items: HTMLElement[], members: Set<string>, lastOffset: number, unread: number}>} */
const rooms = new Map();
let active = null;
let socket = null;
let reconnects = 0;
let everWelcomed = false;

const ui = {
  connection: byId('connection'),
  connectionText: byId('connection-text'),
  instance: byId('instance'),
  reconnectCount: byId('reconnect-count'),
  error: byId('rooms-error'),
  roomInput: byId('room-input'),
  entry: byId('entry-select'),
  area: byId('room-area'),
  tabs: byId('room-tabs'),
  title: byId('room-title'),
  messages: byId('messages'),
  messageInput: byId('message-input'),
  presenceList: byId('presence-list'),
  presenceCount: byId('presence-count'),
};

function startSocket() {
  if (socket) {
    socket.stop();
  }
  everWelcomed = false;
  socket = new ArenaSocket({ entry: ui.entry.value, rooms: [...rooms.keys()] });
  socket.addEventListener('state', (event) => showState(event.detail));
  socket.addEventListener('frame', (event) => onFrame(event.detail));
  socket.addEventListener('unauthorized', () => goToSignIn());
  socket.start();
}

function showState({ state, delay, attempt }) {
  ui.connection.dataset.state = state;
  if (state === SocketState.OPEN) {
    ui.connectionText.textContent = 'Connected';
  } else if (state === SocketState.CONNECTING) {
    ui.connectionText.textContent = 'Connecting...';
  } else if (state === SocketState.RECONNECTING) {
    ui.instance.textContent = '-';
    ui.connectionText.textContent = delay === undefined
      ? 'Connection lost. Reconnecting...'
      : `Connection lost. Reconnecting in ${(delay / 1000).toFixed(1)} s (attempt ${attempt})...`;
  } else {
    ui.connectionText.textContent = 'Disconnected.';
  }
}

function onFrame(frame) {
  switch (frame.type) {
    case 'welcome':
      ui.instance.textContent = frame.instance;
      if (everWelcomed) {
        reconnects++;
        ui.reconnectCount.textContent = String(reconnects);
        for (const room of rooms.keys()) {
          note(room, `Reconnected (now served by ${frame.instance}).`);
        }
      }
      everWelcomed = true;
      break;
    case 'message':
      onMessage(frame);
      break;
    case 'joined':
      if (!rooms.has(frame.room)) {
        break;
      }
      if (frame.user === session.user) {
        // Our own join is confirmed: now the presence list is worth asking for.
        socket.presence(frame.room);
      } else {
        rooms.get(frame.room).members.add(frame.user);
        note(frame.room, `${frame.user} joined.`);
        renderPresence();
      }
      break;
    case 'left':
      if (rooms.has(frame.room) && frame.user !== session.user) {
        note(frame.room, `${frame.user} left.`);
        // The same user may still be here on another connection: ask rather than guess.
        socket.presence(frame.room);
      }
      break;
    case 'presence':
      if (rooms.has(frame.room)) {
        rooms.get(frame.room).members = new Set(frame.members || []);
        renderPresence();
      }
      break;
    case 'error':
      showError(ui.error, frame.message || 'The server refused that.');
      break;
    default:
      break;
  }
}

function messageText(data) {
  if (typeof data === 'string') {
    return data;
  }
  if (data && typeof data.text === 'string') {
    return data.text;
  }
  return JSON.stringify(data);
}

function onMessage(frame) {
  const state = rooms.get(frame.room);
  if (!state || frame.offset <= state.lastOffset) {
    return;
  }
  if (state.lastOffset > 0 && frame.offset > state.lastOffset + 1) {
    const missed = frame.offset - state.lastOffset - 1;
    note(frame.room, `${missed} message${missed === 1 ? ' was' : 's were'} sent while you were away.`);
  }
  state.lastOffset = frame.offset;
  const mine = frame.from === session.user;
  add(frame.room, el('li', { class: mine ? 'message mine' : 'message', dataset: { testid: 'message', offset: frame.offset } },
    el('span', { class: 'time' }, formatTime(frame.ts)),
    el('span', { class: 'from', dataset: { testid: 'message-from' } }, frame.from),
    el('span', { class: 'text', dataset: { testid: 'message-text' } }, messageText(frame.data))));
}

function note(room, text) {
  add(room, el('li', { class: 'note', dataset: { testid: 'note' } }, text));
}

function add(room, item) {
  const state = rooms.get(room);
  if (!state) {
    return;
  }
  state.items.push(item);
  if (state.items.length > MAX_MESSAGES_PER_ROOM) {
    const dropped = state.items.shift();
    dropped.remove();
  }
  if (room === active) {
    const list = ui.messages;
    const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
    list.append(item);
    if (atBottom) {
      list.scrollTop = list.scrollHeight;
    }
  } else {
    state.unread++;
    renderTabs();
  }
}

function renderTabs() {
  ui.tabs.replaceChildren(...[...rooms.entries()].map(([room, state]) => el('li', {},
    el('button', {
      type: 'button', 'aria-current': room === active ? 'true' : 'false', dataset: { testid: 'room-tab', room },
      onclick: () => show(room),
    }, room, state.unread > 0 ? ` (${state.unread})` : ''))));
}

function renderPresence() {
  const state = rooms.get(active);
  const members = state ? [...state.members].sort() : [];
  ui.presenceCount.textContent = String(members.length);
  ui.presenceList.replaceChildren(...members.map((user) => el('li', { dataset: { testid: 'member' } }, user,
    user === session.user ? ' (you)' : '')));
}

function show(room) {
  active = room;
  ui.area.hidden = !room;
  if (!room) {
    return;
  }
  const state = rooms.get(room);
  state.unread = 0;
  ui.title.textContent = room;
  ui.messages.replaceChildren(...state.items);
  ui.messages.scrollTop = ui.messages.scrollHeight;
  renderTabs();
  renderPresence();
  const url = new URL(location.href);
  url.searchParams.set('room', room);
  url.searchParams.set('entry', ui.entry.value);
  history.replaceState(null, '', url);
}

function join(room) {
  if (!ROOM_NAME.test(room)) {
    showError(ui.error, "A room name is 1-64 of A-Z, a-z, 0-9, '_' and '-'.");
    return;
  }
  showError(ui.error, '');
  if (!rooms.has(room)) {
    rooms.set(room, { items: [], members: new Set(), lastOffset: 0, unread: 0 });
    if (!socket) {
      startSocket();
    } else {
      socket.join(room);
    }
  }
  show(room);
  ui.messageInput.focus();
}

function leave() {
  if (!active) {
    return;
  }
  const room = active;
  socket.leave(room);
  rooms.delete(room);
  show(rooms.keys().next().value || null);
  renderTabs();
}

byId('join-form').addEventListener('submit', (event) => {
  event.preventDefault();
  join(ui.roomInput.value.trim());
  ui.roomInput.value = '';
});

ui.entry.addEventListener('change', () => {
  if (socket) {
    startSocket();
  }
});

byId('leave-button').addEventListener('click', leave);

byId('composer').addEventListener('submit', (event) => {
  event.preventDefault();
  const text = ui.messageInput.value;
  if (!active || text.trim() === '') {
    return;
  }
  if (!socket || !socket.publish(active, { text })) {
    showError(ui.error, 'Not connected right now; your message was not sent. It can be sent again once the connection is back.');
    return;
  }
  showError(ui.error, '');
  ui.messageInput.value = '';
});

const params = new URLSearchParams(location.search);
if (params.get('entry') === 'geo') {
  ui.entry.value = 'geo';
}
if (params.get('room')) {
  join(params.get('room'));
}
