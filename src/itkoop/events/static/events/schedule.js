// Polls the schedule run's status while it is running and updates the progress bar; reloads when it is done.
// Without JavaScript the page offers a "refresh" link instead.
(function () {
  "use strict";
  var section = document.getElementById("schedule-run");
  if (!section || section.dataset.active !== "1") return;
  var bar = document.getElementById("run-progress");
  var percent = document.getElementById("run-percent");
  var message = document.getElementById("run-message");
  function poll() {
    fetch(section.dataset.statusUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        if (bar) bar.value = data.percent;
        if (percent) percent.textContent = data.percent + " %";
        if (message && data.message) message.textContent = data.message;
        if (data.active) { window.setTimeout(poll, 1000); } else { window.location.reload(); }
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  window.setTimeout(poll, 1000);
})();
