// /cari/: search every published case with Pagefind's JavaScript API.
// Loaded as an external module (the page's CSP allows no inline script). Every
// text from the index is put into the page with textContent, never as HTML;
// Pagefind's excerpt is split at its <mark> tags and rebuilt from text nodes.
// The query, filters and sort live in the URL (?q=…&kategori=…&urut=…), so a
// search can be shared as a link.
//
// The index is in shards (/pagefind/<shard>/, listed in /pagefind/shards.json,
// generator/search.py). Each is one Pagefind instance; a search asks them all and
// merges their answers here: by relevance score as Pagefind's own mergeIndex does
// (its merge re-sorts by score, which would undo a sort), and for a sort by
// merging the shards' sorted lists on the sort key each result carries as
// metadata, loading only the results shown plus one waiting head per shard.

const PAGE_SIZE = 10;
const TRACKING_ID = /^[a-z]+(?:-[0-9a-z]+)+$/i; // e.g. LU-2026-003067
const DEBOUNCE_MS = 250;

const form = document.getElementById("cari");
const input = document.getElementById("q");
const sortSelect = document.getElementById("urut");
const filterSelects = Array.from(form.querySelectorAll("select[data-filter]"));
const statusLine = document.getElementById("status");
const list = document.getElementById("hasil");
const more = document.getElementById("lagi");
const moreButton = document.getElementById("lagi-tombol");

// JavaScript runs: the note about needing it goes.
document.querySelector(".no-js-note").hidden = true;

let shards = null; // one Pagefind instance per shard, in shards.json order
let results = null; // the merged results of the current search (Relevance or Sorted)
let shown = 0;
let generation = 0; // a newer search makes older, slower ones drop their results
let timer = 0;

function readUrl() {
  const params = new URLSearchParams(window.location.search);
  input.value = params.get("q") || "";
  for (const select of filterSelects) {
    select.value = params.get(select.name) || "";
    if (select.selectedIndex < 0) select.value = ""; // a value no case has any more
  }
  sortSelect.value = params.get("urut") || "";
  if (sortSelect.selectedIndex < 0) sortSelect.value = "";
}

function writeUrl() {
  const params = new URLSearchParams();
  if (input.value.trim()) params.set("q", input.value.trim());
  for (const select of filterSelects) {
    if (select.value) params.set(select.name, select.value);
  }
  if (sortSelect.value) params.set("urut", sortSelect.value);
  const query = params.toString();
  window.history.replaceState(null, "", query ? `?${query}` : window.location.pathname);
}

function chosenFilters() {
  const filters = {};
  for (const select of filterSelects) {
    if (select.value) filters[select.dataset.filter] = select.value;
  }
  return filters;
}

function chosenSort() {
  if (!sortSelect.value) return undefined;
  const [key, direction] = sortSelect.value.split(":");
  return { [key]: direction };
}

function setStatus(text) {
  statusLine.textContent = text;
}

// Pagefind escapes < and > in the page text and wraps matches in <mark>:
// rebuild that as text nodes and <mark> elements, so no tag from a report can form.
function excerptNodes(excerpt) {
  const paragraph = document.createElement("p");
  paragraph.className = "excerpt";
  let marked = false;
  for (const part of excerpt.split(/(<\/?mark>)/)) {
    if (part === "<mark>" || part === "</mark>") {
      marked = part === "<mark>";
      continue;
    }
    const text = part.replaceAll("&lt;", "<").replaceAll("&gt;", ">");
    if (!text) continue;
    if (marked) {
      const mark = document.createElement("mark");
      mark.textContent = text;
      paragraph.append(mark);
    } else {
      paragraph.append(document.createTextNode(text));
    }
  }
  return paragraph;
}

// The first answer's working days and its verdict against the deadline, as the
// case page shows them (meta "lama", "ketepatan"; "tenggat" is the state for the
// badge's class). Nothing when the case page gives none.
const DEADLINE_STATES = new Set(["tepat", "terlambat", "tanpa", "tidak-tersedia"]);

function deadlineLine(meta) {
  if (!meta.ketepatan) return null;
  const line = document.createElement("p");
  line.className = "case-deadline";
  line.append("Tanggapan pertama: ");
  if (meta.lama) line.append(`${meta.lama} `);
  const badge = document.createElement("span");
  const state = DEADLINE_STATES.has(meta.tenggat) ? meta.tenggat : "kosong";
  badge.className = `badge badge-${state}`;
  badge.textContent = meta.ketepatan;
  line.append(badge);
  return line;
}

function resultItem(data) {
  const item = document.createElement("li");
  const card = document.createElement("article");
  card.className = "case-card";
  const heading = document.createElement("h2");
  heading.className = "case-title";
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta.title || data.url;
  heading.append(link);
  const meta = document.createElement("p");
  meta.className = "case-tags";
  for (const text of [data.meta.instansi, data.meta.tanggal, data.meta.nomor]) {
    if (!text) continue;
    const span = document.createElement("span");
    span.textContent = text;
    meta.append(span, " ");
  }
  card.append(heading, meta);
  const deadline = deadlineLine(data.meta);
  if (deadline) card.append(deadline);
  card.append(excerptNodes(data.excerpt || ""));
  item.append(card);
  return item;
}

// Results of all shards by relevance: one list sorted by score, as Pagefind's
// multisite merge orders them (ties keep shard order). Scores of different
// shards are not strictly comparable, so the exact matches of a tracking ID
// (``first``, from a phrase search) come before everything else.
class Relevance {
  constructor(lists, first = lists.map(() => [])) {
    const tagged = (all) => all.flatMap((list, i) => list.map((r) => ({ key: `${i}:${r.id}`, r })));
    const exact = tagged(first);
    const keys = new Set(exact.map((t) => t.key));
    const rest = tagged(lists).filter((t) => !keys.has(t.key));
    const byScore = (a, b) => b.r.score - a.r.score;
    this.results = [...exact.sort(byScore), ...rest.sort(byScore)].map((t) => t.r);
    this.length = this.results.length;
    this.next = 0;
  }

  async take(count) {
    const next = this.results.slice(this.next, this.next + count);
    this.next += next.length;
    return Promise.all(next.map((r) => r.data()));
  }
}

// Results of all shards in sort order: each shard's list is sorted already;
// the next result is the best of the shards' heads, compared by the sort key in
// the result's metadata (a number), ties by shard order.
class Sorted {
  constructor(lists, key, direction) {
    this.lists = lists;
    this.key = key;
    this.sign = direction === "desc" ? -1 : 1;
    this.positions = lists.map(() => 0);
    this.heads = lists.map(() => null); // the loaded data of each shard's next result
    this.length = lists.reduce((sum, list) => sum + list.length, 0);
    this.queue = Promise.resolve([]); // one take at a time: they move the same heads
  }

  value(data) {
    const number = Number(data.meta[this.key]);
    return Number.isFinite(number) ? number * this.sign : Infinity; // no key: last
  }

  take(count) {
    this.queue = this.queue.then(() => this.takeNow(count));
    return this.queue;
  }

  async takeNow(count) {
    const taken = [];
    while (taken.length < count) {
      await Promise.all(
        this.lists.map(async (list, i) => {
          if (this.heads[i] === null && this.positions[i] < list.length) {
            this.heads[i] = await list[this.positions[i]].data();
          }
        }),
      );
      let best = -1;
      for (let i = 0; i < this.lists.length; i++) {
        if (this.heads[i] === null) continue;
        if (best < 0 || this.value(this.heads[i]) < this.value(this.heads[best])) best = i;
      }
      if (best < 0) break;
      taken.push(this.heads[best]);
      this.heads[best] = null;
      this.positions[best] += 1;
    }
    return taken;
  }
}

async function showMore(current) {
  const data = await results.take(PAGE_SIZE);
  if (current !== generation) return;
  list.append(...data.map(resultItem));
  shown += data.length;
  more.hidden = shown >= results.length;
}

// The shards one after another: searches of several Pagefind 1.5.2 instances
// running at the same moment can break ("unreachable"), and they share one
// worker, so running them together would not be faster.
async function searchAll(text, options) {
  const searches = [];
  for (const shard of shards) searches.push(await shard.search(text, options));
  return searches;
}

async function run() {
  const current = ++generation;
  writeUrl();
  const term = input.value.trim();
  const filters = chosenFilters();
  if (!term && Object.keys(filters).length === 0) {
    list.replaceChildren();
    more.hidden = true;
    setStatus("Ketik sebuah kata, nama desa atau nomor laporan, atau pilih saringan.");
    return;
  }
  if (!shards) {
    setStatus("Memuat indeks pencarian…");
    return; // run() is called again once Pagefind has loaded
  }
  setStatus("Mencari…");
  const sort = chosenSort();
  const phrase = !sort && TRACKING_ID.test(term);
  let searches;
  let exact = null;
  try {
    searches = await searchAll(term || null, { filters, sort });
    if (phrase) exact = await searchAll(`"${term}"`, { filters });
  } catch (error) {
    if (current === generation) setStatus("Pencarian gagal. Coba lagi, atau gunakan daftar di bawah.");
    console.error(error);
    return;
  }
  if (current !== generation || searches.some((search) => !search)) return;
  const lists = searches.map((search) => search.results);
  if (sort) {
    const [key, direction] = Object.entries(sort)[0];
    results = new Sorted(lists, key, direction);
  } else {
    results = new Relevance(lists, exact ? exact.map((search) => search.results) : undefined);
  }
  shown = 0;
  list.replaceChildren();
  await showMore(current);
  if (current !== generation) return;
  const where = term ? ` untuk “${term}”` : "";
  setStatus(
    results.length
      ? `${results.length.toLocaleString("id-ID")} kasus ditemukan${where}.`
      : `Tidak ada kasus yang cocok${where}. Coba kata lain atau kurangi saringan.`,
  );
}

function runSoon() {
  window.clearTimeout(timer);
  timer = window.setTimeout(run, DEBOUNCE_MS);
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  window.clearTimeout(timer);
  run();
});
input.addEventListener("input", runSoon);
for (const select of [...filterSelects, sortSelect]) select.addEventListener("change", run);
moreButton.addEventListener("click", () => showMore(generation));

async function load() {
  const bundle = form.dataset.bundle;
  try {
    const response = await fetch(`${bundle}shards.json`);
    if (!response.ok) throw new Error(`${bundle}shards.json: ${response.status}`);
    const names = (await response.json()).shards.map((shard) => shard.name);
    if (!names.length) throw new Error(`${bundle}shards.json lists no shard`);
    // Every shard carries the same pagefind.js; its instances share one worker.
    const pagefind = await import(`${bundle}${names[0]}/pagefind.js`);
    // Result links start at SITEURL, not at the shard's folder.
    const baseUrl = form.dataset.base || "/";
    // One shard at a time: Pagefind 1.5.2 instances that load their WebAssembly and
    // metadata at the same moment break each other ("unreachable", "invalid gzip
    // data"); filters() makes an instance load them.
    const instances = [];
    for (const name of names) {
      const instance = pagefind.createInstance({ basePath: `${bundle}${name}/`, baseUrl });
      await instance.init();
      await instance.filters();
      instances.push(instance);
    }
    shards = instances;
  } catch (error) {
    shards = null;
    setStatus("Indeks pencarian tidak dapat dimuat. Gunakan daftar di bawah untuk menelusuri kasus.");
    console.error(error);
    return;
  }
  run();
}

readUrl();
// On a phone the filters would push the results off the first screen: folded
// unless the link chose one.
if (window.matchMedia("(max-width: 48rem)").matches && !Object.keys(chosenFilters()).length) {
  form.querySelector(".search-filters").open = false;
}
run();
load();
