// A small Markdown renderer for problem statements that builds DOM nodes directly: text only ever becomes
// text nodes, so nothing in a statement can inject markup or script. Supported: ATX headings, paragraphs,
// fenced code blocks, bullet and numbered lists, block quotes, horizontal rules, inline code, bold,
// italic and http(s) links. Anything else shows as the plain text it is.

const FENCE = /^\s*(```|~~~)/;
const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const NUMBERED = /^\s{0,3}(\d{1,9})[.)]\s+(.*)$/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;

/** @returns {DocumentFragment} */
export function renderMarkdown(source) {
  const fragment = document.createDocumentFragment();
  const lines = String(source || '').replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === '') {
      i++;
    } else if (FENCE.test(line)) {
      i = codeBlock(lines, i, fragment);
    } else if (HEADING.test(line)) {
      const [, hashes, text] = line.match(HEADING);
      fragment.append(withInline(document.createElement('h' + Math.min(6, hashes.length + 1)), text));
      i++;
    } else if (RULE.test(line)) {
      fragment.append(document.createElement('hr'));
      i++;
    } else if (BULLET.test(line) || NUMBERED.test(line)) {
      i = list(lines, i, fragment);
    } else if (QUOTE.test(line)) {
      const quoted = [];
      while (i < lines.length && QUOTE.test(lines[i])) {
        quoted.push(lines[i].match(QUOTE)[1]);
        i++;
      }
      const quote = document.createElement('blockquote');
      quote.append(renderMarkdown(quoted.join('\n')));
      fragment.append(quote);
    } else {
      i = paragraph(lines, i, fragment);
    }
  }
  return fragment;
}

function codeBlock(lines, start, fragment) {
  const fence = lines[start].match(FENCE)[1];
  const language = lines[start].trim().slice(3).trim();
  const body = [];
  let i = start + 1;
  while (i < lines.length && !lines[i].trim().startsWith(fence)) {
    body.push(lines[i]);
    i++;
  }
  const pre = document.createElement('pre');
  const code = document.createElement('code');
  if (/^[A-Za-z0-9_+-]{1,20}$/.test(language)) {
    code.dataset.language = language;
  }
  code.textContent = body.join('\n');
  pre.append(code);
  fragment.append(pre);
  return i + 1;
}

function list(lines, start, fragment) {
  const ordered = NUMBERED.test(lines[start]) && !BULLET.test(lines[start]);
  const pattern = ordered ? NUMBERED : BULLET;
  const listNode = document.createElement(ordered ? 'ol' : 'ul');
  if (ordered) {
    const first = Number(lines[start].match(NUMBERED)[1]);
    if (first !== 1) {
      listNode.start = first;
    }
  }
  const items = [];
  let i = start;
  while (i < lines.length) {
    const line = lines[i];
    const match = line.match(pattern);
    if (match) {
      items.push([ordered ? match[2] : match[1]]);
    } else if (line.trim() !== '' && /^\s+/.test(line) && items.length > 0) {
      items[items.length - 1].push(line.trim());
    } else {
      break;
    }
    i++;
  }
  for (const text of items) {
    listNode.append(withInline(document.createElement('li'), text.join(' ')));
  }
  fragment.append(listNode);
  return i;
}

function paragraph(lines, start, fragment) {
  const text = [];
  let i = start;
  while (i < lines.length && lines[i].trim() !== '' && !FENCE.test(lines[i]) && !HEADING.test(lines[i])
      && !BULLET.test(lines[i]) && !NUMBERED.test(lines[i]) && !QUOTE.test(lines[i])) {
    text.push(lines[i].trim());
    i++;
  }
  fragment.append(withInline(document.createElement('p'), text.join(' ')));
  return i;
}

// Inline spans, earliest match first; bold before italic so that ** is not read as two *.
const INLINE = [
  { kind: 'code', pattern: /`([^`]+)`/ },
  { kind: 'link', pattern: /\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/ },
  { kind: 'strong', pattern: /\*\*(\S(?:.*?\S)?)\*\*/ },
  { kind: 'strong', pattern: /__(\S(?:.*?\S)?)__/ },
  { kind: 'em', pattern: /\*(\S(?:.*?\S)?)\*/ },
  { kind: 'em', pattern: /(?<![A-Za-z0-9])_(\S(?:.*?\S)?)_(?![A-Za-z0-9])/ },
];

function withInline(node, text) {
  node.append(...inline(text));
  return node;
}

function inline(text) {
  const nodes = [];
  let rest = text;
  while (rest) {
    let best = null;
    for (const rule of INLINE) {
      const match = rule.pattern.exec(rest);
      if (match && (!best || match.index < best.match.index)) {
        best = { rule, match };
      }
    }
    if (!best) {
      nodes.push(document.createTextNode(rest));
      break;
    }
    const { rule, match } = best;
    if (match.index > 0) {
      nodes.push(document.createTextNode(rest.slice(0, match.index)));
    }
    nodes.push(span(rule.kind, match));
    rest = rest.slice(match.index + match[0].length);
  }
  return nodes;
}

function span(kind, match) {
  if (kind === 'code') {
    const code = document.createElement('code');
    code.textContent = match[1];
    return code;
  }
  if (kind === 'link') {
    const a = document.createElement('a');
    a.href = match[2];
    a.rel = 'noopener noreferrer';
    a.target = '_blank';
    a.append(...inline(match[1]));
    return a;
  }
  const node = document.createElement(kind);
  node.append(...inline(match[1]));
  return node;
}
