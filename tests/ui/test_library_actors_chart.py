"""The Library actors charts, as laid out: the top-10 chart's name axis
lists the actors and leaves each name room to be drawn whole (Qt elides a
label, "Vladimir P…", when it has less), and the count axis has
whole-number ticks at a round step."""
from __future__ import annotations

from PySide6.QtCharts import QChartView
from PySide6.QtGui import QFontMetricsF

from desktop.ui.actors.library_actors import bar_chart


def _label_room(view: QChartView) -> tuple[float, float]:
    """The room left of the plot for the name labels, and the widest name."""
    view.grab()  # lay the chart out as on screen
    chart = view.chart()
    names = list(chart.axes()[0].categories())
    metrics = QFontMetricsF(chart.axes()[0].labelsFont())
    room = chart.plotArea().left() - chart.margins().left()
    return room, max(metrics.horizontalAdvance(n) for n in names)


def test_top_actors_chart_shows_names_whole_and_whole_number_ticks(make_window, qtbot):
    window = make_window()
    dialog = window.actions["library_actors"].trigger() or window.actor_tools.dialog
    dialog.resize(700, 600)  # a small dialog: the chart keeps room for the names
    dialog.show()
    qtbot.waitExposed(dialog)
    chart = dialog.quoted_chart.chart()
    names = list(chart.axes()[0].categories())
    quoted = sorted((r for r in dialog.model.rows if r.quotes), key=lambda r: (-r.quotes, r.name))[:10]
    assert names == [r.name for r in reversed(quoted)]
    room, widest = _label_room(dialog.quoted_chart)
    assert room >= widest
    # Each name has at least a line of height (Qt draws "…" otherwise).
    assert chart.plotArea().height() / len(names) >= QFontMetricsF(chart.axes()[0].labelsFont()).height()
    counts = chart.axes()[1]
    assert counts.labelFormat() == "%d" and counts.min() == 0
    step = (counts.max() - counts.min()) / (counts.tickCount() - 1)
    assert float(counts.max()).is_integer() and step.is_integer() and step >= 1
    dialog.close()


def test_count_ticks_are_round_for_a_large_count(qtbot):
    view = QChartView(bar_chart("Most quoted", [("Vladimir Putin", 400), ("Emmanuel Macron", 7)], horizontal=True))
    qtbot.addWidget(view)
    counts = view.chart().axes()[1]
    ticks = [counts.min() + k * (counts.max() - counts.min()) / (counts.tickCount() - 1)
             for k in range(counts.tickCount())]
    assert ticks == [0, 100, 200, 300, 400]  # not 0, 133, 267, 400
