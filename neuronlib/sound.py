"""Hearing a neuron: the tone schedule of a sweep.

A reader who cannot see a graph can hear it (as in Desmos's audio trace). The input moves from
the left end of its range to the right end in ``SAMPLES`` even steps; at each step the explorer
computes z and the output, and plays one short tone:

- **pitch** follows the output: the lowest output of the window ``[lo, hi]`` sounds at
  ``LOW_HZ`` (220 Hz), the highest at ``HIGH_HZ`` (880 Hz), two octaves higher, and the pitch in
  between is linear in the output on a musical (log-frequency) scale::

      frequency = LOW_HZ * (HIGH_HZ / LOW_HZ) ** ((output - lo) / (hi - lo))

  where ``lo = min(0, smallest output)`` and ``hi = max(1, largest output)`` of the sweep, so
  0 and 1 are always in the window. A straight line is heard as a steady climb, a flat part
  as one held note, and a sigmoid's saturation as a climb that slows to a held note;
- **pan** follows the input: ``-1`` (left ear) at the left end of the sweep, ``+1`` (right) at
  the right end;
- **a mark where z < 0**: those tones are played with another wave shape (a buzz instead of a
  pure tone), so ReLU's flat half is a low buzz and its kink is where the buzz turns clear;
- **a tick** at the tones a sweep marks (the regions explorer marks where the on/off pattern
  changes): a short click at the tone's start.

The explorers' JavaScript (``js/sound.js``, ``nlToneSchedule``) computes the same schedule and
plays it with the Web Audio API.

>>> [round(t.frequency) for t in tone_schedule([-1, 0, 1], [-1, 0, 1], [0, 0, 1])]
[220, 220, 880]
>>> [t.pan for t in tone_schedule([-1, 0, 1], [-1, 0, 1], [0, 0, 1])], tone_schedule([0, 1], [-1, 1], [0, 1])[0].negative
([-1.0, 0.0, 1.0], True)

Introduced in: Chapter 1 (What a neuron computes), where the first explorer has a Listen button.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from neuronlib._checks import as_vector

#: How many tones a sweep plays, from the left end of the input's range to the right end.
SAMPLES = 41
#: How long a sweep plays, in seconds.
DURATION = 2.0
#: The pitch of the lowest and of the highest output of the window, in hertz (two octaves apart).
LOW_HZ = 220.0
HIGH_HZ = 880.0


@dataclass(frozen=True)
class Tone:
    """One tone of a sweep: when it starts (seconds), the input ``x`` it stands for, the neuron's
    ``z`` and ``output`` there, its ``frequency`` (Hz), its ``pan`` (-1 left to 1 right), and
    ``negative`` (z < 0: played with the other wave shape) and ``tick`` (a click at its start)."""

    time: float
    x: float
    z: float
    output: float
    frequency: float
    pan: float
    negative: bool
    tick: bool = False


def sweep_inputs(lo: float, hi: float, n: int = SAMPLES) -> np.ndarray:
    """``n`` evenly spaced inputs from ``lo`` to ``hi`` (the same floats as ``nlGrid`` in the browser).

    >>> sweep_inputs(-1, 1, 5).tolist()
    [-1.0, -0.5, 0.0, 0.5, 1.0]
    """
    return lo + (hi - lo) * np.arange(n) / (n - 1)


def tone_schedule(xs, zs, outputs, duration: float = DURATION, ticks=None) -> list[Tone]:
    """The tones of a sweep: ``xs`` the inputs (increasing), ``zs`` and ``outputs`` the neuron's
    z and output at each, ``ticks`` (optional) whether each tone ticks; tone ``i`` starts at
    ``duration * i / len(xs)`` seconds. See the module docstring for the pitch, pan and mark."""
    xs = as_vector(xs, "xs")
    zs = as_vector(zs, "zs")
    outputs = as_vector(outputs, "outputs")
    if not len(xs) == len(zs) == len(outputs) or len(xs) < 2:
        raise ValueError(f"xs, zs and outputs must have the same length, at least 2; got "
                         f"{len(xs)}, {len(zs)} and {len(outputs)}")
    if not np.all(np.diff(xs) > 0):
        raise ValueError("xs must increase from left to right")
    lo = min(0.0, float(outputs.min()))
    hi = max(1.0, float(outputs.max()))
    n = len(xs)
    ticks = [False] * n if ticks is None else [bool(v) for v in ticks]
    if len(ticks) != n:
        raise ValueError(f"ticks must have one entry per input ({n}), got {len(ticks)}")
    return [Tone(time=duration * i / n, x=float(x), z=float(z), output=float(y),
                 frequency=LOW_HZ * (HIGH_HZ / LOW_HZ) ** ((float(y) - lo) / (hi - lo)),
                 pan=-1 + 2 * (float(x) - float(xs[0])) / (float(xs[-1]) - float(xs[0])),
                 negative=bool(z < 0), tick=ticks[i])
            for i, (x, z, y) in enumerate(zip(xs, zs, outputs))]
