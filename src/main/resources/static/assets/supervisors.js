// The supervisors' dashboard: sign in once, choose a period (and an MDA, for the ODSC's supervisors), read the KPIs
// from /api/supervisor/kpis and show them as figures, charts (Chart.js, served with OneDoor) and tables; the same
// rows download as CSV. An MDA's supervisor sees their MDA only: the server decides, the page follows.
window.WORDS = {
  en: {
    title: 'OneDoor — KPIs for supervisors', skip: 'Skip to content', logout: 'Sign out',
    loginTitle: 'Supervisors: sign in', username: 'User', password: 'Password', signIn: 'Sign in',
    loginFailed: 'Wrong user or password.', notSupervisor: 'This user is not a supervisor.',
    signedInAs: 'Signed in as {user}', heading: 'Service performance: all MDAs', headingMda: 'Service performance: {mda}',
    filters: 'Filters', period: 'Period', last30: 'Last 30 days', thisMonth: 'This month', lastMonth: 'Last month',
    thisYear: 'This year', last12: 'Last 12 months', custom: 'Chosen dates', from: 'From', to: 'To', mda: 'MDA',
    allMdas: 'All MDAs', show: 'Show', csv: 'Download CSV', json: 'The same as JSON',
    badPeriod: 'The period must start on or before its last day.', failed: 'The figures could not be loaded.',
    loading: 'Loading…', asOf: 'Figures for {from} to {to}, as of {time}.',
    pending: '{n} recent changes are still being counted.', summary: 'Summary', charts: 'Charts', tables: 'Figures',
    received: 'Received', decided: 'Decided', approvedRejected: '{a} approved, {r} rejected',
    open: 'Open now', openOld: '{n} open for more than 30 working days', processing: 'Processing time (working days)',
    medianP90: 'Median {m} working days; 90 % within {p}', noDecisions: 'No decisions in this period',
    sla: 'Decided within the time limit', slaOf: '{n} of {d} decisions', satisfaction: 'Satisfaction',
    ratingOf: '{avg} of 5, from {n} ratings', noRatings: 'No ratings in this period', grievances: 'Grievances',
    grievancesOf: '{open} open now; answered in {m} working days (median), {t} within the time limit',
    grievancesNone: '{open} open now; none answered in this period',
    escalations: 'Late work', escalationsOf: '{o} late tasks reported to supervisors, {h} handed up, {r} reminders',
    returnsInfo: 'Returns, questions, withdrawals',
    returnsOf: '{r} returned for correction, {i} questions to applicants, {w} withdrawn',
    chartTrend: 'Received and decided, by day', chartTrendMonth: 'Received and decided, by month',
    chartBacklog: 'Open now, by age in working days', chartSla: 'Decided within the time limit, per MDA (%)',
    chartSlaService: 'Decided within the time limit, per service (%)',
    chartProcessing: 'Processing time per service, working days', chartRatings: 'Citizens\' ratings',
    median: 'Median', p90: '90 % within', approved: 'Approved', rejected: 'Rejected', withdrawn: 'Withdrawn',
    stars: '{n} of 5', byService: 'By service', byMda: 'By MDA', byOfficer: 'By officer', name: 'Name',
    colReceived: 'Received', colDecided: 'Decided', colWithdrawn: 'Withdrawn', colOpen: 'Open now',
    colOld: 'Open over 30 working days', colMedian: 'Median working days', colP90: '90 % within (working days)',
    colSla: 'On time', colEscalations: 'Late tasks reported', colReturns: 'Returned for correction',
    colInfo: 'Questions to applicants', colRating: 'Rating (of 5)', colGrievances: 'Grievances',
    colGrievanceDays: 'Grievance answered in (median working days)', colMda: 'MDA', colOfficer: 'Officer',
    nothing: 'Nothing in this period.', none: '—', days: '{from}–{to}', over: 'over {n}'
  },
  bn: {
    title: 'ওয়ান-ডোর — সুপারভাইজারদের কেপিআই', skip: 'মূল অংশে যান', logout: 'সাইন আউট',
    loginTitle: 'সুপারভাইজার: সাইন ইন', username: 'ব্যবহারকারী', password: 'পাসওয়ার্ড', signIn: 'সাইন ইন',
    loginFailed: 'ব্যবহারকারী বা পাসওয়ার্ড ভুল।', notSupervisor: 'এই ব্যবহারকারী সুপারভাইজার নন।',
    signedInAs: '{user} হিসেবে সাইন ইন', heading: 'সেবা প্রদানের চিত্র: সকল দপ্তর', headingMda: 'সেবা প্রদানের চিত্র: {mda}',
    filters: 'ফিল্টার', period: 'সময়কাল', last30: 'গত ৩০ দিন', thisMonth: 'চলতি মাস', lastMonth: 'গত মাস',
    thisYear: 'চলতি বছর', last12: 'গত ১২ মাস', custom: 'নির্বাচিত তারিখ', from: 'শুরু', to: 'শেষ', mda: 'দপ্তর',
    allMdas: 'সকল দপ্তর', show: 'দেখুন', csv: 'সিএসভি ডাউনলোড', json: 'একই তথ্য JSON-এ',
    badPeriod: 'সময়কালের শুরু শেষ দিনের পরে হতে পারে না।', failed: 'তথ্য লোড করা যায়নি।',
    loading: 'লোড হচ্ছে…', asOf: '{from} থেকে {to} পর্যন্ত তথ্য, {time} অনুযায়ী।',
    pending: 'সাম্প্রতিক {n}টি পরিবর্তন এখনও গণনা হচ্ছে।', summary: 'সারসংক্ষেপ', charts: 'চার্ট', tables: 'পরিসংখ্যান',
    received: 'গৃহীত', decided: 'নিষ্পন্ন', approvedRejected: '{a}টি অনুমোদিত, {r}টি নামঞ্জুর',
    open: 'এখন চলমান', openOld: '{n}টি ৩০ কর্মদিবসের বেশি সময় ধরে চলমান', processing: 'নিষ্পত্তির সময় (কর্মদিবস)',
    medianP90: 'মধ্যমা {m} কর্মদিবস; ৯০% {p} কর্মদিবসের মধ্যে', noDecisions: 'এই সময়ে কোনো সিদ্ধান্ত নেই',
    sla: 'নির্ধারিত সময়ের মধ্যে নিষ্পন্ন', slaOf: '{d}টি সিদ্ধান্তের {n}টি', satisfaction: 'সন্তুষ্টি',
    ratingOf: '{n}টি মূল্যায়নে ৫-এর মধ্যে {avg}', noRatings: 'এই সময়ে কোনো মূল্যায়ন নেই', grievances: 'অভিযোগ',
    grievancesOf: 'এখন {open}টি চলমান; উত্তর দিতে মধ্যমা {m} কর্মদিবস, {t}টি নির্ধারিত সময়ের মধ্যে',
    grievancesNone: 'এখন {open}টি চলমান; এই সময়ে কোনো উত্তর দেওয়া হয়নি',
    escalations: 'বিলম্বিত কাজ', escalationsOf: '{o}টি বিলম্বিত কাজ ঊর্ধ্বতনকে জানানো, {h}টি ঊর্ধ্বতনের কাছে হস্তান্তর, {r}টি স্মরণ',
    returnsInfo: 'ফেরত, তথ্য চাওয়া, প্রত্যাহার',
    returnsOf: '{r}টি সংশোধনের জন্য ফেরত, আবেদনকারীর কাছে {i}টি তথ্য চাওয়া, {w}টি প্রত্যাহার',
    chartTrend: 'দিনভিত্তিক গৃহীত ও নিষ্পন্ন', chartTrendMonth: 'মাসভিত্তিক গৃহীত ও নিষ্পন্ন',
    chartBacklog: 'এখন চলমান, কর্মদিবসে বয়স অনুযায়ী', chartSla: 'নির্ধারিত সময়ের মধ্যে নিষ্পন্ন, দপ্তর অনুযায়ী (%)',
    chartSlaService: 'নির্ধারিত সময়ের মধ্যে নিষ্পন্ন, সেবা অনুযায়ী (%)',
    chartProcessing: 'সেবা অনুযায়ী নিষ্পত্তির সময়, কর্মদিবস', chartRatings: 'নাগরিকদের মূল্যায়ন',
    median: 'মধ্যমা', p90: '৯০% এর মধ্যে', approved: 'অনুমোদিত', rejected: 'নামঞ্জুর', withdrawn: 'প্রত্যাহার',
    stars: '৫-এর মধ্যে {n}', byService: 'সেবা অনুযায়ী', byMda: 'দপ্তর অনুযায়ী', byOfficer: 'কর্মকর্তা অনুযায়ী',
    name: 'নাম', colReceived: 'গৃহীত', colDecided: 'নিষ্পন্ন', colWithdrawn: 'প্রত্যাহার', colOpen: 'এখন চলমান',
    colOld: '৩০ কর্মদিবসের বেশি চলমান', colMedian: 'মধ্যমা (কর্মদিবস)', colP90: '৯০% এর মধ্যে (কর্মদিবস)',
    colSla: 'যথাসময়ে', colEscalations: 'বিলম্বিত কাজ জানানো', colReturns: 'সংশোধনের জন্য ফেরত',
    colInfo: 'আবেদনকারীর কাছে তথ্য চাওয়া', colRating: 'মূল্যায়ন (৫-এর মধ্যে)', colGrievances: 'অভিযোগ',
    colGrievanceDays: 'অভিযোগের উত্তর (মধ্যমা কর্মদিবস)', colMda: 'দপ্তর', colOfficer: 'কর্মকর্তা',
    nothing: 'এই সময়ে কিছু নেই।', none: '—', days: '{from}–{to}', over: '{n}-এর বেশি'
  }
};

(function () {
  const o = window.onedoor;
  const { t, el, pick } = o;
  const $ = id => document.getElementById(id);
  const COLORS = ['#006a4e', '#1f4e79', '#b35c00', '#7a1f5c', '#4a5a66', '#a4161a', '#2e7d32', '#5c4b00'];
  const charts = {};
  let data = null;

  // ---- session (as the front desk's page) -------------------------------------------------------------------------
  const api = o.api;

  const supervisor = groups => groups.some(g => g === 'supervisor' || g === 'camunda-admin' || g.endsWith('-supervisor'));

  let who = {};

  function signedIn() {
    $('who').textContent = who.user ? t('signedInAs', { user: who.user }) : '';
  }

  async function session() {
    who = await (await api('/api/session')).json();
    const allowed = who.user && supervisor(who.groups);
    $('login').hidden = allowed;
    $('dashboard').hidden = !allowed;
    $('logout').hidden = !who.user;
    signedIn();
    if (who.user && !allowed) { $('login-error').textContent = t('notSupervisor'); }
    if (allowed) { await load(); } else { $('username').focus(); }
  }

  async function login(event) {
    event.preventDefault();
    const problem = await o.signIn($('username').value, $('password').value, t('loginFailed'));
    $('password').value = '';
    $('login-error').textContent = problem;
    if (!problem) { await session(); }
  }

  async function logout() {
    await api('/api/session/logout', { method: 'POST' });
    data = null;
    await session();
  }

  // ---- the period and the MDA ------------------------------------------------------------------------------------
  const iso = d => d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');

  // Periods count from the service centre's date (the dashboard's today), not the browser's: a browser in another
  // zone sees the same days as the centre. Until the first answer, the server picks the default period itself.
  let today = null;
  const day = text => { const [y, m, d] = text.split('-').map(Number); return new Date(y, m - 1, d); };

  function preset(name) {
    const y = today.getFullYear();
    const m = today.getMonth();
    switch (name) {
      case 'thisMonth': return [new Date(y, m, 1), today];
      case 'lastMonth': return [new Date(y, m - 1, 1), new Date(y, m, 0)];
      case 'thisYear': return [new Date(y, 0, 1), today];
      case 'last12': return [new Date(y, m - 11, 1), today];
      default: return [new Date(y, m, today.getDate() - 29), today];
    }
  }

  function choosePreset() {
    if ($('period').value !== 'custom' && today) {
      const [from, to] = preset($('period').value);
      $('from').value = iso(from);
      $('to').value = iso(to);
    }
  }

  function query() {
    const q = new URLSearchParams();
    if ($('from').value) { q.set('from', $('from').value); }
    if ($('to').value) { q.set('to', $('to').value); }
    if ($('mda').value) { q.set('mda', $('mda').value); }
    return q;
  }

  async function load() {
    const params = new URLSearchParams(location.search);
    if (!$('from').value) {
      if (params.get('from') && params.get('to')) {
        $('period').value = 'custom';
        $('from').value = params.get('from');
        $('to').value = params.get('to');
      } else {
        choosePreset();
      }
    }
    if (params.get('mda') && !$('mda').value) {
      $('mda').append(el('option', { value: params.get('mda'), text: params.get('mda') }));
      $('mda').value = params.get('mda');
    }
    if ($('from').value > $('to').value) {
      $('filters-error').textContent = t('badPeriod');
      $('from').setAttribute('aria-invalid', 'true');
      return;
    }
    $('filters-error').textContent = '';
    $('from').removeAttribute('aria-invalid');
    $('status').textContent = t('loading');
    const q = query();
    const response = await api('/api/supervisor/kpis?' + q).catch(() => null);
    if (!response || !response.ok) {
      const problem = response ? await response.json().catch(() => ({})) : {};
      $('status').textContent = problem.detail || t('failed');
      return;
    }
    data = await response.json();
    today = day(data.today);
    if (!$('from').value) {
      $('from').value = data.from;
      $('to').value = data.to;
    }
    history.replaceState(null, '', q.toString() ? '?' + q : location.pathname);
    render();
  }

  // ---- numbers in the page's language ----------------------------------------------------------------------------
  const n = value => o.number(value);
  const days = value => value === null || value === undefined ? t('none')
    : new Intl.NumberFormat(o.lang === 'bn' ? 'bn-BD' : 'en-GB', { maximumFractionDigits: 1 }).format(value);
  const percent = value => value === null || value === undefined ? t('none')
    : new Intl.NumberFormat(o.lang === 'bn' ? 'bn-BD' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(value);
  const locale = () => (o.lang === 'bn' ? 'bn-BD' : 'en-GB');
  const older = row => row.backlog.slice(4).reduce((a, b) => a + b, 0);
  const decimals = value => value === null || value === undefined ? t('none')
    : new Intl.NumberFormat(locale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);

  function ageLabels() {
    const limits = [5, 10, 20, 30, 60];
    return limits.map((limit, i) => t('days', { from: n(i === 0 ? 0 : limits[i - 1] + 1), to: n(limit) }))
      .concat(t('over', { n: n(60) }));
  }

  // ---- the page ---------------------------------------------------------------------------------------------------
  function render() {
    if (!data) { return; }
    const mdaName = data.mdaCode ? pick(data.total.name) : null;
    $('heading').textContent = mdaName ? t('headingMda', { mda: mdaName }) : t('heading');
    o.fill($('mda'), data.everyMda ? el('option', { value: '', text: t('allMdas') }) : null,
      data.mdas.map(m => el('option', { value: m.code, text: pick(m.name) })));
    $('mda').value = data.mdaCode || '';
    $('mda-field').hidden = !data.everyMda && data.mdas.length < 2;
    const q = query();
    $('json').href = '/api/supervisor/kpis?' + q;
    q.set('lang', o.lang);
    $('csv').href = '/api/supervisor/kpis.csv?' + q;
    $('status').textContent = t('asOf', { from: o.date(data.from), to: o.date(data.to), time: o.date(data.asOf, true) })
      + (data.pending > 0 ? ' ' + t('pending', { n: n(data.pending) }) : '');
    summary(data.total);
    drawCharts();
    tables();
  }

  function summary(total) {
    const card = (title, value, detail) => el('li', { class: 'kpi' },
      el('h3', { text: title }), el('p', { class: 'value', text: value }), el('p', { class: 'muted', text: detail }));
    o.fill($('summary'),
      card(t('received'), n(total.received), t('returnsOf', { r: n(total.returns), i: n(total.informationRequests), w: n(total.withdrawn) })),
      card(t('decided'), n(total.decided), t('approvedRejected', { a: n(total.approved), r: n(total.rejected) })),
      card(t('open'), n(total.open), t('openOld', { n: n(older(total)) })),
      card(t('processing'), total.medianDays === null || total.medianDays === undefined ? t('none') : days(total.medianDays),
        total.decided ? t('medianP90', { m: days(total.medianDays), p: days(total.p90Days) }) : t('noDecisions')),
      card(t('sla'), percent(total.slaCompliance), t('slaOf', { n: n(total.onTime), d: n(total.decided) })),
      card(t('satisfaction'), total.ratings ? decimals(total.averageRating) + ' / ' + n(5) : t('none'),
        total.ratings ? t('ratingOf', { avg: decimals(total.averageRating), n: n(total.ratings) }) : t('noRatings')),
      card(t('escalations'), n(total.overdueNotices + total.handedUp),
        t('escalationsOf', { o: n(total.overdueNotices), h: n(total.handedUp), r: n(total.reminders) })),
      card(t('grievances'), n(total.grievances), total.grievancesAnswered
        ? t('grievancesOf', { open: n(total.grievancesOpen), m: days(total.grievanceMedianDays),
          t: n(total.grievancesAnsweredOnTime) })
        : t('grievancesNone', { open: n(total.grievancesOpen) })));
  }

  // ---- charts: each canvas also says in words what it shows ------------------------------------------------------
  function chart(id, config, words) {
    if (charts[id]) { charts[id].destroy(); }
    config.options = Object.assign({ responsive: true, maintainAspectRatio: false, locale: locale(), animation: false,
      plugins: { legend: { position: 'bottom' } } }, config.options || {});
    charts[id] = new window.Chart($(id + '-chart'), config);
    $(id + '-text').textContent = words;
  }

  function drawCharts() {
    const points = data.trend.points;
    const label = p => new Intl.DateTimeFormat(locale(), data.trend.unit === 'day' ? { day: 'numeric', month: 'short' }
      : { month: 'short', year: 'numeric' }).format(new Date((data.trend.unit === 'day' ? p.period : p.period + '-01')
      + 'T00:00:00'));
    $('trend-title').textContent = t(data.trend.unit === 'day' ? 'chartTrend' : 'chartTrendMonth');
    chart('trend', { type: 'bar', data: { labels: points.map(label), datasets: [
      { label: t('received'), data: points.map(p => p.received), backgroundColor: COLORS[1] },
      { label: t('approved'), data: points.map(p => p.approved), backgroundColor: COLORS[0], stack: 'decided' },
      { label: t('rejected'), data: points.map(p => p.rejected), backgroundColor: COLORS[5], stack: 'decided' },
      { label: t('withdrawn'), data: points.map(p => p.withdrawn), backgroundColor: COLORS[4], stack: 'decided' }] },
      options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } } },
      points.map(p => label(p) + ': ' + t('received') + ' ' + n(p.received) + ', ' + t('approved') + ' ' + n(p.approved)
        + ', ' + t('rejected') + ' ' + n(p.rejected) + ', ' + t('withdrawn') + ' ' + n(p.withdrawn)).join('; '));

    const byMda = data.mdaCode === null || data.mdaCode === undefined;
    const parts = (byMda ? data.mdaRows : data.services).filter(r => r.open > 0);
    chart('backlog', { type: 'bar', data: { labels: ageLabels(), datasets: parts.map((r, i) => ({
      label: pick(r.name), data: r.backlog, backgroundColor: COLORS[i % COLORS.length] })) },
    options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } } },
    ageLabels().map((a, i) => a + ': ' + n(data.total.backlog[i])).join('; '));

    const slaRows = (byMda ? data.mdaRows : data.services).filter(r => r.decided > 0);
    $('sla-title').textContent = t(byMda ? 'chartSla' : 'chartSlaService');
    chart('sla', { type: 'bar', data: { labels: slaRows.map(r => pick(r.name)), datasets: [{ label: t('sla'),
      data: slaRows.map(r => Math.round(r.slaCompliance * 1000) / 10), backgroundColor: COLORS[0] }] },
    options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { min: 0, max: 100 } } } },
    slaRows.map(r => pick(r.name) + ': ' + percent(r.slaCompliance)).join('; '));

    const timed = data.services.filter(r => r.decided > 0);
    chart('processing', { type: 'bar', data: { labels: timed.map(r => pick(r.name)), datasets: [
      { label: t('median'), data: timed.map(r => r.medianDays), backgroundColor: COLORS[0] },
      { label: t('p90'), data: timed.map(r => r.p90Days), backgroundColor: COLORS[2] }] },
    options: { scales: { y: { beginAtZero: true } } } },
    timed.map(r => pick(r.name) + ': ' + t('median') + ' ' + days(r.medianDays) + ', ' + t('p90') + ' '
      + days(r.p90Days)).join('; '));

    const stars = [1, 2, 3, 4, 5].map(s => t('stars', { n: n(s) }));
    chart('ratings', { type: 'bar', data: { labels: stars, datasets: [{ label: t('chartRatings'),
      data: data.total.ratingCounts, backgroundColor: ['#a4161a', '#b35c00', '#5c4b00', '#2e7d32', '#006a4e'] }] },
    options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } } },
    stars.map((s, i) => s + ': ' + n(data.total.ratingCounts[i])).join('; '));
  }

  // ---- tables ------------------------------------------------------------------------------------------------------
  function table(id, title, rows, columns) {
    const caption = el('caption', { text: title });
    const head = el('thead', {}, el('tr', {}, columns.map(c => el('th', { scope: 'col', class: c.text ? 'text' : null,
      text: t(c.title) }))));
    const body = el('tbody', {}, rows.length === 0
      ? el('tr', {}, el('td', { colspan: columns.length, class: 'text', text: t('nothing') }))
      : rows.map(r => el('tr', {}, columns.map((c, i) => el(i === 0 ? 'th' : 'td',
        { scope: i === 0 ? 'row' : null, class: c.text ? 'text' : null, text: c.value(r) })))));
    return el('div', { class: 'table-wrap', id, role: 'region', tabindex: '0', 'aria-label': title },
      el('table', { class: 'figures' }, caption, head, body));
  }

  function tables() {
    const common = [
      { title: 'colReceived', value: r => n(r.received) },
      { title: 'colDecided', value: r => n(r.decided) },
      { title: 'colWithdrawn', value: r => n(r.withdrawn) },
      { title: 'colOpen', value: r => n(r.open) },
      { title: 'colOld', value: r => n(older(r)) },
      { title: 'colMedian', value: r => days(r.medianDays) },
      { title: 'colP90', value: r => days(r.p90Days) },
      { title: 'colSla', value: r => percent(r.slaCompliance) },
      { title: 'colEscalations', value: r => n(r.overdueNotices + r.handedUp) },
      { title: 'colReturns', value: r => n(r.returns) },
      { title: 'colInfo', value: r => n(r.informationRequests) },
      { title: 'colRating', value: r => r.ratings ? decimals(r.averageRating) + ' (' + n(r.ratings) + ')' : t('none') },
      { title: 'colGrievances', value: r => n(r.grievances) },
      { title: 'colGrievanceDays', value: r => days(r.grievanceMedianDays) }];
    const officer = [
      { title: 'colDecided', value: r => n(r.decided) },
      { title: 'colMedian', value: r => days(r.medianDays) },
      { title: 'colP90', value: r => days(r.p90Days) },
      { title: 'colSla', value: r => percent(r.slaCompliance) },
      { title: 'colReturns', value: r => n(r.returns) },
      { title: 'colInfo', value: r => n(r.informationRequests) },
      { title: 'colRating', value: r => r.ratings ? decimals(r.averageRating) + ' (' + n(r.ratings) + ')' : t('none') }];
    const mdaOf = code => { const m = data.mdas.find(x => x.code === code); return m ? pick(m.name) : code; };
    o.fill($('tables'), el('h2', { id: 'tables-title', class: 'visually-hidden', text: t('tables') }),
      table('by-service', t('byService'), data.services, [{ title: 'name', text: true, value: r => pick(r.name) }].concat(common)),
      table('by-mda', t('byMda'), data.mdaRows, [{ title: 'name', text: true, value: r => pick(r.name) }].concat(common)),
      table('by-officer', t('byOfficer'), data.officers, [
        { title: 'colOfficer', text: true, value: r => r.code + (r.name ? ' — ' + pick(r.name) : '') },
        { title: 'colMda', text: true, value: r => mdaOf(r.mdaCode) }].concat(officer)));
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('login-form').addEventListener('submit', login);
    $('logout').addEventListener('click', logout);
    $('period').addEventListener('change', () => { choosePreset(); });
    ['from', 'to'].forEach(id => $(id).addEventListener('change', () => { $('period').value = 'custom'; }));
    $('filters').addEventListener('submit', event => { event.preventDefault(); load(); });
    o.onChange(() => { signedIn(); render(); });
    session();
  });
})();
