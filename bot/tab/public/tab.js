/*
 * Safeguarding Policy Assistant: personal tab script. Plain browser JavaScript, no build step.
 * The pages are complete without it (server-rendered, forms work by GET); this adds:
 *   - the Teams theme (default, dark, contrast) when running inside Teams, and its changes;
 *   - instant filtering of services by need on the contacts page;
 *   - focus on the section a link lands on, so screen readers start reading there.
 * It never blocks rendering (loaded with defer) and never sends what the user types anywhere.
 */
(function () {
  'use strict';

  var THEMES = ['default', 'dark', 'contrast'];
  var TEAMS_INIT_TIMEOUT_MS = 3000;
  var root = document.documentElement;

  root.classList.add('js');

  function applyTheme(theme) {
    // Teams may report themes this page does not style (e.g. "glass"): use the light theme there.
    root.setAttribute('data-theme', THEMES.indexOf(theme) >= 0 ? theme : 'default');
  }

  // Standalone, a ?theme= parameter can pin a theme; otherwise "auto" follows prefers-color-scheme.
  try {
    var asked = new URLSearchParams(window.location.search).get('theme');
    if (asked && THEMES.indexOf(asked) >= 0) applyTheme(asked);
  } catch (e) {
    /* old browser: keep auto */
  }

  function withTimeout(promise, ms) {
    return new Promise(function (resolve, reject) {
      var timer = setTimeout(function () {
        reject(new Error('Teams did not answer'));
      }, ms);
      promise.then(
        function (v) {
          clearTimeout(timer);
          resolve(v);
        },
        function (err) {
          clearTimeout(timer);
          reject(err);
        },
      );
    });
  }

  function startTeams() {
    var sdk = window.microsoftTeams;
    if (!sdk || !sdk.app || typeof sdk.app.initialize !== 'function') return;
    var init;
    try {
      init = Promise.resolve(sdk.app.initialize());
    } catch (e) {
      return;
    }
    withTimeout(init, TEAMS_INIT_TIMEOUT_MS)
      .then(function () {
        root.setAttribute('data-host', 'teams');
        sdk.app.registerOnThemeChangeHandler(applyTheme);
        return sdk.app.getContext();
      })
      .then(function (context) {
        if (context && context.app && context.app.theme) applyTheme(context.app.theme);
        try {
          sdk.app.notifySuccess();
        } catch (e) {
          /* only needed when the manifest asks for a loading indicator */
        }
      })
      .catch(function () {
        // Not in Teams (or Teams did not answer): the page already works standalone.
        root.setAttribute('data-host', 'browser');
      });
  }

  /* ---------- contacts: filter services by need ---------- */

  function setupNeedFilter() {
    var form = document.querySelector('form.need-filter');
    var list = document.querySelector('.service-list');
    var status = document.getElementById('services-status');
    if (!form || !list || !status) return;
    var boxes = Array.prototype.slice.call(form.querySelectorAll('input[type=checkbox][name=need]'));
    var services = Array.prototype.slice.call(list.querySelectorAll('[data-needs]'));

    function apply() {
      var chosen = boxes
        .filter(function (b) {
          return b.checked;
        })
        .map(function (b) {
          return b.value;
        });
      var shown = 0;
      services.forEach(function (li) {
        var needs = (li.getAttribute('data-needs') || '').split(' ');
        var match =
          chosen.length === 0 ||
          needs.some(function (n) {
            return chosen.indexOf(n) >= 0;
          });
        li.hidden = !match;
        if (match) shown += 1;
      });
      status.textContent = chosen.length === 0 ? 'Showing all ' + services.length + ' services.' : 'Showing ' + shown + ' of ' + services.length + ' services.';
      // Keep the choice in the address, so reload and back keep it (need tags only, never free text).
      try {
        var url = new URL(window.location.href);
        url.searchParams.delete('need');
        chosen.forEach(function (n) {
          url.searchParams.append('need', n);
        });
        window.history.replaceState(null, '', url.pathname + url.search + url.hash);
      } catch (e) {
        /* ignore */
      }
    }

    boxes.forEach(function (b) {
      b.addEventListener('change', apply);
    });
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      apply();
    });
    var clear = form.querySelector('.clear-filter');
    if (clear) {
      clear.setAttribute('role', 'button');
      clear.addEventListener('click', function (ev) {
        ev.preventDefault();
        boxes.forEach(function (b) {
          b.checked = false;
        });
        apply();
        if (boxes[0]) boxes[0].focus();
      });
      clear.addEventListener('keydown', function (ev) {
        if (ev.key === ' ') {
          ev.preventDefault();
          clear.click();
        }
      });
    }
  }

  /* ---------- move focus to the section a link lands on ---------- */

  function focusTarget() {
    var id = window.location.hash.slice(1);
    if (!id) return;
    var el;
    try {
      el = document.getElementById(decodeURIComponent(id));
    } catch (e) {
      el = document.getElementById(id);
    }
    if (!el) return;
    // Already there (the browser focuses an in-page link's target itself, and a keyboard user may
    // have tabbed on into it before this event arrives): leave focus where the user put it.
    if (el === document.activeElement || el.contains(document.activeElement)) return;
    if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: 'start' });
  }

  function ready() {
    setupNeedFilter();
    if (window.location.hash) focusTarget();
    window.addEventListener('hashchange', focusTarget);
    startTeams();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ready);
  else ready();
})();
