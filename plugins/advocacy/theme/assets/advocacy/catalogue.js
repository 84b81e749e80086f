// Advocacy Hub catalogue: search by words and combined filters, in the page's language.
// Progressive enhancement: without this script the page lists the newest cases, links to one static page per
// filter value, and says how to find a case without search.
//
// Filters need no search engine: cases.json (next to the page, a few KB) holds each case's filter values, and
// entries-<n>.json the cases as the plain list shows them, in pieces. A filtered list is the plain list's own
// entries (title, summary, dates, places, outcome, language), newest first. Words go to the Pagefind index of
// the page's language, downloaded only then (with query.js, which writes the words as Pagefind needs them);
// pagefind/<language>/case-ids.json (and each shard's) says which results are cases (listed as entries, by
// relevance) and which are pages of the guides and the manifesto (a group apart, opened on demand). Text from the index goes into
// the page through textContent; entries are the build's own HTML.
const form = document.querySelector("[data-adv-catalogue]");
const results = document.querySelector("[data-adv-results]");
const status = document.querySelector("[data-adv-status]");
const heading = document.querySelector("[data-adv-heading]");
const total = document.querySelector("[data-adv-total]");
const panel = document.getElementById("adv-filters");
const bar = document.querySelector(".adv-catalogue__bar");
const facetLists = panel ? [...panel.querySelectorAll("ul[data-facet]")] : [];
const lang = form?.dataset.advLang || document.documentElement.lang;
// Entries shown at a time, and again at each "Show more".
const STEP = 20;
const here = new URL(".", location.href);
const narrow = matchMedia("(max-width: 44.9375em)");
const text = (key, values = {}) =>
  (form.dataset[key] || "").replace(/\{(\w+)\}/g, (whole, name) => (name in values ? values[name] : whole));
const number = (n) => new Intl.NumberFormat(lang).format(n);

let catalogue = null;
const chunks = new Map();
let engine = null;
let pageResults = [];
let current = [];
let shown = 0;
let run = 0;
let plain = null;

// --- What the reader asks ------------------------------------------------------------------------------

function fromAddress() {
  const params = new URLSearchParams(location.search);
  const filters = {};
  for (const list of facetLists) {
    const values = params.getAll(list.dataset.facet);
    if (values.length) filters[list.dataset.facet] = values;
  }
  return { query: params.get("q") || "", filters };
}

function chosen() {
  const filters = {};
  for (const box of panel.querySelectorAll(".adv-facet input:checked")) {
    (filters[box.dataset.facet] ||= []).push(box.value);
  }
  return filters;
}

function save(query, filters) {
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  for (const [facet, values] of Object.entries(filters)) for (const v of values) params.append(facet, v);
  const search = params.toString();
  history.replaceState(null, "", search ? `?${search}` : location.pathname);
}

// --- Data ----------------------------------------------------------------------------------------------

async function json(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

async function loadCatalogue() {
  if (catalogue) return catalogue;
  const data = await json(new URL("cases.json", here));
  const rows = data.cases.map(([id, positions], order) => {
    const values = {};
    data.facets.forEach((facet, n) => {
      values[facet] = new Set(positions[n].map((p) => data.values[facet][p]));
    });
    return { id, order, values };
  });
  catalogue = { chunk: data.chunk, facets: data.facets, rows, byId: new Map(rows.map((r) => [r.id, r])) };
  return catalogue;
}

// The list entries of some cases, from the pieces of entries that hold them.
async function entriesOf(ids) {
  const numbers = [...new Set(ids.map((id) => Math.floor(catalogue.byId.get(id).order / catalogue.chunk)))];
  await Promise.all(
    numbers.map((n) => {
      if (!chunks.has(n)) chunks.set(n, json(new URL(`entries-${n}.json`, here)));
      return chunks.get(n);
    }),
  );
  const found = await Promise.all(
    ids.map(async (id) => (await chunks.get(Math.floor(catalogue.byId.get(id).order / catalogue.chunk)))[id]),
  );
  // The entries are HTML this site's build wrote (every value escaped), parsed without running anything.
  const parsed = new DOMParser().parseFromString(`<ol>${found.join("")}</ol>`, "text/html");
  return [...parsed.body.firstChild.children].map((item) => document.importNode(item, true));
}

// case-ids.json, written small: the result ids (without their common prefix) in one string, and each one's
// place in cases.json in the same order. As an object: result id -> place.
function resultPlaces({ prefix, ids, places }) {
  const found = {};
  if (ids) ids.split(" ").forEach((id, n) => (found[prefix + id] = places[n]));
  return found;
}

async function loadEngine() {
  if (engine) return engine;
  const root = new URL(form.dataset.advRoot, location.href);
  const folder = new URL(`pagefind/${lang}/`, root);
  const [pagefind, caseIds, shards, query] = await Promise.all([
    import(new URL("pagefind.js", folder).href),
    json(new URL("case-ids.json", folder)).then(resultPlaces),
    json(new URL("shards.json", folder)),
    import(new URL("query.js", import.meta.url).href),
  ]);
  const options = { baseUrl: root.pathname, exactDiacritics: query.EXACT_DIACRITICS.has(lang) };
  await pagefind.options(options);
  // A large language is indexed in shards (shards.json lists the others): the browser merges them, and
  // their case results join the first shard's.
  for (const shard of shards) {
    const url = new URL(shard, folder);
    await pagefind.mergeIndex(url.pathname, options);
    Object.assign(caseIds, resultPlaces(await json(new URL("case-ids.json", url))));
  }
  await pagefind.init();
  engine = { pagefind, caseIds, query };
  return engine;
}

// The cases a search by words finds (best first), and the other pages it finds. Pagefind also matches the
// start of longer words (تركيا, Turkey, would find تركيز, focus; "art" would find "article"): outside Hindi,
// whose query words are cut to their stem on purpose, a result must also hold each word whole (a quoted
// search, which still goes through the language's stemmer), so every case found contains the words.
async function byWords(query) {
  const { pagefind, caseIds, query: words } = await loadEngine();
  const q = words.normalizeQuery(query, lang);
  const search = await pagefind.search(q);
  let found = search.results;
  if (!words.STEMMED_QUERIES.has(lang) && !/^\s*".+"\s*$/.test(q)) {
    const each = q.replace(/"/g, " ").split(/\s+/).filter(Boolean);
    const whole = await Promise.all(each.map((word) => pagefind.search(`"${word}"`)));
    const sets = whole.map((s) => new Set(s.results.map((r) => r.id)));
    found = found.filter((result) => sets.every((set) => set.has(result.id)));
  }
  const cases = [];
  const pages = [];
  const seen = new Set();
  for (const result of found) {
    // case-ids.json gives a case result's place in cases.json.
    const row = catalogue.rows[caseIds[result.id]];
    if (row === undefined) pages.push(result);
    else if (!seen.has(row.id)) {
      seen.add(row.id);
      cases.push(row.id);
    }
  }
  return { cases, pages };
}

// --- Filtering and counting ----------------------------------------------------------------------------

function matches(row, filters, except) {
  for (const [facet, values] of Object.entries(filters)) {
    if (facet !== except && !values.some((v) => row.values[facet].has(v))) return false;
  }
  return true;
}

// How many cases each value would leave: values of one facet combine with "or", so a value counts with the
// other facets' filters only.
function countValues(rows, filters) {
  const counts = {};
  for (const facet of catalogue.facets) {
    const found = (counts[facet] = new Map());
    for (const row of rows) {
      if (!matches(row, filters, facet)) continue;
      for (const value of row.values[facet]) found.set(value, (found.get(value) || 0) + 1);
    }
  }
  return counts;
}

// --- The page ------------------------------------------------------------------------------------------

const labelOf = (facet, value) =>
  panel.querySelector(`label[data-facet="${facet}"][data-value="${CSS.escape(value)}"]`)?.textContent.trim() ||
  value;

// What the list holds, said like the plain lists' titles: "Topic: Copyright or Censorship · Outcome: Success".
function describe(query, filters) {
  const or = new Intl.ListFormat(lang, { type: "disjunction" });
  const parts = Object.entries(filters).map(([facet, values]) => {
    const name = panel.querySelector(`ul[data-facet="${facet}"]`).dataset.name;
    return `${name}: ${or.format(values.map((v) => labelOf(facet, v)))}`;
  });
  if (query) parts.unshift(text("words", { words: query }));
  return parts.join(" · ");
}

async function showMore() {
  const list = results.querySelector("ol");
  const slice = current.slice(shown, shown + STEP);
  shown += slice.length;
  list.append(...(await entriesOf(slice)));
  results.querySelector(".adv-more").hidden = shown >= current.length;
}

// Pages of the guides and the manifesto that the words found: a group apart, filled when opened.
function pagesGroup(pages) {
  const group = document.createElement("details");
  group.className = "adv-pages-found";
  const summary = document.createElement("summary");
  summary.textContent = text("pages", { n: number(pages.length) });
  const list = document.createElement("ol");
  group.append(summary, list);
  group.addEventListener(
    "toggle",
    async () => {
      for (const data of await Promise.all(pages.slice(0, STEP).map((r) => r.data()))) {
        const item = document.createElement("li");
        const link = document.createElement("a");
        link.href = data.url;
        link.textContent = data.meta.title || data.url;
        link.dir = "auto";
        const excerpt = document.createElement("p");
        excerpt.dir = "auto";
        excerpt.append(...markedText(data.excerpt));
        item.append(link, excerpt);
        list.append(item);
      }
    },
    { once: true },
  );
  return group;
}

// Pagefind's excerpt is page text it escaped, with <mark> around the words found: keep the text and the marks.
function markedText(excerpt) {
  const parsed = new DOMParser().parseFromString(`<p>${excerpt}</p>`, "text/html").body.firstChild;
  return [...parsed.childNodes].map((node) => {
    if (node.nodeName !== "MARK") return document.createTextNode(node.textContent);
    const mark = document.createElement("mark");
    mark.textContent = node.textContent;
    return mark;
  });
}

function setCounts(counts) {
  for (const item of panel.querySelectorAll(".adv-facet li")) {
    const box = item.querySelector("input");
    const count = item.querySelector(".adv-count");
    if (!box || !count) continue;
    const n = counts[box.dataset.facet].get(box.value) || 0;
    count.textContent = number(n);
    item.classList.toggle("adv-facet--empty", n === 0 && !box.checked);
  }
}

// The phone's buttons say how many filters are ticked and how many cases they leave (a number already
// written); "Clear all filters" shows when there is something to clear.
function setToggle(filters, query, found) {
  const toggle = bar.querySelector("button");
  const n = Object.values(filters).reduce((sum, values) => sum + values.length, 0);
  toggle.textContent = n ? text("filtersOn", { n: number(n) }) : text("filters");
  panel.nextElementSibling.textContent = text("show", { n: found });
  panel.querySelector(".adv-clear").hidden = !n && !query;
}

function restorePlain() {
  results.replaceChildren(...plain.results.map((node) => node.cloneNode(true)));
  heading.textContent = plain.heading;
  total.textContent = plain.total;
  status.textContent = "";
  pageResults = [];
  setCounts(countValues(catalogue.rows, {}));
  setToggle({}, "", plain.total);
}

async function update({ reveal = false } = {}) {
  const mine = ++run;
  const query = form.q.value.trim();
  const filters = chosen();
  save(query, filters);
  try {
    await loadCatalogue();
    if (mine !== run) return;
    if (!query && !Object.keys(filters).length) {
      restorePlain();
      return;
    }
    let pool = catalogue.rows;
    let pages = [];
    if (query) {
      const found = await byWords(query);
      if (mine !== run) return;
      pool = found.cases.map((id) => catalogue.byId.get(id));
      pages = found.pages;
    }
    current = pool.filter((row) => matches(row, filters)).map((row) => row.id);
    shown = 0;
    pageResults = pages;
    const list = document.createElement("ol");
    list.className = "adv-cases";
    const more = document.createElement("button");
    more.type = "button";
    more.className = "adv-more";
    more.textContent = text("more");
    more.addEventListener("click", showMore);
    results.replaceChildren(list, more);
    await showMore();
    if (mine !== run) return;
    if (query && pages.length && !Object.keys(filters).length) results.append(pagesGroup(pages));
    setCounts(countValues(pool, filters));
    setToggle(filters, query, number(current.length));
    heading.textContent = describe(query, filters);
    total.textContent = number(current.length);
    // The live region says it once the results are on the page.
    status.textContent = current.length ? `${text("matching")}: ${number(current.length)}` : text("none");
    if (reveal) bringResults();
  } catch (error) {
    status.textContent = text("error");
    console.error(error);
  }
}

// After a search: the results in view (on a phone, below the folded filters).
function bringResults() {
  fold(true);
  const box = heading.parentElement.getBoundingClientRect();
  if (box.top < 0 || box.top > innerHeight * 0.6) heading.parentElement.scrollIntoView({ block: "start" });
}

function fold(folded) {
  panel.classList.toggle("adv-folded", folded);
  bar.querySelector("button").setAttribute("aria-expanded", String(!folded));
  // On a phone the open filters, which scroll within the screen, and the button below them fit the screen
  // from the "Filters" button down: bring that button to the top.
  if (!folded && matchMedia("(max-width: 44.9375em)").matches) bar.scrollIntoView({ block: "start" });
}

// --- Enhancing the static page -------------------------------------------------------------------------

// Each link to a value's list becomes a checkbox that keeps its label and count.
function enhanceFilters(filters) {
  for (const list of facetLists) {
    const facet = list.dataset.facet;
    for (const item of list.querySelectorAll("li")) {
      const link = item.querySelector("a[data-value]");
      const value = link.dataset.value;
      const box = document.createElement("input");
      box.type = "checkbox";
      box.id = `adv-${facet}-${value}`;
      box.dataset.facet = facet;
      box.value = value;
      box.checked = (filters[facet] || []).includes(value);
      const label = document.createElement("label");
      label.htmlFor = box.id;
      label.dataset.facet = facet;
      label.dataset.value = value;
      label.append(link.querySelector("bdi") || link.textContent);
      link.replaceWith(box, " ", label);
      box.addEventListener("change", () => update());
    }
  }
  const clear = document.createElement("button");
  clear.type = "button";
  clear.className = "adv-clear";
  clear.textContent = text("clear");
  clear.addEventListener("click", () => {
    form.q.value = "";
    for (const box of panel.querySelectorAll(".adv-facet input:checked")) box.checked = false;
    update();
  });
  panel.querySelector("h2").after(clear);
}

// On a phone the filters fold behind one button placed above the results; a button at their end (kept in
// view while they are open) says how many cases they leave and shows them. On a wide screen they stay in the
// side column and neither button shows.
function enhanceLayout(folded) {
  const toggle = document.createElement("button");
  toggle.type = "button";
  toggle.className = "adv-filter-toggle";
  toggle.setAttribute("aria-controls", panel.id);
  toggle.addEventListener("click", () => fold(!panel.classList.contains("adv-folded")));
  // The note on searching without JavaScript gives way to the button.
  bar.replaceChildren(toggle);
  bar.classList.add("adv-catalogue__bar--button");
  bar.after(panel);
  const show = document.createElement("button");
  show.type = "button";
  show.className = "adv-show";
  show.addEventListener("click", () => {
    fold(true);
    heading.parentElement.scrollIntoView({ block: "start" });
    heading.parentElement.focus({ preventScroll: true });
  });
  // After the panel, not over it: the panel scrolls within the screen and the button stays below it, so that it
  // never covers a filter (a covered checkbox is too small a target).
  panel.after(show);
  fold(folded);
}

if (form && results && panel && bar) {
  const { query, filters } = fromAddress();
  form.q.value = query;
  plain = {
    results: [...results.childNodes].map((node) => node.cloneNode(true)),
    heading: heading.textContent,
    total: total.textContent,
  };
  enhanceFilters(filters);
  enhanceLayout(true);
  setToggle(filters, query, plain.total);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    update({ reveal: true });
  });
  narrow.addEventListener("change", () => fold(true));
  if (query || Object.keys(filters).length) update({ reveal: Boolean(query) });
}
