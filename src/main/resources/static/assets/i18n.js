// The language switch of OneDoor's citizen and counter pages: English or Bangla, remembered on this device.
// A page gives its words in window.WORDS = {en: {...}, bn: {...}}; elements name theirs with data-t="key" (text)
// or data-t-placeholder / data-t-aria-label (attributes); onedoor.t(key) gives one in code.
(function () {
  const KEY = 'onedoor.lang';
  const fromUrl = new URLSearchParams(location.search).get('lang');
  let lang = fromUrl === 'bn' || fromUrl === 'en' ? fromUrl
    : localStorage.getItem(KEY) || ((navigator.language || '').toLowerCase().startsWith('bn') ? 'bn' : 'en');
  const listeners = [];

  function t(key, values) {
    const words = (window.WORDS && window.WORDS[lang]) || {};
    let text = words[key] !== undefined ? words[key] : (window.WORDS.en[key] || key);
    Object.entries(values || {}).forEach(([k, v]) => { text = text.split('{' + k + '}').join(v); });
    return text;
  }

  function apply() {
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-t]').forEach(e => { e.textContent = t(e.dataset.t); });
    document.querySelectorAll('[data-t-placeholder]').forEach(e => { e.placeholder = t(e.dataset.tPlaceholder); });
    document.querySelectorAll('[data-t-aria-label]').forEach(e => e.setAttribute('aria-label', t(e.dataset.tAriaLabel)));
    const toggle = document.getElementById('lang');
    if (toggle) {
      toggle.textContent = lang === 'en' ? 'বাংলা' : 'English';
      toggle.lang = lang === 'en' ? 'bn' : 'en';
      toggle.setAttribute('aria-label', lang === 'en' ? 'বাংলায় দেখুন' : 'Show in English');
    }
    if (window.WORDS && window.WORDS[lang].title) {
      document.title = window.WORDS[lang].title;
    }
  }

  function set(next) {
    lang = next;
    localStorage.setItem(KEY, lang);
    apply();
    listeners.forEach(f => f(lang));
  }

  /** A localized name from the API ({en, bn}), in the page's language. */
  function pick(name) {
    return name ? (name[lang] || name.en) : '';
  }

  /** A date (yyyy-mm-dd) or an instant, as people read it in the page's language. */
  function date(value, withTime) {
    if (!value) { return ''; }
    const d = value.length === 10 ? new Date(value + 'T00:00:00') : new Date(value);
    const options = withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'long' };
    return new Intl.DateTimeFormat(lang === 'bn' ? 'bn-BD' : 'en-GB', options).format(d);
  }

  /** A count in the page's language's digits. */
  function number(n) {
    return new Intl.NumberFormat(lang === 'bn' ? 'bn-BD' : 'en-GB').format(n);
  }

  /** A node with text, never HTML: what the API returns is shown, not interpreted. */
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (v === null || v === undefined || v === false) { return; }
      if (k === 'text') { e.textContent = v; } else { e.setAttribute(k, v === true ? '' : v); }
    });
    return fill(e, children, true);
  }

  /** Puts the children (nested lists flattened, nulls left out) into the element, after what it has or instead. */
  function fill(e, children, keep) {
    if (!keep) { e.replaceChildren(); }
    children.flat(Infinity).forEach(c => { if (c !== null && c !== undefined && c !== false) { e.append(c); } });
    return e;
  }

  /** The CSRF header a change needs when this browser holds a OneDoor session (the token is in a cookie). */
  function csrf() {
    const cookie = document.cookie.split('; ').find(c => c.startsWith('ONEDOOR-XSRF-TOKEN='));
    return cookie ? { 'X-ONEDOOR-XSRF-TOKEN': decodeURIComponent(cookie.split('=')[1]) } : {};
  }

  /** A call to OneDoor's API from a page: the session's cookie and, for a change, its CSRF token. */
  function api(path, options) {
    const init = Object.assign({ credentials: 'same-origin' }, options || {});
    init.headers = Object.assign({ Accept: 'application/json' }, csrf(), init.headers || {});
    return fetch(path, init);
  }

  /** The staff pages' sign-in (a session, a new CSRF token): '' when signed in, else what to tell the user. */
  async function signIn(username, password, failed) {
    await api('/api/session'); // a fresh CSRF token for this session
    const response = await api('/api/session', { method: 'POST', body: new URLSearchParams({ username, password }) });
    if (response.status === 204) { return ''; }
    const problem = await response.json().catch(() => ({}));
    return problem.code === 'auth.locked' ? problem.detail : failed;
  }

  window.onedoor = { t, set, pick, date, number, el, csrf, api, signIn, fill: (e, ...children) => fill(e, children, false), get lang() { return lang; }, onChange: f => listeners.push(f) };
  document.addEventListener('DOMContentLoaded', () => {
    apply();
    const toggle = document.getElementById('lang');
    if (toggle) { toggle.addEventListener('click', () => set(lang === 'en' ? 'bn' : 'en')); }
  });
})();
