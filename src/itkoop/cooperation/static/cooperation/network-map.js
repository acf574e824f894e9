/* The network map: Leaflet without any tile layer (nothing is fetched from the internet), a hand-drawn outline of
   Germany, hubs as labelled squares and centers as circles. The tables on the page carry the same information. */
(function () {
  "use strict";
  var container = document.getElementById("network-map");
  var source = document.getElementById("network-map-data");
  if (!container || !source || typeof L === "undefined") { return; }
  var data = JSON.parse(source.textContent);
  container.hidden = false;
  var map = L.map(container, { zoomSnap: 0.25, scrollWheelZoom: false, attributionControl: false });
  var outline = L.geoJSON(data.outline, {
    style: { color: "#4a5360", weight: 1.5, fillColor: "#f3f5f8", fillOpacity: 1 },
    interactive: false
  }).addTo(map);
  map.fitBounds(outline.getBounds(), { padding: [10, 10] });

  function describe(item, kind) {
    var text = kind + ": " + item.name + (item.city ? " (" + item.city + ")" : "");
    if (item.topics && item.topics.length) { text += " – " + item.topics.join(", "); }
    return text;
  }
  data.centers.forEach(function (center) {
    L.circleMarker([center.lat, center.lon], {
      radius: 6, color: "#083a66", weight: 2, fillColor: "#ffffff", fillOpacity: 1
    }).bindTooltip(describe(center, data.labels.center)).addTo(map);
  });
  data.hubs.forEach(function (hub) {
    var icon = L.divIcon({ className: "hub-marker", html: "<span>" + hub.city.replace(/[<>&"]/g, "") + "</span>",
                           iconSize: null });
    L.marker([hub.lat, hub.lon], { icon: icon, keyboard: false, interactive: false, title: describe(hub, data.labels.hub) }).addTo(map);
  });
})();
