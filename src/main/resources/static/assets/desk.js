// The front desk: sign in once, choose a service from the catalogue, fill the form the catalogue describes, file
// it with its documents, print the receipt; find a filed request to withdraw it, answer an MDA's question or record
// its fee. The portal (portal.html, <body data-mode="portal">) is the same page for a citizen at home: signed in
// by a one-time code sent to their phone, they file and get the same receipt.
// The server is the authority: its problem details are shown beside the fields they name.
window.WORDS = {
  en: {
    title: 'OneDoor — front desk', skip: 'Skip to content', logout: 'Sign out', trackLink: 'Track a request',
    backOffice: 'Back office', loginTitle: 'Front desk: sign in', username: 'User', password: 'Password',
    signIn: 'Sign in', loginFailed: 'Wrong user or password.', notFrontDesk: 'This user is not a front-desk clerk.',
    signedInAs: 'Signed in as {user}', newRequest: 'New request', existingRequest: 'A filed request',
    catalogueTitle: 'File a request', catalogueHint: 'Choose the service the citizen asks for.',
    fee: 'Fee', free: 'No fee', sla: '{n} working days', expectedBy: 'expected by {date}',
    documentsNeeded: 'Documents', choose: 'Choose', applicant: 'Applicant', name: 'Full name',
    nationalId: 'National ID number', nationalIdHint: '10, 13 or 17 digits', phone: 'Mobile number',
    phoneHint: 'For example 01712345678; the citizen gets an SMS at every step', email: 'E-mail (optional)',
    district: 'District', language: 'Messages in', priority: 'Priority', noPriority: 'None',
    details: 'Details', documents: 'Documents', allowed: '{types}, up to {size}', required: 'required',
    optional: 'optional', file: 'File the request', filing: 'Filing…', back: 'Back to the catalogue',
    'field.required': 'Please fill this in.', 'field.pattern': 'This is not in the expected form.',
    'field.type': 'This is not in the expected form.', 'field.range': 'This value is out of range.',
    'field.not-allowed': 'Choose one of the listed values.', 'document.missing': 'This document is required.',
    'document.too-large': 'This file is too large.', 'document.type-not-allowed': 'This type of file is not accepted.',
    'document.active-content': 'This PDF carries active content and is not accepted.',
    'document.polyglot': 'This file is not a plain document and is not accepted.',
    'document.empty': 'This file is empty.', problems: 'The request was not filed: {n} problem(s) are marked below.',
    failed: 'OneDoor could not be reached. Nothing was filed; try again.',
    receiptTitle: 'Receipt', receiptNumber: 'Tracking number', receiptCode: 'Tracking code',
    receiptCodeHint: 'Keep this code: with the number, it shows where the request stands.',
    service: 'Service', receivedAt: 'Received', expected: 'Expected completion', offices: 'Offices involved',
    officesLater: 'Shown on the tracking page once the request is routed.', priorityGiven: 'Priority',
    qrAlt: 'QR code of the tracking link', trackAt: 'Track at', print: 'Print the receipt',
    downloadPdf: 'Download the receipt (PDF)', downloadSigned: 'Download the signed receipt',
    another: 'File another request', existingTitle: 'A filed request',
    number: 'Tracking number', code: 'Tracking code', find: 'Find', notFound: 'No request matches this number and code.',
    state: 'State', withdraw: 'Withdraw the request', reason: 'Reason (as the citizen says it)',
    withdrawn: 'Withdrawn. Give the citizen the signed notice.', withdrawConfirm: 'Withdraw', answer: 'Answer',
    question: '{mda} asks', answerText: 'The citizen\'s answer', answerDocs: 'Documents asked for',
    answered: 'The answer was passed to the office.', notice: 'Signed notice', ended: 'This request has ended.',
    payment: 'Fee', paidBy: 'Paid by', notPaid: 'Not paid yet', cash: 'Cash (counter receipt)',
    'e-challan': 'e-Challan', mobile: 'Mobile payment', reference: 'Receipt number or payment reference',
    amount: 'Amount', paid: 'Paid', 'payment.amount-mismatch': 'The amount is not the fee.',
    channel: 'Received through', counter: 'This counter', 'call-centre': 'The call centre',
    'social-media': "The ODSC's social-media pages",
    payFirst: 'Unpaid, the request waits: no office takes it up until the fee is recorded.',
    awaitingPayment: 'not paid yet: the work starts once it is paid', ifPaidToday: 'if the fee is paid today',
    recordPayment: 'Record the fee', record: 'Record', paymentRecorded: 'The fee is recorded. Expected completion: {date}.',
    paymentReceipt: 'Signed payment receipt', 'payment.reference-used': 'This reference has paid for another request.',
    'payment.already-recorded': 'The fee of this request has been paid before.',
    portalTitleBar: 'OneDoor — file from home', portalTitle: 'File a request from home',
    portalHint: 'We send a code by SMS to your mobile number; with it you file as the number\'s owner.',
    sendCode: 'Send me a code', codeLabel: 'The code from the SMS', otherNumber: 'Another number',
    codeSent: 'We sent a code to {phone}. It is valid until {time}.', portalCatalogueTitle: 'File a request',
    portalCatalogueHint: 'Choose the service you need.', payAtCentre: 'Pay the fee at the One-Door Service Centre.',
    'portal.code-refused': 'This code is wrong, used or expired. Ask for a new one.',
    'portal.too-many-codes': 'Too many codes were asked for this number. Please wait and try again.',
    'portal.too-many-filings': 'This number has filed many requests today. Please come to the One-Door Service Centre.',
    'applicant.phone-not-verified': 'This must be the number the code was sent to.',
    grievanceTitle: 'Enter a grievance', grievanceHint: 'For a citizen who complains at this counter, by phone or on the social-media pages; the office\'s grievance redress officer must answer within 30 working days.',
    grievanceOffice: 'Against', complaint: 'What went wrong (in the citizen\'s words)', grievanceEntered: 'The grievance was entered; the citizen is told by SMS.'
  },
  bn: {
    title: 'ওয়ান-ডোর — ফ্রন্ট ডেস্ক', skip: 'মূল অংশে যান', logout: 'সাইন আউট', trackLink: 'আবেদনের অবস্থা',
    backOffice: 'ব্যাক অফিস', loginTitle: 'ফ্রন্ট ডেস্ক: সাইন ইন', username: 'ব্যবহারকারী', password: 'পাসওয়ার্ড',
    signIn: 'সাইন ইন', loginFailed: 'ব্যবহারকারী বা পাসওয়ার্ড ভুল।', notFrontDesk: 'এই ব্যবহারকারী ফ্রন্ট ডেস্কের কর্মী নন।',
    signedInAs: '{user} হিসেবে সাইন ইন', newRequest: 'নতুন আবেদন', existingRequest: 'দাখিল করা আবেদন',
    catalogueTitle: 'আবেদন দাখিল', catalogueHint: 'নাগরিক যে সেবা চান তা বেছে নিন।',
    fee: 'ফি', free: 'ফি নেই', sla: '{n} কর্মদিবস', expectedBy: 'সম্ভাব্য নিষ্পত্তি {date}',
    documentsNeeded: 'কাগজপত্র', choose: 'বেছে নিন', applicant: 'আবেদনকারী', name: 'পূর্ণ নাম',
    nationalId: 'জাতীয় পরিচয়পত্র নম্বর', nationalIdHint: '১০, ১৩ বা ১৭ অঙ্ক', phone: 'মোবাইল নম্বর',
    phoneHint: 'যেমন 01712345678; প্রতিটি ধাপে নাগরিক এসএমএস পাবেন', email: 'ই-মেইল (ঐচ্ছিক)',
    district: 'জেলা', language: 'বার্তার ভাষা', priority: 'অগ্রাধিকার', noPriority: 'নেই',
    details: 'বিবরণ', documents: 'কাগজপত্র', allowed: '{types}, সর্বোচ্চ {size}', required: 'আবশ্যক',
    optional: 'ঐচ্ছিক', file: 'আবেদন দাখিল করুন', filing: 'দাখিল হচ্ছে…', back: 'সেবার তালিকায় ফিরুন',
    'field.required': 'এটি পূরণ করুন।', 'field.pattern': 'সঠিক রূপে লিখুন।', 'field.type': 'সঠিক রূপে লিখুন।',
    'field.range': 'মানটি সীমার বাইরে।', 'field.not-allowed': 'তালিকা থেকে একটি বেছে নিন।',
    'document.missing': 'এই কাগজটি আবশ্যক।', 'document.too-large': 'ফাইলটি অনেক বড়।',
    'document.type-not-allowed': 'এই ধরনের ফাইল গ্রহণ করা হয় না।',
    'document.active-content': 'এই পিডিএফে সক্রিয় উপাদান আছে, তাই গ্রহণ করা হয় না।',
    'document.polyglot': 'ফাইলটি সাধারণ নথি নয়, তাই গ্রহণ করা হয় না।', 'document.empty': 'ফাইলটি খালি।',
    problems: 'আবেদন দাখিল হয়নি: নিচে {n}টি সমস্যা চিহ্নিত করা হয়েছে।',
    failed: 'ওয়ান-ডোরে পৌঁছানো যায়নি। কিছুই দাখিল হয়নি; আবার চেষ্টা করুন।',
    receiptTitle: 'রসিদ', receiptNumber: 'ট্র্যাকিং নম্বর', receiptCode: 'ট্র্যাকিং কোড',
    receiptCodeHint: 'কোডটি রেখে দিন: নম্বরের সাথে এটি দিয়ে আবেদনের অবস্থা দেখা যায়।',
    service: 'সেবা', receivedAt: 'গ্রহণের সময়', expected: 'সম্ভাব্য নিষ্পত্তি', offices: 'সংশ্লিষ্ট দপ্তর',
    officesLater: 'আবেদনটি দপ্তরে পাঠানোর পর অবস্থা পাতায় দেখা যাবে।', priorityGiven: 'অগ্রাধিকার',
    qrAlt: 'অবস্থা দেখার লিংকের কিউআর কোড', trackAt: 'অবস্থা দেখুন', print: 'রসিদ প্রিন্ট করুন',
    downloadPdf: 'রসিদ ডাউনলোড (পিডিএফ)', downloadSigned: 'স্বাক্ষরিত রসিদ ডাউনলোড',
    another: 'আরেকটি আবেদন', existingTitle: 'দাখিল করা আবেদন',
    number: 'ট্র্যাকিং নম্বর', code: 'ট্র্যাকিং কোড', find: 'খুঁজুন', notFound: 'এই নম্বর ও কোডের কোনো আবেদন নেই।',
    state: 'অবস্থা', withdraw: 'আবেদন প্রত্যাহার', reason: 'কারণ (নাগরিকের ভাষায়)',
    withdrawn: 'প্রত্যাহার করা হয়েছে। নাগরিককে স্বাক্ষরিত নোটিশ দিন।', withdrawConfirm: 'প্রত্যাহার করুন',
    answer: 'উত্তর দিন', question: '{mda} জানতে চায়', answerText: 'নাগরিকের উত্তর', answerDocs: 'যে কাগজপত্র চাওয়া হয়েছে',
    answered: 'উত্তর দপ্তরে পাঠানো হয়েছে।', notice: 'স্বাক্ষরিত নোটিশ', ended: 'এই আবেদনের নিষ্পত্তি হয়ে গেছে।',
    payment: 'ফি', paidBy: 'পরিশোধের মাধ্যম', notPaid: 'এখনও পরিশোধ হয়নি', cash: 'নগদ (কাউন্টারের রসিদ)',
    'e-challan': 'ই-চালান', mobile: 'মোবাইল পেমেন্ট', reference: 'রসিদ নম্বর বা পেমেন্টের রেফারেন্স',
    amount: 'পরিমাণ', paid: 'পরিশোধিত', 'payment.amount-mismatch': 'পরিমাণটি ফি-এর সমান নয়।',
    channel: 'আবেদন এসেছে', counter: 'এই কাউন্টারে', 'call-centre': 'কল সেন্টারে',
    'social-media': 'ওয়ান-ডোর সার্ভিস সেন্টারের সামাজিক মাধ্যমে',
    payFirst: 'ফি পরিশোধ না হলে আবেদনটি অপেক্ষায় থাকবে: ফি জমা না হওয়া পর্যন্ত কোনো দপ্তর কাজ শুরু করবে না।',
    awaitingPayment: 'এখনও পরিশোধ হয়নি: পরিশোধের পরে কাজ শুরু হবে', ifPaidToday: 'আজ ফি পরিশোধ করলে',
    recordPayment: 'ফি জমা লিখুন', record: 'জমা করুন', paymentRecorded: 'ফি জমা হয়েছে। সম্ভাব্য নিষ্পত্তি: {date}।',
    paymentReceipt: 'স্বাক্ষরিত পেমেন্ট রসিদ', 'payment.reference-used': 'এই রেফারেন্স দিয়ে অন্য আবেদনের ফি দেওয়া হয়েছে।',
    'payment.already-recorded': 'এই আবেদনের ফি আগেই পরিশোধ করা হয়েছে।',
    portalTitleBar: 'ওয়ান-ডোর — ঘরে বসে আবেদন', portalTitle: 'ঘরে বসে আবেদন করুন',
    portalHint: 'আপনার মোবাইল নম্বরে এসএমএসে একটি কোড পাঠানো হবে; কোডটি দিয়ে নম্বরের মালিক হিসেবে আবেদন করুন।',
    sendCode: 'কোড পাঠান', codeLabel: 'এসএমএসে পাওয়া কোড', otherNumber: 'অন্য নম্বর',
    codeSent: '{phone} নম্বরে কোড পাঠানো হয়েছে। এটি {time} পর্যন্ত বৈধ।', portalCatalogueTitle: 'আবেদন করুন',
    portalCatalogueHint: 'আপনার প্রয়োজনীয় সেবাটি বেছে নিন।', payAtCentre: 'ফি ওয়ান-ডোর সার্ভিস সেন্টারে পরিশোধ করুন।',
    'portal.code-refused': 'কোডটি ভুল, ব্যবহৃত বা মেয়াদোত্তীর্ণ। নতুন কোড চান।',
    'portal.too-many-codes': 'এই নম্বরের জন্য অনেকবার কোড চাওয়া হয়েছে। কিছুক্ষণ পরে আবার চেষ্টা করুন।',
    'portal.too-many-filings': 'এই নম্বর থেকে আজ অনেক আবেদন করা হয়েছে। ওয়ান-ডোর সার্ভিস সেন্টারে আসুন।',
    'applicant.phone-not-verified': 'যে নম্বরে কোড পাঠানো হয়েছে সেটিই দিতে হবে।',
    grievanceTitle: 'অভিযোগ লিখুন', grievanceHint: 'কাউন্টারে, ফোনে বা সামাজিক মাধ্যমে নাগরিকের অভিযোগের জন্য; দপ্তরের অভিযোগ নিষ্পত্তি কর্মকর্তা ৩০ কর্মদিবসের মধ্যে উত্তর দেবেন।',
    grievanceOffice: 'যে দপ্তরের বিরুদ্ধে', complaint: 'কী সমস্যা হয়েছে (নাগরিকের ভাষায়)', grievanceEntered: 'অভিযোগ লেখা হয়েছে; নাগরিক এসএমএসে জানবেন।'
  }
};

(function () {
  const o = window.onedoor;
  const { t, el, pick, date } = o;
  const $ = id => document.getElementById(id);
  const portal = document.body.dataset.mode === 'portal';
  if (portal) { Object.values(window.WORDS).forEach(words => { words.title = words.portalTitleBar; }); }
  let signedIn = {};
  let services = [];
  let chosen = null;
  let lastReceipt = null;

  // ---- session ------------------------------------------------------------------------------------------------
  const api = o.api;

  async function session() {
    const response = await api('/api/session');
    const who = await response.json();
    signedIn = who;
    const allowed = portal ? who.citizen : who.user && who.groups.includes('frontdesk');
    $('login').hidden = allowed;
    $('desk').hidden = !allowed;
    $('logout').hidden = !who.user;
    $('who').textContent = who.user ? t('signedInAs', { user: who.user }) : '';
    if (who.user && !allowed && !portal) { $('login-error').textContent = t('notFrontDesk'); }
    if (allowed) { await catalogue(); } else { $(portal ? ($('login-form').hidden ? 'phone' : 'code') : 'username').focus(); }
  }

  /** A problem's words: the page's own for a code it knows, else the server's. */
  function problemText(problem) {
    if (problem.code && t(problem.code) !== problem.code) { return t(problem.code); }
    return (problem.errors || []).map(e => e.message).join(' ') || problem.detail || t('failed');
  }

  // ---- the portal's sign-in: a one-time code by SMS ------------------------------------------------------------
  async function sendCode(event) {
    event.preventDefault();
    const phone = $('phone').value.trim();
    $('phone').setAttribute('aria-invalid', phone ? 'false' : 'true');
    if (!phone) { $('code-form-error').textContent = t('field.required'); $('phone').focus(); return; }
    await api('/api/session'); // a CSRF token for this browser
    const response = await api('/api/portal/code', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ phone, language: o.lang }) }).catch(() => null);
    const sent = response ? await response.json().catch(() => ({})) : {};
    if (!response || response.status !== 202) {
      $('code-form-error').textContent = response ? problemText(sent) : t('failed');
      $('phone').setAttribute('aria-invalid', 'true');
      $('phone').focus();
      return;
    }
    $('code-form-error').textContent = '';
    $('code-form').hidden = true;
    $('login-form').hidden = false;
    $('code-sent').textContent = t('codeSent', { phone, time: date(sent.expiresAt, true) });
    $('code').focus();
  }

  async function portalLogin(event) {
    event.preventDefault();
    const response = await api('/api/portal/session', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ phone: $('phone').value.trim(), code: $('code').value.trim() }) }).catch(() => null);
    $('code').value = '';
    if (response && response.status === 204) {
      $('login-error').textContent = '';
      await session();
    } else {
      $('login-error').textContent = response ? problemText(await response.json().catch(() => ({}))) : t('failed');
      $('code').focus();
    }
  }

  function otherNumber() {
    $('login-form').hidden = true;
    $('code-form').hidden = false;
    $('phone').focus();
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
    $('who').textContent = '';
    if (portal) {
      $('login-form').hidden = true;
      $('code-form').hidden = false;
    }
    await session();
  }

  // ---- catalogue ----------------------------------------------------------------------------------------------
  function size(bytes) {
    return bytes >= 1048576 ? (bytes / 1048576).toFixed(bytes % 1048576 ? 1 : 0) + ' MB' : Math.ceil(bytes / 1024) + ' KB';
  }

  function money(fee) {
    return Number(fee.amount) === 0 ? t('free')
      : new Intl.NumberFormat(o.lang === 'bn' ? 'bn-BD' : 'en-GB').format(fee.amount) + ' ' + fee.currency;
  }

  async function promise(code, priority) {
    const response = await api('/api/requests/expected-completion?serviceCode=' + encodeURIComponent(code)
      + (priority ? '&priority=' + encodeURIComponent(priority) : ''));
    return response.ok ? response.json() : null;
  }

  async function catalogue() {
    const response = await api('/api/services');
    services = response.ok ? await response.json() : [];
    const promises = await Promise.all(services.map(s => promise(s.code)));
    o.fill($('services'), services.map((s, i) => el('section', { class: 'card' },
      el('h2', { text: pick(s.name) }),
      el('p', { class: 'muted', text: s.description || '' }),
      el('dl', { class: 'facts' },
        el('dt', { text: t('fee') }), el('dd', { text: money(s.fee) }),
        el('dt', { text: t('expected') }), el('dd', { text: t('sla', { n: o.number(s.slaWorkingDays) })
          + (promises[i] ? ', ' + t('expectedBy', { date: date(promises[i].expectedCompletion) }) : '') }),
        el('dt', { text: t('documentsNeeded') }), el('dd', { text: s.documents.map(d => pick(d.label)).join(', ') })),
      el('button', { type: 'button', 'data-service': s.code, text: t('choose') + ': ' + pick(s.name) }))));
    $('services').querySelectorAll('button[data-service]').forEach(b =>
      b.addEventListener('click', () => open(services.find(s => s.code === b.dataset.service))));
  }

  // ---- the form the catalogue describes -----------------------------------------------------------------------
  const id = path => 'f-' + path.replace(/\./g, '-');

  function field(path, label, input, hint, mandatory) {
    input.id = id(path);
    input.name = path;
    const hintId = id(path) + '-hint';
    const errorId = id(path) + '-error';
    input.setAttribute('aria-describedby', (hint ? hintId + ' ' : '') + errorId);
    if (mandatory) { input.required = true; }
    return el('div', { class: 'field' },
      el('label', { for: input.id }, label, ' ',
        el('span', { class: 'hint', id: hintId, text: [hint, mandatory ? t('required') : t('optional')].filter(Boolean).join(' · ') })),
      input, el('span', { class: 'error', id: errorId }));
  }

  function input(attrs) { return el('input', Object.assign({ autocomplete: 'off' }, attrs)); }

  function select(options, value) {
    const s = el('select', {});
    options.forEach(([v, label]) => s.append(el('option', { value: v, text: label, selected: v === value })));
    return s;
  }

  function open(service) {
    chosen = service;
    $('catalogue').hidden = true;
    $('receipt').hidden = true;
    $('filing-section').hidden = false;
    $('filing-title').textContent = pick(service.name);
    $('filing-facts').textContent = t('fee') + ': ' + money(service.fee) + ' · ' + t('sla', { n: o.number(service.slaWorkingDays) });
    const form = $('filing');
    o.fill(form,
      el('fieldset', {}, el('legend', { text: t('applicant') }),
        field('applicant.name', t('name'), input({ autocomplete: 'name', maxlength: 200 }), null, true),
        field('applicant.nationalId', t('nationalId'), input({ inputmode: 'numeric', pattern: '\\d{10}|\\d{13}|\\d{17}' }), t('nationalIdHint'), true),
        field('applicant.phone', t('phone'), input({ type: 'tel', autocomplete: 'tel', pattern: '(\\+?880|0)1[3-9]\\d{8}',
          value: portal ? signedIn.user : null, readonly: portal }), t('phoneHint'), true),
        field('applicant.email', t('email'), input({ type: 'email', autocomplete: 'email' }), null, false),
        field('applicant.district', t('district'), input({}), null, true),
        field('applicant.language', t('language'), select([['bn', 'বাংলা'], ['en', 'English']], o.lang), null, true),
        portal ? null : field('channel', t('channel'),
          select(['counter', 'call-centre', 'social-media'].map(c => [c, t(c)]), 'counter'), null, true)),
      service.priorities.length ? el('fieldset', {}, el('legend', { text: t('priority') }),
        field('priority', t('priority'), select([['', t('noPriority')]].concat(service.priorities.map(p =>
          [p.code, pick(p.label) + ' — ' + t('sla', { n: o.number(p.slaWorkingDays) })])), ''), null, false)) : null,
      el('fieldset', {}, el('legend', { text: t('details') }), service.fields.map(f => {
        let control;
        if (f.type === 'choice') {
          control = select([['', '—']].concat(f.values.map(v => [v, f.valueLabels[v] ? pick(f.valueLabels[v]) : v])), '');
        } else {
          control = input({ type: f.type === 'number' ? 'number' : f.type === 'date' ? 'date' : 'text',
            step: f.type === 'number' ? 'any' : null, pattern: f.pattern || null, min: f.type === 'number' ? 0 : null });
        }
        return field('fields.' + f.name, pick(f.label), control, f.help ? pick(f.help) : null, f.required);
      })),
      portal && Number(service.fee.amount) > 0 ? el('fieldset', {}, el('legend', { text: t('payment') + ': ' + money(service.fee) }),
        el('p', { class: 'hint', text: t('payAtCentre') + (service.fee.payBeforeProcessing ? ' ' + t('payFirst') : '') })) : null,
      !portal && Number(service.fee.amount) > 0 ? el('fieldset', {}, el('legend', { text: t('payment') + ': ' + money(service.fee) }),
        service.fee.payBeforeProcessing ? el('p', { class: 'hint', text: t('payFirst') }) : null,
        field('payment.method', t('paidBy'), select([['', t('notPaid')], ['cash', t('cash')],
          ['e-challan', t('e-challan')], ['mobile', t('mobile')]], ''), null, false),
        field('payment.reference', t('reference'), input({ pattern: '[A-Za-z0-9/-]{3,40}' }), null, false),
        field('payment.amount', t('amount'), input({ type: 'number', step: 'any', min: 0, value: service.fee.amount }),
          service.fee.currency, false)) : null,
      el('fieldset', {}, el('legend', { text: t('documents') }), service.documents.map(d => {
        const types = d.mediaTypes.map(m => m.split('/')[1].toUpperCase()).join(', ');
        const control = input({ type: 'file', accept: d.mediaTypes.join(',') });
        control.dataset.max = d.maxSize;
        control.dataset.types = d.mediaTypes.join(',');
        return field('documents.' + d.kind, pick(d.label), control, t('allowed', { types, size: size(d.maxSize) }), d.mandatory);
      })),
      el('p', { id: 'filing-error', class: 'error', role: 'alert' }),
      el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'file', text: t('file') }),
        el('button', { type: 'button', class: 'secondary', id: 'back', text: t('back') })));
    $('back').addEventListener('click', showCatalogue);
    const priority = $(id('priority'));
    if (priority) {
      priority.addEventListener('change', async () => {
        const p = await promise(service.code, priority.value);
        if (p) { $('filing-facts').textContent = t('fee') + ': ' + money(service.fee) + ' · ' + t('sla', { n: o.number(p.slaWorkingDays) }) + ', ' + t('expectedBy', { date: date(p.expectedCompletion) }); }
      });
    }
    $('filing-title').focus();
  }

  function mark(path, message) {
    const control = $(id(path));
    const error = $(id(path) + '-error');
    if (control) { control.setAttribute('aria-invalid', message ? 'true' : 'false'); }
    if (error) { error.textContent = message || ''; }
    return Boolean(control);
  }

  /** A catalogue pattern is a Java regular expression: one JavaScript cannot read is left to the server. */
  function matches(pattern, value) {
    try {
      return new RegExp('^(?:' + pattern + ')$', 'u').test(value);
    } catch (e) {
      return true;
    }
  }

  /** The server's own checks, as far as the browser can make them; the server checks again. */
  function check(form) {
    const problems = [];
    form.querySelectorAll('input, select, textarea').forEach(c => {
      let code = null;
      if (c.type === 'file') {
        const f = c.files[0];
        if (!f) { code = c.required ? 'document.missing' : null; }
        else if (f.size === 0) { code = 'document.empty'; }
        else if (f.size > Number(c.dataset.max)) { code = 'document.too-large'; }
        else if (f.type && !c.dataset.types.split(',').includes(f.type)) { code = 'document.type-not-allowed'; }
      } else if (c.required && !c.value.trim()) {
        code = 'field.required';
      } else if (c.value && c.pattern && !matches(c.pattern, c.value.trim())) {
        code = 'field.pattern';
      } else if (c.value && c.type === 'number' && Number(c.value) < 0) {
        code = 'field.range';
      }
      if (!code && c.name === 'payment.reference' && $(id('payment.method')).value && !c.value.trim()) {
        code = 'field.required';
      }
      mark(c.name, code ? t(code) : '');
      if (code) { problems.push(c); }
    });
    return problems;
  }

  async function file(event) {
    event.preventDefault();
    const form = $('filing');
    const problems = check(form);
    if (problems.length) {
      $('filing-error').textContent = t('problems', { n: o.number(problems.length) });
      problems[0].focus();
      return;
    }
    const value = name => { const c = $(id(name)); return c && c.value.trim() ? c.value.trim() : null; };
    const fields = {};
    chosen.fields.forEach(f => {
      const v = value('fields.' + f.name);
      if (v !== null) { fields[f.name] = f.type === 'number' ? Number(v) : v; }
    });
    const method = value('payment.method');
    const payment = method ? { method, reference: value('payment.reference'), amount: Number(value('payment.amount')) } : null;
    const request = { serviceCode: chosen.code, priority: value('priority'), payment, channel: value('channel'),
      applicant: { name: value('applicant.name'), nationalId: value('applicant.nationalId'),
        phone: value('applicant.phone'), email: value('applicant.email'), district: value('applicant.district'),
        language: value('applicant.language') }, fields };
    const body = new FormData();
    body.append('request', new Blob([JSON.stringify(request)], { type: 'application/json' }));
    chosen.documents.forEach(d => { const f = $(id('documents.' + d.kind)).files[0]; if (f) { body.append(d.kind, f, f.name); } });
    $('file').disabled = true;
    $('file').textContent = t('filing');
    const response = await api(portal ? '/api/portal/requests' : '/api/requests', { method: 'POST', body }).catch(() => null);
    $('file').disabled = false;
    $('file').textContent = t('file');
    if (!response) { $('filing-error').textContent = t('failed'); return; }
    const answer = await response.json().catch(() => ({}));
    if (response.status === 201) { await receipt(answer); return; }
    if (response.status === 401) { await session(); return; }
    const errors = answer.errors || [];
    errors.forEach(e => mark(e.path, t(e.code) === e.code ? e.message : t(e.code) + ' ' + e.message));
    $('filing-error').textContent = errors.length ? t('problems', { n: o.number(errors.length) }) : (answer.detail || t('failed'));
    const first = errors.map(e => $(id(e.path))).find(Boolean);
    if (first) { first.focus(); }
  }

  // ---- the receipt --------------------------------------------------------------------------------------------
  function manifestOf(signed) {
    const bytes = Uint8Array.from(atob(signed.manifest), c => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  }

  /** The offices the routing chose: it runs just after filing, so the receipt asks for a few seconds. */
  async function offices(filed) {
    for (let attempt = 0; attempt < 6; attempt++) {
      const tracked = await api('/api/track/' + encodeURIComponent(filed.trackingNumber) + '?code='
        + encodeURIComponent(filed.trackingCode) + '&lang=' + o.lang);
      const legs = tracked.ok ? (await tracked.json()).legs : [];
      if (legs.length) { return legs; }
      await new Promise(resolve => setTimeout(resolve, 500));
    }
    return [];
  }

  async function receipt(filed) {
    lastReceipt = filed;
    const manifest = manifestOf(filed.receipt);
    const payload = manifest.payload;
    const link = location.origin + '/track.html?n=' + encodeURIComponent(filed.trackingNumber)
      + '&c=' + encodeURIComponent(filed.trackingCode);
    const qr = qrcode(0, 'M');
    qr.addData(link);
    qr.make();
    const legs = await offices(filed);
    const signed = new Blob([JSON.stringify(filed.receipt, null, 2)], { type: 'application/json' });
    $('filing-section').hidden = true;
    const section = $('receipt');
    section.hidden = false;
    o.fill(section,
      el('h2', { id: 'receipt-title', tabindex: '-1', text: t('receiptTitle') + ' — ' + pick(payload.serviceName) }),
      el('div', { class: 'row' },
        el('dl', { class: 'facts' },
          el('dt', { text: t('receiptNumber') }), el('dd', {}, el('strong', { text: filed.trackingNumber })),
          el('dt', { text: t('receiptCode') }), el('dd', {}, el('strong', { text: filed.trackingCode }),
            el('span', { class: 'hint', text: t('receiptCodeHint') })),
          el('dt', { text: t('service') }), el('dd', { text: pick(payload.serviceName) }),
          el('dt', { text: t('fee') }), el('dd', { text: money(payload.fee) + (Number(payload.fee.amount) === 0 ? ''
            : payload.payment ? ' — ' + t('paid') + ': ' + t(payload.payment.method) + ', ' + payload.payment.reference
            : ' — ' + t(payload.awaitingPayment ? 'awaitingPayment' : 'notPaid')) }),
          payload.priority ? [el('dt', { text: t('priorityGiven') }), el('dd', { text: pick(payload.priority.label) })] : null,
          el('dt', { text: t('receivedAt') }), el('dd', { text: date(payload.receivedAt, true) }),
          el('dt', { text: t('expected') }), el('dd', {}, el('strong', { text: date(payload.expectedCompletion) }),
            payload.awaitingPayment ? ' (' + t('ifPaidToday') + ')' : null),
          el('dt', { text: t('offices') }), el('dd', { text: legs.length ? legs.map(l => pick(l.mdaName)).join(', ') : t('officesLater') }),
          el('dt', { text: t('trackAt') }), el('dd', {}, el('a', { href: link, text: location.origin + '/track.html' }))),
        el('img', { src: qr.createDataURL(4, 2), alt: t('qrAlt'), width: qr.getModuleCount() * 4 + 16 })),
      el('div', { class: 'actions no-print' },
        el('button', { type: 'button', id: 'print', text: t('print') }),
        el('a', { class: 'button secondary', id: 'receipt-pdf', href: '/api/track/' + encodeURIComponent(filed.trackingNumber)
          + '/receipt.pdf?code=' + encodeURIComponent(filed.trackingCode) + '&lang=' + o.lang,
          download: 'receipt-' + filed.trackingNumber + '.pdf', text: t('downloadPdf') }),
        el('a', { class: 'button secondary', href: URL.createObjectURL(signed),
          download: 'receipt-' + filed.trackingNumber + '.json', text: t('downloadSigned') }),
        el('button', { type: 'button', class: 'secondary', id: 'another', text: t('another') })));
    $('print').addEventListener('click', () => window.print());
    $('another').addEventListener('click', showCatalogue);
    $('receipt-title').focus();
  }

  function showCatalogue() {
    ['existing', 'receipt', 'filing-section'].forEach(section => { if ($(section)) { $(section).hidden = true; } });
    $('catalogue').hidden = false;
    if (!portal) {
      $('show-new').className = '';
      $('show-existing').className = 'secondary';
    }
  }

  // ---- a filed request: withdraw, answer ----------------------------------------------------------------------
  function showExisting() {
    $('catalogue').hidden = true;
    $('filing-section').hidden = true;
    $('receipt').hidden = true;
    $('existing').hidden = false;
    $('show-new').className = 'secondary';
    $('show-existing').className = '';
    $('find-n').focus();
  }

  async function find(event) {
    if (event) { event.preventDefault(); }
    const number = $('find-n').value.trim();
    const code = $('find-c').value.trim();
    const missing = [['find-n', number], ['find-c', code]].filter(([, v]) => !v);
    ['find-n', 'find-c'].forEach(i => { $(i + '-error').textContent = ''; $(i).setAttribute('aria-invalid', 'false'); });
    missing.forEach(([i]) => { $(i + '-error').textContent = t('field.required'); $(i).setAttribute('aria-invalid', 'true'); });
    if (missing.length) { $(missing[0][0]).focus(); return; }
    const response = await api('/api/track/' + encodeURIComponent(number) + '?code=' + encodeURIComponent(code) + '&lang=' + o.lang);
    $('find-error').textContent = response.ok ? '' : t('notFound');
    if (!response.ok) { o.fill($('found')); return; }
    const status = await response.json();
    const open = status.questions.filter(q => !q.answeredAt);
    const ended = Boolean(status.endedAt);
    o.fill($('found'),
      el('h2', { text: status.trackingNumber + ' — ' + pick(status.serviceName) }),
      el('p', {}, t('state') + ': ', el('strong', { text: status.stateText })),
      ended ? el('p', { text: t('ended') }) : null,
      ended ? null : open.map(q => el('form', { class: 'card answer', 'data-question': q.id },
        el('h3', { text: t('question', { mda: pick((status.legs.find(l => l.mdaCode === q.mdaCode) || {}).mdaName) || q.mdaCode }) }),
        el('p', { text: q.question }),
        el('label', { for: 'answer-' + q.id, text: t('answerText') }),
        el('textarea', { id: 'answer-' + q.id, rows: 3 }),
        (q.documents || []).map(kind => [el('label', { for: 'answer-' + q.id + '-' + kind, text: t('answerDocs') + ': ' + kind }),
          el('input', { type: 'file', id: 'answer-' + q.id + '-' + kind, 'data-kind': kind })]),
        el('p', { class: 'error', role: 'alert' }),
        el('div', { class: 'actions' }, el('button', { type: 'submit', text: t('answer') })))),
      !ended && status.fee && Number(status.fee.amount) > 0 && !status.payment ? el('form', { class: 'card', id: 'pay' },
        el('h3', { text: t('recordPayment') + ': ' + money(status.fee) }),
        status.fee.payBeforeProcessing ? el('p', { class: 'hint', text: t('payFirst') }) : null,
        field('paid.method', t('paidBy'), select([['cash', t('cash')], ['e-challan', t('e-challan')],
          ['mobile', t('mobile')]], 'cash'), null, true),
        field('paid.reference', t('reference'), input({ pattern: '[A-Za-z0-9/-]{3,40}' }), null, true),
        field('paid.amount', t('amount'), input({ type: 'number', step: 'any', min: 0, value: status.fee.amount }),
          status.fee.currency, true),
        el('p', { id: 'pay-error', class: 'error', role: 'alert' }),
        el('div', { class: 'actions' }, el('button', { type: 'submit', text: t('record') }))) : null,
      ended ? null : el('form', { class: 'card', id: 'withdraw' },
        el('h3', { text: t('withdraw') }),
        el('label', { for: 'withdraw-reason', text: t('reason') }),
        el('textarea', { id: 'withdraw-reason', rows: 2, required: true, 'aria-describedby': 'withdraw-error' }),
        el('p', { id: 'withdraw-error', class: 'error', role: 'alert' }),
        el('div', { class: 'actions' }, el('button', { type: 'submit', text: t('withdrawConfirm') }))),
      status.legs.some(l => l.state !== 'PLANNED') ? el('form', { class: 'card', id: 'grieve' },
        el('h3', { text: t('grievanceTitle') }), el('p', { class: 'hint', text: t('grievanceHint') }),
        field('grievance.channel', t('channel'), select(['counter', 'call-centre', 'social-media'].map(c => [c, t(c)]),
          'counter'), null, true),
        field('grievance.mdaCode', t('grievanceOffice'), select(status.legs.filter(l => l.state !== 'PLANNED')
          .map(l => [l.mdaCode, pick(l.mdaName) || l.mdaCode]), null), null, true),
        field('grievance.complaint', t('complaint'), el('textarea', { rows: 3, maxlength: 4000 }), null, true),
        el('p', { id: 'grieve-error', class: 'error', role: 'alert' }),
        el('div', { class: 'actions' }, el('button', { type: 'submit', text: t('grievanceTitle') }))) : null,
      el('div', { id: 'notice' }));
    if ($('grieve')) { $('grieve').addEventListener('submit', e => grieve(e, number)); }
    document.querySelectorAll('form.answer').forEach(f => f.addEventListener('submit', e => answer(e, f, number, code)));
    if ($('withdraw')) { $('withdraw').addEventListener('submit', e => withdraw(e, number, code)); }
    if ($('pay')) { $('pay').addEventListener('submit', e => pay(e, number)); }
  }

  async function grieve(event, number) {
    event.preventDefault();
    const problems = check($('grieve'));
    if (problems.length) { problems[0].focus(); return; }
    const value = name => $(id('grievance.' + name)).value.trim();
    const body = new FormData();
    body.append('grievance', new Blob([JSON.stringify({ channel: value('channel'), mdaCode: value('mdaCode'),
      complaint: value('complaint') })], { type: 'application/json' }));
    const response = await api('/api/requests/' + encodeURIComponent(number) + '/grievances', { method: 'POST', body })
      .catch(() => null);
    const entered = response ? await response.json().catch(() => ({})) : {};
    if (!response || !response.ok) { $('grieve-error').textContent = response ? problemText(entered) : t('failed'); return; }
    await find();
    o.fill($('notice'), el('p', { role: 'status', text: t('grievanceEntered') }));
  }

  async function pay(event, number) {
    event.preventDefault();
    const form = $('pay');
    const problems = check(form);
    if (problems.length) { problems[0].focus(); return; }
    const value = name => $(id('paid.' + name)).value.trim();
    const response = await api('/api/requests/' + encodeURIComponent(number) + '/payment', { method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ method: value('method'), reference: value('reference'), amount: Number(value('amount')) }) })
      .catch(() => null);
    const paid = response ? await response.json().catch(() => ({})) : {};
    if (!response || !response.ok) {
      const words = e => (t(e.code) === e.code ? e.message : t(e.code));
      (paid.errors || []).forEach(e => mark(e.path.replace(/^payment/, 'paid'), words(e)));
      $('pay-error').textContent = paid.errors ? paid.errors.map(words).join(' ')
        : t(paid.code) !== paid.code ? t(paid.code) : paid.detail || t('failed');
      return;
    }
    await find();
    o.fill($('notice'), el('p', { role: 'status', text: t('paymentRecorded', { date: date(paid.expectedCompletion) }) }),
      el('a', { class: 'button secondary', download: 'payment-' + paid.trackingNumber + '.json', text: t('paymentReceipt'),
        href: URL.createObjectURL(new Blob([JSON.stringify(paid.receipt, null, 2)], { type: 'application/json' })) }));
  }

  function notice(changed, message) {
    o.fill($('notice'), el('p', { role: 'status', text: message }),
      changed.notice ? el('a', { class: 'button secondary', download: 'notice-' + changed.trackingNumber + '.json',
        href: URL.createObjectURL(new Blob([JSON.stringify(changed.notice, null, 2)], { type: 'application/json' })),
        text: t('notice') }) : null);
  }

  async function withdraw(event, number, code) {
    event.preventDefault();
    const reason = $('withdraw-reason').value.trim();
    if (!reason) { $('withdraw-error').textContent = t('field.required'); $('withdraw-reason').focus(); return; }
    const response = await api('/api/requests/' + encodeURIComponent(number) + '/withdrawal', { method: 'POST',
      headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ trackingCode: code, reason }) });
    const changed = await response.json().catch(() => ({}));
    if (!response.ok) { $('withdraw-error').textContent = changed.detail || t('failed'); return; }
    await find();
    notice(changed, t('withdrawn'));
  }

  async function answer(event, form, number, code) {
    event.preventDefault();
    const question = form.dataset.question;
    const body = new FormData();
    body.append('answer', new Blob([JSON.stringify({ trackingCode: code, informationRequestId: question,
      text: form.querySelector('textarea').value.trim() || null })], { type: 'application/json' }));
    form.querySelectorAll('input[type=file]').forEach(i => { if (i.files[0]) { body.append(i.dataset.kind, i.files[0], i.files[0].name); } });
    const response = await api('/api/requests/' + encodeURIComponent(number) + '/information', { method: 'POST', body });
    const changed = await response.json().catch(() => ({}));
    if (!response.ok) {
      form.querySelector('.error').textContent = (changed.errors || []).map(e => e.message).join(' ') || changed.detail || t('failed');
      return;
    }
    await find();
    notice(changed, t('answered'));
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('logout').addEventListener('click', logout);
    $('filing').addEventListener('submit', file);
    if (portal) {
      $('code-form').addEventListener('submit', sendCode);
      $('login-form').addEventListener('submit', portalLogin);
      $('other-number').addEventListener('click', otherNumber);
    } else {
      $('login-form').addEventListener('submit', login);
      $('find').addEventListener('submit', find);
      $('show-new').addEventListener('click', showCatalogue);
      $('show-existing').addEventListener('click', showExisting);
    }
    o.onChange(() => {
      session();
      if (chosen && !$('filing-section').hidden) { open(chosen); }
      if (lastReceipt && !$('receipt').hidden) { receipt(lastReceipt); }
    });
    session();
  });
})();
