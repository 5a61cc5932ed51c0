"""What every explorer shares: the :class:`Explorer` base class (an anywidget whose display also
carries a static HTML version and a plain-text summary), the bundling of its JavaScript, number
formatting, slider ranges, argument checks, the synced trait types and the activation menu.

The JavaScript: the shared files in ``js/`` are concatenated (no ``import`` statements: a page
opened from disk may not import across files), followed by the explorer's own file, which ends
``export default {render}``. The widget runs this module in JupyterLab; :func:`static_html`
inlines the *same* string in a ``<script type="module">`` and mounts it on a stand-in model
(``js/model.js``).

Numbers are printed as ``js/format.js`` prints them: three decimals, trailing zeros dropped,
``-0`` shown as ``0`` (exact ties round half to even, as Python's ``format`` does); from a
million on, four significant digits and a power of ten (``1.5e+80``).

>>> fmt(0.35355), fmt(2.0), fmt(-0.0001), fmt_vec([1, -1])
('0.354', '2', '0', '(1, -1)')
"""

from __future__ import annotations

import functools
import itertools
import json
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from numbers import Integral, Real
from pathlib import Path
from typing import ClassVar

import anywidget
import comm
import ipywidgets
import traitlets as t

from neuronlib._checks import MAX_MAGNITUDE, as_float, as_matrix, as_vector
from neuronlib.activations import ACTIVATION_NAMES, DEFAULT_PARAMS, Activation, get_activation
from neuronlib.sound import tone_schedule

# --------------------------------------------------------------------------- the JavaScript

JS_DIR = Path(__file__).with_name("js")
#: Shared files, in the order they are concatenated (each may use the ones before it).
SHARED = ("format.js", "maths.js", "theme.js", "canvas.js", "controls.js", "links.js")
#: Extra shared files per explorer (only what the explorer needs, to keep pages light).
EXTRA = {"neuron": ("sound.js",), "activation": ("sound.js",), "network": ("sound.js",),
         "hyperplane": ("plane.js", "sound.js"), "layer": ("plane.js", "coarse.js", "sound.js"),
         "training": ("plane.js", "train.js", "player.js", "shade.js", "sound.js"),
         "learning": ("plane.js", "player.js", "shade.js", "sound.js"), "regions": ("plane.js", "coarse.js", "sound.js"),
         "playground": ("plane.js", "player.js", "seeded.js", "shade.js", "sound.js")}


def _read(name: str) -> str:
    """A js file without its whole-line ``//`` comments, blank lines and indentation (the module
    ships smaller; no string in js/ spans lines where leading spaces would matter)."""
    lines = (JS_DIR / name).read_text(encoding="utf-8").splitlines()
    kept = [line.lstrip() for line in lines if line.strip() and not line.lstrip().startswith("//")]
    return f"// --- {name}\n" + "\n".join(kept) + "\n"


@functools.cache
def module_source(kind: str) -> str:
    """The ES module of explorer ``kind`` (e.g. ``"hyperplane"``): shared code + ``js/<kind>.js``."""
    names = SHARED + EXTRA.get(kind, ()) + (f"{kind}.js",)
    return "".join(_read(name) for name in names)


def _json_for_script(value: object) -> str:
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _escape_html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


#: The hint under the summary of an explorer shown without a kernel (a chapter opened before its
#: cells run); js/controls.js shows the same words when JupyterLab marks the widget disconnected.
HINT = "Run the cells to reconnect the sliders to Python."


def static_html(kind: str, dom_id: str, state: dict, summary: str) -> str:
    """Self-contained HTML: the explorer's root (showing ``summary`` until the script runs, and
    to readers without JavaScript) and a module script that mounts the explorer on it."""
    mount = (
        f"{_read('model.js')}"
        f'render({{ model: nlStandInModel({_json_for_script(state)}), '
        f'el: document.getElementById("{dom_id}") }});\n'
    )
    return (
        f'<div id="{dom_id}" class="nl-explorer" data-explorer="{kind}">'
        f'<div class="nl-readout">{_escape_html(summary)}</div>'
        f'<div class="nl-hint">{HINT}</div></div>\n'
        f'<script type="module">\n{module_source(kind)}{mount}</script>\n'
    )


def standalone_page(fragments: list[str], title: str = "neuronlib explorers") -> str:
    """A complete HTML document holding the given explorer fragments (works from disk)."""
    body = "\n".join(fragments)
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{_escape_html(title)}</title>"
        "<link rel=\"icon\" href=\"data:,\">"
        "</head>\n<body>\n" + body + "\n</body></html>\n"
    )


# --------------------------------------------------------------------------- numbers and ranges


def fmt(x: float, digits: int = 3) -> str:
    """One number as the explorers print it (see the module docstring)."""
    x = float(x)
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    if abs(x) >= 1e6:
        mantissa, exponent = f"{x:.3e}".split("e")
        return mantissa.rstrip("0").rstrip(".") + f"e{int(exponent):+d}"
    s = f"{x:.{digits}f}"
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return "0" if s == "-0" else s


def fmt_vec(values: Iterable[float], digits: int = 3) -> str:
    """``(1, -0.5)``: numbers printed by :func:`fmt`, in brackets."""
    return "(" + ", ".join(fmt(v, digits) for v in values) + ")"


def sign_word(x: float) -> str:
    """"positive", "negative" or "zero", as ``x`` reads when printed by :func:`fmt` (so the words
    never contradict the number shown: a z printed as 0 is called zero).

    >>> sign_word(0.5), sign_word(-1e-9), sign_word(-2)
    ('positive', 'zero', 'negative')
    """
    v = float(fmt(x))
    return "positive" if v > 0 else "negative" if v < 0 else "zero"


def what_changed(before: list[str], after: list[str]) -> str:
    """What a screen reader hears when an explorer's figure goes from the facts ``before`` to the
    facts ``after`` (see :meth:`Explorer.facts`): the sentences that are new, after "Now: ", or
    "" when none is (as ``nlWhatChanged`` in js/controls.js says it once the reader pauses).

    >>> what_changed(["z = 1.", "Output 1."], ["z = -1.", "Output 1."])
    'Now: z = -1.'
    """
    old = set(before)
    fresh = [fact for fact in after if fact not in old]
    return "Now: " + " ".join(fresh) if fresh else ""


def slider_range(values, half_width: float = 3.0, step: float = 0.05) -> list[float]:
    """[-h, h, step] with h >= half_width and h >= every |value| (rounded up to a whole number)."""
    h = max([half_width, *(math.ceil(abs(v)) for v in values)])
    return [-float(h), float(h), step]


# --------------------------------------------------------------------------- argument checks
# The numbers are checked exactly as everywhere else in neuronlib (no booleans or strings, no
# NaN or infinity, nothing larger than 1e150 in size), with the same messages. Added here is
# what only the explorers need: values as plain lists (the state the front end receives as
# JSON), the lengths the sliders allow, and menus.


def number(name: str, value: object) -> float:
    """One finite float. Booleans are numbers to Python: ``as_float`` refuses them (use 1.0 or 0.0)."""
    if not isinstance(value, Real):
        raise TypeError(f"{name} must be a number, got {type(value).__name__} {value!r}")
    return as_float(value, name)


def _a_list(name: str, value: object, of: str, what: str) -> None:
    """Refuse a value that is no list at all (a number, a string, None) before numpy reads it."""
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence) and not hasattr(value, "tolist"):
        raise TypeError(f"{name} must be a list of {of}{what}, got {type(value).__name__} {value!r}")


def vector(name: str, value: object, length: int | None = None,
           lengths: range | None = None, what: str = "") -> list[float]:
    """A list of finite floats, of exactly ``length`` items or a length in ``lengths``."""
    _a_list(name, value, "numbers", what)
    items = as_vector(value, name).tolist()
    if length is not None and len(items) != length:
        raise ValueError(f"{name} must have {length} numbers{what}, got {len(items)}: {items!r}")
    if lengths is not None and len(items) not in lengths:
        raise ValueError(
            f"{name} must have {lengths.start} to {lengths.stop - 1} numbers{what}, got {len(items)}")
    return items


def matrix(name: str, value: object, rows: int | None = None, cols: range | None = None,
           what: str = "") -> list[list[float]]:
    """A list of ``rows`` equally long rows of finite floats, each with a length in ``cols``."""
    _a_list(name, value, "rows", what)
    items = as_matrix(value, name).tolist()
    if rows is not None and len(items) != rows:
        raise ValueError(f"{name} must have {rows} rows{what}, got {len(items)}")
    if cols is not None and len(items[0]) not in cols:
        raise ValueError(f"{name} rows must have {cols.start} to {cols.stop - 1} numbers{what}, "
                         f"got {len(items[0])}")
    return items


def choice(name: str, value: object, options: Sequence[str]) -> str:
    """``value`` if it is one of ``options``; otherwise a ``ValueError`` listing them."""
    if not isinstance(value, str) or value not in options:
        raise ValueError(f"unknown {name} {value!r}; choose one of: {', '.join(options)}")
    return value


# --------------------------------------------------------------------------- the activation menu


def activation_config() -> dict:
    """The config entries of an explorer with an activation menu: the names it offers and
    the parameters it uses for them, so the menu and the maths in the browser are neuronlib's."""
    return {"names": list(ACTIVATION_NAMES), "params": dict(DEFAULT_PARAMS)}


def check_activation(name: object, what: str = "activation") -> str:
    """``name`` if it is one of the activation names the menu offers (``what`` names it in the error)."""
    return choice(what, name, ACTIVATION_NAMES)


def make_activation(name: str, params: dict | None = None) -> Activation:
    """neuronlib's Activation ``name`` with the explorer's parameters (slope, alpha) where it
    takes them (the defaults unless ``params`` says otherwise)."""
    params = {**DEFAULT_PARAMS, **(params or {})}
    return get_activation(name, **{key: params[key] for key in get_activation(name).params})


# --------------------------------------------------------------------------- trait types


class Number(t.TraitType):
    """A synced trait holding one finite float (``TypeError``/``ValueError`` otherwise)."""

    default_value = 0.0

    def validate(self, obj, value):
        return number(self.name, value)


class Integer(t.TraitType):
    """A synced trait holding one whole number (``TypeError`` otherwise)."""

    default_value = 0

    def validate(self, obj, value):
        if isinstance(value, bool) or not isinstance(value, Integral):
            raise TypeError(f"{self.name} must be a whole number, got {type(value).__name__} {value!r}")
        return int(value)


class Vector(t.TraitType):
    """A synced trait holding a list of finite floats: ``length`` of them if given, otherwise
    as many as the explorer started with (``obj._initial``)."""

    default_value: tuple = ()

    def __init__(self, length: int | None = None, what: str = "", **kwargs):
        self.length = length
        self.what = what
        super().__init__(**kwargs)

    def validate(self, obj, value):
        n = self.length
        if n is None and self.name in getattr(obj, "_initial", {}):
            n = len(obj._initial[self.name])
        return vector(self.name, value, length=n, what=self.what)


class Matrix(t.TraitType):
    """A synced trait holding a list of ``rows`` rows of finite floats (as many rows as the
    explorer started with if ``rows`` is None), each as long as the explorer started with."""

    default_value: tuple = ()

    def __init__(self, rows: int | None, what: str = "", **kwargs):
        self.rows = rows
        self.what = what
        super().__init__(**kwargs)

    def validate(self, obj, value):
        out = matrix(self.name, value, rows=self.rows, what=self.what)
        start = getattr(obj, "_initial", {}).get(self.name)
        if start is not None and self.rows is None and len(out) != len(start):
            raise ValueError(f"{self.name} must have {len(start)} rows{self.what}, got {len(out)}")
        if start is not None and len(out[0]) != len(start[0]):
            raise ValueError(f"{self.name} rows must have {len(start[0])} numbers{self.what}, "
                             f"got {len(out[0])}")
        return out


class ActivationName(t.TraitType):
    """A synced trait holding one of neuronlib's activation names (``ValueError`` naming the
    choices otherwise); ``what`` is how its errors call it."""

    default_value = "relu"

    def __init__(self, what: str = "activation", **kwargs):
        self.what = what
        super().__init__(**kwargs)

    def validate(self, obj, value):
        return check_activation(value, self.what)


# --------------------------------------------------------------------------- what a link may say


def _link_spec(trait: t.TraitType, value: object = None, config: dict | None = None) -> dict | None:
    """What a link may say about one synced value (see :func:`link_schema`); ``None`` if a link
    says nothing of it. Without ``config`` (the class, not an explorer): the type only."""
    md = trait.metadata
    kind = ("v" if isinstance(trait, Vector) else "m" if isinstance(trait, Matrix)
            else "n" if isinstance(trait, Number) else "i" if isinstance(trait, Integer)
            else "s" if isinstance(trait, (ActivationName, t.Unicode)) else "l" if isinstance(trait, t.List)
            else None)
    if kind is None or kind == "s" and not isinstance(trait, ActivationName) and "among" not in md:
        return None
    spec: dict = {"t": kind}
    if config is None:
        return spec
    look = lambda v: config[v] if isinstance(v, str) else v  # noqa: E731  (a config key, or the number)
    spec.update({k: look(md[k]) for k in ("low", "high", "above", "most") if k in md})
    if kind == "s":
        spec["in"] = list(ACTIVATION_NAMES) if isinstance(trait, ActivationName) else list(config[md["among"]])
    elif "among" in md:
        spec["in"] = list(config[md["among"]])
    if kind == "v":
        spec["n"] = len(value)
    if kind == "m":
        spec["n"] = [len(value), len(value[0])]
    return spec


def link_schema(explorer) -> dict:
    """What a link to ``explorer`` may say, derived from its synced traits, their tags and its
    config: ``{"max": 1e150, "keys": [[key, spec], ...]}``, one spec per value a link carries, in
    the explorer's order (a list: the page's JSON sorts the keys of a dict). A spec
    has the type ``t`` (``n`` number, ``i`` whole number, ``v`` list of numbers, ``m`` rows of
    numbers, ``l`` list of whole numbers, ``s`` a name), and as the explorer's checks say:
    ``low``/``high`` (inclusive bounds), ``above`` (exclusive), ``in`` (the allowed values),
    ``n`` (the length, or [rows, columns]), ``most`` (the longest list). js/links.js checks a
    link with it, as :func:`neuronlib.explorers.links.read_link` does in Python."""
    traits = explorer.traits()
    specs = {key: _link_spec(traits[key], getattr(explorer, key), explorer._config)
             for key in explorer._state_keys}
    return {"max": MAX_MAGNITUDE, "keys": [[k, v] for k, v in specs.items() if v is not None]}


# --------------------------------------------------------------------------- the base class

_counters: defaultdict[str, itertools.count] = defaultdict(lambda: itertools.count(1))
#: The explorers alive in this kernel, by model id (a cell run again replaces its explorers).
_live: dict[str, "Explorer"] = {}
#: How many explorers the cell now running has made: (the request's msg_id, count).
_in_cell: list = [None, 0]


def _cell_id() -> str | None:
    """The id of the notebook cell now running, as JupyterLab (and tools/execute_notebooks.py)
    send it with each execute request; ``None`` outside such a cell (nbval, a script)."""
    try:
        from IPython import get_ipython

        parent = get_ipython().kernel.get_parent()
    except Exception:  # no IPython, no kernel (a plain script)
        return None
    cell = (parent.get("metadata") or {}).get("cellId")
    if not cell:
        return None
    msg_id = parent.get("header", {}).get("msg_id")
    if _in_cell[0] != msg_id:
        _in_cell[:] = [msg_id, 0]
    _in_cell[1] += 1
    return cell if _in_cell[1] == 1 else f"{cell}-{_in_cell[1]}"


def _model_id(kind: str, number: int) -> str:
    """``neuronlib-<kind>-<cell id>`` when a notebook cell makes the explorer, so running the
    cell again gives the same id as the saved notebook's widget state knows (JupyterLab saves
    no widget state of its own: a new id would show "model not found" when the notebook is
    reopened); ``neuronlib-<kind>-<number>`` otherwise. Never a random uuid: executing a
    notebook twice gives identical outputs."""
    cell = _cell_id()
    model_id = f"neuronlib-{kind}-{number if cell is None else cell}"
    old = _live.pop(model_id, None)
    if old is not None:  # the same cell, run again: its old explorer goes
        _let_go(old.layout)
        _let_go(old)
    return model_id


def _let_go(widget: ipywidgets.Widget) -> None:
    """Forget ``widget`` in this kernel without telling the front end: the new explorer's
    comm_open with the same id replaces its model there. (JupyterLab has already cleared the
    old output when the cell ran again; a comm_close for it makes JupyterLab's widget manager
    throw "Cannot read properties of undefined (reading 'node')".)"""
    old = widget.comm
    if old is None:
        return
    old._closed = True  # comm's BaseComm sends nothing once closed, not even when collected
    comm.get_comm_manager().unregister_comm(old)
    ipywidgets.widgets.widget._instances.pop(widget.model_id, None)
    widget.comm = None


class Explorer(anywidget.AnyWidget):
    """Common machinery; subclasses set ``_kind``, ``_esm``, ``_state_keys`` and ``summary``."""

    _kind: ClassVar[str] = ""
    _state_keys: ClassVar[tuple[str, ...]] = ()
    #: Fixed settings for the front end (ranges, limits, activation names ...).
    _config = t.Dict().tag(sync=True)
    #: The values Reset restores.
    _initial = t.Dict().tag(sync=True)

    def __init__(self, config: dict, **state):
        self._number = next(_counters[self._kind])
        self._displays = 0
        model_id = _model_id(self._kind, self._number)
        layout = ipywidgets.Layout(model_id=f"{model_id}-layout")
        super().__init__(model_id=model_id, layout=layout, _config=config, **state)
        _live[model_id] = self
        self._initial = self.get_state(key=list(self._state_keys))

    def summary(self) -> str:  # pragma: no cover - every subclass overrides it
        raise NotImplementedError

    def facts(self) -> list[str]:  # pragma: no cover - every subclass overrides it
        """The figure in words, one sentence per thing it shows (what a screen reader hears,
        the new sentences only, once the reader pauses); the browser's are the same."""
        raise NotImplementedError

    def describe(self) -> str:
        """The figure in words, as the browser says it under "Show the numbers" (its facts, joined)."""
        return " ".join(self.facts())

    def sweep(self) -> dict | None:
        """What the Listen button plays and the trace steps through: ``{"name": the input that
        moves, "at": what stays fixed ("" if nothing is said), "xs": the inputs, "zs": z at each,
        "outputs": the output at each}``, maybe with ``"notes"`` (words the trace adds at each
        input), ``"ticks"`` (tones that tick) or ``"silent"`` (why there is nothing to hear); the
        explorers of the whole plane take the row ``x2`` (:mod:`neuronlib.explorers.listen`)."""
        return None

    def tones(self, **where) -> list:
        """The tone schedule the Listen button plays (:func:`neuronlib.sound.tone_schedule` of
        :meth:`sweep`, called with ``where``), as ``nlToneSchedule`` computes it in the browser."""
        s = self.sweep(**where)
        return [] if s.get("silent") else tone_schedule(s["xs"], s["zs"], s["outputs"], ticks=s.get("ticks"))

    def trace(self, i: int, **where) -> str:
        """What a screen reader hears when the trace point is at step ``i`` of :meth:`sweep`
        (called with ``where``), as ``nlTraceText`` in js/sound.js says it."""
        s = self.sweep(**where)
        if s.get("silent"):
            return f"{s['silent']}: nothing to hear."
        at = f" ({s['at']})" if s["at"] else ""
        z = "" if s["name"] == "z" else f"z = {fmt(s['zs'][i])}, "
        note = f", {s['notes'][i]}" if s.get("notes") else ""
        return f"{s['name']} = {fmt(s['xs'][i])}{at}: {z}output {fmt(s['outputs'][i])}{note}."

    def __str__(self) -> str:
        return self.summary()

    def reset(self) -> None:
        """Restore the values the explorer started with (as the Reset button does)."""
        with self.hold_trait_notifications():
            for key, value in self._initial.items():
                setattr(self, key, value)

    def static_state(self) -> dict:
        """The state the static page's stand-in model starts from (JSON-ready), with what a
        link may say about each value (``_links``, see :func:`link_schema`) when it may say any."""
        state = self.get_state(key=[*self._state_keys, "_config", "_initial"])
        schema = link_schema(self)
        return {**state, "_links": schema} if schema["keys"] else state

    def link(self, page: str = "") -> str:
        """The link to this explorer as it is now on the chapter page ``page`` (its address),
        as its "Copy link" button makes it: ``page#nl-hyperplane-1?weights=1,-1&bias=0.5&...``.
        :func:`neuronlib.explorers.from_link` rebuilds the explorer from it."""
        from .links import link_query  # links.py imports this module

        return f"{page}#nl-{self._kind}-{self._number}?{link_query(self)}"

    def to_html(self, dom_id: str | None = None) -> str:
        """The self-contained HTML that runs this explorer without a kernel."""
        if dom_id is None:
            dom_id = f"nl-{self._kind}-{self._number}"
        return static_html(self._kind, dom_id, self.static_state(), self.summary())

    def save_html(self, path) -> None:
        """Write this explorer, as it is now, to a standalone HTML file that runs without
        Python or a network (open it in any browser, or send it to a friend)."""
        page = standalone_page([self.to_html()], title=self.summary().split(":")[0])
        Path(path).write_text(page, encoding="utf-8")

    def _repr_mimebundle_(self, **kwargs):
        bundle = super()._repr_mimebundle_(**kwargs)
        if bundle is None:
            return None
        data, metadata = bundle if isinstance(bundle, tuple) else (bundle, {})
        self._displays += 1
        suffix = "" if self._displays == 1 else f"-{self._displays}"
        data = dict(data)
        data["text/plain"] = self.summary()
        data["text/html"] = self.to_html(f"nl-{self._kind}-{self._number}{suffix}")
        return data, metadata


class SteppedExplorer(Explorer):
    """An explorer that trains step by step (training, learning): a positive ``learning_rate``
    and the ``step`` shown, from 0 to the config's ``max_steps``."""

    learning_rate = Number(0.5).tag(sync=True, above=0)
    step = Integer().tag(sync=True, low=0, high="max_steps")

    @t.validate("learning_rate")
    def _check_learning_rate(self, proposal):
        if proposal["value"] <= 0:
            raise ValueError(f"learning_rate must be positive, got {proposal['value']}")
        return proposal["value"]

    @t.validate("step")
    def _check_step(self, proposal):
        top = self._config.get("max_steps", proposal["value"])
        if not 0 <= proposal["value"] <= top:
            raise ValueError(f"step must be between 0 and {top}, got {proposal['value']}")
        return proposal["value"]

    def facts(self) -> list[str]:
        """The figure in words: the step, then what the readout says of it, as sentences."""
        summary = self.summary()
        tail = summary[summary.index("; step ") + 2:]
        step, rest = tail.split(": ", 1)
        return [step[0].upper() + step[1:] + ".", rest[0].upper() + rest[1:] + "."]

    def trained(self):
        """:meth:`history` (the subclass's run of :func:`neuronlib.training.train` to the current
        step), or, if training diverges before it, the readout's words saying so."""
        from neuronlib.training import TrainingDiverged

        try:
            return self.history()
        except TrainingDiverged as error:
            return (f"training diverged at step {error.step} (the numbers blew up): "
                    "try a smaller learning rate")
