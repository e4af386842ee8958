// The citizen's tracking page: number and code (typed, or from the receipt's QR code), then where the request
// stands, per MDA, in English or Bangla, from GET /api/track/{number}.
window.WORDS = {
  en: {
    title: 'Track your request — OneDoor', skip: 'Skip to content', heading: 'Track your request',
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
    ifPaidToday: 'if the fee is paid today'
  },
  bn: {
    title: 'আবেদনের অবস্থা — ওয়ান-ডোর', skip: 'মূল অংশে যান', heading: 'আপনার আবেদনের অবস্থা দেখুন',
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
    ifPaidToday: 'আজ ফি পরিশোধ করলে'
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
        status.state === 'WAITING_FOR_PAYMENT' ? el('p', { role: 'note', text: t('payAtCounter') }) : null),
      el('section', { class: 'card', 'aria-labelledby': 'parts' },
        el('h2', { id: 'parts', text: t('parts') }), status.legs.map(part => leg(part, status))),
      issued.length ? el('section', { class: 'card', 'aria-labelledby': 'issued' },
        el('h2', { id: 'issued', text: t('issued') }),
        el('ul', { class: 'plain' }, issued.map(d => el('li', {},
          el('a', { href: d.href + '?code=' + encodeURIComponent(code), download: d.name },
            t('download') + ': ' + d.name),
          ' ', el('span', { class: 'muted', text: '(' + pick(d.mdaName) + ', ' + number(Math.ceil(d.size / 1024)) + ' KB)' }))))) : null,
      el('section', { class: 'card', 'aria-labelledby': 'history' },
        el('h2', { id: 'history', text: t('history') }),
        el('ol', { class: 'steps' }, status.timeline.map(s => el('li', {},
          el('time', { datetime: s.at, class: 'muted', text: date(s.at, true) }), ' — ', s.message)))),
      status.openedBy && status.openedBy.length ? el('section', { class: 'card', 'aria-labelledby': 'opened' },
        el('h2', { id: 'opened', text: t('openedBy') }),
        el('ul', { class: 'plain' }, status.openedBy.map(o => el('li', {},
          pick(o.mdaName) + ': ' + t('times', { n: number(o.times) }))))) : null);
  }

  async function track(number, code) {
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
    document.getElementById('summary').focus({ preventScroll: false });
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
