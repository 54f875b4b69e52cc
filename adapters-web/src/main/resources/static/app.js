// The dashboard's Access Tokens tab: a client of the public platform API, like any other. The session key lives
// in this module's memory only (never in a URL, a cookie or web storage); a token value lives in the value
// dialog only, and leaves the page when the dialog closes.

const AUTH = '/1.0/users/authentication/rest/';
const ENV = '/1.0/environment/control/rest/';
const STATUS = {1: 'Running', 2: 'Stopped', 4: 'Sleeping'};

const state = {session: null, login: null, tokens: [], selected: new Set(), anchor: null, templates: [],
  methods: [], editing: null, mode: 'generate'};

const $ = (id) => document.getElementById(id);

/** One call of the platform API, by POST with a form body: nothing secret in the URL. */
async function call(path, params = {}) {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') {
      body.append(key, value);
    }
  }
  // how many calls are under way, for anyone waiting for the page to settle (a person sees the same)
  const root = document.documentElement;
  root.dataset.pending = String(Number(root.dataset.pending || 0) + 1);
  try {
    const response = await fetch(path, {method: 'POST', body, credentials: 'omit', cache: 'no-store'});
    return await response.json();
  } finally {
    root.dataset.pending = String(Number(root.dataset.pending) - 1);
  }
}

/** Shows an answer's error where it belongs, with its result code for scripts that read the page. */
function showError(element, answer) {
  element.textContent = answer ? answer.error : '';
  element.dataset.result = answer ? String(answer.result) : '';
}

const withSession = (params = {}) => ({session: state.session, ...params});

function say(text, result) {
  $('message').textContent = text || '';
  $('message').dataset.result = result === undefined ? '' : String(result);
}

function dayOf(platformTime) {
  if (!platformTime) {
    return 'never';
  }
  const [y, m, d] = platformTime.substring(0, 10).split('-');
  return `${d}-${m}-${y}`;
}

// ---- sign in

$('signin-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  say('');
  const login = $('login').value.trim();
  const answer = await call(AUTH + 'signin', {login, password: $('password').value});
  $('password').value = '';
  if (answer.result !== 0) {
    say(answer.error, answer.result);
    return;
  }
  state.session = answer.session;
  state.login = answer.email;
  if (answer.twoFactorRequired) {
    $('signin-form').hidden = true;
    $('code-form').hidden = false;
    $('code').focus();
    return;
  }
  await enter();
});

$('code-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const answer = await call(AUTH + 'verify2facode', withSession({code: $('code').value.trim()}));
  $('code').value = '';
  if (answer.result !== 0) {
    say(answer.error, answer.result);
    return;
  }
  await enter();
});

async function enter() {
  $('signin-view').hidden = true;
  $('signin-form').hidden = false;
  $('code-form').hidden = true;
  $('dashboard').hidden = false;
  $('signout').hidden = false;
  $('who').textContent = `Signed in as ${state.login}`;
  say('');
  const templates = await call(AUTH + 'gettokentemplates', withSession());
  state.templates = templates.templates || [];
  const methods = await call(AUTH + 'gettokenapilist', withSession());
  state.methods = methods.tokenPermissions || [];
  fillApiChoices();
  showSettings();
  await refresh();
}

$('signout').addEventListener('click', async () => {
  if (state.session) {
    await call(AUTH + 'signout', withSession());
  }
  Object.assign(state, {session: null, login: null, tokens: [], selected: new Set(), anchor: null});
  $('dashboard').hidden = true;
  $('signout').hidden = true;
  $('signin-view').hidden = false;
  $('who').textContent = '';
  $('tokens').tBodies[0].replaceChildren();
  $('login').focus();
});

// ---- navigation

function showSettings() {
  $('settings-view').hidden = false;
  $('environments-view').hidden = true;
  $('nav-settings').setAttribute('aria-current', 'page');
  $('nav-environments').removeAttribute('aria-current');
}

$('nav-settings').addEventListener('click', async () => {
  showSettings();
  await refresh();
});

$('nav-environments').addEventListener('click', async () => {
  $('settings-view').hidden = true;
  $('environments-view').hidden = false;
  $('nav-environments').setAttribute('aria-current', 'page');
  $('nav-settings').removeAttribute('aria-current');
  await refreshEnvironments();
});

$('refresh-environments').addEventListener('click', refreshEnvironments);

async function refreshEnvironments() {
  const answer = await call(ENV + 'getenvs', withSession());
  if (answer.result !== 0) {
    say(answer.error, answer.result);
    return;
  }
  const rows = (answer.infos || []).map(({env}) => {
    const row = document.createElement('tr');
    const name = document.createElement('td');
    name.textContent = env.displayName ? `${env.envName} (${env.displayName})` : env.envName;
    const status = document.createElement('td');
    status.textContent = STATUS[env.status] || String(env.status);
    row.append(name, status);
    row.dataset.env = env.envName;
    return row;
  });
  $('environments').tBodies[0].replaceChildren(...rows);
  $('no-environments').hidden = rows.length > 0;
}

// ---- the token list (Refresh) and its selection

$('refresh').addEventListener('click', refresh);

async function refresh() {
  const answer = await call(AUTH + 'gettokens', withSession());
  if (answer.result !== 0) {
    say(answer.error, answer.result);
    return;
  }
  state.tokens = answer.apiTokens || [];
  const ids = new Set(state.tokens.map((t) => t.id));
  state.selected = new Set([...state.selected].filter((id) => ids.has(id)));
  renderTokens();
}

function apiName(token) {
  return token.tokenTemplate.id === 'custom' ? `Custom (${token.apiListItems.length})` : token.tokenTemplate.name;
}

/** What a token carries beyond the seed's columns, in one line: limits, the old value in an overlap, use. */
function describe(token) {
  const parts = [];
  if (token.envNames.length) {
    parts.push(`environments: ${token.envNames.join(', ')}`);
  }
  if (token.allowedIps.length) {
    parts.push(`from: ${token.allowedIps.join(', ')}`);
  }
  if (token.rateLimit) {
    parts.push(`${token.rateLimit} calls a minute`);
  }
  if (token.idleDays) {
    parts.push(`idle after ${token.idleDays} days`);
  }
  if (token.previousValue) {
    parts.push(`old value ${token.previousValue.hint} works until ${token.previousValue.worksUntil}`);
  }
  if (token.lastUsedIps && token.lastUsedIps.length) {
    parts.push(`used from: ${token.lastUsedIps.join(', ')}`);
  }
  return parts.join(' · ');
}

function renderTokens() {
  const rows = state.tokens.map((token, index) => {
    const row = document.createElement('tr');
    row.dataset.id = String(token.id);
    row.dataset.index = String(index);
    row.tabIndex = index === 0 ? 0 : -1;
    const cells = [token.description, apiName(token), dayOf(token.expiresAt),
      token.status + (token.expiringSoon ? ' (expires soon)' : ''), token.lastUsed ? dayOf(token.lastUsed) : 'never'];
    for (const text of cells) {
      const cell = document.createElement('td');
      cell.textContent = text;
      row.append(cell);
    }
    row.cells[3].className = `status-${token.status}`;
    const details = describe(token);
    if (details) {
      const line = document.createElement('div');
      line.className = 'hint details';
      line.textContent = details;
      row.cells[0].append(line);
    }
    return row;
  });
  $('tokens').tBodies[0].replaceChildren(...rows);
  $('no-tokens').hidden = rows.length > 0;
  showSelection();
}

function showSelection() {
  for (const row of $('tokens').tBodies[0].rows) {
    row.setAttribute('aria-selected', String(state.selected.has(Number(row.dataset.id))));
  }
  const count = state.selected.size;
  $('edit').disabled = count !== 1;
  $('copy').disabled = count !== 1;
  $('log').disabled = count !== 1;
  $('remove').disabled = count === 0;
  $('selection').textContent = count === 0 ? 'No token selected.'
    : `${count} token${count === 1 ? '' : 's'} selected.`;
}

function select(index, {toggle = false, range = false} = {}) {
  const token = state.tokens[index];
  if (!token) {
    return;
  }
  if (range && state.anchor !== null) {
    const [from, to] = [Math.min(state.anchor, index), Math.max(state.anchor, index)];
    if (!toggle) {
      state.selected.clear();
    }
    for (let i = from; i <= to; i++) {
      state.selected.add(state.tokens[i].id);
    }
  } else if (toggle) {
    if (state.selected.has(token.id)) {
      state.selected.delete(token.id);
    } else {
      state.selected.add(token.id);
    }
    state.anchor = index;
  } else {
    state.selected = new Set([token.id]);
    state.anchor = index;
  }
  showSelection();
}

function focusRow(index) {
  const rows = $('tokens').tBodies[0].rows;
  if (index < 0 || index >= rows.length) {
    return;
  }
  for (const row of rows) {
    row.tabIndex = -1;
  }
  rows[index].tabIndex = 0;
  rows[index].focus();
}

$('tokens').tBodies[0].addEventListener('click', (event) => {
  const row = event.target.closest('tr');
  if (!row) {
    return;
  }
  const index = Number(row.dataset.index);
  select(index, {toggle: event.ctrlKey || event.metaKey, range: event.shiftKey});
  focusRow(index);
});

$('tokens').tBodies[0].addEventListener('keydown', (event) => {
  const row = event.target.closest('tr');
  if (!row) {
    return;
  }
  const index = Number(row.dataset.index);
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    const next = index + (event.key === 'ArrowDown' ? 1 : -1);
    focusRow(next);
    if (event.shiftKey) {
      select(next, {range: true});
    }
  } else if (event.key === ' ') {
    event.preventDefault();
    select(index, {toggle: true});
  } else if (event.key === 'Enter') {
    event.preventDefault();
    select(index);
    openFrame('edit');
  }
});

const selectedTokens = () => state.tokens.filter((t) => state.selected.has(t.id));

// ---- the frame: Generate, Edit, Copy

function fillApiChoices() {
  const options = state.templates.map((t) => new Option(t.name, t.name));
  options.push(new Option('Custom', 'Custom'));
  $('api').replaceChildren(...options);
}

function renderMethods(checked) {
  const search = $('search').value.trim().toLowerCase();
  const onlyChecked = $('only-checked').checked;
  const items = state.methods
    .filter((m) => !search || m.method.toLowerCase().includes(search) || m.description.toLowerCase().includes(search))
    .filter((m) => !onlyChecked || checked.has(m.method))
    .map((m) => {
      const item = document.createElement('li');
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.value = m.method;
      box.checked = checked.has(m.method);
      box.addEventListener('change', () => {
        if (box.checked) {
          checked.add(m.method);
        } else {
          checked.delete(m.method);
        }
      });
      label.append(box, ` ${m.method}`);
      label.title = m.description;
      const docs = document.createElement('a');
      docs.className = 'docs';
      docs.href = m.docUrl;
      docs.target = '_blank';
      docs.rel = 'noopener noreferrer';
      docs.textContent = 'Docs';
      docs.setAttribute('aria-label', `Docs of ${m.method}`);
      item.append(label, docs);
      return item;
    });
  $('methods').replaceChildren(...items);
}

let checkedMethods = new Set();

function showCustom() {
  $('custom').hidden = $('api').value !== 'Custom';
  renderMethods(checkedMethods);
}

$('api').addEventListener('change', showCustom);
$('search').addEventListener('input', () => renderMethods(checkedMethods));
$('only-checked').addEventListener('change', () => renderMethods(checkedMethods));

function openFrame(mode) {
  const token = mode === 'generate' ? null : selectedTokens()[0];
  if (mode !== 'generate' && !token) {
    return;
  }
  state.mode = mode;
  state.editing = token;
  showError($('frame-error'), null);
  const titles = {generate: 'Generate', edit: 'Edit', copy: 'Copy'};
  $('frame-title').textContent = token ? `${titles[mode]}: ${token.description}` : 'Generate';
  $('frame-save').textContent = mode === 'edit' ? 'Save' : titles[mode];
  $('description').value = token ? (mode === 'copy' ? `Copy of ${token.description}` : token.description) : '';
  $('expires-at').value = token && token.expiresAt ? dayOf(token.expiresAt) : '';
  $('api').value = token ? (token.tokenTemplate.id === 'custom' ? 'Custom' : token.tokenTemplate.name)
    : (state.templates[0] || {name: 'Custom'}).name;
  $('api').disabled = mode === 'copy';
  checkedMethods = new Set(token ? token.apiListItems.map((m) => m.method) : []);
  $('search').value = '';
  $('only-checked').checked = mode === 'edit';
  for (const [field, key] of [['env-names', 'envNames'], ['allowed-ips', 'allowedIps']]) {
    $(field).value = token ? token[key].join(', ') : '';
  }
  $('rate-limit').value = token && token.rateLimit ? String(token.rateLimit) : '';
  $('idle-days').value = token && token.idleDays ? String(token.idleDays) : '';
  $('regenerate-area').hidden = mode !== 'edit';
  $('end-overlap').hidden = !(token && token.previousValue);
  $('grace-period').value = '0';
  showCustom();
  $('frame').showModal();
  $('description').focus();
}

$('generate').addEventListener('click', () => openFrame('generate'));
$('edit').addEventListener('click', () => openFrame('edit'));
$('copy').addEventListener('click', () => openFrame('copy'));
$('frame-cancel').addEventListener('click', () => $('frame').close());

/** What the frame asks for, as the API's parameters; only what changed, for an edit. */
function frameParams() {
  const token = state.editing;
  const params = {};
  const description = $('description').value.trim();
  if (!token || description !== token.description || state.mode === 'copy') {
    params.description = description;
  }
  const expiresAt = $('expires-at').value.trim();
  if (expiresAt && (!token || expiresAt !== dayOf(token.expiresAt))) {
    params.expiresAt = expiresAt;
  }
  if (state.mode !== 'copy') {
    const api = $('api').value;
    const methods = [...checkedMethods].sort();
    const before = token ? [...token.apiListItems.map((m) => m.method)].sort() : null;
    const apiChanged = !token || api !== (token.tokenTemplate.id === 'custom' ? 'Custom' : token.tokenTemplate.name)
      || (api === 'Custom' && methods.join() !== before.join());
    if (apiChanged) {
      if (api === 'Custom') {
        params.apiList = methods.join(',');
      } else {
        params.tokenTemplate = api;
      }
    }
  }
  const limits = {envNames: $('env-names').value.trim(), allowedIps: $('allowed-ips').value.trim(),
    rateLimit: $('rate-limit').value.trim(), idleDays: $('idle-days').value.trim()};
  for (const [key, value] of Object.entries(limits)) {
    const was = token ? (Array.isArray(token[key]) ? token[key].join(', ') : String(token[key] || '')) : '';
    if (value !== was) {
      params[key] = value || (Array.isArray(token && token[key]) ? '*' : '0');
    }
  }
  return params;
}

$('frame-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const params = frameParams();
  if (state.mode === 'generate' && !params.description) {
    $('frame-error').textContent = 'Description: required.';
    return;
  }
  if (state.mode === 'edit' && Object.keys(params).length === 0) {
    $('frame').close();
    return;
  }
  const method = {generate: 'createtoken', edit: 'edittoken', copy: 'copytoken'}[state.mode];
  if (state.editing) {
    params.id = state.editing.id;
  }
  const what = {generate: 'Generate the token', edit: `Save the changes to "${state.editing?.description}"`,
    copy: `Copy "${state.editing?.description}" into a new token`}[state.mode];
  const answer = await confirmWithPassword(what, (password) => call(AUTH + method,
    withSession({...params, password})));
  if (!answer) {
    return;
  }
  if (answer.result !== 0) {
    showError($('frame-error'), answer);
    return;
  }
  $('frame').close();
  await refresh();
  if (answer.token && answer.token.key) {
    showValue(answer.token);
  }
});

$('regenerate').addEventListener('click', async () => {
  const token = state.editing;
  const grace = $('grace-period').value.trim();
  const expiresAt = $('expires-at').value.trim();
  const answer = await confirmWithPassword(`Regenerate the value of "${token.description}"`
    + (grace && grace !== '0' ? `; the old one keeps working ${grace} minutes` : '; the old one stops working now'),
  (password) => call(AUTH + 'regeneratetoken', withSession({id: token.id, password, gracePeriod: grace,
    expiresAt: expiresAt !== dayOf(token.expiresAt) ? expiresAt : ''})));
  if (!answer) {
    return;
  }
  if (answer.result !== 0) {
    showError($('frame-error'), answer);
    return;
  }
  $('frame').close();
  await refresh();
  showValue(answer.token);
});

$('end-overlap').addEventListener('click', async () => {
  const token = state.editing;
  const answer = await confirmWithPassword(`End the overlap of "${token.description}": its old value stops now`,
    (password) => call(AUTH + 'endtokengraceperiod', withSession({id: token.id, password})));
  if (!answer) {
    return;
  }
  if (answer.result !== 0) {
    showError($('frame-error'), answer);
    return;
  }
  $('frame').close();
  await refresh();
});

// ---- Remove, with the password

$('remove').addEventListener('click', async () => {
  const doomed = selectedTokens();
  if (doomed.length === 0) {
    return;
  }
  const names = doomed.map((t) => `"${t.description}"`).join(', ');
  const answer = await confirmWithPassword(`Remove ${doomed.length === 1 ? 'the token' : `${doomed.length} tokens`}:`
    + ` ${names}? Scripts using ${doomed.length === 1 ? 'it' : 'them'} stop working at once.`,
  (password) => call(AUTH + 'deletetokens', withSession({ids: doomed.map((t) => t.id).join(','), password})));
  if (!answer) {
    return;
  }
  if (answer.result !== 0) {
    say(answer.error, answer.result);
    return;
  }
  state.selected.clear();
  await refresh();
  say('');
});

// ---- the password pop-up: every change is confirmed; a wrong password changes nothing and says so

let pending = null;

/** Asks for the password, runs the change with it; answers the API's answer, or null when cancelled. */
function confirmWithPassword(what, change) {
  $('password-what').textContent = what;
  showError($('password-error'), null);
  $('confirm-password').value = '';
  $('password-dialog').showModal();
  $('confirm-password').focus();
  return new Promise((resolve) => {
    pending = {change, resolve};
  });
}

$('password-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!pending) {
    return;
  }
  const password = $('confirm-password').value;
  if (!password) {
    $('password-error').textContent = 'Password: required.';
    return;
  }
  const answer = await pending.change(password);
  $('confirm-password').value = '';
  if (answer.result === 703) {
    showError($('password-error'), {result: 703, error: 'Wrong password: nothing was changed.'});
    $('confirm-password').focus();
    return;
  }
  const {resolve} = pending;
  pending = null;
  $('password-dialog').close();
  resolve(answer);
});

function cancelPassword() {
  if (pending) {
    pending.resolve(null);
    pending = null;
  }
  $('confirm-password').value = '';
  $('password-dialog').close();
}

$('password-cancel').addEventListener('click', cancelPassword);
$('password-dialog').addEventListener('cancel', (event) => {
  event.preventDefault();
  cancelPassword();
});

// ---- the value, shown once: Download, Copy; gone when the dialog closes

let shownFor = null;

function showValue(token) {
  shownFor = token.id;
  $('value-title').textContent = `Your token "${token.description}"`;
  $('token-value').value = token.key;
  $('value-status').textContent = '';
  $('value-dialog').showModal();
  $('token-value').select();
}

$('download').addEventListener('click', () => {
  const file = new Blob([`${$('token-value').value}\n`], {type: 'text/plain'});
  const link = document.createElement('a');
  link.href = URL.createObjectURL(file);
  link.download = `pat-token-${shownFor}.txt`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  $('value-status').textContent = 'Downloaded.';
});

$('copy-value').addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText($('token-value').value);
    $('value-status').textContent = 'Copied to the clipboard.';
  } catch (refused) {
    $('token-value').select();
    $('value-status').textContent = 'The browser refused the clipboard: press Ctrl+C to copy the selected value.';
  }
});

function forgetValue() {
  $('token-value').value = '';
  $('value-status').textContent = '';
  shownFor = null;
}

$('value-close').addEventListener('click', () => $('value-dialog').close());
$('value-dialog').addEventListener('close', forgetValue);

// ---- a token's log

$('log').addEventListener('click', async () => {
  const token = selectedTokens()[0];
  const answer = await call(AUTH + 'gettokenevents', withSession({ids: token.id}));
  if (answer.result !== 0) {
    say(answer.error, answer.result);
    return;
  }
  const rows = answer.events.map((e) => {
    const row = document.createElement('tr');
    for (const text of [e.time, e.what, e.method || '', e.address, e.result, String(e.count)]) {
      const cell = document.createElement('td');
      cell.textContent = text;
      row.append(cell);
    }
    return row;
  });
  $('log-title').textContent = `Log: ${token.description}`;
  $('events').tBodies[0].replaceChildren(...rows);
  $('log-dialog').showModal();
});

$('log-close').addEventListener('click', () => $('log-dialog').close());
