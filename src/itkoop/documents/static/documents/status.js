// Polls the document's status while it is being made; reloads the page when it is done or failed.
// Without JavaScript a <noscript> refresh reloads the page every two seconds instead.
(function () {
  "use strict";
  var section = document.getElementById("document-status");
  if (!section || section.dataset.active !== "1") return;
  function poll() {
    fetch(section.dataset.statusUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        if (data.status === "queued" || data.status === "running") { window.setTimeout(poll, 1000); }
        else { window.location.reload(); }
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  window.setTimeout(poll, 1000);
})();
