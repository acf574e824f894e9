/* The venue map: the network directory's map component (Leaflet without any tile layer, so nothing is fetched
   from the internet; the simplified outline of Germany) with one marker at the venue. The caption and the
   address beside it say the same in text. */
(function () {
  "use strict";
  var container = document.getElementById("venue-map");
  var source = document.getElementById("venue-map-data");
  if (!container || !source || typeof L === "undefined") { return; }
  var data = JSON.parse(source.textContent);
  container.hidden = false;
  var map = L.map(container, { zoomSnap: 0.25, scrollWheelZoom: false, attributionControl: false, keyboard: false,
                         zoomControl: false });
  var outline = L.geoJSON(data.outline, {
    style: { color: "#4a5360", weight: 1.5, fillColor: "#f3f5f8", fillOpacity: 1 },
    interactive: false
  }).addTo(map);
  var bounds = outline.getBounds();
  var point = L.latLng(data.lat, data.lon);
  if (bounds.isValid()) { bounds.extend(point); map.fitBounds(bounds, { padding: [10, 10] }); }
  else { map.setView(point, 6); }
  L.circleMarker(point, {
    radius: 8, color: "#083a66", weight: 3, fillColor: "#c0392b", fillOpacity: 1, interactive: false
  }).addTo(map);
})();
