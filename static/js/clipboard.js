/* Humas Portal: copy text to the clipboard, shared by the public share button and the share kit. */
(function () {
  "use strict";

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

  // Resolves once the text is on the clipboard; rejects when the browser refuses.
  window.humasCopy = function (text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () {
        return copyWithSelection(text);
      });
    }
    return copyWithSelection(text);
  };
})();
