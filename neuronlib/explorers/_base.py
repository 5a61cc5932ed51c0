"""The base class of every explorer: an anywidget whose display also carries a static HTML
version (the same ES module on a stand-in model) and a plain-text summary."""

from __future__ import annotations

import itertools
from collections import defaultdict
from typing import ClassVar

import anywidget
import ipywidgets
import traitlets as t

from . import _bundle

_counters: defaultdict[str, itertools.count] = defaultdict(lambda: itertools.count(1))


class Explorer(anywidget.AnyWidget):
    """Common machinery; subclasses set ``_kind``, ``_esm``, ``_state_keys`` and ``summary``."""

    _kind: ClassVar[str] = ""
    _state_keys: ClassVar[tuple[str, ...]] = ()
    #: Fixed settings for the front end (ranges, limits, activation names ...).
    _config = t.Dict().tag(sync=True)
    #: The values Reset restores.
    _initial = t.Dict().tag(sync=True)

    def __init__(self, config: dict, **state):
        # Ids come from a per-kernel counter, never a random uuid: executing a notebook twice
        # gives identical outputs (and identical saved widget state).
        self._number = next(_counters[self._kind])
        self._displays = 0
        model_id = f"neuronlib-{self._kind}-{self._number}"
        layout = ipywidgets.Layout(model_id=f"{model_id}-layout")
        super().__init__(model_id=model_id, layout=layout, _config=config, **state)
        self._initial = self.get_state(key=list(self._state_keys))

    def summary(self) -> str:  # pragma: no cover - every subclass overrides it
        raise NotImplementedError

    def __str__(self) -> str:
        return self.summary()

    def reset(self) -> None:
        """Restore the values the explorer started with (as the Reset button does)."""
        with self.hold_trait_notifications():
            for key, value in self._initial.items():
                setattr(self, key, value)

    def static_state(self) -> dict:
        """The state the static page's stand-in model starts from (JSON-ready)."""
        return self.get_state(key=[*self._state_keys, "_config", "_initial"])

    def to_html(self, dom_id: str | None = None) -> str:
        """The self-contained HTML that runs this explorer without a kernel."""
        if dom_id is None:
            dom_id = f"nl-{self._kind}-{self._number}"
        return _bundle.static_html(self._kind, dom_id, self.static_state(), self.summary())

    def save_html(self, path) -> None:
        """Write this explorer, as it is now, to a standalone HTML file that runs without
        Python or a network (open it in any browser, or send it to a friend)."""
        from pathlib import Path

        page = _bundle.standalone_page([self.to_html()], title=self.summary().split(":")[0])
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
