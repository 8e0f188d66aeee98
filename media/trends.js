// The trends page's script (runs in the webview under a strict CSP: no inline code, no eval). It draws every chart
// with Chart.js (media/vendor/chart.umd.min.js, loaded before it) and writes the same numbers as tables, all from
// data: nothing received is parsed as markup, every text goes in through textContent.
//
// Host → page:  { type: 'trends', trends, strings }   the agency's figures by year (core `Trends`) and the page's words
// Page → host:  { type: 'ready' }                      the page can take data
//               { type: 'rendered', charts }           the charts were drawn
(function () {
  'use strict';

  /* global acquireVsCodeApi, Chart */
  const host =
    typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : { postMessage() {}, getState() {}, setState() {} };
  const root = document.getElementById('nb-root');
  if (!root) return;
  const drawn = [];
  let last = null;

  function cssVar(name, fallback) {
    const value = getComputedStyle(document.body).getPropertyValue(name).trim();
    return value || fallback;
  }

  // The theme's chart colours (VS Code defines --vscode-charts-*), then its text and rule colours.
  function theme() {
    return {
      series: [
        cssVar('--vscode-charts-blue', '#1a85ff'),
        cssVar('--vscode-charts-orange', '#d18616'),
        cssVar('--vscode-charts-green', '#388a34'),
        cssVar('--vscode-charts-red', '#e51400'),
        cssVar('--vscode-charts-purple', '#652d90'),
        cssVar('--vscode-charts-yellow', '#bf8803'),
      ],
      text: cssVar('--vscode-editor-foreground', '#1f1f1f'),
      grid: cssVar('--vscode-editorWidget-border', 'rgba(128, 128, 128, 0.35)'),
    };
  }

  function element(tag, className, text) {
    const el = document.createElement(tag);
    if (className) el.className = className;
    if (text !== undefined) el.textContent = text;
    return el;
  }

  function label(localized, lang) {
    if (!localized || typeof localized !== 'object') return '';
    const text = localized[lang] || localized.zh;
    return typeof text === 'string' ? text : '';
  }

  function number(value) {
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
  }

  function table(chart, years, lang, strings) {
    const t = element('table', 'nb-data');
    t.appendChild(element('caption', '', `${label(chart.title, lang)}${strings.tableCaption}`));
    const head = element('thead');
    const headRow = element('tr');
    const corner = element('th', '', strings.item);
    corner.setAttribute('scope', 'col');
    headRow.appendChild(corner);
    for (const year of years) {
      const th = element('th', '', String(year));
      th.setAttribute('scope', 'col');
      headRow.appendChild(th);
    }
    head.appendChild(headRow);
    t.appendChild(head);
    const body = element('tbody');
    for (const series of chart.series) {
      const row = element('tr');
      const th = element('th', '', label(series.label, lang));
      th.setAttribute('scope', 'row');
      row.appendChild(th);
      for (let i = 0; i < years.length; i++) {
        const v = number(series.values[i]);
        row.appendChild(element('td', v === null ? 'nb-gap' : '', v === null ? strings.none : String(v)));
      }
      body.appendChild(row);
    }
    t.appendChild(body);
    return t;
  }

  function render(message) {
    for (const chart of drawn.splice(0)) chart.destroy();
    root.textContent = '';
    const trends = message.trends;
    const strings = message.strings || {};
    const lang = message.lang === 'en' ? 'en' : 'zh';
    if (!trends || !Array.isArray(trends.years) || !Array.isArray(trends.charts)) return;
    const years = trends.years.map(String);
    const colours = theme();
    root.appendChild(element('h1', '', `${String(trends.agency || '')} ${strings.title || ''}`.trim()));
    root.appendChild(element('p', 'nb-sub', `${years[0]}–${years[years.length - 1]}`));
    for (const chart of trends.charts) {
      if (!chart || !Array.isArray(chart.series)) continue;
      const section = element('section', 'nb-chart-section');
      const title = label(chart.title, lang);
      section.appendChild(element('h2', '', title));
      const box = element('div', 'nb-chart');
      const canvas = document.createElement('canvas');
      // The table below says the same to a screen reader; the picture is for the eye.
      canvas.setAttribute('aria-hidden', 'true');
      box.appendChild(canvas);
      section.appendChild(box);
      section.appendChild(table(chart, years, lang, strings));
      root.appendChild(section);
      if (typeof Chart !== 'function') continue;
      const stacked = chart.kind === 'stacked';
      drawn.push(
        new Chart(canvas, {
          type: stacked ? 'bar' : 'line',
          data: {
            labels: years,
            datasets: chart.series.map((series, i) => {
              const colour = colours.series[i % colours.series.length];
              return {
                label: label(series.label, lang),
                data: series.values.map(number),
                backgroundColor: colour,
                borderColor: colour,
                spanGaps: false,
              };
            }),
          },
          options: {
            animation: false,
            responsive: true,
            maintainAspectRatio: false,
            color: colours.text,
            scales: {
              x: { stacked, ticks: { color: colours.text }, grid: { color: colours.grid } },
              y: {
                stacked,
                beginAtZero: true,
                ticks: { color: colours.text, precision: 0 },
                grid: { color: colours.grid },
              },
            },
            plugins: { legend: { labels: { color: colours.text } } },
          },
        }),
      );
    }
    host.postMessage({ type: 'rendered', charts: drawn.length });
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'trends') {
      last = message;
      render(message);
    }
  });

  // A theme change (VS Code sets the body's class): draw again in its colours.
  new MutationObserver(() => {
    if (last) render(last);
  }).observe(document.body, { attributes: true, attributeFilter: ['class'] });

  host.postMessage({ type: 'ready' });
})();
