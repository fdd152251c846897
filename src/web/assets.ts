// The stylesheet and the little script of the practice channel (served by the server; no inline code,
// so the Content-Security-Policy can forbid any). Everything works without the script: it only swaps
// a card in place when the server says it changed (server-sent events).

export const CSS = `
:root { --ink: #1d2330; --muted: #5a6272; --line: #d5d9e0; --bg: #f5f6f8; --card: #ffffff; --accent: #0b5cad; --accent-ink: #ffffff;
  --danger: #a4262c; --ok: #146c2e; --warn-bg: #fff4ce; --warn-line: #c19c00; --focus: #ffbf47; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink); background: var(--bg); }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; box-shadow: 0 0 0 5px var(--ink); }
.skip { position: absolute; left: -9999px; top: 0; background: var(--card); padding: .5rem 1rem; z-index: 10; }
.skip:focus { left: 1rem; }
.banner { background: var(--warn-bg); border-bottom: 2px solid var(--warn-line); padding: .5rem 1rem; font-size: .95rem; }
.banner p { margin: 0; display: inline; }
.banner .en { display: inline; margin-left: .5rem; }
.en { color: var(--muted); font-size: .9em; }
.top { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1.5rem; padding: .75rem 1rem; background: var(--card); border-bottom: 1px solid var(--line); }
.brand { margin: 0; font-size: 1.1rem; }
.brand span { color: var(--muted); }
.who { display: flex; align-items: center; gap: .5rem; margin: 0; }
.top nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1rem; margin: 0; padding: 0; }
.top nav a { text-decoration: none; padding: .25rem 0; }
.top nav a[aria-current="page"] { font-weight: 700; border-bottom: 3px solid var(--accent); }
.top nav .en, .who .en { display: none; }
main { max-width: 62rem; margin: 0 auto; padding: 1rem 1rem 4rem; }
main:focus { outline: none; }
h1 { font-size: 1.6rem; margin: .5rem 0 1rem; }
h2 { font-size: 1.25rem; margin: 1.5rem 0 .75rem; }
h2 .en, h1 .en { font-weight: 400; }
.inline-heading { display: inline; font-size: 1rem; margin: 0 .5rem 0 0; }
.inline-list { display: inline; list-style: none; padding: 0; margin: 0; }
.inline-list li { display: inline; }
.inline-list li + li::before { content: " · "; color: var(--muted); }
.you { color: var(--muted); }
button, .button { display: inline-block; font: inherit; font-size: .95rem; line-height: 1.2; padding: .5rem .85rem; border-radius: 6px; border: 1px solid #8a93a3;
  background: var(--card); color: var(--ink); text-decoration: none; cursor: pointer; }
button .en, .button .en { font-size: .8em; color: inherit; opacity: .8; }
.primary { background: var(--accent); border-color: var(--accent); color: var(--accent-ink); }
.danger { background: var(--card); border-color: var(--danger); color: var(--danger); }
.small { padding: .25rem .6rem; font-size: .85rem; }
form.inline { display: inline; margin: 0; }
input[type="text"], textarea, select { font: inherit; padding: .45rem .6rem; border: 1px solid #7a8394; border-radius: 4px; background: #fff; color: var(--ink); max-width: 100%; }
input[type="text"], textarea { width: 100%; }
input.short { max-width: 14rem; }
input.medium { max-width: 26rem; }
.who select { min-width: 0; }
.role { color: var(--muted); }
select { min-width: 16rem; }
.with-button { display: flex; gap: .5rem; flex-wrap: wrap; align-items: center; }
.with-button input, .with-button select { flex: 1 1 16rem; width: auto; }
.command { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: .75rem 1rem; margin: 1rem 0; }
.command label { font-weight: 600; }
.hint { color: var(--muted); font-size: .9rem; margin: .1rem 0 .35rem; }
.hint p { margin: 0; }
.field { margin: 0 0 1.1rem; border: 0; padding: 0; }
.field > label, .field legend { display: block; font-weight: 600; margin-bottom: .15rem; padding: 0; }
.field label .en, .field legend .en { font-weight: 400; }
.choice { display: flex; gap: .5rem; align-items: baseline; margin: .25rem 0; }
.choice label { font-weight: 400; }
.has-error { border-left: 4px solid var(--danger); padding-left: .75rem; }
.has-error input, .has-error textarea, .has-error select { border: 2px solid var(--danger); }
.error { color: var(--danger); font-weight: 600; margin: .1rem 0 .35rem; }
.error .en { color: var(--danger); font-weight: 400; }
.error-summary { border: 3px solid var(--danger); background: var(--card); padding: .75rem 1rem; margin-bottom: 1.5rem; }
.error-summary h2 { margin-top: 0; font-size: 1.1rem; }
.error-summary a { color: var(--danger); font-weight: 600; }
.error-summary a .en { font-weight: 400; }
.flash:focus, .card:focus, .error-summary:focus { outline: 3px solid var(--focus); outline-offset: 2px; box-shadow: none; }
.card.about { margin-top: 1.5rem; }
.card.about h2 { margin: 0; font-size: 1.1rem; }
.notice { background: #e8f1fb; border-left: 4px solid var(--accent); padding: .5rem .75rem; margin-bottom: 1rem; }
.notice p { margin: .2rem 0; }
.request-form, form[action$="/alternatief"], form[action$="/bezwaar"] { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1.25rem; }
.footer-note { color: var(--muted); font-size: .9rem; }
.buttons { display: flex; gap: .5rem; flex-wrap: wrap; align-items: center; }
.flash { border-radius: 8px; padding: .75rem 1rem; margin-bottom: 1rem; background: var(--card); border: 1px solid var(--line); border-left: 6px solid var(--ok); }
.flash.refused { border-left-color: var(--danger); }
.flash.answer { border-left-color: var(--accent); }
.flash p { margin: .2rem 0; }
.only-you { color: var(--muted); font-size: .85rem; }
.cards { display: grid; gap: 1rem; }
.card { background: var(--card); border: 1px solid var(--line); border-left: 6px solid var(--warn-line); border-radius: 8px; padding: .75rem 1rem; }
.card.status-approved, .card.status-paid { border-left-color: var(--ok); }
.card.status-on_hold { border-left-color: var(--danger); }
.card.status-withdrawn, .card.status-alternative, .card.status-expired, .card.status-not_posted { border-left-color: #8a93a3; }
.card header { display: flex; justify-content: space-between; align-items: baseline; gap: 1rem; flex-wrap: wrap; }
.card h3 { margin: 0; font-size: 1.15rem; }
.when { color: var(--muted); font-size: .85rem; margin: 0; }
.facts { display: grid; grid-template-columns: minmax(9rem, max-content) 1fr; gap: .2rem 1rem; margin: .75rem 0; }
.facts div { display: contents; }
.facts dt { color: var(--muted); }
.facts dt .en { display: none; }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.state p, .notes p { margin: .2rem 0; }
.notes { color: var(--muted); font-size: .9rem; }
.actions { display: flex; flex-wrap: wrap; gap: .5rem; margin: .75rem 0 .25rem; }
.mention { font-weight: 600; color: #3b3f9a; }
.thread { border-top: 1px solid var(--line); margin-top: .75rem; padding-top: .5rem; }
.thread h4 { margin: 0 0 .25rem; font-size: .95rem; }
.thread ol, .messages { list-style: none; margin: 0; padding: 0; }
.thread li, .messages li { border-left: 3px solid var(--line); padding: .25rem .75rem; margin: .5rem 0; }
.thread li p, .messages li p { margin: .1rem 0; }
.thread .en, .messages .en { font-size: .85rem; }
.pager { display: flex; gap: 1.5rem; margin: 1.5rem 0; }
.chart { margin: 0 0 1.5rem; background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: .5rem; }
.chart img { max-width: 100%; height: auto; display: block; }
.chart figcaption { color: var(--muted); font-size: .9rem; padding: .25rem .5rem; }
.digest, .overview { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: .75rem 1.25rem; }
.digest p, .overview p { margin: .35rem 0; }
.month { margin-bottom: 1rem; }
code { background: #eef0f3; padding: 0 .25rem; border-radius: 3px; font-size: .9em; }
@media (max-width: 40rem) { .facts { grid-template-columns: 1fr; } .facts dt { font-weight: 600; } }
`;

export const JS = `
'use strict';
// Live cards: the server names a card that changed; fetch it and swap it in place (focus kept).
(function () {
  var list = document.getElementById('kaarten');
  if (!list || !window.EventSource || !window.fetch) return;
  var events = new EventSource('/gebeurtenissen');
  events.addEventListener('kaart', function (e) {
    var id = String(parseInt(e.data, 10));
    if (id === 'NaN') return;
    fetch('/aanvraag/' + id + '/kaart', { credentials: 'same-origin' }).then(function (res) {
      return res.ok ? res.text() : null;
    }).then(function (html) {
      if (!html) return;
      var tpl = document.createElement('template');
      tpl.innerHTML = html.trim();
      var fresh = tpl.content.firstElementChild;
      if (!fresh) return;
      var old = document.getElementById('aanvraag-' + id);
      var active = document.activeElement;
      var focusKey = old && active && old.contains(active) ? active.getAttribute('data-focus') : null;
      if (old) old.replaceWith(fresh);
      else if (list.getAttribute('data-nieuwste') === 'ja') list.prepend(fresh);
      else return;
      if (focusKey) {
        var again = fresh.querySelector('[data-focus="' + focusKey + '"]');
        if (again) again.focus();
      }
    }).catch(function () {});
  });
})();
`;
