// Small DOM helpers. User data only ever reaches the page as text nodes (textContent), never as markup.

/**
 * Creates an element: el('li', {class: 'x', dataset: {testid: 'y'}}, 'text', child, ...).
 * Strings become text nodes; null and false children are skipped.
 */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name === 'dataset') {
      Object.assign(node.dataset, value);
    } else if (name === 'class') {
      node.className = value;
    } else if (name.startsWith('on') && typeof value === 'function') {
      node.addEventListener(name.slice(2), value);
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function byId(id) {
  return document.getElementById(id);
}

/** Replaces every child of node. */
export function replaceChildren(node, ...children) {
  node.replaceChildren();
  append(node, children);
}

/** Shows an error sentence in a role=alert box (or hides the box when message is empty). */
export function showError(box, message) {
  box.textContent = message || '';
  box.hidden = !message;
}

export function formatTime(epochMs) {
  return new Date(epochMs).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** The time alone for today, the date and time otherwise. */
export function formatDateTime(epochMs) {
  const date = new Date(epochMs);
  if (date.toDateString() === new Date().toDateString()) {
    return formatTime(epochMs);
  }
  return date.toLocaleString([], {
    month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit',
  });
}
