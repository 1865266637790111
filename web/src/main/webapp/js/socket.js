// One WebSocket to the server that survives drops: it reconnects on its own with exponential backoff and
// jitter, and rejoins its rooms after every welcome. Listeners receive every server frame as it is.
import { currentSession } from './session.js';

const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 15000;
const PING_EVERY_MS = 20000;
// The server pings or answers our pings well within this; silence this long means the peer is gone.
const SILENCE_LIMIT_MS = 50000;

export const SocketState = Object.freeze({
  CONNECTING: 'connecting',
  OPEN: 'open',
  RECONNECTING: 'reconnecting',
  CLOSED: 'closed',
});

/**
 * @param {object} options
 * @param {'room'|'geo'} options.entry room-sticky (/ws?room=) or geo-sticky (/ws/geo)
 * @param {string[]} [options.rooms] rooms to be in; in room-sticky mode the first one is named at connect
 */
export class ArenaSocket extends EventTarget {
  constructor({ entry = 'geo', rooms = [] } = {}) {
    super();
    this.entry = entry;
    this.rooms = new Set(rooms);
    this.state = SocketState.CONNECTING;
    this.welcome = null;
    this.attempt = 0;
    this.ws = null;
    this.retryTimer = null;
    this.pingTimer = null;
    this.lastHeard = 0;
    this.stopped = false;
    this.nextId = 1;
  }

  start() {
    this.stopped = false;
    this.connect();
    return this;
  }

  /** Closes for good: no reconnect. */
  stop() {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.pingTimer);
    if (this.ws) {
      this.ws.close(1000, 'bye');
    }
    this.setState(SocketState.CLOSED);
  }

  join(room) {
    this.rooms.add(room);
    this.send({ type: 'join', room });
  }

  leave(room) {
    this.rooms.delete(room);
    this.send({ type: 'leave', room });
  }

  presence(room) {
    this.send({ type: 'presence', room });
  }

  /** @returns {string|null} the frame id, echoed in the ack or error, or null when not connected */
  publish(room, data) {
    const id = 'c' + this.nextId++;
    return this.send({ type: 'publish', room, id, data }) ? id : null;
  }

  get isOpen() {
    return this.state === SocketState.OPEN;
  }

  send(frame) {
    if (!this.ws || this.ws.readyState !== WebSocket.OPEN || !this.welcome) {
      return false;
    }
    this.ws.send(JSON.stringify(frame));
    return true;
  }

  url() {
    const session = currentSession();
    const token = session ? session.token : '';
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const base = `${scheme}//${location.host}`;
    if (this.entry === 'room' && this.rooms.size > 0) {
      const first = this.rooms.values().next().value;
      return `${base}/ws?room=${encodeURIComponent(first)}&token=${encodeURIComponent(token)}`;
    }
    return `${base}/ws/geo?token=${encodeURIComponent(token)}`;
  }

  connect() {
    this.welcome = null;
    this.setState(this.attempt === 0 && !this.everOpened ? SocketState.CONNECTING : SocketState.RECONNECTING);
    const ws = new WebSocket(this.url());
    this.ws = ws;
    this.lastHeard = Date.now();
    ws.addEventListener('message', (event) => this.onMessage(ws, event));
    ws.addEventListener('close', (event) => this.onClose(ws, event));
    // An error is always followed by close; the close decides what happens next.
    ws.addEventListener('error', () => {});
  }

  onMessage(ws, event) {
    if (ws !== this.ws) {
      return;
    }
    this.lastHeard = Date.now();
    let frame;
    try {
      frame = JSON.parse(event.data);
    } catch {
      return;
    }
    if (frame.type === 'welcome') {
      this.onWelcome(frame);
    }
    this.dispatchEvent(new CustomEvent('frame', { detail: frame }));
  }

  onWelcome(frame) {
    this.welcome = frame;
    this.attempt = 0;
    this.everOpened = true;
    const joinedAtConnect = new Set(frame.rooms || []);
    for (const room of this.rooms) {
      if (!joinedAtConnect.has(room)) {
        this.ws.send(JSON.stringify({ type: 'join', room }));
      }
    }
    clearInterval(this.pingTimer);
    this.pingTimer = setInterval(() => this.keepAlive(), PING_EVERY_MS);
    this.setState(SocketState.OPEN);
  }

  keepAlive() {
    if (Date.now() - this.lastHeard > SILENCE_LIMIT_MS) {
      // A half-open connection never reports close by itself: drop it and let close reconnect.
      this.ws.close(4000, 'silent');
      this.onClose(this.ws, { code: 4000, reason: 'silent' });
      return;
    }
    this.send({ type: 'ping' });
  }

  onClose(ws, event) {
    if (ws !== this.ws) {
      return;
    }
    this.ws = null;
    this.welcome = null;
    clearInterval(this.pingTimer);
    if (this.stopped) {
      return;
    }
    if (event.code === 1008) {
      this.stopped = true;
      this.setState(SocketState.CLOSED);
      this.dispatchEvent(new CustomEvent('unauthorized'));
      return;
    }
    // Equal jitter: between half and all of an exponentially growing ceiling, so that the many clients
    // one failed instance drops do not all come back in the same instant.
    const ceiling = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** this.attempt);
    const delay = Math.round(ceiling / 2 + Math.random() * ceiling / 2);
    this.attempt++;
    this.setState(SocketState.RECONNECTING, { delay, attempt: this.attempt });
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }

  setState(state, detail = {}) {
    this.state = state;
    this.dispatchEvent(new CustomEvent('state', { detail: { state, ...detail } }));
  }
}
