// practice_style.js: the look of self-checks and challenges (one <style> per page), shared by
// the practice and challenge modules.

function nlPracticeStyle() {
  if (document.getElementById("nl-practice-style")) return;
  const style = document.createElement("style");
  style.id = "nl-practice-style";
  style.textContent = `
.nl-practice { border: 1px solid rgba(127,127,127,.5); border-radius: 6px; padding: .6em .9em; margin: .5em 0 1em; }
.nl-practice .nl-question { margin: 0 0 .5em; font-weight: 600; }
.nl-practice form { display: flex; flex-wrap: wrap; gap: .5em; align-items: center; margin: 0; }
.nl-practice fieldset { border: 0; padding: 0; margin: 0 0 .4em; flex-basis: 100%; }
.nl-practice legend { padding: 0; font-weight: 600; font-size: 1em; line-height: inherit; margin-bottom: .3em; }
.nl-practice fieldset label { display: block; padding: .15em 0; }
.nl-practice input[type=text] { font: inherit; color: inherit; background: transparent; border: 1px solid currentColor; border-radius: 4px; padding: .2em .4em; width: 9em; }
.nl-practice button { font: inherit; color: inherit; background: transparent; border: 1px solid currentColor; border-radius: 4px; padding: .2em .8em; cursor: pointer; }
.nl-practice input:focus-visible, .nl-practice button:focus-visible, .nl-practice summary:focus-visible { outline: 3px solid #0072B2; outline-offset: 2px; }
.nl-practice .nl-feedback { margin: .5em 0 0; min-height: 1.2em; }
.nl-practice .nl-feedback[data-status=right], .nl-practice .nl-feedback[data-status=predicted] { border-left: 4px solid #0072B2; padding-left: .5em; }
.nl-practice .nl-feedback[data-status=wrong] { border-left: 4px solid #D55E00; padding-left: .5em; }
.nl-practice .nl-feedback[data-status=unreadable] { border-left: 4px dashed #E69F00; padding-left: .5em; }
.nl-practice details { margin-top: .5em; }
.nl-practice summary { cursor: pointer; }
.nl-practice .nl-working { white-space: pre-line; margin: .3em 0 0; }
.nl-challenge .nl-goals { margin: .3em 0; padding-left: 1.2em; }
.nl-challenge .nl-mark { font-weight: 600; }
.nl-challenge .nl-hint-text { margin: .4em 0 0; }
.nl-solved-before { margin: .3em 0 0; font-style: italic; }
@media print {
  .nl-practice .nl-field, .nl-practice button, .nl-practice .nl-feedback, .nl-practice summary { display: none; }
  .nl-practice input[type=radio], .nl-challenge .nl-mark, .nl-challenge .nl-now, .nl-solved-before { display: none; }
}`;
  document.head.appendChild(style);
}

