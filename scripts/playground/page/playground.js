/* Dealboard playground page: top bar (add-on menu, clock, user), a Google-Sheets-like grid of
 * the emulated workbook, the add-on's sidebar and dialogs in iframes. Plain JS, no build step.
 * Everything that comes from the workbook is escaped before it is rendered. */
(function () {
  'use strict';

  var $ = function (id) { return document.getElementById(id); };
  var state = null;          // last /api/state
  var sheet = null;          // last /api/sheet/:name
  var currentTab = null;
  var selected = { r: 1, c: 1 };
  var lastNoticeSeq = -1;    // notices up to this seq were shown (-1: first load, show none)
  var busyCount = 0;
  var refreshSeq = 0;
  var editing = null;        // { r, c, original }
  var MAX_ROWS = 3000;

  // ---- helpers ---------------------------------------------------------------------------

  function esc(value) {
    return String(value === null || value === undefined ? '' : value)
      .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  }

  function safeColor(c) {
    if (typeof c !== 'string') return '';
    var s = c.trim();
    if (/^#[0-9a-fA-F]{3,8}$/.test(s) || /^[a-zA-Z]{3,24}$/.test(s) || /^rgba?\([\d\s.,%]+\)$/.test(s)) return s;
    return '';
  }

  function colName(n) {
    var s = '';
    while (n > 0) {
      var m = (n - 1) % 26;
      s = String.fromCharCode(65 + m) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  }

  function setBusy(delta) {
    busyCount = Math.max(0, busyCount + delta);
    $('busy').hidden = busyCount === 0;
  }

  function request(method, url, body) {
    setBusy(1);
    var init = { method: method, headers: {} };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(url, init).then(function (res) {
      return res.text().then(function (text) {
        var data;
        try { data = JSON.parse(text); } catch (e) { data = null; }
        if (!res.ok) {
          var msg = data && data.error ? data.error.message : res.status + ' ' + res.statusText;
          throw new Error(msg);
        }
        return data;
      });
    }).finally(function () { setBusy(-1); });
  }

  function post(url, body) { return request('POST', url, body || {}); }

  // ---- toasts ----------------------------------------------------------------------------

  function showToast(kind, title, message, seconds) {
    var box = document.createElement('div');
    box.className = 'toast ' + kind;
    box.setAttribute('role', kind === 'error' ? 'alert' : 'status');
    box.setAttribute('data-testid', 'toast');
    box.innerHTML = (title ? '<div class="toast-title">' + esc(title) + '</div>' : '') +
      '<div class="toast-body">' + esc(message) + '</div>' +
      '<button type="button" class="toast-close" aria-label="Dismiss">×</button>';
    box.querySelector('.toast-close').addEventListener('click', function () { box.remove(); });
    $('toasts').appendChild(box);
    var ms = Math.min(Math.max(Number(seconds) || 5, 3), 12) * 1000;
    setTimeout(function () { box.remove(); }, ms);
    while ($('toasts').children.length > 4) $('toasts').firstChild.remove();
  }

  function showError(err, title) {
    showToast('error', title || 'Error', err && err.message ? err.message : String(err), 10);
  }

  function showNotices(notices) {
    var newest = lastNoticeSeq;
    (notices || []).forEach(function (n) {
      if (n.seq > newest) newest = n.seq;
      if (lastNoticeSeq >= 0 && n.seq > lastNoticeSeq) showToast(n.kind, n.title, n.message, n.timeoutSeconds);
    });
    if (lastNoticeSeq < 0) {
      // First load: show only the latest notice (e.g. "Demo studio loaded").
      var last = (notices || [])[notices.length - 1];
      if (last) showToast(last.kind, last.title, last.message, last.timeoutSeconds);
    }
    lastNoticeSeq = Math.max(newest, 0);
  }

  // ---- chrome: menu, user, clock, tabs, panels -------------------------------------------

  function renderMenus() {
    var host = $('addon-menus');
    var openTitle = host.querySelector('.menu-button[aria-expanded="true"]');
    openTitle = openTitle ? openTitle.getAttribute('data-title') : null;
    var html = '';
    (state.menu || []).forEach(function (menu, i) {
      html += '<div class="menu">' +
        '<button type="button" class="menu-button" aria-haspopup="true" aria-expanded="false" data-title="' + esc(menu.title) + '"' +
        (i === 0 ? ' data-testid="menu-button"' : '') + '>' + esc(menu.title) + ' ▾</button>' +
        '<div class="menu-list" role="menu" hidden>' + menuItemsHtml(menu.items) + '</div></div>';
    });
    host.innerHTML = html;
    if (openTitle) {
      host.querySelectorAll('.menu-button').forEach(function (b) {
        if (b.getAttribute('data-title') === openTitle) toggleMenu(b, true);
      });
    }
  }

  function menuItemsHtml(items) {
    return (items || []).map(function (item) {
      if (item.separator) return '<div class="menu-sep" role="separator"></div>';
      if (item.items) return '<div class="menu-sub">' + esc(item.title) + '</div>' + menuItemsHtml(item.items);
      return '<button type="button" class="menu-item" role="menuitem" data-fn="' + esc(item.functionName) +
        '" data-testid="menu-item-' + esc(item.functionName) + '">' + esc(item.caption) + '</button>';
    }).join('');
  }

  function toggleMenu(button, open) {
    var list = button.parentNode.querySelector('.menu-list');
    closeMenus(button);
    button.setAttribute('aria-expanded', open ? 'true' : 'false');
    list.hidden = !open;
  }

  function closeMenus(except) {
    document.querySelectorAll('.menu-button').forEach(function (b) {
      if (b === except) return;
      b.setAttribute('aria-expanded', 'false');
      b.parentNode.querySelector('.menu-list').hidden = true;
    });
  }

  function renderUsers() {
    var select = $('user-select');
    var html = state.users.map(function (u) {
      var label = (u.name ? u.name + ' · ' : '') + u.email + (u.role ? ' (' + u.role + ')' : '') + (u.active ? '' : ' — inactive');
      return '<option value="' + esc(u.email) + '"' + (u.email.toLowerCase() === state.user.toLowerCase() ? ' selected' : '') + '>' + esc(label) + '</option>';
    }).join('');
    if (select.getAttribute('data-html') !== html) {
      select.innerHTML = html;
      select.setAttribute('data-html', html);
    }
    select.value = state.user;
  }

  function renderClock() {
    $('clock-now').textContent = state.nowLabel;
    $('clock-now').setAttribute('data-iso', state.now);
    if (document.activeElement !== $('clock-input')) $('clock-input').value = state.nowLocal;
    var triggers = (state.triggers || []).filter(function (t) { return t.event === 'CLOCK'; }).map(function (t) { return t.handler; });
    $('tz-info').textContent = state.timeZone + ' · ' + (triggers.length ? 'hourly triggers: ' + triggers.join(', ') : 'no time triggers');
  }

  function visibleTabs() {
    return state.tabs.filter(function (t) { return !t.hidden; });
  }

  function renderTabs() {
    var tabs = visibleTabs();
    if (!currentTab || !state.tabs.some(function (t) { return t.name === currentTab; })) {
      currentTab = tabs.length ? tabs[0].name : (state.tabs[0] ? state.tabs[0].name : null);
    }
    $('tabbar').innerHTML = tabs.map(function (t) {
      var color = safeColor(t.color);
      return '<button type="button" role="tab" class="tab' + (t.name === currentTab ? ' active' : '') + '" aria-selected="' + (t.name === currentTab) +
        '" data-tab="' + esc(t.name) + '" data-testid="tab-' + esc(t.name) + '">' + esc(t.name) +
        (color ? '<span class="tab-color" style="background:' + esc(color) + '"></span>' : '') + '</button>';
    }).join('');
    document.title = (currentTab ? currentTab + ' · ' : '') + 'Dealboard playground';
  }

  function renderPanels() {
    var sb = state.sidebar;
    var sidebar = $('sidebar');
    document.body.classList.toggle('with-sidebar', !!sb);
    if (sb) {
      sidebar.hidden = false;
      $('sidebar-title').textContent = sb.title;
      if ($('sidebar-frame').getAttribute('src') !== sb.url) $('sidebar-frame').setAttribute('src', sb.url);
    } else if (!sidebar.hidden) {
      sidebar.hidden = true;
      $('sidebar-frame').setAttribute('src', 'about:blank');
    }

    var dl = state.dialog;
    var layer = $('dialog-layer');
    if (dl) {
      layer.hidden = false;
      layer.classList.toggle('modal', !!dl.modal);
      $('dialog-title').textContent = dl.title;
      var box = $('dialog');
      if (box.getAttribute('data-url') !== dl.url) {
        box.setAttribute('data-url', dl.url);
        box.style.width = 'min(95vw, ' + Math.max(200, Number(dl.width) || 600) + 'px)';
        box.style.height = 'min(90vh, ' + (Math.max(120, Number(dl.height) || 400) + 48) + 'px)';
        box.style.transform = '';
        $('dialog-frame').setAttribute('src', dl.url);
      }
    } else if (!layer.hidden) {
      layer.hidden = true;
      $('dialog').removeAttribute('data-url');
      $('dialog-frame').setAttribute('src', 'about:blank');
    }
  }

  // ---- the grid --------------------------------------------------------------------------

  function cellClass(r, c) {
    var cls = [];
    var kind = sheet.kinds[r] && sheet.kinds[r][c];
    if (kind) cls.push(kind);
    var v = sheet.validations[r] && sheet.validations[r][c];
    if (v && v.type === 'LIST') cls.push('list');
    if (sheet.notes[r] && sheet.notes[r][c]) cls.push('note');
    return cls;
  }

  // The grid draws the rows the server sent (the rows with content plus a margin, at least a
  // screenful) and stands in for the rest with one spacer row of their height, so the scroll bar
  // is the sheet's; scrolling near the spacer asks for more rows. After a change only the rows
  // whose drawing differs are replaced: a Deals tab of 1,000 x 38 cells is no longer rebuilt
  // after every google.script.run call.
  var drawn = { tab: null, head: null, rows: [], tail: null };
  var ROW_PX = 22;
  var GROW_ROWS = 200;

  function isHiddenCol(c1) { return (sheet.hiddenColumns || []).indexOf(c1) >= 0; }
  function colWidth(c1) { return isHiddenCol(c1) ? 5 : Math.max(30, Number(sheet.columnWidths[c1 - 1]) || 100); }
  // table-layout: fixed takes the <col> widths only when the table has a width of its own; without
  // one a hidden column grew to its content's width instead of a thin gap.
  function gridWidth(cols) {
    var w = 46;
    for (var c = 1; c <= cols; c++) w += colWidth(c);
    return w;
  }

  function headHtml(cols) {
    var out = ['<colgroup><col style="width:46px">'];
    // A hidden column is a thin gap, as in Sheets: its cells stay in the page, out of sight.
    for (var c = 0; c < cols; c++) out.push('<col style="width:' + colWidth(c + 1) + 'px">');
    out.push('</colgroup><thead><tr><th class="corner"></th>');
    for (c = 1; c <= cols; c++) {
      out.push(isHiddenCol(c)
        ? '<th class="col-head hidden-col" data-col="' + c + '" title="' + esc('Column ' + colName(c) + ' is hidden (' + String((sheet.displayValues[0] || [])[c - 1] || '') + ')') + '"></th>'
        : '<th class="col-head" data-col="' + c + '">' + colName(c) + '</th>');
    }
    out.push('</tr></thead>');
    return out.join('');
  }

  function rowHtml(r, cols, frozen) {
    var trClass = r < frozen ? 'frozen' + (r === frozen - 1 ? ' last-frozen' : '') : '';
    var trStyle = r < frozen ? ' style="top:calc(var(--colhead-h) + ' + (r * ROW_PX) + 'px)"' : '';
    var out = ['<tr' + (trClass ? ' class="' + trClass + '"' : '') + trStyle + '><th class="row-head" data-row="' + (r + 1) + '"' +
      (r < frozen ? ' style="top:calc(var(--colhead-h) + ' + (r * ROW_PX) + 'px)"' : '') + '>' + (r + 1) + '</th>'];
    var dv = sheet.displayValues[r] || [];
    for (var c = 0; c < cols; c++) {
      var style = [];
      var bg = safeColor(sheet.backgrounds[r] && sheet.backgrounds[r][c]);
      var fg = safeColor(sheet.fontColors[r] && sheet.fontColors[r][c]);
      var fw = sheet.fontWeights[r] && sheet.fontWeights[r][c];
      if (bg && bg.toLowerCase() !== '#ffffff') style.push('background:' + bg);
      if (fg && fg.toLowerCase() !== '#000000') style.push('color:' + fg);
      if (fw === 'bold') style.push('font-weight:bold');
      if (r < frozen) style.push('top:calc(var(--colhead-h) + ' + (r * ROW_PX) + 'px)');
      var cls = cellClass(r, c);
      if (isHiddenCol(c + 1)) cls.push('hidden-col');
      var validation = sheet.validations[r] && sheet.validations[r][c];
      var text = dv[c] === undefined ? '' : dv[c];
      var inner;
      if (validation && validation.type === 'CHECKBOX' && (text === 'TRUE' || text === 'FALSE' || text === '')) {
        cls.push('b');
        inner = '<input type="checkbox" class="cb" tabindex="-1" aria-label="' + esc(colName(c + 1) + (r + 1)) + '"' + (text === 'TRUE' ? ' checked' : '') + '>';
      } else {
        inner = esc(text);
      }
      var note = sheet.notes[r] && sheet.notes[r][c];
      out.push('<td data-testid="cell-' + (r + 1) + '-' + (c + 1) + '" data-r="' + (r + 1) + '" data-c="' + (c + 1) + '"' +
        (cls.length ? ' class="' + cls.join(' ') + '"' : '') +
        (style.length ? ' style="' + esc(style.join(';')) + '"' : '') +
        (note ? ' title="' + esc(note) + '"' : (text.length > 12 ? ' title="' + esc(text) + '"' : '')) + '>' + inner + '</td>');
    }
    out.push('</tr>');
    return out.join('');
  }

  /** The last row of the tbody: the spacer for the rows not drawn yet, or the "more rows" note past MAX_ROWS. */
  function tailHtml(rows, shownRows, cols) {
    var drawable = Math.min(rows, MAX_ROWS);
    var rest = drawable - shownRows;
    var out = '';
    // The spacer's row head holds the last row number, out of sight: the row-head column is as
    // wide as when every row was drawn (the table sizes its columns by their content).
    // Its cells draw the empty rows' grid lines until the rows themselves are drawn.
    if (rest > 0) {
      out += '<tr class="rest" aria-hidden="true"><th class="row-head"><span class="rest-label">' + drawable + '</span></th>';
      for (var c = 1; c <= cols; c++) out += '<td' + (isHiddenCol(c) ? ' class="hidden-col"' : '') + ' style="height:' + (rest * ROW_PX) + 'px"></td>';
      out += '</tr>';
    }
    if (rows > drawable) out += '<tr class="more"><th class="row-head">…</th><td colspan="' + cols + '">' + esc((rows - drawable) + ' more rows not shown') + '</td></tr>';
    return out;
  }

  function rowsFrom(html) {
    var box = document.createElement('tbody');
    box.innerHTML = html;
    return Array.prototype.slice.call(box.children);
  }

  function renderGrid() {
    var grid = $('grid');
    if (!sheet) { grid.innerHTML = ''; drawn = { tab: null, head: null, rows: [], tail: null }; return; }
    var rows = Math.max(sheet.rows, 1);
    var cols = Math.max(sheet.cols, 1);
    var sent = sheet.sentRows === undefined ? sheet.rows : sheet.sentRows;
    var shownRows = Math.min(rows, MAX_ROWS, Math.max(sent, 1));
    var frozen = Math.min(sheet.frozenRows || 0, shownRows);
    var head = headHtml(cols);
    var html = [];
    for (var r = 0; r < shownRows; r++) html.push(rowHtml(r, cols, frozen));
    var tail = tailHtml(rows, shownRows, cols);

    if (drawn.tab !== sheet.name || drawn.head !== head || !grid.tBodies[0]) {
      grid.innerHTML = head + '<tbody>' + html.join('') + tail + '</tbody>';
      grid.style.width = gridWidth(cols) + 'px';
    } else {
      var body = grid.tBodies[0];
      var old = drawn.rows;
      var trs = body.rows;
      // Changed rows are replaced in place, new rows added before the tail, dropped rows removed.
      for (r = 0; r < Math.min(old.length, shownRows); r++) {
        if (old[r] !== html[r]) trs[r].replaceWith(rowsFrom(html[r])[0]);
      }
      for (r = old.length - 1; r >= shownRows; r--) trs[r].remove();
      if (shownRows > old.length) {
        var anchor = trs[old.length] || null;
        rowsFrom(html.slice(old.length).join('')).forEach(function (tr) { body.insertBefore(tr, anchor); });
      }
      if (drawn.tail !== tail) {
        while (body.rows.length > shownRows) body.rows[shownRows].remove();
        rowsFrom(tail).forEach(function (tr) { body.appendChild(tr); });
      }
    }
    drawn = { tab: sheet.name, head: head, rows: html, tail: tail };
    markSelection();
  }

  /**
   * Rows the grid asks for: down to a little below the screen and the selected cell (the server
   * adds the rows with content and a margin). Rows drawn further down, once scrolled past, go
   * back into the spacer at the next refresh and are drawn again when scrolled to.
   */
  function rowsWanted(atLeast) {
    var wrap = $('grid-wrap');
    var screen = Math.ceil((wrap.scrollTop + wrap.clientHeight) / ROW_PX) + 10;
    return Math.min(MAX_ROWS, Math.max(screen, selected.r + 10, atLeast || 0));
  }

  var growth = null;
  /** Draws rows down to `row` (scrolled to, or selected with the keyboard); resolves when they are drawn. */
  function growTo(row) {
    if (!sheet || row <= drawn.rows.length || drawn.rows.length >= Math.min(sheet.rows, MAX_ROWS)) return Promise.resolve();
    if (growth) return growth;
    // A scroll (or a selection) made while these rows were coming may need more: looked at again
    // when they are drawn. A failed request is not retried until the next scroll.
    growth = loadSheet(refreshSeq, rowsWanted(row + GROW_ROWS))
      .then(function () { growth = null; return growToScroll(); }, function () { growth = null; });
    return growth;
  }

  /** Scrolling near the spacer, or selecting below it, draws the next rows. */
  function growToScroll() {
    if (!sheet || editing) return Promise.resolve();
    var wrap = $('grid-wrap');
    var need = Math.max(Math.ceil((wrap.scrollTop + wrap.clientHeight) / ROW_PX) + 20, selected.r);
    return need > drawn.rows.length ? growTo(need) : Promise.resolve();
  }

  function cellEl(r, c) {
    return $('grid').querySelector('td[data-r="' + r + '"][data-c="' + c + '"]');
  }

  function markSelection() {
    var grid = $('grid');
    grid.querySelectorAll('.sel, .sel-head').forEach(function (el) { el.classList.remove('sel', 'sel-head'); });
    if (!sheet) return;
    var td = cellEl(selected.r, selected.c);
    if (td) td.classList.add('sel');
    var ch = grid.querySelector('th.col-head[data-col="' + selected.c + '"]');
    if (ch) ch.classList.add('sel-head');
    var rh = grid.querySelector('th.row-head[data-row="' + selected.r + '"]');
    if (rh) rh.classList.add('sel-head');
    $('namebox').textContent = colName(selected.c) + selected.r;
    var row = sheet.editValues[selected.r - 1];
    $('formula').textContent = row && row[selected.c - 1] !== undefined ? row[selected.c - 1] : '';
  }

  function select(r, c, scroll) {
    if (!sheet) return;
    selected = { r: Math.max(1, Math.min(r, Math.max(sheet.rows, 1))), c: Math.max(1, Math.min(c, Math.max(sheet.cols, 1))) };
    markSelection();
    if (scroll) {
      var td = cellEl(selected.r, selected.c);
      if (td) td.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      else if (selected.r > drawn.rows.length) {
        // Selected below the drawn rows (the arrow keys, "Go to the cell"): draw down to it, then show it.
        var want = selected;
        growToScroll().then(function () {
          var el = selected === want && cellEl(want.r, want.c);
          if (el) el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
        });
      }
    }
  }

  // ---- editing ---------------------------------------------------------------------------

  function startEdit(r, c, initial) {
    if (!sheet) return;
    var td = cellEl(r, c);
    if (!td) return;
    select(r, c, true);
    var row = sheet.editValues[r - 1] || [];
    var original = row[c - 1] === undefined ? '' : row[c - 1];
    var editor = $('cell-editor');
    var wrap = $('grid-wrap');
    var rect = td.getBoundingClientRect();
    var wrapRect = wrap.getBoundingClientRect();
    editor.style.left = (rect.left - wrapRect.left + wrap.scrollLeft - 1) + 'px';
    editor.style.top = (rect.top - wrapRect.top + wrap.scrollTop - 1) + 'px';
    editor.style.width = Math.max(rect.width + 2, 160) + 'px';
    editor.style.height = (rect.height + 2) + 'px';
    var validation = sheet.validations[r - 1] && sheet.validations[r - 1][c - 1];
    var options = validation && validation.type === 'LIST' ? validation.list : (validation && validation.type === 'CHECKBOX' ? ['TRUE', 'FALSE'] : []);
    $('cell-options').innerHTML = options.map(function (o) { return '<option value="' + esc(o) + '"></option>'; }).join('');
    editor.value = initial !== undefined ? initial : original;
    editor.hidden = false;
    editor.setAttribute('data-testid', 'cell-editor');
    editing = { r: r, c: c, original: original };
    editor.focus();
    if (initial === undefined) editor.select();
  }

  function finishEdit(save, move) {
    if (!editing) return;
    var e = editing;
    editing = null;
    var editor = $('cell-editor');
    var value = editor.value;
    editor.hidden = true;
    $('grid-wrap').focus({ preventScroll: true });
    if (move) select(e.r + move.dr, e.c + move.dc, true);
    if (save && value !== e.original) writeCell(e.r, e.c, value);
  }

  function writeCell(r, c, value) {
    var tab = currentTab;
    return post('/api/edit', { sheet: tab, row: r, col: c, value: value })
      .then(function (res) {
        if (res && res.failed) showToast('trigger', 'An edit trigger failed', res.runs.filter(function (x) { return !x.ok; }).map(function (x) { return x.handler + ': ' + (x.error && x.error.message); }).join('\n'), 10);
      })
      .catch(function (err) { showError(err, 'Could not edit ' + colName(c) + r); })
      .then(refreshAll);
  }

  // ---- loading ---------------------------------------------------------------------------

  function refreshAll() {
    var seq = ++refreshSeq;
    return request('GET', '/api/state').then(function (s) {
      if (seq !== refreshSeq) return;
      state = s;
      followSelection(s.selection);
      $('doc-title').textContent = s.spreadsheetName || 'Dealboard';
      renderMenus();
      renderUsers();
      renderClock();
      renderTabs();
      renderPanels();
      showNotices(s.notices);
      return loadSheet(seq);
    }).catch(function (err) {
      if (seq === refreshSeq) showError(err, 'Playground');
    });
  }

  // A script selected a cell (Range.activate, e.g. "Go to the cell"): show its tab and select it.
  var lastSelection = null;
  var pendingSelect = null;
  function followSelection(selection) {
    var key = selection ? JSON.stringify(selection) : null;
    if (!selection || key === lastSelection) return;
    lastSelection = key;
    if (state.tabs.some(function (t) { return t.name === selection.sheet; })) {
      finishEdit(false);
      currentTab = selection.sheet;
      pendingSelect = selection;
    }
  }

  function loadSheet(seq, rows) {
    if (!currentTab) { sheet = null; renderGrid(); return Promise.resolve(); }
    var tab = currentTab;
    var wanted = rows || rowsWanted();
    return request('GET', '/api/sheet/' + encodeURIComponent(tab) + '?rows=' + wanted).then(function (s) {
      if (seq !== refreshSeq || tab !== currentTab) return;
      if (editing) return; // do not pull the grid from under the editor
      sheet = s;
      renderGrid();
      if (pendingSelect && pendingSelect.sheet === tab) {
        select(pendingSelect.row, pendingSelect.col, true);
        pendingSelect = null;
      }
    });
  }

  var refreshTimer = null;
  function refreshSoon() {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(refreshAll, 120);
  }

  // ---- events ----------------------------------------------------------------------------

  document.addEventListener('click', function (ev) {
    var target = ev.target;
    var menuButton = target.closest('.menu-button');
    if (menuButton) {
      toggleMenu(menuButton, menuButton.getAttribute('aria-expanded') !== 'true');
      return;
    }
    var item = target.closest('.menu-item');
    if (item) {
      closeMenus();
      var fn = item.getAttribute('data-fn');
      post('/api/menu', { functionName: fn })
        .then(function (res) { if (res && res.ok === false) { /* shown as a notice */ } })
        .catch(function (err) { showError(err, 'Menu'); })
        .then(refreshAll);
      return;
    }
    if (!target.closest('.menu')) closeMenus();

    var tab = target.closest('.tab');
    if (tab) {
      var name = tab.getAttribute('data-tab');
      if (name !== currentTab) {
        finishEdit(false);
        currentTab = name;
        selected = { r: 1, c: 1 };
        $('grid-wrap').scrollTop = 0;
        $('grid-wrap').scrollLeft = 0;
        renderTabs();
        loadSheet(refreshSeq);
      }
      return;
    }

    var td = target.closest('#grid td[data-r]');
    if (td) {
      var r = Number(td.getAttribute('data-r'));
      var c = Number(td.getAttribute('data-c'));
      if (editing && (editing.r !== r || editing.c !== c)) finishEdit(true);
      select(r, c, false);
      if (target.classList.contains('cb')) {
        ev.preventDefault();
        writeCell(r, c, target.checked ? 'TRUE' : 'FALSE');
      } else if (td.classList.contains('list') && ev.offsetX > td.clientWidth - 18) {
        startEdit(r, c);
      }
      $('grid-wrap').focus({ preventScroll: true });
    }
  });

  $('grid').addEventListener('dblclick', function (ev) {
    var td = ev.target.closest('td[data-r]');
    if (!td || ev.target.classList.contains('cb')) return;
    startEdit(Number(td.getAttribute('data-r')), Number(td.getAttribute('data-c')));
  });

  $('grid-wrap').addEventListener('scroll', growToScroll, { passive: true });

  $('grid-wrap').tabIndex = -1;
  $('grid-wrap').addEventListener('keydown', function (ev) {
    if (editing || !sheet || ev.target !== $('grid-wrap')) return;
    var moves = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    if (moves[ev.key]) {
      ev.preventDefault();
      select(selected.r + moves[ev.key][0], selected.c + moves[ev.key][1], true);
    } else if (ev.key === 'Enter' || ev.key === 'F2') {
      ev.preventDefault();
      startEdit(selected.r, selected.c);
    } else if (ev.key === 'Delete' || ev.key === 'Backspace') {
      ev.preventDefault();
      writeCell(selected.r, selected.c, '');
    } else if (ev.key.length === 1 && !ev.ctrlKey && !ev.metaKey && !ev.altKey) {
      ev.preventDefault();
      startEdit(selected.r, selected.c, ev.key);
    }
  });

  $('cell-editor').addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter') { ev.preventDefault(); finishEdit(true, { dr: 1, dc: 0 }); }
    else if (ev.key === 'Tab') { ev.preventDefault(); finishEdit(true, { dr: 0, dc: ev.shiftKey ? -1 : 1 }); }
    else if (ev.key === 'Escape') { ev.preventDefault(); finishEdit(false); }
  });
  $('cell-editor').addEventListener('blur', function () {
    setTimeout(function () { if (editing && document.activeElement !== $('cell-editor')) finishEdit(true); }, 0);
  });

  $('user-select').addEventListener('change', function (ev) {
    post('/api/user', { email: ev.target.value }).catch(function (err) { showError(err, 'User'); }).then(refreshAll);
  });

  document.querySelectorAll('[data-minutes]').forEach(function (b) {
    b.addEventListener('click', function () {
      post('/api/clock', { advanceMinutes: Number(b.getAttribute('data-minutes')) })
        .then(function (res) {
          if (res && res.runs) showToast('toast', 'Time moved', res.hours + ' hour(s) passed; time-driven triggers ran ' + res.runs + ' time(s)' + (res.failed ? ', ' + res.failed + ' failed' : '') + '.', 4);
          tellFramesTimeMoved();
        })
        .catch(function (err) { showError(err, 'Clock'); })
        .then(refreshAll);
    });
  });

  $('clock-set').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var v = $('clock-input').value;
    if (!v) return;
    post('/api/clock', { set: v }).then(tellFramesTimeMoved).catch(function (err) { showError(err, 'Clock'); }).then(refreshAll);
  });

  $('reset').addEventListener('click', function () {
    if (!window.confirm('Replace the workbook with a fresh demo studio? Your changes in the playground are lost.')) return;
    currentTab = null;
    selected = { r: 1, c: 1 };
    $('grid-wrap').scrollTop = 0;
    $('grid-wrap').scrollLeft = 0;
    post('/api/reset').catch(function (err) { showError(err, 'Reset'); }).then(refreshAll);
  });

  $('sidebar-close').addEventListener('click', function () {
    post('/api/close', { panel: 'sidebar' }).catch(showError).then(refreshAll);
  });
  $('dialog-close').addEventListener('click', function () {
    post('/api/close', { panel: 'dialog' }).catch(showError).then(refreshAll);
  });

  // The open sidebar and dialog refresh their board: "Today", "3d in stage" and health moved
  // with the clock even where no trigger wrote a cell (the sidebar's freshness check).
  function tellFramesTimeMoved() {
    ['sidebar-frame', 'dialog-frame'].forEach(function (id) {
      var frame = $(id);
      if (frame && frame.contentWindow && frame.getAttribute('src') && frame.getAttribute('src') !== 'about:blank') {
        frame.contentWindow.postMessage({ type: 'dealboard:clock-moved' }, window.location.origin);
      }
    });
  }

  // Messages from the sidebar/dialog bridge.
  window.addEventListener('message', function (ev) {
    if (ev.origin !== window.location.origin || !ev.data || typeof ev.data.type !== 'string') return;
    var fromDialog = ev.source === $('dialog-frame').contentWindow;
    if (ev.data.type === 'dealboard:changed') refreshSoon();
    else if (ev.data.type === 'dealboard:close') {
      post('/api/close', { panel: fromDialog ? 'dialog' : 'sidebar' }).catch(showError).then(refreshAll);
    } else if (ev.data.type === 'dealboard:resize' && fromDialog) {
      var box = $('dialog');
      if (ev.data.width > 0) box.style.width = 'min(95vw, ' + Math.round(ev.data.width) + 'px)';
      if (ev.data.height > 0) box.style.height = 'min(90vh, ' + (Math.round(ev.data.height) + 48) + 'px)';
    }
  });

  // Drag the modeless dialog by its title bar.
  (function () {
    var drag = null;
    $('dialog-handle').addEventListener('mousedown', function (ev) {
      if (ev.target.closest('button')) return;
      var m = /translate\((-?[\d.]+)px, (-?[\d.]+)px\)/.exec($('dialog').style.transform || '');
      drag = { x: ev.clientX, y: ev.clientY, dx: m ? Number(m[1]) : 0, dy: m ? Number(m[2]) : 0 };
      $('dialog-frame').style.pointerEvents = 'none';
      ev.preventDefault();
    });
    window.addEventListener('mousemove', function (ev) {
      if (!drag) return;
      $('dialog').style.transform = 'translate(' + (drag.dx + ev.clientX - drag.x) + 'px, ' + (drag.dy + ev.clientY - drag.y) + 'px)';
    });
    window.addEventListener('mouseup', function () {
      if (!drag) return;
      drag = null;
      $('dialog-frame').style.pointerEvents = '';
    });
  })();

  document.addEventListener('keydown', function (ev) {
    if (ev.key === 'Escape') closeMenus();
  });

  refreshAll();
})();
