// The article's share link: the system share sheet where there is one (Web Share API),
// else the address copied to the clipboard. Without JavaScript it stays a plain link.
(function () {
  "use strict";
  var link = document.querySelector("a.share-link");
  if (!link) return;
  var status = link.parentNode.querySelector(".share-status");
  function say(text) { if (status) status.textContent = text; }
  link.addEventListener("click", function (event) {
    var url = link.href;
    var title = link.getAttribute("data-title") || document.title;
    if (navigator.share) {
      event.preventDefault();
      navigator.share({ title: title, url: url }).catch(function () {});
    } else if (navigator.clipboard && navigator.clipboard.writeText) {
      event.preventDefault();
      navigator.clipboard.writeText(url).then(function () {
        say(link.getAttribute("data-copied") || "Link copied");
      }, function () { window.location.href = url; });
    }
  });
})();
