            var map_peta = L.map(
                "map_peta",
                {
                    center: [-4.83067, 104.88432],
                    crs: L.CRS.EPSG3857,
                    ...{
  "zoom": 10,
  "zoomControl": true,
  "preferCanvas": false,
}
                }
            );
            L.control.scale().addTo(map_peta);
            var tile_layer_8 = L.tileLayer(
                "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
                {
  "minZoom": 0,
  "maxZoom": 18,
  "maxNativeZoom": 18,
  "noWrap": false,
  "attribution": "\u0026copy; \u003ca href=\"https://www.openstreetmap.org/copyright\"\u003eOpenStreetMap\u003c/a\u003e contributors",
  "subdomains": "abc",
  "detectRetina": false,
  "tms": false,
  "opacity": 1,
}
            );
            tile_layer_8.addTo(map_peta);
            var case_cluster_9 = L.markerClusterGroup({
  "showCoverageOnHover": false,
  "maxClusterRadius": 50,
  "iconCreateFunction": PetaUI.clusterIcon,
});
            PetaUI.cases(map_peta, case_cluster_9);
            case_cluster_9.addTo(map_peta);
