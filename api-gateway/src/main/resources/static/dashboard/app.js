/*
 * CET Commitment Tracker dashboard. Signs in with a session cookie (an EventSource cannot send an Authorization
 * header), then follows the projections through Server-Sent Events: each stream starts with the current state and
 * sends every change; nothing is polled, nothing reloads. Every message says how fresh its projection is.
 */
(() => {
  'use strict';

  const TEXT = {
    en: {
      title: 'CET Commitment Tracker',
      subtitle: 'U.S.–ROK Next Generation Critical and Emerging Technologies Dialogue',
      skip: 'Skip to content', settings: 'Settings', language: 'Language',
      signIn: 'Sign in', signOut: 'Sign out', username: 'User name', password: 'Password',
      signInFailed: 'Unknown user or wrong password.',
      signInRefused: 'The identity provider signed you in, but gave you no role or side in the tracker.',
      signInUnavailable: 'The identity provider cannot be reached. Try again in a moment.', signedInAs: 'Signed in as {0} ({1})',
      areas: 'Areas', funding: 'Funding by area and currency', fundingTable: 'Funding totals',
      fundingNote: 'Pledged, committed and disbursed side by side; never added together, nor are currencies.',
      activity: 'Recent activity', area: 'Area', currency: 'Currency', close: 'Close',
      parties: 'Parties', party: 'Party', country: 'Country', role: 'Role', timeline: 'Timeline',
      commitments: '{0} commitments', overdue: 'Overdue', overdueCount: '{0} overdue', noneOverdue: 'Nothing overdue',
      noFunding: 'No funding recorded yet.', noActivity: 'No activity yet.',
      upToDate: 'Up to date (position {0})', behind: '{1} events behind (position {0})', waiting: 'Waiting for the projection',
      rebuilding: 'Rebuilding, {0}% — figures hidden until done',
      live: 'Live', reconnecting: 'Connection lost, reconnecting…', sessionEnded: 'Your session ended; sign in again.',
      by: 'by {0} ({1})', reason: 'reason: {0}', atLeast: 'at least {0}',
      kind: 'Kind', status: 'Status', assessment: 'Assessment', targetDate: 'Target date', announcedOn: 'Announced',
      signedOn: 'Signed', launchedOn: 'Launched', completedOn: 'Completed', cancelledOn: 'Cancelled',
      source: 'Source', target: 'target {0}', open: 'Details of {0}',
      PLEDGED: 'Pledged', COMMITTED: 'Committed', DISBURSED: 'Disbursed',
      PROPOSED: 'Proposed', SIGNED: 'Signed', LAUNCHED: 'Launched', IMPLEMENTING: 'Implementing',
      SUSPENDED: 'Suspended', COMPLETED: 'Completed', CANCELLED: 'Cancelled',
      NOT_STARTED: 'Not started', LIMITED: 'Limited', SUBSTANTIAL: 'Substantial', COMPLETE: 'Complete',
      MOU: 'MOU', PROGRAM: 'Program', JOINT_RESEARCH: 'Joint research', FORUM: 'Forum', COOPERATION: 'Cooperation',
      POLICY: 'Policy', SIGNATORY: 'Signatory', LEAD: 'Lead', PARTNER: 'Partner', FUNDER: 'Funder',
      US: 'United States', ROK: 'Republic of Korea'
    },
    ko: {
      title: 'CET 약속 이행 추적기',
      subtitle: '한미 차세대 핵심·신흥기술 대화',
      skip: '본문으로 건너뛰기', settings: '설정', language: '언어',
      signIn: '로그인', signOut: '로그아웃', username: '사용자 이름', password: '비밀번호',
      signInFailed: '사용자 이름 또는 비밀번호가 올바르지 않습니다.',
      signInRefused: '인증 제공자에서 로그인했지만 이 시스템의 역할 또는 소속(측)이 없습니다.',
      signInUnavailable: '인증 제공자에 연결할 수 없습니다. 잠시 후 다시 시도하세요.', signedInAs: '{0} ({1}) 로그인됨',
      areas: '분야', funding: '분야·통화별 재원', fundingTable: '재원 합계',
      fundingNote: '약정, 확정, 집행 금액을 나란히 표시하며 서로 합산하지 않고 통화도 합산하지 않습니다.',
      activity: '최근 활동', area: '분야', currency: '통화', close: '닫기',
      parties: '참여 기관', party: '기관', country: '국가', role: '역할', timeline: '경과',
      commitments: '약속 {0}건', overdue: '기한 경과', overdueCount: '기한 경과 {0}건', noneOverdue: '기한 경과 없음',
      noFunding: '기록된 재원이 없습니다.', noActivity: '활동이 없습니다.',
      upToDate: '최신 상태 (위치 {0})', behind: '{1}건 지연 (위치 {0})', waiting: '프로젝션 대기 중',
      rebuilding: '재구축 중, {0}% — 완료될 때까지 수치를 숨깁니다',
      live: '실시간', reconnecting: '연결이 끊겨 다시 연결하는 중…', sessionEnded: '세션이 끝났습니다. 다시 로그인하세요.',
      by: '{0} ({1}) 기록', reason: '사유: {0}', atLeast: '최소 {0}',
      kind: '유형', status: '상태', assessment: '평가', targetDate: '목표일', announcedOn: '발표일',
      signedOn: '서명일', launchedOn: '착수일', completedOn: '완료일', cancelledOn: '취소일',
      source: '출처', target: '목표 {0}', open: '{0} 상세',
      PLEDGED: '약정', COMMITTED: '확정', DISBURSED: '집행',
      PROPOSED: '제안', SIGNED: '서명', LAUNCHED: '착수', IMPLEMENTING: '이행 중',
      SUSPENDED: '중단', COMPLETED: '완료', CANCELLED: '취소',
      NOT_STARTED: '시작 전', LIMITED: '제한적', SUBSTANTIAL: '상당함', COMPLETE: '완료',
      MOU: '양해각서', PROGRAM: '프로그램', JOINT_RESEARCH: '공동연구', FORUM: '포럼', COOPERATION: '협력',
      POLICY: '정책', SIGNATORY: '서명 기관', LEAD: '주관', PARTNER: '협력 기관', FUNDER: '재원 제공',
      US: '미국', ROK: '대한민국'
    }
  };
  const STAGES = ['PLEDGED', 'COMMITTED', 'DISBURSED'];
  const STAGE_COLOURS = {PLEDGED: '#0b4f9c', COMMITTED: '#b35c00', DISBURSED: '#1d7a3a'};
  const STATUSES = ['PROPOSED', 'SIGNED', 'LAUNCHED', 'IMPLEMENTING', 'SUSPENDED', 'COMPLETED', 'CANCELLED'];
  const ASSESSMENTS = ['NOT_STARTED', 'LIMITED', 'SUBSTANTIAL', 'COMPLETE'];
  const MAX_ACTIVITY = 100;

  const state = {
    language: localStorage.getItem('cet-language') === 'ko' ? 'ko' : 'en',
    actor: null,
    signIn: {method: 'password'},
    signInOutcome: '',
    areas: null,
    funding: null,
    activity: [],
    detail: null,
    history: null,
    streams: {},
    freshness: {},
    connection: null,
    charts: new Map(),
    opener: null
  };

  const $ = (id) => document.getElementById(id);
  const t = (key, ...args) => {
    const text = (TEXT[state.language][key] ?? TEXT.en[key] ?? key);
    return text.replace(/\{(\d)}/g, (m, i) => String(args[Number(i)]));
  };
  const el = (tag, attributes = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (value === undefined || value === null || value === false) continue;
      if (name === 'text') node.textContent = value;
      else if (name.startsWith('on')) node.addEventListener(name.substring(2), value);
      else node.setAttribute(name, value === true ? '' : value);
    }
    for (const child of children.flat()) {
      if (child !== null && child !== undefined) node.append(child);
    }
    return node;
  };
  const title = (item) => state.language === 'ko' ? item.titleKo : item.titleEn;
  const areaLabel = (area) => state.language === 'ko' ? area.labelKo : area.labelEn;
  const locale = () => state.language === 'ko' ? 'ko-KR' : 'en-US';

  function money(amount, currency, lowerBound) {
    let text;
    try {
      text = new Intl.NumberFormat(locale(), {style: 'currency', currency}).format(Number(amount));
    } catch (e) {
      text = currency + ' ' + amount;
    }
    return lowerBound ? t('atLeast', text) : text;
  }

  // ---- language -------------------------------------------------------------------------------------------------
  function applyLanguage() {
    document.documentElement.lang = state.language;
    document.title = t('title');
    document.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = t(node.dataset.i18n); });
    document.querySelectorAll('[data-i18n-label]').forEach((node) => {
      node.setAttribute('aria-label', t(node.dataset.i18nLabel));
    });
    $('lang-en').setAttribute('aria-pressed', String(state.language === 'en'));
    $('lang-ko').setAttribute('aria-pressed', String(state.language === 'ko'));
    renderWho();
    setConnection(state.connection);
    for (const [freshnessId, {panelId, message}] of Object.entries(state.freshness)) {
      showFreshness(panelId, freshnessId, message);
    }
    renderAreas();
    renderFunding();
    renderActivity();
    renderDetail();
  }

  function setLanguage(language) {
    state.language = language;
    localStorage.setItem('cet-language', language);
    applyLanguage();
  }

  // ---- freshness ------------------------------------------------------------------------------------------------
  function showFreshness(panelId, freshnessId, message) {
    state.freshness[freshnessId] = {panelId, message};
    const node = $(freshnessId);
    const panel = $(panelId);
    if (message.rebuilding) {
      node.textContent = t('rebuilding', message.progress ?? 0);
      node.classList.add('rebuilding');
      panel.classList.add('rebuilding');
      panel.setAttribute('aria-busy', 'true');
      return;
    }
    node.classList.remove('rebuilding');
    panel.classList.remove('rebuilding');
    panel.removeAttribute('aria-busy');
    if (message.position === null || message.position === undefined) node.textContent = t('waiting');
    else if (!message.lag) node.textContent = t('upToDate', message.position);
    else node.textContent = t('behind', message.position, message.lag);
    node.dataset.position = message.position ?? '';
  }

  // ---- streams --------------------------------------------------------------------------------------------------
  function openStream(name, url, listeners) {
    closeStream(name);
    const source = new EventSource(url);
    for (const [event, listener] of Object.entries(listeners)) {
      source.addEventListener(event, (e) => listener(JSON.parse(e.data), e));
    }
    source.addEventListener('open', () => setConnection('live'));
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) {
        checkSession(); // the server refused the stream: most likely the session ended
      } else {
        setConnection('reconnecting');
      }
    });
    state.streams[name] = source;
  }

  function closeStream(name) {
    if (state.streams[name]) {
      state.streams[name].close();
      delete state.streams[name];
    }
  }

  function setConnection(key) {
    state.connection = key;
    $('connection').textContent = key ? t(key) : '';
  }

  function startStreams() {
    openStream('areas', '/api/stream/areas', {
      areas: (message) => {
        showFreshness('areas-panel', 'areas-freshness', message);
        state.areas = message.data;
        renderAreas();
        renderFunding();
      },
      rebuilding: (message) => showFreshness('areas-panel', 'areas-freshness', message)
    });
    openStream('funding', '/api/stream/funding', {
      funding: (message) => {
        showFreshness('funding-panel', 'funding-freshness', message);
        state.funding = message.data;
        renderFunding();
      },
      rebuilding: (message) => showFreshness('funding-panel', 'funding-freshness', message)
    });
    openStream('activity', '/api/stream/activity', {
      activity: (message, event) => {
        showFreshness('activity-panel', 'activity-freshness', message);
        const entry = message.data;
        if (!state.activity.some((known) => known.position === entry.position)) {
          state.activity.push(entry);
          state.activity.sort((a, b) => b.position - a.position);
          state.activity.length = Math.min(state.activity.length, MAX_ACTIVITY);
          renderActivity();
        }
      },
      rebuilding: (message) => showFreshness('activity-panel', 'activity-freshness', message)
    });
  }

  // ---- areas ----------------------------------------------------------------------------------------------------
  function counts(map, keys) {
    const list = el('dl', {class: 'counts'});
    for (const key of keys) {
      const count = map?.[key] ?? 0;
      if (count > 0) {
        list.append(el('div', {}, el('dt', {text: t(key)}), el('dd', {text: String(count), 'data-count': key})));
      }
    }
    return list;
  }

  function commitmentButton(summary) {
    return el('button', {
      type: 'button', class: 'linklike', 'data-commitment': summary.commitmentId,
      'aria-label': t('open', title(summary)),
      onclick: (e) => openDetail(summary.commitmentId, e.currentTarget)
    }, title(summary));
  }

  function renderAreas() {
    const container = $('areas');
    if (!state.areas) return;
    container.replaceChildren(...state.areas.areas.map((area) => {
      const items = area.commitments.map((c) => el('li', {},
        commitmentButton(c), ' ',
        el('span', {class: 'tag'}, t(c.status)), ' ',
        el('span', {class: 'tag'}, t(c.assessment)),
        c.overdue ? [' ', el('span', {class: 'tag overdue'}, t('overdue'))] : null));
      const overdue = area.overdue.length
        ? el('p', {class: 'overdue-list'}, t('overdueCount', area.overdue.length) + ': '
          + area.overdue.map((c) => title(c) + (c.targetDate ? ' (' + t('target', c.targetDate) + ')' : '')).join('; '))
        : el('p', {class: 'note'}, t('noneOverdue'));
      return el('article', {class: 'card', 'data-area': area.area, 'aria-labelledby': 'area-' + area.area},
        el('h3', {id: 'area-' + area.area, text: areaLabel(area)}),
        el('p', {class: 'note', text: t('commitments', area.commitmentCount)}),
        counts(area.byStatus, STATUSES),
        counts(area.byAssessment, ASSESSMENTS),
        overdue,
        el('ul', {}, items));
    }));
  }

  // ---- funding --------------------------------------------------------------------------------------------------
  function areaInfo(code) {
    return state.areas?.areas.find((a) => a.area === code) ?? {labelEn: code, labelKo: code};
  }

  function renderFunding() {
    if (!state.funding) return;
    const byArea = state.funding.byArea;
    const body = $('funding-table').tBodies[0];
    body.replaceChildren(...(byArea.length ? byArea.map((line) => el('tr',
      {'data-area': line.area, 'data-currency': line.currency},
      el('th', {scope: 'row', text: areaLabel(areaInfo(line.area))}),
      el('td', {text: line.currency}),
      STAGES.map((stage) => {
        const amount = line.totals[stage.toLowerCase()];
        return el('td', {class: 'num', 'data-stage': stage, 'data-amount': String(amount.amount)},
          money(amount.amount, line.currency, amount.lowerBound));
      }))) : [el('tr', {}, el('td', {colspan: '5', text: t('noFunding')}))]));
    renderCharts(byArea);
  }

  function renderCharts(byArea) {
    const container = $('funding-charts');
    const currencies = [...new Set(byArea.map((line) => line.currency))].sort();
    for (const [currency, chart] of state.charts) {
      if (!currencies.includes(currency)) {
        chart.destroy();
        state.charts.delete(currency);
        $('chart-figure-' + currency)?.remove();
      }
    }
    if (typeof Chart === 'undefined') return;
    // every area on the axis, so an area without money shows as such
    const areaCodes = state.areas ? state.areas.areas.map((a) => a.area)
      : [...new Set(byArea.map((line) => line.area))];
    for (const currency of currencies) {
      const lines = areaCodes.map((code) => byArea.find((l) => l.area === code && l.currency === currency));
      const labels = areaCodes.map((code) => areaLabel(areaInfo(code)));
      const datasets = STAGES.map((stage) => ({
        label: t(stage),
        data: lines.map((line) => line ? Number(line.totals[stage.toLowerCase()].amount) : 0),
        backgroundColor: STAGE_COLOURS[stage]
      }));
      let chart = state.charts.get(currency);
      if (!chart) {
        const canvas = el('canvas', {id: 'chart-' + currency, role: 'img',
          'aria-label': t('funding') + ' (' + currency + ')'});
        container.append(el('figure', {class: 'chart', id: 'chart-figure-' + currency},
          el('figcaption', {text: currency}), el('div', {class: 'chart-box'}, canvas)));
        chart = new Chart(canvas, {
          type: 'bar',
          data: {labels, datasets},
          options: {
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            plugins: {
              legend: {position: 'bottom'},
              tooltip: {callbacks: {label: (item) => item.dataset.label + ': ' + money(item.raw, currency, false)}}
            },
            scales: {y: {beginAtZero: true, ticks: {
              callback: (value) => new Intl.NumberFormat(locale(), {notation: 'compact'}).format(value)}}}
          }
        });
        state.charts.set(currency, chart);
      } else {
        chart.data.labels = labels;
        chart.data.datasets = datasets;
        chart.update();
      }
      chart.canvas.setAttribute('aria-label', t('funding') + ' (' + currency + ')');
    }
  }

  // ---- activity -------------------------------------------------------------------------------------------------
  function renderActivity() {
    const list = $('activity');
    if (!state.activity.length) {
      list.replaceChildren(el('li', {class: 'note', text: t('noActivity')}));
      return;
    }
    list.replaceChildren(...state.activity.map((entry) => el('li', {'data-position': String(entry.position)},
      el('div', {}, el('button', {type: 'button', class: 'linklike', 'data-commitment': entry.commitmentId,
        onclick: (e) => openDetail(entry.commitmentId, e.currentTarget)}, entry.commitmentId), ': ',
        el('span', {class: 'summary', text: entry.summary})),
      el('div', {class: 'meta'},
        el('time', {datetime: entry.recordedAt, text: new Date(entry.recordedAt).toLocaleString(locale())}), ' · ',
        t('by', entry.actor ?? '?', entry.side ?? '?'),
        entry.reason ? [' · ', el('span', {class: 'reason', text: t('reason', entry.reason)})] : null))));
  }

  // ---- drill-down -----------------------------------------------------------------------------------------------
  function openDetail(commitmentId, opener) {
    state.opener = opener ?? null;
    state.detail = null;
    state.history = null;
    $('detail').hidden = false;
    $('detail-title').textContent = commitmentId;
    openStream('detail', '/api/stream/commitments/' + encodeURIComponent(commitmentId), {
      commitment: (message) => {
        showFreshness('detail', 'detail-freshness', message);
        state.detail = message.data;
        renderDetail();
        loadHistory(commitmentId);
      },
      rebuilding: (message) => showFreshness('detail', 'detail-freshness', message)
    });
    $('detail').focus();
  }

  async function loadHistory(commitmentId) {
    const response = await fetch('/api/commitments/' + encodeURIComponent(commitmentId) + '/history',
      {headers: {Accept: 'application/json'}});
    if (response.ok && state.detail?.commitmentId === commitmentId) {
      state.history = await response.json();
      renderDetail();
    }
  }

  function closeDetail() {
    closeStream('detail');
    $('detail').hidden = true;
    state.detail = null;
    if (state.opener && document.contains(state.opener)) state.opener.focus();
  }

  function renderDetail() {
    const view = state.detail;
    if (!view) return;
    $('detail-title').textContent = title(view);
    const facts = [
      ['kind', t(view.kind)], ['status', t(view.status)], ['assessment', t(view.assessment)],
      ['targetDate', view.targetDate], ['announcedOn', view.announcedOn], ['signedOn', view.signedOn],
      ['launchedOn', view.launchedOn], ['completedOn', view.completedOn], ['cancelledOn', view.cancelledOn],
      ['source', view.sourceCitation]
    ].filter(([, value]) => value);
    $('detail-facts').replaceChildren(...facts.flatMap(([key, value]) => [el('dt', {text: t(key)}),
      el('dd', {text: value})]));
    $('detail-parties').tBodies[0].replaceChildren(...view.parties.map((party) => el('tr', {},
      el('td', {text: state.language === 'ko' ? party.nameKo : party.nameEn}),
      el('td', {text: t(party.country)}), el('td', {text: t(party.role)}))));
    const entries = state.history ? [...state.history.entries] : [];
    entries.sort((a, b) => (a.effectiveOn ?? '').localeCompare(b.effectiveOn ?? '') || a.sequence - b.sequence);
    $('detail-timeline').replaceChildren(...entries.map((entry) => el('li', {},
      el('time', {datetime: entry.effectiveOn ?? '', text: entry.effectiveOn ?? '—'}),
      el('span', {text: entry.summary}), ' ',
      el('span', {class: 'meta', text: '(' + t('by', entry.actor ?? '?', entry.side ?? '?')
        + (entry.reason ? '; ' + t('reason', entry.reason) : '') + ')'}))));
  }

  // ---- session --------------------------------------------------------------------------------------------------
  function renderWho() {
    $('whoami').textContent = state.actor ? t('signedInAs', state.actor.username, state.actor.roles.join(', ')) : '';
  }

  function showSignIn(message) {
    Object.keys(state.streams).forEach(closeStream);
    state.actor = null;
    renderWho();
    $('dashboard').hidden = true;
    $('sign-out').hidden = true;
    $('sign-in').hidden = false;
    $('sign-in-error').textContent = message ?? '';
    (state.signIn.method === 'password' ? $('username') : $('sign-in-button')).focus();
  }

  function showDashboard(actor) {
    state.actor = actor;
    renderWho();
    $('sign-in').hidden = true;
    $('dashboard').hidden = false;
    $('sign-out').hidden = false;
    startStreams();
  }

  async function checkSession() {
    const response = await fetch('/api/session', {headers: {Accept: 'application/json'}});
    if (response.ok) {
      const actor = await response.json();
      if (!state.actor) showDashboard(actor);
      else setConnection('reconnecting');
      return;
    }
    showSignIn(state.actor ? t('sessionEnded') : state.signInOutcome);
    state.signInOutcome = '';
  }

  // how this tracker signs people in: a password form, or the identity provider's own page (OpenID Connect)
  async function loadSignInMethod() {
    const response = await fetch('/api/sign-in', {headers: {Accept: 'application/json'}});
    if (response.ok) state.signIn = await response.json();
    $('password-fields').hidden = state.signIn.method !== 'password';
    // back from the identity provider after a failed sign-in: say why, and forget it in the address bar
    const outcome = new URLSearchParams(window.location.search).get('signIn');
    if (outcome) {
      state.signInOutcome = outcome === 'unavailable' ? t('signInUnavailable') : t('signInRefused');
      window.history.replaceState(null, '', window.location.pathname);
    }
  }

  async function signIn(event) {
    event.preventDefault();
    if (state.signIn.method === 'identity-provider') {
      window.location.assign(state.signIn.url);
      return;
    }
    const body = new URLSearchParams({username: $('username').value, password: $('password').value});
    const response = await fetch('/login', {method: 'POST', body});
    $('password').value = '';
    if (response.status === 204) {
      await checkSession();
    } else {
      $('sign-in-error').textContent = t('signInFailed');
    }
  }

  async function signOut() {
    const response = await fetch('/logout', {method: 'POST'});
    if (response.status === 200) {
      // signed in through the identity provider: end the session there too (it returns to this page)
      const {continueAt} = await response.json();
      if (continueAt && continueAt !== '/') {
        Object.keys(state.streams).forEach(closeStream);
        window.location.assign(continueAt);
        return;
      }
    }
    showSignIn('');
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('lang-en').addEventListener('click', () => setLanguage('en'));
    $('lang-ko').addEventListener('click', () => setLanguage('ko'));
    $('sign-in-form').addEventListener('submit', signIn);
    $('sign-out').addEventListener('click', signOut);
    $('detail-close').addEventListener('click', closeDetail);
    $('detail').addEventListener('keydown', (e) => { if (e.key === 'Escape') closeDetail(); });
    applyLanguage();
    loadSignInMethod().then(() => checkSession());
  });
})();
