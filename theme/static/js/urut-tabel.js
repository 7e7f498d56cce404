// Sort a table by any column: progressive enhancement for tables marked
// data-sortable (the /rapor/ ranking). Without JavaScript the table keeps the
// order it was written in. Each column header gets a button; the header carries
// aria-sort. A cell's data-sort value is used when present, else its text,
// read as a number when it holds one ("81,0%", "3 hari kerja", "1.234").
// Loaded as an external file: the site's CSP allows no inline script.

const ORDER = ["ascending", "descending"];

function cellValue(cell) {
  const raw = cell.dataset.sort ?? cell.textContent.trim();
  const digits = raw.replace(/\./g, "").replace(",", ".").match(/-?\d+(\.\d+)?/);
  return digits ? { number: Number(digits[0]), text: raw } : { number: null, text: raw };
}

function compare(a, b) {
  if (a.number !== null && b.number !== null) return a.number - b.number;
  return a.text.localeCompare(b.text, "id");
}

function sortBy(table, index, direction) {
  const body = table.tBodies[0];
  const rows = Array.from(body.rows).map((row, position) => ({ row, position }));
  const sign = direction === "ascending" ? 1 : -1;
  rows.sort((x, y) => {
    const a = cellValue(x.row.cells[index]);
    const b = cellValue(y.row.cells[index]);
    // A cell without a number ("–", "Tidak tersedia") goes last in either direction.
    if ((a.number === null) !== (b.number === null)) return a.number === null ? 1 : -1;
    return sign * compare(a, b) || x.position - y.position;
  });
  body.append(...rows.map((r) => r.row));
}

function enhance(table) {
  const headers = Array.from(table.tHead.rows[0].cells);
  headers.forEach((th, index) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "sort-button";
    button.append(...th.childNodes);
    th.append(button);
    button.addEventListener("click", () => {
      const current = th.getAttribute("aria-sort");
      const direction = current === ORDER[0] ? ORDER[1] : ORDER[0];
      for (const other of headers) other.removeAttribute("aria-sort");
      th.setAttribute("aria-sort", direction);
      sortBy(table, index, direction);
    });
  });
  const note = document.createElement("p");
  note.className = "table-note";
  note.textContent = "Tekan judul kolom untuk mengurutkan tabel menurut kolom itu.";
  table.before(note);
}

for (const table of document.querySelectorAll("table[data-sortable]")) enhance(table);
