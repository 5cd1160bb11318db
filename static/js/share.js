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

  // Older browsers and plain-HTTP intranets lack the Clipboard API: copy from a hidden field.
  function copyWithSelection(text) {
    var field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.className = "visually-hidden";
    document.body.appendChild(field);
    field.select();
    var copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (error) {
      copied = false;
    }
    document.body.removeChild(field);
    return copied ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () {
        return copyWithSelection(text);
      });
    }
    return copyWithSelection(text);
  }

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
