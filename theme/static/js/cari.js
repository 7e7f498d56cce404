// /cari/: search every published case with Pagefind's JavaScript API.
// Loaded as an external module (the page's CSP allows no inline script). Every
// text from the index is put into the page with textContent, never as HTML;
// Pagefind's excerpt is split at its <mark> tags and rebuilt from text nodes.
// The query, filters and sort live in the URL (?q=…&kategori=…&urut=…), so a
// search can be shared as a link.

const PAGE_SIZE = 10;
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

let pagefind = null;
let results = [];
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

async function showMore(current) {
  const next = results.slice(shown, shown + PAGE_SIZE);
  const data = await Promise.all(next.map((r) => r.data()));
  if (current !== generation) return;
  list.append(...data.map(resultItem));
  shown += next.length;
  more.hidden = shown >= results.length;
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
  if (!pagefind) {
    setStatus("Memuat indeks pencarian…");
    return; // run() is called again once Pagefind has loaded
  }
  setStatus("Mencari…");
  const search = await pagefind.search(term || null, { filters, sort: chosenSort() });
  if (current !== generation || !search) return;
  results = search.results;
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
    pagefind = await import(`${bundle}pagefind.js`);
    // The bundle folder is where pagefind.js was loaded from; result links start at SITEURL.
    await pagefind.options({ baseUrl: form.dataset.base || "/" });
    await pagefind.init();
  } catch (error) {
    pagefind = null;
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
