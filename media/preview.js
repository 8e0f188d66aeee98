// The preview page's script (runs in the webview under a strict CSP: no inline code, no eval).
//
// Host → page:  { type: 'render', html, version, source? }  a new body from the renderer; patched into the page
//                                                     in place. `source` (the report's URI) is kept in the
//                                                     webview state, so that a restored window can reopen it.
//               { type: 'cursor', offset, reveal }  the editor's cursor: highlight the cell there
// The same page shows a comparison of two reports (`与上一年度对比`, core renderComparison): a finding with
// `data-target` scrolls to the cell with that `data-cell` and marks it.
// Page → host:  { type: 'ready' }                    the page can take a body
//               { type: 'rendered', version, ms }    a body was patched in (ms: parse + patch time)
//               { type: 'reveal', path, start, end, version }  the user clicked a cell, label or paragraph
// Webview state (getState/setState): { source, scrollY }: the page is rebuilt when its tab was hidden or the
// window reloaded; the first body after that goes back to the saved scroll position.
(function () {
  'use strict';

  /* global acquireVsCodeApi */
  const host =
    typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : { postMessage() {}, getState() {}, setState() {} };
  const root = document.getElementById('nb-root');
  if (!root) return;

  // The renderer escapes everything it takes from a report; this is a second fence in case it ever did not.
  const TAGS = new Set([
    'ARTICLE',
    'ASIDE',
    'P',
    'SPAN',
    'OL',
    'LI',
    'H1',
    'H2',
    'SECTION',
    'DIV',
    'TABLE',
    'COLGROUP',
    'COL',
    'THEAD',
    'TBODY',
    'TR',
    'TH',
    'TD',
    'BR',
    'DEL',
    'INS',
  ]);
  const ATTRS = new Set([
    'class',
    'data-path',
    'data-start',
    'data-end',
    'data-section',
    'data-edition',
    'title',
    'rowspan',
    'colspan',
    'scope',
    'aria-label',
    'data-cell',
    'data-target',
  ]);

  let version = -1;
  let cursor = null; // { offset } of the last cursor message
  let highlighted = null;
  const parser = new DOMParser();
  const saved = host.getState() || {};
  let source = typeof saved.source === 'string' ? saved.source : undefined;
  // Where the page was scrolled before it was rebuilt; applied once, after the first body.
  let restoreY = typeof saved.scrollY === 'number' && saved.scrollY > 0 ? saved.scrollY : undefined;

  function saveState() {
    host.setState({ source, scrollY: restoreY !== undefined ? restoreY : window.scrollY });
  }

  function sanitize(node) {
    for (let child = node.firstChild; child;) {
      const next = child.nextSibling;
      if (child.nodeType === Node.ELEMENT_NODE) {
        if (!TAGS.has(child.tagName)) {
          child.remove();
        } else {
          for (const name of child.getAttributeNames()) if (!ATTRS.has(name)) child.removeAttribute(name);
          sanitize(child);
        }
      } else if (child.nodeType !== Node.TEXT_NODE) {
        child.remove();
      }
      child = next;
    }
  }

  function sameKind(a, b) {
    return a.nodeType === b.nodeType && (a.nodeType !== Node.ELEMENT_NODE || a.tagName === b.tagName);
  }

  function syncAttributes(target, source) {
    for (const name of target.getAttributeNames()) {
      if (name !== 'class' && !source.hasAttribute(name)) target.removeAttribute(name);
    }
    for (const name of source.getAttributeNames()) {
      if (name === 'class') continue;
      const value = source.getAttribute(name);
      if (target.getAttribute(name) !== value) target.setAttribute(name, value);
    }
    // The cursor highlight is the page's own state, not the renderer's: keep it on the element that has it.
    const classes = `${source.getAttribute('class') || ''}${target === highlighted ? ' nb-cursor' : ''}`.trim();
    if ((target.getAttribute('class') || '') !== classes) {
      if (classes) target.setAttribute('class', classes);
      else target.removeAttribute('class');
    }
  }

  // Patch `target`'s children into `source`'s, node by node: the rendered structure follows the template, so
  // between two keystrokes almost every node stays and only text and classes change.
  function morphChildren(target, source) {
    let t = target.firstChild;
    let s = source.firstChild;
    while (s) {
      const nextSource = s.nextSibling;
      if (!t) {
        target.appendChild(document.importNode(s, true));
      } else if (sameKind(t, s)) {
        if (t.nodeType === Node.ELEMENT_NODE) {
          syncAttributes(t, s);
          morphChildren(t, s);
        } else if (t.nodeValue !== s.nodeValue) {
          t.nodeValue = s.nodeValue;
        }
        t = t.nextSibling;
      } else {
        const fresh = document.importNode(s, true);
        target.replaceChild(fresh, t);
        t = fresh.nextSibling;
      }
      s = nextSource;
    }
    while (t) {
      const next = t.nextSibling;
      target.removeChild(t);
      t = next;
    }
  }

  // The element at the top of the viewport (below the summary while that is in view), to keep it where it is
  // while the content above it changes.
  function anchor() {
    const summary = root.querySelector('.nb-summary');
    const top = summary ? Math.max(0, summary.getBoundingClientRect().bottom) : 0;
    const x = Math.min(window.innerWidth / 2, 200);
    for (const dy of [4, 24, 64]) {
      const hit = document.elementFromPoint(x, top + dy);
      const el = hit && hit.closest('[data-path], p, h1, h2, tr, table');
      if (el && root.contains(el) && !el.closest('.nb-summary')) return { el, top: el.getBoundingClientRect().top };
    }
    return null;
  }

  function render(html, nextVersion) {
    const started = performance.now();
    const doc = parser.parseFromString(`<body>${html}</body>`, 'text/html');
    sanitize(doc.body);
    const kept = anchor();
    morphChildren(root, doc.body);
    if (kept && kept.el.isConnected) {
      const delta = kept.el.getBoundingClientRect().top - kept.top;
      if (delta) window.scrollBy(0, delta);
    }
    if (restoreY !== undefined) {
      window.scrollTo(0, restoreY);
      restoreY = undefined;
    }
    version = nextVersion;
    if (cursor) highlight(cursor.offset, false);
    host.postMessage({ type: 'rendered', version, ms: performance.now() - started });
  }

  function inView(el) {
    const r = el.getBoundingClientRect();
    return r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth;
  }

  // The smallest marked element whose source range holds the offset (a cell before its row's paragraph).
  function elementAt(offset) {
    let best = null;
    let bestLength = Infinity;
    for (const el of root.querySelectorAll('[data-start]')) {
      if (el.classList.contains('nb-problem')) continue;
      const start = Number(el.getAttribute('data-start'));
      const end = Number(el.getAttribute('data-end'));
      if (offset >= start && offset <= end && end - start < bestLength) {
        best = el;
        bestLength = end - start;
      }
    }
    return best;
  }

  function setHighlight(el) {
    if (highlighted === el) return;
    if (highlighted) highlighted.classList.remove('nb-cursor');
    highlighted = el;
    if (el) el.classList.add('nb-cursor');
  }

  function highlight(offset, reveal) {
    const el = elementAt(offset);
    setHighlight(el);
    if (el && reveal && !inView(el)) el.scrollIntoView({ block: 'center', inline: 'nearest' });
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'render' && typeof message.html === 'string') {
      if (typeof message.source === 'string' && message.source !== source) {
        source = message.source;
        saveState();
      }
      render(message.html, typeof message.version === 'number' ? message.version : version + 1);
    } else if (message.type === 'cursor' && typeof message.offset === 'number') {
      cursor = { offset: message.offset };
      highlight(message.offset, message.reveal !== false);
    }
  });

  // A comparison's finding: show the cell (or narrative) it is about.
  function showTarget(from) {
    const name = from.getAttribute('data-target');
    if (!name) return;
    for (const cell of root.querySelectorAll('[data-cell]')) {
      if (cell.getAttribute('data-cell') !== name) continue;
      cell.scrollIntoView({ block: 'center', inline: 'nearest' });
      setHighlight(cell);
      return;
    }
  }

  document.addEventListener('click', (event) => {
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) return;
    const linked = event.target instanceof Element ? event.target.closest('[data-target]') : null;
    if (linked && root.contains(linked)) showTarget(linked);
    const target = event.target instanceof Element ? event.target.closest('[data-path]') : null;
    if (!target || !root.contains(target)) return;
    let path;
    try {
      path = JSON.parse(target.getAttribute('data-path'));
    } catch {
      return;
    }
    const start = Number(target.getAttribute('data-start'));
    const end = Number(target.getAttribute('data-end'));
    if (!target.classList.contains('nb-problem')) {
      cursor = Number.isFinite(start) ? { offset: start } : cursor;
      setHighlight(target);
    }
    host.postMessage({
      type: 'reveal',
      path,
      start: Number.isFinite(start) ? start : undefined,
      end: Number.isFinite(end) ? end : undefined,
      version,
    });
  });

  let saving = false;
  window.addEventListener(
    'scroll',
    () => {
      if (saving) return;
      saving = true;
      requestAnimationFrame(() => {
        saving = false;
        saveState();
      });
    },
    { passive: true },
  );

  host.postMessage({ type: 'ready' });
})();
