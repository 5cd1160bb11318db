/* Humas Portal, public pages: the "copy link" button of a story. The share links work without it. */
(function () {
  "use strict";

  function ready(callback) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", callback);
    } else {
      callback();
    }
  }

  // static/js/clipboard.js, loaded before this script.
  var copy = window.humasCopy;

  ready(function () {
    // <button data-copy-link="URL" hidden>: shown only when this script runs.
    document.querySelectorAll("button[data-copy-link]").forEach(function (button) {
      var section = button.closest("section") || document;
      var status = section.querySelector("[data-copy-status]");
      button.hidden = false;
      button.addEventListener("click", function () {
        copy(button.getAttribute("data-copy-link")).then(
          function () {
            if (status) {
              status.textContent = button.getAttribute("data-copied-text");
            }
          },
          function () {
            if (status) {
              status.textContent = button.getAttribute("data-copy-failed-text");
            }
          }
        );
      });
    });
  });
})();
