// Check-in by camera: reads a participant's QR code in the page (ZXing, from npm) and opens this event's
// check-in page for its code, where staff confirm. Without a camera or the library the page works as before
// (a phone's camera app opens the code's link too; the code can be typed in).
(function () {
  "use strict";
  var box = document.getElementById("checkin-scan");
  if (!box || !window.ZXingBrowser || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    return;
  }
  var start = box.querySelector("[data-scan-start]");
  var stop = box.querySelector("[data-scan-stop]");
  var video = box.querySelector("video");
  var status = box.querySelector("[data-scan-status]");
  var target = box.getAttribute("data-code-url");
  var controls = null;
  box.hidden = false;

  function say(key) {
    status.textContent = box.getAttribute("data-msg-" + key);
  }

  function reset() {
    if (controls) {
      controls.stop();
      controls = null;
    }
    video.hidden = true;
    stop.hidden = true;
    start.hidden = false;
  }

  // The code of a scanned text: the "code" parameter of a check-in link, or the text itself. Whether it
  // belongs to this event is the server's decision (a code of another event is refused there).
  function codeOf(text) {
    try {
      var code = new URL(text).searchParams.get("code");
      if (code) {
        return code;
      }
    } catch (ignored) {
      // not a link: the bare code
    }
    return text.trim();
  }

  start.addEventListener("click", function () {
    var reader = new window.ZXingBrowser.BrowserQRCodeReader();
    video.hidden = false;
    start.hidden = true;
    stop.hidden = false;
    say("looking");
    reader
      .decodeFromVideoDevice(undefined, video, function (result, error, scanning) {
        if (!result) {
          return;
        }
        scanning.stop();
        var code = codeOf(result.getText());
        if (!code) {
          say("unreadable");
          reset();
          return;
        }
        say("found");
        window.location.assign(target + "?code=" + encodeURIComponent(code));
      })
      .then(function (scanning) {
        controls = scanning;
      })
      .catch(function () {
        say("nocamera");
        reset();
      });
  });
  stop.addEventListener("click", function () {
    reset();
    say("stopped");
  });
})();
