// Reload the recap list while a recap is being built, so its progress bar moves.
// Without JavaScript the page still works: reloading by hand shows the same progress.
(function () {
  "use strict";
  if (document.querySelector("[data-recap-building]")) {
    window.setTimeout(function () {
      window.location.reload();
    }, 5000);
  }
})();
