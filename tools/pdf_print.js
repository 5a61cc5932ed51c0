// Turn the one-page book (jupyter-book's singlehtml) into pages for print. Run by
// tools/build_pdf.py in Chromium, after MathJax has typeset the page and the explorers have
// drawn their starting state. `book` comes from _config.yml and _toc.yml:
// {title, author, copyright, note, explorerNote, parts: [{caption, docs: ["notebooks/01_..."]}]}.
// Returns what it did, so the Python side can refuse a page it does not expect.
(book) => {
  const make = (tag, cls, text) => {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text) node.textContent = text;
    return node;
  };
  const report = {explorers: 0, outputs: 0, answers: 0, chapters: []};

  // 1. Explorers: each canvas becomes a picture of what it shows now (the starting state),
  //    the controls go, and the one-line summary becomes the caption.
  for (const explorer of document.querySelectorAll(".nl-explorer")) {
    for (const canvas of explorer.querySelectorAll("canvas")) {
      const img = make("img", "nl-print-still");
      img.src = canvas.toDataURL("image/png");
      img.alt = canvas.getAttribute("aria-label") || "";
      img.style.width = canvas.getBoundingClientRect().width + "px";
      canvas.replaceWith(img);
    }
    explorer.querySelectorAll(".nl-controls, .nl-link").forEach((c) => c.remove());
    const figure = make("figure", "nl-print-explorer");
    explorer.replaceWith(figure);
    figure.append(explorer);
    const caption = make("figcaption");
    const readout = explorer.querySelector(".nl-readout");
    caption.append(make("span", "nl-print-summary", readout ? readout.textContent : ""));
    caption.append(" ", make("span", "nl-print-note", book.explorerNote));
    if (readout) readout.remove();
    figure.append(caption);
    report.explorers += 1;
  }

  // 2. Answers: sphinx-togglebutton's drop-downs open, their buttons go; an answer box is
  //    marked as such. An output hidden until asked for (myst-nb's "Show code cell output"
  //    toggle on an exercise's cell) moves into the answer that follows it, as "The cell
  //    prints:", or else is simply shown.
  for (const box of document.querySelectorAll(".toggle.admonition")) {
    box.classList.remove("toggle-hidden");
    box.querySelectorAll("button.toggle-button").forEach((b) => b.remove());
    box.classList.add("print-answer");
    report.answers += 1;
  }
  for (const details of document.querySelectorAll("details")) {
    details.open = true;  // any other drop-down keeps its summary as its title (CSS drops the ▸)
    if (!details.matches("details.hide")) continue;
    const summary = details.querySelector(":scope > summary");
    if (summary) summary.remove();
    const cell = details.closest(".cell");
    const next = cell && cell.nextElementSibling;
    const output = make("div", "print-hidden-output");
    output.append(make("p", "print-output-label", "The cell prints:"), ...details.childNodes);
    if (next && next.matches(".print-answer")) {
      next.querySelector(".admonition-title").after(output);
      details.remove();
    } else {
      details.replaceWith(output);
    }
    report.outputs += 1;
  }

  // 3. Chapters: each document of the table of contents starts a page; the first chapter of
  //    each part carries the part's name.
  const sectionOf = (doc) => {
    const marker = document.getElementById("document-" + doc);
    const section = marker && marker.nextElementSibling;
    return section && section.matches("section") ? section : null;
  };
  const contents = make("nav", "print-contents");
  contents.setAttribute("aria-label", "Contents");
  contents.append(make("h2", "print-contents-title", "Contents"));
  const list = make("ol");
  contents.append(list);
  // In the one page, each chapter's title is an h2 under the first page's h1: give the
  // chapters back their own levels (h1, sections h2, ...), so that the PDF's outline lists
  // them side by side. Section ids repeat from chapter to chapter ("learning-goals"), so the
  // contents link to the headings, which get ids of their own.
  const promote = (section) => {
    for (const old of section.querySelectorAll("h2, h3, h4, h5, h6")) {
      const heading = make("h" + (Number(old.tagName[1]) - 1));
      for (const {name, value} of old.attributes) heading.setAttribute(name, value);
      heading.append(...old.childNodes);
      old.replaceWith(heading);
    }
  };
  let anchors = 0;
  const entry = (section, cls) => {
    const heading = section.querySelector(":scope > h1, :scope > h2");
    if (!heading.id) heading.id = "print-heading-" + ++anchors;
    const item = make("li", cls);
    const row = make("div", "print-contents-row");
    const link = make("a");
    link.href = "#" + heading.id;
    link.textContent = heading.textContent.replace(/#$/, "").trim();
    // the page number: a place-holder as wide as the number that build_pdf.py writes in
    // once the first printing has said where each heading fell
    const number = make("span", "print-contents-page", "00");
    number.dataset.for = heading.id;
    row.append(link, number);
    item.append(row);
    return item;
  };
  const chapter = (section) => {
    const item = entry(section, "print-contents-chapter");
    const subs = make("ol");
    for (const sub of section.querySelectorAll(":scope > section")) subs.append(entry(sub, ""));
    if (subs.children.length) item.append(subs);
    report.chapters.push(item.querySelector("a").textContent);
    return item;
  };
  const root = document.querySelector("article.bd-article > section");
  root.classList.add("print-chapter");
  list.append(chapter(root));
  for (const part of book.parts) {
    if (part.caption) list.append(make("li", "print-contents-part", part.caption));
    part.docs.forEach((doc, i) => {
      const section = sectionOf(doc);
      if (!section) throw new Error("no section for " + doc + " in the one-page book");
      section.classList.add("print-chapter");
      promote(section);
      if (i === 0 && part.caption) section.prepend(make("p", "print-part", part.caption));
      list.append(chapter(section));
    });
  }

  // 4. The title page and the contents come first.
  // The subtitle is the book's description (intro.md's front matter), less the title.
  const meta = document.querySelector('meta[name="description"]');
  let subtitle = meta ? meta.content.replace(book.title + ": ", "") : "";
  subtitle = subtitle.charAt(0).toUpperCase() + subtitle.slice(1);
  const title = make("div", "print-title-page");
  title.append(make("p", "print-book-title", book.title),
               make("p", "print-book-subtitle", subtitle),
               make("p", "print-book-author", book.author),
               make("p", "print-book-note", book.note),
               make("p", "print-book-copyright", "© " + book.copyright + " " + book.author));
  document.querySelector("article.bd-article").prepend(title, contents);
  document.title = book.title;
  return report;
}
