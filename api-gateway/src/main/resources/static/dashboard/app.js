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
      behind: 'Catching up: {0} events behind', waiting: 'Waiting for the figures',
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
      US: 'United States', ROK: 'Republic of Korea',
      byStatus: 'By status', byAssessment: 'By assessment', showMore: 'Show earlier activity',
      upToDateJustNow: 'Up to date, updated just now', upToDateAt: 'Up to date, updated at {0}',
      reconnectIn: 'Connection lost; trying again in {0} s.', restored: 'Connection restored; the figures are current.',
      liveNow: 'Live', paused: 'Paused while this tab is in the background.',
      signedInAnnouncement: 'Signed in as {0}. The dashboard is below.', newActivity: 'New activity: {0}',
      newActivityMany: '{0} new activity entries', detailUpdated: 'Timeline updated.',
      recorded: 'recorded {0}', valueDate: 'value date {0}', detailBehind: 'Waiting for the latest changes…',
      CommitmentProposedEvent: 'Proposed', MouProposedEvent: 'MOU proposed', MouSignedEvent: 'MOU signed',
      ProgramLaunchedEvent: 'Launched', ImplementationStartedEvent: 'Implementation started',
      MilestoneRecordedEvent: 'Milestone: {0}', FundingPledgedEvent: '{0} pledged {1}',
      FundingCommittedEvent: '{0} committed {1}', FundingDisbursedEvent: '{0} disbursed {1}',
      CommitmentSuspendedEvent: 'Suspended', CommitmentResumedEvent: 'Resumed', CommitmentCompletedEvent: 'Completed',
      CommitmentCancelledEvent: 'Cancelled', EntryCorrectedEvent: 'Correction of entry {0}',
      correctedAmount: 'amount now {0}', correctedDate: 'date now {0}', correctedTitle: 'title corrected',
      otherEvent: 'Recorded', side_US: 'US', side_ROK: 'ROK'
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
      behind: '따라잡는 중: {0}건 남음', waiting: '수치를 기다리는 중',
      rebuilding: '재구축 중, {0}% — 완료될 때까지 수치를 숨깁니다',
      live: '실시간', reconnecting: '연결이 끊겨 다시 연결하는 중…', sessionEnded: '세션이 끝났습니다. 다시 로그인하세요.',
      by: '기록자 {0} ({1})', reason: '사유: {0}', atLeast: '최소 {0}',
      kind: '유형', status: '상태', assessment: '평가', targetDate: '목표일', announcedOn: '발표일',
      signedOn: '서명일', launchedOn: '착수일', completedOn: '완료일', cancelledOn: '취소일',
      source: '출처', target: '목표 {0}', open: '{0} 상세',
      PLEDGED: '약정', COMMITTED: '확정', DISBURSED: '집행',
      PROPOSED: '제안', SIGNED: '서명', LAUNCHED: '착수', IMPLEMENTING: '이행 중',
      SUSPENDED: '중단', COMPLETED: '완료', CANCELLED: '취소',
      NOT_STARTED: '시작 전', LIMITED: '제한적', SUBSTANTIAL: '상당함', COMPLETE: '완료',
      MOU: '양해각서', PROGRAM: '프로그램', JOINT_RESEARCH: '공동연구', FORUM: '포럼', COOPERATION: '협력',
      POLICY: '정책', SIGNATORY: '서명 기관', LEAD: '주관', PARTNER: '협력 기관', FUNDER: '재원 제공',
      US: '미국', ROK: '대한민국',
      byStatus: '상태별', byAssessment: '평가별', showMore: '이전 활동 더 보기',
      upToDateJustNow: '최신 상태, 방금 갱신됨', upToDateAt: '최신 상태, {0}에 갱신됨',
      reconnectIn: '연결이 끊겼습니다. {0}초 후 다시 연결합니다.', restored: '다시 연결되었습니다. 수치가 최신입니다.',
      liveNow: '실시간', paused: '이 탭이 백그라운드에 있는 동안 일시 중지되었습니다.',
      signedInAnnouncement: '{0}(으)로 로그인했습니다. 아래에 대시보드가 있습니다.', newActivity: '새 활동: {0}',
      newActivityMany: '새 활동 {0}건', detailUpdated: '경과가 갱신되었습니다.',
      recorded: '{0} 기록', valueDate: '기준일 {0}', detailBehind: '최신 변경 사항을 기다리는 중…',
      CommitmentProposedEvent: '제안됨', MouProposedEvent: '양해각서 제안', MouSignedEvent: '양해각서 서명',
      ProgramLaunchedEvent: '착수', ImplementationStartedEvent: '이행 시작',
      MilestoneRecordedEvent: '이정표: {0}', FundingPledgedEvent: '{0}, {1} 약정',
      FundingCommittedEvent: '{0}, {1} 확정', FundingDisbursedEvent: '{0}, {1} 집행',
      CommitmentSuspendedEvent: '중단', CommitmentResumedEvent: '재개', CommitmentCompletedEvent: '완료',
      CommitmentCancelledEvent: '취소', EntryCorrectedEvent: '{0}번 항목 정정',
      correctedAmount: '금액 {0}(으)로 정정', correctedDate: '날짜 {0}(으)로 정정', correctedTitle: '제목 정정',
      otherEvent: '기록됨', side_US: '미국', side_ROK: '한국'
    }
  };
  const STAGES = ['PLEDGED', 'COMMITTED', 'DISBURSED'];
  const STAGE_COLOURS = {PLEDGED: '#0b4f9c', COMMITTED: '#b35c00', DISBURSED: '#1d7a3a'};
  const STATUSES = ['PROPOSED', 'SIGNED', 'LAUNCHED', 'IMPLEMENTING', 'SUSPENDED', 'COMPLETED', 'CANCELLED'];
  const ASSESSMENTS = ['NOT_STARTED', 'LIMITED', 'SUBSTANTIAL', 'COMPLETE'];
  const MAX_ACTIVITY = 200;
  const ACTIVITY_PAGE = 20;
  const STREAM_URL = '/api/stream/dashboard';
  const RETRY_FIRST_MS = 1000;
  const RETRY_MAX_MS = 15000;
  const BACKGROUND_GRACE_MS = 30000;
  const DETAIL_TRIES = 40;
  const DETAIL_TRY_MS = 250;

  const state = {
    language: localStorage.getItem('cet-language') === 'ko' ? 'ko' : 'en',
    actor: null,
    signIn: {method: 'password'},
    signInOutcome: '',
    areas: null,
    funding: null,
    activity: [],
    activityShown: ACTIVITY_PAGE,
    detail: null,
    history: null,
    detailId: null,
    detailPosition: null,
    detailBehind: false,
    freshness: {},
    connection: null,
    charts: new Map(),
    opener: null,
    stream: {source: null, lastEventId: null, attempt: 0, timer: null, background: null, lost: false, retryIn: 0}
  };

  const $ = (id) => document.getElementById(id);
  const t = (key, ...args) => {
    const text = (TEXT[state.language][key] ?? TEXT.en[key] ?? key);
    return text.replace(/\{(\d)}/g, (m, i) => String(args[Number(i)]));
  };
  // a text with {0}, {1}… filled with nodes or strings, as a list of children
  const tNodes = (key, ...args) => {
    const text = (TEXT[state.language][key] ?? TEXT.en[key] ?? key);
    return text.split(/(\{\d})/).filter((part) => part !== '').map((part) => {
      const match = /^\{(\d)}$/.exec(part);
      return match ? args[Number(match[1])] : part;
    });
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
  const sideLabel = (side) => side ? t('side_' + side) : '?';

  // the language a recorded text is written in, as far as its letters tell: Hangul is Korean, Latin letters English
  function languageOf(text) {
    if (/[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]/.test(text)) return 'ko';
    if (/[A-Za-z]/.test(text)) return 'en';
    return null;
  }

  // text as it was recorded (a name, a description, a citation): unchanged, marked with its language where that is
  // not the page's, so that a screen reader reads it with the right voice
  function recorded(text, className) {
    const value = text ?? '';
    const language = languageOf(value);
    return el('span', {class: className ?? 'recorded', lang: language && language !== state.language ? language : null},
      value);
  }

  function money(amount, currency, lowerBound) {
    let text;
    try {
      text = new Intl.NumberFormat(locale(), {
        style: 'currency', currency, currencyDisplay: state.language === 'ko' ? 'name' : 'symbol'
      }).format(Number(amount));
    } catch (e) {
      text = currency + ' ' + amount;
    }
    return lowerBound ? t('atLeast', text) : text;
  }

  // a business date (yyyy-mm-dd, no time of day) as a date in the page's language
  function businessDate(iso) {
    if (!iso) return '';
    const [year, month, day] = iso.split('-').map(Number);
    return new Intl.DateTimeFormat(locale(), {year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC'})
      .format(new Date(Date.UTC(year, month - 1, day)));
  }

  function dateNode(iso) {
    return iso ? el('time', {datetime: iso, text: businessDate(iso)}) : el('span', {text: '—'});
  }

  // a recorded instant, in the reader's time zone, which it names
  function recordedTime(instant) {
    return new Intl.DateTimeFormat(locale(), {
      year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short'
    }).format(new Date(instant));
  }

  function clockTime(date) {
    return new Intl.DateTimeFormat(locale(), {hour: '2-digit', minute: '2-digit', second: '2-digit'}).format(date);
  }

  // what an event recorded, in the page's language, from its own fields; recorded names and descriptions as they are
  function describe(eventType, details) {
    const d = details ?? {};
    const amount = (m) => m ? money(m.amount, m.currency, m.lowerBound) : '';
    switch (eventType) {
      case 'MilestoneRecordedEvent':
        return tNodes(eventType, recorded(d.description));
      case 'FundingPledgedEvent':
      case 'FundingCommittedEvent':
      case 'FundingDisbursedEvent':
        return [...tNodes(eventType, recorded(d.funder), amount(d.amount)),
          d.valueDate ? [' (', ...tNodes('valueDate', businessDate(d.valueDate)), ')'] : []].flat();
      case 'EntryCorrectedEvent': {
        const parts = [];
        if (d.after?.amount) parts.push(t('correctedAmount', amount(d.after.amount)));
        if (d.after?.effectiveOn) parts.push(t('correctedDate', businessDate(d.after.effectiveOn)));
        if (d.after?.titleEn || d.after?.titleKo) parts.push(t('correctedTitle'));
        return [...tNodes(eventType, String(d.correctedSequence ?? '?')), parts.length ? ': ' + parts.join(', ') : ''];
      }
      default:
        return TEXT.en[eventType] ? [t(eventType)] : [t('otherEvent')];
    }
  }

  // ---- the one live region --------------------------------------------------------------------------------------
  let announceTimer = null;
  function announce(text) {
    const region = $('announcer');
    clearTimeout(announceTimer);
    region.textContent = '';
    // set after a pause, so that the same words said twice are announced twice
    announceTimer = setTimeout(() => { region.textContent = text; }, 150);
  }

  let pendingActivity = [];
  let activityTimer = null;
  function announceActivity(entry) {
    pendingActivity.push(entry);
    if (activityTimer) return;
    activityTimer = setTimeout(() => {
      const entries = pendingActivity;
      pendingActivity = [];
      activityTimer = null;
      if (entries.length === 1) {
        const text = el('span', {}, describe(entries[0].eventType, entries[0].details)).textContent;
        announce(t('newActivity', commitmentTitle(entries[0].commitmentId) + ': ' + text));
      } else {
        announce(t('newActivityMany', entries.length));
      }
    }, 2000);
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
    showConnection();
    refreshFreshness();
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
    state.freshness[freshnessId] = {panelId, message, at: Date.now()};
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
    const at = state.freshness[freshnessId].at;
    if (message.position === null || message.position === undefined) node.textContent = t('waiting');
    else if (message.lag) node.textContent = t('behind', message.lag);
    else if (Date.now() - at < 60000) node.textContent = t('upToDateJustNow');
    else node.textContent = t('upToDateAt', clockTime(new Date(at)));
    node.dataset.position = message.position ?? '';
  }

  function refreshFreshness() {
    for (const [freshnessId, {panelId, message, at}] of Object.entries(state.freshness)) {
      showFreshness(panelId, freshnessId, message);
      state.freshness[freshnessId].at = at;
    }
  }

  // ---- the stream: one connection for the whole page ------------------------------------------------------------
  function connect() {
    const stream = state.stream;
    clearTimeout(stream.timer);
    stream.timer = null;
    if (stream.source) stream.source.close();
    const url = STREAM_URL + (stream.lastEventId !== null ? '?lastEventId=' + encodeURIComponent(stream.lastEventId) : '');
    const source = new EventSource(url);
    stream.source = source;
    const on = (event, listener) => source.addEventListener(event, (e) => {
      if (stream.source === source) listener(JSON.parse(e.data), e);
    });
    source.addEventListener('open', () => {
      if (stream.source !== source) return;
      stream.attempt = 0;
      if (stream.lost) announce(t('restored'));
      stream.lost = false;
      setConnection('liveNow');
    });
    on('areas', (message) => {
      showFreshness('areas-panel', 'areas-freshness', message);
      state.areas = message.data;
      renderAreas();
      renderFunding();
      renderActivity();
    });
    on('funding', (message) => {
      showFreshness('funding-panel', 'funding-freshness', message);
      state.funding = message.data;
      renderFunding();
    });
    on('activity', (message, event) => {
      showFreshness('activity-panel', 'activity-freshness', message);
      if (event.lastEventId) stream.lastEventId = event.lastEventId;
      addActivity(message.data, stream.live);
    });
    on('areas-rebuilding', (message) => showFreshness('areas-panel', 'areas-freshness', message));
    on('funding-rebuilding', (message) => showFreshness('funding-panel', 'funding-freshness', message));
    on('activity-rebuilding', (message) => showFreshness('activity-panel', 'activity-freshness', message));
    source.addEventListener('error', () => {
      if (stream.source !== source) return;
      // every failure is handled here, not by EventSource's own retry: a refusal (429, 401) closes it for good, and
      // a reconnection must say where the feed left off
      source.close();
      stream.source = null;
      reconnectLater();
    });
    // the backlog the stream starts with is not news; what comes after it is
    stream.live = false;
    setTimeout(() => { if (stream.source === source) stream.live = true; }, 1500);
  }

  async function reconnectLater() {
    const stream = state.stream;
    let status = 0;
    try {
      status = (await fetch('/api/session', {headers: {Accept: 'application/json'}})).status;
    } catch (e) {
      status = 0; // the tracker cannot be reached
    }
    if (status === 401) {
      showSignIn(t('sessionEnded'));
      return;
    }
    if (!state.actor || stream.timer || stream.source) return;
    // exponential backoff with jitter: 1 s, 2 s, 4 s… at most 15 s, so that many pages do not return at once
    const ceiling = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** stream.attempt);
    const delay = Math.round(ceiling / 2 + Math.random() * ceiling / 2);
    stream.attempt += 1;
    stream.retryIn = Math.max(1, Math.round(delay / 1000));
    if (!stream.lost) announce(t('reconnectIn', stream.retryIn));
    stream.lost = true;
    setConnection('reconnectIn');
    stream.timer = setTimeout(connect, delay);
  }

  function disconnect() {
    const stream = state.stream;
    clearTimeout(stream.timer);
    clearTimeout(stream.background);
    stream.timer = null;
    stream.background = null;
    if (stream.source) stream.source.close();
    stream.source = null;
  }

  // a tab in the background gives its stream back after a while, and takes up the feed where it left off on return
  function onVisibility() {
    const stream = state.stream;
    if (!state.actor) return;
    if (document.visibilityState === 'hidden') {
      clearTimeout(stream.background);
      stream.background = setTimeout(() => {
        disconnect();
        setConnection('paused');
      }, BACKGROUND_GRACE_MS);
    } else {
      clearTimeout(stream.background);
      stream.background = null;
      if (!stream.source && !stream.timer) connect();
    }
  }

  function setConnection(key) {
    state.connection = key;
    showConnection();
  }

  function showConnection() {
    const key = state.connection;
    $('connection').textContent = key ? t(key, state.stream.retryIn) : '';
  }

  // ---- areas ----------------------------------------------------------------------------------------------------
  function counts(area, map, keys, labelKey) {
    const labelId = labelKey + '-' + area;
    const list = el('dl', {});
    for (const key of keys) {
      const count = map?.[key] ?? 0;
      if (count > 0) {
        list.append(el('div', {}, el('dt', {text: t(key)}), el('dd', {text: String(count), 'data-count': key})));
      }
    }
    return el('div', {class: 'counts', role: 'group', 'aria-labelledby': labelId},
      el('span', {class: 'counts-label', id: labelId, text: t(labelKey)}), list);
  }

  function commitmentButton(id, label) {
    return el('button', {
      type: 'button', class: 'linklike', 'data-commitment': id,
      onclick: (e) => openDetail(id, e.currentTarget)
    }, label);
  }

  function commitmentTitle(id) {
    for (const area of state.areas?.areas ?? []) {
      const found = area.commitments.find((c) => c.commitmentId === id);
      if (found) return title(found);
    }
    return id;
  }

  // redraws a container's children without losing the keyboard focus of a title button inside it
  function redraw(container, children) {
    const focused = container.contains(document.activeElement) ? document.activeElement.dataset?.commitment : null;
    container.replaceChildren(...children);
    if (focused) {
      container.querySelector('button[data-commitment="' + CSS.escape(focused) + '"]')?.focus({preventScroll: true});
    }
  }

  function renderAreas() {
    const container = $('areas');
    if (!state.areas) return;
    redraw(container, [...state.areas.areas.map((area) => {
      const items = area.commitments.map((c) => el('li', {},
        commitmentButton(c.commitmentId, title(c)), ' ',
        el('span', {class: 'tag'}, t(c.status)), ' ',
        el('span', {class: 'tag'}, t(c.assessment)),
        c.overdue ? [' ', el('span', {class: 'tag overdue'}, t('overdue'))] : null));
      const overdue = area.overdue.length
        ? el('p', {class: 'overdue-list'}, t('overdueCount', area.overdue.length) + ': '
          + area.overdue.map((c) => title(c) + (c.targetDate ? ' (' + t('target', businessDate(c.targetDate)) + ')' : ''))
            .join('; '))
        : el('p', {class: 'note'}, t('noneOverdue'));
      return el('article', {class: 'card', 'data-area': area.area, 'aria-labelledby': 'area-' + area.area},
        el('h3', {id: 'area-' + area.area, text: areaLabel(area)}),
        el('p', {class: 'note', text: t('commitments', area.commitmentCount)}),
        counts(area.area, area.byStatus, STATUSES, 'byStatus'),
        counts(area.area, area.byAssessment, ASSESSMENTS, 'byAssessment'),
        overdue,
        el('ul', {}, items));
    })]);
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
      el('td', {'data-label': t('currency'), text: line.currency}),
      STAGES.map((stage) => {
        const amount = line.totals[stage.toLowerCase()];
        return el('td', {class: 'num', 'data-stage': stage, 'data-amount': String(amount.amount),
          'data-label': t(stage)}, money(amount.amount, line.currency, amount.lowerBound));
      }))) : [el('tr', {}, el('td', {colspan: '5', text: t('noFunding')}))]));
    renderCharts(byArea);
  }

  // long labels in lines of about `width` characters, so that they never need slanting
  function wrapLabel(text, width) {
    const lines = [];
    let line = '';
    for (const word of text.split(' ')) {
      if (line && (line + ' ' + word).length > width) {
        lines.push(line);
        line = word;
      } else {
        line = line ? line + ' ' + word : word;
      }
    }
    if (line) lines.push(line);
    return lines;
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
        lowerBound: lines.map((line) => line ? line.totals[stage.toLowerCase()].lowerBound : false),
        backgroundColor: STAGE_COLOURS[stage]
      }));
      let chart = state.charts.get(currency);
      if (!chart) {
        const canvas = el('canvas', {id: 'chart-' + currency, role: 'img',
          'aria-label': t('funding') + ' (' + currency + ')'});
        container.append(el('figure', {class: 'chart', id: 'chart-figure-' + currency},
          el('figcaption', {text: currency}), el('div', {class: 'chart-box'}, canvas)));
        // horizontal bars: the area names sit on their own lines beside the bars, at any width
        chart = new Chart(canvas, {
          type: 'bar',
          data: {labels, datasets},
          options: {
            indexAxis: 'y',
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            plugins: {
              legend: {position: 'bottom'},
              tooltip: {callbacks: {label: (item) => item.dataset.label + ': '
                  + money(item.raw, currency, item.dataset.lowerBound[item.dataIndex])}}
            },
            scales: {
              x: {beginAtZero: true, ticks: {maxRotation: 0,
                callback: (value) => new Intl.NumberFormat(locale(), {notation: 'compact'}).format(value)}},
              y: {ticks: {autoSkip: false, callback: function (value) {
                return wrapLabel(this.getLabelForValue(value), this.chart.width < 500 ? 14 : 24);
              }}}
            }
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
  function addActivity(entry, live) {
    if (state.activity.some((known) => known.position === entry.position)) return;
    state.activity.push(entry);
    state.activity.sort((a, b) => b.position - a.position);
    state.activity.length = Math.min(state.activity.length, MAX_ACTIVITY);
    renderActivity();
    if (live) announceActivity(entry);
    if (state.detailId === entry.commitmentId) loadDetail(entry.commitmentId, entry.position);
  }

  function renderActivity() {
    const list = $('activity');
    if (!state.activity.length) {
      list.replaceChildren(el('li', {class: 'note', text: t('noActivity')}));
      $('activity-more').hidden = true;
      return;
    }
    const shown = state.activity.slice(0, state.activityShown);
    redraw(list, shown.map((entry) => el('li', {'data-position': String(entry.position)},
      el('p', {class: 'entry-head'},
        entry.effectiveOn ? [dateNode(entry.effectiveOn), ' · '] : null,
        commitmentButton(entry.commitmentId, commitmentTitle(entry.commitmentId))),
      el('p', {class: 'summary'}, describe(entry.eventType, entry.details)),
      el('p', {class: 'meta'},
        tNodes('recorded', el('time', {datetime: entry.recordedAt, text: recordedTime(entry.recordedAt)})), ' · ',
        tNodes('by', recorded(entry.actor ?? '?'), sideLabel(entry.side)),
        entry.reason ? [' · ', el('span', {class: 'reason'}, tNodes('reason', recorded(entry.reason)))] : null))));
    $('activity-more').hidden = state.activity.length <= state.activityShown;
  }

  // ---- drill-down: a modal dialog beside what was clicked --------------------------------------------------------
  function openDetail(commitmentId, opener) {
    const dialog = $('detail');
    state.opener = opener ?? null;
    state.openerPlace = opener?.closest('#areas, #activity')?.id ?? 'areas';
    state.detailId = commitmentId;
    state.detail = null;
    state.history = null;
    state.detailPosition = null;
    $('detail-title').textContent = commitmentTitle(commitmentId);
    $('detail-facts').replaceChildren();
    $('detail-parties').tBodies[0].replaceChildren();
    $('detail-timeline').replaceChildren();
    if (!dialog.open) dialog.showModal();
    placeDetail();
    $('detail-close').focus();
    loadDetail(commitmentId, null);
  }

  // next to the opener where there is room, else over it; on a phone the full width
  function placeDetail() {
    const dialog = $('detail');
    const opener = state.opener;
    const margin = 8;
    const width = dialog.offsetWidth;
    const height = dialog.offsetHeight;
    let left = margin;
    let top = margin;
    if (opener && document.contains(opener)) {
      const box = opener.getBoundingClientRect();
      left = box.right + margin + width <= window.innerWidth ? box.right + margin : box.left;
      top = box.top;
    }
    left = Math.max(margin, Math.min(left, window.innerWidth - width - margin));
    top = Math.max(margin, Math.min(top, window.innerHeight - height - margin));
    dialog.style.left = left + 'px';
    dialog.style.top = top + 'px';
  }

  // the view and its history at least at `minPosition` (the position of the event that announced a change): asked
  // with minPosition, and asked again until the answers' X-Projection-Position says so, within a bound
  async function loadDetail(commitmentId, minPosition) {
    const query = minPosition === null ? '' : '?minPosition=' + minPosition;
    const base = '/api/commitments/' + encodeURIComponent(commitmentId);
    state.detailBehind = minPosition !== null;
    for (let attempt = 0; attempt < DETAIL_TRIES; attempt++) {
      let view;
      let history;
      try {
        [view, history] = await Promise.all([fetch(base + query, {headers: {Accept: 'application/json'}}),
          fetch(base + '/history' + query, {headers: {Accept: 'application/json'}})]);
      } catch (e) {
        return; // the stream's reconnection says what is wrong
      }
      if (state.detailId !== commitmentId) return;
      if (!view.ok || !history.ok) return;
      const position = Math.min(Number(view.headers.get('X-Projection-Position') ?? 0),
        Number(history.headers.get('X-Projection-Position') ?? 0));
      if (minPosition === null || position >= minPosition) {
        if (state.detailPosition !== null && position < state.detailPosition) return; // an older answer came late
        state.detail = await view.json();
        state.history = await history.json();
        state.detailPosition = position;
        state.detailBehind = false;
        renderDetail();
        if (minPosition !== null) announce(t('detailUpdated'));
        return;
      }
      renderDetailFreshness();
      await new Promise((resolve) => setTimeout(resolve, DETAIL_TRY_MS));
    }
  }

  function closeDetail() {
    const dialog = $('detail');
    state.detailId = null;
    state.detail = null;
    if (dialog.open) dialog.close();
    // back to what opened it; if a live update has redrawn it meanwhile, to its successor in the same place
    let opener = state.opener;
    if (opener && !document.contains(opener)) {
      opener = document.querySelector('#' + state.openerPlace + ' button[data-commitment="'
        + CSS.escape(opener.dataset.commitment ?? '') + '"]');
    }
    opener?.focus();
  }

  function renderDetailFreshness() {
    const node = $('detail-freshness');
    node.textContent = state.detailBehind ? t('detailBehind') : (state.detail ? t('upToDateJustNow') : t('waiting'));
    node.dataset.position = state.detailPosition ?? '';
  }

  // what the funding and milestone events of the timeline recorded, from the view, by sequence number
  function detailsBySequence(view) {
    const details = new Map();
    for (const m of view.milestones ?? []) details.set(m.sequence, {description: m.description, achievedOn: m.achievedOn});
    for (const f of view.funding ?? []) details.set(f.sequence, {funder: f.funder, amount: f.amount, valueDate: f.valueDate});
    return details;
  }

  function renderDetail() {
    const view = state.detail;
    renderDetailFreshness();
    if (!view) return;
    $('detail-title').textContent = title(view);
    const facts = [
      ['kind', t(view.kind)], ['status', t(view.status)], ['assessment', t(view.assessment)],
      ['targetDate', view.targetDate && dateNode(view.targetDate)],
      ['announcedOn', view.announcedOn && dateNode(view.announcedOn)],
      ['signedOn', view.signedOn && dateNode(view.signedOn)],
      ['launchedOn', view.launchedOn && dateNode(view.launchedOn)],
      ['completedOn', view.completedOn && dateNode(view.completedOn)],
      ['cancelledOn', view.cancelledOn && dateNode(view.cancelledOn)],
      ['source', view.sourceCitation && recorded(view.sourceCitation)]
    ].filter(([, value]) => value);
    $('detail-facts').replaceChildren(...facts.flatMap(([key, value]) => [el('dt', {text: t(key)}),
      el('dd', {}, value)]));
    $('detail-parties').tBodies[0].replaceChildren(...view.parties.map((party) => el('tr', {},
      el('td', {}, recorded(state.language === 'ko' ? party.nameKo : party.nameEn)),
      el('td', {text: t(party.country)}), el('td', {text: t(party.role)}))));
    const details = detailsBySequence(view);
    const entries = state.history ? [...state.history.entries] : [];
    entries.sort((a, b) => (a.effectiveOn ?? '').localeCompare(b.effectiveOn ?? '') || a.sequence - b.sequence);
    $('detail-timeline').replaceChildren(...entries.map((entry) => el('li', {'data-sequence': String(entry.sequence)},
      entry.effectiveOn ? dateNode(entry.effectiveOn) : el('time', {datetime: entry.recordedAt,
        text: recordedTime(entry.recordedAt)}),
      el('span', {class: 'summary'}, describe(entry.eventType, details.get(entry.sequence))), ' ',
      el('span', {class: 'meta'}, '(', tNodes('by', recorded(entry.actor ?? '?'), sideLabel(entry.side)),
        entry.reason ? ['; ', tNodes('reason', recorded(entry.reason))] : null, ')'))));
    // it grew: keep it beside its opener and inside the window
    if ($('detail').open) placeDetail();
  }

  // ---- session --------------------------------------------------------------------------------------------------
  function renderWho() {
    $('whoami').textContent = state.actor ? t('signedInAs', state.actor.username, state.actor.roles.join(', ')) : '';
  }

  function showSignIn(message) {
    disconnect();
    state.actor = null;
    renderWho();
    if ($('detail').open) $('detail').close();
    $('dashboard').hidden = true;
    $('sign-out').hidden = true;
    $('sign-in').hidden = false;
    $('sign-in-error').textContent = message ?? '';
    if (message) announce(message);
    (state.signIn.method === 'password' ? $('username') : $('sign-in-button')).focus();
  }

  function showDashboard(actor, justSignedIn) {
    state.actor = actor;
    renderWho();
    $('sign-in').hidden = true;
    $('dashboard').hidden = false;
    $('sign-out').hidden = false;
    connect();
    if (justSignedIn) {
      // after signing in, focus goes to the content, and the one live region says where it is
      $('main').focus();
      announce(t('signedInAnnouncement', actor.username));
    }
  }

  async function checkSession(justSignedIn) {
    let response;
    try {
      response = await fetch('/api/session', {headers: {Accept: 'application/json'}});
    } catch (e) {
      setTimeout(() => checkSession(justSignedIn), RETRY_MAX_MS);
      return;
    }
    if (response.ok) {
      const actor = await response.json();
      if (!state.actor) showDashboard(actor, justSignedIn);
      return;
    }
    showSignIn(state.actor ? t('sessionEnded') : state.signInOutcome);
    state.signInOutcome = '';
  }

  // how this tracker signs people in: a password form, or the identity provider's own page (OpenID Connect)
  async function loadSignInMethod() {
    try {
      const response = await fetch('/api/sign-in', {headers: {Accept: 'application/json'}});
      if (response.ok) state.signIn = await response.json();
    } catch (e) {
      // keep the password form
    }
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
      await checkSession(true);
    } else {
      $('sign-in-error').textContent = t('signInFailed');
      announce(t('signInFailed'));
    }
  }

  async function signOut() {
    const response = await fetch('/logout', {method: 'POST'});
    if (response.status === 200) {
      // signed in through the identity provider: end the session there too (it returns to this page)
      const {continueAt} = await response.json();
      if (continueAt && continueAt !== '/') {
        disconnect();
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
    $('activity-more').addEventListener('click', () => {
      const first = state.activityShown;
      state.activityShown += ACTIVITY_PAGE;
      renderActivity();
      $('activity').children[first]?.querySelector('button')?.focus();
    });
    const dialog = $('detail');
    // Escape closes it (the dialog's cancel), and focus goes back to what opened it
    dialog.addEventListener('cancel', (e) => { e.preventDefault(); closeDetail(); });
    // focus stays inside while it is open: Tab from the last control goes to the first, Shift+Tab the other way
    dialog.addEventListener('keydown', (e) => {
      if (e.key !== 'Tab') return;
      const focusable = [...dialog.querySelectorAll('button, [href], [tabindex]:not([tabindex="-1"])')]
        .filter((node) => !node.disabled && node.offsetParent !== null);
      if (!focusable.length) return;
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      if (e.shiftKey && document.activeElement === first) { e.preventDefault(); last.focus(); }
      else if (!e.shiftKey && document.activeElement === last) { e.preventDefault(); first.focus(); }
    });
    window.addEventListener('resize', () => { if (dialog.open) placeDetail(); });
    document.addEventListener('visibilitychange', onVisibility);
    // a closed tab gives its stream back at once
    window.addEventListener('pagehide', disconnect);
    setInterval(refreshFreshness, 30000);
    applyLanguage();
    loadSignInMethod().then(() => checkSession(false));
  });
})();
