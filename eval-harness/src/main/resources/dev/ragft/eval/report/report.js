(function () {
  'use strict';
  var cases = Array.prototype.slice.call(document.querySelectorAll('section.case'));
  var nav = document.getElementById('case-nav');
  var count = document.getElementById('case-count');
  var position = document.getElementById('case-position');
  var groupFilter = document.getElementById('filter-group');
  var setupFilter = document.getElementById('filter-setup');
  var outcomeFilter = document.getElementById('filter-outcome');
  var search = document.getElementById('filter-text');
  var current = -1;
  if (!nav || !count) {
    return;
  }
  var list = document.createElement('ol');
  cases.forEach(function (section, i) {
    var item = document.createElement('li');
    var link = document.createElement('a');
    link.href = '#' + section.id;
    link.textContent = section.getAttribute('data-case');
    link.title = section.getAttribute('data-group-text');
    item.appendChild(link);
    item.setAttribute('data-index', String(i));
    list.appendChild(item);
  });
  nav.appendChild(list);

  function matches(section) {
    var group = groupFilter.value;
    if (group && section.getAttribute('data-group') !== group) {
      return false;
    }
    var setup = setupFilter.value;
    var outcome = outcomeFilter.value;
    if (setup && outcome) {
      var names = (section.getAttribute('data-' + outcome) || '').split(' ');
      if (names.indexOf(setup) < 0) {
        return false;
      }
    }
    var text = search.value.trim().toLowerCase();
    return !text || section.textContent.toLowerCase().indexOf(text) >= 0;
  }

  function apply() {
    var shown = 0;
    cases.forEach(function (section, i) {
      var ok = matches(section);
      section.hidden = !ok;
      list.children[i].hidden = !ok;
      shown += ok ? 1 : 0;
    });
    count.textContent = 'Showing ' + shown + ' of ' + cases.length + ' cases';
  }

  function select(i) {
    if (current >= 0) {
      cases[current].classList.remove('current');
      list.children[current].classList.remove('current');
    }
    current = i;
    cases[i].classList.add('current');
    list.children[i].classList.add('current');
    position.textContent = 'Case ' + (i + 1) + ' of ' + cases.length + ': '
        + cases[i].getAttribute('data-case');
  }

  function step(direction) {
    var i = current;
    for (var tries = 0; tries < cases.length; tries++) {
      i = (i + direction + cases.length) % cases.length;
      if (!cases[i].hidden) {
        select(i);
        location.hash = cases[i].id;
        return;
      }
    }
  }

  function fromHash() {
    var id = decodeURIComponent(location.hash.replace(/^#/, ''));
    for (var i = 0; i < cases.length; i++) {
      if (cases[i].id === id) {
        select(i);
        return;
      }
    }
  }

  [groupFilter, setupFilter, outcomeFilter].forEach(function (control) {
    control.addEventListener('change', apply);
  });
  search.addEventListener('input', apply);
  document.getElementById('case-prev').addEventListener('click', function () { step(-1); });
  document.getElementById('case-next').addEventListener('click', function () { step(1); });
  var expand = document.getElementById('case-expand');
  function expanding(open) {
    expand.setAttribute('aria-pressed', open ? 'true' : 'false');
    document.querySelectorAll('section.case details').forEach(function (d) { d.open = open; });
  }
  expand.addEventListener('click', function () {
    expanding(expand.getAttribute('aria-pressed') !== 'true');
  });
  var present = document.getElementById('case-present');
  function presenting(on) {
    document.body.classList.toggle('present', on);
    present.setAttribute('aria-pressed', on ? 'true' : 'false');
  }
  present.addEventListener('click', function () {
    presenting(!document.body.classList.contains('present'));
  });
  document.addEventListener('keydown', function (event) {
    var tag = (event.target.tagName || '').toLowerCase();
    if (tag === 'input' || tag === 'select' || event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    if (event.key === 'j' || event.key === 'n') {
      step(1);
    } else if (event.key === 'k' || event.key === 'p') {
      step(-1);
    }
  });
  window.addEventListener('hashchange', fromHash);
  var preset = {};
  location.search.replace(/^\?/, '').split('&').forEach(function (pair) {
    var at = pair.indexOf('=');
    if (at > 0) {
      preset[decodeURIComponent(pair.slice(0, at))] = decodeURIComponent(pair.slice(at + 1).replace(/\+/g, ' '));
    }
  });
  if (preset.group) { groupFilter.value = preset.group; }
  if (preset.setup) { setupFilter.value = preset.setup; }
  if (preset.outcome) { outcomeFilter.value = preset.outcome; }
  if (preset.q) { search.value = preset.q; }
  if (preset.view === 'present') { presenting(true); }
  if (preset.expand === '1') { expanding(true); }
  apply();
  if (location.hash) {
    fromHash();
  } else if (cases.length > 0) {
    select(0);
  }
  document.body.setAttribute('data-ready', 'true');
})();
