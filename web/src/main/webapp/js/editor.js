// Code editing in a plain <textarea>: Tab and Shift+Tab indent and dedent, Enter keeps the indentation.
// Escape then Tab leaves the editor, so keyboard users are never trapped in it.
const INDENT = '    ';

export function enhanceEditor(textarea, { onSubmit } = {}) {
  let tabMovesFocus = false;
  textarea.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      tabMovesFocus = true;
      return;
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      if (onSubmit) {
        onSubmit();
      }
      return;
    }
    if (event.key === 'Tab' && !tabMovesFocus && !event.altKey && !event.ctrlKey) {
      event.preventDefault();
      if (event.shiftKey) {
        dedent(textarea);
      } else {
        indent(textarea);
      }
      return;
    }
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      const { value, selectionStart } = textarea;
      const lineStart = value.lastIndexOf('\n', selectionStart - 1) + 1;
      const leading = value.slice(lineStart, selectionStart).match(/^[ \t]*/)[0];
      const opensBlock = /[{:([]\s*$/.test(value.slice(lineStart, selectionStart));
      insert(textarea, '\n' + leading + (opensBlock ? INDENT : ''));
    }
    tabMovesFocus = false;
  });
  textarea.addEventListener('blur', () => {
    tabMovesFocus = false;
  });
}

function insert(textarea, text) {
  // setRangeText keeps the browser's undo history usable, unlike assigning value.
  const { selectionStart, selectionEnd } = textarea;
  textarea.setRangeText(text, selectionStart, selectionEnd, 'end');
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
}

function selectedLines(textarea) {
  const { value, selectionStart, selectionEnd } = textarea;
  const start = value.lastIndexOf('\n', selectionStart - 1) + 1;
  let end = value.indexOf('\n', selectionEnd > selectionStart ? selectionEnd - 1 : selectionEnd);
  if (end === -1) {
    end = value.length;
  }
  return { start, end };
}

function indent(textarea) {
  const { selectionStart, selectionEnd, value } = textarea;
  if (selectionStart === selectionEnd || !value.slice(selectionStart, selectionEnd).includes('\n')) {
    insert(textarea, INDENT);
    return;
  }
  const { start, end } = selectedLines(textarea);
  const block = value.slice(start, end).split('\n').map((line) => INDENT + line).join('\n');
  textarea.setRangeText(block, start, end, 'select');
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
}

function dedent(textarea) {
  const { start, end } = selectedLines(textarea);
  const block = textarea.value.slice(start, end).split('\n')
    .map((line) => line.replace(/^( {1,4}|\t)/, '')).join('\n');
  textarea.setRangeText(block, start, end, 'select');
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
}
