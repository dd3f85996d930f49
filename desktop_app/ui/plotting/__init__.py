"""pyqtgraph building blocks shared by the charts: axes, palette, grid, export.

pyqtgraph and numpy cost most of the program's start-up time, so views import chart modules
inside the method that first builds the chart, never at module top.
"""
