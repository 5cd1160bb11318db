/* Humas Portal: the rich-text editor (django-prose-editor) in the page's language, and named.
   The editor names its toolbar buttons in English without asking for a translation, and asks
   Django's JavaScript catalogue (/jsi18n/) for the words of its dialogs. This file translates
   the button names as the toolbar appears, and lists the dialog words so that makemessages
   collects them into djangojs.po and `make check-translations` keeps them translated. It also
   gives the editable area the name of its field's label, for screen readers. */
(function () {
  "use strict";

  if (typeof window.gettext !== "function") {
    return;
  }
  var gettext = window.gettext;
  var interpolate = window.interpolate;

  // The toolbar's own names (title and aria-label of each button).
  var TITLES = {
    "paragraph": gettext("Paragraph"),
    "bold": gettext("Bold"),
    "italic": gettext("Italic"),
    "underline": gettext("Underline"),
    "strike": gettext("Strikethrough"),
    "subscript": gettext("Subscript"),
    "superscript": gettext("Superscript"),
    "unordered list": gettext("Bulleted list"),
    "ordered list": gettext("Numbered list"),
    "blockquote": gettext("Quotation"),
    "horizontal rule": gettext("Horizontal line"),
    "insert link": gettext("Link"),
    "remove link": gettext("Remove link"),
    "figure": gettext("Figure"),
    "edit HTML": gettext("Edit HTML"),
    "Code": gettext("Code"),
    "Code block": gettext("Code block"),
    "Insert table": gettext("Insert table"),
    "Merge cells": gettext("Merge cells"),
    "Split cell": gettext("Split cell"),
    "undo": gettext("Undo"),
    "redo": gettext("Redo"),
    "heading 1": interpolate(gettext("Heading %s"), [1]),
    "heading 2": interpolate(gettext("Heading %s"), [2]),
    "heading 3": interpolate(gettext("Heading %s"), [3]),
    "HTML": gettext("Edit HTML"),
    "Styles": gettext("Styles")
  };


  // Words the editor itself passes to gettext() in its dialogs; the same list as the
  // package's own catalogue (tests/news/test_editor_translations.py keeps them in step).
  window.HUMAS_EDITOR_STRINGS = [
    gettext("Image URL"),
    gettext("Alternative Text"),
    gettext("Caption"),
    gettext("Edit Figure"),
    gettext("Insert Figure"),
    gettext("Update"),
    gettext("Insert"),
    gettext("Edit HTML"),
    gettext("Prettify"),
    gettext("URL"),
    gettext("Title"),
    gettext("Open in new window"),
    gettext("Edit Link"),
    gettext("List properties"),
    gettext("Toggle fullscreen"),
    gettext("Decimal numbers"),
    gettext("Lowercase letters"),
    gettext("Uppercase letters"),
    gettext("Lowercase Roman numerals"),
    gettext("Uppercase Roman numerals"),
    gettext("Start at"),
    gettext("List type"),
    gettext("Rows"),
    gettext("Columns"),
    gettext("Include header row"),
    gettext("Table Properties"),
    gettext("Insert Table"),
    gettext("Cancel"),
    gettext("Add caption"),
    gettext("Remove caption"),
    gettext("Browse..."),
    gettext("Bullets"),
    gettext("Edit Image"),
    gettext("List Properties"),
    gettext("The HTML contents of the editor. Note that the allowed HTML is restricted by the editor schema.")
  ];

  function translate() {
    document.querySelectorAll(".prose-menubar button[title]").forEach(function (button) {
      var words = TITLES[button.getAttribute("title")];
      if (words) {
        button.setAttribute("title", words);
        button.setAttribute("aria-label", words);
      }
    });
  }

  // The editable area is a <div contenteditable>: name it after the label of its field.
  function name() {
    document.querySelectorAll(".prose-editor").forEach(function (editor, index) {
      var area = editor.querySelector("[contenteditable]");
      var field = editor.querySelector("textarea");
      var label = field && field.id ? document.querySelector("label[for='" + field.id + "']") : null;
      if (!area || !label || area.hasAttribute("aria-labelledby")) {
        return;
      }
      label.id = label.id || "prose-editor-label-" + index;
      area.setAttribute("role", "textbox");
      area.setAttribute("aria-multiline", "true");
      area.setAttribute("aria-labelledby", label.id);
    });
  }

  function update() {
    translate();
    name();
  }

  // The editor builds its toolbar after this file runs, and rebuilds parts of it later.
  function start() {
    update();
    new MutationObserver(update).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
