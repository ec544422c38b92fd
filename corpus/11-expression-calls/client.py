recorder = Recorder("log")
gauges = [Gauge("a", 40, recorder), Gauge("b", 25, recorder), Gauge("c", 10, recorder)]
panel = Panel("main", gauges)


def show(label: str, value) -> None:
    print(f"{label}: {value} <- {recorder.take()}")


show("spread", panel.spread())
show("nested", panel.nested())
show("peak", panel.peak())
show("high names", panel.high_names(20))
show("levels", panel.levels())
show("both high 30", panel.both_high(30))
show("either high 30", panel.either_high(30))
show("pick 50", panel.pick(50))
show("ordered", panel.ordered())
show("report", panel.report())
show("weighted", panel.weighted())
show("drain steps", panel.drain_first_below(12))
show("ordered", panel.ordered())
show("client sum", gauges[0].read() + gauges[1].read() * gauges[2].read())
show("client nested", gauges[2].scale(gauges[1].scale(2)))
show("client min", min(gauge.read() for gauge in gauges))
