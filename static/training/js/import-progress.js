/* Attendance import: poll the progress of a background import and update the bar.
   Without this file the page offers a Refresh link instead. */
(function () {
  "use strict";

  var box = document.querySelector("[data-import-progress]");
  if (!box || !window.fetch) {
    return;
  }
  var url = box.getAttribute("data-import-progress");
  var bar = box.querySelector("[data-import-bar]");
  var status = box.querySelector("[data-import-status]");
  var delay = 1500;

  function poll() {
    window
      .fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (data) {
        if (!data) {
          return;
        }
        if (bar) {
          bar.value = data.percent;
          bar.textContent = data.percent + "%";
        }
        if (status) {
          status.textContent = data.label;
        }
        if (data.done) {
          window.location.reload();
        } else {
          window.setTimeout(poll, delay);
        }
      })
      .catch(function () {
        window.setTimeout(poll, delay * 4);
      });
  }

  window.setTimeout(poll, delay);
})();
