// Advocacy Hub catalogue: search and combined filters over the Pagefind index of the page's language.
// Progressive enhancement: without this script the page lists the latest cases and links to one static page
// per filter value. The index is downloaded only when the reader searches or filters. Every text put in the
// page goes through textContent, never innerHTML.
const form = document.querySelector("[data-adv-catalogue]");
const results = document.querySelector("[data-adv-results]");
const status = document.querySelector("[data-adv-status]");
const facets = [...document.querySelectorAll(".adv-catalogue__facets ul[data-facet]")];
// Six results at a time (a phone screen): each one costs its page's text, a couple of KB, to download.
const PAGE = 6;
let pagefind = null;
let root = null;
let filtersLoaded = false;
let shown = 0;
let current = [];

const text = (key) => form.dataset[key] || "";
const number = (n) => new Intl.NumberFormat(document.documentElement.lang).format(n);
const labelOf = (facet, value) => {
  const link = document.querySelector(`ul[data-facet="${facet}"] [data-value="${CSS.escape(value)}"]`);
  return link ? link.textContent.trim() : value;
};

function state() {
  const params = new URLSearchParams(location.search);
  const filters = {};
  for (const list of facets) {
    const values = params.getAll(list.dataset.facet);
    if (values.length) filters[list.dataset.facet] = { any: values };
  }
  return { query: params.get("q") || "", filters };
}

function save(query, filters) {
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  for (const [facet, { any }] of Object.entries(filters)) for (const v of any) params.append(facet, v);
  const search = params.toString();
  history.replaceState(null, "", search ? `?${search}` : location.pathname);
}

// Turn each static link into a checkbox that keeps its label and count.
function enhance(filters) {
  for (const list of facets) {
    const facet = list.dataset.facet;
    for (const item of list.querySelectorAll("li")) {
      const link = item.querySelector("a[data-value]");
      const value = link.dataset.value;
      const id = `adv-${facet}-${value}`;
      const box = document.createElement("input");
      box.type = "checkbox";
      box.id = id;
      box.dataset.facet = facet;
      box.value = value;
      box.checked = (filters[facet]?.any || []).includes(value);
      const label = document.createElement("label");
      label.htmlFor = id;
      label.dataset.value = value;
      label.append(link.querySelector("bdi") || link.textContent);
      link.replaceWith(box, " ", label);
      box.addEventListener("change", run);
    }
  }
  const clear = document.createElement("button");
  clear.type = "button";
  clear.textContent = text("clear");
  clear.addEventListener("click", () => {
    form.q.value = "";
    for (const box of document.querySelectorAll(".adv-facet input:checked")) box.checked = false;
    run();
  });
  form.append(clear);
}

function chosen() {
  const filters = {};
  for (const box of document.querySelectorAll(".adv-facet input:checked")) {
    (filters[box.dataset.facet] ||= { any: [] }).any.push(box.value);
  }
  return filters;
}

async function load() {
  if (pagefind) return pagefind;
  root = new URL(form.dataset.advRoot, location.href);
  // One index per language: a reader downloads only their own language's.
  pagefind = await import(new URL(`pagefind/${form.dataset.advLang}/pagefind.js`, root).href);
  await pagefind.options({ baseUrl: root.pathname });
  await pagefind.init();
  return pagefind;
}

// A value's count says how many cases the list would hold with that value ticked too: for a facet with ticked
// values (combined with "or"), count without that facet's own filter.
async function counts(engine, query, filters, search) {
  if (!Object.keys(filters).length && !filtersLoaded) {
    // A search by words alone does not download the filters' data (tens of KB): the counts are unknown
    // until the reader ticks a filter.
    for (const count of document.querySelectorAll(".adv-facet li .adv-count")) count.textContent = "";
    return;
  }
  if (!filtersLoaded) {
    await engine.filters();
    filtersLoaded = true;
    search = await engine.search(query || null, { filters });
  }
  const available = { ...search.filters };
  for (const facet of Object.keys(filters)) {
    const others = { ...filters };
    delete others[facet];
    const wider = await engine.search(query || null, { filters: others });
    available[facet] = wider.filters[facet];
  }
  for (const count of document.querySelectorAll(".adv-facet li .adv-count")) {
    const box = count.parentElement.querySelector("input");
    if (!box) continue;
    const n = available?.[box.dataset.facet]?.[box.value] ?? 0;
    count.textContent = number(n);
  }
}

async function more() {
  const list = results.querySelector("ol");
  const slice = current.slice(shown, shown + PAGE);
  shown += slice.length;
  for (const data of await Promise.all(slice.map((r) => r.data()))) {
    const item = document.createElement("li");
    item.className = "adv-case";
    const link = document.createElement("a");
    link.className = "adv-case__title";
    // Stand-ins of cases not yet in this language carry the address of the version shown instead.
    link.href = data.meta.url ? new URL(data.meta.url, root).href : data.url;
    link.textContent = data.meta.title || data.url;
    item.append(link);
    if (data.meta.lang && data.meta.lang !== document.documentElement.lang) {
      link.lang = data.meta.lang;
      const note = document.createElement("span");
      note.className = "adv-case__langs";
      note.textContent = `${text("notInLanguage")} ${labelOf("language", data.meta.lang)}`;
      item.append(" ", note);
    }
    const summary = document.createElement("p");
    summary.className = "adv-case__summary";
    if (data.meta.summary) summary.textContent = data.meta.summary;
    else summary.innerHTML = data.excerpt; // Pagefind's excerpt: page text it escaped itself, with <mark>.
    if (link.lang) summary.lang = link.lang;
    item.append(summary);
    if (data.meta.outcome) {
      const meta = document.createElement("p");
      meta.className = "adv-case__meta";
      const outcome = document.createElement("span");
      outcome.className = `adv-outcome adv-outcome--${data.meta.outcome}`;
      outcome.textContent = labelOf("outcome", data.meta.outcome);
      meta.append(outcome);
      item.append(meta);
    }
    list.append(item);
  }
  const button = results.querySelector("button");
  if (button) button.hidden = shown >= current.length;
}

async function run(event) {
  event?.preventDefault();
  const query = form.q.value.trim();
  const filters = chosen();
  save(query, filters);
  if (!query && !Object.keys(filters).length) {
    location.reload();
    return;
  }
  try {
    const engine = await load();
    const search = await engine.search(query || null, { filters });
    current = search.results;
    shown = 0;
    await counts(engine, query, filters, search);
    results.replaceChildren(document.createElement("ol"));
    results.firstChild.className = "adv-cases";
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = text("more");
    button.addEventListener("click", more);
    results.append(button);
    await more();
    // Said once the first results are on the page (the status is a live region for screen readers).
    status.textContent = current.length ? `${text("matching")}: ${number(current.length)}` : text("none");
  } catch (error) {
    status.textContent = text("error");
    console.error(error);
  }
}

if (form && results) {
  const { query, filters } = state();
  form.q.value = query;
  enhance(filters);
  form.addEventListener("submit", run);
  if (query || Object.keys(filters).length) run();
}
