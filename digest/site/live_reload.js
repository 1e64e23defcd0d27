// Added by `digest serve` to every HTML page it serves (never to built files).
// Listens to the server's event stream: reloads when a newer build is served,
// shows the errors of a failed rebuild over the page. Messages can quote article
// text, so they only ever become text nodes.
(function () {
  "use strict";
  var me = document.currentScript;
  var served = me ? me.getAttribute("data-build") : null;
  var OVERLAY = "digest-error-overlay";

  function hide() {
    var old = document.getElementById(OVERLAY);
    if (old) old.remove();
  }

  function show(errors) {
    hide();
    var box = document.createElement("div");
    box.id = OVERLAY;
    box.setAttribute("role", "alert");
    box.style.cssText = "position:fixed;inset:0 0 auto 0;z-index:2147483647;max-height:80vh;" +
      "overflow:auto;margin:0;padding:1rem 1.25rem;background:#fff5f5;color:#1a1a1a;" +
      "border-bottom:4px solid #b00020;font:15px/1.45 system-ui,sans-serif;" +
      "box-shadow:0 4px 16px rgba(0,0,0,.25);text-align:left;direction:ltr";
    var title = document.createElement("strong");
    title.textContent = "The site did not build (this page is the last good build). " +
      "It reloads when the error is fixed.";
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "Hide";
    close.style.cssText = "float:right;font:inherit";
    close.addEventListener("click", hide);
    box.appendChild(close);
    box.appendChild(title);
    errors.forEach(function (error) {
      var line = document.createElement("pre");
      line.style.cssText = "margin:.5rem 0 0;white-space:pre-wrap;font:14px/1.4 monospace";
      var where = document.createElement("b");
      where.className = "digest-error-where";
      where.textContent = error.where;
      line.appendChild(where);
      line.appendChild(document.createTextNode((error.where ? ": " : "") + error.message));
      box.appendChild(line);
    });
    document.body.appendChild(box);
  }

  var events = new EventSource("/__digest/events");
  events.addEventListener("state", function (event) {
    var state = JSON.parse(event.data);
    if (state.build !== served) {
      events.close();
      location.reload();
    } else if (state.errors.length) {
      show(state.errors);
    } else {
      hide();
    }
  });
})();
