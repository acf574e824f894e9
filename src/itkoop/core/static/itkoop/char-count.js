// Under every text area with a length limit: how many characters are used of how many, and (announced) a
// warning when a pasted text was longer than the room left, since the browser cuts it without a word.
// The sentences come from the page (the body's data attributes), translated like every other text.
(function () {
  "use strict";
  var body = document.body;
  var countText = body.dataset.charCount;
  var cutText = body.dataset.charCut;
  if (!countText || !cutText) {
    return;
  }
  document.querySelectorAll("textarea[maxlength]").forEach(function (area, index) {
    var max = parseInt(area.getAttribute("maxlength"), 10);
    if (!max) {
      return;
    }
    var count = document.createElement("p");
    count.className = "char-count";
    count.id = (area.id || "text-" + index) + "-count";
    var warning = document.createElement("p");
    warning.className = "char-count char-cut";
    warning.setAttribute("role", "status");
    area.insertAdjacentElement("afterend", warning);
    area.insertAdjacentElement("afterend", count);
    var described = area.getAttribute("aria-describedby");
    area.setAttribute("aria-describedby", (described ? described + " " : "") + count.id);
    var pastedTooLong = false;
    function show() {
      count.textContent = countText.replace("{used}", area.value.length).replace("{max}", max);
      warning.textContent = pastedTooLong ? cutText.replace("{max}", max) : "";
    }
    area.addEventListener("paste", function (event) {
      var pasted = event.clipboardData ? event.clipboardData.getData("text") : "";
      var room = max - area.value.length + (area.selectionEnd - area.selectionStart);
      pastedTooLong = pasted.length > room;
      window.setTimeout(show, 0);
    });
    area.addEventListener("input", function (event) {
      if (event.inputType !== "insertFromPaste") {
        pastedTooLong = false;
      }
      show();
    });
    show();
  });
})();
