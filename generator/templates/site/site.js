// mgkit reference site: fills the module sidebar, runs search over a module's index, turns
// code groups into tabs. Loaded by every page; the sidebar and index load only when needed.
(() => {
  'use strict';
  const body = document.body;
  const siteRoot = body.dataset.siteRoot || './';
  const currentModule = body.dataset.module;
  const moduleRoot = body.dataset.moduleRoot || './';

  // The index's own word split (generator/src/site/words.ts), put here when the site is built.
  const searchWords = SEARCH_WORDS_FUNCTION;

  function withWordBreaks(element, text) {
    text.split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[-_.])/).forEach((part, index) => {
      if (index > 0) element.appendChild(document.createElement('wbr'));
      element.appendChild(document.createTextNode(part));
    });
  }

  async function fillSidebar() {
    const nav = document.getElementById('sidebar');
    if (!nav || !currentModule) return;
    const sections = await (await fetch(`${moduleRoot}sidebar.json`)).json();
    const here = new URL(location.href).pathname;
    for (const section of sections) {
      const only = section.items.length === 1 ? section.items[0] : undefined;
      if (only && only.text === section.text) {
        // a section that is one page (the module's index) is a plain link
        const link = document.createElement('a');
        link.href = `${moduleRoot}${only.href}`;
        link.className = 'sidebar-top';
        link.textContent = only.text;
        if (new URL(link.href).pathname === here) link.setAttribute('aria-current', 'page');
        nav.appendChild(link);
        continue;
      }
      const details = document.createElement('details');
      const summary = document.createElement('summary');
      summary.textContent = section.text;
      details.appendChild(summary);
      const list = document.createElement('ul');
      for (const item of section.items) {
        const link = document.createElement('a');
        link.href = `${moduleRoot}${item.href}`;
        withWordBreaks(link, item.text);
        if (new URL(link.href).pathname === here) {
          link.setAttribute('aria-current', 'page');
          details.open = true;
        }
        const entry = document.createElement('li');
        entry.appendChild(link);
        list.appendChild(entry);
      }
      details.appendChild(list);
      if (section.items.length <= 1) details.open = true;
      nav.appendChild(details);
    }
  }

  const indexes = new Map();
  function loadIndex(module) {
    if (!indexes.has(module)) {
      const options = { fields: ['title', 'headings', 'summary'], storeFields: ['title', 'kind'], tokenize: searchWords };
      indexes.set(
        module,
        fetch(`${siteRoot}${module}/search.json`)
          .then((response) => response.text())
          .then((json) => MiniSearch.loadJSON(json, options)),
      );
    }
    return indexes.get(module);
  }

  async function setUpSearch() {
    const input = document.getElementById('search-input');
    const select = document.getElementById('search-module');
    const results = document.getElementById('search-results');
    if (!input || !select || !results) return;
    const modules = await (await fetch(`${siteRoot}modules.json`)).json();
    for (const module of modules) {
      const option = document.createElement('option');
      option.value = module.name;
      option.textContent = module.title.replace(/ reference$/, '');
      select.appendChild(option);
    }
    if (currentModule) select.value = currentModule;
    let pending = 0;
    const run = async () => {
      const query = input.value.trim();
      const ticket = ++pending;
      if (!query) {
        results.hidden = true;
        results.replaceChildren();
        return;
      }
      const module = select.value;
      const index = await loadIndex(module);
      if (ticket !== pending) return;
      const hits = index.search(query, {
        prefix: true,
        combineWith: 'AND',
        boost: { title: 4, headings: 1.5 },
        // an operation's page is the answer to "how do I call X"; its cmdlet, command and builder pages follow
        boostDocument: (_id, _term, stored) => (stored && stored.kind === 'operations' ? 3 : 1),
      });
      const base = module === currentModule ? moduleRoot : `${siteRoot}${module}/`;
      results.replaceChildren(
        ...hits.slice(0, 20).map((hit) => {
          const item = document.createElement('li');
          const link = document.createElement('a');
          link.className = 'search-result';
          link.href = `${base}${hit.id}`;
          withWordBreaks(link, hit.title);
          const kind = document.createElement('small');
          kind.textContent = ` ${hit.kind}`;
          item.append(link, kind);
          return item;
        }),
      );
      if (hits.length === 0) {
        const none = document.createElement('li');
        none.textContent = 'No results in this module.';
        results.appendChild(none);
      }
      results.hidden = false;
    };
    input.addEventListener('input', run);
    select.addEventListener('change', run);
    input.addEventListener('keydown', (event) => {
      const first = results.querySelector('a');
      if (event.key === 'Enter' && first) location.href = first.href;
    });
  }

  function codeGroupsAsTabs() {
    for (const group of document.querySelectorAll('.code-group')) {
      const figures = [...group.querySelectorAll(':scope > figure')];
      if (figures.length < 2) continue;
      const tabs = document.createElement('div');
      tabs.className = 'tabs';
      tabs.setAttribute('role', 'tablist');
      figures.forEach((figure, index) => {
        const button = document.createElement('button');
        button.type = 'button';
        button.setAttribute('role', 'tab');
        button.textContent = figure.querySelector('figcaption')?.textContent || `Tab ${index + 1}`;
        button.addEventListener('click', () => select(index));
        tabs.appendChild(button);
      });
      const select = (chosen) => {
        figures.forEach((figure, index) => (figure.hidden = index !== chosen));
        [...tabs.children].forEach((button, index) => button.setAttribute('aria-selected', String(index === chosen)));
      };
      group.prepend(tabs);
      select(0);
    }
  }

  codeGroupsAsTabs();
  fillSidebar().catch(() => {});
  setUpSearch().catch(() => {});
})();
