"""The growth table of issue 21 (``run.py --scales``): every scenario at every scale, the largest
scale against the next smaller one, and whether the interactive scenarios stay flat.

An interactive scenario is met when its value at the largest scale is within its target (the
value's: a ratio target to a floor is checked in each scale's own table) and it
grows by at most 25 % from the next smaller scale (memory: by at most 30 MB). The others may grow
with the data (more rows imported, printed or copied); they are checked against their target only.
"""

from dataclasses import dataclass

from scale_files import scale_label

# Growth-limited: what a user waits for while working, whatever the size of the database.
INTERACTIVE = frozenset({
    "startup", "first_paint", "memory", "people_list", "search", "search_slowest", "open_visit", "briefing",
    "cli_visits",
})  # fmt: skip
GROWTH_RATIO = 1.25
GROWTH_MB = 30.0


@dataclass(frozen=True)
class Growth:
    ratio: float | None  # largest scale ÷ next smaller; None where either is missing
    difference: float | None  # the same, as a difference in the scenario's unit
    limited: bool  # an interactive scenario: its growth counts
    within_target: bool | None  # at the largest scale; None where it was not measured there
    in_mb: bool = False  # memory: its growth is limited in MB, not as a ratio

    @property
    def growth_ok(self) -> bool | None:
        if not self.limited:
            return True
        if self.ratio is None or self.difference is None:
            return None
        return self.difference <= GROWTH_MB if self.in_mb else self.ratio <= GROWTH_RATIO

    @property
    def met(self) -> bool | None:
        """None where what decides it was not measured (one scale only: no growth)."""
        if self.within_target is False or self.growth_ok is False:
            return False
        if self.within_target is None or self.growth_ok is None:
            return None
        return True

    def as_json(self) -> dict:
        limit = None
        if self.limited:
            limit = {"difference_mb": GROWTH_MB} if self.in_mb else {"ratio": GROWTH_RATIO}
        fields = {"ratio": None if self.ratio is None else round(self.ratio, 4), "growth_limit": limit}
        if self.in_mb:
            fields["difference_mb"] = None if self.difference is None else round(self.difference, 1)
        fields.update(within_target=self.within_target, growth_ok=self.growth_ok, met=self.met)
        return fields


def scenario_names(per_scale: dict[float, dict]) -> list[str]:
    names: list[str] = []
    for results in per_scale.values():
        names += [name for name in results if name not in names]
    return names


def growth(name: str, per_scale: dict[float, dict]) -> Growth:
    scales = sorted(per_scale)
    last = per_scale[scales[-1]].get(name)
    before = per_scale[scales[-2]].get(name) if len(scales) > 1 else None
    ratio = difference = None
    if last is not None and before is not None and before.value > 0:
        ratio, difference = last.value / before.value, last.value - before.value
    in_mb = last is not None and last.unit == "MB"
    # Issue 21's targets are the values; a ratio to a floor (issue 7's startup ÷ a bare window)
    # is its own target, shown in each scale's table.
    within = None if last is None else last.value <= last.target
    return Growth(ratio, difference, name in INTERACTIVE, within, in_mb)


def number(value: float | None, unit: str = "") -> str:
    """Times in ms below a second, else in s; the same in the per-scale and the growth table."""
    if value is None:
        return "–"
    if unit == "s" and value < 1:
        return f"{value * 1000:.1f} ms"
    if unit == "s":  # "1.03 s", not "1 s": the target is 1 s
        return f"{value:.2f} s"
    return f"{value:.3g} {unit}".rstrip()


def ratio_text(g: Growth, unit: str) -> str:
    if g.ratio is None:
        return "–"
    text = f"{g.ratio:.2f}×"
    if unit == "MB" and g.difference is not None:
        text += f" ({g.difference:+.0f} MB)"
    return text


def met_text(g: Growth) -> str:
    if g.met is None:
        return "–"
    if g.met:
        return "yes"
    failed = [what for what, ok in (("target", g.within_target), ("growth", g.growth_ok)) if ok is False]
    return "NO: " + ", ".join(failed)


def limit_text(g: Growth) -> str:
    if not g.limited:
        return "may grow"
    return f"≤ +{GROWTH_MB:.0f} MB" if g.in_mb else f"≤ {GROWTH_RATIO:g}×"


def ratio_header(scales: list[float]) -> str:
    if len(scales) < 2:
        return "growth"
    return f"{scale_label(scales[-1])}×/{scale_label(scales[-2])}×"


def print_growth_table(per_scale: dict[float, dict]) -> None:
    scales = sorted(per_scale)
    header = ("scenario", "stat", "target", *(f"{scale_label(s)}×" for s in scales), ratio_header(scales),
              "growth limit", "met?")  # fmt: skip
    rows = []
    for name in scenario_names(per_scale):
        any_result = next(per_scale[s][name] for s in scales if name in per_scale[s])
        unit = any_result.unit
        g = growth(name, per_scale)
        values = (number(per_scale[s][name].value, unit) if name in per_scale[s] else "–" for s in scales)
        rows.append((name, any_result.stat, number(any_result.target, unit), *values, ratio_text(g, unit),
                     limit_text(g), met_text(g)))  # fmt: skip
    widths = [max(len(str(row[i])) for row in (header, *rows)) for i in range(len(header))]
    print()
    if len(scales) > 1:
        print(f"growth (scale 1 = 100,000 people); {ratio_header(scales)}: largest scale ÷ the next smaller")
    else:
        print("growth (scale 1 = 100,000 people): give two scales or more to see it")
    for row in (header, tuple("-" * w for w in widths), *rows):
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())


def growth_json(per_scale: dict[float, dict]) -> dict:
    scales = sorted(per_scale)
    return {
        "from": scales[-2] if len(scales) > 1 else None,
        "to": scales[-1],
        "scenarios": {name: growth(name, per_scale).as_json() for name in scenario_names(per_scale)},
    }
