// The citizen's tracking page: number and code (typed, or from the receipt's QR code), then where the request
// stands, per MDA, in English or Bangla, from GET /api/track/{number}.
window.WORDS = {
  en: {
    title: 'Track your request — OneDoor', skip: 'Skip to content', heading: 'Track your request',
    portalLink: 'File a request from home',
    find: "Your receipt's number and code", number: 'Tracking number',
    numberHint: 'On your receipt, for example ODSC-2026-000123-7', code: 'Tracking code',
    codeHint: 'The code printed under the number, for example ABCDE-12345', track: 'Track',
    required: 'Please fill this in.', notFound: 'No request matches this number and code. Check both on your receipt.',
    failed: 'Tracking is not available just now. Please try again in a few minutes.',
    service: 'Service', state: 'State', received: 'Received', expected: 'Expected completion', ended: 'Ended',
    parts: 'The offices working on it', dueDate: 'Due by', paused: 'Days waiting for you (not counted)',
    caseNumber: "Office's case number", acknowledged: 'Accepted on', officeExpects: 'The office expects it by',
    reason: 'Reason', asked: 'What they need from you', askedDocuments: 'Documents asked for',
    answerAtCounter: 'Bring your answer and these documents to the One-Door Service Centre.',
    late: 'late', issued: 'Documents issued to you', download: 'Download', history: 'History',
    openedBy: 'Who opened your file', times: '{n} time(s)', stage: 'step {n}', fee: 'Fee', paid: 'paid on {date}',
    notPaid: 'not paid yet', payAtCounter: 'Pay it at the One-Door Service Centre: the work starts once it is paid.',
    ifPaidToday: 'if the fee is paid today',
    rateTitle: 'How was the service?', rateHint: 'Your rating helps the offices do better. You can change it for 30 days.',
    stars: ['very poor', 'poor', 'fair', 'good', 'very good'], comment: 'Comment (optional)', save: 'Save',
    rated: 'Thank you. You can change your rating until {date}.', ratedFinal: 'Your rating: {n} of 5.',
    grievancesTitle: 'Grievances', grievanceHint: 'Something went wrong? Tell the office: its grievance redress officer must answer within 30 working days.',
    office: 'Office', complaint: 'What went wrong', document: 'A document (optional): PDF, JPEG or PNG, up to 10 MB',
    fileGrievance: 'Send the grievance', grievanceSent: 'Your grievance was sent.', answerDue: 'Answer due by',
    answer: 'Answer', appealUntil: 'You may appeal until', appealText: 'Why the answer does not settle it',
    sendAppeal: 'Appeal to the appellate officer', appeal: 'Your appeal', decisionDue: 'Decision due by',
    decision: 'Appeal decision', escalated: 'It was late and went to the officer above.',
    states: { OPEN: 'with the grievance redress officer', ANSWERED: 'answered', APPEALED: 'with the appellate officer', CLOSED: 'closed' },
    receiptPdf: 'Your receipt (PDF)'
  },
  bn: {
    title: 'আবেদনের অবস্থা — ওয়ান-ডোর', skip: 'মূল অংশে যান', heading: 'আপনার আবেদনের অবস্থা দেখুন',
    portalLink: 'ঘরে বসে আবেদন করুন',
    find: 'রসিদের নম্বর ও কোড', number: 'ট্র্যাকিং নম্বর',
    numberHint: 'রসিদে লেখা আছে, যেমন ODSC-2026-000123-7', code: 'ট্র্যাকিং কোড',
    codeHint: 'নম্বরের নিচে ছাপা কোড, যেমন ABCDE-12345', track: 'দেখুন',
    required: 'এটি পূরণ করুন।', notFound: 'এই নম্বর ও কোডের কোনো আবেদন পাওয়া যায়নি। রসিদে দুটোই মিলিয়ে দেখুন।',
    failed: 'এই মুহূর্তে অবস্থা দেখা যাচ্ছে না। কয়েক মিনিট পরে আবার চেষ্টা করুন।',
    service: 'সেবা', state: 'অবস্থা', received: 'গ্রহণের তারিখ', expected: 'সম্ভাব্য নিষ্পত্তি', ended: 'নিষ্পত্তির তারিখ',
    parts: 'যে দপ্তরগুলো কাজ করছে', dueDate: 'নির্ধারিত সময়', paused: 'আপনার অপেক্ষায় কাটা দিন (গণনা হয়নি)',
    caseNumber: 'দপ্তরের কেস নম্বর', acknowledged: 'গ্রহণ করেছে', officeExpects: 'দপ্তরের সম্ভাব্য তারিখ',
    reason: 'কারণ', asked: 'আপনার কাছে যা চাওয়া হয়েছে', askedDocuments: 'যে কাগজপত্র চাওয়া হয়েছে',
    answerAtCounter: 'উত্তর ও কাগজপত্র নিয়ে ওয়ান-ডোর সার্ভিস সেন্টারে আসুন।',
    late: 'বিলম্বিত', issued: 'আপনাকে দেওয়া কাগজপত্র', download: 'ডাউনলোড', history: 'ইতিহাস',
    openedBy: 'কারা আপনার নথি খুলেছে', times: '{n} বার', stage: 'ধাপ {n}', fee: 'ফি', paid: '{date} তারিখে পরিশোধিত',
    notPaid: 'এখনও পরিশোধ হয়নি', payAtCounter: 'ওয়ান-ডোর সার্ভিস সেন্টারে ফি পরিশোধ করুন: পরিশোধের পরে কাজ শুরু হবে।',
    ifPaidToday: 'আজ ফি পরিশোধ করলে',
    rateTitle: 'সেবাটি কেমন ছিল?', rateHint: 'আপনার মূল্যায়ন দপ্তরগুলোকে আরও ভালো করতে সাহায্য করে। ৩০ দিন পর্যন্ত বদলাতে পারবেন।',
    stars: ['খুব খারাপ', 'খারাপ', 'মোটামুটি', 'ভালো', 'খুব ভালো'], comment: 'মন্তব্য (ঐচ্ছিক)', save: 'সংরক্ষণ করুন',
    rated: 'ধন্যবাদ। {date} পর্যন্ত আপনার মূল্যায়ন বদলাতে পারবেন।', ratedFinal: 'আপনার মূল্যায়ন: ৫-এর মধ্যে {n}।',
    grievancesTitle: 'অভিযোগ', grievanceHint: 'কোনো সমস্যা হয়েছে? দপ্তরকে জানান: অভিযোগ নিষ্পত্তি কর্মকর্তা ৩০ কর্মদিবসের মধ্যে উত্তর দেবেন।',
    office: 'দপ্তর', complaint: 'কী সমস্যা হয়েছে', document: 'একটি কাগজ (ঐচ্ছিক): পিডিএফ, জেপিইজি বা পিএনজি, সর্বোচ্চ ১০ এমবি',
    fileGrievance: 'অভিযোগ পাঠান', grievanceSent: 'আপনার অভিযোগ পাঠানো হয়েছে।', answerDue: 'উত্তরের শেষ তারিখ',
    answer: 'উত্তর', appealUntil: 'আপিলের শেষ তারিখ', appealText: 'উত্তরে কেন সমাধান হয়নি',
    sendAppeal: 'আপিল কর্মকর্তার কাছে আপিল করুন', appeal: 'আপনার আপিল', decisionDue: 'সিদ্ধান্তের শেষ তারিখ',
    decision: 'আপিলের সিদ্ধান্ত', escalated: 'সময়মতো নিষ্পত্তি না হওয়ায় ঊর্ধ্বতন কর্মকর্তার কাছে পাঠানো হয়েছে।',
    states: { OPEN: 'অভিযোগ নিষ্পত্তি কর্মকর্তার কাছে', ANSWERED: 'উত্তর দেওয়া হয়েছে', APPEALED: 'আপিল কর্মকর্তার কাছে', CLOSED: 'নিষ্পত্তি হয়েছে' },
    receiptPdf: 'আপনার রসিদ (পিডিএফ)'
  }
};

(function () {
  const { t, el, pick, date, number } = window.onedoor;
  let shown = null;

  function fact(term, value) {
    return value === null || value === undefined || value === '' ? [] : [el('dt', { text: term }), el('dd', {}, value)];
  }

  function leg(part, status) {
    const acknowledged = status.timeline.filter(s => s.kind === 'ACKNOWLEDGED' && s.mdaCode === part.mdaCode).pop();
    const waiting = part.waitingFor;
    const late = part.overdue ? el('span', { class: 'badge late', text: t('late') }) : null;
    return el('div', { class: 'leg' },
      el('h3', {}, pick(part.mdaName) || part.mdaCode, ' ',
        el('span', { class: 'muted', text: '(' + t('stage', { n: number(part.stage) }) + ')' })),
      el('p', {}, el('span', { class: 'badge', text: part.stateText }), ' ', late),
      el('dl', { class: 'facts' },
        fact(t('caseNumber'), part.caseNumber),
        fact(t('acknowledged'), acknowledged ? date(acknowledged.at, true) : null),
        fact(t('officeExpects'), date(part.mdaExpectedCompletion)),
        fact(t('dueDate'), date(part.dueDate)),
        fact(t('paused'), part.pausedWorkingDays > 0 ? number(part.pausedWorkingDays) : null),
        fact(t('expected'), date(part.expectedCompletion)),
        fact(t('reason'), part.reason)),
      waiting ? el('div', { class: 'card' },
        el('h4', { text: t('asked') }), el('p', { text: waiting.question }),
        waiting.documents && waiting.documents.length
          ? el('p', {}, t('askedDocuments') + ': ', waiting.documents.join(', ')) : null,
        el('p', { class: 'muted', text: t('answerAtCounter') })) : null);
  }

  function render(status, code) {
    const issued = status.issuedDocuments || [];
    const result = document.getElementById('result');
    window.onedoor.fill(result,
      el('section', { class: 'card', 'aria-labelledby': 'summary' },
        el('h2', { id: 'summary', tabindex: '-1', text: status.trackingNumber }),
        el('p', { class: 'state', text: status.stateText }),
        el('dl', { class: 'facts' },
          fact(t('service'), pick(status.serviceName)),
          fact(t('received'), date(status.receivedAt, true)),
          fact(t('expected'), status.endedAt ? null : date(status.expectedCompletion)
            + (status.state === 'WAITING_FOR_PAYMENT' ? ' (' + t('ifPaidToday') + ')' : '')),
          fact(t('fee'), !status.fee || Number(status.fee.amount) === 0 ? null
            : number(status.fee.amount) + ' ' + status.fee.currency + ' — '
              + (status.payment ? t('paid', { date: date(status.payment.paidAt) }) : t('notPaid'))),
          fact(t('ended'), date(status.endedAt, true))),
        status.state === 'WAITING_FOR_PAYMENT' ? el('p', { role: 'note', text: t('payAtCounter') }) : null,
        el('p', {}, el('a', { id: 'receipt-pdf', href: '/api/track/' + encodeURIComponent(status.trackingNumber)
          + '/receipt.pdf?code=' + encodeURIComponent(code) + '&lang=' + window.onedoor.lang,
          download: 'receipt-' + status.trackingNumber + '.pdf', text: t('receiptPdf') }))),
      el('section', { class: 'card', 'aria-labelledby': 'parts' },
        el('h2', { id: 'parts', text: t('parts') }), status.legs.map(part => leg(part, status))),
      issued.length ? el('section', { class: 'card', 'aria-labelledby': 'issued' },
        el('h2', { id: 'issued', text: t('issued') }),
        el('ul', { class: 'plain' }, issued.map(d => el('li', {},
          el('a', { href: d.href + '?code=' + encodeURIComponent(code), download: d.name },
            t('download') + ': ' + d.name),
          ' ', el('span', { class: 'muted', text: '(' + pick(d.mdaName) + ', ' + number(Math.ceil(d.size / 1024)) + ' KB)' }))))) : null,
      feedback(status, code),
      grievances(status, code),
      el('section', { class: 'card', 'aria-labelledby': 'history' },
        el('h2', { id: 'history', text: t('history') }),
        el('ol', { class: 'steps' }, status.timeline.map(s => el('li', {},
          el('time', { datetime: s.at, class: 'muted', text: date(s.at, true) }), ' — ', s.message)))),
      status.openedBy && status.openedBy.length ? el('section', { class: 'card', 'aria-labelledby': 'opened' },
        el('h2', { id: 'opened', text: t('openedBy') }),
        el('ul', { class: 'plain' }, status.openedBy.map(o => el('li', {},
          pick(o.mdaName) + ': ' + t('times', { n: number(o.times) }))))) : null);
  }

  /** A change the citizen makes with the receipt's number and code; the server's problem, if any, in words. */
  async function send(path, code, init) {
    const response = await fetch(path + '?code=' + encodeURIComponent(code) + '&lang=' + window.onedoor.lang,
      Object.assign({ credentials: 'same-origin' }, init, { headers: Object.assign({ Accept: 'application/json' },
        window.onedoor.csrf(), init.headers || {}) })).catch(() => null);
    if (response && response.ok) { return null; }
    const problem = response ? await response.json().catch(() => ({})) : {};
    return (problem.errors || []).map(e => e.message).join(' ') || problem.detail || t('failed');
  }

  function feedback(status, code) {
    if (status.state !== 'APPROVED' && status.state !== 'REJECTED') { return null; }
    const given = status.feedback;
    if (given && new Date(given.changeableUntil) < new Date()) {
      return el('section', { class: 'card', id: 'feedback', 'aria-labelledby': 'rate' },
        el('h2', { id: 'rate', text: t('rateTitle') }), el('p', { text: t('ratedFinal', { n: number(given.rating) }) }));
    }
    const form = el('form', { id: 'rate-form', novalidate: true },
      el('fieldset', {}, el('legend', { text: t('rateTitle') }),
        el('p', { class: 'hint', id: 'rate-hint', text: t('rateHint') }),
        el('div', { class: 'stars' }, [1, 2, 3, 4, 5].map(n => el('label', { class: 'star' },
          el('input', { type: 'radio', name: 'rating', value: n, checked: given && given.rating === n, required: true }),
          ' ' + number(n) + ' — ' + t('stars')[n - 1])))),
      el('label', { for: 'rate-comment', text: t('comment') }),
      el('textarea', { id: 'rate-comment', rows: 2, maxlength: 2000 }),
      el('div', { class: 'actions' }, el('button', { type: 'submit', text: t('save') })),
      el('p', { id: 'rate-status', role: 'status', class: given ? '' : 'error',
        text: given ? t('rated', { date: date(given.changeableUntil) }) : '' }));
    if (given && given.comment) { form.querySelector('textarea').value = given.comment; }
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const chosen = form.querySelector('input[name=rating]:checked');
      const line = form.querySelector('#rate-status');
      if (!chosen) { line.className = 'error'; line.textContent = t('required'); return; }
      const problem = await send('/api/track/' + encodeURIComponent(status.trackingNumber) + '/feedback', code, {
        method: 'PUT', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ rating: Number(chosen.value), comment: form.querySelector('textarea').value }) });
      if (problem) { line.className = 'error'; line.textContent = problem; return; }
      await track(status.trackingNumber, code, 'feedback');
    });
    return el('section', { class: 'card', id: 'feedback' }, form);
  }

  function grievance(g, status, code) {
    const office = pick(g.mdaName) || g.mdaCode;
    const canAppeal = g.state === 'ANSWERED' && g.appealBy && new Date(g.appealBy + 'T23:59:59') >= new Date();
    const item = el('li', { class: 'leg', id: 'grievance-' + g.id },
      el('h3', {}, office, ' ', el('span', { class: 'badge', text: t('states')[g.state] })),
      el('p', { text: g.complaint }),
      el('dl', { class: 'facts' },
        fact(t('answerDue'), g.state === 'OPEN' ? date(g.dueBy) : null),
        fact(t('answer'), g.answer),
        fact(t('appealUntil'), canAppeal ? date(g.appealBy) : null),
        fact(t('appeal'), g.appeal),
        fact(t('decisionDue'), g.state === 'APPEALED' ? date(g.appealDueBy) : null),
        fact(t('decision'), g.appealDecision)),
      g.escalations > 0 && g.state !== 'CLOSED' ? el('p', { class: 'muted', text: t('escalated') }) : null);
    if (canAppeal) {
      const form = el('form', { class: 'appeal', novalidate: true },
        el('label', { for: 'appeal-' + g.id, text: t('appealText') }),
        el('textarea', { id: 'appeal-' + g.id, rows: 2, required: true, maxlength: 2000 }),
        el('p', { class: 'error', role: 'alert' }),
        el('div', { class: 'actions' }, el('button', { type: 'submit', text: t('sendAppeal') })));
      form.addEventListener('submit', async event => {
        event.preventDefault();
        const text = form.querySelector('textarea').value.trim();
        if (!text) { form.querySelector('.error').textContent = t('required'); return; }
        const problem = await send('/api/track/' + encodeURIComponent(status.trackingNumber) + '/grievances/'
          + encodeURIComponent(g.id) + '/appeal', code, { method: 'POST',
          headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ appeal: text }) });
        if (problem) { form.querySelector('.error').textContent = problem; return; }
        await track(status.trackingNumber, code, 'grievances');
      });
      item.append(form);
    }
    return item;
  }

  function grievances(status, code) {
    const offices = status.legs.filter(l => l.state !== 'PLANNED');
    const list = status.grievances || [];
    if (!offices.length && !list.length) { return null; }
    const form = offices.length ? el('form', { id: 'grieve', novalidate: true },
      el('p', { class: 'hint', text: t('grievanceHint') }),
      el('label', { for: 'grieve-office', text: t('office') }),
      el('select', { id: 'grieve-office' }, offices.map(l => el('option', { value: l.mdaCode, text: pick(l.mdaName) || l.mdaCode }))),
      el('label', { for: 'grieve-text', text: t('complaint') }),
      el('textarea', { id: 'grieve-text', rows: 3, required: true, maxlength: 4000, 'aria-describedby': 'grieve-error' }),
      el('label', { for: 'grieve-file', text: t('document') }),
      el('input', { id: 'grieve-file', type: 'file', accept: 'application/pdf,image/jpeg,image/png' }),
      el('p', { id: 'grieve-error', class: 'error', role: 'alert' }),
      el('div', { class: 'actions' }, el('button', { type: 'submit', text: t('fileGrievance') }))) : null;
    if (form) {
      form.addEventListener('submit', async event => {
        event.preventDefault();
        const text = form.querySelector('#grieve-text').value.trim();
        const error = form.querySelector('#grieve-error');
        if (!text) { error.textContent = t('required'); form.querySelector('#grieve-text').focus(); return; }
        const body = new FormData();
        body.append('grievance', new Blob([JSON.stringify({ complaint: text,
          mdaCode: form.querySelector('#grieve-office').value })], { type: 'application/json' }));
        const file = form.querySelector('#grieve-file').files[0];
        if (file) { body.append('document-1', file, file.name); }
        const problem = await send('/api/track/' + encodeURIComponent(status.trackingNumber) + '/grievances', code,
          { method: 'POST', body });
        if (problem) { error.textContent = problem; return; }
        await track(status.trackingNumber, code, 'grievances');
      });
    }
    return el('section', { class: 'card', 'aria-labelledby': 'grievances' },
      el('h2', { id: 'grievances', tabindex: '-1', text: t('grievancesTitle') }),
      list.length ? el('ul', { class: 'plain' }, list.map(g => grievance(g, status, code))) : null,
      form);
  }

  async function track(number, code, focus) {
    const error = document.getElementById('form-error');
    error.textContent = '';
    const response = await fetch('/api/track/' + encodeURIComponent(number) + '?code=' + encodeURIComponent(code)
      + '&lang=' + window.onedoor.lang, { headers: { Accept: 'application/json' } }).catch(() => null);
    if (!response || !response.ok) {
      document.getElementById('result').replaceChildren();
      error.textContent = response && response.status === 404 ? t('notFound') : t('failed');
      return;
    }
    shown = { number, code };
    render(await response.json(), code);
    // From a message's link (#feedback) or after a change: the part the citizen is at.
    const at = document.getElementById(focus || location.hash.slice(1)) || document.getElementById('summary');
    if (at.id === 'feedback') { at.querySelector('input, button').focus(); } else { at.focus({ preventScroll: false }); }
    if (at.id !== 'summary') { at.scrollIntoView(); }
  }

  function check(input) {
    const message = document.getElementById(input.id + '-error');
    const missing = !input.value.trim();
    input.setAttribute('aria-invalid', missing);
    message.textContent = missing ? t('required') : '';
    return !missing;
  }

  document.addEventListener('DOMContentLoaded', () => {
    const form = document.getElementById('track');
    const number = document.getElementById('n');
    const code = document.getElementById('c');
    form.addEventListener('submit', event => {
      event.preventDefault();
      const ok = [number, code].map(check).every(Boolean);
      if (ok) { track(number.value.trim(), code.value.trim()); } else { form.querySelector('[aria-invalid=true]').focus(); }
    });
    const params = new URLSearchParams(location.search);
    number.value = params.get('n') || '';
    code.value = params.get('c') || '';
    if (number.value && code.value) { track(number.value, code.value); }
    window.onedoor.onChange(() => { if (shown) { track(shown.number, shown.code); } });
  });
})();
