// The workbench page: the scenario library, the edit form generated from the vocabulary,
// the interview, and the report, which the server renders. Every string from a case or the
// rules is set with textContent here; only the server's escaped report HTML (the library's
// report renderer) uses innerHTML.
'use strict';

const state = { library: null, vocabulary: null, draft: null, current: null, seq: 0, shown: 0, interview: null, question: null, timer: null };
const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') e.textContent = v; else if (k === 'class') e.className = v; else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

async function api(path, body) {
  const options = body === undefined ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
  const response = await fetch(path, options);
  if (!response.ok) throw new Error((await response.text()).trim());
  return response;
}

// ---- The library ----
function renderLibrary() {
  const query = $('search').value.trim().toLowerCase();
  const program = $('program-filter').value;
  const box = $('scenarios');
  box.replaceChildren();
  const shelves = new Map();
  for (const s of state.library.scenarios) {
    if (program && !s.programs.includes(program)) continue;
    const hay = (s.id + ' ' + (s.title || '') + ' ' + s.shelf + ' ' + s.programs.join(' ')).toLowerCase();
    if (query && !hay.includes(query)) continue;
    if (!shelves.has(s.shelf)) shelves.set(s.shelf, []);
    shelves.get(s.shelf).push(s);
  }
  for (const [shelf, list] of shelves) {
    const ul = el('ul');
    for (const s of list) {
      const b = el('button', { type: 'button', 'data-key': String(s.key), class: state.current === s.key ? 'current' : '' },
        el('span', { class: 'id', text: s.id }), el('span', { class: 'title programs', text: s.title || '' }));
      b.addEventListener('click', () => openScenario(s.key));
      ul.append(el('li', {}, b));
    }
    box.append(el('details', { class: 'shelf', open: query !== '' || program !== '' || shelves.size === 1 }, el('summary', { text: `${shelf} (${list.length})` }), ul));
  }
  if (shelves.size === 0) box.append(el('p', { class: 'hint', text: 'No scenario matches.' }));
}

async function openScenario(key) {
  const draft = await (await api(`/api/scenario/${key}`)).json();
  state.current = key;
  renderLibrary();
  loadDraft(draft);
}

function loadDraft(draft) {
  state.draft = draft;
  draft.facts = draft.facts || {};
  draft.family_members = draft.family_members || [];
  draft.declined = draft.declined || [];
  buildForm();
  stopInterview();
  evaluate();
}

// ---- The form, generated from the vocabulary ----
function factsOf(member) { return state.vocabulary.facts.filter((f) => f.member === member); }

function buildForm() {
  const form = $('form');
  form.replaceChildren();
  const d = state.draft;
  const env = el('fieldset', {}, el('legend', { text: 'The case' }));
  for (const [key, label, multi] of [['id', 'Case id (lower-case letters, digits, hyphens)'], ['title', 'Title'], ['as_of', 'Decision date in the file (as_of)'], ['source', 'Source'], ['narrative', 'Narrative', true]]) {
    const input = multi ? el('textarea', { rows: 3, name: key }) : el('input', { type: 'text', name: key });
    input.value = d[key] || '';
    input.addEventListener('input', () => { d[key] = input.value === '' ? null : input.value; schedule(); });
    env.append(wrap(key, label, null, input));
  }
  form.append(env);
  const groups = new Map();
  for (const f of factsOf(false)) { if (!groups.has(f.group)) groups.set(f.group, []); groups.get(f.group).push(f); }
  for (const [group, facts] of groups) {
    const fs = el('fieldset', { 'data-group': group }, el('legend', { text: group }));
    for (const f of facts) fs.append(factField(f, d.facts, d.declined, `facts.${f.name}`));
    form.append(fs);
  }
  const members = el('fieldset', { 'data-group': 'family_members' }, el('legend', { text: 'Family members' }));
  d.family_members.forEach((m, i) => members.append(memberBlock(m, i)));
  const add = el('button', { type: 'button', id: 'add-member', text: 'Add a family member' });
  add.addEventListener('click', () => { d.family_members.push({ id: `member-${d.family_members.length + 1}`, facts: {}, declined: [], expect: {} }); buildForm(); evaluate(); });
  members.append(add);
  form.append(members);
}

function memberBlock(m, i) {
  m.facts = m.facts || {}; m.declined = m.declined || [];
  const box = el('fieldset', { class: 'member' }, el('legend', { text: `Family member ${i + 1}` }));
  const id = el('input', { type: 'text', name: `family_members.${i}.id` });
  id.value = m.id || '';
  id.addEventListener('input', () => { m.id = id.value; schedule(); });
  box.append(wrap(`family_members.${i}.id`, 'Member id', null, id));
  for (const f of factsOf(true)) box.append(factField(f, m.facts, m.declined, `family_members.${i}.facts.${f.name}`));
  const remove = el('button', { type: 'button', text: 'Remove this family member' });
  remove.addEventListener('click', () => { state.draft.family_members.splice(i, 1); buildForm(); evaluate(); });
  box.append(remove);
  return box;
}

function wrap(field, question, code, control, extra) {
  const q = el('span', { class: 'q' }, question);
  if (code) q.append(' ', el('code', { text: code }));
  const box = el('div', { class: 'fact', 'data-field': field }, el('label', {}, q, control));
  if (extra) box.append(extra);
  box.append(el('div', { class: 'diag', 'data-for': field }));
  return box;
}

function label(f, i) { return (f.labels && f.labels[i]) || f.values[i]; }

// A control for one value of a type; `get` and `set` read and write the value, and `changed`
// runs once it has changed (the form decides again; the interview waits for its buttons).
function control(f, name, get, set, changed = evaluate, typing = schedule) {
  const v = get();
  if (f.type === 'bool' || f.type === 'enum' || f.type === 'reference') {
    const s = el('select', { name });
    s.append(el('option', { value: '', text: '— unknown —' }));
    if (f.type === 'bool') { s.append(el('option', { value: 'true', text: 'yes' }), el('option', { value: 'false', text: 'no' })); }
    else if (f.type === 'enum') f.values.forEach((value, i) => s.append(el('option', { value, text: label(f, i) })));
    else for (const m of state.draft.family_members) s.append(el('option', { value: m.id, text: m.id }));
    const given = v === undefined || v === null ? '' : String(v);
    if (given !== '' && ![...s.options].some((o) => o.value === given)) s.append(el('option', { value: given, text: given }));
    s.value = given;
    s.addEventListener('change', () => { set(s.value === '' ? null : s.value); changed(); });
    return s;
  }
  if (f.type === 'list') {
    const box = el('div', { class: 'choices', role: 'group' });
    const chosen = Array.isArray(v) ? v : null;
    const none = el('input', { type: 'checkbox', name: `${name}:none` });
    none.checked = chosen !== null && chosen.length === 0;
    const boxes = f.values.map((value, i) => {
      const c = el('input', { type: 'checkbox', name: `${name}:${value}`, value });
      c.checked = chosen !== null && chosen.includes(value);
      box.append(el('label', {}, c, ' ' + label(f, i)));
      return c;
    });
    box.append(el('label', {}, none, ' none of these'));
    const update = (fromNone) => {
      if (fromNone && none.checked) boxes.forEach((c) => { c.checked = false; });
      if (!fromNone && boxes.some((c) => c.checked)) none.checked = false;
      const picked = boxes.filter((c) => c.checked).map((c) => c.value);
      set(none.checked ? [] : picked.length ? picked : null);
      changed();
    };
    boxes.forEach((c) => c.addEventListener('change', () => update(false)));
    none.addEventListener('change', () => update(true));
    return box;
  }
  if (f.type === 'records') return recordsControl(f, name, get, set);
  const input = f.type === 'text' ? el('textarea', { name, rows: 2 }) : el('input', { type: 'text', name, placeholder: f.type === 'date' ? 'YYYY-MM-DD' : f.type === 'integer' ? 'a whole number' : '' });
  input.value = v === undefined || v === null ? '' : String(v);
  input.addEventListener('input', () => { set(input.value.trim() === '' ? null : input.value.trim()); typing(); });
  input.addEventListener('change', () => { clearTimeout(state.timer); changed(); });
  return input;
}

function recordsControl(f, name, get, set) {
  const box = el('div', { class: 'records' });
  const draw = () => {
    box.replaceChildren();
    const list = Array.isArray(get()) ? get() : null;
    (list || []).forEach((record, r) => {
      const row = el('div', { class: 'record' });
      for (const field of f.fields) {
        const c = control(field, `${name}.${r}.${field.name}`, () => record[field.name], (value) => { if (value === null) delete record[field.name]; else record[field.name] = value; });
        row.append(el('label', { class: 'q' }, field.name + ' ', c));
      }
      const remove = el('button', { type: 'button', text: 'Remove' });
      remove.addEventListener('click', () => { list.splice(r, 1); set(list.length ? list : null); draw(); evaluate(); });
      row.append(remove);
      box.append(row);
    });
    const add = el('button', { type: 'button', text: 'Add a record' });
    add.addEventListener('click', () => { const next = list || []; next.push({}); set(next); draw(); });
    const none = el('button', { type: 'button', text: 'None (known)' });
    none.addEventListener('click', () => { set([]); draw(); evaluate(); });
    box.append(add, ' ', none, list && list.length === 0 ? el('span', { class: 'hint', text: ' known: none' }) : '');
  };
  draw();
  return box;
}

function factField(f, values, declined, field) {
  const c = control(f, field, () => values[f.name], (value) => { if (value === null) delete values[f.name]; else values[f.name] = value; });
  const decl = el('input', { type: 'checkbox', name: `${field}:declined` });
  decl.checked = declined.includes(f.name);
  decl.addEventListener('change', () => {
    const at = declined.indexOf(f.name);
    if (decl.checked && at < 0) declined.push(f.name); else if (!decl.checked && at >= 0) declined.splice(at, 1);
    evaluate();
  });
  const extra = el('span', {}, f.derived ? el('span', { class: 'derived', text: 'computed from dates; give it only when they are not known' }) : '', el('label', { class: 'decl' }, decl, ' declined to answer'));
  return wrap(field, f.question || f.name, f.name, c, extra);
}

// ---- Deciding ----
function schedule() { clearTimeout(state.timer); state.timer = setTimeout(evaluate, 250); }

function request() { return { draft: state.draft, date: $('date').value.trim() || null, proposal: $('proposal').value || null, redact: $('redact').checked }; }

async function evaluate() {
  if (!state.draft) return;
  clearTimeout(state.timer);
  const seq = ++state.seq;
  const t0 = performance.now();
  busy(+1);
  let result;
  try { result = await (await api('/api/evaluate', request())).json(); } catch (e) { showNotice(String(e.message || e)); return; } finally { busy(-1); }
  if (seq < state.shown) return;
  state.shown = seq;
  const t1 = performance.now();
  showResult(result);
  // How long the last update took, request and drawing apart (read by the browser tests' benchmark).
  state.timing = { request: t1 - t0, draw: performance.now() - t1 };
  document.body.dataset.seq = String(seq);
}

// Requests still out: the page is marked busy until every one has answered.
function busy(delta) {
  state.pending = (state.pending || 0) + delta;
  document.body.dataset.pending = String(state.pending);
  document.body.classList.toggle('busy', state.pending > 0);
}

function showNotice(text, ok) {
  const n = $('notice');
  n.hidden = !text;
  n.textContent = text || '';
  n.classList.toggle('ok', !!ok);
}

function showResult(result) {
  showNotice(result.notice);
  for (const slot of document.querySelectorAll('.diag')) slot.replaceChildren();
  for (const f of document.querySelectorAll('.fact.has-error')) f.classList.remove('has-error');
  const general = $('diagnostics');
  general.replaceChildren();
  for (const d of result.diagnostics) {
    const item = el('span', {}, el('strong', { text: `${d.severity}[${d.id}]: ` }), d.message, d.help ? el('span', { class: 'help', text: 'help: ' + d.help }) : '');
    const slot = d.field ? document.querySelector(`.diag[data-for="${CSS.escape(d.field)}"]`) : null;
    if (slot) { slot.append(item); if (d.severity === 'error') slot.parentElement.classList.add('has-error'); }
    else general.append(el('li', {}, el('span', { text: d.field ? `${d.field} (line ${d.line}): ` : `line ${d.line}: ` }), item));
  }
  const report = $('report');
  const changes = $('changes');
  changes.replaceChildren();
  if (!result.html) { report.replaceChildren(el('p', { class: 'hint', text: result.notice ? 'No report for this date.' : 'No report: the case has errors (beside the fields).' })); return; }
  if (result.proposalHTML) {
    const table = el('table', { class: 'changes' }, el('caption', { class: 'changed-mark', text: result.changes.length ? `The proposal changes ${result.changes.length} decision${result.changes.length === 1 ? '' : 's'}` : 'The proposal changes no decision of this case' }));
    if (result.changes.length) table.append(el('tr', {}, el('th', { text: 'Program' }), el('th', { text: 'For' }), el('th', { text: 'Now' }), el('th', { text: 'Under the proposal' })));
    for (const c of result.changes) table.append(el('tr', { class: 'changed', 'data-program': c.program }, el('td', { text: c.title }), el('td', { text: c.subject }), el('td', { text: c.before }), el('td', { class: 'changed-mark', text: c.after })));
    changes.append(table);
    report.className = 'report-area compare';
    document.querySelector('.panes').classList.add('comparing');
    report.innerHTML = '<div class="before"><h2 class="side">The law as it is</h2>' + result.html + '</div><div class="after"><h2 class="side">Under the proposal</h2>' + result.proposalHTML + '</div>';
    markRows(report.querySelector('.before'), result.rows);
    markRows(report.querySelector('.after'), result.proposalRows);
    for (const row of report.querySelectorAll('.after section.summary tbody tr')) if (row.dataset.changed === 'true') row.classList.add('changed-row');
  } else {
    report.className = 'report-area';
    document.querySelector('.panes').classList.remove('comparing');
    report.innerHTML = result.html;
    markRows(report, result.rows);
  }
}

// The summary's rows are in the report's order of decisions: each is marked with its
// program and subject (what the proposal view and the tests look rows up by).
function markRows(root, rows) {
  const trs = root.querySelectorAll('section.summary tbody tr');
  (rows || []).forEach((r, i) => { if (trs[i]) { trs[i].dataset.program = r.program; trs[i].dataset.subject = r.subject; trs[i].dataset.outcome = r.outcome; trs[i].dataset.changed = String(!!r.changed); } });
}

// ---- Interview ----
// The library's interview (the one `tvpa interview` runs): the page keeps the draft it began
// from and the steps taken; the server replays them and takes the next. An edit in the form
// since the last step begins it again from the case as it is now.
function stopInterview() { state.interview = null; state.question = null; state.interviewDraft = null; if ($('interview')) $('interview').replaceChildren(startButton()); }
function startButton() { const b = el('button', { type: 'button', id: 'interview-start', text: 'Start the interview' }); b.addEventListener('click', () => interview('next')); return b; }

async function interview(action, extra) {
  if (!state.interview || JSON.stringify(state.draft) !== state.interviewDraft) state.interview = { start: state.draft, steps: [] };
  busy(+1);
  let step;
  const shown = action === 'next' || action === 'back' || !state.question ? null : state.question.key;
  try { step = await (await api('/api/interview', Object.assign({ action, state: state.interview, question: shown }, extra || {}))).json(); }
  catch (e) { showNotice(String(e.message || e)); return; }
  finally { busy(-1); }
  state.interview = step.state;
  state.question = step.question;
  state.draft = step.draft;
  state.draft.facts = state.draft.facts || {};
  state.draft.family_members = state.draft.family_members || [];
  state.draft.declined = state.draft.declined || [];
  buildForm();
  state.interviewDraft = JSON.stringify(state.draft);
  drawQuestion(step);
  evaluate();
}

function drawQuestion(step) {
  const box = $('interview');
  box.replaceChildren();
  const q = step.question;
  let answer = null;
  if (step.refused) box.append(el('p', { class: 'diag', id: 'interview-refused', text: 'Not taken: ' + step.refused }));
  for (const s of step.settled || []) box.append(el('p', { class: 'settled', text: 'Settled: ' + s }));
  for (const d of step.deadlines || []) box.append(el('p', { class: 'deadline-change', text: d }));
  const buttons = el('div', { class: 'interview-buttons' });
  const add = (id, text, action, enabled, extra) => {
    const b = el('button', { type: 'button', id, text, disabled: !enabled });
    b.addEventListener('click', () => interview(action, extra ? extra() : undefined));
    buttons.append(b);
  };
  if (!q) {
    box.append(el('p', { class: 'interview-q', id: 'interview-done', text: `Nothing more to ask: no unknown fact would settle a decision (${step.steps} answered).` }));
  } else if (q.kind === 'family') {
    box.append(el('p', { class: 'interview-q', id: 'interview-question', text: q.question }));
    if (q.note) box.append(el('p', { class: 'hint', text: q.note }));
    const ids = el('input', { type: 'text', id: 'interview-members', placeholder: 'their ids, such as member-1, member-2' });
    box.append(el('label', {}, 'Family members who might join (ids, separated by commas): ', ids));
    add('interview-answer-button', 'Answer', 'answer', true, () => ({ members: ids.value.split(',').map((x) => x.trim()).filter((x) => x) }));
    add('interview-no-one', 'No one', 'answer', true, () => ({ members: [] }));
    add('interview-dont-know', "Don't know", 'dont_know', true);
  } else {
    if (q.note) box.append(el('p', { class: 'hint', id: 'interview-note', text: q.note }));
    box.append(el('p', { class: 'interview-q', id: 'interview-question', 'data-key': q.key, 'data-field': q.field }, q.subject !== 'principal' ? `About family member ${q.subject}: ` : '', q.question));
    box.append(el('p', { class: 'hint', text: `Could help settle ${q.decides} decision${q.decides === 1 ? '' : 's'}.` }));
    const f = { type: q.type, values: q.choices.map((c) => c.value), labels: q.choices.map((c) => c.label), fields: q.fields, name: q.name };
    box.append(control(f, 'interview-answer', () => answer, (v) => { answer = v; }, () => {}, () => {}));
    add('interview-answer-button', 'Answer', 'answer', true, () => ({ value: answer }));
    if (q.instead) {
      let other = null;
      const g = { type: 'integer', values: [], labels: [], fields: [], name: q.instead };
      box.append(el('p', { class: 'hint' }, 'Or, when only that is known: ' + (q.insteadQuestion || q.instead) + ' ', control(g, 'interview-instead', () => other, (v) => { other = v; }, () => {}, () => {})));
      add('interview-instead-button', 'Answer that instead', 'answer', true, () => ({ value: other, instead: true }));
    }
    add('interview-dont-know', "Don't know", 'dont_know', true);
    add('interview-skip', 'Skip for now', 'skip', true);
    add('interview-decline', 'Declined to answer', 'decline', true);
  }
  add('interview-back', 'Back', 'back', step.canGoBack);
  box.append(buttons);
}

// ---- Save, download, print ----
async function download() {
  const blob = await (await api('/api/yaml', request())).blob();
  const a = el('a', { href: URL.createObjectURL(blob), download: `${state.draft.id || 'case'}.yaml` });
  document.body.append(a); a.click(); a.remove();
}

async function save() {
  const m = await (await api('/api/save', request())).json();
  showNotice(m.message, m.ok);
}

async function print() {
  const m = await (await api('/api/print', request())).json();
  if (!m.ok) { showNotice(m.message); return; }
  window.open(m.url, '_blank', 'noopener');
  document.body.dataset.printUrl = m.url;
}

function tab(which) {
  $('tab-edit').classList.toggle('active', which === 'edit');
  $('tab-interview').classList.toggle('active', which === 'interview');
  $('edit-pane').hidden = which !== 'edit';
  $('interview-pane').hidden = which !== 'interview';
}

async function start() {
  const lib = await (await api('/api/library')).json();
  state.library = lib;
  state.vocabulary = lib.vocabulary;
  for (const p of lib.vocabulary.programs) $('program-filter').append(el('option', { value: p.id, text: p.title }));
  for (const p of lib.proposals) $('proposal').append(el('option', { value: p, text: p }));
  $('save').disabled = !lib.canSave;
  if (!lib.canSave) $('save').title = 'Start the workbench with --save-to DIR to save to a folder';
  $('search').addEventListener('input', renderLibrary);
  $('program-filter').addEventListener('change', renderLibrary);
  $('new-case').addEventListener('click', () => { state.current = null; renderLibrary(); loadDraft({ id: 'new-case', facts: {}, family_members: [], declined: [] }); });
  $('date').addEventListener('change', evaluate);
  $('proposal').addEventListener('change', evaluate);
  $('redact').addEventListener('change', () => { document.body.classList.toggle('redacted', $('redact').checked); evaluate(); });
  $('download').addEventListener('click', download);
  $('save').addEventListener('click', save);
  $('print').addEventListener('click', print);
  $('tab-edit').addEventListener('click', () => tab('edit'));
  $('tab-interview').addEventListener('click', () => tab('interview'));
  stopInterview();
  renderLibrary();
  document.body.dataset.ready = 'true';
}

document.addEventListener('DOMContentLoaded', () => { start().catch((e) => showNotice(String(e.message || e))); });
