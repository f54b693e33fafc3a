/* CorpusLens report: draws the trend charts and the top terms from the JSON data block, and makes
   the source table sortable. Data is only ever put into the page as text (textContent, option
   labels, escaped tooltip HTML), never as markup. */
(function () {
  'use strict';

  var data = JSON.parse(document.getElementById('report-data').textContent);
  var PALETTE = ['#2563eb', '#7c3aed', '#e11d48', '#059669', '#d97706', '#0891b2', '#db2777', '#65a30d', '#475569', '#ca8a04'];
  var FONT = getComputedStyle(document.body).fontFamily;
  var intFmt = new Intl.NumberFormat('en-US');
  var idxFmt = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  var TERMS_PER_PAGE = 8;

  function esc(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function pct(x, digits) {
    return x == null ? '—' : (x * 100).toFixed(digits == null ? 1 : digits) + '%';
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text != null) { e.textContent = text; }
    return e;
  }

  /** A period's label for the grain of the run: 2022-01 for months, 2022 Q1 for quarters ... */
  function periodLabel(p) {
    switch (data.grain) {
      case 'month': return p.slice(0, 7);
      case 'quarter': return p.slice(0, 4) + ' Q' + (Math.floor((Number(p.slice(5, 7)) - 1) / 3) + 1);
      case 'year': return p.slice(0, 4);
      default: return p;
    }
  }
  var labels = data.periods.map(periodLabel);

  // ------------------------------------------------------------------ CSV downloads

  /** A CSV cell: quoted when needed; text starting with = + - @ is defused for spreadsheets. */
  function csvCell(v) {
    var s = v == null ? '' : String(v);
    var formula = typeof v === 'string' && /^[=+\-@]/.test(s);
    if (!formula && !/[",\r\n]/.test(s)) { return s; }
    return '"' + (formula ? "'" : '') + s.replace(/"/g, '""') + '"';
  }

  /** Points the download link {@code id} at a data: URI of the CSV of {@code header} and {@code rows}. */
  function setCsv(id, header, rows) {
    var a = document.getElementById(id);
    if (!a) { return; }
    var lines = [header].concat(rows).map(function (r) { return r.map(csvCell).join(','); });
    a.setAttribute('href', 'data:text/csv;charset=utf-8,' + encodeURIComponent(lines.join('\r\n') + '\r\n'));
  }

  /** One row per period: period, the view's label, then one column per topic of {@code metric}. */
  function wideRows(view, metric) {
    return data.periods.map(function (p, i) {
      return [p, view.label].concat(view.series.map(function (s) { return s[metric][i]; }));
    });
  }

  // ------------------------------------------------------------------ trend charts

  var charts = {};
  var select = document.getElementById('trend-source');

  function baseOption(xLabels) {
    var xs = xLabels || labels;
    var many = xs.length > 36;
    return {
      animation: false,
      color: PALETTE,
      textStyle: { fontFamily: FONT },
      grid: { left: 58, right: 28, top: 40, bottom: many ? 64 : 30 },
      xAxis: {
        type: 'category', data: xs, boundaryGap: false,
        axisLine: { lineStyle: { color: '#9ca3af' } }, axisTick: { alignWithLabel: true },
        axisLabel: { color: '#4b5563', hideOverlap: true }
      },
      dataZoom: many ? [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }] : [],
      tooltip: { trigger: 'axis', confine: true, order: 'valueDesc' }
    };
  }

  function lineSeries(view, metric) {
    return view.series.map(function (s, k) {
      return {
        name: s.topic, type: 'line', data: s[metric], connectNulls: false,
        symbol: 'circle', symbolSize: 7, showSymbol: labels.length <= 60,
        lineStyle: { width: 2.4 }, emphasis: { focus: 'series' },
        markLine: metric === 'index' && k === 0 ? {
          silent: true, symbol: 'none', data: [{ yAxis: 100 }],
          lineStyle: { color: '#9ca3af', type: 'dashed' }, label: { formatter: 'mean = 100', position: 'insideEndTop', color: '#6b7280' }
        } : undefined
      };
    });
  }

  /** Tooltip of the line charts: escaped names, value, and the counts behind a share. */
  function lineTooltip(view, metric) {
    return function (params) {
      if (!params.length) { return ''; }
      var i = params[0].dataIndex;
      var total = view.totals[i];
      var html = '<div style="font-weight:600;margin-bottom:4px">' + esc(labels[i]) + '</div>';
      html += '<div style="color:#6b7280;margin-bottom:4px">' + esc(view.label) + ' · ' +
        (total == null ? 'no articles' : esc(intFmt.format(total)) + ' articles') + '</div>';
      params.forEach(function (p) {
        var s = view.series[p.seriesIndex];
        var v = p.value;
        var shown = v == null ? '—' : metric === 'share' ? pct(v) : idxFmt.format(v);
        var detail = s.articles[i] == null ? '' :
          ' <span style="color:#6b7280">' + esc(intFmt.format(s.articles[i])) + ' art. · ' + esc(intFmt.format(s.mentions[i])) + ' mentions</span>';
        html += '<div>' + p.marker + esc(s.topic) + ' <b style="float:right;margin-left:16px">' + esc(shown) + '</b>' + detail + '</div>';
      });
      return html;
    };
  }

  function draw(viewIndex) {
    var view = data.views[viewIndex];
    var share = baseOption();
    share.legend = { top: 4, left: 0, icon: 'roundRect', itemWidth: 14, itemHeight: 8 };
    share.yAxis = { type: 'value', min: 0, axisLabel: { formatter: function (v) { return pct(v, 0); }, color: '#4b5563' }, splitLine: { lineStyle: { color: '#eef0f3' } } };
    share.tooltip.formatter = lineTooltip(view, 'share');
    share.series = lineSeries(view, 'share');
    charts.share.setOption(share, true);

    var index = baseOption();
    index.legend = { top: 4, left: 0, icon: 'roundRect', itemWidth: 14, itemHeight: 8 };
    index.yAxis = { type: 'value', min: 0, axisLabel: { color: '#4b5563' }, splitLine: { lineStyle: { color: '#eef0f3' } } };
    index.tooltip.formatter = lineTooltip(view, 'index');
    index.series = lineSeries(view, 'index');
    charts.index.setOption(index, true);

    var volume = baseOption();
    volume.grid = { left: 58, right: 28, top: 14, bottom: labels.length > 36 ? 56 : 26 };
    volume.xAxis.boundaryGap = true;
    volume.yAxis = { type: 'value', minInterval: 1, axisLabel: { color: '#4b5563' }, splitLine: { lineStyle: { color: '#eef0f3' } } };
    volume.tooltip = { trigger: 'axis', formatter: function (params) {
      var i = params[0].dataIndex;
      var v = view.totals[i];
      return esc(labels[i]) + '<br>' + esc(view.label) + ': <b>' + esc(v == null ? '0' : intFmt.format(v)) + '</b> articles';
    } };
    volume.series = [{ name: 'Articles', type: 'bar', data: view.totals, barMaxWidth: 36, itemStyle: { color: '#94a3b8', borderRadius: [3, 3, 0, 0] } }];
    charts.volume.setOption(volume, true);

    var topicNames = view.series.map(function (s) { return s.topic; });
    setCsv('csv-share', ['period', 'sources'].concat(topicNames), wideRows(view, 'share'));
    setCsv('csv-index', ['period', 'sources'].concat(topicNames), wideRows(view, 'index'));
    setCsv('csv-volume', ['period', 'sources', 'articles'], data.periods.map(function (p, i) {
      return [p, view.label, view.totals[i] == null ? 0 : view.totals[i]];
    }));
  }

  // ------------------------------------------------------------------ scaled index

  var scaledChart = null;
  var scaledSelect = document.getElementById('scaled-source');

  function drawScaled(choice) {
    var periods, series, label;
    if (choice === 'all') {
      periods = data.scaled.periods;
      series = data.scaled.series;
      label = 'All sources (topic_index)';
    } else {
      var view = data.views[Number(choice)];
      periods = data.periods;
      series = view.series;
      label = view.label;
    }
    var xs = periods.map(periodLabel);
    var o = baseOption(xs);
    o.legend = { top: 4, left: 0, icon: 'roundRect', itemWidth: 14, itemHeight: 8 };
    o.yAxis = { type: 'value', min: 0, axisLabel: { color: '#4b5563' }, splitLine: { lineStyle: { color: '#eef0f3' } } };
    o.tooltip.formatter = function (params) {
      if (!params.length) { return ''; }
      var i = params[0].dataIndex;
      var html = '<div style="font-weight:600;margin-bottom:4px">' + esc(xs[i]) + '</div>' +
        '<div style="color:#6b7280;margin-bottom:4px">' + esc(label) + '</div>';
      params.forEach(function (p) {
        var s = series[p.seriesIndex];
        var used = s.sourcesUsed ? ' <span style="color:#6b7280">' + esc(String(s.sourcesUsed[i])) + ' sources</span>' : '';
        html += '<div>' + p.marker + esc(s.topic) + ' <b style="float:right;margin-left:16px">' +
          esc(p.value == null ? '—' : idxFmt.format(p.value)) + '</b>' + used + '</div>';
      });
      return html;
    };
    o.series = series.map(function (s, k) {
      return {
        name: s.topic, type: 'line', data: s.index, connectNulls: false,
        symbol: 'circle', symbolSize: 7, showSymbol: xs.length <= 60, lineStyle: { width: 2.4 },
        markLine: k === 0 ? { silent: true, symbol: 'none', data: [{ yAxis: 100 }],
          lineStyle: { color: '#9ca3af', type: 'dashed' }, label: { formatter: 'base mean = 100', position: 'insideEndTop', color: '#6b7280' } } : undefined
      };
    });
    scaledChart.setOption(o, true);
    var rows = [];
    periods.forEach(function (p, i) {
      series.forEach(function (s) {
        rows.push(choice === 'all' ? [p, s.topic, s.index[i], s.sourcesUsed[i]] : [p, label, s.topic, s.index[i]]);
      });
    });
    setCsv('csv-scaled', choice === 'all' ? ['period', 'topic', 'index', 'sources_used'] : ['period', 'source', 'topic', 'index'], rows);
  }

  function initScaled() {
    if (!data.scaled) {
      document.getElementById('scaled-empty').hidden = false;
      document.getElementById('scaled-box').hidden = true;
      scaledSelect.parentNode.hidden = true;
      return;
    }
    var all = document.createElement('option');
    all.value = 'all';
    all.textContent = 'All sources · scaled index';
    scaledSelect.appendChild(all);
    data.views.forEach(function (v, i) {
      if (v.all) { return; }
      var o = document.createElement('option');
      o.value = String(i);
      o.textContent = v.label + ' · ' + intFmt.format(v.articles) + ' articles';
      scaledSelect.appendChild(o);
    });
    scaledChart = echarts.init(document.getElementById('chart-scaled'), null, { renderer: 'svg' });
    scaledSelect.addEventListener('change', function () { drawScaled(scaledSelect.value); });
    window.addEventListener('resize', function () { scaledChart.resize(); });
    drawScaled('all');
  }

  function initTrends() {
    if (!data.views.length || !data.periods.length) {
      document.getElementById('trend-empty').hidden = false;
      document.querySelector('#trends .charts').hidden = true;
      select.parentNode.hidden = true;
      return;
    }
    data.views.forEach(function (v, i) {
      var o = document.createElement('option');
      o.value = String(i);
      o.textContent = (v.all ? 'All sources' : v.label) + ' · ' + intFmt.format(v.articles) + ' articles';
      select.appendChild(o);
    });
    ['share', 'index', 'volume'].forEach(function (name) {
      charts[name] = echarts.init(document.getElementById('chart-' + name), null, { renderer: 'svg' });
      charts[name].group = 'trends';
    });
    echarts.connect('trends'); // one crosshair and one zoom for the three charts
    select.addEventListener('change', function () { draw(Number(select.value)); });
    window.addEventListener('resize', function () {
      Object.keys(charts).forEach(function (k) { charts[k].resize(); });
    });
    draw(0);
  }

  // ------------------------------------------------------------------ top terms

  // the cards show TERMS_PER_PAGE periods ending at termEnd (exclusive); the latest first
  var termEnd = data.topTerms.length;

  function articlesOf(period) {
    var i = data.periods.indexOf(period);
    return i < 0 || !data.views.length ? null : data.views[0].totals[i];
  }

  function byPeriod(list) {
    var m = {};
    (list || []).forEach(function (x) { m[x.period] = x; });
    return m;
  }
  var keyByPeriod = byPeriod(data.keyTerms);
  var changesByPeriod = byPeriod(data.changes);

  function keyTermsOf(period) {
    var k = keyByPeriod[period];
    return k && k.terms.length ? k.terms : null;
  }

  /** How many times more frequent than in the reference: 2^log ratio; "new" when the reference has none. */
  function ratioLabel(t) {
    if (t[2] === 0) { return 'new'; }
    var r = Math.pow(2, t[3]);
    return '×' + (r >= 10 ? r.toFixed(0) : r.toFixed(1));
  }

  /** [term, count, reference count, log ratio, G²] rows; the bar is G² against the first. */
  function distinctiveList(terms) {
    var list = el('ol');
    var top = terms[0][4] || 1;
    terms.forEach(function (t, r) {
      var li = el('li');
      var bar = el('span', 'term-bar');
      bar.style.width = (100 * t[4] / top).toFixed(1) + '%';
      li.appendChild(bar);
      li.appendChild(el('span', 'rank', String(r + 1)));
      var term = el('span', 'term', t[0]);
      term.title = t[0] + ': ' + intFmt.format(t[1]) + ' here, ' + intFmt.format(t[2]) + ' in the reference; G² ' + t[4];
      li.appendChild(term);
      li.appendChild(el('span', 'count', intFmt.format(t[1])));
      li.appendChild(el('span', 'share', ratioLabel(t)));
      list.appendChild(li);
    });
    return list;
  }

  /** The period's rising (▲) and falling (▼) terms: term, count now (and in the preceding periods). */
  function appendChanges(card, period) {
    var c = changesByPeriod[period];
    if (!c || (!c.rising.length && !c.falling.length)) { return; }
    [['rising', '▲ Rising', c.rising], ['falling', '▼ Falling', c.falling]].forEach(function (k) {
      if (!k[2].length) { return; }
      var box = el('div', 'changes ' + k[0]);
      box.appendChild(el('span', 'changes-label', k[1]));
      k[2].forEach(function (t) {
        var chip = el('span', 'change', t[0] + ' ' + intFmt.format(t[1]));
        chip.title = t[0] + ': ' + intFmt.format(t[1]) + ' this period, ' + intFmt.format(t[2]) + ' in the preceding periods';
        box.appendChild(chip);
      });
      card.appendChild(box);
    });
  }

  function drawTerms() {
    var grid = document.getElementById('terms-grid');
    grid.textContent = '';
    var end = termEnd;
    var start = Math.max(0, end - TERMS_PER_PAGE);
    var page = data.topTerms.slice(start, end);
    page.forEach(function (pt) {
      var card = el('article', 'term-card');
      card.appendChild(el('h3', null, periodLabel(pt.period)));
      var n = articlesOf(pt.period);
      card.appendChild(el('div', 'meta', (n == null ? '' : intFmt.format(n) + ' articles · ') + intFmt.format(pt.tokens) + ' terms'));
      var key = keyTermsOf(pt.period);
      if (key) {
        card.classList.add('distinctive');
        card.appendChild(distinctiveList(key));
        appendChanges(card, pt.period);
        grid.appendChild(card);
        return;
      }
      if (data.keyTerms.length) {
        card.appendChild(el('div', 'meta note', 'No distinctive term: the most frequent terms'));
      }
      var list = el('ol');
      var top = pt.terms.length ? pt.terms[0][2] : 1;
      pt.terms.forEach(function (t, r) {
        var li = el('li');
        var bar = el('span', 'term-bar');
        bar.style.width = (top > 0 ? (100 * t[2] / top) : 0).toFixed(1) + '%';
        li.appendChild(bar);
        li.appendChild(el('span', 'rank', String(r + 1)));
        var term = el('span', 'term', t[0]);
        term.title = t[0];
        li.appendChild(term);
        li.appendChild(el('span', 'count', intFmt.format(t[1])));
        li.appendChild(el('span', 'share', pct(t[2], 2)));
        list.appendChild(li);
      });
      if (!pt.terms.length) { card.appendChild(el('p', 'empty', 'No terms in this period.')); }
      card.appendChild(list);
      appendChanges(card, pt.period);
      grid.appendChild(card);
    });
    var range = document.getElementById('terms-range');
    range.textContent = page.length ? periodLabel(page[0].period) + ' – ' + periodLabel(page[page.length - 1].period) +
      ' (' + data.topTerms.length + ' periods)' : '';
    document.getElementById('terms-prev').disabled = start === 0;
    document.getElementById('terms-next').disabled = end >= data.topTerms.length;
  }

  function initTerms() {
    if (!data.topTerms.length) {
      document.getElementById('terms-empty').hidden = false;
      document.querySelector('#terms .pager').hidden = true;
      return;
    }
    var n = data.topTerms.length;
    document.getElementById('terms-prev').addEventListener('click', function () {
      termEnd = Math.max(Math.min(n, TERMS_PER_PAGE), termEnd - TERMS_PER_PAGE); drawTerms();
    });
    document.getElementById('terms-next').addEventListener('click', function () {
      termEnd = Math.min(n, termEnd + TERMS_PER_PAGE); drawTerms();
    });
    drawTerms();
  }

  // ------------------------------------------------------------------ sortable tables

  function initSorting() {
    var tables = document.querySelectorAll('table.sortable');
    Array.prototype.forEach.call(tables, function (table) {
      var heads = table.querySelectorAll('thead th');
      Array.prototype.forEach.call(heads, function (th, col) {
        var button = th.querySelector('button');
        if (!button) { return; }
        button.addEventListener('click', function () {
          var numeric = th.getAttribute('data-type') === 'num';
          var dir = th.getAttribute('aria-sort') === (numeric ? 'descending' : 'ascending')
            ? (numeric ? 'ascending' : 'descending') : (numeric ? 'descending' : 'ascending');
          Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
          th.setAttribute('aria-sort', dir);
          var body = table.tBodies[0];
          var rows = Array.prototype.slice.call(body.rows);
          var sign = dir === 'ascending' ? 1 : -1;
          rows.sort(function (a, b) {
            var x = a.cells[col].getAttribute('data-v');
            var y = b.cells[col].getAttribute('data-v');
            if (x === '' || y === '') { return x === y ? 0 : x === '' ? 1 : -1; } // blanks last
            var c = numeric ? Number(x) - Number(y) : x.localeCompare(y, 'zh-CN');
            return sign * c;
          });
          rows.forEach(function (r) { body.appendChild(r); });
        });
      });
    });
  }

  initTrends();
  initScaled();
  initTerms();
  initSorting();
  document.documentElement.setAttribute('data-report-ready', 'true');
})();
