/* Jendela Aduan: markers, clusters and popups of /peta/ (folium's script calls PetaUI).
 *
 * Every text here came from people (titles, names): it is only ever put into
 * the page as text nodes (textContent), never as HTML, so a title such as
 * "<img src=x onerror=...>" shows as those characters. Points are grid-cell
 * centres (the build generalised them); a popup says nothing finer than its cell.
 */
(function () {
  "use strict";

  // Fetched case chunks, by URL: a chunk is asked for once, whichever popup needs it;
  // a failed fetch is forgotten so the next popup tries again.
  var chunks = {};

  // Leaflet puts its controls above popups: on a 360 px phone the zoom buttons (top
  // left) and the layer control (top right) would cover a popup's first lines, so a
  // popup pans below them (they end about 85 px down) when it opens or fills, and is
  // no wider than the map less its margins (Leaflet adds ~47 px around the content).
  // (Not keepInView: with the clusters re-drawn on every moveend it can pan back and
  // forth without end.)
  function popupOptions(map) {
    return {
      maxWidth: Math.max(160, Math.min(280, map.getSize().x - 70)),
      autoPanPaddingTopLeft: [10, 90],
      autoPanPaddingBottomRight: [10, 10]
    };
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function container(map) {
    return map.getContainer();
  }

  function loadChunk(url) {
    if (!chunks[url]) {
      chunks[url] = fetch(url).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      });
      chunks[url].catch(function () { delete chunks[url]; });
    }
    return chunks[url];
  }

  // The case page's URL, as views.case_path makes it: /kasus/<tracking_id lower-cased>/.
  function caseUrl(site, trackingId) {
    return site + "/kasus/" + encodeURIComponent(trackingId.toLowerCase()) + "/";
  }

  // cell.cases are indices into the cell's list in its chunk (all of them, or those of
  // the ?instansi= agency); cell.agencies holds each listed case's agency index.
  function fillPopup(node, cell, data, rows, site) {
    node.textContent = "";
    var n = cell.cases.length;
    node.appendChild(el("p", "peta-popup-head", n + " kasus di kotak " + data.grid + " ini"));
    var list = el("ul", "peta-popup-list");
    cell.cases.forEach(function (i) {
      var c = rows[i];
      var item = el("li");
      var link = el("a", "", c[1]);
      link.href = caseUrl(site, c[0]);
      item.appendChild(link);
      var agency = data.agencies[cell.agencies[i]][1];
      var meta = [agency, "selesai " + c[2]];
      if (c[3]) meta.push("Kec. " + c[3]);
      item.appendChild(el("span", "peta-popup-meta", meta.join(" · ")));
      list.appendChild(item);
    });
    node.appendChild(list);
  }

  // The popup's content: "Memuat…" until the cell's chunk is in, then the list.
  function popupContent(cell, data, casesUrl, site, filled) {
    var node = el("div", "peta-popup");
    node.appendChild(el("p", "peta-popup-head", "Memuat…"));
    loadChunk(casesUrl + cell.chunk + ".json").then(function (chunk) {
      fillPopup(node, cell, data, chunk[cell.slot], site);
      filled();
    }, function () {
      node.textContent = "";
      node.appendChild(el("p", "peta-popup-head", "Daftar kasus tidak bisa dimuat."));
      node.appendChild(el("p", "", "Periksa sambungan internet, lalu tutup dan buka lagi titik ini."));
      filled();
    });
    return node;
  }

  // One content node per cell, made on the first opening: Leaflet asks again on every
  // opening, and a new node each time would fill, update and pan the popup again, which
  // with the clusters redrawn on every moveend never ends when the popup cannot fit.
  function popupFor(cell, data, casesUrl, site) {
    var node = null;
    return function (marker) {
      if (!node) {
        node = popupContent(cell, data, casesUrl, site, function () {
          marker.getPopup().update();
        });
      }
      return node;
    };
  }

  function cellIcon(count) {
    return L.divIcon({
      html: el("span", "", String(count)),
      className: "peta-cell",
      iconSize: L.point(30, 30)
    });
  }

  function clusterIcon(cluster) {
    var total = 0;
    cluster.getAllChildMarkers().forEach(function (m) { total += m.caseCount; });
    var size = total < 10 ? "kecil" : total < 100 ? "sedang" : total < 1000 ? "besar" : "sangat-besar";
    var pixels = total < 1000 ? 40 : 50;
    return L.divIcon({
      html: el("span", "", String(total)),
      className: "peta-cluster peta-cluster-" + size,
      iconSize: L.point(pixels, pixels)
    });
  }

  function showFilter(text) {
    var note = document.getElementById("peta-filter");
    if (!note) return;
    note.textContent = "";
    note.appendChild(document.createTextNode(text + " "));
    var all = el("a", "", "Tampilkan semua kasus");
    all.href = window.location.pathname;
    note.appendChild(all);
    note.hidden = false;
  }

  // "#lat,lon,zoom" (the case pages link so) opens the map there.
  function hashView() {
    var parts = window.location.hash.replace(/^#/, "").split(",").map(Number);
    if (parts.length !== 3 || parts.some(function (v) { return !isFinite(v); })) return null;
    return { lat: parts[0], lon: parts[1], zoom: parts[2] };
  }

  function cases(map, cluster) {
    var box = container(map);
    var site = box.dataset.site || "";
    var params = new URLSearchParams(window.location.search);
    var only = (params.get("instansi") || "").toLowerCase();
    var view = hashView();
    // The first view, set at once (no animation that could end after a later one).
    if (view) {
      map.setView([view.lat, view.lon], view.zoom, { animate: false });
    } else {
      // maxZoom: when every case sits in one cell the bounds are a single point, which
      // Leaflet would fit by zooming in as far as it can; 15 keeps the streets around it.
      map.fitBounds(JSON.parse(box.dataset.bounds), { animate: false, maxZoom: 15 });
    }
    fetch(box.dataset.points).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    }).then(function (data) {
      var agencyIndex = -1;
      data.agencies.forEach(function (a, i) { if (a[0] === only) agencyIndex = i; });
      if (only && agencyIndex >= 0) {
        showFilter("Hanya kasus dari " + data.agencies[agencyIndex][1] + ".");
      } else if (only) {
        showFilter("Instansi ini tidak punya kasus terbit di peta; semua kasus ditampilkan.");
      }
      var markers = [];
      var byPlace = {};
      var chunk = -1, slot = -1;
      // row: [lat, lon, chunk, [agency index per case]]; a chunk file lists its cells'
      // cases in this file's order, so a cell's place in its chunk is counted here.
      data.cells.forEach(function (row) {
        slot = row[2] === chunk ? slot + 1 : 0;
        chunk = row[2];
        var ids = row[3].map(function (a, i) { return i; });
        if (agencyIndex >= 0) {
          ids = ids.filter(function (i) { return row[3][i] === agencyIndex; });
        }
        if (!ids.length) return;
        var cell = {
          lat: row[0], lon: row[1], chunk: row[2], slot: slot, cases: ids, agencies: row[3]
        };
        var marker = L.marker([cell.lat, cell.lon], {
          icon: cellIcon(ids.length),
          title: ids.length + " kasus",
          alt: ids.length + " kasus"
        });
        marker.caseCount = ids.length;
        marker.bindPopup(popupFor(cell, data, box.dataset.cases, site), popupOptions(map));
        markers.push(marker);
        byPlace[cell.lat.toFixed(5) + "," + cell.lon.toFixed(5)] = cell;
      });
      cluster.addLayers(markers);
      if (agencyIndex >= 0 && markers.length) {
        map.fitBounds(cluster.getBounds(), { maxZoom: 14 });
      }
      if (view) {
        var target = byPlace[view.lat.toFixed(5) + "," + view.lon.toFixed(5)];
        if (target) {
          var popup = L.popup(popupOptions(map)).setLatLng([target.lat, target.lon]);
          popup.setContent(popupContent(target, data, box.dataset.cases, site, function () {
            popup.update();
          }));
          popup.openOn(map);
        }
      }
      box.dataset.ready = String(markers.length);
    }).catch(function () {
      box.dataset.ready = "error";
    });
  }

  function area(feature, layer) {
    var p = feature.properties;
    var node = el("div", "peta-popup");
    node.appendChild(el("p", "peta-popup-head", p.nama));
    node.appendChild(el("p", "", p.laporan + " laporan (semua, termasuk rahasia)"));
    node.appendChild(el("p", "", "Median tanggapan: " + p.median));
    layer.bindPopup(node);
    layer.bindTooltip(el("span", "", p.nama + ": " + p.laporan + " laporan"), { sticky: true });
  }

  window.PetaUI = { cases: cases, area: area, clusterIcon: clusterIcon };
})();
